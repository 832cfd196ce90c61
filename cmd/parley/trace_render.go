package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
)

// story tells a traced episode in prose for `parley trace`.
type story struct {
	s      *model.Scenario
	tr     *sim.EpisodeTrace
	labels map[string]string // display name by actor name
	policy map[string]string // strategy by principal name
}

func newStory(s *model.Scenario, tr *sim.EpisodeTrace) *story {
	st := &story{s: s, tr: tr, labels: map[string]string{}, policy: map[string]string{}}
	for _, a := range s.Actors {
		st.labels[a.Name] = a.Name
		if a.Label != "" {
			st.labels[a.Name] = a.Label
		}
	}
	for _, as := range tr.Strategies {
		st.policy[as.Actor] = as.Strategy
	}
	return st
}

// write tells the story as text or Markdown.
func (st *story) write(w io.Writer, markdown bool) error {
	o := &proseWriter{w: w, markdown: markdown}
	tr := st.tr
	o.title(fmt.Sprintf("%s: episode %d of seed %d", tr.Scenario, tr.Episode, tr.Seed))
	a, b := tr.Strategies[0], tr.Strategies[1]
	unit := ""
	if tr.Round != "" && tr.Round != "round" {
		unit = fmt.Sprintf("; a round is a %s", tr.Round)
	}
	o.para(fmt.Sprintf("One episode of the negotiation, round by round, over a horizon of %d rounds%s. %s plays %s, %s plays %s. 'parley run %s --seed %d' counts this episode, its episode %d, as %s.",
		tr.Horizon, unit, capital(st.labels[a.Actor]), a.Strategy, st.labels[b.Actor], b.Strategy, tr.Scenario, tr.Seed, tr.Episode, tr.Result.Outcome))
	o.para("Utilities run from 0 (a side's worst package) to 1 (its best). A side judges a deal by its value V = v + (u − v)·κ: u is what the deal gives it per round, v its value of no deal (its fallback less the expected cost of escalation), and κ the discounted share of the future the deal is expected to stay in force.")
	st.writeWorld(o)
	st.writeRounds(o)
	st.writeOutcome(o)
	return o.err
}

// writeWorld describes the sampled world.
func (st *story) writeWorld(o *proseWriter) {
	w := st.tr.World
	o.heading("The world of this episode")
	o.para("Every uncertain number of the scenario was drawn for this episode; as they stand in round 1:")
	t := &table{header: []string{""}}
	for _, p := range w.Principals {
		t.header = append(t.header, st.labels[p.Actor])
	}
	row := func(name string, f func(p sim.TracePrincipal) string) {
		r := []string{name}
		for _, p := range w.Principals {
			r = append(r, f(p))
		}
		t.rows = append(t.rows, r)
	}
	row("fallback per round of no deal", func(p sim.TracePrincipal) string { return fmtUtility(p.Reservation) })
	row("value of no deal, with escalation", func(p sim.TracePrincipal) string { return fmtUtility(p.NoDealValue) })
	row("believes other's value of no deal", func(p sim.TracePrincipal) string { return fmtUtility(p.Belief) })
	row("discount factor per round", func(p sim.TracePrincipal) string { return fmtLevel(p.Discount) })
	row("reneging hazard per round", func(p sim.TracePrincipal) string { return chance(p.RenegingHazard) })
	row("cost of escalation per round", func(p sim.TracePrincipal) string { return fmtUtility(p.EscalationCost) })
	for _, is := range st.s.Issues {
		row("weight of "+issueName(is.Name), func(p sim.TracePrincipal) string { return fmtLevel(p.Weights[is.Name]) })
	}
	for _, is := range st.s.Issues {
		if !hasRedLine(w.Principals, is.Name) {
			continue
		}
		row("red line on "+issueName(is.Name), func(p sim.TracePrincipal) string {
			if rl, ok := p.RedLines[is.Name]; ok {
				return strings.ReplaceAll(rl.Bound, "_", " ") + " " + fmtLevel(rl.Level)
			}
			return "—"
		})
	}
	o.table(t)
	var notes []string
	if clashes := st.clashes(); len(clashes) > 0 {
		notes = append(notes, fmt.Sprintf("The red lines clash on %s: no comprehensive deal is possible unless a shock moves them.", strings.Join(clashes, "; ")))
	}
	if m := w.Mediator; m != nil {
		notes = append(notes, fmt.Sprintf("%s mediates with credibility %s: in each round it puts a bridging package on the table with probability %s.",
			st.labels[m.Actor], fmtLevel(m.Credibility), chance(m.Bridging)))
	}
	if w.EscalationHazard > 0 {
		esc := fmt.Sprintf("While no deal is in force the conflict escalates with probability %s per round, more while shocks last", chance(w.EscalationHazard))
		if d := st.s.Protocol.Deadline; d > 0 {
			esc += fmt.Sprintf(" and after the deadline of round %d", d)
		}
		notes = append(notes, esc+".")
	}
	if it := w.Interim; it != nil {
		notes = append(notes, fmt.Sprintf("An interim deal settles %s, each %s of the way from the status quo to the red lines; it lasts %d rounds, and is renewed at expiry with probability %s.",
			st.interimIssues(), chance(it.Scope), it.Term, chance(it.Renewal)))
	}
	if patience := st.s.Protocol.WalkAwayPatience; patience < st.tr.Horizon {
		notes = append(notes, fmt.Sprintf("A side that sees no acceptable deal within reach for %d rounds in a row walks away.", patience))
	}
	o.bullets(notes)
	if len(w.Shocks) > 0 {
		o.para("Shocks that may strike:")
		var items []string
		for j, sh := range w.Shocks {
			when := fmt.Sprintf("probability %s per round", chance(sh.Hazard))
			if sh.At > 0 {
				when = fmt.Sprintf("in round %d", sh.At)
			}
			items = append(items, fmt.Sprintf("%s (%s): %s", issueName(sh.Name), when, strings.TrimSpace(st.s.Shocks[j].Description)))
		}
		o.bullets(items)
	}
}

// clashes lists the issues on which one principal's floor lies above the
// other's ceiling, with both red lines.
func (st *story) clashes() []string {
	ps := st.tr.World.Principals
	var out []string
	for _, is := range st.s.Issues {
		a, okA := ps[0].RedLines[is.Name]
		b, okB := ps[1].RedLines[is.Name]
		if !okA || !okB || a.Bound == b.Bound {
			continue
		}
		floor, ceiling := a, b
		if a.Bound == "at_most" {
			floor, ceiling = b, a
		}
		if floor.Level > ceiling.Level {
			out = append(out, fmt.Sprintf("%s (%s %s %s, %s %s %s)", issueName(is.Name),
				st.labels[ps[0].Actor], strings.ReplaceAll(a.Bound, "_", " "), fmtLevel(a.Level),
				st.labels[ps[1].Actor], strings.ReplaceAll(b.Bound, "_", " "), fmtLevel(b.Level)))
		}
	}
	return out
}

// hasRedLine reports whether some principal has a red line on the issue.
func hasRedLine(ps []sim.TracePrincipal, issue string) bool {
	for _, p := range ps {
		if _, ok := p.RedLines[issue]; ok {
			return true
		}
	}
	return false
}

// interimIssues lists the issues an interim deal settles.
func (st *story) interimIssues() string {
	var names []string
	for _, k := range st.s.Deals.Interim.Issues {
		names = append(names, issueName(st.s.Issues[k].Name))
	}
	return strings.Join(names, ", ")
}

// writeRounds tells the rounds, one list of events per round, and sums
// up the runs of rounds in which nothing happens.
func (st *story) writeRounds(o *proseWriter) {
	o.heading("Round by round")
	events := st.tr.Events
	state := "talks go on without an offer"
	quietFrom := 0
	flushQuiet := func(until int) {
		if quietFrom == 0 || until < quietFrom {
			return
		}
		rounds := fmt.Sprintf("Round %d", quietFrom)
		if until > quietFrom {
			rounds = fmt.Sprintf("Rounds %d–%d", quietFrom, until)
		}
		o.para(rounds + ": " + state + ".")
		quietFrom = 0
	}
	for t := 1; t <= st.tr.Result.Rounds; t++ {
		n := 0
		clash := true // every event of the round is a proposer finding that the red lines clash
		for n < len(events) && events[n].Round == t {
			clash = clash && events[n].Kind == sim.EventNoOffer && events[n].Reason == "red_lines"
			n++
		}
		round := events[:n]
		events = events[n:]
		switch {
		case n > 0 && clash:
			if state != redLinesClash {
				flushQuiet(t - 1)
				state = redLinesClash
			}
			fallthrough
		case n == 0:
			if quietFrom == 0 {
				quietFrom = t
			}
			continue
		}
		flushQuiet(t - 1)
		var lines []string
		for i := range round {
			lines = append(lines, st.sentence(&round[i]))
			state = nextState(state, &round[i])
		}
		o.para(fmt.Sprintf("Round %d:", t))
		o.bullets(lines)
	}
	flushQuiet(st.tr.Result.Rounds)
}

// redLinesClash describes rounds in which the red lines leave no package.
const redLinesClash = "the two sides' red lines leave no package either side could offer, so none is made"

// nextState describes what goes on in rounds without events after ev.
func nextState(state string, ev *sim.Event) string {
	switch ev.Kind {
	case sim.EventAgreement, sim.EventRenewal:
		return "the " + ev.Deal + " deal holds"
	case sim.EventReneging:
		return "the reneging goes undetected"
	case sim.EventDetection, sim.EventExpiry, sim.EventVoid:
		return "no deal is in force and no offer is made"
	case sim.EventShock:
		if strings.HasPrefix(state, "the") {
			return state
		}
		return "no offer is made (talks may be paused by a shock)"
	case sim.EventWalkAway:
		return "the talks are over; no deal is in force"
	}
	return state
}

// sentence tells one event.
func (st *story) sentence(ev *sim.Event) string {
	who := capital(st.labels[ev.Actor])
	switch ev.Kind {
	case sim.EventShock:
		return st.shock(ev)
	case sim.EventOffer:
		return fmt.Sprintf("%s offers %s deal: %s. %s", who, article(ev.Deal), st.terms(ev.Package), st.worth(ev.Package))
	case sim.EventNoOffer:
		return st.noOffer(who, ev)
	case sim.EventBridge:
		return fmt.Sprintf("%s proposes a bridging %s deal: %s. %s", who, ev.Deal, st.terms(ev.Package), st.worth(ev.Package))
	case sim.EventResponse:
		return st.response(who, ev)
	case sim.EventRatification:
		r := ev.Ratification
		if r.Approved {
			return fmt.Sprintf("%s ratifies the deal: its utility %s reaches its bar %s.", who, fmtUtility(r.Utility), fmtUtility(r.Bar))
		}
		return fmt.Sprintf("%s rejects the deal: its utility %s is below its bar %s, so the deal does not come into force.", who, fmtUtility(r.Utility), fmtUtility(r.Bar))
	case sim.EventAgreement:
		s := fmt.Sprintf("%s deal comes into force: %s. %s", capital(article(ev.Deal)), st.terms(ev.Package), st.worth(ev.Package))
		if ev.Until > 0 {
			s += fmt.Sprintf(" It expires in round %d unless renewed.", ev.Until)
		}
		return s
	case sim.EventReneging:
		cause := fmt.Sprintf("a %s chance this round", chance(ev.Probability))
		if ev.Shock != "" {
			cause = fmt.Sprintf("under the shock %s, a %s chance", issueName(ev.Shock), chance(ev.Probability))
		}
		s := fmt.Sprintf("%s reneges on the %s deal (%s): it withdraws its concessions and keeps its gains.", who, ev.Deal, cause)
		if ev.Package != nil {
			s += " Until the other side detects it, " + st.worth(ev.Package)
		}
		return s
	case sim.EventDetection:
		return fmt.Sprintf("%s detects the reneging (a %s chance per round); the deal has collapsed.", who, chance(ev.Probability))
	case sim.EventRenewal:
		return fmt.Sprintf("The interim deal reaches its expiry and is renewed (a %s chance).", chance(ev.Probability))
	case sim.EventExpiry:
		return fmt.Sprintf("The interim deal reaches its expiry and lapses (it had a %s chance of renewal).", chance(ev.Probability))
	case sim.EventVoid:
		return fmt.Sprintf("The shock %s voids the interim deal (a %s chance).", issueName(ev.Shock), chance(ev.Probability))
	case sim.EventWalkAway:
		return fmt.Sprintf("%s walks away: for %d rounds in a row it has seen no acceptable deal within reach.", who, st.s.Protocol.WalkAwayPatience)
	case sim.EventEscalation:
		return fmt.Sprintf("The conflict escalates (a %s chance this round). Escalation is final: from now on each side bears its cost of escalation every round.", chance(ev.Probability))
	}
	return string(ev.Kind)
}

// shock tells a shock and what it changed.
func (st *story) shock(ev *sim.Event) string {
	fx := ev.Effects
	var what []string
	for _, actor := range sortedKeys(fx.Reservation) {
		what = append(what, fmt.Sprintf("%s fallback moves by %+.3f", possessive(st.labels[actor]), fx.Reservation[actor]))
	}
	for _, actor := range sortedKeys(fx.RedLines) {
		var moves []string
		for _, issue := range sortedKeys(fx.RedLines[actor]) {
			rl := fx.RedLines[actor][issue]
			moves = append(moves, fmt.Sprintf("on %s to %s %s", issueName(issue), strings.ReplaceAll(rl.Bound, "_", " "), fmtLevel(rl.Level)))
		}
		what = append(what, fmt.Sprintf("%s red lines move %s", possessive(st.labels[actor]), strings.Join(moves, " and ")))
	}
	for _, actor := range sortedKeys(fx.RatificationBar) {
		what = append(what, fmt.Sprintf("%s ratification bar moves by %+.3f", possessive(st.labels[actor]), fx.RatificationBar[actor]))
	}
	if fx.Escalation != 0 {
		what = append(what, fmt.Sprintf("the escalation hazard is multiplied by %s through round %d", fmtLevel(fx.Escalation), fx.EscalationUntil))
	}
	if fx.PausedUntil != 0 {
		what = append(what, fmt.Sprintf("talks pause through round %d", fx.PausedUntil))
	}
	s := fmt.Sprintf("Shock: %s strikes", issueName(ev.Shock))
	if len(what) == 0 {
		return s + "; it changes nothing in the present state."
	}
	return s + ": " + strings.Join(what, "; ") + "."
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// noOffer tells why a principal made no offer.
func (st *story) noOffer(who string, ev *sim.Event) string {
	switch ev.Reason {
	case "policy":
		return fmt.Sprintf("%s makes no proposal: its policy (%s) holds back for now.", who, st.policy[ev.Actor])
	case "red_lines":
		return fmt.Sprintf("%s makes no %s offer: the two sides' red lines leave no such package.", who, ev.Deal)
	}
	return fmt.Sprintf("%s makes no %s offer: no package within the red lines meets its demand.", who, ev.Deal)
}

// response tells a response and why.
func (st *story) response(who string, ev *sim.Event) string {
	r := ev.Response
	switch ev.Reason {
	case "policy":
		return fmt.Sprintf("%s rejects it: its policy (%s) does not take %s deal now.", who, st.policy[ev.Actor], article(ev.Deal))
	case "accepted":
		return fmt.Sprintf("%s accepts: it values the deal at %s, at least its aspiration %s and its value of no deal %s.",
			who, fmtUtility(r.Value), fmtUtility(r.Aspiration), fmtUtility(r.NoDealValue))
	case "no_deal":
		return fmt.Sprintf("%s rejects it: it values the deal at %s, below its value of no deal %s; it would rather have no deal.",
			who, fmtUtility(r.Value), fmtUtility(r.NoDealValue))
	}
	return fmt.Sprintf("%s rejects it: it values the deal at %s, short of its aspiration %s (its value of no deal is %s; it believes the other side's is %s).",
		who, fmtUtility(r.Value), fmtUtility(r.Aspiration), fmtUtility(r.NoDealValue), fmtUtility(r.Belief))
}

// terms writes a package's terms, issue by issue.
func (st *story) terms(p *sim.Package) string {
	var parts []string
	for _, is := range st.s.Issues {
		parts = append(parts, issueName(is.Name)+" "+fmtLevel(p.Terms[is.Name]))
	}
	return strings.Join(parts, ", ")
}

// worth writes what a package gives each principal per round.
func (st *story) worth(p *sim.Package) string {
	a, b := st.tr.Strategies[0].Actor, st.tr.Strategies[1].Actor
	return fmt.Sprintf("It gives %s %s and %s %s per round.", st.labels[a], fmtUtility(p.Utilities[a]), st.labels[b], fmtUtility(p.Utilities[b]))
}

// writeOutcome tells how the episode ended.
func (st *story) writeOutcome(o *proseWriter) {
	r := st.tr.Result
	o.heading("Outcome")
	var what string
	switch r.Outcome {
	case "comprehensive":
		what = "a comprehensive deal is in force at the horizon: " + st.terms(&sim.Package{Terms: r.Terms})
	case "interim":
		what = "an interim deal is in force at the horizon: " + st.terms(&sim.Package{Terms: r.Terms})
	case "collapsed":
		what = "a deal was reached and then broken, and none is in force at the horizon"
	case "stalemate":
		what = "the sides are still talking at the horizon, with no deal in force"
	case "breakdown":
		what = "a side walked away, and no deal is in force at the horizon"
	case "escalation":
		what = fmt.Sprintf("the conflict escalated in round %d", r.Rounds)
	}
	a, b := st.tr.Strategies[0].Actor, st.tr.Strategies[1].Actor
	o.para(fmt.Sprintf("%s: %s. Over the %d rounds, each side's realized utility (the discounted average of what it had each round) is %s for %s and %s for %s.",
		capital(r.Outcome), what, st.tr.Horizon, fmtUtility(r.Utilities[a]), st.labels[a], fmtUtility(r.Utilities[b]), st.labels[b]))
}

// issueName writes an issue or shock name as words.
func issueName(name string) string { return strings.ReplaceAll(name, "_", " ") }

// article returns the kind of deal with its indefinite article.
func article(deal string) string {
	if deal == "interim" {
		return "an interim"
	}
	return "a " + deal
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// chance writes a probability as a percentage, to one decimal or two
// below 1%.
func chance(p float64) string {
	decimals := 1
	switch {
	case p == 0:
		return "0%"
	case p < 0.01:
		decimals = 2
	}
	return strconv.FormatFloat(100*p, 'f', decimals, 64) + "%"
}

// possessive returns a name with its possessive ending: a bare
// apostrophe after a plural such as "United States".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		return name + "'"
	}
	return name + "'s"
}
