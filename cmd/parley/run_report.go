package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/stats"
)

// A report is a run's figures as titled tables, rendered as text,
// Markdown or one long CSV.
type report struct {
	title     string
	preamble  []string
	sections  []section
	csvHeader []string // the long CSV's columns, the section title first; nil for one row per cell of the display tables
}

// A section is one group of figures, laid out for display and as rows of
// the long CSV.
type section struct {
	title   string
	note    string
	display *table
	long    [][]string
}

// runCSVHeader names the columns of a run's CSV.
var runCSVHeader = []string{"group", "metric", "detail", "estimate", "ci95_lo", "ci95_hi", "sd", "p5", "p50", "p95", "n"}

// A figure is one estimate: a probability or a summary of a metric.
type figure struct {
	name, meaning string
	p             *stats.Estimate
	s             *stats.Summary
}

var outcomeMeanings = map[sim.Outcome]string{
	sim.Comprehensive: "a comprehensive deal is in force",
	sim.Interim:       "an interim deal is in force",
	sim.Collapsed:     "a deal was reached and broken; none in force",
	sim.Stalemate:     "still talking, no deal in force (an interim may have lapsed)",
	sim.Breakdown:     "a side walked away, no deal in force",
	sim.Escalation:    "in a conflict phase: a strike and no ceasefire since",
}

// utilityNote says what realized utility is.
const utilityNote = "discounted average of each round's utility: the deal in force (or, while a reneging goes undetected, the terms still honoured), the reservation value without one, minus the cost of conflict during a conflict phase"

// efficiencyNote says what the efficiency figures are measured against.
const efficiencyNote = "against the comprehensive frontier of the round the deal was agreed in, with the values of no deal as the disagreement point; over the episodes that end with a deal in force and had comprehensive packages that round"

// partialMark ends the title of a result that an interruption cut short.
const partialMark = " (PARTIAL: interrupted)"

// runReport arranges a run's Result for reading.
func runReport(s *model.Scenario, r *sim.Result) *report {
	unit := text.Plural(s.Round)
	rep := &report{title: fmt.Sprintf("%s: %s, seed %d, horizon %s", r.Scenario, text.Count(int(r.Episodes), "episode"), r.Seed, text.Count(r.Horizon, s.Round)),
		csvHeader: runCSVHeader}
	if r.Partial {
		rep.title += partialMark
	}
	var strategies []string
	for _, st := range r.Strategies {
		strategies = append(strategies, st.Actor+" "+st.Strategy)
	}
	rep.preamble = append(rep.preamble, "strategies: "+strings.Join(strategies, ", "),
		"each figure: estimate, 95% interval, and n, the episodes it rests on")

	var outcomes []figure
	for _, o := range sim.Outcomes() {
		est := r.Outcomes[o.String()]
		outcomes = append(outcomes, figure{name: o.String(), meaning: outcomeMeanings[o], p: &est})
	}
	rep.sections = append(rep.sections, probabilities("Outcomes at the horizon", "", outcomes))

	t := r.Timing
	rep.sections = append(rep.sections, summaries("Timing ("+unit+")", "over the episodes in which the event happened",
		[]figure{
			{name: "first deal", meaning: "round of the first deal of any kind", s: &t.FirstAgreement},
			{name: "comprehensive deal", meaning: "round of the first comprehensive deal", s: &t.ComprehensiveAgreement},
			{name: "deal in force", meaning: "rounds with a deal in force", s: &t.DealRounds},
			{name: "longest deal", meaning: "rounds the longest-lived deal lasted", s: &t.LongestDeal},
			{name: "renewals", meaning: "interim deals renewed at expiry", s: &t.Renewals},
		}, true))

	var terms []figure
	for _, is := range s.Issues {
		name := is.Name
		if is.Unit != "" {
			name += " (" + is.Unit + ")"
		}
		for _, kind := range []string{"comprehensive", "interim"} {
			if sum := r.TermsByKind[kind][is.Name]; sum.N > 0 {
				terms = append(terms, figure{name: name, meaning: kind + " deals", s: &sum})
			}
		}
	}
	if len(terms) > 0 {
		rep.sections = append(rep.sections, summaries("Terms in force at the horizon", "over the episodes that end with a deal in force", terms, true))
	}

	if ef := r.Efficiency; ef.ParetoGap.N > 0 {
		rep.sections = append(rep.sections, summaries("Efficiency of the deal in force", efficiencyNote, []figure{
			{name: "Pareto gap", meaning: "joint gain left on the table: what a comprehensive package could add for both sides", s: &ef.ParetoGap},
			{name: "distance to Nash", meaning: "utility distance from the Nash bargaining point", s: &ef.NashDistance},
		}, true))
	}

	var utility []figure
	for _, st := range r.Strategies {
		u := r.Utilities[st.Actor]
		utility = append(utility, figure{name: st.Actor, meaning: "utility", s: &u})
	}
	rep.sections = append(rep.sections, summaries("Realized utility", utilityNote, utility, false))

	var events []figure
	for _, st := range r.Strategies {
		p := r.Reneged[st.Actor]
		events = append(events, figure{name: st.Actor + " reneged", meaning: "reneged on a deal at least once", p: &p})
	}
	events = append(events,
		figure{name: "ratification failed", meaning: "ratifiers turned down a comprehensive deal", p: &r.RatificationFailure},
		figure{name: "mediated", meaning: "of episodes with a deal: one came from a bridging package", p: &r.Mediated})
	rep.sections = append(rep.sections, probabilities("Reneging, ratification, mediation", "", events))
	rep.sections = append(rep.sections, probabilities("Paths", "", []figure{
		{name: "feasible", meaning: "a comprehensive package lay within both sides' red lines in round 1", p: &r.Paths.Feasible},
		{name: "interim", meaning: "an interim deal was agreed", p: &r.Paths.Interim},
		{name: "upgrade", meaning: "an interim deal in force became a comprehensive one", p: &r.Paths.Upgrade},
		{name: "upgrade | interim", meaning: "of episodes with an interim deal: it became a comprehensive one", p: &r.Paths.UpgradeGivenInterim},
	}))

	c := r.Conflict
	rep.sections = append(rep.sections,
		probabilities("Strikes", "", []figure{
			{name: "struck", meaning: "at least one strike", p: &c.Struck},
			{name: "talks resumed", meaning: "of episodes with a strike: a ceasefire came and talks resumed", p: &c.Resumed},
		}),
		summaries("Strikes ("+unit+")", "strikes over every episode; the first strike over the episodes with one", []figure{
			{name: "strikes", meaning: "strikes per episode", s: &c.Strikes},
			{name: "first strike", meaning: "round of the first strike", s: &c.FirstStrike},
		}, true))
	return rep
}

// write renders the report in l.format: table (every line within
// l.width), markdown or csv.
func (rep *report) write(w io.Writer, l layout) error {
	format := l.format
	if format == "csv" && rep.csvHeader == nil {
		c := newCellCSV(w)
		for _, sec := range rep.sections {
			c.add(sec.title, sec.display)
		}
		return c.flush()
	}
	if format == "csv" {
		return rep.writeCSV(w)
	}
	head, sub := "%s\n", "\n%s\n"
	wrap := func(s string) string { return wrapLines(s, l.width) }
	if format == "markdown" {
		head, sub = "## %s\n\n", "\n### %s\n\n"
		wrap = func(s string) string { return s }
	}
	fmt.Fprintf(w, head, wrap(rep.title))
	for _, line := range rep.preamble {
		fmt.Fprintln(w, wrap(line))
	}
	for _, sec := range rep.sections {
		fmt.Fprintf(w, sub, sec.title)
		if sec.note != "" {
			fmt.Fprintln(w, wrap(sec.note))
			if format == "markdown" {
				fmt.Fprintln(w)
			}
		}
		if err := sec.display.write(w, l); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes every figure as one row of a single table, for
// spreadsheets and scripts.
func (rep *report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(rep.csvHeader)
	for _, sec := range rep.sections {
		for _, row := range sec.long {
			cw.Write(append([]string{sec.title}, row...))
		}
	}
	cw.Flush()
	return cw.Error()
}

// probabilities lays out a section of estimated probabilities, as
// percentages with their intervals, for display and as CSV rows.
func probabilities(title, note string, rows []figure) section {
	sec := section{title: title, note: note,
		display: &table{header: []string{"", "probability", "95% interval", "n", "meaning"}, meaning: 4}}
	for _, f := range rows {
		p := f.p
		sec.display.rows = append(sec.display.rows, []string{f.name, percent(p.P),
			"[" + percent(p.CI95[0]) + ", " + percent(p.CI95[1]) + "]", strconv.FormatInt(p.N, 10), f.meaning})
		sec.long = append(sec.long, []string{f.name, f.meaning, full(p.P), full(p.CI95[0]), full(p.CI95[1]),
			"", "", "", "", strconv.FormatInt(p.N, 10)})
	}
	return sec
}

// summaries lays out a section of summarized metrics, as mean with
// interval and percentiles, for display (with a column for each row's
// meaning when withMeaning) and as CSV rows.
func summaries(title, note string, rows []figure, withMeaning bool) section {
	sec := section{title: title, note: note,
		display: &table{header: []string{"", "mean", "95% interval", "sd", "p5", "median", "p95", "n"}}}
	if withMeaning {
		sec.display.header = append(sec.display.header, "")
		sec.display.meaning = len(sec.display.header) - 1
	}
	for _, f := range rows {
		s := f.s
		row := []string{f.name, "—", "", "", "", "", "", "0"}
		if s.N > 0 {
			row = []string{f.name, num(s.Mean), interval(s), num(s.SD), num(s.P5), num(s.P50), num(s.P95), strconv.FormatInt(s.N, 10)}
		}
		if withMeaning {
			row = append(row, f.meaning)
		}
		sec.display.rows = append(sec.display.rows, row)
		sec.long = append(sec.long, []string{f.name, f.meaning, full(s.Mean), full(s.CI95[0]), full(s.CI95[1]),
			full(s.SD), full(s.P5), full(s.P50), full(s.P95), strconv.FormatInt(s.N, 10)})
	}
	return sec
}

func percent(p float64) string { return strconv.FormatFloat(100*p, 'f', 2, 64) + "%" }

func num(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

func full(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// interval writes a mean's 95% interval; with one observation there is none.
func interval(s *stats.Summary) string {
	if s.N < 2 {
		return "—"
	}
	return "[" + num(s.CI95[0]) + ", " + num(s.CI95[1]) + "]"
}
