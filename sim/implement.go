package sim

import (
	"math"

	"github.com/parley-sim/parley/model"
)

// implement runs the deal in force through round t: detection of a
// reneging not yet detected, then each side's reneging, then the expiry
// and renewal of an interim deal. A deal agreed this round starts to be
// implemented next round.
func (e *episode) implement(t int) {
	if e.cheat.active {
		if t > e.cheat.since && e.events.happens(tagDetection, t, 0, e.cheat.detect) {
			e.cheat.active = false
			e.betrayed(1 - e.cheat.reneger)
			if e.rec != nil {
				e.rec.note(EventDetection, 1-e.cheat.reneger, t, noDeal, e.cheat.detect)
			}
		}
		return
	}
	if e.deal.kind == noDeal || e.deal.start == t {
		return
	}
	reneger := -1
	for i := range 2 {
		if h := e.hazard(i, t); e.events.happens(tagReneging, t, i, h) {
			if e.rec != nil {
				e.rec.renege(i, t, -1, h)
			}
			e.out.Reneged[i] = true
			if reneger < 0 {
				reneger = i
			}
		}
	}
	if reneger >= 0 {
		e.renege(reneger, t)
		return
	}
	if e.deal.kind == interimDeal && t >= e.deal.expires {
		renewed := e.wantsRenewal(0, t) && e.wantsRenewal(1, t) &&
			e.events.happens(tagRenewal, t, 0, e.world.Interim.Renewal)
		if e.rec != nil {
			e.rec.expire(t, renewed)
		}
		if renewed {
			e.deal.expires += e.world.Interim.Term
			e.out.Renewals++
		} else {
			e.deal.kind = noDeal
		}
	}
}

// wantsRenewal reports whether principal i would renew the interim deal
// in force at its expiry in round t: keeping it is worth at least its
// value of no deal.
func (e *episode) wantsRenewal(i, t int) bool {
	return e.fallback(i, t) >= e.noDealValue(i, t)-tolerance
}

// hazard returns principal i's probability of reneging on the deal in
// force in round t: its base hazard on the deal plus its temptation τ
// times the gain from defecting, when defecting is worth more to it than
// staying: h = min(1, h_base + τ·max(0, W_defect − V_stay)).
func (e *episode) hazard(i, t int) float64 {
	h := e.baseHazard(i, e.deal.kind, e.deal.terms, e.deal.mediated)
	if tau := e.actor(i).Temptation; tau > 0 {
		h += tau * max(0, e.defectionGain(i, t))
	}
	return min(1, h)
}

// defectionGain returns what principal i gains in round t by reneging on
// the deal in force rather than keeping it, on the value scale
// acceptance uses. Staying is worth V_stay = v + (u − v)·κ, the deal's
// value (value.go) against v, the value of no deal of round t (the strike
// risk and the cost of conflict included). Defecting gives the withdrawal
// package's utility u_w until the other side detects it, with
// probability p per round, and then no deal:
//
//	W_defect = ((1 − d)·u_w + d·p·v) / (1 − d + d·p),   d = 1 − 1/L
func (e *episode) defectionGain(i, t int) float64 {
	d := &e.deal
	v := e.noDealValue(i, t)
	stay := e.value(i, d.kind, d.terms, d.utility[i], v, d.mediated)
	w := &e.defect
	if w.start != d.start || w.kind != d.kind {
		w.start, w.kind = d.start, d.kind
		for j := range 2 {
			w.utility[j] = e.util.total(j, e.withdrawal(j, d.terms, w.terms))
		}
	}
	a, p := e.ahead[i], e.detection(d.terms)
	return ((1-a)*w.utility[i]+a*p*v)/(1-a+a*p) - stay
}

// A defection holds what each side's withdrawal from the deal in force
// is worth to it, computed once per deal (start round and kind).
type defection struct {
	start   int
	kind    dealKind
	utility [2]float64 // principal j's utility for its own withdrawal
	terms   []float64  // scratch for the withdrawal package
}

// withdrawal writes into dst, and returns, the package principal i puts
// in effect by reneging on the deal in force, whose terms are given: the
// terms where they favour it, the status quo elsewhere, and past the
// status quo by the snapback when i holds the interim deal's lever.
func (e *episode) withdrawal(i int, terms, dst []float64) []float64 {
	snap := 0.0
	if it := e.scn.Deals.Interim; e.deal.kind == interimDeal && it.Lever == e.who[i] {
		snap = e.world.Interim.Snapback
	}
	for k, x := range terms {
		is := &e.issues[k]
		dst[k] = x
		if sq := is.StatusQuo; e.util.issue(i, k, sq) > e.util.issue(i, k, x) {
			// Withdrawn to the status quo, and past it by the snapback.
			dst[k] = clamp(sq+snap*(is.Max-is.Min)*math.Copysign(1, sq-x), is.Min, is.Max)
		}
	}
	return dst
}

// baseHazard returns principal i's reneging hazard on a deal of the
// given kind and terms: h·(1 − g·G), times the interim deal's leverage
// and the mediated-deal multiplier where they apply.
func (e *episode) baseHazard(i int, kind dealKind, terms []float64, mediated bool) float64 {
	h := e.actor(i).RenegingHazard * e.protection(i, e.guaranteeLevel(kind, terms))
	if l := e.scn.Deals.Interim; kind == interimDeal && (l.Lever < 0 || e.who[i] == l.Lever) {
		h *= e.world.Interim.Leverage
	}
	if mediated && e.mediator >= 0 {
		h *= e.world.Actors[e.mediator].MediatedReneging
	}
	return h
}

// guaranteeLevel returns the guarantee level G in [0, 1] of a deal: the
// interim deal's own level, or the comprehensive package's level of the
// guarantees issue (0 when the scenario has none).
func (e *episode) guaranteeLevel(kind dealKind, terms []float64) float64 {
	if kind == interimDeal {
		return e.world.Interim.Guarantee
	}
	return e.roleLevel(terms, model.Guarantees)
}

// guarantees returns the guarantee level of the deal in force.
func (e *episode) guarantees() float64 {
	return e.guaranteeLevel(e.deal.kind, e.deal.terms)
}

// detection returns the probability per round that reneging on a deal
// with these terms is detected: base + verification·V, at most 1, V being
// the package's level of the verification issue in [0, 1].
func (e *episode) detection(terms []float64) float64 {
	p := e.world.Protocol
	return min(1, p.DetectionBase+p.DetectionVerification*e.roleLevel(terms, model.Verification))
}

// renege breaks the deal in force: principal i withdraws its concessions
// and keeps what it gained until the other side detects it. When both
// sides renege in the same round, principal 0's withdrawal is the one in
// effect; both count as having reneged.
func (e *episode) renege(i, t int) {
	e.out.Reneged[i] = true
	e.collapsed = true
	c := &e.cheat
	c.active, c.reneger, c.since, c.detect = true, i, t, e.detection(e.deal.terms)
	e.withdrawal(i, e.deal.terms, c.terms)
	c.utility = [2]float64{e.util.total(0, c.terms), e.util.total(1, c.terms)}
	e.deal.kind = noDeal
	if e.rec != nil {
		e.rec.withdrawn(i, t)
	}
}

// roleLevel returns the level in [0, 1] of the issue with the given role
// in a package, or 0 when the scenario has no such issue.
func (e *episode) roleLevel(terms []float64, role model.IssueRole) float64 {
	k := e.roleIssue[role]
	if k < 0 {
		return 0
	}
	return e.issues[k].Normalize(terms[k])
}
