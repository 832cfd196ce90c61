package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parley-sim/parley/internal/text"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// defaultWidth is the width text output fits when standard output is not
// a terminal and --width is not given: pipes, files and the goldens.
const defaultWidth = 80

// minWidth and maxWidth bound --width.
const (
	minWidth = 40
	maxWidth = 1000
)

// A layout is how a command renders its result: the format and, for the
// table format, the width in columns that every line fits.
type layout struct {
	format string
	width  int
}

// prose returns the width paragraphs wrap at.
func (l layout) prose() int { return proseWidth(l.width) }

// proseWidth is the width paragraphs wrap at in width columns: two
// columns of margin, as 78 in 80.
func proseWidth(width int) int { return width - 2 }

// minWrap is the narrowest a column's cells are wrapped to before a
// table gives up its grid for a list.
const minWrap = 10

// minMeaning is the narrowest the explanatory column is wrapped to before
// it is folded into a list under the table.
const minMeaning = 24

// gridWidth is the width of a text table whose columns have these widths:
// "│ " before each cell, " " after, and a closing "│".
func gridWidth(cols []int) int {
	w := 1
	for _, c := range cols {
		w += c + 3
	}
	return w
}

// lineWidth is the width of the longest line of s.
func lineWidth(s string) int {
	w, n := 0, 0 // n: the width of the line so far, in ASCII
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			w, n = max(w, n), 0
		case c >= utf8.RuneSelf:
			return runeLineWidth(s)
		default:
			n++
		}
	}
	return max(w, n)
}

// runeLineWidth is lineWidth counting runes.
func runeLineWidth(s string) int {
	w := 0
	for {
		line, rest, more := strings.Cut(s, "\n")
		w = max(w, utf8.RuneCountInString(line))
		if !more {
			return w
		}
		s = rest
	}
}

// wrapLines wraps each line of s at width.
func wrapLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = text.Wrap(line, width)
	}
	return strings.Join(lines, "\n")
}

// fitted is a table laid out to fit a width: its cells wrapped, the
// explanatory column folded out if need be.
type fitted struct {
	header []string
	rows   [][]string
	folded [][2]string // the explanatory column's cells, by row name, when folded
}

// wrapColumn wraps column j of header and rows at width, in place from
// the source table t.
func (f *fitted) wrapColumn(t *table, j, width int) {
	if t.bars > 0 && j == t.bars {
		return // a text bar's width is its scale
	}
	f.header[j] = wrapLines(t.header[j], width)
	for i, row := range t.rows {
		f.rows[i][j] = text.Wrap(row[j], width)
	}
}

// narrowColumn wraps column j at width, narrower than the column is, as
// wrapColumn does, and returns the column's new width. A cell's lines are
// its words wrapped at some width: a cell that fits is the same wrapped
// narrower, and one that does not is rewrapped from the words it has.
func (f *fitted) narrowColumn(t *table, j, width int) int {
	if t.bars > 0 && j == t.bars {
		return f.columnWidth(j) // a text bar's width is its scale
	}
	f.header[j] = wrapLines(t.header[j], width) // its line breaks are the header's own
	w := lineWidth(f.header[j])
	for _, row := range f.rows {
		cw := lineWidth(row[j])
		if cw > width {
			row[j] = text.Wrap(row[j], width)
			cw = lineWidth(row[j])
		}
		w = max(w, cw)
	}
	return w
}

// columnWidths returns the width of each column.
func (f *fitted) columnWidths() []int {
	cols := make([]int, len(f.header))
	for j := range f.header {
		cols[j] = f.columnWidth(j)
	}
	return cols
}

// columnWidth returns the width of column j.
func (f *fitted) columnWidth(j int) int {
	w := lineWidth(f.header[j])
	for _, row := range f.rows {
		w = max(w, lineWidth(row[j]))
	}
	return w
}

// fit lays t out within width: cells wrapped at maxColumnWidth; then the
// explanatory column wrapped narrower, down to minMeaning, or folded into
// a list; then the widest columns wrapped, down to minWrap. It reports
// false when the grid still does not fit (or, for a table marked
// noWrap, when it does not fit without wrapping its cells).
func (t *table) fit(width int) (*fitted, bool) {
	src := t
	f := &fitted{header: slices.Clone(t.header), rows: make([][]string, len(t.rows))}
	for i, row := range t.rows {
		f.rows[i] = slices.Clone(row)
	}
	for j := range t.header {
		f.wrapColumn(src, j, maxColumnWidth)
	}
	if gridWidth(f.columnWidths()) <= width {
		return f, true
	}
	if m := t.meaning; m > 0 {
		cols := f.columnWidths()
		if avail := width - (gridWidth(cols) - cols[m]); avail >= minMeaning {
			f.wrapColumn(src, m, avail)
			if gridWidth(f.columnWidths()) <= width {
				return f, true
			}
		}
		// Fold: the table without the column, its cells listed below, each
		// by its row's name: the first cell, or the first two when the
		// first repeats.
		seen, unique := map[string]bool{}, true
		for _, row := range t.rows {
			unique = unique && !seen[row[0]]
			seen[row[0]] = true
		}
		for _, row := range t.rows {
			name := row[0]
			if !unique && m > 1 {
				name += " " + row[1]
			}
			if row[m] != "" {
				f.folded = append(f.folded, [2]string{name, row[m]})
			}
		}
		src = t.without(m)
		f.header = slices.Delete(f.header, m, m+1)
		for i := range f.rows {
			f.rows[i] = slices.Delete(f.rows[i], m, m+1)
		}
	}
	if t.noWrap {
		return f, gridWidth(f.columnWidths()) <= width
	}
	frozen := make([]bool, len(f.header)) // columns a long word keeps from narrowing
	cols := f.columnWidths()              // kept up to date as columns narrow one at a time
	for {
		if gridWidth(cols) <= width {
			return f, true
		}
		// Narrow the widest column that can still narrow.
		j := -1
		for k, c := range cols {
			if c > minWrap && !frozen[k] && (j < 0 || c > cols[j]) {
				j = k
			}
		}
		if j < 0 {
			return f, false
		}
		w := f.narrowColumn(src, j, cols[j]-1)
		if w >= cols[j] {
			f.wrapColumn(src, j, cols[j]) // a word as wide as the column
			frozen[j] = true
			w = f.columnWidth(j)
		}
		cols[j] = w
	}
}

// barsFit reports whether t's bar column has room: the table without
// its explanatory column, which can fold into a list, fits width with no
// cell wrapped narrower than maxColumnWidth.
func (t *table) barsFit(width int) bool {
	u := t
	if t.meaning > 0 {
		u = t.without(t.meaning)
	}
	f := &fitted{header: slices.Clone(u.header), rows: make([][]string, len(u.rows))}
	for i, row := range u.rows {
		f.rows[i] = slices.Clone(row)
	}
	for j := range u.header {
		f.wrapColumn(u, j, maxColumnWidth)
	}
	return gridWidth(f.columnWidths()) <= width
}

// without returns t without column j, its other marked columns kept.
func (t *table) without(j int) *table {
	out := &table{header: slices.Delete(slices.Clone(t.header), j, j+1), noWrap: t.noWrap, recordKey: t.recordKey}
	for _, row := range t.rows {
		out.rows = append(out.rows, slices.Delete(slices.Clone(row), j, j+1))
	}
	index := func(k int) int {
		switch {
		case k == j:
			return 0
		case k > j:
			return k - 1
		}
		return k
	}
	out.meaning, out.bars = index(t.meaning), index(t.bars)
	return out
}

// writeFolded lists the explanatory column's cells folded out of a table.
func (f *fitted) writeFolded(w io.Writer, width int) {
	for _, kv := range f.folded {
		item := kv[0] + ": " + kv[1]
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(text.Wrap(item, width-4), "\n", "\n    "))
	}
}

// writeRecords writes t as a list, the long layout of a table too wide
// for its grid: each row's first cell, then one indented line per other
// column, "header: cell", wrapped within width.
func (t *table) writeRecords(w io.Writer, width int) {
	for i, row := range t.rows {
		if i > 0 {
			fmt.Fprintln(w)
		}
		title := row[0]
		switch h := strings.ReplaceAll(t.header[0], "\n", " "); h {
		case "":
		case "#":
			title = "#" + title // a numbered row: #1
		default:
			title = h + ": " + title
		}
		fmt.Fprintln(w, text.Wrap(title, width))
		for j := 1; j < len(row); j++ {
			if row[j] == "" {
				continue
			}
			key := strings.ReplaceAll(t.header[j], "\n", " ")
			item := t.recordKey + key + ": " + row[j]
			if key == "" {
				item = row[j]
			}
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(text.Wrap(item, width-4), "\n", "\n    "))
		}
	}
}

// widthFlag declares --width.
func widthFlag(fs *pflag.FlagSet, width *int) {
	fs.IntVar(width, "width", 0, fmt.Sprintf("the columns text tables and prose fit (default the terminal's, or %d when standard output is not a terminal)", defaultWidth))
}

// resolveWidth returns the width text output fits: --width if given, the
// terminal's when the result goes to one, defaultWidth otherwise.
func resolveWidth(flag int, stdout io.Writer, toFile bool) (int, error) {
	switch {
	case flag != 0 && (flag < minWidth || flag > maxWidth):
		return 0, usagef("--width %d: want %d … %d columns, or 0 for the terminal's", flag, minWidth, maxWidth)
	case flag != 0:
		return flag, nil
	}
	if f, ok := stdout.(*os.File); ok && !toFile && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w >= minWidth {
			return min(w, maxWidth), nil
		}
	}
	return defaultWidth, nil
}
