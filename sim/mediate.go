package sim

import "math"

// pauseShortening is how much of a post-shock pause a fully credible
// mediator saves: a pause of P rounds lasts round(P·(1 − pauseShortening·μ))
// rounds, at least one. At 0.5 even a mediator both sides trust fully
// halves a pause and cannot remove it: it can carry messages while the
// principals refuse to meet, not make them meet (calibration §3: "post-shock
// pauses shorter with μ"; Oman kept its channel open through the flare-ups
// that paused the 2025 and 2026 rounds [S15][S22]).
const pauseShortening = 0.5

// bridge lets the mediator propose, with probability base + slope·μ, a
// bridging package (see bridgeTarget). It prefers a comprehensive
// package and falls back on an interim one, taking only a kind both
// sides' policies accept now, and puts the package to both sides. It
// reports whether both accepted it and the deal is made: a rejected
// bridge leaves the round's turn to the principal whose turn it is.
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
		u0, ok := e.bridgeTarget(sp, kind, t)
		if !ok {
			continue
		}
		sp.place(0, u0, e.offer)
		if e.rec != nil {
			e.rec.bridge(kind, t)
		}
		if e.responds(0, kind, t, true) && e.responds(1, kind, t, true) {
			e.agree(kind, t, true)
			return true
		}
		return false
	}
	return false
}

// bridgeTarget returns principal 0's utility at the bridging package of
// a deal of the given kind in round t. Once both sides have offered
// packages of that kind, the package moves with their offers: the
// frontier point that splits the difference between their latest offers
// in utility terms, u₀ = (u₀(x₀) + u₀(x₁))/2, which on a concave frontier
// gives principal 1 at least the mean of its utilities for the two
// offers too. Before that it is the Nash bargaining point of the space
// as the mediator perceives it: the true frontier and each side's value
// of no deal seen with the mediator's error. It reports false when the
// mediator sees no package that gives both sides a gain.
func (e *episode) bridgeTarget(sp *space, kind dealKind, t int) (float64, bool) {
	if o := &e.talks; o.kind[0] == kind && o.kind[1] == kind {
		return clamp((o.u0[0]+o.u0[1])/2, sp.u0[len(sp.u0)-1], sp.u0[0]), true
	}
	return sp.nash(e.noDealValue(0, t)+e.mediatorErr[0], e.noDealValue(1, t)+e.mediatorErr[1])
}

// faceSaving returns the least value principal i accepts for a bridging
// package when its tactic accepts aspiration and its value of no deal is
// v: a credible mediator lets a side settle short of its aspiration, by
// the fraction μ of its way to v, max(v, a − μ·(a − v)). The concession is
// the mediator's, not the side's own, so it costs the side no face and
// signals no weakness (Pruitt & Johnson 1970).
func (e *episode) faceSaving(aspiration, v float64) float64 {
	if e.mediator < 0 {
		return aspiration
	}
	mu := e.world.Actors[e.mediator].Credibility
	return max(v, aspiration-mu*(aspiration-v))
}

// pause returns how many rounds a shock's pause of p rounds lasts:
// round(p·(1 − pauseShortening·μ)) with a mediator of credibility μ, at
// least one, and p without a mediator.
func (e *episode) pause(p int) int {
	if e.mediator < 0 || p <= 0 {
		return p
	}
	mu := e.world.Actors[e.mediator].Credibility
	return max(1, int(math.Round(float64(p)*(1-pauseShortening*mu))))
}
