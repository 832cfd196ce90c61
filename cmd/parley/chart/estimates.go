package chart

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// An Estimate is a labelled point estimate with its 95% interval
// [Lo, Hi]. A NaN Value means nothing was observed: the label keeps its
// row and no mark is drawn. Lo and Hi are both NaN (no interval drawn) or
// both finite with Lo ≤ Hi; the interval need not contain Value, as a
// bootstrap interval may not.
type Estimate struct {
	Label         string
	Value, Lo, Hi float64
}

// A Group is a named series of estimates: one arm, one side, one kind of
// index. Its Name is its legend entry.
type Group struct {
	Name  string
	Items []Estimate
}

// Estimates draws labelled point estimates with their 95% intervals as
// dots with interval bars, one row per label from top to bottom in the
// order the labels first appear, the groups side by side within a row
// in a colour and marker each. The value axis, labelled valueAxis, runs
// horizontally and always shows 0. Groups must have distinct names when
// there is more than one; the legend lists the named ones.
func Estimates(title, valueAxis string, groups []Group) *Figure {
	return estimates(title, valueAxis, groups, false)
}

// Differences is Estimates for paired differences: it also draws a
// reference line at 0, so an interval that crosses it reads as "no
// significant difference".
func Differences(title, valueAxis string, groups []Group) *Figure {
	return estimates(title, valueAxis, groups, true)
}

func estimates(title, valueAxis string, groups []Group, zeroLine bool) *Figure {
	rows, err := rowLabels(groups)
	if err != nil {
		return failed("%s: %v", title, err)
	}
	p := newPlot(valueAxis, "")
	p.Add(&gridLines{vertical: true}, rowRules{})
	if zeroLine {
		p.Add(reference{x: 0, style: draw.LineStyle{Color: color.Gray{0x33}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(2)}}})
	}
	f := &Figure{title: title, plot: p}
	for g, grp := range groups {
		var pts plotter.XYs
		iv := &intervals{style: draw.LineStyle{Color: seriesColor(g), Width: vg.Points(1.5)}}
		for _, e := range grp.Items {
			if isNaN(e.Value) {
				continue
			}
			y := rowY(rows.index[e.Label], len(rows.labels)) + dodge(g, len(groups))
			pts = append(pts, plotter.XY{X: e.Value, Y: y})
			if !isNaN(e.Lo) {
				iv.bars = append(iv.bars, interval{y: y, lo: e.Lo, hi: e.Hi})
			}
		}
		dots := &plotter.Scatter{XYs: pts, GlyphStyle: glyph(g)}
		p.Add(iv, dots)
		f.addLegend(grp.Name, iv, dots)
	}
	p.X.Min = min(p.X.Min, 0)
	p.X.Max = max(p.X.Max, 0)
	roundOut(&p.X)
	categoryAxis(&p.Y, rows.labels)
	return f
}

// rows are the labels of a categorical axis, in order.
type rows struct {
	labels []string
	index  map[string]int
}

// rowLabels checks the groups and returns their labels in the order they
// first appear.
func rowLabels(groups []Group) (rows, error) {
	r := rows{index: make(map[string]int)}
	if err := checkNames(len(groups), func(i int) string { return groups[i].Name }); err != nil {
		return r, err
	}
	for _, g := range groups {
		seen := make(map[string]bool)
		for _, e := range g.Items {
			if e.Label == "" {
				return r, fmt.Errorf("group %q: an estimate without a label", g.Name)
			}
			if seen[e.Label] {
				return r, fmt.Errorf("group %q: label %q twice", g.Name, e.Label)
			}
			seen[e.Label] = true
			if err := checkEstimate(e); err != nil {
				return r, fmt.Errorf("group %q: %v", g.Name, err)
			}
			if _, ok := r.index[e.Label]; !ok {
				r.index[e.Label] = len(r.labels)
				r.labels = append(r.labels, e.Label)
			}
		}
	}
	if len(r.labels) == 0 {
		return r, fmt.Errorf("no estimates to draw")
	}
	return r, nil
}

// checkEstimate says what is wrong with e's numbers, if anything.
func checkEstimate(e Estimate) error {
	switch {
	case isInf(e.Value) || isInf(e.Lo) || isInf(e.Hi):
		return fmt.Errorf("%s: infinite value or bound; valid: finite numbers, NaN for none", e.Label)
	case isNaN(e.Lo) != isNaN(e.Hi):
		return fmt.Errorf("%s: interval [%g, %g] has one bound; valid: both bounds or neither (NaN)", e.Label, e.Lo, e.Hi)
	case e.Lo > e.Hi:
		return fmt.Errorf("%s: interval [%g, %g] is reversed; valid: Lo ≤ Hi", e.Label, e.Lo, e.Hi)
	}
	return nil
}

// rowY is the height of row i of n: the first row at the top.
func rowY(i, n int) float64 { return float64(n - 1 - i) }

// dodge is the offset of group g of n within its row, the first group
// highest.
func dodge(g, n int) float64 {
	if n == 1 {
		return 0
	}
	return 0.2 - 0.4*float64(g)/float64(n-1)
}

// categoryAxis labels a vertical axis with one row per label, the first
// at the top, in a font small enough that about 25 rows do not overlap.
func categoryAxis(a *plot.Axis, labels []string) {
	n := len(labels)
	ticks := make([]plot.Tick, n)
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: rowY(i, n), Label: l}
	}
	a.Tick.Marker = plot.ConstantTicks(ticks)
	a.Tick.Label.Font.Size = rowFont(n)
	a.Min, a.Max = -0.5, float64(n)-0.5
}

// rowFont is the tick label size for n rows: the figure's data area is
// about 200 points high, and a line of text needs about 1.3 times its
// size.
func rowFont(n int) vg.Length {
	return vg.Points(max(minTickSize, min(tickSize, 150/float64(n))))
}
