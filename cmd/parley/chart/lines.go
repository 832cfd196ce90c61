package chart

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// A Line is one series of a metric against a parameter: Y[i] at X[i],
// within its 95% interval [Lo[i], Hi[i]]. X is finite and increasing. A
// NaN Y is a point not observed: the line and band break there. Lo and
// Hi are nil (no band) or as long as X, each pair both NaN (no band at
// that point) or finite with Lo ≤ Hi.
type Line struct {
	Name         string
	X, Y, Lo, Hi []float64
}

// markLimit is the most points a line marks with its glyph; denser lines
// are drawn plain.
const markLimit = 40

// Lines draws each series as a line with a marker at each point and its
// interval as a translucent band, in a colour, marker and dash each,
// against xAxis and yAxis. Series must have distinct names when there is
// more than one; the legend lists the named ones.
func Lines(title, xAxis, yAxis string, series []Line) *Figure {
	if err := checkNames(len(series), func(i int) string { return series[i].Name }); err != nil {
		return failed("%s: %v", title, err)
	}
	p := newPlot(xAxis, yAxis)
	p.Add(&gridLines{}, &gridLines{vertical: true})
	f := &Figure{title: title, plot: p}
	for i, s := range series {
		if err := checkLine(s); err != nil {
			return failed("%s: series %q: %v", title, s.Name, err)
		}
		var band *plotter.Polygon
		for _, run := range runs(len(s.X), func(j int) bool { return s.Lo != nil && !isNaN(s.Lo[j]) }) {
			var ring plotter.XYs
			for _, j := range run {
				ring = append(ring, plotter.XY{X: s.X[j], Y: s.Lo[j]})
			}
			for k := len(run) - 1; k >= 0; k-- {
				ring = append(ring, plotter.XY{X: s.X[run[k]], Y: s.Hi[run[k]]})
			}
			band = &plotter.Polygon{XYs: []plotter.XYs{ring}, Color: translucent(seriesColor(i), 0.2)}
			p.Add(band)
		}
		line := &plotter.Line{LineStyle: lineStyle(i)}
		var pts plotter.XYs
		for _, run := range runs(len(s.X), func(j int) bool { return !isNaN(s.Y[j]) }) {
			var xys plotter.XYs
			for _, j := range run {
				xys = append(xys, plotter.XY{X: s.X[j], Y: s.Y[j]})
			}
			p.Add(&plotter.Line{XYs: xys, LineStyle: line.LineStyle})
			pts = append(pts, xys...)
		}
		dots := &plotter.Scatter{XYs: pts, GlyphStyle: glyph(i)}
		if len(s.X) > markLimit {
			dots.GlyphStyle.Radius = 0
		}
		p.Add(dots)
		keys := []plot.Thumbnailer{line, dots}
		if band != nil {
			keys = append([]plot.Thumbnailer{&plotter.Polygon{Color: band.Color}}, keys...)
		}
		f.addLegend(s.Name, keys...)
	}
	roundOut(&p.X)
	roundOut(&p.Y)
	return f
}

// runs splits 0..n-1 into the maximal runs of consecutive indices for
// which ok holds.
func runs(n int, ok func(int) bool) [][]int {
	var out [][]int
	var cur []int
	for j := range n {
		if ok(j) {
			cur = append(cur, j)
			continue
		}
		if cur != nil {
			out, cur = append(out, cur), nil
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// checkLine says what is wrong with a series, if anything.
func checkLine(s Line) error {
	n := len(s.X)
	switch {
	case n == 0:
		return fmt.Errorf("no points")
	case len(s.Y) != n:
		return fmt.Errorf("%d X values and %d Y values; valid: as many of each", n, len(s.Y))
	case (s.Lo == nil) != (s.Hi == nil):
		return fmt.Errorf("one of Lo and Hi; valid: both or neither")
	case s.Lo != nil && (len(s.Lo) != n || len(s.Hi) != n):
		return fmt.Errorf("%d X values, %d Lo and %d Hi; valid: as many of each", n, len(s.Lo), len(s.Hi))
	}
	for j := range n {
		e := Estimate{Label: fmt.Sprintf("point %d", j+1), Value: s.Y[j], Lo: nan, Hi: nan}
		if s.Lo != nil {
			e.Lo, e.Hi = s.Lo[j], s.Hi[j]
		}
		if isNaN(s.X[j]) || isInf(s.X[j]) {
			return fmt.Errorf("%s: X is %g; valid: finite numbers", e.Label, s.X[j])
		}
		if j > 0 && s.X[j] <= s.X[j-1] {
			return fmt.Errorf("%s: X (%g) is not above the point before (%g); valid: increasing X", e.Label, s.X[j], s.X[j-1])
		}
		if err := checkEstimate(e); err != nil {
			return err
		}
	}
	return nil
}
