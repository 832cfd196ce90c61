package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// TestMain runs the tests from the repository root, so that the paths in
// commands and in their output read as a user at the root would type them.
// With childArgs in its environment, the test binary is parley itself, for
// tests that need a real process (see TestInterruptKeepsWork).
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(childArgs); ok {
		os.Exit(run(strings.Split(args, "\n"), os.Stdout, os.Stderr))
	}
	flag.Parse()
	if err := os.Chdir("../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// result is what one parley invocation did, as a golden file records it.
func invoke(args ...string) (stdout, stderr string, code int) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func transcript(args []string) string {
	stdout, stderr, code := invoke(args...)
	return fmt.Sprintf("$ parley %s\n# exit %d\n# stdout\n%s# stderr\n%s", strings.Join(args, " "), code, stdout, stderr)
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/parley -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/parley -update after checking the change):\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n   got %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}

func TestCommandsGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		code   int
	}{
		{"help", []string{"--help"}, exitOK},
		{"no-arguments", []string{}, exitUsage},
		{"unknown-command", []string{"simulate"}, exitUsage},
		{"misspelled-command", []string{"runn"}, exitUsage},                                             // did you mean run?
		{"misspelled-flag", []string{"run", "--episdoes", "10"}, exitUsage},                             // did you mean --episodes?
		{"misspelled-scenario", []string{"run", "muscatt"}, exitFail},                                   // did you mean muscat?
		{"capitalized-scenario", []string{"explain", "Muscat"}, exitFail},                               // did you mean muscat?
		{"embedded-name-as-file", []string{"run", "muscat.yaml"}, exitFail},                             // the embedded muscat exists
		{"misspelled-file", []string{"validate", "scenarios/muscatt.yaml"}, exitFail},                   // did you mean scenarios/muscat.yaml?
		{"misspelled-strategy", []string{"run", "--strategy", "iran=interim-frist/boulwar"}, exitUsage}, // did you mean interim-first?
		{"misspelled-actor", []string{"trace", "--strategy", "irna=interim-first/boulware"}, exitUsage}, // did you mean iran?
		{"misspelled-format", []string{"scenarios", "--format", "jsno"}, exitUsage},                     // did you mean json?
		{"scenarios", []string{"scenarios"}, exitOK},
		{"scenarios-json", []string{"scenarios", "--format", "json"}, exitOK},
		{"scenarios-markdown", []string{"scenarios", "--format", "markdown"}, exitOK},
		{"scenarios-bad-format", []string{"scenarios", "--format", "xml"}, exitUsage},
		{"scenarios-help", []string{"scenarios", "--help"}, exitOK},
		{"lessons", []string{"lessons"}, exitOK},
		{"lessons-json", []string{"lessons", "--format", "json"}, exitOK},
		{"lessons-csv", []string{"lessons", "--format", "csv"}, exitOK},
		{"lessons-help", []string{"lessons", "--help"}, exitOK},
		{"lessons-unknown", []string{"lessons", "patienc"}, exitFail},                  // did you mean patience?
		{"lessons-two", []string{"lessons", "1", "2"}, exitUsage},                      // one lesson at a time
		{"lessons-files-without-lesson", []string{"lessons", "--files"}, exitUsage},    // --files needs a lesson
		{"lessons-one-csv", []string{"lessons", "zopa", "--format", "csv"}, exitUsage}, // a page is not a table
		{"validate-help", []string{"validate", "-h"}, exitOK},
		{"validate-shipped", []string{"validate", "scenarios/muscat.yaml", "rubinstein"}, exitOK},
		{"validate-no-files", []string{"validate"}, exitUsage},
		{"validate-missing-file", []string{"validate", "no/such/file.yaml"}, exitFail},
		{"validate-json", []string{"validate", "--format", "json", "testdata/invalid/many-errors.yaml", "rubinstein"}, exitFail},
		{"show-help", []string{"show", "--help"}, exitOK},
		{"show-rubinstein", []string{"show", "rubinstein"}, exitOK},
		{"show-rubinstein-json", []string{"show", "rubinstein", "--format", "json"}, exitOK},
		{"show-unknown", []string{"show", "atlantis"}, exitFail},
		{"show-bad-flag", []string{"show", "--seed", "3"}, exitUsage},
		{"explain-help", []string{"explain", "--help"}, exitOK},
		{"explain-muscat", []string{"explain", "muscat"}, exitOK},
		{"explain-rubinstein-json", []string{"explain", "rubinstein", "--format", "json"}, exitOK},
		{"explain-no-zopa-markdown", []string{"explain", "no-zopa", "--format", "markdown"}, exitOK}, // no ZOPA
		{"explain-vienna-2021", []string{"explain", "vienna-2021"}, exitOK},                          // clashing red lines
		{"explain-two-scenarios", []string{"explain", "muscat", "rubinstein"}, exitUsage},
		{"explain-bad-format", []string{"explain", "--format", "yaml"}, exitUsage},
		{"explain-unknown", []string{"explain", "atlantis"}, exitFail},
		{"trace-help", []string{"trace", "--help"}, exitOK},
		{"trace-muscat", []string{"trace", "muscat", "--seed", "1"}, exitOK},
		{"trace-muscat-deal", []string{"trace", "muscat", "--seed", "1", "--episode", "14"}, exitOK},                               // bridging, ratification, a deal that holds
		{"trace-muscat-interim", []string{"trace", "muscat", "--episode", "154", "--strategy", "us=interim-first/linear"}, exitOK}, // renewal, void, pause, reneging, detection
		{"trace-jpoa-markdown", []string{"trace", "jpoa-2013", "--seed", "3", "--episode", "5", "--format", "markdown"}, exitOK},
		{"trace-rubinstein-json", []string{"trace", "rubinstein", "--format", "json"}, exitOK},
		{"trace-rubinstein-csv", []string{"trace", "rubinstein", "--format", "csv"}, exitOK},
		{"trace-bad-episode", []string{"trace", "muscat", "--episode", "-1"}, exitUsage},
		{"trace-muscat-outcome-interim", []string{"trace", "muscat", "--outcome", "interim"}, exitOK},        // the first interim deal of seed 1
		{"trace-muscat-strike-then-deal", []string{"trace", "muscat", "--find", "strike-then-deal"}, exitOK}, // a strike, a ceasefire, resumed talks and a later deal
		{"trace-jpoa-interim-then-comprehensive", []string{"trace", "jpoa-2013", "--find", "interim-then-comprehensive"}, exitOK},
		{"trace-find-none", []string{"trace", "rubinstein", "--outcome", "interim", "--search", "100"}, exitFail}, // one issue: no interim deal
		{"trace-bad-find", []string{"trace", "--find", "renegde"}, exitUsage},
		{"trace-not-a-principal", []string{"trace", "muscat", "--strategy", "oman=interim-first/linear"}, exitUsage},
		{"trace-unknown", []string{"trace", "atlantis"}, exitFail},
		{"run-help", []string{"run", "--help"}, exitOK},
		{"run-rubinstein", []string{"run", "rubinstein", "--episodes", "100"}, exitOK},
		{"run-muscat", []string{"run", "muscat", "--episodes", "2000"}, exitOK},                                              // 80 columns: explanations folded under the tables
		{"run-muscat-wide", []string{"run", "muscat", "--episodes", "2000", "--width", "140"}, exitOK},                       // wide enough for the explanations in the tables
		{"game-muscat-narrow", []string{"game", "muscat", "--episodes", "100", "--bootstrap", "5", "--width", "60"}, exitOK}, // every table as a list
		{"run-bad-width", []string{"run", "--width", "10"}, exitUsage},
		{"run-set-misspelled", []string{"run", "--set", "actors.iran.discout=0.9"}, exitUsage},                                   // did you mean actors.iran.discount?
		{"run-set-out-of-range", []string{"run", "--set", "actors.iran.discount=1.5"}, exitUsage},                                // a discount is in (0, 1]
		{"run-set-not-a-number", []string{"run", "--set", "actors.iran.discount=high"}, exitUsage},                               // PATH=VALUE
		{"run-set-twice", []string{"run", "--set", "actors.iran.discount=0.9", "--set", "actors.iran.discount=0.95"}, exitUsage}, // which one?
		{"explain-rubinstein-set", []string{"explain", "rubinstein", "--set", "actors.second.discount=0.95"}, exitOK},            // Rubinstein's share falls to 0.345
		{"compare-versus-set", []string{"compare", "muscat", "--episodes", "1000", "--set", "actors.iran.discount=0.95", "--versus-set", "actors.iran.discount=0.99"}, exitOK},
		{"trace-set", []string{"trace", "rubinstein", "--set", "actors.first.discount=0.5", "--format", "json"}, exitOK},
		{"run-muscat-json", []string{"run", "muscat", "--episodes", "2000", "--seed", "7", "--format", "json"}, exitOK},
		{"run-jpoa-markdown", []string{"run", "jpoa-2013", "--episodes", "2000", "--format", "markdown"}, exitOK},
		{"run-jpoa-csv", []string{"run", "jpoa-2013", "--episodes", "2000", "--format", "csv"}, exitOK},
		{"run-strategy", []string{"run", "muscat", "--episodes", "2000", "--strategy", "iran=interim-first/conceder", "--strategy", "us=comprehensive-only/linear"}, exitOK},
		{"run-bad-strategy", []string{"run", "--strategy", "iran=patient/boulware"}, exitUsage},
		{"run-not-a-principal", []string{"run", "--strategy", "oman=interim-first/linear"}, exitUsage},
		{"compare-versus-not-a-principal", []string{"compare", "--versus", "majlis=interim-first/linear"}, exitUsage},
		{"run-bad-episodes", []string{"run", "--episodes", "0"}, exitUsage},
		{"run-two-scenarios", []string{"run", "muscat", "rubinstein"}, exitUsage},
		{"compare-help", []string{"compare", "--help"}, exitOK},
		{"backtest-help", []string{"backtest", "--help"}, exitOK},
		{"backtest-jpoa", []string{"backtest", "jpoa-2013", "--episodes", "2000"}, exitOK},
		{"backtest-muscat-json", []string{"backtest", "muscat", "--episodes", "1000", "--format", "json"}, exitOK},
		{"backtest-vienna-csv", []string{"backtest", "vienna-2021", "--episodes", "1000", "--window", "6", "--format", "csv"}, exitOK},
		{"backtest-islamabad-markdown", []string{"backtest", "islamabad-2026", "--episodes", "1000", "--format", "markdown"}, exitOK},
		{"backtest-variant", []string{"backtest", "muscat-hindsight", "--history", "scenarios/history/muscat.yaml", "--episodes", "1000"}, exitOK},
		{"backtest-no-history", []string{"backtest", "rubinstein"}, exitUsage},
		{"backtest-broken-history", []string{"backtest", "jpoa-2013", "--history", "testdata/history/broken.yaml"}, exitFail},
		{"backtest-other-start", []string{"backtest", "muscat", "--history", "scenarios/history/jpoa-2013.yaml", "--episodes", "10"}, exitFail},
		{"backtest-bad-window", []string{"backtest", "jpoa-2013", "--window", "-1"}, exitUsage},
		{"compare-strategies", []string{"compare", "muscat", "--episodes", "2000", "--versus", "iran=comprehensive-only/boulware"}, exitOK},
		{"compare-scenarios-csv", []string{"compare", "muscat", "--episodes", "2000", "--versus-scenario", "hawkish-congress", "--format", "csv"}, exitOK},
		{"compare-json", []string{"compare", "jpoa-2013", "--episodes", "1000", "--versus", "us=comprehensive-only/linear", "--format", "json"}, exitOK},
		{"compare-three-arms", []string{"compare", "muscat", "--episodes", "2000", "--versus", "us=comprehensive-only/linear", "--arm", "us=step-by-step/linear,scenario=jpoa-2013", "--metrics", "outcomes,paths.upgrade,utilities"}, exitOK},
		{"compare-nothing", []string{"compare", "muscat"}, exitUsage},
		{"sweep-grid", []string{"sweep", "muscat", "--episodes", "200", "--param", "actors.iran.discount=0.95,0.98,0.995", "--param", "actors.oman.credibility=0.3:0.9:3"}, exitOK},
		{"sweep-grid-csv", []string{"sweep", "rubinstein", "--episodes", "10", "--param", "actors.first.discount=0.8,0.9", "--format", "csv", "--metrics", "outcomes"}, exitOK},
		{"sweep-jsonl", []string{"sweep", "rubinstein", "--episodes", "10", "--param", "actors.first.discount=0.8,0.9", "--format", "jsonl"}, exitOK},
		{"sweep-sobol", []string{"sweep", "muscat", "--episodes", "100", "--design", "sobol", "--samples", "8", "--bootstrap", "100", "--metrics", "paths.deal",
			"--range", "actors.iran.discount=0.9:0.995", "--range", "actors.oman.credibility=0.3:0.95", "--range", "actors.us.reneging.guarantee_protection=0:1"}, exitOK},
		{"sweep-list-params", []string{"sweep", "--list-params", "rubinstein"}, exitOK},
		{"sweep-unknown-field", []string{"sweep", "rubinstein", "--param", "actors.first.discont=0.9"}, exitUsage},
		{"sweep-invalid-value", []string{"sweep", "rubinstein", "--param", "actors.first.discount=1.5"}, exitUsage},
		{"sweep-nothing", []string{"sweep", "rubinstein"}, exitUsage},
		{"discover", []string{"discover", "muscat", "--episodes", "100", "--samples", "60", "--where", "paths.deal.p >= 0.45",
			"--range", "actors.iran.discount=0.9:0.995", "--range", "actors.us.discount=0.9:0.995", "--format", "markdown"}, exitOK},
		{"discover-bad-condition", []string{"discover", "muscat", "--where", "deal is likely"}, exitUsage},
		{"compare-other-principals", []string{"compare", "muscat", "--episodes", "10", "--versus-scenario", "rubinstein"}, exitFail},
		{"equilibria-help", []string{"equilibria", "--help"}, exitOK},
		{"equilibria-huge-json", []string{"equilibria", "testdata/nfg/huge.nfg", "--format", "json"}, exitOK},               // payoffs beyond float64: null, exact strings hold them
		{"equilibria-meeting", []string{"equilibria", "testdata/nfg/meeting.nfg"}, exitOK},                                  // nondegenerate: 2 pure + 1 mixed
		{"equilibria-meeting-markdown", []string{"equilibria", "testdata/nfg/meeting.nfg", "--format", "markdown"}, exitOK}, // same, Markdown
		{"equilibria-entry", []string{"equilibria", "testdata/nfg/entry.nfg"}, exitOK},                                      // degenerate: a continuum
		{"equilibria-entry-json", []string{"equilibria", "testdata/nfg/entry.nfg", "--format", "json"}, exitOK},
		{"equilibria-malformed", []string{"equilibria", "testdata/nfg/truncated.nfg"}, exitFail},
		{"equilibria-missing-file", []string{"equilibria", "no/such/game.nfg"}, exitFail},
		{"equilibria-no-file", []string{"equilibria"}, exitUsage},
		{"equilibria-bad-format", []string{"equilibria", "testdata/nfg/meeting.nfg", "--format", "yaml"}, exitUsage},
		{"game-help", []string{"game", "--help"}, exitOK},
		{"game-muscat", []string{"game", "muscat", "--episodes", "400", "--bootstrap", "20"}, exitOK},
		{"game-muscat-json", []string{"game", "muscat", "--episodes", "200", "--bootstrap", "10", "--format", "json",
			"--strategies", "iran=step-by-step/boulware,hold-out/boulware", "--strategies", "us=interim-first/conceder,comprehensive-only/fixed"}, exitOK},
		{"game-muscat-markdown", []string{"game", "muscat", "--episodes", "300", "--bootstrap", "10", "--dynamics", "--format", "markdown"}, exitOK},
		{"game-no-zopa", []string{"game", "no-zopa", "--episodes", "50", "--bootstrap", "10"}, exitOK}, // degenerate: every profile an equilibrium
		{"game-bad-strategies", []string{"game", "--strategies", "iran=patient/boulware"}, exitUsage},
		{"game-bad-bootstrap", []string{"game", "--bootstrap", "-1"}, exitUsage},
		{"game-no-bootstrap", []string{"game", "muscat", "--episodes", "200", "--bootstrap", "0", "--strategies", "iran=step-by-step/boulware,hold-out/boulware"}, exitOK},
		{"game-one-episode", []string{"game", "--episodes", "1"}, exitUsage},
		{"game-same-files", []string{"game", "--nfg", "g.out", "--out", "g.out"}, exitUsage},
		{"game-too-large", []string{"game", "muscat", "--strategies", "iran=interim-first/boulware,interim-first/linear,interim-first/conceder,interim-first/fixed,interim-first/tit-for-tat,step-by-step/boulware,step-by-step/linear,step-by-step/conceder,step-by-step/fixed"}, exitFail},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			_, _, code := invoke(tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			checkGolden(t, filepath.Join("testdata", "cli", tt.golden+".golden"), transcript(tt.args))
		})
	}
}

// TestInvalidCorpus validates each broken file under testdata/invalid and
// compares the report with the file's golden: exit code 1, every error
// located, never a panic.
func TestInvalidCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken files found: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			args := []string{"validate", file}
			stdout, stderr, code := invoke(args...)
			if code != exitFail {
				t.Errorf("exit code %d, want %d", code, exitFail)
			}
			if stdout != "" || !strings.HasPrefix(stderr, "parley: "+file) {
				t.Errorf("want the errors on stderr, each starting with parley: and the file name; got stdout %q stderr %q", stdout, stderr)
			}
			checkGolden(t, strings.TrimSuffix(file, ".yaml")+".golden", transcript(args))
		})
	}
}
