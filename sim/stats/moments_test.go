package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Tolerances for Moments.
const (
	momentTol = 1e-12 // relative, for means and SDs of small exact sets
	mergeTol  = 1e-12 // relative, merged against added one by one
	tQuantTol = 1e-12 // relative, gonum's Student t quantile against mpmath
)

func TestMoments(t *testing.T) {
	for _, tc := range []struct {
		name           string
		xs             []float64
		mean, sd       float64
		minimum, maxim float64
	}{
		// The documented zeros of an empty Moments.
		{"empty", nil, 0, 0, 0, 0},
		// One observation: SD is 0 by the contract.
		{"one", []float64{3}, 3, 0, 3, 3},
		// Mean 2; squared deviations 1+0+1 = 2, variance 2/2 = 1.
		{"1,2,3", []float64{1, 2, 3}, 2, 1, 1, 3},
		// Mean 40/8 = 5; squared deviations sum to 32, SD √(32/7), by hand.
		{"2,4,4,4,5,5,7,9", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 5, math.Sqrt(32.0 / 7), 2, 9},
		// A large offset: mean 1e9+10, squared deviations 36+9+9+36 = 90,
		// variance 30 (the textbook sum-of-squares formula loses it).
		{"offset", []float64{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}, 1e9 + 10, math.Sqrt(30), 1e9 + 4, 1e9 + 16},
	} {
		var m Moments
		for _, x := range tc.xs {
			m.Add(x)
		}
		if m.N() != int64(len(tc.xs)) {
			t.Errorf("%s: N = %d, want %d", tc.name, m.N(), len(tc.xs))
		}
		if !close(m.Mean(), tc.mean, momentTol) || !close(m.SD(), tc.sd, momentTol) {
			t.Errorf("%s: mean, SD = %.17g, %.17g, want %.17g, %.17g", tc.name, m.Mean(), m.SD(), tc.mean, tc.sd)
		}
		if m.Min() != tc.minimum || m.Max() != tc.maxim {
			t.Errorf("%s: min, max = %g, %g, want %g, %g", tc.name, m.Min(), m.Max(), tc.minimum, tc.maxim)
		}
	}
}

func TestMeanCI(t *testing.T) {
	for _, tc := range []struct {
		name string
		xs   []float64
		half float64 // expected half-width around the mean
	}{
		// ν = 1: t(0.975; 1) = tan(0.475π) = 12.706204736174705 (Cauchy
		// closed form; tables give 12.706); SD = √2, so half = t·√2/√2.
		{"ν=1", []float64{0, 2}, 12.706204736174704646},
		// ν = 2: t(p; 2) = (2p−1)/√(2p(1−p)) = 4.3026527297494639 (closed
		// form; tables give 4.303); SD = 1, so half = t/√3, mpmath.
		{"ν=2", []float64{1, 2, 3}, 2.4841377117503310710},
		// ν = 7: t(0.975; 7) = 2.3646242515927853 (root of the incomplete
		// beta CDF with mpmath; tables give 2.365); half = t·√(32/7)/√8.
		{"ν=7", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 1.7874879182362108950},
	} {
		var m Moments
		for _, x := range tc.xs {
			m.Add(x)
		}
		lo, hi := m.MeanCI(0.95)
		if !close(m.Mean()-lo, tc.half, tQuantTol) || !close(hi-m.Mean(), tc.half, tQuantTol) {
			t.Errorf("%s: MeanCI = (%.17g, %.17g), want mean %g ∓ %.17g", tc.name, lo, hi, m.Mean(), tc.half)
		}
	}

	// Fewer than 2 observations: NaN by the contract.
	var m Moments
	for range 2 {
		if lo, hi := m.MeanCI(0.95); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("MeanCI with n=%d = (%g, %g), want NaNs", m.N(), lo, hi)
		}
		m.Add(1)
	}
	for _, level := range []float64{0, 1, -0.5, math.NaN()} {
		if !panics(func() { m.MeanCI(level) }) {
			t.Errorf("MeanCI(%g) did not panic", level)
		}
	}
}

// TestMomentsMerge checks that merging the two halves of a data set, split
// at every point, equals adding all of it.
func TestMomentsMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xs := make([]float64, 50)
	for i := range xs {
		xs[i] = 100 + 10*rng.NormFloat64()
	}
	var all Moments
	for _, x := range xs {
		all.Add(x)
	}
	for split := 0; split <= len(xs); split++ {
		var a, b Moments
		for _, x := range xs[:split] {
			a.Add(x)
		}
		for _, x := range xs[split:] {
			b.Add(x)
		}
		a.Merge(b)
		if a.N() != all.N() || a.Min() != all.Min() || a.Max() != all.Max() ||
			!close(a.Mean(), all.Mean(), mergeTol) || !close(a.SD(), all.SD(), mergeTol) {
			t.Errorf("split %d: merged n=%d mean=%.17g sd=%.17g, added n=%d mean=%.17g sd=%.17g",
				split, a.N(), a.Mean(), a.SD(), all.N(), all.Mean(), all.SD())
		}
	}
}

// TestMomentsMergeOrder checks that merging is associative within
// tolerance and, in a fixed order, bit-for-bit reproducible.
func TestMomentsMergeOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 100 {
		var parts [3]Moments
		for i := range parts {
			for range rng.IntN(20) {
				// An offset of 100 times the spread: the rounding of the
				// means, about 100·ε relative, bounds the difference.
				parts[i].Add(100 + rng.ExpFloat64())
			}
		}
		a, b, c := parts[0], parts[1], parts[2]
		left := a // (a+b)+c
		left.Merge(b)
		left.Merge(c)
		bc := b // a+(b+c)
		bc.Merge(c)
		right := a
		right.Merge(bc)
		if left.N() != right.N() || !close(left.Mean(), right.Mean(), mergeTol) || !close(left.SD(), right.SD(), mergeTol) {
			t.Errorf("trial %d: (a+b)+c = %+v, a+(b+c) = %+v", trial, left, right)
		}
		again := a
		again.Merge(b)
		again.Merge(c)
		if again != left {
			t.Errorf("trial %d: the same merge order gave %+v then %+v", trial, left, again)
		}
	}
}

// close reports whether got is within tol of want, relative to |want| when
// |want| > 1 and absolute otherwise.
func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*max(1, math.Abs(want))
}
