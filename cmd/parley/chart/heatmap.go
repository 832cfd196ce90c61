package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Heatmap draws z over a grid of categories, such as a sweep over two
// parameters or a game's payoff matrix: z[i][j] is the cell in row i
// (yLabels[i], the first row at the top, as in a table) and column j
// (xLabels[j]), coloured by the viridis map that the colour scale at the
// right reads in zAxis. Each cell also shows its value when every value
// fits in its cell. A NaN cell is not observed: it is drawn light grey,
// without a value. Labels must be distinct and not empty.
func Heatmap(title, xAxis, yAxis, zAxis string, xLabels, yLabels []string, z [][]float64) *Figure {
	lo, hi, err := checkGrid(xLabels, yLabels, z)
	if err != nil {
		return failed("%s: %v", title, err)
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	p := newPlot(xAxis, yAxis)
	p.Add(&cells{z: z, lo: lo, hi: hi})
	categoryAxis(&p.Y, yLabels)
	columnAxis(&p.X, xLabels)
	p.X.Padding, p.Y.Padding = 0, 0
	return &Figure{title: title, plot: p, scale: &colourScale{lo: lo, hi: hi, label: zAxis}}
}

// checkGrid checks a heat map's labels and values and returns the range
// of its finite values.
func checkGrid(xLabels, yLabels []string, z [][]float64) (lo, hi float64, err error) {
	if len(xLabels) == 0 || len(yLabels) == 0 {
		return 0, 0, fmt.Errorf("%d columns and %d rows; valid: at least one of each", len(xLabels), len(yLabels))
	}
	for _, labels := range [][]string{xLabels, yLabels} {
		if err := checkLabels(labels); err != nil {
			return 0, 0, err
		}
	}
	if len(z) != len(yLabels) {
		return 0, 0, fmt.Errorf("%d rows of values for %d row labels; valid: one row per label", len(z), len(yLabels))
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for i, row := range z {
		if len(row) != len(xLabels) {
			return 0, 0, fmt.Errorf("row %q has %d values for %d columns; valid: one value per column", yLabels[i], len(row), len(xLabels))
		}
		for j, v := range row {
			if isInf(v) {
				return 0, 0, fmt.Errorf("cell (%q, %q) is %g; valid: finite numbers, NaN for none", yLabels[i], xLabels[j], v)
			}
			if !isNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		return 0, 0, fmt.Errorf("no cell has a value; valid: at least one that is not NaN")
	}
	return lo, hi, nil
}

// checkLabels checks that labels are distinct and not empty.
func checkLabels(labels []string) error {
	seen := make(map[string]bool)
	for i, l := range labels {
		if l == "" {
			return fmt.Errorf("label %d is empty; valid: a name", i+1)
		}
		if seen[l] {
			return fmt.Errorf("label %q twice; valid: distinct labels", l)
		}
		seen[l] = true
	}
	return nil
}

// columnAxis labels a horizontal axis with one column per label, turned
// 30° when the labels are too wide to sit side by side.
func columnAxis(a *plot.Axis, labels []string) {
	ticks := make([]plot.Tick, len(labels))
	widest := vg.Length(0)
	for j, l := range labels {
		ticks[j] = plot.Tick{Value: float64(j), Label: l}
		widest = max(widest, a.Tick.Label.Width(l))
	}
	a.Tick.Marker = plot.ConstantTicks(ticks)
	a.Min, a.Max = -0.5, float64(len(labels))-0.5
	// The columns share about 10 cm, less the row labels and the scale.
	if widest*vg.Length(len(labels)) > 9*vg.Centimeter {
		a.Tick.Label.Rotation = math.Pi / 6
		a.Tick.Label.XAlign, a.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}
}

// noData is the colour of a cell not observed.
var noData = color.Gray{0xDD}

// cells draws a heat map's cells, each with its value when they all fit.
type cells struct {
	z      [][]float64
	lo, hi float64
}

// Plot implements plot.Plotter.
func (h *cells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(h.z)
	sty := textStyle(tickSize, false)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	cw, ch := trX(0.5)-trX(-0.5), trY(0.5)-trY(-0.5)
	fits := true
	for _, row := range h.z {
		for _, v := range row {
			fits = fits && (isNaN(v) || sty.Width(formatValue(v)) < 0.9*cw && sty.Height("0") < 0.8*ch)
		}
	}
	for i, row := range h.z {
		y := rowY(i, n)
		for j, v := range row {
			col := color.Color(noData)
			if !isNaN(v) {
				col = viridis((v - h.lo) / (h.hi - h.lo))
			}
			c.FillPolygon(col, []vg.Point{
				{X: trX(float64(j) - 0.5), Y: trY(y - 0.5)}, {X: trX(float64(j) + 0.5), Y: trY(y - 0.5)},
				{X: trX(float64(j) + 0.5), Y: trY(y + 0.5)}, {X: trX(float64(j) - 0.5), Y: trY(y + 0.5)},
			})
			if fits && !isNaN(v) {
				sty.Color = color.Black
				if dark(col.(color.RGBA)) {
					sty.Color = color.White
				}
				c.FillText(sty, vg.Point{X: trX(float64(j)), Y: trY(y)}, formatValue(v))
			}
		}
	}
}

// formatValue writes a cell's value with three significant digits, or
// whole with grouped thousands from 1,000 up.
func formatValue(v float64) string {
	if math.Abs(v) >= 1000 {
		return formatTick(math.Round(v), 0)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// A colourScale is a heat map's key: a bar of the colour map from lo at
// the bottom to hi at the top, its ticks and label to its right.
type colourScale struct {
	lo, hi float64
	label  string
}

// scaleWidth is the width the colour scale takes at the right.
var scaleWidth = 2.4 * vg.Centimeter

// draw draws the scale in c, its bar as high as the plot's data area,
// from bottom to top.
func (s *colourScale) draw(c draw.Canvas, bottom, top vg.Length) {
	const steps = 64
	barW := 4 * vg.Millimeter
	x0 := c.Min.X + 3*vg.Millimeter
	for k := range steps {
		y0 := bottom + (top-bottom)*vg.Length(k)/steps
		// Each step overlaps the next by half a step, so that no seam of
		// background shows between them when anti-aliased.
		y1 := bottom + (top-bottom)*(vg.Length(k)+1.5)/steps
		y1 = min(y1, top)
		c.FillPolygon(viridis((float64(k)+0.5)/steps), []vg.Point{{X: x0, Y: y0}, {X: x0 + barW, Y: y0}, {X: x0 + barW, Y: y1}, {X: x0, Y: y1}})
	}
	frame := draw.LineStyle{Color: color.Gray{0x55}, Width: vg.Points(0.5)}
	c.StrokeLines(frame, []vg.Point{{X: x0, Y: bottom}, {X: x0 + barW, Y: bottom}, {X: x0 + barW, Y: top}, {X: x0, Y: top}, {X: x0, Y: bottom}})
	sty := textStyle(tickSize, false)
	sty.YAlign = draw.YCenter
	widest := vg.Length(0)
	for _, t := range (niceTicks{}).Ticks(s.lo, s.hi) {
		y := bottom + (top-bottom)*vg.Length((t.Value-s.lo)/(s.hi-s.lo))
		tick := vg.Points(3)
		if t.Label == "" {
			tick /= 2
		}
		c.StrokeLine2(frame, x0+barW, y, x0+barW+tick, y)
		if t.Label != "" {
			c.FillText(sty, vg.Point{X: x0 + barW + vg.Points(5), Y: y}, t.Label)
			widest = max(widest, sty.Width(t.Label))
		}
	}
	lsty := textStyle(labelSize, false)
	lsty.Rotation = math.Pi / 2
	lsty.XAlign, lsty.YAlign = draw.XCenter, draw.YTop
	c.FillText(lsty, vg.Point{X: x0 + barW + vg.Points(9) + widest, Y: (bottom + top) / 2}, s.label)
}
