package model

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
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

// MaxLevel bounds the magnitude of an issue's levels: a quadrillion is
// more than any count of money, barrels or centrifuges needs, and keeps
// every sum and square of levels the engine forms far from overflow.
const MaxLevel = 1e15

// minWidth is the narrowest an issue's range may be, relative to its
// largest level and at least absolutely: below it, levels differ only in
// their last digits and utilities computed from them are noise.
const minWidth = 1e-9

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
	principalFields  = []string{"role", "label", "objectives", "discount", "reservation", "utility", "red_lines", "red_line_yield", "distrust", "belief_noise", "concession", "reneging", "hold_out", "strategies", "strategy"}
	mediatorFields   = []string{"role", "label", "objectives", "credibility", "noise_reduction", "bridging", "mediated_reneging"}
	ratifierFields   = []string{"role", "label", "objectives", "ratifies", "bar", "utility"}
	utilityFields    = []string{"weights", "values", "audience_costs"}
	valueFields      = []string{"shape", "ideal", "low", "high"}
	shockFields      = []string{"description", "hazard", "at", "state", "effects"}
	stateFields      = []string{"rise", "decay"}
	renegingFields   = []string{"hazard", "guarantee_protection", "temptation"}
	effectFields     = []string{"reservation", "red_lines", "ratification_bar", "escalation", "reneging", "pause", "void_interim", "duration", "latency"}
	protocolFields   = []string{"first_proposer", "information", "red_lines", "escalation", "walk_away", "detection"}
	escalationFields = []string{"hazard", "deadline", "deadline_multiplier", "deadline_decay", "cost", "progress", "latency", "ceasefire", "resumption"}
	latencyFields    = []string{"start", "weight", "rollback", "setback"}
	resumptionFields = []string{"reservation", "red_lines", "pause"}
	interimFields    = []string{"issues", "scope", "scopes", "term", "renewal", "guarantee", "leverage", "lever", "snapback"}
	roundUnits       = []string{"month", "week", "quarter", "year", "round"}
)

var (
	unit        = closed(0, 1)
	utilitySpan = closed(-1, 1)
	startRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`) })
)

// decodeScenario decodes a resolved scenario tree and checks every
// cross-field rule.
func (d *decoder) decodeScenario(root *yaml.Node) *Scenario {
	s := &Scenario{File: d.file}
	top := d.mapping(root, "", topFields...)
	d.require(top, "name", "description", "horizon", "issues", "actors")
	if top.has("extends") {
		d.errorf(top.key["extends"], "extends", "only a variant's own file may name its baseline, not an override; want extends at the top of the variant")
	}
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
	if s.Start != "" && !startRE().MatchString(s.Start) {
		d.errorf(top.val["start"], "start", "%q; want a calendar month YYYY-MM", s.Start)
	}
	s.Round = roundUnits[d.choice(top.val["round"], "round", roundUnits, 0)]
	s.Horizon = d.integer(top.val["horizon"], "horizon", 1, MaxHorizon, MaxHorizon)
	if d.horizon != 0 {
		s.Horizon = d.horizon
	}
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
			if !d.issueRange(f, path, is.Min, is.Max) {
				d.badRange[len(issues)] = true
			}
		} else {
			d.badRange[len(issues)] = true
		}
		is.StatusQuo = is.Min
		if f.has("status_quo") {
			sq := d.param(f.val["status_quo"], join(path, "status_quo"), d.levels(is, len(issues)), FixedParam(is.Min))
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

// issueRange reports an issue range that is empty, beyond ±MaxLevel or
// too narrow for its magnitude, and returns whether it is sound.
func (d *decoder) issueRange(f *object, path string, lo, hi float64) bool {
	for _, end := range [...]struct {
		key string
		x   float64
	}{{"min", lo}, {"max", hi}} {
		if math.Abs(end.x) > MaxLevel {
			d.errorf(deref(f.val[end.key]), join(path, end.key), "%s is beyond ±%s; want levels within ±%s (rescale the unit, e.g. to billions)",
				fmtNum(end.x), fmtNum(MaxLevel), fmtNum(MaxLevel))
			return false
		}
	}
	switch {
	case lo >= hi:
		d.errorf(deref(f.val["max"]), join(path, "max"), "max %s ≤ min %s; want min < max", fmtNum(hi), fmtNum(lo))
	case hi-lo < minWidth*max(1, math.Abs(lo), math.Abs(hi)):
		d.errorf(deref(f.val["max"]), join(path, "max"), "the range [%s, %s] is too narrow for levels of its size; want max − min at least %s times the largest level, and at least %[3]s (rescale the unit or shift the levels)",
			fmtNum(lo), fmtNum(hi), fmtNum(minWidth))
	default:
		return true
	}
	return false
}

func (d *decoder) decodeProtocol(s *Scenario, n *yaml.Node, rounds span) Protocol {
	f := d.mapping(n, "protocol", protocolFields...)
	principals := actorsWithRole(s, Principal)
	p := Protocol{WalkAwayPatience: int(rounds.hi)}
	if len(principals) > 0 {
		p.FirstProposer = principals[0]
	}
	if i, ok := d.principalRef(s, f.val["first_proposer"], "protocol.first_proposer"); ok {
		p.FirstProposer = i
	}
	p.Information = Information(d.choice(f.val["information"], "protocol.information", informationNames[:], 0))
	rl := d.mapping(f.val["red_lines"], "protocol.red_lines", "correlation")
	if c := rl.val["correlation"]; c != nil {
		corr := d.param(c, "protocol.red_lines.correlation", unit, FixedParam(0))
		if corr.Dist != Fixed {
			d.errorf(deref(c), "protocol.red_lines.correlation", "want a number, not a distribution: the correlation shapes how the red lines are drawn")
		}
		p.RedLineCorrelation = corr.Value
	}

	e := d.mapping(f.val["escalation"], "protocol.escalation", escalationFields...)
	p.EscalationHazard = d.param(e.val["hazard"], "protocol.escalation.hazard", unit, FixedParam(0))
	p.Deadline = d.integer(e.val["deadline"], "protocol.escalation.deadline", 0, int(rounds.hi), 0)
	p.DeadlineMultiplier = d.param(e.val["deadline_multiplier"], "protocol.escalation.deadline_multiplier", closed(1, 100), FixedParam(2))
	p.DeadlineDecay = d.param(e.val["deadline_decay"], "protocol.escalation.deadline_decay", unit, FixedParam(0))
	p.Progress = d.param(e.val["progress"], "protocol.escalation.progress", unit, FixedParam(0))
	lat := d.mapping(e.val["latency"], "protocol.escalation.latency", latencyFields...)
	p.Latency = Latency{
		Start:    d.param(lat.val["start"], "protocol.escalation.latency.start", unit, FixedParam(0)),
		Weight:   d.param(lat.val["weight"], "protocol.escalation.latency.weight", closed(0, 20), FixedParam(0)),
		Rollback: d.param(lat.val["rollback"], "protocol.escalation.latency.rollback", unit, FixedParam(0)),
		Setback:  d.param(lat.val["setback"], "protocol.escalation.latency.setback", unit, FixedParam(0)),
	}
	p.Ceasefire = d.param(e.val["ceasefire"], "protocol.escalation.ceasefire", unit, FixedParam(0))
	if e.has("resumption") {
		path := "protocol.escalation.resumption"
		r := d.mapping(e.val["resumption"], path, resumptionFields...)
		p.Resumption.Reservation = d.actorShifts(s, r.val["reservation"], join(path, "reservation"), Principal, utilitySpan)
		p.Resumption.RedLines = d.redLineShifts(s, r.val["red_lines"], join(path, "red_lines"))
		if r.has("pause") {
			pause := d.param(r.val["pause"], join(path, "pause"), rounds, FixedParam(0))
			p.Resumption.Pause = &pause
		}
	}
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
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 || !d.spend(list, "deals.interim.issues", len(list.Content)) {
			d.errorf(list, "deals.interim.issues", "%s; want a non-empty list of issue names", describe(list))
			list = &yaml.Node{}
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
	scopes := d.mapping(in.val["scopes"], "deals.interim.scopes")
	it.Scopes = make([]Param, len(it.Issues))
	for j := range it.Scopes {
		it.Scopes[j] = it.Scope
	}
	for _, name := range scopes.keys {
		k, ok := d.issueRef(s, scopes, name)
		if !ok {
			continue
		}
		j := slices.Index(it.Issues, k)
		if j < 0 {
			d.errorf(scopes.key[name], join(scopes.path, name), "%s is not one of deals.interim.issues; want a scope only for an issue the interim settles", name)
			continue
		}
		it.Scopes[j] = d.param(scopes.val[name], join(scopes.path, name), unit, it.Scope)
	}
	it.Term = d.param(in.val["term"], "deals.interim.term", span{lo: 1, hi: rounds.hi}, FixedParam(1))
	it.Renewal = d.param(in.val["renewal"], "deals.interim.renewal", unit, FixedParam(0.5))
	it.Guarantee = d.param(in.val["guarantee"], "deals.interim.guarantee", unit, FixedParam(0))
	it.Leverage = d.param(in.val["leverage"], "deals.interim.leverage", closed(1, 10), FixedParam(1))
	it.Lever = -1
	if i, ok := d.principalRef(s, in.val["lever"], "deals.interim.lever"); ok {
		it.Lever = i
	}
	it.Snapback = d.param(in.val["snapback"], "deals.interim.snapback", unit, FixedParam(0))
	if in.has("snapback") && !in.has("lever") {
		d.errorf(in.key["snapback"], "deals.interim.snapback", "a snapback needs the side that holds it; add deals.interim.lever")
	}
	deals.Interim = it
	return deals
}

// principalRef decodes the name of a principal at path; ok is false when
// the node is absent or names no principal (then reported).
func (d *decoder) principalRef(s *Scenario, n *yaml.Node, path string) (int, bool) {
	n = deref(n)
	if n == nil {
		return -1, false
	}
	name := d.text(n, path)
	if i := s.Actor(name); i >= 0 && s.Actors[i].Role == Principal {
		return i, true
	}
	if n.Kind == yaml.ScalarNode {
		d.errorf(n, path, "%q is not a principal; want one of %s", name, actorNames(s, Principal))
	}
	return -1, false
}
