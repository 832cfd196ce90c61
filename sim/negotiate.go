package sim

// negotiate plays the proposals of round t and the responses to them: a
// mediator's bridging package if the mediator steps in, then, unless both
// sides accepted it, an offer from the principal whose turn it is.
func (e *episode) negotiate(t int) {
	e.spaces()
	e.answerReneging(t)
	if e.bridge(t) {
		return
	}
	p := e.proposer(t)
	kind := e.policy[p].propose(e, p)
	ok := e.propose(p, kind, t)
	if !ok && kind == interimDeal && e.policy[p].accepts(e, p, comprehensiveDeal) {
		kind, ok = comprehensiveDeal, e.propose(p, comprehensiveDeal, t)
	}
	switch {
	case ok && e.responds(1-p, kind, t, false):
		e.agree(kind, t, false)
	case ok:
		e.learnFromRejection(p, t)
	}
}

// propose puts on the table principal p's offer for a deal of the given
// kind in round t: the frontier package that gives it the utility its
// value target needs and the other side as much as possible. It reports
// false when the space holds no package that good for p.
func (e *episode) propose(p int, kind dealKind, t int) bool {
	sp := e.space(kind)
	if sp == nil || !sp.ok {
		if e.rec != nil {
			e.rec.noOffer(p, kind, t, noOfferReason(kind))
		}
		return false
	}
	v := e.noDealValue(p, t)
	u0, u1, ok := sp.point(&e.util, p, e.utilityFor(p, sp, e.demand(p, t), v), e.offer)
	if ok {
		e.noteOffer(p, kind, u0, u1, v, t)
		e.conflict.offer(p, u0, u1)
	}
	if e.rec != nil {
		e.rec.offer(p, kind, t, ok)
	}
	return ok
}

// proposer returns the principal whose turn it is to propose in round t:
// the first proposer in odd rounds, the other in even ones.
func (e *episode) proposer(t int) int {
	first := e.principal(e.scn.Protocol.FirstProposer)
	if t%2 == 1 {
		return first
	}
	return 1 - first
}

// space returns the space of packages for a kind of deal, or nil when
// the scenario has no such deal.
func (e *episode) space(kind dealKind) *space {
	switch {
	case kind == comprehensiveDeal:
		return &e.comp
	case kind == interimDeal && e.hasInterim():
		return &e.interim
	}
	return nil
}

// responds reports whether principal i accepts the package in e.offer as
// a deal of the given kind in round t: its policy must allow the kind,
// and the package's value to it must reach both what its tactic accepts
// and its value of no deal.
func (e *episode) responds(i int, kind dealKind, t int, mediated bool) bool {
	if !e.policy[i].accepts(e, i, kind) {
		if e.rec != nil {
			e.rec.respond(i, kind, t, "policy", Response{})
		}
		return false
	}
	v, f := e.noDealValue(i, t), e.fallback(i, t)
	value := e.value(i, kind, e.offer, e.util.total(i, e.offer), v, mediated)
	aspiration := e.threshold(i, t)
	if mediated {
		aspiration = e.faceSaving(aspiration, f)
	}
	ok := value >= max(aspiration, f)-tolerance
	if e.rec != nil {
		e.rec.respond(i, kind, t, verdict(ok, value, aspiration, f, e.deal.kind == interimDeal), Response{Accepted: ok,
			Value: value, Aspiration: aspiration, NoDealValue: v, Fallback: f, Belief: e.believed(i, t)})
	}
	return ok
}

// noOfferReason names why a principal proposes no deal of a kind whose
// space is empty: its policy proposes none, or the red lines leave no
// package of the kind.
func noOfferReason(kind dealKind) string {
	if kind == noDeal {
		return "policy"
	}
	return "red_lines"
}

// verdict names why a response with this value, aspiration and fallback
// accepts or rejects: "no_deal" when the package is worth less than the
// value of no deal, "interim" when less than the interim in force.
func verdict(ok bool, value, aspiration, f float64, interim bool) string {
	switch {
	case ok:
		return "accepted"
	case value < f-tolerance && interim:
		return "interim"
	case value < f-tolerance:
		return "no_deal"
	}
	return "aspiration"
}

// agree puts the package in e.offer into force, once the ratifiers of a
// comprehensive deal have approved it.
func (e *episode) agree(kind dealKind, t int, mediated bool) {
	if kind == comprehensiveDeal && e.scn.Deals.Ratification && !e.ratified(t) {
		e.out.RatificationFailures++
		return
	}
	d := &e.deal
	if kind == comprehensiveDeal && d.kind == interimDeal && e.out.Upgrade == 0 {
		e.out.Upgrade = t
	}
	if kind == interimDeal && e.out.InterimAgreement == 0 {
		e.out.InterimAgreement = t
	}
	d.kind, d.start, d.mediated = kind, t, mediated
	e.run = 0
	e.hopeless = [2]int{}
	copy(d.terms, e.offer)
	d.utility = [2]float64{e.util.total(0, d.terms), e.util.total(1, d.terms)}
	d.measure = e.efficiency(t, d.utility)
	if kind == interimDeal {
		d.expires = t + e.world.Interim.Term
	}
	e.out.Agreements++
	if mediated {
		e.out.Mediated++
	}
	if e.rec != nil {
		e.rec.agree(t)
	}
	if e.out.FirstAgreement == 0 {
		e.out.FirstAgreement = t
	}
	if kind == comprehensiveDeal && e.out.ComprehensiveAgreement == 0 {
		e.out.ComprehensiveAgreement = t
	}
}

// ratified reports whether every ratifier approves the package in
// e.offer in round t: its utility for it reaches its bar, as shifted by
// shocks (Putnam 1988's win-set).
func (e *episode) ratified(t int) bool {
	for _, r := range e.ratifiers {
		a := &e.world.Actors[r]
		u, bar := a.Utility(e.issues, e.offer), a.Bar+e.barShift(r)
		if e.rec != nil {
			e.rec.ratify(r, t, u, bar)
		}
		if u < bar {
			return false
		}
	}
	return true
}

// pick returns u0 for principal 0 and u1 for principal 1.
func pick(i int, u0, u1 float64) float64 {
	if i == 0 {
		return u0
	}
	return u1
}
