package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/parley-sim/parley/internal/suggest"
	"github.com/spf13/pflag"
)

// outputFormat is the value of a --format flag: one of the formats a command
// supports, checked as the flag is parsed.
type outputFormat struct {
	name    string
	allowed []string
}

// String returns the chosen format.
func (f *outputFormat) String() string { return f.name }

// Type names the flag's value type in --help.
func (f *outputFormat) Type() string { return "string" }

// textAlias is the name trace and validate once gave the human format,
// still accepted for table.
const textAlias = "text"

// Set accepts one of the allowed formats, or text for table.
func (f *outputFormat) Set(s string) error {
	if s == textAlias && slices.Contains(f.allowed, "table") {
		s = "table"
	}
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("want one of %s%s", strings.Join(f.allowed, ", "), suggest.Hint(s, f.allowed))
	}
	f.name = s
	return nil
}

// formatFlag declares --format with the formats a command supports, the
// first being the default. Every command names the human format table
// (text is accepted for it) and lists the others in the order csv, json,
// markdown.
func formatFlag(fs *pflag.FlagSet, formats ...string) *outputFormat {
	f := &outputFormat{name: formats[0], allowed: formats}
	fs.VarP(f, "format", "f", "output format: "+strings.Join(formats, ", "))
	return f
}

// maxColumnWidth is where text tables wrap a cell, to fit a terminal.
const maxColumnWidth = 34

// table is a rendered-later grid of cells with a header row.
type table struct {
	header []string
	rows   [][]string
	// meaning is the explanatory column, the first to narrow or fold
	// into a list when the table does not fit; 0 for none.
	meaning int
	// noWrap says the cells are not to be wrapped to fit: a table that
	// does not fit is written as a list instead (a payoff matrix).
	noWrap bool
	// recordKey comes before each header in the list layout ("against ").
	recordKey string
	// bars is a column of text bars drawn for the terminal alone, never
	// wrapped: left out of Markdown and CSV, and of a text table it would
	// make wrap; 0 for none.
	bars int
}

// write renders the table as a text table fitting l.width, Markdown or
// CSV. A text table too wide for its grid, even with its cells wrapped, is
// written as a list.
func (t *table) write(w io.Writer, l layout) error {
	format := l.format
	if l.width <= 0 {
		l.width = defaultWidth // a layout built without a width
	}
	if t.bars > 0 && (format != "table" || !t.barsFit(l.width)) {
		t = t.without(t.bars)
	}
	if format == "table" {
		f, ok := t.fit(l.width)
		if !ok {
			t.writeRecords(w, l.width)
			return nil
		}
		if err := (&table{header: f.header, rows: f.rows}).render(w, format); err != nil {
			return err
		}
		f.writeFolded(w, l.width)
		return nil
	}
	return t.render(w, format)
}

// render writes the table as it is: a text grid, Markdown or CSV.
func (t *table) render(w io.Writer, format string) error {
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	}
	markdown := format == "markdown"
	header, rows := t.header, t.rows
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	if markdown {
		header, rows = markdownCells(header), make([][]string, len(t.rows))
		for i, row := range t.rows {
			rows[i] = markdownCells(row)
		}
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	tbl := tablewriter.NewTable(w, opts...)
	tbl.Header(header)
	if err := tbl.Bulk(rows); err != nil {
		return err
	}
	return tbl.Render()
}

// cellCSV writes tables as one long CSV with a row per cell: the table's
// title, the row's first cell, the column's header and the cell, for the
// commands whose tables differ in shape (game, explain). A partial
// result's rows end with a column partial, true.
type cellCSV struct {
	w       *csv.Writer
	partial bool
	started bool // the header is written
}

// cellHeader names the columns of a cellCSV.
var cellHeader = []string{"table", "row", "column", "value"}

func newCellCSV(w io.Writer) *cellCSV { return &cellCSV{w: csv.NewWriter(w)} }

// add writes every cell of t but the first column, which names the row.
func (c *cellCSV) add(title string, t *table) {
	c.header()
	for _, row := range t.rows {
		for j := 1; j < len(row); j++ {
			c.write(title, row[0], strings.ReplaceAll(t.header[j], "\n", " "), row[j])
		}
	}
}

// header writes the header row once, before the first cell.
func (c *cellCSV) header() {
	if c.started {
		return
	}
	c.started = true
	if c.partial {
		c.w.Write(append(slices.Clone(cellHeader), "partial"))
		return
	}
	c.w.Write(cellHeader)
}

// write writes a row of cells, with "true" after them in a partial result.
func (c *cellCSV) write(cells ...string) {
	if c.partial {
		cells = append(cells, "true")
	}
	c.w.Write(cells)
}

// flush writes what is buffered and returns the first error.
func (c *cellCSV) flush() error {
	c.header()
	c.w.Flush()
	return c.w.Error()
}

// markdownCells returns the cells made safe in a Markdown table.
func markdownCells(cells []string) []string {
	out := make([]string, len(cells))
	for j, cell := range cells {
		out[j] = markdownCell(cell)
	}
	return out
}

// markdownCell makes text safe in a Markdown table cell: a | would start
// a new column and a line break a new row.
func markdownCell(s string) string {
	if !strings.ContainsAny(s, "|\r\n") {
		return s
	}
	return strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ").Replace(s)
}

// writeJSON writes v as indented JSON. An object gets parley's version
// as its first field, "version"; an array stays as it is.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	data := buf.Bytes()
	if len(data) > 1 && data[0] == '{' {
		if _, stamped := v.(buildVersion); !stamped {
			ver, _ := json.Marshal(readVersion().Version)
			sep := ","
			if data[1] == '}' {
				sep = ""
			}
			data = append([]byte(`{"version":`+string(ver)+sep), data[1:]...)
		}
	}
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return err
	}
	_, err := w.Write(out.Bytes())
	return err
}
