package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/stats"
)

// backtestReport lays a back-test out as tables: each milestone against
// the model, the scores, and the state at the horizon.
func backtestReport(s *model.Scenario, r *sim.BacktestReport, pooled int) *report {
	var strategies []string
	for _, st := range r.Strategies {
		strategies = append(strategies, st.Actor+" "+st.Strategy)
	}
	rep := &report{
		title: fmt.Sprintf("%s against %s: %s, seed %d, horizon %s, %s observed", r.Scenario, r.History,
			text.Count(int(r.Episodes), "episode"), r.Seed, text.Count(r.Horizon, s.Round), text.Count(r.Observed, s.Round)),
		preamble: []string{
			"strategies: " + strings.Join(strategies, ", "),
			fmt.Sprintf("window: the first occurrence within %s of the round it came; 90%% range: the model's 5th to 95th percentile of that round, \"never\" for none by the horizon", text.Count(r.Window, s.Round)),
			fmt.Sprintf("reference: a constant hazard per %s for each milestone, pooled from the %s (in-sample); the state's share of them", s.Round, text.Count(pooled, "shipped history")),
		},
	}
	ms := section{title: "Milestones",
		note:    "what history records against what the model gives it; for a milestone that did not happen, the model's probability of one by the last " + s.Round + " observed",
		display: &table{header: []string{"milestone", "history", "model: by then", "model: in the window", "model 90% range", "inside", "reference: in the window"}}}
	for _, m := range r.Milestones {
		what, window, ref := "none by "+s.Round+" "+strconv.Itoa(r.Observed), "", "none by then: "+percent(m.ReferenceP)
		if m.Happened {
			what = s.Round + " " + strconv.Itoa(m.Round)
			if m.Date != "" {
				what += " (" + m.Date + ")"
			}
			for _, l := range m.Later {
				what += fmt.Sprintf("; again %d", l)
			}
			window, ref = estimate(*m.Window), percent(m.ReferenceP)
		}
		ms.display.rows = append(ms.display.rows, []string{m.Milestone, what, estimate(m.ByRound), window,
			span90(m.Range90), yesNo(m.InRange), ref})
	}
	rep.sections = append(rep.sections, ms)
	if st := r.State; st != nil {
		rep.sections = append(rep.sections, section{title: "State at the horizon", note: st.Note,
			display: &table{header: []string{"", "history", "model", "model's likeliest", "reference"},
				rows: [][]string{{"outcome", st.Observed, estimate(st.P), st.Likeliest, percent(st.ReferenceP)}}}})
	}
	sc := section{title: "Scores",
		note:    "probability of what happened and its log score (ln p; 0 is perfect, the model's p smoothed to (k + ½)/(n + 1)); the whole history adds the log scores and averages the Brier score (1 − p)²",
		display: &table{header: []string{"", "model p", "model log score", "reference p", "reference log score"}}}
	for _, m := range r.Milestones {
		if !m.Scored {
			sc.display.rows = append(sc.display.rows, []string{m.Milestone, "not scored: no strike", "", "", ""})
			continue
		}
		sc.display.rows = append(sc.display.rows, []string{m.Milestone, percent(m.P), num(m.Model.LogScore), percent(m.ReferenceP), num(m.Reference.LogScore)})
	}
	if st := r.State; st != nil {
		sc.display.rows = append(sc.display.rows, []string{"state", percent(st.P.P), num(st.Model.LogScore), percent(st.ReferenceP), num(st.Reference.LogScore)})
	}
	sc.display.rows = append(sc.display.rows,
		[]string{"whole history: log score", "", num(r.Model.LogScore), "", num(r.Reference.LogScore)},
		[]string{"whole history: Brier score", "", num(r.Model.Brier), "", num(r.Reference.Brier)})
	rep.sections = append(rep.sections, sc)
	return rep
}

// estimate writes a probability with its 95% interval.
func estimate(e stats.Estimate) string {
	return percent(e.P) + " [" + percent(e.CI95[0]) + ", " + percent(e.CI95[1]) + "]"
}

// span90 writes a 90% range of rounds, 0 standing for never.
func span90(r [2]int) string {
	end := func(x int) string {
		if x == 0 {
			return "never"
		}
		return strconv.Itoa(x)
	}
	if r[0] == 0 {
		return "never"
	}
	return end(r[0]) + "–" + end(r[1])
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "NO"
}
