package sim

// shocks strikes the shocks of round t: a scheduled shock at its round,
// any other with its hazard, and applies their effects. A shock's events
// draw by its name, and shocks of one round take effect in the order of
// their names, so two scenarios that share a shock meet it in the same
// rounds, with the same effects, whatever else they list and in whatever
// order.
func (e *episode) shocks(t int) {
	for _, j := range e.shockOrder {
		sh, sw := &e.scn.Shocks[j], &e.world.Shocks[j]
		if sh.At != 0 && sh.At != t || sh.At == 0 && !e.events.happens(tagShock, t, e.shockKey[j], sw.Hazard) {
			continue
		}
		e.spe[0].valid, e.spe[1].valid = false, false // values of no deal may have moved
		ef := &sh.Effects
		for n, s := range ef.Reservation {
			e.shift[e.principal(s.Actor)] += sw.Reservation[n]
		}
		for n, s := range ef.RedLines {
			i := e.principal(s.Actor)
			e.redLine[i][s.Issue] = clamp(e.redLine[i][s.Issue]+sw.RedLines[n], e.issues[s.Issue].Min, e.issues[s.Issue].Max)
			e.dirty = true
		}
		for n, s := range ef.RatificationBar {
			e.barShift[s.Actor] += sw.RatificationBar[n]
		}
		if ef.Escalation != nil {
			e.escalateTill[j] = t + sw.Duration - 1
		}
		if sw.Pause > 0 {
			e.pausedTill = max(e.pausedTill, t+e.pause(sw.Pause)-1)
		}
		if e.rec != nil {
			e.rec.shock(j, t)
		}
		if e.deal.kind != noDeal && e.deal.start < t {
			for n, s := range ef.Reneging {
				i := e.principal(s.Actor)
				if p := sw.Reneging[n] * e.protection(i, e.guarantees()); e.events.happens(tagShockReneging, t, 2*e.shockKey[j]+i, p) {
					if e.rec != nil {
						e.rec.renege(i, t, j, p)
					}
					e.renege(i, t)
					break
				}
			}
		}
		if e.deal.kind == interimDeal && e.events.happens(tagVoid, t, e.shockKey[j], sw.VoidInterim) {
			if e.rec != nil {
				e.rec.void(j, t, sw.VoidInterim)
			}
			e.deal.kind = noDeal
			e.collapsed = true
		}
	}
}

// principal returns which principal (0 or 1) actor index a is.
func (e *episode) principal(a int) int {
	if a == e.who[0] {
		return 0
	}
	return 1
}

// protection returns the factor (1 − g·G) by which guarantees of level G
// reduce principal i's reneging, g being the principal's guarantee
// protection.
func (e *episode) protection(i int, level float64) float64 {
	return 1 - e.actor(i).Protection*level
}
