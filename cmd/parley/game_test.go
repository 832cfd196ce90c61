package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model/nfg"
)

// TestGameWorkers checks that game's JSON is byte-identical for any
// number of workers, bootstrap included.
func TestGameWorkers(t *testing.T) {
	args := []string{"game", "muscat", "--seed", "5", "--episodes", "600", "--bootstrap", "5", "--dynamics", "--format", "json"}
	want, _, code := invoke(append(args, "--workers", "1")...)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if got, _, _ := invoke(append(args, "--workers", "3")...); got != want {
		t.Error("--workers 3 gives a different report from --workers 1")
	}
}

// TestGameFiles checks that --out writes the report and --nfg the game,
// which reads back with the strategies as labels and the payoffs Analyze
// solves, and that nothing is written when the command fails.
func TestGameFiles(t *testing.T) {
	dir := t.TempDir()
	out, game := filepath.Join(dir, "game.json"), filepath.Join(dir, "game.nfg")
	args := []string{"game", "muscat", "--episodes", "100", "--bootstrap", "0", "--format", "json",
		"--strategies", "us=interim-first/conceder,comprehensive-only/fixed"}
	stdout, stderr, code := invoke(append(args, "--out", out, "--nfg", game)...)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want, _, _ := invoke(args...)
	if got, err := os.ReadFile(out); err != nil || string(got) != want {
		t.Errorf("--out file holds %q (%v); want the report", got, err)
	}
	f, err := os.Open(game)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := nfg.Read(f, game)
	if err != nil {
		t.Fatal(err)
	}
	if g.Players != [2]string{"iran", "us"} || len(g.Strategies[0]) != 8 || // muscat lists 8 strategies for iran
		strings.Join(g.Strategies[1], " ") != "interim-first/conceder comprehensive-only/fixed" {
		t.Errorf("players %v, strategies %v", g.Players, g.Strategies)
	}
	if d := g.A[0][0].Denom(); d.Int64() > 1e9 {
		t.Errorf("payoff %v has denominator %v; want the 1e-9 grid", g.A[0][0], d)
	}
	checkEquilibriaAgree(t, want, game)
	if _, _, code := invoke("game", "no/such/scenario.yaml", "--out", filepath.Join(dir, "bad.json")); code != exitFail {
		t.Errorf("exit %d for a missing scenario; want %d", code, exitFail)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("directory holds %d entries; want game.json and game.nfg", len(entries))
	}
}

// TestGameStrategiesFlag checks the errors --strategies reports.
func TestGameStrategiesFlag(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"iran", "want ACTOR=POLICY/TACTIC,POLICY/TACTIC,…"},
		{"=interim-first/linear", "want ACTOR=POLICY/TACTIC"},
		{"oman=interim-first/linear", "oman is not a principal of muscat; want iran or us"},
		{"iran=interim-first/slow", `unknown tactic "slow"`},
		{"iran=interim-first/linear,", `"" is not policy/tactic`},
		{"us=interim-first/linear,interim-first/linear", "interim-first/linear appears twice"},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			_, stderr, code := invoke("game", "muscat", "--episodes", "10", "--strategies", tc.spec)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
	_, stderr, _ := invoke("game", "muscat", "--strategies", "us=interim-first/linear", "--strategies", "us=hold-out/fixed")
	if !strings.Contains(stderr, "us's strategies given twice") {
		t.Errorf("stderr %q; want us's strategies given twice", stderr)
	}
}

// checkEquilibriaAgree checks that parley equilibria finds in the .nfg
// file the equilibria that game's JSON report lists, in the same order.
func checkEquilibriaAgree(t *testing.T, report, file string) {
	t.Helper()
	var out struct {
		Game struct {
			Players [2]struct{ Strategies []string }
		}
		Analysis struct {
			Equilibria []struct {
				Strategies [2][]struct {
					Strategy    string
					Probability float64
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(report), &out); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := invoke("equilibria", file, "--format", "json")
	if code != exitOK {
		t.Fatalf("parley equilibria: exit %d: %s", code, stderr)
	}
	var eqs []struct{ P1, P2 []float64 }
	if err := json.Unmarshal([]byte(stdout), &eqs); err != nil {
		t.Fatal(err)
	}
	if len(eqs) != len(out.Analysis.Equilibria) {
		t.Fatalf("parley equilibria finds %d equilibria; game reports %d", len(eqs), len(out.Analysis.Equilibria))
	}
	for n, e := range out.Analysis.Equilibria {
		for k, p := range [2][]float64{eqs[n].P1, eqs[n].P2} {
			want := make([]float64, len(out.Game.Players[k].Strategies))
			for _, w := range e.Strategies[k] {
				want[slices.Index(out.Game.Players[k].Strategies, w.Strategy)] = w.Probability
			}
			if !slices.Equal(p, want) {
				t.Errorf("equilibrium %d, player %d: parley equilibria %v; game %v", n+1, k+1, p, want)
			}
		}
	}
}
