package analytics_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/parley-sim/parley/scenarios"
)

// tol is the tolerance of hand-solved expectations; the analytics are exact
// up to rounding.
const tol = 1e-9

// centralWorld loads a scenario file from testdata and returns its central world.
func centralWorld(t *testing.T, file string) *model.World {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.Load(model.Source{Name: file, Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var w model.World
	s.Central(&w)
	return &w
}

// shippedWorld returns the central world of an embedded scenario.
func shippedWorld(t *testing.T, name string) *model.World {
	t.Helper()
	s, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	var w model.World
	s.Central(&w)
	return &w
}

func analyze(t *testing.T, w *model.World) *analytics.Analysis {
	t.Helper()
	a, err := analytics.Analyze(w)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) <= tol }

// TestHandSolved checks the solutions against the derivations in the header
// comments of the testdata files.
func TestHandSolved(t *testing.T) {
	type sol struct {
		terms []float64
		u     [2]float64
	}
	tests := []struct {
		name, file string
		d          *[2]float64 // reservation values replacing the file's, if not nil
		nash, ks   sol
	}{
		// Symmetric: the equal split (Nash 1950).
		{"pie", "pie.yaml", nil, sol{[]float64{.5}, [2]float64{.5, .5}}, sol{[]float64{.5}, [2]float64{.5, .5}}},
		// The same pie from d = (.2, .4): the surplus .4 split equally, x = .4;
		// KS: utopia (.6, .8), (u_A − .2)/.4 = (u_B − .4)/.4, the same point.
		{"pie d=(.2,.4)", "pie.yaml", &[2]float64{.2, .4}, sol{[]float64{.4}, [2]float64{.4, .6}}, sol{[]float64{.4}, [2]float64{.4, .6}}},
		// kinked.yaml: Nash at the kink; KS at y = 11/46 on the second edge.
		{"kinked", "kinked.yaml", nil, sol{[]float64{1, 0}, [2]float64{.8, .8}},
			sol{[]float64{1, 11.0 / 46}, [2]float64{.8 + .2*11/46, .8 - .8*11/46}}},
		// peaked.yaml: Nash at A's peak x = .5; KS where 2x = 1 − x.
		{"peaked", "peaked.yaml", nil, sol{[]float64{.5}, [2]float64{1, .5}}, sol{[]float64{1.0 / 3}, [2]float64{2.0 / 3, 2.0 / 3}}},
		// peaked.yaml from d = (.5, .25): ZOPA x in [.25, .5], utopia (1, .75).
		// Nash: (2x − .5)(.75 − x) has its stationary point at x = .5, the end.
		// KS: (2x − .5)/.5 = (.75 − x)/.5, x = 5/12, u = (5/6, 7/12).
		{"peaked d=(.5,.25)", "peaked.yaml", &[2]float64{.5, .25}, sol{[]float64{.5}, [2]float64{1, .5}},
			sol{[]float64{5.0 / 12}, [2]float64{5.0 / 6, 7.0 / 12}}},
		// red-lines.yaml: Nash x = .5 inside [.3, .6]; KS x = 6/13.
		{"red-lines", "red-lines.yaml", nil, sol{[]float64{.5}, [2]float64{.5, .5}}, sol{[]float64{6.0 / 13}, [2]float64{6.0 / 13, 7.0 / 13}}},
		// gap.yaml: Nash x = .75, KS x = 2/3, both past the frontier's gap.
		{"gap", "gap.yaml", nil, sol{[]float64{.75}, [2]float64{.5, .25}}, sol{[]float64{2.0 / 3}, [2]float64{1.0 / 3, 1.0 / 3}}},
	}
	check := func(t *testing.T, what string, got *analytics.Point, want sol) {
		t.Helper()
		if got == nil {
			t.Fatalf("%s: none, want %v", what, want)
		}
		ok := near(got.Utility[0], want.u[0]) && near(got.Utility[1], want.u[1])
		for k := range want.terms {
			ok = ok && near(got.Terms[k], want.terms[k])
		}
		if !ok {
			t.Errorf("%s = %v %v, want %v %v", what, got.Terms, got.Utility, want.terms, want.u)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := centralWorld(t, tt.file)
			if tt.d != nil {
				p := w.Scenario.Principals()
				w.Actors[p[0]].Reservation, w.Actors[p[1]].Reservation = tt.d[0], tt.d[1]
			}
			a := analyze(t, w)
			check(t, "Nash", a.Nash, tt.nash)
			check(t, "Kalai–Smorodinsky", a.KalaiSmorodinsky, tt.ks)
		})
	}
}

// TestGapFrontier checks that gap.yaml's frontier is the point (0, 1) and the
// segment from (0, .5) to (1, 0), not the hull edge between (0, 1) and (1, 0).
func TestGapFrontier(t *testing.T) {
	a := analyze(t, centralWorld(t, "gap.yaml"))
	want := [][2][2]float64{{{0, 1}, {0, 1}}, {{0, .5}, {1, 0}}} // header of gap.yaml
	if len(a.Frontier) != len(want) {
		t.Fatalf("frontier has %d segments, want %d: %v", len(a.Frontier), len(want), a.Frontier)
	}
	for n, s := range a.Frontier {
		for i := range 2 {
			if !near(s.A.Utility[i], want[n][0][i]) || !near(s.B.Utility[i], want[n][1][i]) {
				t.Errorf("segment %d = %v → %v, want %v → %v", n, s.A.Utility, s.B.Utility, want[n][0], want[n][1])
			}
		}
	}
}

// TestRubinstein checks the teaching scenario's share: (1 − δ2)/(1 − δ1·δ2)
// = (1 − .8)/(1 − .9·.8) = .2/.28 = 5/7 for the first proposer, who then
// gets the level 5/7 of the pie.
func TestRubinstein(t *testing.T) {
	w := shippedWorld(t, "rubinstein")
	r := analyze(t, w).Rubinstein
	if r == nil || r.Point == nil {
		t.Fatalf("no Rubinstein outcome: %+v", r)
	}
	if r.Proposer != 0 || !near(r.Share, 5.0/7) || !near(r.Point.Terms[0], 5.0/7) ||
		!near(r.Point.Utility[0], 5.0/7) || !near(r.Point.Utility[1], 2.0/7) {
		t.Errorf("Rubinstein = %+v at %v, want proposer 0 with 5/7", r, r.Point)
	}
	if a := analyze(t, centralWorld(t, "kinked.yaml")); a.Rubinstein != nil {
		t.Errorf("a two-issue scenario has a Rubinstein share: %+v", a.Rubinstein)
	}
}

// TestNoZOPA checks scenario no-zopa: u_A + u_B = 1 everywhere against
// reservation values summing to 1.2 (its header proof), so the red lines
// are compatible but there is no ZOPA and no solution.
func TestNoZOPA(t *testing.T) {
	w := shippedWorld(t, "no-zopa")
	a := analyze(t, w)
	if !a.Compatible() || a.ZOPA != nil || a.Nash != nil || a.KalaiSmorodinsky != nil || a.Utilitarian != nil {
		t.Errorf("no-zopa: compatible %v, ZOPA %v, Nash %v, KS %v, utilitarian %v; want compatible and no ZOPA",
			a.Compatible(), a.ZOPA, a.Nash, a.KalaiSmorodinsky, a.Utilitarian)
	}
	if a.Ideal[0].Utility != [2]float64{1, 0} || a.Ideal[1].Utility != [2]float64{0, 1} {
		t.Errorf("ideals %v, %v; want each side taking everything", a.Ideal[0].Utility, a.Ideal[1].Utility)
	}
}

// TestMuscat checks the ZOPA worked by hand in the header of
// scenarios/muscat.yaml: the frontier inside the red lines runs from
// (.423, .604) to (.498, .529), and the ZOPA from (.470, .576) to
// (.494, .540), to the header's three decimals.
func TestMuscat(t *testing.T) {
	w := shippedWorld(t, "muscat")
	a := analyze(t, w)
	if a.ZOPA == nil {
		t.Fatal("muscat has no ZOPA")
	}
	got := [][2]float64{a.Ideal[1].Utility, a.Ideal[0].Utility, a.ZOPA.Best[1].Utility, a.ZOPA.Best[0].Utility}
	want := [][2]float64{{.423, .604}, {.498, .529}, {.470, .576}, {.494, .540}}
	for n := range want {
		for i := range 2 {
			if math.Abs(got[n][i]-want[n][i]) > 0.001 {
				t.Errorf("point %d = %.4f, want %.3f", n, got[n], want[n])
			}
		}
	}
}

// TestClash checks that clashing red lines are reported, not a panic:
// vienna-2021's header has Iran's guarantees red line .6 above the US's .45.
func TestClash(t *testing.T) {
	w := shippedWorld(t, "vienna-2021")
	a := analyze(t, w)
	if a.Compatible() || len(a.Clash) != 1 || a.Clash[0] != w.Scenario.Issue("guarantees") || a.Frontier != nil || a.ZOPA != nil {
		t.Errorf("clash on %v, frontier %v, ZOPA %v; want a clash on guarantees only and nothing else", a.Clash, a.Frontier, a.ZOPA)
	}
}

// TestLogrolling checks kinked.yaml: A's marginal values are its weights .8
// and .2, B's .2 and .8, so the ratios are 4 and 1/4 and the one trade, A
// having its way on x and B on y, is worth 4/(1/4) = 16.
func TestLogrolling(t *testing.T) {
	a := analyze(t, centralWorld(t, "kinked.yaml"))
	wantRatio := []float64{4, .25}
	for k, iv := range a.Issues {
		if !near(iv.Ratio, wantRatio[k]) {
			t.Errorf("issue %d ratio %v, want %v", k, iv.Ratio, wantRatio[k])
		}
	}
	if len(a.Trades) != 1 || a.Trades[0].Gets != [2]int{0, 1} || !near(a.Trades[0].Gain, 16) {
		t.Errorf("trades %+v, want A gets x, B gets y, gain 16", a.Trades)
	}
}

// TestBestFor checks no-zopa: u_A + u_B = 1 on the frontier, so with B at
// its reservation value .6 the most A can get is .4, short of its .6; and
// that BestFor agrees with the ZOPA's ends where there is one.
func TestBestFor(t *testing.T) {
	a := analyze(t, shippedWorld(t, "no-zopa"))
	if p, ok := a.BestFor(0, a.Disagreement[1]); !ok || !near(p.Utility[0], .4) || !near(p.Utility[1], .6) {
		t.Errorf("BestFor(0, .6) = %v, %v; want (.4, .6)", p.Utility, ok)
	}
	if _, ok := a.BestFor(1, 1.5); ok {
		t.Error("BestFor(1, 1.5) found a package worth 1.5 to A, above its ideal 1")
	}
	a = analyze(t, shippedWorld(t, "muscat"))
	for i := range 2 {
		if p, ok := a.BestFor(i, a.Disagreement[1-i]); !ok || p.Utility != a.ZOPA.Best[i].Utility {
			t.Errorf("BestFor(%d) = %v, want the ZOPA's end %v", i, p.Utility, a.ZOPA.Best[i].Utility)
		}
	}
}
