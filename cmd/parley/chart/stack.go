package chart

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Stack puts figures one above another under a common title, each
// panel keeping its own title, legend and axes at the size of one
// figure, so the whole is Width wide and Height high per panel. It
// returns the first panel's error if one has one.
func Stack(title string, panels ...*Figure) *Figure {
	if len(panels) == 0 {
		return failed("%s: no panels to stack", title)
	}
	for _, p := range panels {
		if p == nil {
			return failed("%s: a nil panel", title)
		}
		if p.err != nil {
			return &Figure{err: p.err}
		}
		if len(p.panels) > 0 {
			return failed("%s: a stack inside a stack", title)
		}
	}
	return &Figure{title: title, panels: panels}
}

// size is the figure's width and height: Height per panel of a stack.
func (f *Figure) size() (w, h vg.Length) {
	return Width, Height * vg.Length(max(1, len(f.panels)))
}

// drawStack draws the common title across the top and the panels in
// equal rows below it, first at the top.
func (f *Figure) drawStack(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	sty := textStyle(titleSize, true)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y - margin}, f.title)
	top := c.Max.Y - margin - sty.Height(f.title) - 2*vg.Millimeter
	row := (top - c.Min.Y) / vg.Length(len(f.panels))
	for i, p := range f.panels {
		pc := c
		pc.Max.Y = top - vg.Length(i)*row
		pc.Min.Y = pc.Max.Y - row
		p.draw(pc)
	}
}
