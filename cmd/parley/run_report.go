package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/cmd/parley/chart"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/stats"
)

// A report is a command's figures as titled tables, rendered as text or
// Markdown, and as CSV: the tidy table when it has one, else one row per
// cell of the display tables.
type report struct {
	title    string
	preamble []string
	sections []section
	tidy     *tidyTable
	partial  bool // an interruption cut the result short; see markPartial
}

// A section is one group of figures, laid out for display.
type section struct {
	title   string
	note    string
	display *table
}

// groupNotes says, under a section's title, what its figures are over.
var groupNotes = map[string]string{
	"Timing":                          "over the episodes in which the event happened",
	"Terms in force at the horizon":   "over the episodes that end with a deal in force",
	"Efficiency of the deal in force": efficiencyNote,
	"Realized utility":                utilityNote,
	"Strikes":                         "strikes over every episode; the first strike over the episodes with one",
}

// terse names the groups whose rows say all their label needs, so
// their tables have no column of meanings.
var terse = map[string]bool{"Terms in force at the horizon": true, "Realized utility": true}

// utilityNote says what realized utility is.
const utilityNote = "discounted average of each round's utility: the deal in force (or, while a reneging goes undetected, the terms still honoured), the reservation value without one, minus the cost of conflict during a conflict phase"

// efficiencyNote says what the efficiency figures are measured against.
const efficiencyNote = "against the comprehensive frontier of the round the deal was agreed in, with the values of no deal as the disagreement point; over the episodes that end with a deal in force and had comprehensive packages that round"

// partialMark ends the title of a result that an interruption cut short.
const partialMark = " (PARTIAL: interrupted)"

// markPartial marks a result that an interruption cut short: its title
// ends with partialMark, and its CSV has a last column, partial, true in
// every row (as the JSON has "partial": true).
func (rep *report) markPartial() {
	rep.title += partialMark
	rep.partial = true
	if rep.tidy != nil {
		rep.tidy.markPartial()
	}
}

// runReport arranges a run's Result for reading: one section per group
// of its metrics, probabilities and means apart.
func runReport(s *model.Scenario, r *sim.Result) *report {
	unit := text.Plural(s.Round)
	rep := &report{title: fmt.Sprintf("%s: %s, seed %d, horizon %s", r.Scenario, text.Count(int(r.Episodes), "episode"), r.Seed, text.Count(r.Horizon, s.Round)),
		tidy: tidyRows(runContext(r), r.Figures)}
	if r.Partial {
		rep.markPartial()
	}
	rep.preamble = append(rep.preamble, "strategies: "+strategyList(r.Strategies, ", "),
		"each figure: estimate, 95% interval, and n, the episodes it rests on")
	for _, g := range groups(r.Figures) {
		var probs, means []sim.Figure
		for _, f := range g {
			switch {
			case !f.Table || f.Optional && f.N() == 0:
			case f.Kind == sim.Probability:
				probs = append(probs, f)
			default:
				means = append(means, f)
			}
		}
		title := g[0].Group
		if len(probs) > 0 {
			rep.sections = append(rep.sections, probabilities(title, "", probs))
		}
		if len(means) > 0 {
			if means[0].Rounds {
				title += " (" + unit + ")"
			}
			rep.sections = append(rep.sections, summaries(title, groupNotes[g[0].Group], means, !terse[g[0].Group]))
		}
	}
	return rep
}

// groups splits figures into runs of the same group, in order.
func groups(figures []sim.Figure) [][]sim.Figure {
	var gs [][]sim.Figure
	for i, f := range figures {
		if i == 0 || f.Group != figures[i-1].Group {
			gs = append(gs, nil)
		}
		gs[len(gs)-1] = append(gs[len(gs)-1], f)
	}
	return gs
}

// strategyList writes each principal's strategy, "iran interim-first/…".
func strategyList(strategies []sim.ActorStrategy, sep string) string {
	var parts []string
	for _, st := range strategies {
		parts = append(parts, st.Actor+" "+st.Strategy)
	}
	return strings.Join(parts, sep)
}

// write renders the report in l.format: table (every line within
// l.width), markdown or csv.
func (rep *report) write(w io.Writer, l layout) error {
	format := l.format
	if format == "csv" && rep.tidy != nil {
		return rep.tidy.writeCSV(w)
	}
	if format == "csv" {
		c := newCellCSV(w)
		c.partial = rep.partial
		for _, sec := range rep.sections {
			c.add(sec.title, sec.display)
		}
		return c.flush()
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

// probabilities lays out a section of estimated probabilities, as
// percentages with their intervals.
func probabilities(title, note string, rows []sim.Figure) section {
	sec := section{title: title, note: note,
		display: &table{header: []string{"", "probability", "95% interval", barHeader, "n", "meaning"}, bars: 3, meaning: 5}}
	for _, f := range rows {
		p := f.Estimate
		bar := " " // a row with no episode has no bar
		if p.N > 0 {
			bar = chart.TextBar(p.P, p.CI95[0], p.CI95[1], barWidth)
		}
		sec.display.rows = append(sec.display.rows, []string{f.Label, percent(p.P),
			"[" + percent(p.CI95[0]) + ", " + percent(p.CI95[1]) + "]", bar, strconv.FormatInt(p.N, 10), f.Meaning})
	}
	return sec
}

// summaries lays out a section of summarized metrics, as mean with
// interval and percentiles (with a column for each row's meaning when
// withMeaning).
func summaries(title, note string, rows []sim.Figure, withMeaning bool) section {
	sec := section{title: title, note: note,
		display: &table{header: []string{"", "mean", "95% interval", "sd", "p5", "median", "p95", "n"}}}
	if withMeaning {
		sec.display.header = append(sec.display.header, "")
		sec.display.meaning = len(sec.display.header) - 1
	}
	for _, f := range rows {
		s := f.Summary
		row := []string{f.Label, "—", "", "", "", "", "", "0"}
		if s.N > 0 {
			row = []string{f.Label, num(s.Mean), interval(s), num(s.SD), num(s.P5), num(s.P50), num(s.P95), strconv.FormatInt(s.N, 10)}
		}
		if withMeaning {
			row = append(row, f.Meaning)
		}
		sec.display.rows = append(sec.display.rows, row)
	}
	return sec
}

// barWidth is the runes of a probability's text bar, one per 10 points;
// barHeader, its column's header, is its scale.
const (
	barWidth  = 10
	barHeader = "0%    100%"
)

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
