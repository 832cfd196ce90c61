package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFitsWidth checks that no line of any command's table format is
// longer than --width, at the default 80 and narrower and wider, on
// muscat and on the scenarios with the longest names and tables.
func TestFitsWidth(t *testing.T) {
	cases := [][]string{
		{"run", "muscat", "--episodes", "500"},
		{"compare", "muscat", "--episodes", "500", "--versus", "iran=comprehensive-only/boulware"},
		{"game", "muscat", "--episodes", "100", "--bootstrap", "5", "--dynamics"},
		{"explain", "muscat"},
		{"explain", "vienna-2021"},
		{"trace", "muscat", "--seed", "1", "--episode", "14"},
		{"scenarios"},
		{"backtest", "jpoa-2013", "--episodes", "500"},
		{"equilibria", "testdata/nfg/meeting.nfg"},
		{"equilibria", "testdata/nfg/entry.nfg"},
	}
	for _, width := range []int{0, 40, 60, 100, 140} {
		for _, args := range cases {
			if width != 0 {
				args = append(slices.Clone(args), "--width", fmt.Sprint(width))
			}
			want := width
			if want == 0 {
				want = defaultWidth
			}
			stdout, stderr, code := invoke(args...)
			if code != exitOK {
				t.Fatalf("parley %s: exit %d: %s", strings.Join(args, " "), code, stderr)
			}
			for i, line := range strings.Split(stdout, "\n") {
				if n := utf8.RuneCountInString(line); n > want {
					t.Errorf("parley %s: line %d has %d columns, more than %d:\n%s", strings.Join(args, " "), i+1, n, want, line)
					break
				}
			}
		}
	}
}

// TestHelpFits checks that no line of any command's --help, or of the
// command list, is longer than 80 columns.
func TestHelpFits(t *testing.T) {
	lists := [][]string{{"--help"}}
	for _, c := range commands {
		lists = append(lists, []string{c.name, "--help"})
	}
	for _, args := range lists {
		help, _, _ := invoke(args...)
		for _, line := range strings.Split(help, "\n") {
			if n := utf8.RuneCountInString(line); n > helpWidth {
				t.Errorf("parley %s: a line of %d columns:\n%s", strings.Join(args, " "), n, line)
			}
		}
	}
}

// TestFitFoldsMeaningFirst checks the order in which a table gives up
// width: the explanatory column narrows, then folds under the table, and
// only then do the other columns wrap; a noWrap table becomes a list.
func TestFitFoldsMeaningFirst(t *testing.T) {
	tbl := &table{header: []string{"", "estimate", "meaning"}, meaning: 2, rows: [][]string{
		{"first", "0.5", "what the first figure is, in a sentence long enough to wrap"},
		{"second", "0.25", "the second"},
	}}
	tests := []struct {
		width  int
		folded bool
		want   string // a line the output must hold
	}{
		{100, false, "│ first  │ 0.5      │ what the first figure is, in a │"}, // cells wrap at maxColumnWidth, 34
		{50, false, "│ first  │ 0.5      │ what the first figure is, │"},       // 50 − the other columns' 23 leaves 27 ≥ minMeaning
		{40, true, "  first: what the first figure is, in\n"},                  // 17 < minMeaning: folded, wrapped at 40 − 4
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := tbl.write(&b, layout{"table", tt.width}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, tt.want) {
			t.Errorf("width %d: output lacks %q:\n%s", tt.width, tt.want, out)
		}
		if folded := strings.Contains(out, "  second: the second"); folded != tt.folded {
			t.Errorf("width %d: folded %v, want %v:\n%s", tt.width, folded, tt.folded, out)
		}
	}
	matrix := &table{header: []string{"a \\ b", "left", "right"}, noWrap: true, recordKey: "against b ",
		rows: [][]string{{"up", "0.100 ± 0.010 / 0.200 ± 0.020", "0.300 ± 0.030 / 0.400 ± 0.040"}}}
	var b strings.Builder
	if err := matrix.write(&b, layout{"table", 60}); err != nil {
		t.Fatal(err)
	}
	want := "a \\ b: up\n  against b left: 0.100 ± 0.010 / 0.200 ± 0.020\n  against b right: 0.300 ± 0.030 / 0.400 ± 0.040\n"
	if b.String() != want {
		t.Errorf("a matrix too wide for 60 columns:\n%s\nwant the list\n%s", b.String(), want)
	}
}

// TestResolveWidth checks where the width comes from: --width when given,
// 80 when standard output is not a terminal (a buffer, a file, --out), and
// a usage error out of range; fit_pty_test.go checks a terminal's width.
func TestResolveWidth(t *testing.T) {
	var buf strings.Builder
	tests := []struct {
		flag   int
		toFile bool
		want   int
		ok     bool
	}{
		{0, false, defaultWidth, true},
		{0, true, defaultWidth, true},
		{120, false, 120, true},
		{minWidth, true, minWidth, true},
		{minWidth - 1, false, 0, false},
		{maxWidth + 1, false, 0, false},
	}
	for _, tt := range tests {
		got, err := resolveWidth(tt.flag, &buf, tt.toFile)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("resolveWidth(%d, buffer, %v) = %d, %v; want %d, ok %v", tt.flag, tt.toFile, got, err, tt.want, tt.ok)
		}
	}
}
