package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/parley-sim/parley/cmd/parley/chart"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/sim"
)

// checkSweepPlot reports a usage error when --plot cannot draw the
// design: it draws a grid over one field (a line per metric) or two (a
// heat map per metric) and a Saltelli design's Sobol indices.
func checkSweepPlot(path string, x *experiment) error {
	if path == "" {
		return nil
	}
	switch {
	case x.design == "lhs":
		return usagef("--plot draws a grid over one or two fields or a Sobol design's indices; a Latin hypercube's points are for --format csv or jsonl")
	case x.design == "grid" && len(x.paths) > 2:
		return usagef("--plot draws a grid over one or two fields, not %d; sweep fewer with --param, or draw the tidy CSV (--format csv) yourself", len(x.paths))
	case x.design == "grid":
		distinct := 1
		for j := range x.paths {
			var vs []float64
			for _, pt := range x.points {
				vs = append(vs, pt[j])
			}
			distinct *= len(levels(vs))
		}
		if distinct != len(x.points) {
			return usagef("--param: a value given twice; --plot wants each value once")
		}
	}
	return nil
}

// levels returns the distinct values of vs in increasing order, in vs's
// storage.
func levels(vs []float64) []float64 {
	slices.Sort(vs)
	return slices.Compact(vs)
}

// sweepFigure draws a sweep: for a grid over one field, each chosen
// metric against it with its 95% band (the probabilities together, each
// other metric in a panel of its own); over two fields, a heat map of each
// chosen metric; for a Saltelli design, each chosen metric's Sobol indices.
func sweepFigure(sw *sweepResult, metrics []string) *chart.Figure {
	if len(metrics) == 0 {
		metrics = defaultSweepMetrics
	}
	title := fmt.Sprintf("%s · %s design, %s · seed %d · %s per point", sw.Scenario, sw.Design,
		text.Count(len(sw.Points), "point"), sw.Seed, text.Count(sw.Episodes, "episode"))
	if sw.Partial {
		title += " · partial"
	}
	var panels []*chart.Figure
	switch {
	case sw.Design == "sobol":
		panels = sobolPanels(sw, metrics)
	case len(sw.Params) == 1:
		panels = linePanels(sw, metrics)
	default:
		panels = heatmapPanels(sw, metrics)
	}
	if len(panels) == 0 {
		return chart.Stack(title + ": none of the metrics chosen has anything to draw")
	}
	return chart.Stack(title, panels...)
}

// chosen returns the indices in a point's figures of the metrics asked
// for.
func (sw *sweepResult) chosen(metrics []string) []int {
	var ks []int
	if len(sw.Points) > 0 {
		for k, f := range sw.Points[0].Result.Figures {
			if selected(f.Key, metrics) {
				ks = append(ks, k)
			}
		}
	}
	return ks
}

// metricAxis is the axis a metric's values are drawn on, and the factor
// they are scaled by: probabilities in percent.
func metricAxis(m *sim.Metric, round string) (string, float64) {
	switch {
	case m.Kind == sim.Probability:
		return "probability (%)", 100
	case m.Rounds && !m.Count:
		return m.Key + " (" + text.Plural(round) + ")", 1
	}
	return m.Key, 1
}

// linePanels draws each chosen metric against the one swept field.
func linePanels(sw *sweepResult, metrics []string) []*chart.Figure {
	param := sw.Params[0]
	order := make([]int, len(sw.Points))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return compareFloat(sw.Points[a].Values[param], sw.Points[b].Values[param])
	})
	line := func(k int, scale float64) chart.Line {
		l := chart.Line{Name: sw.Points[0].Result.Figures[k].Key}
		for _, i := range order {
			f := sw.Points[i].Result.Figures[k]
			e := scaledEstimate("", f.N(), f.Point(), f.Interval(), scale)
			l.X = append(l.X, sw.Points[i].Values[param])
			l.Y, l.Lo, l.Hi = append(l.Y, e.Value), append(l.Lo, e.Lo), append(l.Hi, e.Hi)
		}
		return l
	}
	var probs []chart.Line
	var panels []*chart.Figure
	for _, k := range sw.chosen(metrics) {
		m := sw.Points[0].Result.Figures[k].Metric
		axis, scale := metricAxis(m, sw.round)
		if m.Kind == sim.Probability {
			probs = append(probs, line(k, scale))
			continue
		}
		panels = append(panels, chart.Lines(m.Label+" ("+m.Over+")", param, axis, []chart.Line{line(k, scale)}))
	}
	if len(probs) > 0 {
		panels = append([]*chart.Figure{chart.Lines("Probabilities against "+param+" (95% bands)", param, "probability (%)", probs)}, panels...)
	}
	return panels
}

// compareFloat orders two numbers.
func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// heatmapPanels draws a heat map of each chosen metric over the two
// swept fields: the first across, the second up; its title gives the
// widest half-width of the cells' 95% intervals, so that a reader can
// tell a difference between cells from sampling noise.
func heatmapPanels(sw *sweepResult, metrics []string) []*chart.Figure {
	px, py := sw.Params[0], sw.Params[1]
	var xs, ys []float64
	for _, pt := range sw.Points {
		xs, ys = append(xs, pt.Values[px]), append(ys, pt.Values[py])
	}
	xs, ys = levels(xs), levels(ys)
	slices.Reverse(ys) // the second field's values increase upwards
	var panels []*chart.Figure
	for _, k := range sw.chosen(metrics) {
		m := sw.Points[0].Result.Figures[k].Metric
		axis, scale := metricAxis(m, sw.round)
		z := make([][]float64, len(ys))
		for r := range z {
			z[r] = make([]float64, len(xs))
			for c := range z[r] {
				z[r][c] = nan
			}
		}
		widest := 0.0 // the largest half-width of a cell's 95% interval
		for _, pt := range sw.Points {
			f := pt.Result.Figures[k]
			c, _ := slices.BinarySearch(xs, pt.Values[px])
			r := slices.Index(ys, pt.Values[py])
			if f.N() > 0 {
				z[r][c] = scale * f.Point()
				if ci := f.Interval(); !math.IsNaN(ci[0]) && !math.IsNaN(ci[1]) {
					widest = max(widest, scale*(ci[1]-ci[0])/2)
				}
			}
		}
		title := m.Key + " (" + m.Over + "; each cell's 95% interval within ±" + strconv.FormatFloat(widest, 'g', 2, 64) + ")"
		panels = append(panels, chart.Heatmap(title, px, py, axis, valueLabels(xs), valueLabels(ys), z))
	}
	return panels
}

// valueLabels writes the values with the fewest significant digits, at
// least 3, that tell them all apart.
func valueLabels(vs []float64) []string {
	l := make([]string, len(vs))
	for digits := 3; ; digits++ {
		for i, v := range vs {
			l[i] = strconv.FormatFloat(v, 'g', digits, 64)
		}
		if digits == 17 || len(slices.Compact(slices.Sorted(slices.Values(l)))) == len(l) {
			return l
		}
	}
}

// sobolPanels draws each chosen metric's Sobol indices, ranked by the
// total index, with their bootstrap intervals.
func sobolPanels(sw *sweepResult, metrics []string) []*chart.Figure {
	var panels []*chart.Figure
	for _, rank := range sw.Sobol {
		if !selected(rank.Metric, metrics) {
			continue
		}
		total, first := chart.Group{Name: "total"}, chart.Group{Name: "first-order"}
		for _, ix := range rank.Indices {
			total.Items = append(total.Items, chart.Estimate{Label: ix.Param, Value: ix.Total, Lo: ix.TotalCI[0], Hi: ix.TotalCI[1]})
			first.Items = append(first.Items, chart.Estimate{Label: ix.Param, Value: ix.First, Lo: ix.FirstCI[0], Hi: ix.FirstCI[1]})
		}
		panels = append(panels, chart.RankedBars("Sobol indices of "+rank.Metric+" (95% bootstrap intervals)",
			"share of the variance of "+rank.Metric, sw.Params, []chart.Group{total, first}))
	}
	return panels
}

// gameFigure draws the estimated game as two heat maps, each side's mean
// utility in every cell: the row player's strategies up, the column
// player's across.
func gameFigure(g *sim.MetaGame) *chart.Figure {
	rows, cols := g.Players[0].Strategies, g.Players[1].Strategies
	var panels []*chart.Figure
	for p, pl := range g.Players {
		z := make([][]float64, len(rows))
		for r := range rows {
			z[r] = make([]float64, len(cols))
			for c := range cols {
				u := g.Cells[r][c].Utilities[p]
				z[r][c] = u.Mean
				if u.N == 0 {
					z[r][c] = nan
				}
			}
		}
		panels = append(panels, chart.Heatmap(pl.Actor+"'s mean realized utility in each cell",
			g.Players[1].Actor+"'s strategy", g.Players[0].Actor+"'s strategy", pl.Actor+"'s utility", cols, rows, z))
	}
	return chart.Stack(plotTitle(g.Scenario, g.Seed, g.Episodes, "episode", g.Partial)+" per cell", panels...)
}
