package sim

// kappa returns how much a deal's gain over the value of no deal is worth
// to principal i, allowing for its end: the expected discounted share of
// the future during which the deal stays in force,
//
//	κ = (1 − d) · Σ_s d^s · P(in force s rounds on)
//
// with d = 1 − 1/L the discount over i's shadow of the future L. A deal
// survives a round when the other side does not renege, with probability
// 1 − h (h the reneging hazard i expects of the other on the deal, its
// doubt included: see expectedHazard), so with q = d·(1 − h) a
// comprehensive deal gives κ = (1 − d)/(1 − q); h is capped at 1, as the
// engine caps it when it draws reneging. An interim deal also ends
// at each expiry of its term T unless renewed, with probability R:
// κ = (1 − d)(1 − q^T)/((1 − q)(1 − R·q^T)). After the deal, i is back at
// its value of no deal.
func (e *episode) kappa(i int, kind dealKind, terms []float64, mediated bool) float64 {
	h := e.expectedHazard(i, kind, terms, mediated)
	m := &e.memo.kappa[i][kind]
	if m.ok && same(m.h, h) {
		return m.v // the terms move κ only through h
	}
	d := 1 - 1/e.span[i]
	q := d * (1 - min(1, h))
	var v float64
	if kind == interimDeal {
		qt := powInt(q, e.world.Interim.Term)
		v = (1 - d) * (1 - qt) / ((1 - q) * (1 - e.world.Interim.Renewal*qt))
	} else {
		v = (1 - d) / (1 - q)
	}
	*m = kappaMemo{ok: true, h: h, v: v}
	return v
}

// value returns principal i's value of a deal worth u to it per round
// when its value of no deal is v: V = v + (u − v)·κ. A responder judges
// an offer by it, so an interim package counts for its term and what may
// follow it, and any package for the chance that it is reversed.
func (e *episode) value(i int, kind dealKind, terms []float64, u, v float64, mediated bool) float64 {
	return v + (u-v)*e.kappa(i, kind, terms, mediated)
}

// aspiration returns the value principal i aims for when it has conceded
// the fraction alpha of the way from the best value a deal it accepts can
// give it to its fallback (see fallback); never less than the fallback.
// While an interim deal is in force only comprehensive deals count: the
// interim is what an upgrade must beat.
func (e *episode) aspiration(i, t int, alpha float64) float64 {
	v, f := e.noDealValue(i, t), e.fallback(i, t)
	best := f
	for _, kind := range [...]dealKind{comprehensiveDeal, interimDeal} {
		if kind == interimDeal && e.deal.kind != noDeal {
			continue
		}
		if sp := e.space(kind); sp != nil && sp.ok && e.policy[i].accepts(e, i, kind) {
			best = max(best, v+(sp.best(i)-v)*sp.kappa[i])
		}
	}
	return f + (best-f)*(1-alpha)
}

// fallback returns what principal i keeps in round t if the package on
// the table is not agreed: its value of no deal, or, while an interim
// deal is in force, the value of keeping that interim (its utility for
// the rest of its life, as kappa counts it). Upgrades are judged against
// it, so a side that the interim suits better than any comprehensive
// deal it could get has no reason to upgrade.
func (e *episode) fallback(i, t int) float64 {
	v := e.noDealValue(i, t)
	if e.deal.kind != interimDeal {
		return v
	}
	return e.value(i, interimDeal, e.deal.terms, e.deal.utility[i], v, e.deal.mediated)
}

// utilityFor returns the utility principal i needs from a package in sp
// for the value target when its value of no deal is v, taking the
// package's κ to be that of i's best package in sp.
func (e *episode) utilityFor(i int, sp *space, target, v float64) float64 {
	return v + (target-v)/sp.kappa[i]
}

// demand returns the value principal i aims for in its proposals in
// round t: its tactic's, or no concession at all during its policy's
// delay.
func (e *episode) demand(i, t int) float64 {
	if t <= e.policy[i].delay(e.actor(i)) {
		return e.aspiration(i, t, 0)
	}
	return e.tactic[i].demand(e, i, t)
}

// threshold returns the least value principal i accepts in round t, with
// the same rule for the policy's delay.
func (e *episode) threshold(i, t int) float64 {
	if t <= e.policy[i].delay(e.actor(i)) {
		return e.aspiration(i, t, 0)
	}
	return e.tactic[i].threshold(e, i, t)
}
