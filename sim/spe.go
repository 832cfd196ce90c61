package sim

import "math"

// A speSolution is one principal's subgame-perfect plan: the equilibrium
// of the alternating-offers game over the comprehensive frontier from the
// current state to the horizon, as that principal perceives it.
type speSolution struct {
	valid     bool
	value     [2][]float64 // principal j's utility, as a permanent deal, of reaching round t without a deal, t = 1 … H+1
	demand    []float64    // the value the principal aims for when it proposes in round t; +Inf when it prefers to wait
	threshold []float64    // the least value it accepts in round t
	scratch   []float64    // a package
}

func (s *speSolution) resize(horizon, issues int) {
	for j := range s.value {
		s.value[j] = resize(s.value[j], horizon+2)
	}
	s.demand = resize(s.demand, horizon+1)
	s.threshold = resize(s.threshold, horizon+1)
	s.scratch = resize(s.scratch, issues)
}

// solveSubgamePerfect computes principal i's subgame-perfect plan by
// backward induction (Rubinstein 1982), unless it is still valid. A
// deal reached in round t is worth its utility u in every later round
// and no deal is worth the value of no deal v, so with discount δ
// waiting one round for a deal worth V is worth (1 − δ)·v + δ·V. In the
// last round the responder's continuation is its value of no deal. In
// each round the proposer offers the frontier package that gives the
// responder exactly its continuation and keeps the rest, if that beats
// the proposer's own continuation; otherwise no deal is made that round.
// Principal i knows its own value of no deal and uses its belief about
// the other's. The plan's demands and thresholds are utilities of
// comprehensive packages turned into values with κ of i's best package
// (see episode.value), so that a package offered at exactly the
// continuation is accepted even when deals may be reversed.
func (e *episode) solveSubgamePerfect(i int) {
	s := &e.spe[i]
	e.spaces()
	if s.valid {
		return
	}
	s.valid = true
	h := e.horizon
	delta := [2]float64{e.actor(0).Discount, e.actor(1).Discount}
	r := func(j, t int) float64 {
		if j == i {
			return e.noDealValue(i, t)
		}
		return e.believed(i, t)
	}
	for j := range 2 {
		s.value[j][h+1] = r(j, h)
	}
	for t := h; t >= 1; t-- {
		p := e.proposer(t)
		var wait [2]float64
		for j := range 2 {
			wait[j] = (1-delta[j])*r(j, t) + delta[j]*s.value[j][t+1]
		}
		s.threshold[t] = r(i, t) + (wait[i]-r(i, t))*e.comp.kappa[i]
		s.demand[t] = math.Inf(1)
		s.value[0][t], s.value[1][t] = wait[0], wait[1]
		if !e.comp.ok {
			continue
		}
		u0, u1, ok := e.comp.point(&e.util, 1-p, wait[1-p], s.scratch)
		if own := pick(p, u0, u1); ok && own >= wait[p]-tolerance {
			s.value[0][t], s.value[1][t] = u0, u1
			if p == i {
				v := r(i, t)
				s.demand[t] = v + (own-v)*e.comp.kappa[i]
			}
		}
	}
}
