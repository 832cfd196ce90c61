package chart

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// okabeIto is the Okabe–Ito palette (Okabe and Ito, "Color Universal
// Design", 2008), ordered so that the first colours contrast most on
// white; yellow, the faintest, comes last.
var okabeIto = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x00, 0x00, 0xFF}, // black
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// glyphs and dashes tell series apart without colour; their cycles of 5
// and 3 are prime to the palette's 8, so no two of the first 120 series
// share colour, marker and dash.
var (
	glyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}}
	dashes = [][]vg.Length{nil, {vg.Points(5), vg.Points(2.5)}, {vg.Points(1.5), vg.Points(2)}}
)

// seriesColor is the colour of series i.
func seriesColor(i int) color.RGBA { return okabeIto[i%len(okabeIto)] }

// translucent is c at the given opacity, premultiplied as color.RGBA
// requires.
func translucent(c color.RGBA, alpha float64) color.RGBA {
	a := func(v uint8) uint8 { return uint8(math.Round(float64(v) * alpha)) }
	return color.RGBA{a(c.R), a(c.G), a(c.B), a(0xFF)}
}

// glyph is the marker of series i.
func glyph(i int) draw.GlyphStyle {
	return draw.GlyphStyle{Color: seriesColor(i), Radius: vg.Points(3), Shape: glyphs[i%len(glyphs)]}
}

// lineStyle is the line of series i.
func lineStyle(i int) draw.LineStyle {
	return draw.LineStyle{Color: seriesColor(i), Width: vg.Points(1.5), Dashes: dashes[i%len(dashes)]}
}

// Sizes and fonts of every figure.
const (
	// Width and Height are every figure's size.
	Width  = 16 * vg.Centimeter
	Height = 10 * vg.Centimeter
	// DPI is the resolution of PNG renders.
	DPI = 150

	margin      = 4 * vg.Millimeter
	titleSize   = 12
	labelSize   = 10
	tickSize    = 9
	minTickSize = 6
)

// sans is the typeface of every text: Liberation Sans, metric-compatible
// with Arial, which the SVG names as its fallback.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// textStyle is a plain text style in sans of the given size.
func textStyle(size vg.Length, bold bool) text.Style {
	f := font.From(sans, size)
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: color.Black, Font: f, Handler: plot.DefaultTextHandler}
}

// newPlot is a plot styled for Parley, with its axis labels; the figure
// draws the title itself, above the legend as well as the plot.
func newPlot(xAxis, yAxis string) *plot.Plot {
	p := plot.New()
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Label.Padding = vg.Points(4)
		a.Tick.Label.Font = font.From(sans, tickSize)
		a.Tick.Color = color.Gray{0x55}
		a.Color = color.Gray{0x55}
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = niceTicks{}, niceTicks{}
	p.X.Label.Text = xAxis
	p.Y.Label.Text = yAxis
	return p
}

// gridLines draws light lines at the major ticks of one axis: vertical
// lines at the X axis's ticks, or horizontal ones at the Y axis's.
type gridLines struct{ vertical bool }

// Plot implements plot.Plotter.
func (g *gridLines) Plot(c draw.Canvas, p *plot.Plot) {
	sty := draw.LineStyle{Color: color.Gray{0xE0}, Width: vg.Points(0.5)}
	ax := &p.Y
	if g.vertical {
		ax = &p.X
	}
	for _, t := range ax.Tick.Marker.Ticks(ax.Min, ax.Max) {
		if t.IsMinor() {
			continue
		}
		if g.vertical {
			x := c.X(ax.Norm(t.Value))
			c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
		} else {
			y := c.Y(ax.Norm(t.Value))
			c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		}
	}
}
