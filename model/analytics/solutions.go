package analytics

import "math"

// ZOPA is the zone of possible agreement: the feasible packages that give
// each principal at least its reservation value (Raiffa 1982).
type ZOPA struct {
	Frontier []Segment // the part of the Pareto frontier inside the zone
	Best     [2]Point  // Best[i]: the most principal i can get while the other gets its reservation value
}

// Utopia returns the most each principal can get in the ZOPA,
// (Best[0].Utility[0], Best[1].Utility[1]): the aspiration point of the
// Kalai–Smorodinsky solution.
func (z *ZOPA) Utopia() [2]float64 { return [2]float64{z.Best[0].Utility[0], z.Best[1].Utility[1]} }

// clip returns the parts of the frontier that give each principal at least
// its reservation value. A segment that falls short by no more than Tol
// contributes the single point where it comes closest.
func clip(front []Segment, d [2]float64) []Segment {
	var out []Segment
	for _, s := range front {
		a, b := s.A.Utility, s.B.Utility
		if b[0] == a[0] { // a single point
			if a[0] >= d[0]-Tol && a[1] >= d[1]-Tol {
				out = append(out, s)
			}
			continue
		}
		// u1 rises along the segment and u2 falls: t ≥ lo keeps u1 ≥ d1, t ≤ hi keeps u2 ≥ d2.
		lo := max((d[0]-a[0])/(b[0]-a[0]), 0)
		hi := min((a[1]-d[1])/(a[1]-b[1]), 1)
		switch {
		case lo <= hi:
			out = append(out, Segment{s.At(lo), s.At(hi)})
		case lo <= 1 && hi >= 0 && s.At(lo).Utility[1] >= d[1]-Tol:
			p := s.At((lo + hi) / 2)
			out = append(out, Segment{p, p})
		}
	}
	return out
}

// gains returns the principals' gains over d at p, never below 0 (a point
// of the clipped frontier may fall short of d by up to Tol).
func gains(p Point, d [2]float64) [2]float64 {
	return [2]float64{max(p.Utility[0]-d[0], 0), max(p.Utility[1]-d[1], 0)}
}

func product(p Point, d [2]float64) float64 { g := gains(p, d); return g[0] * g[1] }

// nashOn returns the point of s with the largest Nash product over d. Along
// s the gains are g + t·e, whose product is a quadratic in t with its
// stationary point at t = −(e1·g2 + e2·g1)/(2·e1·e2).
func nashOn(s Segment, d [2]float64) Point {
	g := gains(s.A, d)
	e := [2]float64{s.B.Utility[0] - s.A.Utility[0], s.B.Utility[1] - s.A.Utility[1]}
	best := s.A
	cand := []Point{s.B}
	if e[0]*e[1] < 0 {
		t := -(e[0]*g[1] + e[1]*g[0]) / (2 * e[0] * e[1])
		cand = append(cand, s.At(min(max(t, 0), 1)))
	}
	for _, p := range cand {
		if better(p, best, product(p, d), product(best, d)) {
			best = p
		}
	}
	return best
}

// nash returns the Nash bargaining solution on the ZOPA frontier z: the
// point maximizing (u_1 − d_1)(u_2 − d_2) (Nash 1950).
func nash(z []Segment, d [2]float64) Point {
	best := nashOn(z[0], d)
	for _, s := range z[1:] {
		if p := nashOn(s, d); better(p, best, product(p, d), product(best, d)) {
			best = p
		}
	}
	return best
}

// tie is the difference below which two scores of candidate points are equal.
const tie = 1e-15

// better reports whether p, scoring sp, beats q, scoring sq: a higher score,
// or an equal one and more utility in total. The second rule keeps a point
// that another weakly dominates, at the open end of a frontier segment next
// to a gap, from winning a tie.
func better(p, q Point, sp, sq float64) bool {
	if math.Abs(sp-sq) > tie {
		return sp > sq
	}
	return p.Utility[0]+p.Utility[1] > q.Utility[0]+q.Utility[1]+tie
}

// relative returns the principals' gains as fractions of their possible
// gains in the ZOPA, utopia − d; a principal that can gain nothing counts as
// fully satisfied.
func relative(p Point, d, utopia [2]float64) [2]float64 {
	var r [2]float64
	for i := range 2 {
		r[i] = 1
		if span := utopia[i] - d[i]; span > Tol {
			r[i] = (p.Utility[i] - d[i]) / span
		}
	}
	return r
}

// kalaiSmorodinsky returns the point of the ZOPA frontier z with the
// largest smaller relative gain: where the relative gains are equal when
// the frontier crosses the line from d to the utopia point (Kalai &
// Smorodinsky 1975). Along a segment one relative gain rises and the other
// falls linearly, so the best point is where they cross or an end.
func kalaiSmorodinsky(z []Segment, d, utopia [2]float64) Point {
	worst := func(p Point) float64 { r := relative(p, d, utopia); return min(r[0], r[1]) }
	best := z[0].A
	for _, s := range z {
		ra, rb := relative(s.A, d, utopia), relative(s.B, d, utopia)
		cand := []Point{s.A, s.B}
		if den := (rb[0] - ra[0]) - (rb[1] - ra[1]); den != 0 {
			if t := (ra[1] - ra[0]) / den; t > 0 && t < 1 {
				cand = append(cand, s.At(t))
			}
		}
		for _, p := range cand {
			if better(p, best, worst(p), worst(best)) {
				best = p
			}
		}
	}
	return best
}

// utilitarian returns the point of the ZOPA frontier z with the largest sum
// of utilities; among points whose sums are within Tol of the largest it
// takes the one with the largest Nash product.
func utilitarian(z []Segment, d [2]float64) Point {
	sum := func(p Point) float64 { return p.Utility[0] + p.Utility[1] }
	top := sum(z[0].A)
	for _, s := range z {
		top = max(top, sum(s.A), sum(s.B))
	}
	var best *Point
	consider := func(p Point) {
		if sum(p) >= top-Tol && (best == nil || better(p, *best, product(p, d), product(*best, d))) {
			best = &p
		}
	}
	for _, s := range z {
		consider(s.A)
		consider(s.B)
		if sum(s.A) >= top-Tol && sum(s.B) >= top-Tol {
			consider(nashOn(s, d))
		}
	}
	return *best
}
