package chart

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A Hist is one series of binned counts: Counts[i] falls in
// [Edges[i], Edges[i+1]), so len(Edges) = len(Counts)+1. Edges are finite
// and increasing; counts are finite and not negative.
type Hist struct {
	Name   string
	Edges  []float64
	Counts []float64
}

// Histogram draws binned counts against xAxis, the series overlaid as
// translucent bars with solid outlines in a colour each, the vertical
// axis "count" from 0. Series must have distinct names when there is
// more than one; the legend lists the named ones.
func Histogram(title, xAxis string, series []Hist) *Figure {
	if err := checkNames(len(series), func(i int) string { return series[i].Name }); err != nil {
		return failed("%s: %v", title, err)
	}
	p := newPlot(xAxis, "count")
	p.Add(&gridLines{})
	f := &Figure{title: title, plot: p}
	alpha := 0.55
	if len(series) > 1 {
		alpha = 0.25
	}
	for i, s := range series {
		if err := checkHist(s); err != nil {
			return failed("%s: series %q: %v", title, s.Name, err)
		}
		h := &plotter.Histogram{
			FillColor: translucent(seriesColor(i), alpha),
			LineStyle: draw.LineStyle{Color: seriesColor(i), Width: vg.Points(1.2), Dashes: dashes[i%len(dashes)]},
		}
		for j, c := range s.Counts {
			h.Bins = append(h.Bins, plotter.HistogramBin{Min: s.Edges[j], Max: s.Edges[j+1], Weight: c})
		}
		p.Add(h)
		f.addLegend(s.Name, h)
	}
	p.Y.Min, p.Y.Max = 0, max(p.Y.Max, 1)
	roundOut(&p.X)
	roundOut(&p.Y)
	return f
}

// checkHist says what is wrong with a series of binned counts, if
// anything.
func checkHist(s Hist) error {
	if len(s.Counts) == 0 || len(s.Edges) != len(s.Counts)+1 {
		return fmt.Errorf("%d edges for %d counts; valid: at least one count and one edge more than counts", len(s.Edges), len(s.Counts))
	}
	for i, e := range s.Edges {
		if isNaN(e) || isInf(e) {
			return fmt.Errorf("edge %d is %g; valid: finite numbers", i+1, e)
		}
		if i > 0 && e <= s.Edges[i-1] {
			return fmt.Errorf("edge %d (%g) is not above edge %d (%g); valid: increasing edges", i+1, e, i, s.Edges[i-1])
		}
	}
	for i, c := range s.Counts {
		if isNaN(c) || isInf(c) || c < 0 {
			return fmt.Errorf("count %d is %g; valid: finite and not negative", i+1, c)
		}
	}
	return nil
}
