package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/sim"
)

// writeRounds tells the rounds: the events of each round in a list, and
// each run of rounds in which nothing happens, or only the red lines
// stand in the way of every offer, in one line.
func (st *story) writeRounds(o *proseWriter) {
	o.heading("Round by round")
	events := st.tr.Events
	var sit situation
	quiet, quietFrom := "", 0
	flush := func(until int) {
		if quiet == "" {
			return
		}
		rounds := fmt.Sprintf("Round %d", quietFrom)
		if until > quietFrom {
			rounds = fmt.Sprintf("Rounds %d–%d", quietFrom, until)
		}
		o.para(rounds + ": " + quiet + ".")
		quiet = ""
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
		if n == 0 || clash {
			desc := sit.describe(t, n > 0)
			if desc != quiet {
				flush(t - 1)
				quiet, quietFrom = desc, t
			}
			continue
		}
		flush(t - 1)
		var lines []string
		for i := range round {
			lines = append(lines, st.sentence(&round[i]))
			sit.update(&round[i])
		}
		o.para(fmt.Sprintf("Round %d:", t))
		o.bullets(lines)
	}
	flush(st.tr.Result.Rounds)
}

// A situation is what stands between events: the deal in force, an
// undetected reneging, a pause, the end of the talks.
type situation struct {
	deal        string // the kind of deal in force, "" for none
	cheating    bool
	over        bool
	conflict    bool // a conflict phase goes on
	pausedUntil int
}

// update moves the situation on by one event.
func (s *situation) update(ev *sim.Event) {
	switch ev.Kind {
	case sim.EventAgreement:
		s.deal = ev.Deal
	case sim.EventReneging:
		s.deal, s.cheating = "", true
	case sim.EventDetection:
		s.cheating = false
	case sim.EventExpiry, sim.EventVoid:
		s.deal = ""
	case sim.EventWalkAway:
		s.over = true
	case sim.EventEscalation:
		s.conflict, s.cheating = true, false
	case sim.EventCeasefire:
		s.conflict, s.over = false, false
		s.pausedUntil = max(s.pausedUntil, ev.Effects.PausedUntil)
	case sim.EventShock:
		s.pausedUntil = max(s.pausedUntil, ev.Effects.PausedUntil)
	}
}

// describe says what goes on in round t when nothing happens in it but,
// if clash, proposers finding that the red lines leave no package.
func (s *situation) describe(t int, clash bool) string {
	var parts []string
	if s.conflict {
		return "the conflict phase goes on: no talks, and each side bears its cost of conflict"
	}
	switch {
	case s.deal != "":
		parts = append(parts, "the "+s.deal+" deal holds")
	case s.cheating:
		parts = append(parts, "the reneging goes undetected")
	case s.over:
		parts = append(parts, "the talks are over and no deal is in force")
	}
	switch {
	case t <= s.pausedUntil:
		parts = append(parts, "talks are paused")
	case clash && s.deal != "":
		parts = append(parts, "the red lines leave no comprehensive upgrade to offer")
	case clash:
		parts = append(parts, "the two sides' red lines leave no package either side could offer, so none is made")
	case len(parts) == 0:
		parts = append(parts, "no offer is made")
	}
	return strings.Join(parts, "; ")
}

// sentence tells one event.
func (st *story) sentence(ev *sim.Event) string {
	who := capital(st.labels[ev.Actor])
	switch ev.Kind {
	case sim.EventShock:
		return st.shock(ev)
	case sim.EventOffer:
		return fmt.Sprintf("%s offers %s deal: %s. %s", who, article(ev.Deal), st.terms(ev.Package), st.worth("It", ev.Package))
	case sim.EventNoOffer:
		return st.noOffer(who, ev)
	case sim.EventBridge:
		return fmt.Sprintf("%s proposes a bridging %s deal: %s. %s", who, ev.Deal, st.terms(ev.Package), st.worth("It", ev.Package))
	case sim.EventResponse:
		return st.response(who, ev)
	case sim.EventRatification:
		r := ev.Ratification
		if r.Approved {
			return fmt.Sprintf("%s ratifies the deal: its utility %s reaches its bar %s.", who, fmtUtility(r.Utility), fmtUtility(r.Bar))
		}
		return fmt.Sprintf("%s rejects the deal: its utility %s is below its bar %s, so the deal does not come into force.", who, fmtUtility(r.Utility), fmtUtility(r.Bar))
	case sim.EventAgreement:
		s := fmt.Sprintf("%s deal comes into force: %s. %s", capital(article(ev.Deal)), st.terms(ev.Package), st.worth("It", ev.Package))
		if ev.Until > 0 {
			s += fmt.Sprintf(" It expires in round %d unless renewed.", ev.Until)
		}
		if ef := ev.Efficiency; ef != nil {
			s += fmt.Sprintf(" It leaves %s of joint gain on the table and lies %s from the Nash bargaining point.", fmtUtility(ef.ParetoGap), fmtUtility(ef.NashDistance))
		}
		return s
	case sim.EventReneging:
		cause := fmt.Sprintf("probability %s this round", chance(ev.Probability))
		if ev.Shock != "" {
			cause = fmt.Sprintf("under the shock %s, probability %s", issueName(ev.Shock), chance(ev.Probability))
		}
		s := fmt.Sprintf("%s reneges on the %s deal (%s): it withdraws its concessions and keeps its gains.", who, ev.Deal, cause)
		if ev.Package != nil {
			s += " " + st.worth("Until the other side detects it, the package in effect", ev.Package)
		}
		return s
	case sim.EventDetection:
		return fmt.Sprintf("%s detects the reneging (probability %s per round); the deal has collapsed and the talks resume.", who, chance(ev.Probability))
	case sim.EventRenewal:
		return fmt.Sprintf("The interim deal reaches its expiry and is renewed (probability %s).", chance(ev.Probability))
	case sim.EventExpiry:
		return fmt.Sprintf("The interim deal reaches its expiry and lapses (renewal had probability %s).", chance(ev.Probability))
	case sim.EventVoid:
		return fmt.Sprintf("The shock %s voids the interim deal (probability %s).", issueName(ev.Shock), chance(ev.Probability))
	case sim.EventWalkAway:
		return fmt.Sprintf("%s walks away: for %s in a row it has seen no acceptable deal within reach.", who, text.Count(st.s.Protocol.WalkAwayPatience, "round"))
	case sim.EventEscalation:
		s := fmt.Sprintf("A strike: the conflict escalates (probability %s this round). A conflict phase opens: no talks, and each side bears its cost of conflict every round", chance(ev.Probability))
		if st.tr.World.Ceasefire > 0 {
			return s + fmt.Sprintf(" until a ceasefire (probability %s per round).", chance(st.tr.World.Ceasefire))
		}
		return s + ". Escalation is final here: there is no ceasefire."
	case sim.EventCeasefire:
		return st.ceasefire(ev)
	}
	return string(ev.Kind)
}

// ceasefire tells the end of a conflict phase and how the talks resume.
func (st *story) ceasefire(ev *sim.Event) string {
	s := fmt.Sprintf("Ceasefire (probability %s per round): the conflict phase ends and talks resume", chance(ev.Probability))
	if what := st.shifts(ev.Effects); len(what) > 0 {
		s += ": " + strings.Join(what, "; ")
	}
	return s + "."
}

// shock tells a shock and what it changed.
func (st *story) shock(ev *sim.Event) string {
	fx := ev.Effects
	var what []string
	if fx.Level != 0 {
		what = append(what, fmt.Sprintf("its political state rises to %s", fmtLevel(fx.Level)))
	}
	what = append(what, st.shifts(fx)...)
	if fx.Escalation != 0 {
		what = append(what, fmt.Sprintf("the escalation hazard is multiplied by %s through round %d", fmtLevel(fx.Escalation), fx.EscalationUntil))
	}
	if fx.Latency != 0 {
		what = append(what, fmt.Sprintf("the nuclear latency moves to %s", fmtLevel(fx.Latency)))
	}
	s := fmt.Sprintf("Shock: %s strikes", issueName(ev.Shock))
	if len(what) == 0 {
		return s + "; it changes nothing in the present state."
	}
	return s + ": " + strings.Join(what, "; ") + "."
}

// shifts tells the shifts of a shock or a resumption: fallbacks, red
// lines, ratification bars and a pause.
func (st *story) shifts(fx *sim.ShockEffects) []string {
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
	if fx.PausedUntil != 0 {
		what = append(what, fmt.Sprintf("talks pause through round %d", fx.PausedUntil))
	}
	return what
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
	case "interim":
		return fmt.Sprintf("%s rejects it: it values the deal at %s, below the %s it gets from keeping the interim deal in force.",
			who, fmtUtility(r.Value), fmtUtility(r.Fallback))
	}
	return fmt.Sprintf("%s rejects it: it values the deal at %s, short of its aspiration %s (its value of no deal is %s; it believes the other side's is %s).",
		who, fmtUtility(r.Value), fmtUtility(r.Aspiration), fmtUtility(r.NoDealValue), fmtUtility(r.Belief))
}
