package stats

// Sample accumulates one metric: its Moments for the mean, SD and their
// interval, and a Histogram for its quantiles.
//
// Make a Sample with NewSample; the zero value is not usable.
type Sample struct {
	m Moments
	h *Histogram
}

// NewSample returns an empty Sample that keeps its quantiles in h, which it
// empties and takes over: h must not be used elsewhere afterwards. Use NewHistogram for
// a continuous metric and NewCounts for an integer one. NewSample panics if
// h is nil.
func NewSample(h *Histogram) *Sample {
	if h == nil {
		panic("stats: NewSample of nil Histogram")
	}
	h.Reset()
	return &Sample{h: h}
}

// Add records the observation x. It does not allocate. Add panics if x is
// NaN, leaving s unchanged.
func (s *Sample) Add(x float64) {
	s.h.Add(x) // first, so that a NaN panics before anything changes
	s.m.Add(x)
}

// Merge adds the observations of o to s; see Moments.Merge and
// Histogram.Merge. It panics, leaving s unchanged, if the histograms'
// layouts differ.
func (s *Sample) Merge(o *Sample) {
	s.h.Merge(o.h)
	s.m.Merge(o.m)
}

// Reset empties s, keeping its histogram's layout and memory.
func (s *Sample) Reset() {
	s.m = Moments{}
	s.h.Reset()
}

// Moments returns the moments of the observations.
func (s *Sample) Moments() Moments { return s.m }

// Histogram returns the histogram of the observations. It belongs to s.
func (s *Sample) Histogram() *Histogram { return s.h }

// Summarize returns the count, mean, SD, 95% interval for the mean
// (Moments.MeanCI) and the 5th, 50th and 95th percentiles
// (Histogram.Quantile) of the observations.
//
// Summarize never returns NaN for finite observations, so the Summary
// always marshals to JSON. With no observations every field is 0. With one
// observation there is no interval: SD is 0 and CI95 is [Mean, Mean], a
// placeholder that callers must tell apart by N.
func (s *Sample) Summarize() Summary {
	n := s.m.N()
	if n == 0 {
		return Summary{}
	}
	mean := s.m.Mean()
	ci := [2]float64{mean, mean}
	if n >= 2 {
		ci[0], ci[1] = s.m.MeanCI(0.95)
	}
	return Summary{
		N:    n,
		Mean: mean,
		SD:   s.m.SD(),
		CI95: ci,
		P5:   s.h.Quantile(0.05),
		P50:  s.h.Quantile(0.50),
		P95:  s.h.Quantile(0.95),
	}
}

// Summary describes one metric, for reporting: see Sample.Summarize.
type Summary struct {
	N    int64      `json:"n"`    // observations
	Mean float64    `json:"mean"` // sample mean
	SD   float64    `json:"sd"`   // sample SD (n−1), 0 when N < 2
	CI95 [2]float64 `json:"ci95"` // Student t 95% interval for the mean
	P5   float64    `json:"p5"`   // 5th percentile
	P50  float64    `json:"p50"`  // median
	P95  float64    `json:"p95"`  // 95th percentile
}
