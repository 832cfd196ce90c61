package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/pflag"
)

// formatFlag declares --format with the formats a command supports, the
// first being the default.
func formatFlag(fs *pflag.FlagSet, formats ...string) *string {
	return fs.StringP("format", "f", formats[0], "output format: "+strings.Join(formats, ", "))
}

// checkFormat reports a --format value the command does not support.
func checkFormat(got string, formats ...string) error {
	for _, f := range formats {
		if got == f {
			return nil
		}
	}
	return usagef("--format %q: want one of %s", got, strings.Join(formats, ", "))
}

// table is a rendered-later grid of cells with a header row.
type table struct {
	header []string
	rows   [][]string
}

// write renders the table as a text table, Markdown or CSV.
func (t *table) write(w io.Writer, format string) error {
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	if format == "markdown" {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	tbl := tablewriter.NewTable(w, opts...)
	tbl.Header(t.header)
	if err := tbl.Bulk(t.rows); err != nil {
		return err
	}
	return tbl.Render()
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
