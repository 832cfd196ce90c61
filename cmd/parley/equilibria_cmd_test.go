package main

import (
	"encoding/json"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
)

// gambitTolerance is how close a JSON probability must be to the exact
// fraction in expected.json: the JSON number is the float nearest to it.
const gambitTolerance = 1e-9

// TestEquilibriaGambit runs `parley equilibria --format json` on each of
// the 20 games of the Gambit test set (../shared/gambit from the
// repository root; only CI has it) and checks that the equilibria are
// exactly the set in games/expected.json, Gambit's enummixed results
// cross-checked with lrsnash.
func TestEquilibriaGambit(t *testing.T) {
	dir := gambittest.Dir(t)
	var games []struct {
		File       string `json:"file"`
		Degenerate bool   `json:"degenerate"`
		Equilibria []struct {
			P1, P2 []string
		} `json:"equilibria"`
	}
	gambittest.Expected(t, dir, &games)
	for _, g := range games {
		t.Run(filepath.Base(g.File), func(t *testing.T) {
			stdout, stderr, code := invoke("equilibria", "--format", "json", filepath.Join(dir, g.File))
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got []struct {
				P1, P2     []float64
				Degenerate bool
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(g.Equilibria) {
				t.Errorf("%d equilibria, want %d", len(got), len(g.Equilibria))
			}
			used := make([]bool, len(got))
			for _, want := range g.Equilibria {
				found := false
				for k, e := range got {
					if !used[k] && matches(t, e.P1, want.P1) && matches(t, e.P2, want.P2) {
						used[k], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("missing equilibrium %v %v", want.P1, want.P2)
				}
			}
			for k, e := range got {
				if e.Degenerate != g.Degenerate {
					t.Errorf("equilibrium %d: degenerate %v, want %v", k, e.Degenerate, g.Degenerate)
				}
			}
		})
	}
}

// matches reports whether the floats match the exact fractions within
// gambitTolerance.
func matches(t *testing.T, got []float64, want []string) bool {
	t.Helper()
	if len(got) != len(want) {
		return false
	}
	for i, s := range want {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad fraction %q in expected.json", s)
		}
		f, _ := r.Float64()
		if math.Abs(got[i]-f) > gambitTolerance {
			return false
		}
	}
	return true
}

// TestEquilibriaOutputDoc checks that docs/output.md names every JSON field
// of `parley equilibria`.
func TestEquilibriaOutputDoc(t *testing.T) {
	doc, err := os.ReadFile("docs/output.md")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(doc), "## `parley equilibria`")
	if start < 0 {
		t.Fatal("docs/output.md has no section ## `parley equilibria`")
	}
	section := string(doc)[start:]
	if end := strings.Index(section[1:], "\n## "); end >= 0 {
		section = section[:end+1]
	}
	typ := reflect.TypeFor[equilibriumJSON]()
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !strings.Contains(section, "`"+name+"`") {
			t.Errorf("docs/output.md's parley equilibria section does not name %s (%q)", f.Name, name)
		}
	}
}
