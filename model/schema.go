package model

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxHorizon is the largest horizon a scenario may have: a century of
// monthly rounds.
const MaxHorizon = 1200

// Limits on the size of a scenario.
const (
	MaxIssues = 32
	MaxActors = 16
	MaxShocks = 64
)

// maxSummary is the longest a scenario's one-line summary may be.
const maxSummary = 100

// prose folds a text's runs of white space, line breaks included, into
// single spaces: descriptions are one paragraph however the file wraps them.
func prose(text string) string { return strings.Join(strings.Fields(text), " ") }

// defaultSummary returns the first sentence of a description, cut at a
// word boundary with an ellipsis if it is longer than maxSummary.
func defaultSummary(description string) string {
	text := description
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i+1]
	}
	if utf8.RuneCountInString(text) <= maxSummary {
		return text
	}
	cut := string([]rune(text)[:maxSummary-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// weightTolerance is how far the central weights may sum from 1.
const weightTolerance = 1e-3

// Field lists, in the order `show` writes them.
var (
	topFields        = []string{"name", "summary", "description", "extends", "start", "round", "horizon", "issues", "actors", "deals", "shocks", "protocol"}
	issueFields      = []string{"description", "unit", "min", "max", "status_quo", "role"}
	principalFields  = []string{"role", "label", "objectives", "discount", "reservation", "utility", "red_lines", "belief_noise", "concession", "reneging", "hold_out", "strategies", "strategy"}
	mediatorFields   = []string{"role", "label", "objectives", "credibility", "noise_reduction", "bridging", "mediated_reneging"}
	ratifierFields   = []string{"role", "label", "objectives", "ratifies", "bar", "utility"}
	utilityFields    = []string{"weights", "values", "audience_costs"}
	valueFields      = []string{"shape", "ideal", "low", "high"}
	shockFields      = []string{"description", "hazard", "at", "effects"}
	effectFields     = []string{"reservation", "red_lines", "ratification_bar", "escalation", "reneging", "pause", "void_interim", "duration"}
	protocolFields   = []string{"first_proposer", "information", "escalation", "walk_away", "detection"}
	escalationFields = []string{"hazard", "deadline", "deadline_multiplier", "cost"}
	interimFields    = []string{"issues", "scope", "term", "renewal", "guarantee", "leverage"}
	roundUnits       = []string{"month", "week", "quarter", "year", "round"}
)

var (
	unit        = closed(0, 1)
	utilitySpan = closed(-1, 1)
	startRE     = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
)

// decodeScenario decodes a resolved scenario tree and checks every
// cross-field rule.
func (d *decoder) decodeScenario(root *yaml.Node) *Scenario {
	s := &Scenario{File: d.file}
	top := d.mapping(root, "", topFields...)
	d.require(top, "name", "description", "horizon", "issues", "actors")
	s.Name = d.text(top.val["name"], "name")
	if top.has("name") && !validName(s.Name) {
		d.errorf(top.val["name"], "name", "%q is not a valid name; want a lower-case letter followed by letters, digits, '-' or '_'", s.Name)
	}
	s.Description = prose(d.text(top.val["description"], "description"))
	s.Summary = defaultSummary(s.Description)
	if top.has("summary") {
		s.Summary = strings.TrimSpace(d.text(top.val["summary"], "summary"))
		if n := utf8.RuneCountInString(s.Summary); n == 0 || n > maxSummary || strings.Contains(s.Summary, "\n") {
			d.errorf(deref(top.val["summary"]), "summary", "%d characters; want one line of 1 to %d characters", n, maxSummary)
		}
	}
	if dn := deref(top.val["description"]); dn != nil && dn.Kind == yaml.ScalarNode && s.Description == "" {
		d.errorf(top.val["description"], "description", "empty; say what the scenario represents and where its numbers come from")
	}
	s.Start = d.text(top.val["start"], "start")
	if s.Start != "" && !startRE.MatchString(s.Start) {
		d.errorf(top.val["start"], "start", "%q; want a calendar month YYYY-MM", s.Start)
	}
	s.Round = roundUnits[d.choice(top.val["round"], "round", roundUnits, 0)]
	s.Horizon = d.integer(top.val["horizon"], "horizon", 1, MaxHorizon, MaxHorizon)
	rounds := closed(0, float64(s.Horizon))

	s.Issues = d.decodeIssues(top.val["issues"])
	s.Actors = d.decodeActors(s, top.val["actors"], rounds)
	s.Deals = d.decodeDeals(s, top.val["deals"], rounds)
	s.Shocks = d.decodeShocks(s, top.val["shocks"], rounds)
	s.Protocol = d.decodeProtocol(s, top.val["protocol"], rounds)
	return s
}

// limit reports a section with more than max entries and keeps the first max.
func (d *decoder) limit(o *object, max int) {
	if len(o.keys) > max {
		d.errorf(o.key[o.keys[max]], o.path, "%d entries; want at most %d", len(o.keys), max)
		o.keys = o.keys[:max]
	}
}

func (d *decoder) decodeIssues(n *yaml.Node) []Issue {
	o := d.mapping(n, "issues")
	if len(o.keys) == 0 && deref(n) != nil {
		d.errorf(o.node, "issues", "no issues; want at least one")
	}
	d.limit(o, MaxIssues)
	issues := make([]Issue, 0, len(o.keys))
	roleAt := map[IssueRole]string{}
	for _, name := range o.keys {
		path := join("issues", name)
		f := d.mapping(o.val[name], path, issueFields...)
		is := Issue{Name: name}
		is.Description = prose(d.text(f.val["description"], join(path, "description")))
		is.Unit = d.text(f.val["unit"], join(path, "unit"))
		if d.require(f, "min", "max") {
			is.Min, _ = d.number(f.val["min"], join(path, "min"))
			is.Max, _ = d.number(f.val["max"], join(path, "max"))
			if is.Min >= is.Max {
				d.errorf(deref(f.val["max"]), join(path, "max"), "max %s ≤ min %s; want min < max", fmtNum(is.Max), fmtNum(is.Min))
				d.badRange[len(issues)] = true
			}
		} else {
			d.badRange[len(issues)] = true
		}
		is.StatusQuo = is.Min
		if f.has("status_quo") {
			valid := closed(is.Min, is.Max)
			if d.badRange[len(issues)] {
				valid = span{lo: math.Inf(-1), hi: math.Inf(1)}
			}
			sq := d.param(f.val["status_quo"], join(path, "status_quo"), valid, FixedParam(is.Min))
			if sq.Dist != Fixed {
				d.errorf(deref(f.val["status_quo"]), join(path, "status_quo"), "want a number, not a distribution")
			}
			is.StatusQuo = sq.Value
		}
		is.Role = IssueRole(d.choice(f.val["role"], join(path, "role"), issueRoleNames[:], 0))
		if is.Role != NoRole {
			if prev, dup := roleAt[is.Role]; dup {
				d.errorf(deref(f.val["role"]), join(path, "role"), "issue %s already has role %s; each role at most once", prev, is.Role)
			}
			roleAt[is.Role] = name
		}
		issues = append(issues, is)
	}
	return issues
}

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
			roles[i] = 255
			continue
		}
		roles[i] = Role(d.choice(rn, join(path, "role"), roleNames[:], 255))
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
			d.errorf(o.node, "actors", "%d principals; want exactly 2 actors with role: principal", counts[Principal])
		}
		if counts[Mediator] > 1 {
			d.errorf(o.node, "actors", "%d mediators; want at most 1", counts[Mediator])
		}
	}
	return actors
}

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
			Level: d.param(lines.val[name], join(lines.path, name), d.levels(s, k), FixedParam(s.Issues[k].Min))})
	}

	a.BeliefNoise = d.param(f.val["belief_noise"], join(path, "belief_noise"), unit, FixedParam(0.1))
	c := d.mapping(f.val["concession"], join(path, "concession"), "boulware", "conceder")
	a.Concession.Boulware = d.param(c.val["boulware"], join(c.path, "boulware"), span{lo: 0, hi: 1, openLo: true}, FixedParam(0.5))
	a.Concession.Conceder = d.param(c.val["conceder"], join(c.path, "conceder"), closed(1, 20), FixedParam(2))
	rn := d.mapping(f.val["reneging"], join(path, "reneging"), "hazard", "guarantee_protection")
	a.Reneging.Hazard = d.param(rn.val["hazard"], join(rn.path, "hazard"), unit, FixedParam(0))
	a.Reneging.GuaranteeProtection = d.param(rn.val["guarantee_protection"], join(rn.path, "guarantee_protection"), unit, FixedParam(0))
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
			u.Values[i] = d.valueFunction(s.Issues[i], d.levels(s, i), v.val[name], join(v.path, name))
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
	vf.Shape = Shape(d.choice(f.val["shape"], join(path, "shape"), shapeNames[:], 0))
	vf.Ideal = d.param(f.val["ideal"], join(path, "ideal"), levels, FixedParam(is.Max))
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

// actorRef looks up an actor of the given role named as a key of o.
func (d *decoder) actorRef(s *Scenario, o *object, name string, role Role) (int, bool) {
	i := s.Actor(name)
	if i < 0 || s.Actors[i].Role != role {
		d.errorf(o.key[name], join(o.path, name), "no %s named %s; want one of %s", role, name, actorNames(s, role))
		return 0, false
	}
	return i, true
}

// actorShifts decodes a mapping actor → param.
func (d *decoder) actorShifts(s *Scenario, n *yaml.Node, path string, role Role, valid span) []ActorShift {
	o := d.mapping(n, path)
	var out []ActorShift
	for _, name := range o.keys {
		if i, ok := d.actorRef(s, o, name, role); ok {
			out = append(out, ActorShift{Actor: i, By: d.param(o.val[name], join(path, name), valid, FixedParam(0))})
		}
	}
	return out
}

func (d *decoder) decodeDeals(s *Scenario, n *yaml.Node, rounds span) Deals {
	f := d.mapping(n, "deals", "comprehensive", "interim")
	c := d.mapping(f.val["comprehensive"], "deals.comprehensive", "ratification")
	deals := Deals{Ratification: d.boolean(c.val["ratification"], "deals.comprehensive.ratification", true)}
	if !f.has("interim") {
		return deals
	}
	in := d.mapping(f.val["interim"], "deals.interim", interimFields...)
	d.require(in, "issues", "term")
	it := &Interim{}
	if list := deref(in.val["issues"]); list != nil {
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			d.errorf(list, "deals.interim.issues", "%s; want a non-empty list of issue names", describe(list))
		}
		for i, c := range list.Content {
			p := fmt.Sprintf("deals.interim.issues[%d]", i)
			name := d.text(c, p)
			k := s.Issue(name)
			switch {
			case k < 0:
				d.errorf(deref(c), p, "no issue named %q; issues: %s", name, issueNames(s))
			case slices.Contains(it.Issues, k):
				d.errorf(deref(c), p, "%s is listed twice", name)
			default:
				it.Issues = append(it.Issues, k)
			}
		}
	}
	it.Scope = d.param(in.val["scope"], "deals.interim.scope", unit, FixedParam(0.5))
	it.Term = d.param(in.val["term"], "deals.interim.term", span{lo: 1, hi: rounds.hi}, FixedParam(1))
	it.Renewal = d.param(in.val["renewal"], "deals.interim.renewal", unit, FixedParam(0.5))
	it.Guarantee = d.param(in.val["guarantee"], "deals.interim.guarantee", unit, FixedParam(0))
	it.Leverage = d.param(in.val["leverage"], "deals.interim.leverage", closed(1, 10), FixedParam(1))
	deals.Interim = it
	return deals
}

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
		if d.require(f, "effects") {
			sh.Effects = d.decodeEffects(s, f.val["effects"], join(path, "effects"), rounds)
		}
		shocks = append(shocks, sh)
	}
	return shocks
}

func (d *decoder) decodeEffects(s *Scenario, n *yaml.Node, path string, rounds span) Effects {
	f := d.mapping(n, path, effectFields...)
	if len(f.keys) == 0 {
		d.errorf(f.node, path, "no effects; want at least one of %s", strings.Join(effectFields, ", "))
	}
	var e Effects
	e.Reservation = d.actorShifts(s, f.val["reservation"], join(path, "reservation"), Principal, utilitySpan)
	e.RatificationBar = d.actorShifts(s, f.val["ratification_bar"], join(path, "ratification_bar"), Ratifier, utilitySpan)
	e.Reneging = d.actorShifts(s, f.val["reneging"], join(path, "reneging"), Principal, unit)
	rl := d.mapping(f.val["red_lines"], join(path, "red_lines"))
	for _, actor := range rl.keys {
		a, ok := d.actorRef(s, rl, actor, Principal)
		if !ok {
			continue
		}
		issues := d.mapping(rl.val[actor], join(rl.path, actor))
		for _, name := range issues.keys {
			if k, ok := d.issueRef(s, issues, name); ok {
				width := s.Issues[k].Max - s.Issues[k].Min
				e.RedLines = append(e.RedLines, RedLineShift{Actor: a, Issue: k,
					By: d.param(issues.val[name], join(issues.path, name), closed(-width, width), FixedParam(0))})
			}
		}
	}
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
	return e
}

func (d *decoder) decodeProtocol(s *Scenario, n *yaml.Node, rounds span) Protocol {
	f := d.mapping(n, "protocol", protocolFields...)
	principals := actorsWithRole(s, Principal)
	p := Protocol{WalkAwayPatience: int(rounds.hi)}
	if len(principals) > 0 {
		p.FirstProposer = principals[0]
	}
	if fp := deref(f.val["first_proposer"]); fp != nil {
		name := d.text(fp, "protocol.first_proposer")
		if i := s.Actor(name); i >= 0 && s.Actors[i].Role == Principal {
			p.FirstProposer = i
		} else {
			d.errorf(fp, "protocol.first_proposer", "%q is not a principal; want one of %s", name, actorNames(s, Principal))
		}
	}
	p.Information = Information(d.choice(f.val["information"], "protocol.information", informationNames[:], 0))

	e := d.mapping(f.val["escalation"], "protocol.escalation", escalationFields...)
	p.EscalationHazard = d.param(e.val["hazard"], "protocol.escalation.hazard", unit, FixedParam(0))
	p.Deadline = d.integer(e.val["deadline"], "protocol.escalation.deadline", 0, int(rounds.hi), 0)
	p.DeadlineMultiplier = d.param(e.val["deadline_multiplier"], "protocol.escalation.deadline_multiplier", closed(1, 100), FixedParam(2))
	costs := d.actorShifts(s, e.val["cost"], "protocol.escalation.cost", Principal, closed(0, 2))
	for _, i := range principals {
		c := ActorShift{Actor: i, By: FixedParam(0)}
		c.By.key = streamKey("protocol.escalation.cost." + s.Actors[i].Name)
		for _, given := range costs {
			if given.Actor == i {
				c = given
			}
		}
		p.EscalationCost = append(p.EscalationCost, c)
	}

	w := d.mapping(f.val["walk_away"], "protocol.walk_away", "patience")
	p.WalkAwayPatience = d.integer(w.val["patience"], "protocol.walk_away.patience", 1, int(rounds.hi), int(rounds.hi))

	det := d.mapping(f.val["detection"], "protocol.detection", "base", "verification")
	p.DetectionBase = d.param(det.val["base"], "protocol.detection.base", unit, FixedParam(0.2))
	p.DetectionVerification = d.param(det.val["verification"], "protocol.detection.verification", unit, FixedParam(0.8))
	return p
}
