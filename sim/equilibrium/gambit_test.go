package equilibrium

import (
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-sim/parley/internal/gambittest"
)

// gambitGame is one entry of Gambit's expected.json (see
// /work/shared/gambit/README.md, section 3): exact payoffs and the full set
// of extreme equilibria, computed by exact vertex enumeration and checked
// against lrsnash and Gambit's own test suite.
type gambitGame struct {
	File       string     `json:"file"`
	A, B       [][]string `json:"-"`
	RawA       [][]string `json:"A"`
	RawB       [][]string `json:"B"`
	Degenerate bool       `json:"degenerate"`
	NumExtreme int        `json:"num_extreme_equilibria"`
	Equilibria []struct {
		P1, P2 []string
		Payoff []string
	} `json:"equilibria"`
	Subsets []struct {
		P1 [][]string `json:"p1_vertices"`
		P2 [][]string `json:"p2_vertices"`
	} `json:"maximal_nash_subsets"`
}

// loadGambit parses games/expected.json of the Gambit suite, or skips the
// test when the suite is absent (a user's clone does not have it; CI does).
func loadGambit(t testing.TB) []gambitGame {
	t.Helper()
	var games []gambitGame
	gambittest.Expected(t, gambittest.Dir(t), &games)
	return games
}

// ratMatrix parses a matrix of exact fraction strings.
func ratMatrix(t testing.TB, s [][]string) [][]*big.Rat {
	t.Helper()
	out := make([][]*big.Rat, len(s))
	for i, row := range s {
		out[i] = ratVector(t, row)
	}
	return out
}

func ratVector(t testing.TB, s []string) []*big.Rat {
	t.Helper()
	out := make([]*big.Rat, len(s))
	for i, v := range s {
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			t.Fatalf("bad fraction %q", v)
		}
		out[i] = r
	}
	return out
}

// vecKey writes an exact vector in canonical form.
func vecKey(v []*big.Rat) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = x.RatString()
	}
	return strings.Join(parts, ",")
}

func strKey(t testing.TB, v []string) string { return vecKey(ratVector(t, v)) }

// setKey writes a set of vector keys in canonical (sorted) form.
func setKey(keys []string) string {
	slices.Sort(keys)
	return strings.Join(keys, " | ")
}

// TestGambitGames solves the 20 games of Gambit's test set and compares the
// extreme equilibria, their payoffs, the degeneracy flag and, for
// degenerate games, the maximal Nash subsets with expected.json exactly.
func TestGambitGames(t *testing.T) {
	for _, g := range loadGambit(t) {
		t.Run(filepath.Base(g.File), func(t *testing.T) {
			start := time.Now()
			sol, err := Solve(ratMatrix(t, g.RawA), ratMatrix(t, g.RawB))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d extreme equilibria in %v", len(sol.Equilibria), time.Since(start))
			if sol.Degenerate != g.Degenerate {
				t.Errorf("Degenerate = %v, want %v", sol.Degenerate, g.Degenerate)
			}
			want := map[string]string{}
			for _, e := range g.Equilibria {
				want[strKey(t, e.P1)+" ; "+strKey(t, e.P2)] = strKey(t, e.Payoff)
			}
			if len(want) != g.NumExtreme {
				t.Fatalf("expected.json lists %d distinct equilibria, num_extreme_equilibria = %d", len(want), g.NumExtreme)
			}
			got := map[string]string{}
			for _, e := range sol.Equilibria {
				got[vecKey(e.P1)+" ; "+vecKey(e.P2)] = vecKey(e.Payoff[:])
			}
			for k, p := range want {
				if gp, ok := got[k]; !ok {
					t.Errorf("missing equilibrium %s", k)
				} else if gp != p {
					t.Errorf("equilibrium %s: payoffs %s, want %s", k, gp, p)
				}
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("extra equilibrium %s", k)
				}
			}
			if len(sol.Equilibria) != len(got) {
				t.Errorf("%d equilibria reported, %d distinct", len(sol.Equilibria), len(got))
			}
			for i, e := range g.Equilibria { // the documented order is enummixed's, as expected.json lists it
				if i < len(sol.Equilibria) && vecKey(sol.Equilibria[i].P1)+vecKey(sol.Equilibria[i].P2) != strKey(t, e.P1)+strKey(t, e.P2) {
					t.Errorf("equilibrium %d is %v %v, expected.json lists %v %v there", i, sol.Equilibria[i].P1, sol.Equilibria[i].P2, e.P1, e.P2)
				}
			}
			if !g.Degenerate {
				if len(sol.Components) != len(sol.Equilibria) {
					t.Errorf("nondegenerate game: %d components, want one per equilibrium (%d)", len(sol.Components), len(sol.Equilibria))
				}
				return
			}
			var wantSubsets, gotSubsets []string
			for _, s := range g.Subsets {
				var p1, p2 []string
				for _, v := range s.P1 {
					p1 = append(p1, strKey(t, v))
				}
				for _, v := range s.P2 {
					p2 = append(p2, strKey(t, v))
				}
				wantSubsets = append(wantSubsets, setKey(p1)+" × "+setKey(p2))
			}
			for _, c := range sol.Components {
				var p1, p2 []string
				for _, i := range c.P1 {
					p1 = append(p1, vecKey(sol.P1Vertices[i]))
				}
				for _, j := range c.P2 {
					p2 = append(p2, vecKey(sol.P2Vertices[j]))
				}
				gotSubsets = append(gotSubsets, setKey(p1)+" × "+setKey(p2))
			}
			slices.Sort(wantSubsets)
			slices.Sort(gotSubsets)
			if !slices.Equal(gotSubsets, wantSubsets) {
				t.Errorf("maximal Nash subsets:\n got %q\nwant %q", gotSubsets, wantSubsets)
			}
		})
	}
}
