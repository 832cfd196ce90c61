package sim

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"runtime"
	"slices"
	"sync"

	"github.com/parley-sim/parley/sim/equilibrium"
)

// payoffGrid is the number of grid steps per unit of utility that
// estimated payoffs are rounded to before the exact solver
// (sim/equilibrium) compares or solves them:
// 1e9, far below any standard error yet coarse enough that the exact
// solver's fractions stay small (a float64 converts exactly to a fraction
// over 2⁵²). Payoffs that are equal as floats stay equal, so ties between
// strategies that play alike survive.
const payoffGrid = 1e9

// GameAnalysis is the game-theoretic reading of an estimated MetaGame:
// dominated strategies, best responses and every Nash equilibrium, each
// with how often it survives the bootstrap. Its JSON field names are
// stable.
type GameAnalysis struct {
	// Dominated lists, for each player, its strategies dominated by
	// another of its pure strategies.
	Dominated [2][]Dominance `json:"dominated"`

	// BestResponses lists, for each player, its best responses to each
	// of the other player's strategies.
	BestResponses [2][]BestResponse `json:"best_responses"`

	// Equilibria is every extreme Nash equilibrium of the estimated game,
	// in the solver's order: by the row player's mixed strategy, then the
	// column player's, larger probabilities on earlier strategies first,
	// as Gambit orders them.
	Equilibria []GameEquilibrium `json:"equilibria"`

	// Degenerate reports a degenerate estimated game, in which equilibria
	// can form continua: Components lists each maximal set of equilibria
	// any mixture of which, player by player, is an equilibrium too, as
	// indices into Equilibria.
	Degenerate bool    `json:"degenerate"`
	Components [][]int `json:"components"`
}

// Dominance is a dominated strategy.
type Dominance struct {
	Strategy string `json:"strategy"`

	// Strictly is true when some strategy in By does strictly better
	// against every strategy of the other player; otherwise each does at
	// least as well everywhere and strictly better somewhere.
	Strictly bool     `json:"strictly"`
	By       []string `json:"by"`

	// Robustness is the fraction of bootstrap replicates in which the
	// strategy is dominated in the same way (strictly or weakly).
	Robustness float64 `json:"robustness"`
}

// BestResponse is a player's best responses to one strategy of the other.
type BestResponse struct {
	To         string   `json:"to"`
	Strategies []string `json:"strategies"`

	// Robustness is the fraction of bootstrap replicates with the same
	// set of best responses.
	Robustness float64 `json:"robustness"`
}

// GameEquilibrium is a Nash equilibrium of the estimated game.
type GameEquilibrium struct {
	// Strategies is each player's mixed strategy over its support, in
	// strategy order; Pure is true when both supports are single
	// strategies.
	Strategies [2][]Weight `json:"strategies"`
	Pure       bool        `json:"pure"`

	// Utilities is each player's expected utility under the profile,
	// computed from the unrounded estimates, with the 95% percentile
	// interval of the profile's expected utility across bootstrap
	// replicates.
	Utilities [2]Value `json:"utilities"`

	// Outcomes is the outcome distribution the profile induces,
	// Σᵢⱼ pᵢ·qⱼ·P(outcome | i, j), keyed by Outcome.String.
	Outcomes map[string]float64 `json:"outcomes"`

	// Deviations is, for each player, its best pure strategy outside
	// the equilibrium's support and what deviating to it would cost.
	Deviations [2]Deviation `json:"deviations"`

	// Robustness is the fraction of bootstrap replicates whose game has an
	// equilibrium with the same supports; 0 without replicates.
	Robustness float64 `json:"robustness"`
}

// Deviation is a player's best pure deviation from an equilibrium: the
// strategy outside the support that pays most against the other's mix,
// and Loss, the equilibrium utility minus that strategy's, with its
// bootstrap percentile interval. Loss is ≥ 0 in the estimated game, up
// to the rounding of payoffs to 1/payoffGrid before solving; its
// interval is paired, since a replicate reweights the same episodes in
// every cell. Strategy is "" and Loss 0 when the support holds every
// strategy.
type Deviation struct {
	Strategy string `json:"strategy"`
	Loss     Value  `json:"loss"`
}

// Weight is the probability a mixed strategy puts on one strategy.
type Weight struct {
	Strategy    string  `json:"strategy"`
	Probability float64 `json:"probability"`
}

// Value is an expected utility and its bootstrap percentile interval,
// nil (JSON null) without replicates.
type Value struct {
	Value float64     `json:"value"`
	CI95  *[2]float64 `json:"ci95"`
}

// Analyze solves the estimated game g and reads it: dominance, best
// responses, every extreme Nash equilibrium with its utilities, induced
// outcomes and robustness. Payoffs are first rounded to multiples of
// 1/payoffGrid. Robustness solves every bootstrap replicate's game,
// spread over one goroutine per CPU; the result does not depend on how
// many there are. Analyze stops early with ctx's error when ctx is done.
func Analyze(ctx context.Context, g *MetaGame) (*GameAnalysis, error) {
	if len(g.boot) != g.Replicates {
		return nil, fmt.Errorf("bootstrap_replicates: %d, but the game holds %d replicates; analyze a game PlayGame returned", g.Replicates, len(g.boot))
	}
	est, err := read(g.Payoffs())
	if err != nil {
		return nil, err
	}
	reps := make([]reading, g.Replicates)
	if err := forEach(ctx, g.workers, len(reps), func(r int) error {
		var err error
		reps[r], err = read(g.Replicate(r))
		return err
	}); err != nil {
		return nil, err
	}

	sol := est.sol
	an := &GameAnalysis{Degenerate: sol.Degenerate, Components: [][]int{}}
	for k := range 2 {
		an.Dominated[k] = dominance(g, est, reps, k)
		an.BestResponses[k] = bestResponses(g, est, reps, k)
	}
	for _, e := range sol.Equilibria {
		an.Equilibria = append(an.Equilibria, g.equilibrium(e, reps))
	}
	for _, c := range sol.Components {
		var members []int
		for n, e := range sol.Equilibria {
			if slices.Contains(c.P1, e.Vertex[0]) && slices.Contains(c.P2, e.Vertex[1]) {
				members = append(members, n)
			}
		}
		an.Components = append(an.Components, members)
	}
	return an, nil
}

// RoundedPayoffs returns the payoff matrices Analyze reads: those of
// Payoffs rounded to multiples of 1/payoffGrid, as exact fractions.
func (g *MetaGame) RoundedPayoffs() (a, b [][]*big.Rat) {
	pa, pb := g.Payoffs()
	return rounded(pa), rounded(pb)
}

// rounded returns m rounded to multiples of 1/payoffGrid, as exact
// fractions.
func rounded(m [][]float64) [][]*big.Rat {
	out := make([][]*big.Rat, len(m))
	for i, row := range m {
		out[i] = make([]*big.Rat, len(row))
		for j, x := range row {
			out[i][j] = big.NewRat(int64(math.Round(x*payoffGrid)), payoffGrid)
		}
	}
	return out
}

// A reading is what the solver finds in one game: its equilibria, its
// dominated strategies and its best responses.
type reading struct {
	sol  *equilibrium.Solution
	dom  [2][]equilibrium.Domination
	best [2][][]int
}

// read reads the game with payoffs a and b, rounded.
func read(a, b [][]float64) (reading, error) {
	ra, rb := rounded(a), rounded(b)
	var r reading
	var err error
	if r.sol, err = equilibrium.Solve(ra, rb); err != nil {
		return r, err
	}
	if r.dom, err = equilibrium.Dominated(ra, rb); err != nil {
		return r, err
	}
	r.best, err = equilibrium.BestResponses(ra, rb)
	return r, err
}

// dominators returns player k's strategies that dominate s, strictly
// when some does, weakly otherwise.
func (r reading) dominators(k, s int) (by []int, strictly bool) {
	var weak, strict []int
	for _, d := range r.dom[k] {
		switch {
		case d.Strategy != s:
		case d.Strict:
			strict = append(strict, d.By)
		default:
			weak = append(weak, d.By)
		}
	}
	if len(strict) > 0 {
		return strict, true
	}
	return weak, false
}

// dominance lists player k's dominated strategies.
func dominance(g *MetaGame, est reading, reps []reading, k int) []Dominance {
	out := []Dominance{}
	for s, name := range g.Players[k].Strategies {
		by, strictly := est.dominators(k, s)
		if len(by) == 0 {
			continue
		}
		d := Dominance{Strategy: name, Strictly: strictly, By: g.names(k, by)}
		d.Robustness = fraction(reps, func(r reading) bool {
			rby, rstrictly := r.dominators(k, s)
			return len(rby) > 0 && rstrictly == strictly
		})
		out = append(out, d)
	}
	return out
}

// bestResponses lists player k's best responses to each strategy of the
// other player.
func bestResponses(g *MetaGame, est reading, reps []reading, k int) []BestResponse {
	var out []BestResponse
	for t, best := range est.best[k] {
		out = append(out, BestResponse{
			To: g.Players[1-k].Strategies[t], Strategies: g.names(k, best),
			Robustness: fraction(reps, func(r reading) bool { return slices.Equal(r.best[k][t], best) }),
		})
	}
	return out
}

// equilibrium describes the equilibrium e of the estimated game.
func (g *MetaGame) equilibrium(e equilibrium.Equilibrium, reps []reading) GameEquilibrium {
	p := [2][]float64{floats(e.P1), floats(e.P2)}
	ge := GameEquilibrium{Outcomes: make(map[string]float64)}
	for k := range 2 {
		for s, x := range p[k] {
			if x > 0 {
				ge.Strategies[k] = append(ge.Strategies[k], Weight{Strategy: g.Players[k].Strategies[s], Probability: x})
			}
		}
	}
	var est [2][][]float64
	est[0], est[1] = g.Payoffs()
	for k := range 2 {
		ge.Utilities[k] = g.bootValue(reps, func(u [2][][]float64) float64 { return expected(u[k], p[0], p[1]) })
		if d := bestDeviation(est, p, k); d >= 0 {
			ge.Deviations[k] = Deviation{Strategy: g.Players[k].Strategies[d],
				Loss: g.bootValue(reps, func(u [2][][]float64) float64 {
					return expected(u[k], p[0], p[1]) - deviationPayoff(u, p, k, d)
				})}
		}
	}
	ge.Pure = len(ge.Strategies[0]) == 1 && len(ge.Strategies[1]) == 1
	for _, o := range Outcomes() {
		sum := 0.0
		for i, x := range p[0] {
			for j, y := range p[1] {
				sum += x * y * g.Cells[i][j].Outcomes[o.String()].P
			}
		}
		ge.Outcomes[o.String()] = sum
	}
	supports := e.Support()
	ge.Robustness = fraction(reps, func(r reading) bool {
		return slices.ContainsFunc(r.sol.Equilibria, func(f equilibrium.Equilibrium) bool {
			s := f.Support()
			return slices.Equal(s[0], supports[0]) && slices.Equal(s[1], supports[1])
		})
	})
	return ge
}

// bootValue returns f of the estimated payoffs and the 95% percentile
// interval of f across the bootstrap replicates' payoffs, nil without
// replicates.
func (g *MetaGame) bootValue(reps []reading, f func(u [2][][]float64) float64) Value {
	var u [2][][]float64
	u[0], u[1] = g.Payoffs()
	v := f(u)
	val := Value{Value: v}
	if len(reps) == 0 {
		return val
	}
	vs := make([]float64, len(reps))
	for r := range reps {
		u[0], u[1] = g.Replicate(r)
		vs[r] = f(u)
	}
	slices.Sort(vs)
	lo, hi := interval95(vs)
	val.CI95 = &[2]float64{lo, hi}
	return val
}

// deviationPayoff returns player k's expected payoff from its pure
// strategy s against the other's mix in profile p.
func deviationPayoff(u [2][][]float64, p [2][]float64, k, s int) float64 {
	pure := make([]float64, len(p[k]))
	pure[s] = 1
	if k == 0 {
		return expected(u[0], pure, p[1])
	}
	return expected(u[1], p[0], pure)
}

// bestDeviation returns player k's pure strategy outside the support of
// p[k] that pays it most against the other's mix, or −1 when the support
// holds every strategy.
func bestDeviation(u [2][][]float64, p [2][]float64, k int) int {
	best := -1
	for s, x := range p[k] {
		if x == 0 && (best < 0 || deviationPayoff(u, p, k, s) > deviationPayoff(u, p, k, best)) {
			best = s
		}
	}
	return best
}

// names returns the names of player k's strategies at the given indices.
func (g *MetaGame) names(k int, idx []int) []string {
	out := make([]string, len(idx))
	for n, s := range idx {
		out[n] = g.Players[k].Strategies[s]
	}
	return out
}

// fraction returns the fraction of replicates for which f is true, 0
// when there are none.
func fraction(reps []reading, f func(reading) bool) float64 {
	if len(reps) == 0 {
		return 0
	}
	n := 0
	for _, r := range reps {
		if f(r) {
			n++
		}
	}
	return float64(n) / float64(len(reps))
}

// interval95 returns the 95% percentile interval of the sorted xs: the
// order statistics of ranks k and n + 1 − k, k = max(1, ⌈0.025·n⌉), so
// that as many values lie below it as above.
func interval95(xs []float64) (lo, hi float64) {
	n := len(xs)
	k := max(1, int(math.Ceil(0.025*float64(n))))
	return xs[k-1], xs[n-k]
}

// expected returns xᵀ·u·y.
func expected(u [][]float64, x, y []float64) float64 {
	sum := 0.0
	for i, row := range u {
		for j, v := range row {
			sum += x[i] * y[j] * v
		}
	}
	return sum
}

func floats(p []*big.Rat) []float64 {
	out := make([]float64, len(p))
	for i, x := range p {
		out[i], _ = x.Float64()
	}
	return out
}

// forEach calls f(0) … f(n−1) on the given number of goroutines (one
// per CPU for 0) and returns the first error in index order, or ctx's
// error when ctx is done first.
func forEach(ctx context.Context, workers, n int, f func(int) error) error {
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				errs[i] = f(i)
			}
		})
	}
	var err error
feed:
	for i := range n {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		case next <- i:
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return err
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
