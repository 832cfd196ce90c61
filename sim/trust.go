package sim

// Trust: each principal doubts the other will keep a deal. It expects the
// other's reneging hazard × (1 + doubt), and values deals by that
// expectation (see kappa). The doubt starts at the principal's distrust,
// shrinks by the factor 1 − P(detection) in every round a deal holds —
// each such round is a step the other could have been caught cheating on
// and was not (Watson 1999, "starting small"; Osgood's GRIT) — and a
// detected reneging renews it. This is how an interim deal can be a
// stepping stone: while it holds, each side comes to value a
// comprehensive deal more.

// verify wears down both principals' doubts for a round of the deal in
// force, and marks an interim deal held for its verification time as the
// step a step-by-step policy waits for.
func (e *episode) verify() {
	if e.doubt[0] > 0 || e.doubt[1] > 0 {
		p := e.detection(e.deal.terms)
		for i := range 2 {
			if e.doubt[i] > 0 {
				e.doubt[i] *= 1 - p
				e.stale = true
			}
		}
	}
	if !e.stepTaken && e.interimVerified() {
		e.stepTaken = true
	}
}

// betrayed renews principal i's doubt after it detects the other's
// reneging: its doubt grows by one plus its initial distrust.
func (e *episode) betrayed(i int) {
	e.doubt[i] += 1 + e.actor(i).Distrust
	e.stale = true
}

// expectedHazard returns the reneging hazard principal i expects of the
// other side on a deal of the given kind and terms: the other's hazard
// × (1 + doubt).
func (e *episode) expectedHazard(i int, kind dealKind, terms []float64, mediated bool) float64 {
	return e.baseHazard(1-i, kind, terms, mediated) * (1 + e.doubt[i])
}
