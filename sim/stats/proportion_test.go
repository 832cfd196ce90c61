package stats

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// Tolerances for the Wilson interval.
const (
	wilsonTol = 1e-14 // against 40-digit values of the closed form
	tableTol  = 5e-5  // against values published to 4 decimals
)

func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n   int64
		lo, hi float64
		tol    float64
	}{
		// N = 0: the uninformative interval, by definition.
		{0, 0, 0, 1, 0},
		// K = 0: lo = 0 exactly and hi = z²/(N + z²); the value of hi is
		// z²/(10 + z²) evaluated with mpmath at 40 digits.
		{0, 10, 0, 0.27753279986288925272, wilsonTol},
		// K = N/2: 1/2 ∓ z/(2√(N + z²)), with mpmath at 40 digits.
		{5, 10, 0.23659309051256397769, 0.76340690948743602231, wilsonTol},
		// K = N: lo = N/(N + z²), hi = 1 exactly, with mpmath at 40 digits.
		{10, 10, 0.72246720013711074728, 1, wilsonTol},
		// N = 1, with mpmath at 40 digits.
		{0, 1, 0, 0.79345068562276261203, wilsonTol},
		{1, 1, 0.20654931437723738797, 1, wilsonTol},
		// Newcombe (1998), Table II, method 3 (score interval without
		// continuity correction), examples (a) to (d).
		{81, 263, 0.2553, 0.3662, tableTol},
		{15, 148, 0.0624, 0.1605, tableTol},
		{0, 20, 0.0000, 0.1611, tableTol},
		{1, 29, 0.0061, 0.1718, tableTol},
	} {
		lo, hi := Proportion{N: tc.n, K: tc.k}.Wilson(Z95)
		if math.Abs(lo-tc.lo) > tc.tol || math.Abs(hi-tc.hi) > tc.tol {
			t.Errorf("Wilson(%d/%d) = (%.17g, %.17g), want (%.17g, %.17g) ± %g", tc.k, tc.n, lo, hi, tc.lo, tc.hi, tc.tol)
		}
		// The ends are exact where the contract says so.
		if tc.k == 0 && lo != 0 {
			t.Errorf("Wilson(0/%d) lo = %g, want exactly 0", tc.n, lo)
		}
		if tc.k == tc.n && hi != 1 {
			t.Errorf("Wilson(%d/%d) hi = %g, want exactly 1", tc.k, tc.n, hi)
		}
	}
}

func TestZ95(t *testing.T) {
	// Φ⁻¹(0.975) = √2·erfinv(0.95) = 1.959963984540054235…, mpmath at 40
	// digits; the constant is the nearest float64.
	const want = 1.959963984540054235
	if math.Abs(Z95-want) > 1e-15 {
		t.Errorf("Z95 = %.17g, want %.17g", Z95, want)
	}
}

// TestWilsonProperties checks that the interval lies in [0, 1], is ordered
// and contains P, for every K of small N and for random large counts.
func TestWilsonProperties(t *testing.T) {
	check := func(p Proportion, z float64) {
		t.Helper()
		lo, hi := p.Wilson(z)
		if !(0 <= lo && lo <= p.P() && p.P() <= hi && hi <= 1) {
			t.Errorf("Wilson(%d/%d, z=%g) = (%g, %g) does not satisfy 0 ≤ lo ≤ P=%g ≤ hi ≤ 1", p.K, p.N, z, lo, hi, p.P())
		}
	}
	zs := []float64{0, 1e-3, 1, Z95, 3, 10}
	for n := int64(0); n <= 60; n++ {
		for k := int64(0); k <= n; k++ {
			for _, z := range zs {
				check(Proportion{N: n, K: k}, z)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		n := rng.Int64N(1e12) + 1
		k := rng.Int64N(n + 1)
		check(Proportion{N: n, K: k}, zs[rng.IntN(len(zs))])
	}
}

func TestWilsonPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"negative z": func() { Proportion{N: 1}.Wilson(-1) },
		"NaN z":      func() { Proportion{N: 1}.Wilson(math.NaN()) },
		"K > N":      func() { Proportion{N: 1, K: 2}.Wilson(Z95) },
		"K < 0":      func() { Proportion{N: 1, K: -1}.Wilson(Z95) },
	} {
		if !panics(f) {
			t.Errorf("Wilson with %s did not panic", name)
		}
	}
}

func TestProportionAddMerge(t *testing.T) {
	var all, a, b Proportion
	for i := range 100 {
		s := i%3 == 0 // successes at 0, 3, …, 99: 34 of 100
		all.Add(s)
		if i < 37 {
			a.Add(s)
		} else {
			b.Add(s)
		}
	}
	if want := (Proportion{N: 100, K: 34}); all != want {
		t.Fatalf("Add: got %+v, want %+v", all, want)
	}
	a.Merge(b)
	if a != all {
		t.Errorf("Merge of halves = %+v, want %+v", a, all)
	}
	if p := all.P(); p != 0.34 {
		t.Errorf("P = %g, want 0.34", p)
	}
}

func TestEstimate(t *testing.T) {
	// N = 0 marshals with the documented zeros and the interval (0, 1).
	got, err := json.Marshal(Proportion{}.Estimate())
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"p":0,"ci95":[0,1],"n":0,"k":0}`; string(got) != want {
		t.Errorf("empty Estimate = %s, want %s", got, want)
	}
	p := Proportion{N: 10, K: 10}
	e := p.Estimate()
	lo, hi := p.Wilson(Z95)
	if e.P != 1 || e.CI95 != [2]float64{lo, hi} || e.N != 10 || e.K != 10 {
		t.Errorf("Estimate of 10/10 = %+v", e)
	}
}

func panics(f func()) (did bool) {
	defer func() { did = recover() != nil }()
	f()
	return false
}
