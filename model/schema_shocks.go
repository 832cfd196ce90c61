package model

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

func (d *decoder) decodeShocks(s *Scenario, n *yaml.Node, rounds span) []Shock {
	o := d.mapping(n, "shocks")
	d.limit(o, MaxShocks)
	shocks := make([]Shock, 0, len(o.keys))
	for _, name := range o.keys {
		path := join("shocks", name)
		f := d.mapping(o.val[name], path, shockFields...)
		sh := Shock{Name: name, Description: prose(d.text(f.val["description"], join(path, "description")))}
		switch {
		case f.has("hazard") && f.has("at"):
			d.errorf(f.key["at"], join(path, "at"), "a shock has either hazard or at, not both")
		case f.has("at"):
			sh.At = d.integer(f.val["at"], join(path, "at"), 1, int(rounds.hi), 0)
		case deref(o.val[name]) != nil:
			d.require(f, "hazard")
		}
		sh.Hazard = d.param(f.val["hazard"], join(path, "hazard"), unit, FixedParam(0))
		if f.has("state") {
			st := d.mapping(f.val["state"], join(path, "state"), stateFields...)
			d.require(st, "rise", "decay")
			sh.State = &State{Rise: d.param(st.val["rise"], join(st.path, "rise"), unit, FixedParam(0)),
				Decay: d.param(st.val["decay"], join(st.path, "decay"), unit, FixedParam(0))}
		}
		if d.require(f, "effects") {
			sh.Effects = d.decodeEffects(s, f.val["effects"], join(path, "effects"), rounds)
		}
		shocks = append(shocks, sh)
	}
	return shocks
}

func (d *decoder) decodeEffects(s *Scenario, n *yaml.Node, path string, rounds span) Effects {
	f := d.mapping(n, path, effectFields...)
	errs := len(d.errs) + d.dropped
	var e Effects
	e.Reservation = d.actorShifts(s, f.val["reservation"], join(path, "reservation"), Principal, utilitySpan)
	e.RatificationBar = d.actorShifts(s, f.val["ratification_bar"], join(path, "ratification_bar"), Ratifier, utilitySpan)
	e.Reneging = d.actorShifts(s, f.val["reneging"], join(path, "reneging"), Principal, unit)
	e.RedLines = d.redLineShifts(s, f.val["red_lines"], join(path, "red_lines"))
	optional := func(key string, valid span) *Param {
		if !f.has(key) {
			return nil
		}
		p := d.param(f.val[key], join(path, key), valid, FixedParam(0))
		return &p
	}
	e.Escalation = optional("escalation", closed(1, 100))
	e.Pause = optional("pause", rounds)
	e.VoidInterim = optional("void_interim", unit)
	e.Duration = optional("duration", span{lo: 1, hi: rounds.hi})
	e.Latency = optional("latency", utilitySpan)
	if e.Duration != nil && e.Escalation == nil {
		d.errorf(f.key["duration"], join(path, "duration"), "duration is how long the escalation multiplier lasts; want it only with escalation")
	}
	// Keys whose values are empty (reservation: ~) decode to nothing: the
	// shock has no effect however many keys it names.
	if e.none() && len(d.errs)+d.dropped == errs {
		d.errorf(f.node, path, "no effects; want at least one of %s", strings.Join(effectFields, ", "))
	}
	return e
}

// none reports whether e changes nothing.
func (e Effects) none() bool {
	return len(e.Reservation) == 0 && len(e.RedLines) == 0 && len(e.RatificationBar) == 0 &&
		len(e.Reneging) == 0 && e.Escalation == nil && e.Pause == nil &&
		e.VoidInterim == nil && e.Duration == nil && e.Latency == nil
}

// redLineShifts decodes a mapping principal → issue → shift of its red
// line, in the issue's unit, at most the issue's width either way.
func (d *decoder) redLineShifts(s *Scenario, n *yaml.Node, path string) []RedLineShift {
	var shifts []RedLineShift
	rl := d.mapping(n, path)
	d.nonEmpty(rl, "a principal")
	for _, actor := range rl.keys {
		a, ok := d.actorRef(s, rl, actor, Principal)
		if !ok {
			continue
		}
		issues := d.mapping(rl.val[actor], join(rl.path, actor))
		d.nonEmpty(issues, "an issue")
		for _, name := range issues.keys {
			if k, ok := d.issueRef(s, issues, name); ok {
				if !hasRedLine(s.Actors[a], k) {
					d.errorf(issues.key[name], join(issues.path, name), "%s has no red line on %s to shift; give it one in actors.%s.red_lines", actor, name, actor)
					continue
				}
				levels := d.levels(s.Issues[k], k)
				width := levels.hi - levels.lo
				shifts = append(shifts, RedLineShift{Actor: a, Issue: k,
					By: d.param(issues.val[name], join(issues.path, name), closed(-width, width), FixedParam(0))})
			}
		}
	}
	return shifts
}
