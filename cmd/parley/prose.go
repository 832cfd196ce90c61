package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/parley-sim/parley/internal/text"
)

// proseWriter lays out an account in prose — titles, headings,
// paragraphs, lists and tables — as text or Markdown, remembering the
// first write error.
type proseWriter struct {
	w        io.Writer
	markdown bool
	width    int      // the columns text output fits
	cells    *cellCSV // as CSV: the tables alone, under their headings
	section  string   // the last heading
	err      error
}

func (o *proseWriter) printf(format string, args ...any) {
	if o.err == nil && o.cells == nil {
		_, o.err = fmt.Fprintf(o.w, format, args...)
	}
}

func (o *proseWriter) title(s string) {
	if o.markdown {
		o.printf("## %s\n", s)
		return
	}
	s = text.Wrap(s, o.width)
	o.printf("%s\n%s\n", s, strings.Repeat("=", lineWidth(s)))
}

func (o *proseWriter) heading(s string) {
	o.section = s
	if o.markdown {
		o.printf("\n### %s\n", s)
		return
	}
	o.printf("\n%s\n%s\n", s, strings.Repeat("-", len([]rune(s))))
}

// para writes a paragraph, wrapped in text output.
func (o *proseWriter) para(s string) {
	if o.markdown {
		o.printf("\n%s\n", s)
		return
	}
	o.printf("\n%s\n", text.Wrap(s, proseWidth(o.width)))
}

// bullets writes a list, each item wrapped with a hanging indent in text output.
func (o *proseWriter) bullets(items []string) {
	o.printf("\n")
	for _, it := range items {
		if o.markdown {
			o.printf("- %s\n", it)
			continue
		}
		o.printf("  - %s\n", strings.ReplaceAll(text.Wrap(it, proseWidth(o.width)-4), "\n", "\n    "))
	}
}

// table writes a table whose headers may break into two lines ("\n"),
// which Markdown joins into one.
func (o *proseWriter) table(t *table) {
	o.printf("\n")
	switch {
	case o.err != nil:
		return
	case o.cells != nil:
		o.cells.add(o.section, t)
		return
	case !o.markdown:
		o.err = t.write(o.w, layout{"table", o.width})
		return
	}
	md := &table{rows: t.rows}
	for _, h := range t.header {
		md.header = append(md.header, strings.ReplaceAll(h, "\n", " "))
	}
	o.err = md.write(o.w, layout{format: "markdown"})
}

// newProseWriter returns a proseWriter for l.format: table, markdown or
// csv.
func newProseWriter(w io.Writer, l layout) *proseWriter {
	o := &proseWriter{w: w, markdown: l.format == "markdown", width: l.width}
	if o.width <= 0 {
		o.width = defaultWidth // a layout built without a width
	}
	if l.format == "csv" {
		o.cells = newCellCSV(w)
	}
	return o
}

// close flushes the CSV and returns the first error.
func (o *proseWriter) close() error {
	if o.cells != nil && o.err == nil {
		o.err = o.cells.flush()
	}
	return o.err
}
