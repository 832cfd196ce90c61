package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// cheapArgs runs each command that writes a result on a small input.
var cheapArgs = map[string][]string{
	"run":        {"run", "rubinstein", "--episodes", "10"},
	"compare":    {"compare", "rubinstein", "--episodes", "10", "--versus", "first=comprehensive-only/linear"},
	"game":       {"game", "rubinstein", "--episodes", "10", "--bootstrap", "0"},
	"backtest":   {"backtest", "islamabad-2026", "--episodes", "10"},
	"explain":    {"explain", "rubinstein"},
	"trace":      {"trace", "rubinstein"},
	"scenarios":  {"scenarios"},
	"lessons":    {"lessons", "1"},
	"show":       {"show", "rubinstein"},
	"validate":   {"validate", "rubinstein"},
	"equilibria": {"equilibria", "testdata/nfg/meeting.nfg"},
	"completion": {"completion", "bash"},
	"version":    {"version"},
	"sweep":      {"sweep", "rubinstein", "--episodes", "10", "--param", "actors.first.discount=0.8,0.9"},
	"merge":      {"merge", "testdata/shards/rubinstein-1.json", "testdata/shards/rubinstein-2.json"},
	"discover": {"discover", "rubinstein", "--episodes", "10", "--samples", "20", "--where", "outcomes.comprehensive.p >= 1",
		"--range", "actors.first.discount=0.5:0.9"},
}

// TestOutEverywhere checks that every command that writes a result takes
// --out: the file gets exactly what standard output would, standard output
// nothing; and --out - is standard output.
func TestOutEverywhere(t *testing.T) {
	for _, c := range commands {
		if !c.writes {
			continue
		}
		args, ok := cheapArgs[c.name]
		if !ok {
			t.Errorf("%s writes a result but the test has no arguments for it", c.name)
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			want, stderr, code := invoke(args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			out := filepath.Join(t.TempDir(), "result")
			stdout, stderr, code := invoke(append(slices.Clone(args), "--out", out)...)
			if code != exitOK || stdout != "" {
				t.Fatalf("--out: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if got, err := os.ReadFile(out); err != nil || string(got) != want {
				t.Errorf("--out file holds %q (%v); want standard output's %q", got, err, want)
			}
			if got, _, _ := invoke(append(slices.Clone(args), "--out", "-")...); got != want {
				t.Errorf("--out - printed %q; want %q", got, want)
			}
		})
	}
}

// TestFormatVocabulary checks that every command with a human format
// calls it table, accepts text for it, and offers CSV beside it when it
// prints tables.
func TestFormatVocabulary(t *testing.T) {
	noTables := map[string]bool{"version": true} // one line
	for _, c := range commands {
		help, _, _ := invoke(c.name, "--help")
		switch {
		case c.name == "show" || c.name == "completion" || c.name == "serve":
			continue // a scenario file, a script, a web page
		case !strings.Contains(help, "output format: table"):
			t.Errorf("%s --help does not offer table first:\n%s", c.name, help)
		case !noTables[c.name] && !strings.Contains(help, "output format: table, csv"):
			t.Errorf("%s --help does not offer csv beside table:\n%s", c.name, help)
		}
		args, ok := cheapArgs[c.name]
		if !ok {
			continue
		}
		table, _, code := invoke(append(slices.Clone(args), "--format", "table")...)
		text, _, code2 := invoke(append(slices.Clone(args), "--format", "text")...)
		if code != exitOK || code2 != exitOK || table != text {
			t.Errorf("%s: --format text (exit %d) differs from --format table (exit %d)", c.name, code2, code)
		}
	}
}

// TestGlossary checks that docs/glossary.md defines the terms the output
// uses, and that every command's help and the trace account point to it.
func TestGlossary(t *testing.T) {
	doc, err := os.ReadFile(glossaryPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range []string{"Aspiration", "Pareto frontier", "Value of no deal", "ZOPA", "Nash point",
		"Kalai–Smorodinsky", "Reservation value", "Interim deal", "Comprehensive deal", "Ratification",
		"Reneging", "Utopia point", "Disagreement point", "Red line", "Discount factor", "Escalation"} {
		if !regexp.MustCompile(`\*\*[^*]*` + regexp.QuoteMeta(term) + `[^*]*\*\*`).Match(doc) {
			t.Errorf("%s does not define %q", glossaryPath, term)
		}
	}
	for _, c := range commands {
		if help, _, _ := invoke(c.name, "--help"); !strings.Contains(help, glossaryPath) {
			t.Errorf("parley %s --help does not point to %s", c.name, glossaryPath)
		}
	}
	for _, format := range []string{"table", "markdown"} {
		if story, _, _ := invoke("trace", "rubinstein", "--format", format); !strings.Contains(story, glossaryPath) {
			t.Errorf("trace --format %s does not point to %s", format, glossaryPath)
		}
	}
}
