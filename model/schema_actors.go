package model

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"go.yaml.in/yaml/v3"
)

// unknownRole marks an actor whose role is missing or invalid; it is
// reported and then left undecoded.
const unknownRole Role = 255

// decodeActors decodes principals and the mediator first, then ratifiers,
// which refer to principals.
func (d *decoder) decodeActors(s *Scenario, n *yaml.Node, rounds span) []Actor {
	o := d.mapping(n, "actors")
	d.limit(o, MaxActors)
	actors := make([]Actor, len(o.keys))
	roles := make([]Role, len(o.keys))
	counts := [3]int{}
	for i, name := range o.keys {
		path := join("actors", name)
		rn := lookup(o.val[name], "role")
		if rn == nil {
			if an := deref(o.val[name]); an != nil && an.Kind != yaml.MappingNode {
				d.errorf(an, path, "%s; want a mapping with role: %s", describe(an), strings.Join(roleNames[:], "|"))
			} else {
				d.errorf(an, join(path, "role"), "missing; want one of %s", strings.Join(roleNames[:], ", "))
			}
			roles[i] = unknownRole
			continue
		}
		roles[i] = Role(d.choice(rn, join(path, "role"), roleNames[:], int(unknownRole)))
		if roles[i] <= Ratifier {
			counts[roles[i]]++
		}
	}
	for i, name := range o.keys {
		actors[i] = Actor{Name: name, Label: name, Role: roles[i]}
	}
	s.Actors = actors
	for _, pass := range []Role{Principal, Mediator, Ratifier} {
		for i, name := range o.keys {
			if roles[i] != pass {
				continue
			}
			path := join("actors", name)
			a := &actors[i]
			switch pass {
			case Principal:
				d.decodePrincipal(s, a, d.mapping(o.val[name], path, principalFields...), rounds)
			case Mediator:
				d.decodeMediator(a, d.mapping(o.val[name], path, mediatorFields...))
			case Ratifier:
				d.decodeRatifier(s, a, d.mapping(o.val[name], path, ratifierFields...))
			}
		}
	}
	if deref(n) != nil {
		if counts[Principal] != 2 {
			d.errorf(o.node, "actors", "%s; want exactly 2 actors with role: principal", text.Count(counts[Principal], "principal"))
		}
		if counts[Mediator] > 1 {
			d.errorf(o.node, "actors", "%d mediators; want at most 1", counts[Mediator])
		}
	}
	return actors
}

// decodeCommon decodes the fields every role has.
func (d *decoder) decodeCommon(a *Actor, f *object) {
	if f.has("label") {
		a.Label = d.text(f.val["label"], join(f.path, "label"))
	}
	a.Objectives = d.texts(f.val["objectives"], join(f.path, "objectives"))
}

func (d *decoder) decodePrincipal(s *Scenario, a *Actor, f *object, rounds span) {
	path := f.path
	d.decodeCommon(a, f)
	d.require(f, "discount", "reservation", "utility")
	a.Discount = d.param(f.val["discount"], join(path, "discount"), span{lo: 0, hi: 1, openLo: true}, FixedParam(1))

	r := d.mapping(f.val["reservation"], join(path, "reservation"), "value", "drift")
	if f.has("reservation") {
		d.require(r, "value")
	}
	a.Reservation.Value = d.param(r.val["value"], join(r.path, "value"), utilitySpan, FixedParam(0))
	a.Reservation.Drift = d.param(r.val["drift"], join(r.path, "drift"), closed(-0.1, 0.1), FixedParam(0))

	a.Utility = d.decodeUtility(s, f.val["utility"], join(path, "utility"))

	lines := d.mapping(f.val["red_lines"], join(path, "red_lines"))
	for _, name := range lines.keys {
		k, ok := d.issueRef(s, lines, name)
		if !ok {
			continue
		}
		if !a.Utility.Values[k].set && f.has("utility") {
			d.errorf(lines.key[name], join(lines.path, name), "%s has no value function for %s, so the red line has no direction; give it one in utility.values", a.Name, name)
		}
		a.RedLines = append(a.RedLines, RedLine{Issue: k,
			Level: d.param(lines.val[name], join(lines.path, name), d.levels(s.Issues[k], k), FixedParam(s.Issues[k].Min))})
	}

	if f.has("red_line_yield") {
		y := d.param(f.val["red_line_yield"], join(path, "red_line_yield"), utilitySpan, FixedParam(0))
		a.RedLineYield = &y
	}
	a.Distrust = d.param(f.val["distrust"], join(path, "distrust"), closed(0, 20), FixedParam(0))
	a.BeliefNoise = d.param(f.val["belief_noise"], join(path, "belief_noise"), unit, FixedParam(0.1))
	c := d.mapping(f.val["concession"], join(path, "concession"), "boulware", "conceder")
	a.Concession.Boulware = d.param(c.val["boulware"], join(c.path, "boulware"), span{lo: 0, hi: 1, openLo: true}, FixedParam(0.5))
	a.Concession.Conceder = d.param(c.val["conceder"], join(c.path, "conceder"), closed(1, 20), FixedParam(2))
	rn := d.mapping(f.val["reneging"], join(path, "reneging"), renegingFields...)
	a.Reneging.Hazard = d.param(rn.val["hazard"], join(rn.path, "hazard"), unit, FixedParam(0))
	a.Reneging.GuaranteeProtection = d.param(rn.val["guarantee_protection"], join(rn.path, "guarantee_protection"), unit, FixedParam(0))
	a.Reneging.Temptation = d.param(rn.val["temptation"], join(rn.path, "temptation"), closed(0, 100), FixedParam(0))
	a.HoldOut = d.param(f.val["hold_out"], join(path, "hold_out"), rounds, FixedParam(0))

	a.Strategies = []Strategy{{ComprehensiveOnly, LinearTactic}}
	if sn := deref(f.val["strategies"]); sn != nil {
		a.Strategies = d.strategies(sn, join(path, "strategies"))
	}
	if len(a.Strategies) > 0 {
		a.Strategy = a.Strategies[0]
	}
	if sn := deref(f.val["strategy"]); sn != nil {
		st, err := ParseStrategy(d.text(sn, join(path, "strategy")))
		switch {
		case err != nil:
			d.errorf(sn, join(path, "strategy"), "%v", err)
		case !slices.Contains(a.Strategies, st):
			d.errorf(sn, join(path, "strategy"), "%s is not in strategies; want one of %s", st, strategyList(a.Strategies))
		default:
			a.Strategy = st
		}
	}
}

func (d *decoder) strategies(n *yaml.Node, path string) []Strategy {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.errorf(n, path, "%s; want a non-empty list of policy/tactic", describe(n))
		return nil
	}
	if !d.spend(n, path, len(n.Content)) {
		return nil
	}
	var out []Strategy
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		st, err := ParseStrategy(d.text(c, p))
		switch {
		case err != nil:
			d.errorf(deref(c), p, "%v", err)
		case slices.Contains(out, st):
			d.errorf(deref(c), p, "%s is listed twice", st)
		default:
			out = append(out, st)
		}
	}
	return out
}

func strategyList(list []Strategy) string {
	names := make([]string, len(list))
	for i, s := range list {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

// issueRef looks up an issue named as a key of o, reporting an unknown one.
func (d *decoder) issueRef(s *Scenario, o *object, name string) (int, bool) {
	k := s.Issue(name)
	if k < 0 {
		d.errorf(o.key[name], join(o.path, name), "no issue named %s; issues: %s", name, issueNames(s))
	}
	return k, k >= 0
}

func issueNames(s *Scenario) string {
	names := make([]string, len(s.Issues))
	for i, is := range s.Issues {
		names[i] = is.Name
	}
	return strings.Join(names, ", ")
}

func (d *decoder) decodeUtility(s *Scenario, n *yaml.Node, path string) Utility {
	f := d.mapping(n, path, utilityFields...)
	k := len(s.Issues)
	u := Utility{Weights: make([]Param, k), Values: make([]ValueFunction, k), AudienceCosts: make([]Param, k)}
	for i := range k {
		u.Weights[i] = FixedParam(0)
		u.AudienceCosts[i] = FixedParam(0)
	}
	if deref(n) == nil {
		return u
	}
	d.require(f, "weights", "values")
	w := d.mapping(f.val["weights"], join(path, "weights"))
	sum := 0.0
	for _, name := range w.keys {
		if i, ok := d.issueRef(s, w, name); ok {
			u.Weights[i] = d.param(w.val[name], join(w.path, name), unit, FixedParam(0))
			sum += u.Weights[i].Central()
		}
	}
	if f.has("weights") {
		for _, is := range s.Issues {
			if !w.has(is.Name) {
				d.errorf(w.node, join(w.path, is.Name), "missing weight; every issue needs one (0 is allowed)")
			}
		}
		if math.Abs(sum-1) > weightTolerance {
			d.errorf(w.node, w.path, "central values sum to %.4g; want 1 (±%g)", sum, weightTolerance)
		}
	}
	v := d.mapping(f.val["values"], join(path, "values"))
	for _, name := range v.keys {
		if i, ok := d.issueRef(s, v, name); ok {
			u.Values[i] = d.valueFunction(s.Issues[i], d.levels(s.Issues[i], i), v.val[name], join(v.path, name))
		}
	}
	for i, is := range s.Issues {
		if _, hi := u.Weights[i].Support(); hi > 0 && !u.Values[i].set && f.has("values") {
			d.errorf(v.node, join(v.path, is.Name), "missing value function for a weighted issue; want {shape: linear|single-peaked, ideal: …}")
		}
	}
	ac := d.mapping(f.val["audience_costs"], join(path, "audience_costs"))
	for _, name := range ac.keys {
		if i, ok := d.issueRef(s, ac, name); ok {
			u.AudienceCosts[i] = d.param(ac.val[name], join(ac.path, name), unit, FixedParam(0))
		}
	}
	return u
}

func (d *decoder) valueFunction(is Issue, levels span, n *yaml.Node, path string) ValueFunction {
	f := d.mapping(n, path, valueFields...)
	vf := ValueFunction{set: true}
	if !d.require(f, "shape", "ideal") {
		return vf
	}
	shape := d.choice(f.val["shape"], join(path, "shape"), shapeNames[:], -1)
	if shape < 0 {
		return vf
	}
	vf.Shape = Shape(shape)
	before := len(d.errs)
	vf.Ideal = d.param(f.val["ideal"], join(path, "ideal"), levels, FixedParam(is.Max))
	if len(d.errs) > before {
		return vf
	}
	vf.Low = FixedParam(is.Min)
	vf.High = FixedParam(is.Max)
	if vf.Shape == Linear {
		if !math.IsInf(levels.lo, 0) && (vf.Ideal.Dist != Fixed || (vf.Ideal.Value != is.Min && vf.Ideal.Value != is.Max)) {
			d.errorf(deref(f.val["ideal"]), join(path, "ideal"), "%s; a linear value function's ideal is the issue's min (%s) or max (%s); use single-peaked for an ideal inside the range",
				vf.Ideal, fmtNum(is.Min), fmtNum(is.Max))
		}
		for _, k := range []string{"low", "high"} {
			if f.has(k) {
				d.errorf(f.key[k], join(path, k), "only single-peaked value functions have %s", k)
			}
		}
		return vf
	}
	lo, hi := vf.Ideal.Support()
	vf.Low = d.param(f.val["low"], join(path, "low"), closed(levels.lo, lo), vf.Low)
	vf.High = d.param(f.val["high"], join(path, "high"), closed(hi, levels.hi), vf.High)
	return vf
}

func (d *decoder) decodeMediator(a *Actor, f *object) {
	d.decodeCommon(a, f)
	d.require(f, "credibility")
	path := f.path
	a.Credibility = d.param(f.val["credibility"], join(path, "credibility"), unit, FixedParam(0))
	a.NoiseReduction = d.param(f.val["noise_reduction"], join(path, "noise_reduction"), unit, FixedParam(0.4))
	b := d.mapping(f.val["bridging"], join(path, "bridging"), "base", "slope")
	a.BridgingBase = d.param(b.val["base"], join(b.path, "base"), unit, FixedParam(0.2))
	a.BridgingSlope = d.param(b.val["slope"], join(b.path, "slope"), unit, FixedParam(0.5))
	if _, hb := a.BridgingBase.Support(); hb+a.BridgingSlope.Hi > 1 {
		d.errorf(b.node, b.path, "base + slope can reach %s; want at most 1 (it is a probability)", fmtNum(hb+a.BridgingSlope.Hi))
	}
	a.MediatedReneging = d.param(f.val["mediated_reneging"], join(path, "mediated_reneging"), closed(1, 10), FixedParam(1))
}

func (d *decoder) decodeRatifier(s *Scenario, a *Actor, f *object) {
	d.decodeCommon(a, f)
	d.require(f, "ratifies", "bar")
	path := f.path
	a.Bar = d.param(f.val["bar"], join(path, "bar"), utilitySpan, FixedParam(0))
	if f.has("ratifies") {
		a.Ratifies = d.text(f.val["ratifies"], join(path, "ratifies"))
		if p := s.Actor(a.Ratifies); p < 0 || s.Actors[p].Role != Principal {
			d.errorf(deref(f.val["ratifies"]), join(path, "ratifies"), "%q is not a principal; want one of %s", a.Ratifies, actorNames(s, Principal))
		} else {
			a.Utility = s.Actors[p].Utility
		}
	}
	if f.has("utility") {
		a.Utility = d.decodeUtility(s, f.val["utility"], join(path, "utility"))
		a.OwnUtility = true
	}
}

func actorNames(s *Scenario, role Role) string {
	var names []string
	for _, i := range actorsWithRole(s, role) {
		names = append(names, s.Actors[i].Name)
	}
	return strings.Join(names, ", ")
}

// actorsWithRole returns the indices of the actors with that role.
func actorsWithRole(s *Scenario, role Role) []int {
	var idx []int
	for i, a := range s.Actors {
		if a.Role == role {
			idx = append(idx, i)
		}
	}
	return idx
}

// nonEmpty reports a mapping that is present but has no entries.
func (d *decoder) nonEmpty(o *object, what string) {
	if n := deref(o.node); n != nil && !isNull(n) && n.Kind == yaml.MappingNode && len(n.Content) == 0 {
		d.errorf(n, o.path, "empty; name at least %s, or leave the field out", what)
	}
}

// hasRedLine reports whether a principal has a red line on issue k.
func hasRedLine(a Actor, k int) bool {
	for _, rl := range a.RedLines {
		if rl.Issue == k {
			return true
		}
	}
	return false
}

// actorRef looks up an actor of the given role named as a key of o.
func (d *decoder) actorRef(s *Scenario, o *object, name string, role Role) (int, bool) {
	i := s.Actor(name)
	if i < 0 || s.Actors[i].Role != role {
		valid := actorNames(s, role)
		if valid == "" {
			valid = "none"
		}
		d.errorf(o.key[name], join(o.path, name), "no %s named %s; the scenario's %ss: %s", role, name, role, valid)
		return 0, false
	}
	return i, true
}

// actorShifts decodes a mapping actor → param.
func (d *decoder) actorShifts(s *Scenario, n *yaml.Node, path string, role Role, valid span) []ActorShift {
	o := d.mapping(n, path)
	d.nonEmpty(o, "an actor")
	var out []ActorShift
	for _, name := range o.keys {
		if i, ok := d.actorRef(s, o, name, role); ok {
			out = append(out, ActorShift{Actor: i, By: d.param(o.val[name], join(path, name), valid, FixedParam(0))})
		}
	}
	return out
}
