package main

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// boxSymbols are the characters writeGrid draws a text grid with.
const boxSymbols = "┌┬┐├┼┤└┴┘─│"

// narrowBorders reports whether tablewriter counts each box-drawing
// character one column wide, as writeGrid does: not in an East Asian
// locale on a terminal it does not know to draw them narrow, where its
// rules come out shorter.
func narrowBorders() bool {
	return twwidth.Width(boxSymbols) == utf8.RuneCountInString(boxSymbols)
}

// plainGrid reports whether header and rows can be drawn by writeGrid
// exactly as tablewriter draws them: as many cells in every row as in the
// header, at least one row, every cell printable ASCII (so its width is
// its length) in lines that are not empty and neither start nor end with
// a space, or an empty cell. Anything else (a wide or combining rune, an
// ANSI sequence, a tab, white space tablewriter would trim) is left to
// tablewriter.
func plainGrid(header []string, rows [][]string) bool {
	if len(header) == 0 || len(rows) == 0 {
		return false
	}
	for _, row := range rows {
		if len(row) != len(header) {
			return false
		}
		for _, cell := range row {
			if !plainCell(cell) {
				return false
			}
		}
	}
	for _, cell := range header {
		if !plainCell(cell) {
			return false
		}
	}
	return true
}

// plainCell reports whether s is empty or lines of printable ASCII, each
// neither empty nor starting or ending with a space.
func plainCell(s string) bool {
	prev := byte('\n') // the byte before s[i]: a line starts after '\n'
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			if prev == '\n' || prev == ' ' {
				return false
			}
		case c == ' ':
			if prev == '\n' {
				return false
			}
		case c < 0x20 || c > 0x7e:
			return false
		}
		prev = c
	}
	return len(s) == 0 || prev != ' ' && prev != '\n'
}

// writeGrid draws a plain table (see plainGrid) as tablewriter's default
// renderer does with every cell aligned left: light box-drawing borders,
// a rule under the header, one space of padding each side of a cell, the
// lines of a multi-line cell on lines of their own; or, for markdown, as
// its Markdown renderer does. It writes the table in one Write.
func writeGrid(w io.Writer, markdown bool, header []string, rows [][]string) error {
	widths := make([]int, len(header))
	measure := func(cells []string) {
		for j, cell := range cells {
			for line := range strings.SplitSeq(cell, "\n") {
				widths[j] = max(widths[j], len(line))
			}
		}
	}
	measure(header)
	for _, row := range rows {
		measure(row)
	}
	size := 0
	for _, c := range widths {
		size += c + 3
	}
	var b []byte
	if markdown {
		for j := range widths {
			widths[j] = max(widths[j], 1) // a cell is at least 3 wide: " x "
		}
		b = make([]byte, 0, (size+2)*(len(rows)+2))
		b = gridLine(b, widths, header, "|", "|", "|")
		b = append(b, '|')
		for _, c := range widths {
			b = append(b, ':')
			b = appendRepeat(b, "-", c+1)
			b = append(b, '|')
		}
		b = append(b, '\n')
		for _, row := range rows {
			b = gridLine(b, widths, row, "|", "|", "|")
		}
	} else {
		b = make([]byte, 0, (3*size+4)*(len(rows)+4))
		b = gridRule(b, widths, "┌", "┬", "┐")
		b = gridLine(b, widths, header, "│", "│", "│")
		b = gridRule(b, widths, "├", "┼", "┤")
		for _, row := range rows {
			b = gridLine(b, widths, row, "│", "│", "│")
		}
		b = gridRule(b, widths, "└", "┴", "┘")
	}
	_, err := w.Write(b)
	return err
}

// gridRule appends a horizontal rule of the grid: left, then a run of ─
// as wide as each padded column with mid between them, then right.
func gridRule(b []byte, widths []int, left, mid, right string) []byte {
	b = append(b, left...)
	for j, c := range widths {
		if j > 0 {
			b = append(b, mid...)
		}
		b = appendRepeat(b, "─", c+2)
	}
	b = append(b, right...)
	return append(b, '\n')
}

// gridLine appends the lines of one row of cells, each cell padded to
// its column's width, as many lines as its tallest cell has.
func gridLine(b []byte, widths []int, cells []string, left, mid, right string) []byte {
	var rest [16]string // the lines still to write of each cell, for most tables
	more := rest[:0]
	if len(cells) > len(rest) {
		more = make([]string, 0, len(cells))
	}
	more = append(more, cells...)
	for {
		b = append(b, left...)
		again := false
		for j, c := range widths {
			if j > 0 {
				b = append(b, mid...)
			}
			line, tail, found := strings.Cut(more[j], "\n")
			more[j] = tail
			again = again || found
			b = append(b, ' ')
			b = append(b, line...)
			b = appendRepeat(b, " ", c-len(line)+1)
		}
		b = append(b, right...)
		b = append(b, '\n')
		if !again {
			return b
		}
	}
}

// appendRepeat appends n copies of s.
func appendRepeat(b []byte, s string, n int) []byte {
	for range n {
		b = append(b, s...)
	}
	return b
}
