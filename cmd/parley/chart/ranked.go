package chart

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RankedBars draws one row of horizontal bars per label, such as Sobol
// first-order and total indices per input: series[k]'s estimate for a
// label is the one of its Items with that Label, drawn as a bar from 0
// with its 95% interval. The rows are ranked by the first series' value,
// largest at the top; labels it has no value for (or a NaN one) go last,
// in the order given. Labels must be distinct and not empty, every
// item's label one of them; series must have distinct names when there
// is more than one, and the legend lists the named ones.
func RankedBars(title, valueAxis string, labels []string, series []Group) *Figure {
	if err := checkLabels(labels); err != nil {
		return failed("%s: %v", title, err)
	}
	if len(labels) == 0 {
		return failed("%s: no labels to draw", title)
	}
	r, err := rowLabels(series)
	if err != nil {
		return failed("%s: %v", title, err)
	}
	for _, l := range r.labels {
		if !slices.Contains(labels, l) {
			return failed("%s: estimate for %q, which is not one of the labels %q", title, l, labels)
		}
	}
	ranked := rank(labels, series[0].Items)
	row := make(map[string]int, len(ranked))
	for i, l := range ranked {
		row[l] = i
	}

	p := newPlot(valueAxis, "")
	p.Add(&gridLines{vertical: true}, rowRules{})
	f := &Figure{title: title, plot: p}
	height := 0.7 / float64(len(series))
	for g, s := range series {
		b := &bars{height: height, color: seriesColor(g)}
		iv := &intervals{style: draw.LineStyle{Color: color.Gray{0x22}, Width: vg.Points(1)}}
		for _, e := range s.Items {
			if isNaN(e.Value) {
				continue
			}
			y := rowY(row[e.Label], len(ranked)) + 0.35 - height*(float64(g)+0.5)
			b.bars = append(b.bars, bar{y: y, v: e.Value})
			if !isNaN(e.Lo) {
				iv.bars = append(iv.bars, interval{y: y, lo: e.Lo, hi: e.Hi})
			}
		}
		p.Add(b, iv)
		f.addLegend(s.Name, b)
	}
	p.X.Min = min(p.X.Min, 0)
	p.X.Max = max(p.X.Max, 0)
	roundOut(&p.X)
	categoryAxis(&p.Y, ranked)
	return f
}

// rank orders labels by their items' values, largest first; labels
// without a value keep their order at the end.
func rank(labels []string, items []Estimate) []string {
	value := make(map[string]float64, len(items))
	for _, e := range items {
		value[e.Label] = e.Value
	}
	key := func(l string) float64 {
		if v, ok := value[l]; ok && !isNaN(v) {
			return v
		}
		return math.Inf(-1)
	}
	ranked := slices.Clone(labels)
	slices.SortStableFunc(ranked, func(a, b string) int {
		switch ka, kb := key(a), key(b); {
		case ka > kb:
			return -1
		case ka < kb:
			return 1
		}
		return 0
	})
	return ranked
}

// A bar is one horizontal bar from 0 to v, centred at height y.
type bar struct{ y, v float64 }

// bars draws horizontal bars of one series, height rows high.
type bars struct {
	bars   []bar
	height float64
	color  color.Color
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.bars {
		x0, x1 := trX(0), trX(r.v)
		y0, y1 := trY(r.y-b.height/2), trY(r.y+b.height/2)
		c.FillPolygon(b.color, c.ClipPolygonX([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
	}
}

// DataRange implements plot.DataRanger.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, r := range b.bars {
		xmin, xmax = math.Min(xmin, r.v), math.Max(xmax, r.v)
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer: a filled key.
func (b *bars) Thumbnail(c *draw.Canvas) {
	inset := c.Size().Y / 6
	c.FillPolygon(b.color, []vg.Point{
		{X: c.Min.X, Y: c.Min.Y + inset}, {X: c.Max.X, Y: c.Min.Y + inset},
		{X: c.Max.X, Y: c.Max.Y - inset}, {X: c.Min.X, Y: c.Max.Y - inset},
	})
}
