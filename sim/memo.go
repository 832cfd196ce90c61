package sim

import "math"

// memo keeps values the engine asks for several times a round, so that
// they are computed once: each is a pure function of its key and of the
// episode's world, and the memo is cleared when an episode starts. A key
// is compared bit for bit, so a kept value is exactly the value the
// computation would give.
type memo struct {
	noDeal  [2]noDealMemo                       // per principal: noDealValue
	latency powerMemo                           // escalationHazard's latency factor: exp(w·(ℓ − ℓ₀)) for ℓ
	alpha   [2]powerMemo                        // per principal: timeDependent's concession x^y
	reach   [2][comprehensiveDeal + 1]reachMemo // per principal and kind of deal: reachable
	kappa   [2][comprehensiveDeal + 1]kappaMemo // per principal and kind of deal: kappa
}

// A kappaMemo is a principal's κ of a deal of one kind for the reneging
// hazard h it expects of the other on it; the rest of κ's inputs are the
// episode's world.
type kappaMemo struct {
	ok   bool
	h, v float64
}

// A reachMemo is whether a principal believes a deal of one kind is
// within reach on a space's frontier (its number, 0 for none) when its
// value of no deal is v and it believes the other's is b.
type reachMemo struct {
	frontier int
	v, b     float64
	ok       bool
}

// A noDealMemo is principal i's value of no deal in round t, for the
// strike hazard h and reservation shift that round had. It is fresh (t)
// while neither has been computed or set again since: then, while the
// hazard escalationHazard keeps is for round t, it is h, and the value is
// v without comparing keys.
type noDealMemo struct {
	t           int // 0 for none
	h, shift, v float64
	fresh       int // t while fresh, 0 otherwise
}

// noDealStale marks the values of no deal as no longer fresh: the strike
// hazard or a reservation shift has been computed or set again.
func (m *memo) noDealStale() {
	m.noDeal[0].fresh, m.noDeal[1].fresh = 0, 0
}

// A powerMemo keeps f(x, y) of one math function f for the last x and y
// it was asked for: math.Exp of x·y, or math.Pow.
type powerMemo struct {
	ok      bool
	x, y, v float64
}

// exp returns math.Exp(x·y).
func (m *powerMemo) exp(x, y float64) float64 {
	if !m.ok || !same(m.x, x) || !same(m.y, y) {
		m.ok, m.x, m.y, m.v = true, x, y, math.Exp(x*y)
	}
	return m.v
}

// pow returns math.Pow(x, y).
func (m *powerMemo) pow(x, y float64) float64 {
	if !m.ok || !same(m.x, x) || !same(m.y, y) {
		m.ok, m.x, m.y, m.v = true, x, y, math.Pow(x, y)
	}
	return m.v
}
