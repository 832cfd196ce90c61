package stats

import (
	"encoding/json"
	"fmt"
	"math"
)

// This file carries accumulators between processes: the JSON of a
// Moments or a Histogram is its whole state, and decoding it gives back
// the same accumulator, bit for bit (encoding/json writes each float64
// in the shortest form that parses back to it). A process can so fill
// accumulators for some blocks of observations and another merge them
// in the order one process would have, with the same result.

// maxBins bounds the bins of a decoded Histogram, so that a damaged
// file cannot make a decoder allocate without limit.
const maxBins = 1 << 20

// momentsState is the JSON form of a Moments.
type momentsState struct {
	N    int64   `json:"n"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
}

// MarshalJSON writes the state of m: {"n", "mean", "m2", "min", "max"},
// m2 being the sum of squared deviations M2.
func (m Moments) MarshalJSON() ([]byte, error) {
	return json.Marshal(momentsState{m.n, m.mean, m.m2, m.min, m.max})
}

// UnmarshalJSON restores a Moments that MarshalJSON wrote. It refuses a
// negative n or M2, and min > max.
func (m *Moments) UnmarshalJSON(data []byte) error {
	var s momentsState
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	switch {
	case s.N < 0:
		return fmt.Errorf("moments: n %d; want at least 0", s.N)
	case !(s.M2 >= 0):
		return fmt.Errorf("moments: m2 %v; want at least 0", s.M2)
	case s.N > 0 && !(s.Min <= s.Max):
		return fmt.Errorf("moments: min %v above max %v", s.Min, s.Max)
	}
	*m = Moments{n: s.N, mean: s.Mean, m2: s.M2, min: s.Min, max: s.Max}
	return nil
}

// histogramState is the JSON form of a Histogram: its layout, then its
// non-empty bins as [bin, count] pairs in increasing bin order.
type histogramState struct {
	Lo       float64     `json:"lo"`
	Hi       float64     `json:"hi"`
	Bins     int         `json:"bins"`
	Discrete bool        `json:"discrete,omitempty"`
	N        uint64      `json:"n"`
	Min      float64     `json:"min"`
	Max      float64     `json:"max"`
	Counts   [][2]uint64 `json:"counts"`
}

// MarshalJSON writes the layout and the state of h: lo, hi and bins as
// NewHistogram takes them (for NewCounts(k), −0.5, k+0.5 and k+1, with
// discrete true), n, min and max, and the non-empty bins as [bin, count]
// pairs.
func (h *Histogram) MarshalJSON() ([]byte, error) {
	s := histogramState{Lo: h.lo, Hi: h.hi, Bins: len(h.counts), Discrete: h.discrete, N: h.n, Min: h.min, Max: h.max,
		Counts: [][2]uint64{}}
	for i, c := range h.counts {
		if c > 0 {
			s.Counts = append(s.Counts, [2]uint64{uint64(i), c})
		}
	}
	return json.Marshal(s)
}

// UnmarshalJSON restores a Histogram that MarshalJSON wrote, with its
// layout. It refuses a layout no constructor makes, more than 2²⁰ bins,
// bins out of range or out of order, and counts that do not add up to n.
func (h *Histogram) UnmarshalJSON(data []byte) error {
	var s histogramState
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	if s.Bins < 1 || s.Bins > maxBins || !(s.Lo < s.Hi) || math.IsInf(s.Lo, 0) || math.IsInf(s.Hi, 0) {
		return fmt.Errorf("histogram: %d bins over [%v, %v]; want 1 … %d bins over a finite range", s.Bins, s.Lo, s.Hi, maxBins)
	}
	var made *Histogram
	if s.Discrete {
		made = NewCounts(s.Bins - 1)
		if made.lo != s.Lo || made.hi != s.Hi {
			return fmt.Errorf("histogram: discrete over [%v, %v] with %d bins; want [−0.5, %d.5]", s.Lo, s.Hi, s.Bins, s.Bins-1)
		}
	} else {
		made = NewHistogram(s.Lo, s.Hi, s.Bins)
	}
	var sum uint64
	for k, bc := range s.Counts {
		if bc[0] >= uint64(s.Bins) || k > 0 && bc[0] <= s.Counts[k-1][0] || bc[1] == 0 {
			return fmt.Errorf("histogram: counts[%d] is bin %d, count %d; want bins in increasing order below %d, counts above 0", k, bc[0], bc[1], s.Bins)
		}
		made.counts[bc[0]] = bc[1]
		sum += bc[1]
	}
	if sum != s.N {
		return fmt.Errorf("histogram: counts add up to %d, n is %d", sum, s.N)
	}
	if s.N > 0 && !(s.Min <= s.Max) {
		return fmt.Errorf("histogram: min %v above max %v", s.Min, s.Max)
	}
	made.n, made.min, made.max = s.N, s.Min, s.Max
	*h = *made
	return nil
}

// SameLayout reports whether h and o were made by the same constructor
// with the same arguments, so that Merge accepts them.
func (h *Histogram) SameLayout(o *Histogram) bool {
	return h.lo == o.lo && h.hi == o.hi && len(h.counts) == len(o.counts) && h.discrete == o.discrete
}

// MergeMoments adds the observations o summarizes to the moments of s
// alone, leaving its histogram as it is. With Histogram().Merge, it
// replays a merge of Samples whose histograms were added up elsewhere
// (histogram merges are exact, so they may be added in any order) and
// whose moments are merged in their own order: how a run's shards are
// merged into exactly what one process would have computed.
func (s *Sample) MergeMoments(o Moments) { s.m.Merge(o) }
