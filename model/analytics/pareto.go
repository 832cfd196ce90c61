package analytics

import (
	"cmp"
	"math"
	"slices"
)

// sliver is the length, as a fraction of a segment, below which an
// undominated part is a rounding artefact at the end of a dominated one.
const sliver = 1e-12

// paretoFilter returns the parts of the segments that no point of another
// segment dominates, ordered by increasing utility of the first principal.
// Where the frontier has a gap, the part on one side of it may end at a
// point that the part on the other side weakly dominates: the frontier is
// open there and the segment keeps its closure.
// Every segment must run toward more for the first principal and less for
// the second (or be a single point).
func paretoFilter(segs []Segment) []Segment {
	var kept []Segment
	for i, s := range segs {
		var dominated []Range // of the parameter t along s
		for j, o := range segs {
			if j != i {
				dominated = append(dominated, dominatedBy(s, o)...)
			}
		}
		for _, r := range complement(dominated) {
			if r.Hi-r.Lo > sliver || s.A.Utility == s.B.Utility && r.Hi >= r.Lo {
				kept = append(kept, Segment{s.At(r.Lo), s.At(r.Hi)})
			}
		}
	}
	// Pieces starting within Tol of each other go highest first: the lower
	// one starts at an open end (see Segment) and is clipped below.
	slices.SortFunc(kept, func(a, b Segment) int {
		if math.Abs(a.A.Utility[0]-b.A.Utility[0]) > Tol {
			return cmp.Compare(a.A.Utility[0], b.A.Utility[0])
		}
		return cmp.Compare(b.A.Utility[1], a.A.Utility[1])
	})
	// Segments from different combinations may coincide; keep one copy.
	var out []Segment
	for _, s := range kept {
		if len(out) > 0 {
			reach := out[len(out)-1].B.Utility[0]
			if s.B.Utility[0] <= reach+Tol {
				continue
			}
			if s.A.Utility[0] < reach {
				s.A = s.At((reach - s.A.Utility[0]) / (s.B.Utility[0] - s.A.Utility[0]))
			}
		}
		out = append(out, s)
	}
	return out
}

// dominatedBy returns the parameter intervals of s whose points some point
// of o beats by more than Tol in one utility while offering at least as
// much of the other.
func dominatedBy(s, o Segment) []Range {
	// Both gaps below are linear in t between the places where s crosses o's ends.
	ts := []float64{0, 1}
	for i := range 2 {
		for _, x := range []float64{o.A.Utility[i], o.B.Utility[i]} {
			if d := s.B.Utility[i] - s.A.Utility[i]; d != 0 {
				if t := (x - s.A.Utility[i]) / d; t > 0 && t < 1 {
					ts = append(ts, t)
				}
			}
		}
	}
	slices.Sort(ts)
	var out []Range
	for n := 0; n+1 < len(ts); n++ {
		lo, hi := ts[n], ts[n+1]
		mid := s.At((lo + hi) / 2).Utility
		for i := range 2 {
			f, ok := envelope(o, i, mid[i])
			if !ok {
				continue
			}
			gap := func(t float64) float64 { p := s.At(t).Utility; return p[1-i] - f(p[i]) }
			if r, ok := below(lo, hi, gap(lo), gap(hi)); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// envelope returns the linear piece, holding at x, of the most utility 1−i
// that a point of o offers with at least x of utility i; ok is false when no
// point of o offers x.
func envelope(o Segment, i int, x float64) (f func(float64) float64, ok bool) {
	p, q := o.A.Utility, o.B.Utility // p has less of utility i, q more
	if i == 1 {
		p, q = q, p
	}
	switch {
	case x > q[i]:
		return nil, false
	case x <= p[i]:
		return func(float64) float64 { return p[1-i] }, true
	}
	return func(x float64) float64 { return p[1-i] + (x-p[i])/(q[i]-p[i])*(q[1-i]-p[1-i]) }, true
}

// below returns the part of [lo, hi] where the linear function running from
// glo at lo to ghi at hi is below −Tol.
func below(lo, hi, glo, ghi float64) (Range, bool) {
	switch inLo, inHi := glo < -Tol, ghi < -Tol; {
	case inLo && inHi:
		return Range{lo, hi}, true
	case !inLo && !inHi:
		return Range{}, false
	case inLo:
		return Range{lo, lo + (-Tol-glo)/(ghi-glo)*(hi-lo)}, true
	default:
		return Range{lo + (-Tol-glo)/(ghi-glo)*(hi-lo), hi}, true
	}
}

// complement returns the parts of [0, 1] outside the ranges.
func complement(rs []Range) []Range {
	slices.SortFunc(rs, func(a, b Range) int { return cmp.Compare(a.Lo, b.Lo) })
	var out []Range
	at := 0.0
	for _, r := range rs {
		if r.Lo > at {
			out = append(out, Range{at, r.Lo})
		}
		at = max(at, r.Hi)
	}
	if at < 1 {
		out = append(out, Range{at, 1})
	}
	return out
}
