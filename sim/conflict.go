package sim

// walkAway counts, for each side still at the table with no deal in
// force, the consecutive rounds in which it believes no acceptable deal
// is within reach; after the protocol's patience it walks away.
func (e *episode) walkAway(t int) {
	if e.walkedAway || e.cheat.active || e.deal.kind != noDeal || t <= e.pausedTill {
		return
	}
	e.spaces()
	for i := range 2 {
		if e.hopeful(i, t) {
			e.hopeless[i] = 0
			continue
		}
		e.hopeless[i]++
		if e.hopeless[i] >= e.scn.Protocol.WalkAwayPatience {
			e.walkedAway = true
			if e.rec != nil {
				e.rec.note(EventWalkAway, i, t, noDeal, 0)
			}
		}
	}
}

// hopeful reports whether principal i believes that some deal of a kind
// its policy accepts is within reach in round t (see reachable).
func (e *episode) hopeful(i, t int) bool {
	return e.policy[i].accepts(e, i, comprehensiveDeal) && e.reachable(i, comprehensiveDeal, t) ||
		e.policy[i].accepts(e, i, interimDeal) && e.reachable(i, interimDeal, t)
}

// reachable reports whether principal i believes a deal of the given kind
// acceptable to both sides exists in round t: a frontier package that
// gives it its value of no deal and the other side at least what i
// believes the other's value of no deal is.
func (e *episode) reachable(i int, kind dealKind, t int) bool {
	sp := e.space(kind)
	if sp == nil || !sp.ok {
		return false
	}
	u0, u1, ok := sp.point(&e.util, i, e.noDealValue(i, t), e.scratch)
	return ok && pick(1-i, u0, u1) >= e.believed(i, t)-tolerance
}

// escalate draws the escalation of round t when no deal is in force:
// the protocol's hazard times the multipliers of the shocks still in
// effect, and times the deadline multiplier once the deadline has passed.
func (e *episode) escalate(t int) {
	if e.deal.kind != noDeal {
		return
	}
	if h := e.escalationHazard(t); e.events.happens(tagEscalation, t, 0, h) {
		e.escalated = t
		if e.rec != nil {
			e.rec.note(EventEscalation, -1, t, noDeal, h)
		}
	}
}

// escalationHazard returns the probability that the conflict escalates in
// round t if no deal is in force then.
func (e *episode) escalationHazard(t int) float64 {
	h := e.world.Protocol.EscalationHazard
	for j, till := range e.escalateTill {
		if t <= till {
			h *= e.world.Shocks[j].Escalation
		}
	}
	if d := e.scn.Protocol.Deadline; d > 0 && t > d {
		h *= e.world.Protocol.DeadlineMultiplier
	}
	return min(1, h)
}

// noDealValue returns what principal i expects from round t on if no deal
// is made: its reservation value less the expected cost of escalation
// over the rounds that matter to it, r − π·(r + c) with
// π = 1 − (1 − h)^L, h the escalation hazard of round t, c the
// escalation cost and L its shadow of the future. The cost of conflict is
// what opens a bargaining range (Fearon 1995).
func (e *episode) noDealValue(i, t int) float64 {
	r := e.reservation(i, t)
	h := e.escalationHazard(t)
	if h == 0 {
		return r
	}
	pi := e.risk[i].of(h, e.span[i])
	return r - pi*(r+e.cost[i])
}
