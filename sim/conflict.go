package sim

// A conflict is the state of play that the strike hazard reads, and the
// conflict phase a strike opens.
type conflict struct {
	since   int     // round of the strike that opened the conflict phase in progress, 0 for none
	latency float64 // nuclear latency ℓ in [0, 1]: 1 is breakout capability

	// The last offer of each principal: its utility to each principal.
	// Offers made in a round count from the next one (pending until then).
	offers, pending   [2][2]float64
	offered, proposed [2]bool

	hazard      float64 // the strike hazard of round hazardRound
	hazardRound int
}

// start sets the state of round 1.
func (c *conflict) start(e *episode) {
	*c = conflict{latency: e.world.Protocol.Latency.Start}
}

// offer records that principal p put on the table a package worth u0 and
// u1 to the principals, for the gap between the offers that the strike
// hazard reads from the next round on.
func (c *conflict) offer(p int, u0, u1 float64) {
	c.pending[p], c.proposed[p] = [2]float64{u0, u1}, true
}

// commitOffers makes the offers of earlier rounds the ones the strike
// hazard of round t reads.
func (c *conflict) commitOffers() {
	if c.offered != c.proposed || c.offers != c.pending {
		c.offers, c.offered, c.hazardRound = c.pending, c.proposed, 0
	}
}

// gap returns the distance between the last offers of the two sides,
// g = ½[(u_0(x_0) − u_0(x_1)) + (u_1(x_1) − u_1(x_0))] in [0, 1], x_i
// being principal i's last offer: what each side would give up, on
// average, to take the other's. It is 1 until both sides have offered.
func (c *conflict) gap() float64 {
	if !c.offered[0] || !c.offered[1] {
		return 1
	}
	o := &c.offers
	return clamp(((o[0][0]-o[1][0])+(o[1][1]-o[0][1]))/2, 0, 1)
}

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
	v, b := e.noDealValue(i, t), e.believed(i, t)
	m := &e.memo.reach[i][kind]
	if m.frontier == sp.frontier && same(m.v, v) && same(m.b, b) {
		return m.ok
	}
	other, ok := sp.other(&e.util, i, v, e.scratch)
	ok = ok && other >= b-tolerance
	*m = reachMemo{frontier: sp.frontier, v: v, b: b, ok: ok}
	return ok
}

// escalate draws a strike in round t when no deal is in force. A strike
// opens a conflict phase, sets the nuclear latency back by the protocol's
// setback, and brings an undetected reneging into the open.
func (e *episode) escalate(t int) {
	if e.deal.kind != noDeal {
		return
	}
	h := e.escalationHazard(t)
	if !e.events.happens(tagEscalation, t, 0, h) {
		return
	}
	c := &e.conflict
	c.since, c.hazardRound = t, 0
	c.latency = max(0, c.latency-e.world.Protocol.Latency.Setback)
	e.cheat.active = false
	e.out.Strikes++
	if e.out.FirstStrike == 0 {
		e.out.FirstStrike = t
	}
	if e.rec != nil {
		e.rec.note(EventEscalation, -1, t, noDeal, h)
	}
}

// ceasefire draws the end, in round t, of the conflict phase in progress,
// with the protocol's ceasefire probability; a zero probability makes
// escalation absorbing. At a ceasefire the talks resume: the
// resumption's one-off shifts of reservation values and red lines apply,
// its pause (shortened by a mediator, as a shock's) begins this round,
// and a side that had walked away is back at the table.
func (e *episode) ceasefire(t int) bool {
	p := &e.world.Protocol
	if p.Ceasefire == 0 || !e.events.happens(tagCeasefire, t, 0, p.Ceasefire) {
		return false
	}
	e.conflict = conflict{latency: e.conflict.latency}
	e.politics.once(e, &e.scn.Protocol.Resumption, &p.Resumption)
	if p.Resumption.Pause > 0 {
		e.pausedTill = max(e.pausedTill, t+e.pause(p.Resumption.Pause)-1)
	}
	if back := max(t, e.pausedTill+1); e.out.Resumed == 0 && back <= e.horizon {
		e.out.Resumed = back
	}
	e.walkedAway, e.hopeless = false, [2]int{}
	if e.rec != nil {
		e.rec.ceasefire(t)
	}
	return true
}

// escalationHazard returns the probability of a strike in round t if no
// deal is in force then:
//
//	h(t) = min(1, h₀ · Π m_j · D(t) · exp(w·(ℓ − ℓ₀)) · (1 − P·(1 − g)))
//
// with m_j the multipliers of the shocks still in effect, D(t) the
// deadline multiplier, 1 + (M − 1)(1 − decay)^(t − d − 1) after the
// deadline d, ℓ the nuclear latency, w its weight and ℓ₀ its start, P
// the protocol's progress and g the gap between the sides' last offers.
// It is computed once a round.
func (e *episode) escalationHazard(t int) float64 {
	if c := &e.conflict; t == c.hazardRound {
		return c.hazard
	}
	return e.computeHazard(t)
}

// computeHazard computes escalationHazard(t) and keeps it for round t.
func (e *episode) computeHazard(t int) float64 {
	c := &e.conflict
	p := &e.world.Protocol
	h := p.EscalationHazard
	if h > 0 {
		for j, till := range e.escalateTill {
			if t <= till {
				h *= e.world.Shocks[j].Escalation
			}
		}
		if d := e.scn.Protocol.Deadline; d > 0 && t > d {
			m := p.DeadlineMultiplier
			if p.DeadlineDecay > 0 {
				m = 1 + (m-1)*e.deadlinePow.at(1-p.DeadlineDecay, t-d-1)
			}
			h *= m
		}
		if l := &p.Latency; l.Weight != 0 {
			h *= e.memo.latency.exp(l.Weight, c.latency-l.Start)
		}
		if p.Progress != 0 {
			h *= 1 - p.Progress*(1-c.gap())
		}
		h = min(1, h)
	}
	c.hazard, c.hazardRound = h, t
	e.memo.noDealStale()
	return h
}

// rollBack lowers the nuclear latency by the protocol's rollback, for a
// round with a deal in force.
func (e *episode) rollBack() {
	if r := e.world.Protocol.Latency.Rollback; r > 0 {
		e.conflict.latency = max(0, e.conflict.latency-r)
	}
}

// noDealValue returns what principal i expects from round t on if no deal
// is made: its reservation value less the expected cost of conflict,
// r − θ·(r + c), with θ the discounted share of the future spent in
// conflict when strikes come with the hazard h of round t and conflict
// phases end with the ceasefire probability q:
//
//	θ = d·h / (1 − d + d·q + d·h),   d = 1 − 1/L
//
// L being its shadow of the future and c its cost of conflict per round
// (the two-state chain of peace and conflict, solved). The cost of
// conflict is what opens a bargaining range (Fearon 1995).
func (e *episode) noDealValue(i, t int) float64 {
	if m := &e.memo.noDeal[i]; m.fresh == t && t == e.conflict.hazardRound {
		return m.v // the value for the hazard kept for round t
	}
	return e.computeNoDeal(i, t)
}

// computeNoDeal returns noDealValue(i, t), kept for the strike hazard
// of round t and the reservation shift unless they have moved.
func (e *episode) computeNoDeal(i, t int) float64 {
	h := e.escalationHazard(t)
	m := &e.memo.noDeal[i]
	if m.t == t && same(m.h, h) && same(m.shift, e.shift[i]) {
		return m.v
	}
	m.t, m.h, m.shift, m.fresh = t, h, e.shift[i], t
	r := e.reservation(i, t)
	if h == 0 {
		m.v = r
		return r
	}
	d := e.ahead[i]
	theta := d * h / (1 - d + d*e.world.Protocol.Ceasefire + d*h)
	m.v = r - theta*(r+e.cost[i])
	return m.v
}
