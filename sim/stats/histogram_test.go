package stats

import (
	"math"
	"slices"
	"testing"
)

// quantTol is the tolerance for continuous quantiles that are exact in real
// arithmetic.
const quantTol = 1e-12

// TestQuantileUniform checks quantiles of evenly spread data: 1000 points
// (i+0.5)/1000 in 100 bins over [0, 1] put 10 points in every bin, so the
// interpolated distribution function is exactly F(x) = x between the
// observed extremes and Quantile(p) = p, clamped to [0.0005, 0.9995].
func TestQuantileUniform(t *testing.T) {
	h := NewHistogram(0, 1, 100)
	for i := range 1000 {
		h.Add((float64(i) + 0.5) / 1000)
	}
	for _, tc := range []struct{ p, want float64 }{
		{0, 0.0005}, // the observed minimum
		{0.0001, 0.0005},
		{0.05, 0.05},
		{0.25, 0.25},
		{0.5, 0.5},
		{0.123, 0.123},
		{0.95, 0.95},
		{1, 0.9995}, // the observed maximum
	} {
		if got := h.Quantile(tc.p); math.Abs(got-tc.want) > quantTol {
			t.Errorf("Quantile(%g) = %.17g, want %g", tc.p, got, tc.want)
		}
	}
	if h.N() != 1000 || h.Bins() != 100 || h.Count(0) != 10 || h.Count(99) != 10 {
		t.Errorf("N, Bins, Count(0), Count(99) = %d, %d, %d, %d; want 1000, 100, 10, 10", h.N(), h.Bins(), h.Count(0), h.Count(99))
	}
}

func TestHistogramClamp(t *testing.T) {
	h := NewHistogram(0, 10, 10)
	for _, x := range []float64{-5, math.Inf(-1), 0, 9.999, 10, 20, math.Inf(1)} {
		h.Add(x)
	}
	// -5, -Inf and 0 in bin 0; 9.999, 10 (the closed top), 20 and +Inf in
	// bin 9.
	if h.Count(0) != 3 || h.Count(9) != 4 {
		t.Errorf("edge counts = %d, %d; want 3, 4", h.Count(0), h.Count(9))
	}

	// One observation: every quantile is clamped to it.
	h = NewHistogram(0, 10, 10)
	h.Add(3.7)
	for _, p := range []float64{0, 0.05, 0.5, 0.95, 1} {
		if got := h.Quantile(p); got != 3.7 {
			t.Errorf("Quantile(%g) of {3.7} = %g, want 3.7", p, got)
		}
	}
}

// TestQuantileDiscrete checks exact integer quantiles against the
// definition: the smallest observed v with F(v) ≥ p. For the 8 observations
// below, F(0) = 1/8, F(1) = 3/8, F(2) = 6/8, F(3) = 7/8, F(7) = 1, by
// counting; the p are multiples of 1/8 or between, so p·8 is exact.
func TestQuantileDiscrete(t *testing.T) {
	h := NewCounts(10)
	for _, x := range []float64{3, 1, 0, 2, 7, 2, 1, 2} {
		h.Add(x)
	}
	for _, tc := range []struct{ p, want float64 }{
		{0, 0},
		{0.125, 0}, // F(0) = 1/8 ≥ p
		{0.2, 1},
		{0.375, 1}, // F(1) = 3/8 ≥ p exactly
		{0.5, 2},
		{0.75, 2}, // F(2) = 6/8 ≥ p exactly
		{0.8, 3},
		{0.9, 7}, // values 4 to 6 are not observed
		{1, 7},
	} {
		if got := h.Quantile(tc.p); got != tc.want {
			t.Errorf("Quantile(%g) = %g, want %g", tc.p, got, tc.want)
		}
	}
}

func TestCountsRounding(t *testing.T) {
	h := NewCounts(3)
	// Rounding to the nearest integer, halves away from zero (math.Round),
	// and clamping into 0..3.
	for _, tc := range []struct {
		x    float64
		want int
	}{
		{-7, 0}, {-0.4, 0}, {0.49, 0}, {0.5, 1}, {1.4, 1}, {2.5, 3}, {2.6, 3}, {99, 3},
	} {
		h.Reset()
		h.Add(tc.x)
		if h.Count(tc.want) != 1 {
			t.Errorf("Add(%g) counted in bin %d, want %d", tc.x, slices.Index(counts(h), 1), tc.want)
		}
	}
}

func TestHistogramMerge(t *testing.T) {
	for _, tc := range []struct {
		name string
		mk   func() *Histogram
		x    func(i int) float64
	}{
		// Values in [-1.2, 1.2], some outside the range.
		{"continuous", func() *Histogram { return NewHistogram(-1, 1, 7) }, func(i int) float64 { return 1.2 * math.Sin(float64(i)) }},
		// Values 0..22, some above the top.
		{"discrete", func() *Histogram { return NewCounts(20) }, func(i int) float64 { return float64(i % 23) }},
	} {
		all, a, b := tc.mk(), tc.mk(), tc.mk()
		for i := range 101 {
			all.Add(tc.x(i))
			if i < 40 {
				a.Add(tc.x(i))
			} else {
				b.Add(tc.x(i))
			}
		}
		a.Merge(b)
		if !slices.Equal(counts(a), counts(all)) || a.N() != all.N() {
			t.Errorf("%s: merged counts %v, want %v", tc.name, counts(a), counts(all))
		}
		for _, p := range []float64{0, 0.05, 0.5, 0.95, 1} {
			if a.Quantile(p) != all.Quantile(p) {
				t.Errorf("%s: merged Quantile(%g) = %g, want %g", tc.name, p, a.Quantile(p), all.Quantile(p))
			}
		}
		// Merging an empty histogram, either way round, changes nothing.
		e := tc.mk()
		e.Merge(all)
		e.Merge(tc.mk())
		if !slices.Equal(counts(e), counts(all)) || e.Quantile(0) != all.Quantile(0) || e.Quantile(1) != all.Quantile(1) {
			t.Errorf("%s: merge with empty changed the histogram", tc.name)
		}
	}

	h := NewHistogram(-0.5, 9.5, 10)
	for name, o := range map[string]*Histogram{
		"bins":     NewHistogram(-0.5, 9.5, 11),
		"lo":       NewHistogram(-1, 9.5, 10),
		"hi":       NewHistogram(-0.5, 10, 10),
		"discrete": NewCounts(9), // same edges, different kind
	} {
		if !panics(func() { h.Merge(o) }) {
			t.Errorf("Merge of different %s did not panic", name)
		}
	}
}

func TestHistogramReset(t *testing.T) {
	h := NewHistogram(0, 1, 4)
	h.Add(0.1)
	h.Add(0.9)
	h.Reset()
	if h.N() != 0 || slices.Max(counts(h)) != 0 || h.Quantile(0.5) != 0 {
		t.Fatalf("Reset left N=%d counts=%v", h.N(), counts(h))
	}
	h.Add(0.6) // the old extremes must not clamp new quantiles
	if got := h.Quantile(0); got != 0.6 {
		t.Errorf("Quantile(0) after Reset and Add(0.6) = %g, want 0.6", got)
	}
}

func TestHistogramPanics(t *testing.T) {
	h := NewHistogram(0, 1, 4)
	for name, f := range map[string]func(){
		"NewHistogram lo = hi":  func() { NewHistogram(1, 1, 4) },
		"NewHistogram NaN":      func() { NewHistogram(math.NaN(), 1, 4) },
		"NewHistogram infinite": func() { NewHistogram(0, math.Inf(1), 4) },
		"NewHistogram 0 bins":   func() { NewHistogram(0, 1, 0) },
		"NewCounts(-1)":         func() { NewCounts(-1) },
		"Add(NaN)":              func() { h.Add(math.NaN()) },
		"Quantile(-0.1)":        func() { h.Quantile(-0.1) },
		"Quantile(1.1)":         func() { h.Quantile(1.1) },
		"Quantile(NaN)":         func() { h.Quantile(math.NaN()) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
	if h.N() != 0 {
		t.Errorf("Add(NaN) counted an observation")
	}
}

func counts(h *Histogram) []uint64 {
	c := make([]uint64, h.Bins())
	for i := range c {
		c[i] = h.Count(i)
	}
	return c
}

func TestCoarsen(t *testing.T) {
	continuous := func(xs ...float64) *Histogram {
		h := NewHistogram(0, 10, 10) // bins of width 1
		for _, x := range xs {
			h.Add(x)
		}
		return h
	}
	discrete := func(xs ...float64) *Histogram {
		h := NewCounts(20)
		for _, x := range xs {
			h.Add(x)
		}
		return h
	}
	for _, tc := range []struct {
		name   string
		h      *Histogram
		bins   int
		edges  []float64
		counts []uint64
	}{
		{"empty", continuous(), 4, nil, nil},
		{"fits as it is", continuous(2.5, 3.5, 3.6), 4, []float64{2, 3, 4}, []uint64{1, 2}},
		{"pairs of bins", continuous(0.5, 1.5, 2.5, 9.5), 5, []float64{0, 2, 4, 6, 8, 10}, []uint64{2, 1, 0, 0, 1}},
		// 7 bins from 2 to 8 in threes: the last group runs past the data.
		{"groups of three", continuous(2.1, 5.5, 8.9), 3, []float64{2, 5, 8, 11}, []uint64{1, 1, 1}},
		{"one bin", continuous(1.5, 7.5), 1, []float64{1, 8}, []uint64{2}},
		// Values 3 … 6 are four integers; two bins of two values each.
		{"discrete", discrete(3, 4, 4, 6), 2, []float64{2.5, 4.5, 6.5}, []uint64{3, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.h.Coarsen(tc.bins)
			if !slices.Equal(b.Edges, tc.edges) || !slices.Equal(b.Counts, tc.counts) {
				t.Errorf("Coarsen(%d) = %v %v; want %v %v", tc.bins, b.Edges, b.Counts, tc.edges, tc.counts)
			}
			if len(b.Counts) > tc.bins {
				t.Errorf("%d bins; want at most %d", len(b.Counts), tc.bins)
			}
		})
	}
}
