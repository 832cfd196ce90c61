package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// checkGridMatches fails t unless writeGrid draws header and rows exactly
// as tablewriter does, as a text grid and as Markdown.
func checkGridMatches(t *testing.T, header []string, rows [][]string) {
	t.Helper()
	if !plainGrid(header, rows) {
		t.Fatalf("not a plain grid: %q %q", header, rows)
	}
	for _, markdown := range []bool{false, true} {
		var got, want bytes.Buffer
		if err := writeGrid(&got, markdown, header, rows); err != nil {
			t.Fatal(err)
		}
		if err := writeTablewriter(&want, markdown, header, rows); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("markdown %v, header %q, rows %q:\n%s", markdown, header, rows, lineDiff(want.String(), got.String()))
		}
	}
}

// TestGridMatchesTablewriter checks writeGrid against tablewriter on
// tables chosen for their edges.
func TestGridMatchesTablewriter(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		rows   [][]string
	}{
		{"one cell", []string{"a"}, [][]string{{"b"}}},
		{"empty cells", []string{"#", "", "c"}, [][]string{{"1", "", ""}, {"", "", "x"}}},
		{"empty column", []string{"", "b"}, [][]string{{"", "1"}}},
		{"multi-line header", []string{"value to\nIran", "ratio"}, [][]string{{"1", "2/3"}}},
		{"multi-line cells", []string{"#", "1", "2"}, [][]string{{"1", "1=28/29\n4=1/29", "1=7/32\n2=25/32\n3=1"}, {"2", "x", "y"}}},
		{"inner spaces", []string{"a b", "c  d"}, [][]string{{"x y z", "1 , 2"}}},
		{"punctuation", []string{"|", "\\"}, [][]string{{`a\|b`, "~!@#$%^&*()_+{}[]:;'<>?,./\""}}},
		{"wide", []string{"h"}, [][]string{{strings.Repeat("w", 200)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkGridMatches(t, tt.header, tt.rows) })
	}
}

// TestGridMatchesTablewriterRandom checks writeGrid against tablewriter
// on random plain tables (a fixed seed, so a failure repeats).
func TestGridMatchesTablewriterRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "ab1=/|-x"
		b := make([]byte, 1+rng.IntN(6))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	cell := func() string {
		if rng.IntN(5) == 0 {
			return ""
		}
		var lines []string
		for range 1 + rng.IntN(3) {
			var words []string
			for range 1 + rng.IntN(3) {
				words = append(words, word())
			}
			lines = append(lines, strings.Join(words, " "))
		}
		return strings.Join(lines, "\n")
	}
	for range 300 {
		cols := 1 + rng.IntN(6)
		header := make([]string, cols)
		for j := range header {
			header[j] = cell()
		}
		rows := make([][]string, 1+rng.IntN(5))
		for i := range rows {
			rows[i] = make([]string, cols)
			for j := range rows[i] {
				rows[i][j] = cell()
			}
		}
		checkGridMatches(t, header, rows)
		if t.Failed() {
			return
		}
	}
}

// TestPlainCell checks which cells writeGrid draws itself; the others go
// to tablewriter.
func TestPlainCell(t *testing.T) {
	tests := []struct {
		cell  string
		plain bool
	}{
		{"", true},
		{"a", true},
		{"a b\nc", true},
		{" a", false},    // tablewriter trims
		{"a ", false},    // tablewriter trims
		{"a \nb", false}, // a line ending in a space
		{"a\n b", false}, // a line starting with a space
		{"a\n\nb", false},
		{"a\n", false},
		{"\na", false},
		{"a\tb", false},            // tablewriter expands tabs
		{"δ = 0.9", false},         // wide in East Asian locales
		{"\x1b[1ma\x1b[0m", false}, // ANSI
	}
	for _, tt := range tests {
		if got := plainCell(tt.cell); got != tt.plain {
			t.Errorf("plainCell(%q) = %v, want %v", tt.cell, got, tt.plain)
		}
	}
	if plainGrid([]string{"a", "b"}, [][]string{{"1"}}) {
		t.Error("plainGrid accepts a row shorter than the header")
	}
	if plainGrid([]string{"a"}, nil) {
		t.Error("plainGrid accepts a table without rows")
	}
}

// TestGridEastAsian checks that a table is left to tablewriter where it
// counts box-drawing characters two columns wide, and drawn the same.
func TestGridEastAsian(t *testing.T) {
	if twwidth.IsEastAsian() {
		t.Skip("the environment sets East Asian widths already: every golden test checks them")
	}
	twwidth.SetOptions(twwidth.Options{EastAsianWidth: true})
	defer twwidth.SetOptions(twwidth.Options{})
	if narrowBorders() {
		t.Fatal("narrowBorders in East Asian width")
	}
	tbl := &table{header: []string{"#", "a"}, rows: [][]string{{"1", "x y"}}}
	var got, want, grid bytes.Buffer
	if err := tbl.render(&got, "table"); err != nil {
		t.Fatal(err)
	}
	writeTablewriter(&want, false, tbl.header, tbl.rows)
	writeGrid(&grid, false, tbl.header, tbl.rows)
	if got.String() != want.String() || got.String() == grid.String() {
		t.Errorf("got\n%s\nwant tablewriter's\n%s\nnot\n%s", &got, &want, &grid)
	}
}
