package main

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/parley-sim/parley/sim"
)

// A tidyTable holds figures in long form, one row per figure, for data
// tools: context columns (what was played) first, then the metric's key
// and its estimate. A figure resting on no episode has empty cells, never
// a 0.
type tidyTable struct {
	header []string
	rows   [][]string
}

// figureColumns are the columns every tidy row ends with.
var figureColumns = []string{"metric", "kind", "estimate", "ci95_lo", "ci95_hi", "sd", "p5", "p50", "p95", "n"}

// A column is a context column's name and value.
type column struct{ name, value string }

// runContext names what a run played: scenario, seed, strategy profile.
func runContext(r *sim.Result) []column {
	return []column{{"scenario", r.Scenario}, {"seed", strconv.FormatUint(r.Seed, 10)},
		{"strategies", strategyProfile(r.Strategies)}}
}

// strategyProfile writes the principals' strategies as the command line
// gives them: "iran=interim-first/linear us=…".
func strategyProfile(strategies []sim.ActorStrategy) string {
	s := ""
	for i, st := range strategies {
		if i > 0 {
			s += " "
		}
		s += st.Actor + "=" + st.Strategy
	}
	return s
}

// tidyRows lays figures out as a tidy table under the context columns.
func tidyRows(context []column, figures []sim.Figure) *tidyTable {
	t := &tidyTable{}
	t.addRows(context, figures)
	return t
}

// addRows appends a row per figure, setting the header from the first call.
func (t *tidyTable) addRows(context []column, figures []sim.Figure) {
	if t.header == nil {
		for _, c := range context {
			t.header = append(t.header, c.name)
		}
		t.header = append(t.header, figureColumns...)
	}
	for _, f := range figures {
		row := make([]string, 0, len(t.header))
		for _, c := range context {
			row = append(row, c.value)
		}
		t.rows = append(t.rows, append(row, figureCells(f)...))
	}
}

// figureCells writes a figure's columns, from metric to n.
func figureCells(f sim.Figure) []string {
	cells := []string{f.Key, f.Kind.String(), "", "", "", "", "", "", "", strconv.FormatInt(f.N(), 10)}
	if f.N() == 0 {
		return cells
	}
	ci := f.Interval()
	cells[2] = full(f.Point())
	if f.N() >= 2 || f.Estimate != nil {
		cells[3], cells[4] = full(ci[0]), full(ci[1])
	}
	if s := f.Summary; s != nil {
		cells[5], cells[6], cells[7], cells[8] = full(s.SD), full(s.P5), full(s.P50), full(s.P95)
	}
	return cells
}

// markPartial adds a last column, partial, true in every row: the table
// holds a result an interruption cut short. A finished result's table has
// no such column, as its JSON has no "partial" field.
func (t *tidyTable) markPartial() {
	t.header = append(t.header, "partial")
	for i := range t.rows {
		t.rows[i] = append(t.rows[i], "true")
	}
}

// writeCSV writes the table with its header.
func (t *tidyTable) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(t.header)
	cw.WriteAll(t.rows)
	return cw.Error()
}
