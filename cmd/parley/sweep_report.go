package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/design"
)

// A sweepResult is what a sweep found: every point's run and, for a
// Saltelli design, the Sobol indices of each metric observed in every
// episode.
type sweepResult struct {
	Scenario string       `json:"scenario"`
	Seed     uint64       `json:"seed"`
	Episodes int          `json:"episodes"` // per point
	Design   string       `json:"design"`
	Params   []string     `json:"params"`
	Partial  bool         `json:"partial,omitempty"`
	Points   []sweepPoint `json:"points"`
	Sobol    []sobolRank  `json:"sobol,omitempty"`

	round string
}

// A sweepPoint is one point of a design: the values of its fields and
// its run.
type sweepPoint struct {
	Values map[string]float64 `json:"values"`
	Result *sim.Result        `json:"result"`
}

// A sobolRank holds one metric's Sobol indices, one per swept field,
// ranked by total index.
type sobolRank struct {
	Metric  string       `json:"metric"`
	Indices []sobolIndex `json:"indices"`
}

// A sobolIndex is a field's first-order and total index for a metric.
type sobolIndex struct {
	Param string `json:"param"`
	design.Index
}

// newSweepResult gathers the points' results and, for a finished Saltelli
// design, the Sobol indices.
func newSweepResult(s *model.Scenario, cfg sim.Config, x *experiment, results []*sim.Result, bootstrap int, partial bool) (*sweepResult, error) {
	sw := &sweepResult{Scenario: s.Name, Seed: cfg.Seed, Episodes: cfg.Episodes, Design: x.design, Params: x.paths,
		Partial: partial, round: s.Round}
	for i, r := range results {
		v := make(map[string]float64, len(x.paths))
		for j, p := range x.paths {
			v[p] = x.points[i][j]
		}
		sw.Points = append(sw.Points, sweepPoint{Values: v, Result: r})
	}
	if x.sobol == nil || partial {
		return sw, nil
	}
	for k, f := range results[0].Figures {
		if !f.Paired() {
			continue
		}
		y := make([]float64, len(results))
		for i, r := range results {
			y[i] = r.Figures[k].Point()
		}
		idx, err := x.sobol.Indices(y, bootstrap, cfg.Seed)
		if errors.Is(err, design.ErrNoVariance) {
			continue // a metric the design does not move has no indices
		}
		if err != nil {
			return nil, fmt.Errorf("Sobol indices of %s: %w", f.Key, err)
		}
		rank := sobolRank{Metric: f.Key}
		for _, ix := range idx {
			rank.Indices = append(rank.Indices, sobolIndex{Param: x.paths[ix.Input], Index: ix})
		}
		slices.SortStableFunc(rank.Indices, func(a, b sobolIndex) int { return cmp.Compare(b.Total, a.Total) })
		sw.Sobol = append(sw.Sobol, rank)
	}
	return sw, nil
}

// defaultSweepMetrics are the metrics a sweep's table shows by default.
var defaultSweepMetrics = []string{"outcomes.comprehensive", "outcomes.interim", "outcomes.breakdown", "outcomes.escalation", "paths.upgrade"}

// selected reports whether a metric's key is one of the keys asked for
// or lies under one of them: outcomes selects outcomes.comprehensive.
func selected(key string, asked []string) bool {
	return slices.ContainsFunc(asked, func(p string) bool { return key == p || strings.HasPrefix(key, strings.TrimSuffix(p, ".")+".") })
}

// write renders the sweep in format: a table of the points with the
// chosen metrics and, for a Saltelli design, the ranked Sobol indices;
// tidy CSV or JSON Lines, one row per point and metric; or JSON.
func (sw *sweepResult) write(e *env, format string, metrics []string) error {
	if len(metrics) == 0 {
		metrics = defaultSweepMetrics
	}
	switch format {
	case "json":
		return writeJSON(e.stdout, sw)
	case "csv":
		return sw.tidy().writeCSV(e.stdout)
	case "jsonl":
		return sw.tidy().writeJSONLines(e.stdout)
	}
	return sw.report(metrics).write(e.stdout, e.layout(format))
}

// tidy lays every point's figures out in long form.
func (sw *sweepResult) tidy() *tidyTable {
	t := &tidyTable{}
	for i, pt := range sw.Points {
		ctx := append(runContext(pt.Result), column{"point", strconv.Itoa(i + 1)})
		for _, p := range sw.Params {
			ctx = append(ctx, column{p, full(pt.Values[p])})
		}
		t.addRows(ctx, pt.Result.Figures)
	}
	if t.header == nil {
		t.header = append([]string{"scenario", "seed", "strategies", "point"}, append(slices.Clone(sw.Params), figureColumns...)...)
	}
	if sw.Partial {
		t.markPartial()
	}
	return t
}

// report lays the sweep out as tables.
func (sw *sweepResult) report(metrics []string) *report {
	rep := &report{title: fmt.Sprintf("%s: %s design, %s of %s each, seed %d", sw.Scenario, sw.Design,
		text.Count(len(sw.Points), "point"), text.Count(sw.Episodes, "episode"), sw.Seed)}
	if sw.Partial {
		rep.markPartial()
	}
	if len(sw.Points) > 0 {
		rep.preamble = append(rep.preamble, "strategies: "+strategyList(sw.Points[0].Result.Strategies, ", "))
	}
	rep.preamble = append(rep.preamble, "every point plays the same episodes (common random numbers); each figure: estimate [95% interval]")
	points := section{title: "Points", display: &table{header: append([]string{"#"}, sw.Params...)}}
	var keys []int
	if len(sw.Points) > 0 {
		for k, f := range sw.Points[0].Result.Figures {
			if selected(f.Key, metrics) {
				keys = append(keys, k)
				points.display.header = append(points.display.header, f.Key)
			}
		}
	}
	for i, pt := range sw.Points {
		row := []string{strconv.Itoa(i + 1)}
		for _, p := range sw.Params {
			row = append(row, strconv.FormatFloat(pt.Values[p], 'g', 6, 64))
		}
		for _, k := range keys {
			row = append(row, figureWithInterval(pt.Result.Figures[k]))
		}
		points.display.rows = append(points.display.rows, row)
	}
	if sw.Design != "sobol" { // a Saltelli design's points are many and read through its indices; CSV and JSON have them
		rep.sections = append(rep.sections, points)
	}
	for _, rank := range sw.Sobol {
		if !selected(rank.Metric, metrics) {
			continue
		}
		sec := section{title: "Sobol indices of " + rank.Metric,
			note:    "ranked by total index; first-order: the share of the metric's variance the field explains alone; total: with its interactions; 95% bootstrap intervals",
			display: &table{header: []string{"field", "first-order", "95% interval", "total", "95% interval"}}}
		for _, ix := range rank.Indices {
			sec.display.rows = append(sec.display.rows, []string{ix.Param, num(ix.First),
				"[" + num(ix.FirstCI[0]) + ", " + num(ix.FirstCI[1]) + "]", num(ix.Total),
				"[" + num(ix.TotalCI[0]) + ", " + num(ix.TotalCI[1]) + "]"})
		}
		rep.sections = append(rep.sections, sec)
	}
	return rep
}

// figureWithInterval writes a figure as "12.34% [11.02, 13.71]", or a
// mean as "0.396 [0.391, 0.401]"; "—" when it rests on no episode.
func figureWithInterval(f sim.Figure) string {
	if f.N() == 0 {
		return "—"
	}
	ci := f.Interval()
	if f.Kind == sim.Probability {
		return percent(f.Point()) + " [" + strconv.FormatFloat(100*ci[0], 'f', 2, 64) + ", " + strconv.FormatFloat(100*ci[1], 'f', 2, 64) + "]"
	}
	return num(f.Point()) + " [" + num(ci[0]) + ", " + num(ci[1]) + "]"
}

// writeJSONLines writes the table as one JSON object per row, numbers as
// numbers and empty cells as null, for pandas.read_json(lines=True) and
// DuckDB's read_json.
func (t *tidyTable) writeJSONLines(w io.Writer) error {
	var buf bytes.Buffer
	for _, row := range t.rows {
		buf.WriteByte('{')
		for i, cell := range row {
			if i > 0 {
				buf.WriteByte(',')
			}
			name, _ := json.Marshal(t.header[i])
			buf.Write(name)
			buf.WriteByte(':')
			switch x, err := strconv.ParseFloat(cell, 64); {
			case cell == "":
				buf.WriteString("null")
			case boolColumns[t.header[i]]:
				buf.WriteString(cell) // true or false
			case err == nil && !textColumns[t.header[i]]:
				buf.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
			default:
				v, _ := json.Marshal(cell)
				buf.Write(v)
			}
		}
		buf.WriteString("}\n")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// textColumns are the tidy columns that hold text even when it reads as
// a number.
var textColumns = map[string]bool{"scenario": true, "strategies": true, "metric": true, "kind": true}

// boolColumns are the tidy columns that hold true or false.
var boolColumns = map[string]bool{"partial": true}
