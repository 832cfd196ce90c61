package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
)

// story tells a traced episode in prose for `parley trace`.
type story struct {
	s      *model.Scenario
	tr     *sim.EpisodeTrace
	labels map[string]string // display name by actor name
	policy map[string]string // strategy by principal name
	found  string            // which search found the episode, when one did
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

// write tells the story as text or Markdown, or lists its events as CSV.
func (st *story) write(w io.Writer, l layout) error {
	if l.format == "csv" {
		return st.eventTable().render(w, "csv")
	}
	o := newProseWriter(w, l)
	tr := st.tr
	o.title(fmt.Sprintf("%s: episode %d of seed %d", tr.Scenario, tr.Episode, tr.Seed))
	if st.found != "" {
		o.para(st.found)
	}
	a, b := tr.Strategies[0], tr.Strategies[1]
	unit := ""
	if tr.Round != "" && tr.Round != "round" {
		unit = fmt.Sprintf("; a round is a %s", tr.Round)
	}
	o.para(fmt.Sprintf("One episode of the negotiation, round by round, over a horizon of %d rounds%s. %s plays %s, %s plays %s. 'parley run %s --seed %d' counts this episode, its episode %d, as %s.",
		tr.Horizon, unit, capital(st.labels[a.Actor]), a.Strategy, st.labels[b.Actor], b.Strategy, tr.Scenario, tr.Seed, tr.Episode, tr.Result.Outcome))
	o.para("Utilities run from 0 (a side's worst package) to 1 (its best). A side judges a deal by its value V = v + (u − v)·κ: u is what the deal gives it per round, v its value of no deal (its fallback less the expected cost of strikes and conflict), and κ the discounted share of the future the deal is expected to stay in force. The terms used here (aspiration, value of no deal, interim, ratification, reneging, …) are defined in " + glossaryPath + ".")
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
	row("value of no deal, with strike risk", func(p sim.TracePrincipal) string { return fmtUtility(p.NoDealValue) })
	row("believes other's value of no deal", func(p sim.TracePrincipal) string { return fmtUtility(p.Belief) })
	row("discount factor per round", func(p sim.TracePrincipal) string { return fmtLevel(p.Discount) })
	row("reneging hazard per round", func(p sim.TracePrincipal) string { return chance(p.RenegingHazard) })
	row("cost of conflict per round", func(p sim.TracePrincipal) string { return fmtUtility(p.EscalationCost) })
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
		esc := fmt.Sprintf("While no deal is in force a strike comes with probability %s per round, more while shocks last", chance(w.EscalationHazard))
		if d := st.s.Protocol.Deadline; d > 0 {
			esc += fmt.Sprintf(" and for a while after the deadline of round %d", d)
		}
		if _, hi := st.s.Protocol.Latency.Weight.Support(); hi > 0 {
			esc += fmt.Sprintf(", more as the nuclear latency (%s now, 1 = breakout capability) rises and less as a deal rolls it back", fmtLevel(w.Latency))
		}
		if _, hi := st.s.Protocol.Progress.Support(); hi > 0 {
			esc += ", less as the two sides' offers come closer"
		}
		esc += ". A strike opens a conflict phase: no talks, and each side bears its cost of conflict every round"
		if w.Ceasefire > 0 {
			esc += fmt.Sprintf(", until a ceasefire (probability %s per round) lets talks resume.", chance(w.Ceasefire))
		} else {
			esc += ", to the end: escalation is final."
		}
		notes = append(notes, esc)
	}
	if it := w.Interim; it != nil {
		note := fmt.Sprintf("An interim deal moves %s from the status quo, each that share of the way to either end of its range, and defers the other issues; it lasts %s, and at expiry is renewed if both sides prefer it to no deal, with probability %s.",
			st.interimIssues(it), text.Count(it.Term, "round"), chance(it.Renewal))
		if it.Lever != "" {
			note += fmt.Sprintf(" %s holds its lever: its reneging hazard on an interim is ×%s", st.labels[it.Lever], strconv.FormatFloat(it.Leverage, 'f', 2, 64))
			if it.Snapback > 0 {
				note += fmt.Sprintf(", and its reneging snaps its concessions back %s of the range beyond the status quo", chance(it.Snapback))
			}
			note += "."
		}
		notes = append(notes, note)
	}
	if patience := st.s.Protocol.WalkAwayPatience; patience < st.tr.Horizon {
		notes = append(notes, fmt.Sprintf("A side that sees no acceptable deal within reach for %s in a row walks away.", text.Count(patience, "round")))
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
func (st *story) interimIssues(it *sim.TraceInterim) string {
	var names []string
	for _, k := range st.s.Deals.Interim.Issues {
		name := st.s.Issues[k].Name
		names = append(names, fmt.Sprintf("%s (%s)", issueName(name), chance(it.Scopes[name])))
	}
	return strings.Join(names, ", ")
}

// terms writes a package's terms, issue by issue.
func (st *story) terms(p *sim.Package) string {
	var parts []string
	for _, is := range st.s.Issues {
		parts = append(parts, issueName(is.Name)+" "+fmtLevel(p.Terms[is.Name]))
	}
	return strings.Join(parts, ", ")
}

// worth writes what a package gives each principal per round, as a
// sentence whose subject is it.
func (st *story) worth(it string, p *sim.Package) string {
	a, b := st.tr.Strategies[0].Actor, st.tr.Strategies[1].Actor
	return fmt.Sprintf("%s gives %s %s and %s %s per round.", it, st.labels[a], fmtUtility(p.Utilities[a]), st.labels[b], fmtUtility(p.Utilities[b]))
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
		what = fmt.Sprintf("the conflict phase opened by the strike of round %d goes on at the horizon", r.Rounds)
	}
	if r.Strikes > 0 && r.Outcome != "escalation" {
		what += fmt.Sprintf("; there were %s, the first in round %d, and talks resumed after it", text.Count(r.Strikes, "strike"), r.FirstStrike)
	}
	a, b := st.tr.Strategies[0].Actor, st.tr.Strategies[1].Actor
	o.para(fmt.Sprintf("%s: %s. Over the %s, each side's realized utility (the discounted average of what it had each round) is %s for %s and %s for %s.",
		capital(r.Outcome), what, text.Count(st.tr.Horizon, "round"), fmtUtility(r.Utilities[a]), st.labels[a], fmtUtility(r.Utilities[b]), st.labels[b]))
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

// eventTable lists the episode's events, one row each, with the sentence
// the account tells it in, and the outcome last.
func (st *story) eventTable() *table {
	t := &table{header: []string{"round", "kind", "actor", "deal", "what"}}
	for i := range st.tr.Events {
		ev := &st.tr.Events[i]
		t.rows = append(t.rows, []string{strconv.Itoa(ev.Round), string(ev.Kind), ev.Actor, ev.Deal, st.sentence(ev)})
	}
	r := st.tr.Result
	t.rows = append(t.rows, []string{strconv.Itoa(r.Rounds), "outcome", "", "", r.Outcome})
	return t
}
