package stats

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// pTol is the relative tolerance for p-values from gonum's Student t CDF
// against closed forms.
const pTol = 1e-12

func TestPairedSummary(t *testing.T) {
	for _, tc := range []struct {
		name   string
		x, y   []float64
		mean   float64
		half   float64 // half-width of CI95
		pValue float64
	}{
		// d = 1, 2, 3: mean 2, SD 1, t = 2√3 with ν = 2, where
		// T(t) = 1/2 + t/(2√(2+t²)), so p = 1 − √(12/14) = 0.0741799…;
		// half-width as in TestMeanCI.
		{"ν=2", []float64{11, 22, 33}, []float64{10, 20, 30}, 2, 2.4841377117503310710, 0.074179900227448538433},
		// d = 1, 3: mean 2, SD √2, t = 2 with ν = 1 (Cauchy), so
		// p = 1 − (2/π)·atan 2 = 0.2951672…; half-width t(0.975; 1)·√2/√2.
		{"ν=1", []float64{1, 3}, []float64{0, 0}, 2, 12.706204736174704646, 0.29516723530086654835},
		// Common random numbers with identical strategies: all d = 0.
		{"identical", []float64{1, 5, 9}, []float64{1, 5, 9}, 0, 0, 1},
		// A constant nonzero difference: s = 0 and p = 0 by the contract.
		{"constant", []float64{2, 6, 10}, []float64{1, 5, 9}, 1, 0, 0},
		// Fewer than 2 pairs: no test, by the contract.
		{"one pair", []float64{4}, []float64{1}, 3, 0, 1},
		{"empty", nil, nil, 0, 0, 1},
	} {
		var p Paired
		for i := range tc.x {
			p.Add(tc.x[i], tc.y[i])
		}
		d := p.Summary()
		if d.N != int64(len(tc.x)) || d.Mean != tc.mean ||
			!close(d.Mean-d.CI95[0], tc.half, tQuantTol) || !close(d.CI95[1]-d.Mean, tc.half, tQuantTol) ||
			!close(d.PValue, tc.pValue, pTol) {
			t.Errorf("%s: Summary = %+v, want mean %g ∓ %g, p = %g", tc.name, d, tc.mean, tc.half, tc.pValue)
		}
		if _, err := json.Marshal(d); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// TestPairedDuality checks that the 95% interval excludes 0 exactly when
// p < 0.05, as it must for a t interval and t-test on the same data.
func TestPairedDuality(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		var p Paired
		n, shift := 2+rng.IntN(30), rng.NormFloat64()
		for range n {
			common := 50 * rng.NormFloat64() // shared by both, cancels
			p.Add(common+shift+rng.NormFloat64(), common+rng.NormFloat64())
		}
		d := p.Summary()
		if math.Abs(d.PValue-0.05) < 1e-9 {
			continue // too close to the boundary to judge
		}
		if excludes := d.CI95[0] > 0 || d.CI95[1] < 0; excludes != (d.PValue < 0.05) {
			t.Errorf("trial %d: CI95 %v but p = %g", trial, d.CI95, d.PValue)
		}
	}
}

func TestPairedProportion(t *testing.T) {
	// By hand: 10 trials, 4 with both, 3 with only a, 1 with only b, 2 with
	// neither. Mean (3−1)/10 = 0.2; Σd² = 4, so the variance is
	// (4 − 10·0.2²)/9 = 0.4 and SE = √(0.4/10) = 0.2, t = 1. With
	// t(0.975; 9) = 2.2621571627982055 (mpmath; tables give 2.262) the
	// half-width is 0.45243143255964111, and p = 2·T(−1; 9) = 0.34343639…
	// (mpmath).
	var pp PairedProportion
	for _, o := range []struct {
		a, b bool
		n    int
	}{{true, true, 4}, {true, false, 3}, {false, true, 1}, {false, false, 2}} {
		for range o.n {
			pp.Add(o.a, o.b)
		}
	}
	if a, b := pp.A(), pp.B(); a != (Proportion{N: 10, K: 7}) || b != (Proportion{N: 10, K: 5}) {
		t.Errorf("A, B = %+v, %+v; want 7/10, 5/10", a, b)
	}
	d := pp.Summary()
	const half = 0.45243143255964110981
	if d.N != 10 || !close(d.Mean, 0.2, momentTol) || !close(d.SD, math.Sqrt(0.4), momentTol) ||
		!close(d.CI95[0], 0.2-half, tQuantTol) || !close(d.CI95[1], 0.2+half, tQuantTol) ||
		!close(d.PValue, 0.34343639613791351488, pTol) {
		t.Errorf("Summary = %+v, want mean 0.2 ∓ %g, SD √0.4, p 0.3434", d, half)
	}

	if d := (PairedProportion{}).Summary(); d != (Difference{CI95: [2]float64{0, 0}, PValue: 1}) {
		t.Errorf("empty Summary = %+v", d)
	}
}

// TestPairedProportionMoments checks the counting form against Paired on
// the indicator variables, and that merging is exact.
func TestPairedProportionMoments(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var pp, first, second PairedProportion
	var ind Paired
	var a, b Proportion
	for i := range 5000 {
		x, y := rng.Float64() < 0.4, rng.Float64() < 0.35
		pp.Add(x, y)
		ind.Add(b2f(x), b2f(y))
		a.Add(x)
		b.Add(y)
		if i < 1234 {
			first.Add(x, y)
		} else {
			second.Add(x, y)
		}
	}
	got, want := pp.Summary(), ind.Summary()
	if got.N != want.N || !close(got.Mean, want.Mean, momentTol) || !close(got.SD, want.SD, momentTol) ||
		!close(got.CI95[0], want.CI95[0], momentTol) || !close(got.CI95[1], want.CI95[1], momentTol) ||
		!close(got.PValue, want.PValue, momentTol) {
		t.Errorf("PairedProportion %+v, Paired on indicators %+v", got, want)
	}
	if pp.A() != a || pp.B() != b {
		t.Errorf("A, B = %+v, %+v; want %+v, %+v", pp.A(), pp.B(), a, b)
	}
	first.Merge(second)
	if first != pp {
		t.Errorf("merged %+v, want %+v", first, pp)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
