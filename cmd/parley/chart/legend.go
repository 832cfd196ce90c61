package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A legendEntry is a series' name and the marks that draw its key.
type legendEntry struct {
	name   string
	thumbs []plot.Thumbnailer
}

// addLegend adds a legend entry for a named series; an unnamed series
// has none.
func (f *Figure) addLegend(name string, thumbs ...plot.Thumbnailer) {
	if name != "" {
		f.legend = append(f.legend, legendEntry{name, thumbs})
	}
}

// Legend layout: each entry is its key, thumbWidth wide, then its name;
// entries are entrySpace apart, in centred rows under the title.
var (
	thumbWidth = vg.Points(22)
	thumbGap   = vg.Points(4)
	entrySpace = vg.Points(14)
)

// drawLegend draws the legend in rows across the top of c and returns
// the height it took.
func drawLegend(c draw.Canvas, entries []legendEntry) vg.Length {
	if len(entries) == 0 {
		return 0
	}
	sty := textStyle(labelSize, false)
	sty.YAlign = draw.YCenter
	h := sty.FontExtents().Height
	width := func(e legendEntry) vg.Length { return thumbWidth + thumbGap + sty.Width(e.name) }

	var rows [][]legendEntry
	var rowWidths []vg.Length
	for _, e := range entries {
		w := width(e)
		if n := len(rows); n > 0 && rowWidths[n-1]+entrySpace+w <= c.Size().X {
			rows[n-1] = append(rows[n-1], e)
			rowWidths[n-1] += entrySpace + w
			continue
		}
		rows = append(rows, []legendEntry{e})
		rowWidths = append(rowWidths, w)
	}
	y := c.Max.Y - h/2
	for i, row := range rows {
		x := c.Center().X - rowWidths[i]/2
		for _, e := range row {
			icon := &draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y - h/2}, Max: vg.Point{X: x + thumbWidth, Y: y + h/2}}}
			for _, t := range e.thumbs {
				t.Thumbnail(icon)
			}
			c.FillText(sty, vg.Point{X: x + thumbWidth + thumbGap, Y: y}, e.name)
			x += width(e) + entrySpace
		}
		y -= h * 1.3
	}
	return vg.Length(len(rows)) * h * 1.3
}
