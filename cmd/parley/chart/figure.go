package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// A Figure is a chart ready to render. Build one with Estimates,
// Differences, Histogram, Lines, Heatmap or RankedBars, and put several
// in one picture with Stack.
type Figure struct {
	title  string
	plot   *plot.Plot
	legend []legendEntry // drawn under the title
	scale  *colourScale  // a heat map's colour scale, right of the plot; nil for none
	panels []*Figure     // a Stack's figures, top to bottom; nil for a single chart
	err    error
}

// Err returns the problem with the builder's input, or nil if the
// figure can be rendered.
func (f *Figure) Err() error { return f.err }

// failed is a figure that renders as err.
func failed(format string, args ...any) *Figure {
	return &Figure{err: fmt.Errorf("chart: "+format, args...)}
}

// Render returns the figure as SVG or PNG bytes, format "svg" or "png",
// Width × Height in size (Height per panel of a Stack). The same figure always gives the same bytes.
// It returns the builder's error if the figure has one.
func Render(f *Figure, format string) ([]byte, error) {
	if f == nil {
		return nil, errors.New("chart: nil figure")
	}
	if f.err != nil {
		return nil, f.err
	}
	var buf bytes.Buffer
	w, h := f.size()
	switch format {
	case "svg":
		c := vgsvg.NewWith(vgsvg.UseWH(w, h))
		f.draw(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
		return fontFallback(buf.Bytes()), nil
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))
		f.draw(draw.New(c))
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return nil, fmt.Errorf("chart: format %q; valid: svg, png", format)
}

// FormatFor returns the format that path's extension names: "svg" for
// .svg, "png" for .png, in any case.
func FormatFor(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".svg", ".png":
		return ext[1:], nil
	case "":
		return "", fmt.Errorf("%s: no extension; valid: .svg, .png", path)
	default:
		return "", fmt.Errorf("%s: extension %s; valid: .svg, .png", path, ext)
	}
}

// fontFallback gives the SVG's font family the metric-compatible Arial
// and then any sans-serif face as fallbacks, for viewers that lack
// Liberation Sans (vgsvg names only the face it measured the text with).
func fontFallback(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"), []byte("font-family:Liberation Sans,Arial,Helvetica,sans-serif;"))
}

// draw lays the figure out on c: the title across the top, the legend
// under it, a heat map's colour scale at the right, the plot in the
// rest.
func (f *Figure) draw(c draw.Canvas) {
	if f.panels != nil {
		f.drawStack(c)
		return
	}
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	c = draw.Crop(c, margin, -margin, margin, -margin)
	if f.title != "" {
		sty := textStyle(titleSize, true)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, f.title)
		c.Max.Y -= sty.Height(f.title) + 2*vg.Millimeter
	}
	c.Max.Y -= drawLegend(c, f.legend)
	if f.scale != nil {
		sc := c
		sc.Min.X = c.Max.X - scaleWidth
		c.Max.X = sc.Min.X
		data := f.plot.DataCanvas(c)
		f.scale.draw(sc, data.Min.Y, data.Max.Y)
	}
	f.plot.Draw(c)
}
