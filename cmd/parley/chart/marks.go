package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// An interval is a horizontal 95% interval [lo, hi] drawn at height y.
type interval struct{ y, lo, hi float64 }

// intervals draws horizontal interval bars with end caps.
type intervals struct {
	bars  []interval
	style draw.LineStyle
}

// capHeight is the height of an interval's end caps.
var capHeight = vg.Points(5)

// Plot implements plot.Plotter.
func (iv *intervals) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, b := range iv.bars {
		y, lo, hi := trY(b.y), trX(b.lo), trX(b.hi)
		c.StrokeLines(iv.style, c.ClipLinesX([]vg.Point{{X: lo, Y: y}, {X: hi, Y: y}})...)
		for _, x := range []vg.Length{lo, hi} {
			if c.ContainsX(x) {
				c.StrokeLine2(iv.style, x, y-capHeight/2, x, y+capHeight/2)
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (iv *intervals) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, b := range iv.bars {
		xmin, xmax = math.Min(xmin, b.lo), math.Max(xmax, b.hi)
		ymin, ymax = math.Min(ymin, b.y), math.Max(ymax, b.y)
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer: an interval across the legend's
// icon.
func (iv *intervals) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(iv.style, c.Min.X, y, c.Max.X, y)
	c.StrokeLine2(iv.style, c.Min.X, y-capHeight/2, c.Min.X, y+capHeight/2)
	c.StrokeLine2(iv.style, c.Max.X, y-capHeight/2, c.Max.X, y+capHeight/2)
}

// A reference is a line across the plot at a value of the X axis (a
// vertical line), such as the zero of a difference.
type reference struct {
	x     float64
	style draw.LineStyle
}

// Plot implements plot.Plotter.
func (r reference) Plot(c draw.Canvas, p *plot.Plot) {
	x := c.X(p.X.Norm(r.x))
	c.StrokeLine2(r.style, x, c.Min.Y, x, c.Max.Y)
}

// DataRange implements plot.DataRanger: the line keeps its value in view.
func (r reference) DataRange() (xmin, xmax, ymin, ymax float64) {
	return r.x, r.x, math.Inf(1), math.Inf(-1)
}

// rowRules draws light lines between the rows of a categorical Y axis,
// so that each row's marks read as one.
type rowRules struct{}

// Plot implements plot.Plotter.
func (rowRules) Plot(c draw.Canvas, p *plot.Plot) {
	sty := draw.LineStyle{Color: color.Gray{0xD8}, Width: vg.Points(0.5)}
	for y := p.Y.Min + 1; y < p.Y.Max; y++ {
		cy := c.Y(p.Y.Norm(y))
		c.StrokeLine2(sty, c.Min.X, cy, c.Max.X, cy)
	}
}
