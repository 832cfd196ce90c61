package history

import "math"

// Rates is the naive reference forecast that back-tests are scored
// against, pooled from histories: each milestone comes with a constant
// hazard per round, its number of first occurrences over the rounds at
// risk, whatever the scenario; the outcome at the horizon is each class's
// share of the histories that observe it, with one pseudo-count per class.
// Pooled from the histories being scored, it is fitted in-sample, which
// flatters it. The zero Rates is a forecast too: a hazard of ½ a round.
type Rates struct {
	Events   [NumKinds]int  // histories in which each milestone happened
	AtRisk   [NumKinds]int  // rounds at risk: to the first occurrence, or every round observed
	States   map[string]int // histories ending in each outcome class
	Observed int            // histories that observe the state at the horizon
}

// Pool returns the rates of the histories hs.
func Pool(hs []*History) Rates {
	r := Rates{States: map[string]int{}}
	for _, h := range hs {
		for _, k := range Kinds() {
			if e, ok := h.First(k); ok {
				r.Events[k]++
				r.AtRisk[k] += e.Round
			} else {
				r.AtRisk[k] += h.Observed
			}
		}
		if h.State != "" {
			r.States[h.State]++
			r.Observed++
		}
	}
	return r
}

// Hazard returns milestone k's pooled hazard per round, (events + ½) /
// (rounds at risk + 1): the maximum-likelihood hazard of a geometric
// waiting time with half a pseudo-event, so that it is never 0 or 1.
func (r Rates) Hazard(k Kind) float64 {
	return (float64(r.Events[k]) + 0.5) / (float64(r.AtRisk[k]) + 1)
}

// Within returns the reference probability that the first k falls in
// rounds lo … hi (lo ≥ 1): (1−λ)^(lo−1) − (1−λ)^hi.
func (r Rates) Within(k Kind, lo, hi int) float64 {
	q := 1 - r.Hazard(k)
	return math.Pow(q, float64(lo-1)) - math.Pow(q, float64(hi))
}

// None returns the reference probability of no k in rounds 1 … n: (1−λ)^n.
func (r Rates) None(k Kind, n int) float64 { return math.Pow(1-r.Hazard(k), float64(n)) }

// State returns the reference probability of outcome class c at the
// horizon among classes classes: (count + 1) / (histories + classes).
func (r Rates) State(c string, classes int) float64 {
	return float64(r.States[c]+1) / float64(r.Observed+classes)
}
