package stats

import "math"

// Histogram counts observations in equal-width bins over a fixed range, for
// quantiles in constant memory.
//
// A continuous Histogram, made by NewHistogram(lo, hi, bins), splits
// [lo, hi] into bins of width w = (hi−lo)/bins; bin i counts the x with
// lo + i·w ≤ x < lo + (i+1)·w, and the last bin also counts x = hi.
// Observations below lo are counted in the first bin and those above hi in
// the last, so nothing is lost, but quantiles that fall among them are only
// bounded by the observed minimum and maximum.
//
// A discrete Histogram, made by NewCounts(hi), counts integer values
// 0, 1, …, hi exactly: bin v counts the observations that round to v, with
// those below 0 counted as 0 and those above hi as hi.
//
// The bin counts are allocated once by the constructor; the zero value is
// not usable.
type Histogram struct {
	lo, hi   float64 // range given to the constructor; for NewCounts(h), −0.5 and h+0.5
	width    float64 // (hi − lo)/bins
	scale    float64 // bins/(hi − lo)
	counts   []uint64
	n        uint64
	min, max float64 // observed extremes, valid when n > 0
	discrete bool
}

// NewHistogram returns an empty continuous Histogram of the given number of
// equal bins over [lo, hi]. It panics unless lo < hi, both are finite and
// bins ≥ 1.
func NewHistogram(lo, hi float64, bins int) *Histogram {
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		panic("stats: NewHistogram needs finite lo < hi")
	}
	if bins < 1 {
		panic("stats: NewHistogram needs at least one bin")
	}
	return &Histogram{
		lo:     lo,
		hi:     hi,
		width:  (hi - lo) / float64(bins),
		scale:  float64(bins) / (hi - lo),
		counts: make([]uint64, bins),
	}
}

// NewCounts returns an empty discrete Histogram for integer-valued data in
// 0, 1, …, hi, with one bin per value. Its quantiles are observed integers;
// see Quantile. It panics if hi is negative.
func NewCounts(hi int) *Histogram {
	if hi < 0 {
		panic("stats: NewCounts needs hi ≥ 0")
	}
	h := NewHistogram(-0.5, float64(hi)+0.5, hi+1)
	h.discrete = true
	return h
}

// Add counts the observation x in its bin. It does not allocate. Add panics
// if x is NaN, which has no bin.
func (h *Histogram) Add(x float64) {
	if x != x {
		panic("stats: Histogram.Add of NaN")
	}
	h.counts[h.bin(x)]++
	if h.n == 0 {
		h.min, h.max = x, x
	} else {
		h.min = min(h.min, x)
		h.max = max(h.max, x)
	}
	h.n++
}

// bin returns the index of the bin that counts x, which is not NaN.
func (h *Histogram) bin(x float64) int {
	last := len(h.counts) - 1
	if h.discrete {
		switch {
		case x <= 0:
			return 0
		case x >= float64(last):
			return last
		}
		return int(math.Round(x))
	}
	switch {
	case x <= h.lo:
		return 0
	case x >= h.hi:
		return last
	}
	return min(int((x-h.lo)*h.scale), last)
}

// Merge adds the counts of o to h. Merging is exact and so independent of
// order. Merge panics if o was not made with the same constructor and
// arguments as h: merging different layouts is a programmer error.
func (h *Histogram) Merge(o *Histogram) {
	if !h.SameLayout(o) {
		panic("stats: Histogram.Merge of different layouts")
	}
	if o.n == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 {
		h.min, h.max = o.min, o.max
	} else {
		h.min = min(h.min, o.min)
		h.max = max(h.max, o.max)
	}
	h.n += o.n
}

// Reset empties h, keeping its layout and memory.
func (h *Histogram) Reset() {
	clear(h.counts)
	h.n, h.min, h.max = 0, 0, 0
}

// N returns the number of observations.
func (h *Histogram) N() uint64 { return h.n }

// Bins returns the number of bins.
func (h *Histogram) Bins() int { return len(h.counts) }

// Count returns the number of observations in bin i, 0 ≤ i < Bins(). In a
// discrete Histogram, bin i counts the value i.
func (h *Histogram) Count(i int) uint64 { return h.counts[i] }

// Quantile returns an estimate of the p quantile of the observations, or 0
// when there are none. Quantile(0) is the smallest observation and
// Quantile(1) the largest.
//
// For a continuous Histogram, with cumulative counts C(i) = c₀ + … + cᵢ,
// Quantile finds the first non-empty bin i with C(i) ≥ p·n and interpolates
// linearly within it, assuming its observations spread evenly:
//
//	x = lo + (i + (p·n − C(i−1))/cᵢ)·w
//
// then clamps x to the observed [min, max]. The error is at most one bin
// width for observations inside [lo, hi].
//
// For a discrete Histogram, Quantile returns the exact integer quantile:
// the smallest observed value v with F(v) ≥ p, where F(v) is the fraction
// of observations ≤ v (the inverse of the empirical distribution function;
// for p = 0, the smallest observed value). The comparison is made as
// C(v) ≥ p·n, so only the rounding of p·n is inexact.
//
// Quantile panics if p is not in [0, 1].
func (h *Histogram) Quantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic("stats: Quantile p must be in [0, 1]")
	}
	if h.n == 0 {
		return 0
	}
	target := p * float64(h.n)
	var cum uint64
	for i, c := range h.counts {
		if c == 0 {
			continue
		}
		prev := cum
		cum += c
		if float64(cum) < target {
			continue
		}
		if h.discrete {
			return float64(i)
		}
		x := h.lo + (float64(i)+(target-float64(prev))/float64(c))*h.width
		return min(max(x, h.min), h.max)
	}
	// Unreachable: cum = n ≥ p·n at the last non-empty bin.
	return h.max
}

// Binned is a distribution in bins of equal width: Counts[i] observations
// fell in [Edges[i], Edges[i+1]), so len(Edges) = len(Counts)+1.
type Binned struct {
	Edges  []float64
	Counts []uint64
}

// Coarsen returns h's counts in at most bins bins of equal width that
// span its non-empty bins: runs of k consecutive bins of h merged, k the
// least that needs no more than bins of them. The counts sum to N(); a
// discrete Histogram's edges lie half-way between integers, so a merged
// bin holds whole values. It returns an empty Binned when N() is 0 and
// panics if bins < 1.
func (h *Histogram) Coarsen(bins int) Binned {
	if bins < 1 {
		panic("stats: Coarsen needs at least one bin")
	}
	first, last := -1, -1
	for i, c := range h.counts {
		if c > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return Binned{}
	}
	span := last - first + 1
	k := (span + bins - 1) / bins
	n := (span + k - 1) / k
	b := Binned{Edges: make([]float64, n+1), Counts: make([]uint64, n)}
	for g := range n + 1 {
		b.Edges[g] = h.lo + float64(first+g*k)*h.width
	}
	for i := first; i <= last; i++ {
		b.Counts[(i-first)/k] += h.counts[i]
	}
	return b
}
