package sim

import "math"

// negotiate plays the proposal of round t and the response to it: a
// mediator's bridging package if the mediator steps in, otherwise an
// offer from the principal whose turn it is.
func (e *episode) negotiate(t int) {
	e.spaces()
	if e.bridge(t) {
		return
	}
	p := e.proposer(t)
	kind := e.policy[p].propose(e, p)
	sp := e.space(kind)
	if sp == nil || !sp.ok {
		return
	}
	u0, u1, ok := sp.point(&e.util, p, e.tactic[p].demand(e, p, sp, t), e.offer)
	if !ok {
		return
	}
	e.out.Offers++
	e.noteConcession(p, sp, pick(p, u0, u1), t)
	if e.responds(1-p, kind, sp, t, false) {
		e.agree(kind, t, false)
	}
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

// bridge lets the mediator propose, with probability base + slope·μ, a
// package at the Nash bargaining point of the game as the mediator
// perceives it: the true frontier and both reservation values seen
// through the mediator's noise. It prefers a comprehensive package and
// falls back on an interim one; it reports whether it proposed.
func (e *episode) bridge(t int) bool {
	if e.mediator < 0 {
		return false
	}
	m := &e.world.Actors[e.mediator]
	if !e.events.happens(tagBridge, t, 0, m.BridgingBase+m.BridgingSlope*m.Credibility) {
		return false
	}
	for _, kind := range [...]dealKind{comprehensiveDeal, interimDeal} {
		sp := e.space(kind)
		if sp == nil || !sp.ok || kind == interimDeal && e.deal.kind != noDeal ||
			!e.policy[0].accepts(e, 0, kind) || !e.policy[1].accepts(e, 1, kind) {
			continue
		}
		u0, ok := sp.nash(e.noDealValue(0, t)+e.mediatorErr[0], e.noDealValue(1, t)+e.mediatorErr[1])
		if !ok {
			continue
		}
		sp.point(&e.util, 0, u0, e.offer)
		e.out.Bridges++
		if e.responds(0, kind, sp, t, true) && e.responds(1, kind, sp, t, true) {
			e.agree(kind, t, true)
		}
		return true
	}
	return false
}

// noteConcession records how far principal p's offer, worth own to it,
// has come from the best the space offers toward its reservation value,
// for the tit-for-tat tactic of the other side.
func (e *episode) noteConcession(p int, sp *space, own float64, t int) {
	best, r := sp.best(p), e.noDealValue(p, t)
	if best > r {
		e.conceded[p][sp.kind] = max(e.conceded[p][sp.kind], (best-own)/(best-r))
	}
}

// responds reports whether principal i accepts the package in e.offer as
// a deal of the given kind: its policy must allow the kind, and the
// package's expected value must reach both its tactic's threshold and its
// reservation value.
func (e *episode) responds(i int, kind dealKind, sp *space, t int, mediated bool) bool {
	if !e.policy[i].accepts(e, i, kind) {
		return false
	}
	r := e.noDealValue(i, t)
	need := max(e.tactic[i].threshold(e, i, sp, t), r)
	return e.expected(i, kind, e.util.total(i, e.offer), r, mediated) >= need-tolerance
}

// expected returns principal i's value of a deal worth u to it, allowing
// for the chance ρ that the other side reverses it, which leaves i with
// its value of no deal r: u − ρ·(u − r), with ρ = 1 − (1 − h)^L, h the
// other's reneging hazard on such a deal and L i's shadow of the future,
// or the interim term if shorter.
func (e *episode) expected(i int, kind dealKind, u, r float64, mediated bool) float64 {
	h := e.baseHazard(1-i, kind, e.offer, mediated)
	if h == 0 {
		return u
	}
	span := e.span[i]
	if kind == interimDeal {
		span = min(span, float64(e.world.Interim.Term))
	}
	rho := 1 - math.Pow(1-h, span)
	return u - rho*(u-r)
}

// agree puts the package in e.offer into force, once the ratifiers of a
// comprehensive deal have approved it.
func (e *episode) agree(kind dealKind, t int, mediated bool) {
	if kind == comprehensiveDeal && e.scn.Deals.Ratification && !e.ratified() {
		e.out.RatificationFailures++
		return
	}
	d := &e.deal
	d.kind, d.start, d.mediated = kind, t, mediated
	e.run = 0
	copy(d.terms, e.offer)
	d.utility = [2]float64{e.util.total(0, d.terms), e.util.total(1, d.terms)}
	if kind == interimDeal {
		d.expires = t + e.world.Interim.Term
	}
	e.out.Agreements++
	if mediated {
		e.out.Mediated++
	}
	if e.out.FirstAgreement == 0 {
		e.out.FirstAgreement = t
	}
	if kind == comprehensiveDeal && e.out.ComprehensiveAgreement == 0 {
		e.out.ComprehensiveAgreement = t
	}
}

// ratified reports whether every ratifier approves the package in
// e.offer: its utility for it reaches its bar, as shifted by shocks
// (Putnam 1988's win-set).
func (e *episode) ratified() bool {
	for _, r := range e.ratifiers {
		a := &e.world.Actors[r]
		if a.Utility(e.issues, e.offer) < a.Bar+e.barShift[r] {
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
