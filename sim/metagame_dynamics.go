package sim

import (
	"errors"
	"math"

	"github.com/parley-sim/parley/sim/equilibrium"
)

// DynamicsStep is the time step of ReplicatorDynamics, in units of
// 1/utility: with payoff differences below 1 a step changes a share's
// growth factor by less than e^0.5.
const DynamicsStep = 0.5

// DefaultDynamicsTimes are the times at which ReplicatorDynamics reports
// the shares by default. Payoff differences between strategies are
// typically a few hundredths to a few tenths of utility, so a population
// takes tens to hundreds of time units to shift.
var DefaultDynamicsTimes = []float64{0, 10, 25, 50, 100, 250, 500, 1000}

// Dynamics is how two populations' strategy mixes evolve under the
// estimated payoffs of a MetaGame. Its JSON field names are stable.
type Dynamics struct {
	Step   float64        `json:"step"`
	States []DynamicState `json:"states"`
}

// DynamicState is the share of each strategy in each population at a
// time, row player's first, in strategy order.
type DynamicState struct {
	Time   float64      `json:"time"`
	Shares [2][]float64 `json:"shares"`
}

// ReplicatorDynamics runs two-population replicator dynamics on g's
// estimated payoffs (equilibrium.Replicator) from even mixes, with step
// DynamicsStep, and returns the shares at the given times, each rounded
// down to a multiple of the step:
//
//	ẋᵢ = xᵢ·((A·y)ᵢ − xᵀA·y),   ẏⱼ = yⱼ·((Bᵀx)ⱼ − xᵀB·y).
func ReplicatorDynamics(g *MetaGame, times []float64) (*Dynamics, error) {
	if len(g.Cells) == 0 || len(g.Cells[0]) == 0 {
		return nil, errors.New("cells: none; want a game with a strategy for each side")
	}
	a, b := g.Payoffs()
	even := func(n int) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = 1 / float64(n)
		}
		return x
	}
	last := 0
	for _, t := range times {
		last = max(last, int(math.Floor(t/DynamicsStep)))
	}
	states, err := equilibrium.Replicator(a, b, even(len(a)), even(len(a[0])), DynamicsStep, last)
	if err != nil {
		return nil, err
	}
	d := &Dynamics{Step: DynamicsStep}
	for _, t := range times {
		s := states[max(int(math.Floor(t/DynamicsStep)), 0)]
		d.States = append(d.States, DynamicState{Time: s.T, Shares: [2][]float64{s.X, s.Y}})
	}
	return d, nil
}
