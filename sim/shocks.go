package sim

import "github.com/parley-sim/parley/model"

// shocks strikes the shocks of round t: a scheduled shock at its round,
// any other with its hazard, and applies their effects, after the
// political states have decayed by a round. A shock's events draw by its
// name, and shocks of one round take effect in the order of their names,
// so two scenarios that share a shock meet it in the same rounds, with the
// same effects, whatever else they list and in whatever order.
func (e *episode) shocks(t int) {
	e.politics.decay(e)
	round := e.events.round(tagShock, t)
	for _, j := range e.shockOrder {
		sh, sw := &e.scn.Shocks[j], &e.world.Shocks[j]
		if sh.At != 0 && sh.At != t || sh.At == 0 && !(e.events.at(round, e.shockKey[j]) < sw.Hazard) {
			continue
		}
		e.spe[0].valid, e.spe[1].valid = false, false // values of no deal may have moved
		e.conflict.hazardRound = 0
		ef := &sh.Effects
		if sh.State != nil {
			e.politics.raise(e, j)
		} else {
			e.politics.once(e, ef, sw)
		}
		if ef.Escalation != nil {
			e.escalateTill[j] = t + sw.Duration - 1
		}
		if ef.Latency != nil {
			e.conflict.latency = clamp(e.conflict.latency+sw.Latency, 0, 1)
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

// minLevel is the level below which a political state is back at 0.
const minLevel = 1e-3

// levelStep is how far a decaying state's level moves before its shifts
// follow it: the shifts are applied at the level of the last strike or
// step, so the frontier is rebuilt every few rounds, not every round.
const levelStep = 0.05

// Politics holds the shocks' political states and what the shifts of
// reservation values, red lines and ratification bars add up to. A shock
// without a state shifts once per strike, and its shifts accumulate
// (base); a shock with a state s_j in [0, 1] shifts by s_j times its
// shifts, so
//
//	red line = clamp(base + Σ_j s_j·Δ_j, issue min, issue max)
//	bar      = clamp(bar₀ + base + Σ_j s_j·Δ_j, worst utility, best utility)
//
// and the reservation shift is base + Σ_j s_j·Δ_j.
type politics struct {
	level  []float64    // per shock: its state's level, 0 for a shock without one
	at     []float64    // per shock: the level its shifts are applied at, within levelStep of level
	base   [2][]float64 // per principal and issue: the red line with the one-off shifts so far, NaN for none
	shift  [2]float64   // one-off reservation shifts
	barRaw []float64    // per actor: one-off ratification bar shifts
	active bool         // some level is above 0
	next   [2][]float64 // scratch for lines: the red lines the shifts give

	// The episode's red lines and ratification bar shifts are brought
	// up to date with the shifts only when they are read (see
	// episode.redLines and episode.barShift): these say that the shifts
	// have moved since.
	linesBehind, barsBehind bool
}

// resize sizes the storage for n issues, a actors and k shocks.
func (p *politics) resize(n, a, k int) {
	p.level = resize(p.level, k)
	p.at = resize(p.at, k)
	p.base[0], p.base[1] = resize(p.base[0], n), resize(p.base[1], n)
	p.next[0], p.next[1] = resize(p.next[0], n), resize(p.next[1], n)
	p.barRaw = resize(p.barRaw, a)
}

// start sets the states of round 1 from the episode's red lines.
func (p *politics) start(e *episode) {
	clear(p.level)
	clear(p.at)
	copy(p.base[0], e.redLine[0])
	copy(p.base[1], e.redLine[1])
	p.shift = [2]float64{}
	clear(p.barRaw)
	clear(e.barShifts)
	p.active = false
	p.linesBehind, p.barsBehind = false, false
}

// once applies the one-off reservation, red-line and ratification-bar
// shifts of effects ef, drawn as sw: a shock without a state, or a
// resumption of talks.
func (p *politics) once(e *episode, ef *model.Effects, sw *model.ShockWorld) {
	for n, s := range ef.Reservation {
		p.shift[e.principal(s.Actor)] += sw.Reservation[n]
	}
	for n, s := range ef.RedLines {
		i := e.principal(s.Actor)
		p.base[i][s.Issue] = clamp(p.base[i][s.Issue]+sw.RedLines[n], e.issues[s.Issue].Min, e.issues[s.Issue].Max)
	}
	for n, s := range ef.RatificationBar {
		p.barRaw[s.Actor] += sw.RatificationBar[n]
	}
	if len(ef.Reservation) > 0 || len(ef.RedLines) > 0 {
		p.apply(e)
	}
	if len(ef.RatificationBar) > 0 {
		p.barsBehind = true
	}
}

// raise raises shock j's state by its rise, to at most 1.
func (p *politics) raise(e *episode, j int) {
	p.level[j] = min(1, p.level[j]+e.world.Shocks[j].Rise)
	p.at[j] = p.level[j]
	p.active = true
	p.apply(e)
	p.barsBehind = true
}

// decay lets every political state lose the fraction decay of its level
// for a round; a level below minLevel is back at 0. The shifts follow a
// level once it has moved by levelStep, or is back at 0.
func (p *politics) decay(e *episode) {
	if !p.active {
		return
	}
	p.active = false
	moved := false
	for j, l := range p.level {
		if l == 0 {
			continue
		}
		l *= 1 - e.world.Shocks[j].Decay
		if l < minLevel {
			l = 0
		}
		p.level[j] = l
		p.active = p.active || l > 0
		if l == 0 || p.at[j]-l >= levelStep {
			p.at[j], moved = l, true
		}
	}
	if moved {
		p.apply(e)
		p.barsBehind = true
		e.spe[0].valid, e.spe[1].valid = false, false
	}
}

// apply sets the episode's reservation shifts from the one-off shifts
// and the states' levels, and marks its red lines as behind them.
func (p *politics) apply(e *episode) {
	shift := p.shift
	for j, l := range p.at {
		if l == 0 {
			continue
		}
		ef, sw := &e.scn.Shocks[j].Effects, &e.world.Shocks[j]
		for n, s := range ef.Reservation {
			shift[e.principal(s.Actor)] += l * sw.Reservation[n]
		}
	}
	e.shift = shift
	e.memo.noDealStale()
	p.linesBehind = true
	e.dirty = true
}

// lines sets the episode's red lines from the one-off shifts and the
// states' levels, and reports whether any moved (bit for bit).
func (p *politics) lines(e *episode) bool {
	next := &p.next
	for i := range 2 {
		copy(next[i], p.base[i])
	}
	for j, l := range p.at {
		if l == 0 {
			continue
		}
		ef, sw := &e.scn.Shocks[j].Effects, &e.world.Shocks[j]
		for n, s := range ef.RedLines {
			next[e.principal(s.Actor)][s.Issue] += l * sw.RedLines[n]
		}
	}
	moved := false
	for i := range 2 {
		for k := range e.issues {
			if l := clamp(next[i][k], e.issues[k].Min, e.issues[k].Max); !same(l, e.redLine[i][k]) {
				e.redLine[i][k], moved = l, true
			}
		}
	}
	return moved
}

// redLines returns each principal's red lines in effect, per issue,
// and marks the spaces for bounding again when they have moved.
func (e *episode) redLines() *[2][]float64 {
	if p := &e.politics; p.linesBehind {
		p.linesBehind = false
		if p.lines(e) {
			e.rebound = true
		}
	}
	return &e.redLine
}

// barShift returns the shift of ratifier r's ratification bar in effect.
func (e *episode) barShift(r int) float64 {
	if p := &e.politics; p.barsBehind {
		p.barsBehind = false
		p.bars(e)
	}
	return e.barShifts[r]
}

// bars sets the ratification bar shifts from the one-off shifts and the
// states' levels, so that every bar stays within its ratifier's utility
// bounds: no bar above the best utility a package can give.
func (p *politics) bars(e *episode) {
	for _, r := range e.ratifiers {
		e.barShifts[r] = p.barRaw[r]
	}
	for j, l := range p.at {
		if l == 0 {
			continue
		}
		ef, sw := &e.scn.Shocks[j].Effects, &e.world.Shocks[j]
		for n, s := range ef.RatificationBar {
			e.barShifts[s.Actor] += l * sw.RatificationBar[n]
		}
	}
	for _, r := range e.ratifiers {
		a := &e.world.Actors[r]
		lo, hi := a.UtilityBounds()
		e.barShifts[r] = clamp(a.Bar+e.barShifts[r], lo, hi) - a.Bar
	}
}
