package sim

import (
	"math"
	"slices"

	"github.com/parley-sim/parley/model"
)

// maxCandidates bounds the levels an issue's frontier is built from: its
// two bounds and each principal's low, ideal and high.
const maxCandidates = 8

// A space is the set of packages on offer for one kind of deal in the
// current state of an episode: an interval of levels per issue, and the
// Pareto frontier between the two principals inside it.
//
// The frontier is a path from principal 0's best package to principal 1's
// best. Utilities are additive and piecewise linear per issue, so the
// path is a fractional knapsack: each issue contributes the segments
// between its candidate levels, merged into their upper concave hull, and
// the path takes them in order of decreasing ratio of principal 1's gain
// to principal 0's loss (Raiffa 1982: concede first where the other side
// gains most per unit of one's own loss). Along the path u0 never rises
// and u1 never falls, so every query is a search for a crossing. The
// path is exact when each principal's utility on an issue is monotone
// between the two ideals, as in every shipped scenario; otherwise it is
// the frontier of the problem's concave hull and the queries still meet
// their utility targets exactly.
type space struct {
	kind   dealKind
	ok     bool      // some package lies within both sides' red lines
	lo, hi []float64 // the levels allowed per issue
	base   []float64 // the package at the start of the path (principal 0's best)
	segs   []segment // in the order the path takes them
	u0, u1 []float64 // utilities at the start of each segment, and at the end of the path

	cand  [][maxCandidates]float64 // per issue: candidate levels, sorted
	ncand []int
	rev   [maxCandidates]float64 // scratch for between
	kappa [2]float64             // κ of each principal's best package (see episode.kappa)

	// What the space was last bounded by, when built is true: each
	// side's red lines (bit for bit, NaN for none) and whether they had
	// yielded. The episode's world sets the rest.
	built     bool
	lines     [2][]float64
	linesGave [2]bool
}

// A segment moves one issue from one level to another.
type segment struct {
	issue    int
	from, to float64
	d0, d1   float64 // the change in each principal's utility
}

// resize prepares the space's storage for n issues.
func (sp *space) resize(n int) {
	sp.lo = resize(sp.lo, n)
	sp.hi = resize(sp.hi, n)
	sp.base = resize(sp.base, n)
	sp.cand = resize(sp.cand, n)
	sp.ncand = resize(sp.ncand, n)
	sp.lines[0], sp.lines[1] = resize(sp.lines[0], n), resize(sp.lines[1], n)
	sp.built = false
	if cap(sp.segs) < n*maxCandidates {
		sp.segs = make([]segment, 0, n*maxCandidates)
		sp.u0 = make([]float64, 0, n*maxCandidates+1)
		sp.u1 = make([]float64, 0, n*maxCandidates+1)
	}
}

// sameBounds reports whether the space was last bounded by the red
// lines redLine, yielded as given, and records them as the bounds of the
// space about to be built otherwise.
func (sp *space) sameBounds(redLine *[2][]float64, yielded [2]bool) bool {
	same := sp.built && sp.linesGave == yielded
	for i := range 2 {
		for k, l := range redLine[i] {
			if math.Float64bits(sp.lines[i][k]) != math.Float64bits(l) {
				same = false
				sp.lines[i][k] = l
			}
		}
	}
	sp.built, sp.linesGave = true, yielded
	return same
}

// build computes the frontier path inside the intervals sp.lo, sp.hi,
// which the caller has set; sp.ok must be true.
func (sp *space) build(u *utilities) {
	sp.segs = sp.segs[:0]
	for k := range sp.lo {
		sp.candidates(u, k)
		sp.issuePath(u, k)
	}
	slices.SortStableFunc(sp.segs, func(a, b segment) int {
		ra, rb := ratio(a), ratio(b)
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return 0
	})
	sp.u0 = append(sp.u0[:0], u.total(0, sp.base))
	sp.u1 = append(sp.u1[:0], u.total(1, sp.base))
	for i, s := range sp.segs {
		sp.u0 = append(sp.u0, sp.u0[i]+s.d0)
		sp.u1 = append(sp.u1, sp.u1[i]+s.d1)
	}
}

// ratio returns principal 1's gain per unit of principal 0's loss.
func ratio(s segment) float64 {
	if s.d0 >= 0 {
		return math.Inf(1)
	}
	return s.d1 / -s.d0
}

// candidates collects issue k's candidate levels: the interval's bounds
// and every breakpoint of either principal's value function inside it.
func (sp *space) candidates(u *utilities, k int) {
	lo, hi := sp.lo[k], sp.hi[k]
	c := &sp.cand[k]
	n := 0
	add := func(x float64) {
		if x >= lo && x <= hi && !slices.Contains(c[:n], x) {
			c[n] = x
			n++
		}
	}
	add(lo)
	add(hi)
	for i := range 2 {
		v := u.actor[i].Values[k]
		if u.actor[i].Weights[k] != 0 {
			add(v.Ideal)
			if v.Shape == model.SinglePeaked {
				add(v.Low)
				add(v.High)
			}
		}
	}
	slices.Sort(c[:n])
	sp.ncand[k] = n
}

// issuePath sets issue k's level in base to principal 0's best candidate
// and appends the hull segments that lead to principal 1's best.
func (sp *space) issuePath(u *utilities, k int) {
	c := sp.cand[k][:sp.ncand[k]]
	best := func(i int) int {
		b := 0
		for j := 1; j < len(c); j++ {
			ui, ub := u.issue(i, k, c[j]), u.issue(i, k, c[b])
			if ui > ub || ui == ub && u.issue(1-i, k, c[j]) > u.issue(1-i, k, c[b]) {
				b = j
			}
		}
		return b
	}
	a, b := best(0), best(1)
	sp.base[k] = c[a]
	if a == b {
		return
	}
	step := 1
	if b < a {
		step = -1
	}
	first := len(sp.segs)
	for j := a; j != b; j += step {
		s := segment{issue: k, from: c[j], to: c[j+step],
			d0: u.issue(0, k, c[j+step]) - u.issue(0, k, c[j]),
			d1: u.issue(1, k, c[j+step]) - u.issue(1, k, c[j])}
		sp.segs = append(sp.segs, s)
		// Merge into the previous segment of this issue while the hull
		// is not concave, or while the segment moves against the path.
		for n := len(sp.segs); n-1 > first; n = len(sp.segs) {
			last, prev := sp.segs[n-1], &sp.segs[n-2]
			if last.d0 <= 0 && last.d1 >= 0 && ratio(last) <= ratio(*prev) {
				break
			}
			prev.to, prev.d0, prev.d1 = last.to, prev.d0+last.d0, prev.d1+last.d1
			sp.segs = sp.segs[:n-1]
		}
	}
	if len(sp.segs) > first && sp.segs[first].d1 <= 0 {
		// Only the first segment can move against the path, and then the
		// rest has been merged into it: the move gains principal 1
		// nothing, so the issue stays at principal 0's best.
		sp.segs = sp.segs[:first]
	}
}

// best returns the most utility principal i can get in the space.
func (sp *space) best(i int) float64 {
	if i == 0 {
		return sp.u0[0]
	}
	return sp.u1[len(sp.u1)-1]
}

// bestFor writes into x the package of the space best for principal i:
// the start of the path for principal 0, its end for principal 1.
func (sp *space) bestFor(i int, x []float64) {
	copy(x, sp.base)
	if i == 1 {
		for _, seg := range sp.segs {
			x[seg.issue] = seg.to
		}
	}
}

// point writes into x the frontier package at which principal who gets
// at least target and the other principal gets as much as the path
// allows, and returns both utilities. It reports false when no package
// in the space gives who that much.
func (sp *space) point(u *utilities, who int, target float64, x []float64) (u0, u1 float64, ok bool) {
	n := len(sp.segs)
	whole, partial := n, false // segments taken whole; whether the crossing lies in the next
	if who == 0 {
		if sp.u0[0] < target-tolerance {
			return 0, 0, false
		}
		for j := range n {
			if sp.u0[j+1] < target {
				whole, partial = j, true
				break
			}
		}
	} else {
		if sp.u1[n] < target-tolerance {
			return 0, 0, false
		}
		for j := 0; j <= n; j++ {
			if sp.u1[j] >= target {
				whole, partial = max(j-1, 0), j > 0
				break
			}
		}
	}
	copy(x, sp.base)
	for _, seg := range sp.segs[:whole] {
		x[seg.issue] = seg.to
	}
	if partial {
		seg := sp.segs[whole]
		x[seg.issue] = sp.cross(u, who, seg, target-pick(who, sp.u0[whole], sp.u1[whole]))
	}
	return u.total(0, x), u.total(1, x), true
}

// cross returns the level between seg.from and seg.to at which principal
// who's utility from the issue has changed by need from its value at
// seg.from, scanning the candidate levels in between.
func (sp *space) cross(u *utilities, who int, seg segment, need float64) float64 {
	k := seg.issue
	if reached(who, 0, need) {
		return seg.from
	}
	start := u.issue(who, k, seg.from)
	prev := seg.from
	for _, c := range sp.between(k, seg.from, seg.to) {
		if reached(who, u.issue(who, k, c)-start, need) {
			lo, hi := u.issue(who, k, prev)-start, u.issue(who, k, c)-start
			if hi == lo {
				return c
			}
			return prev + (c-prev)*(need-lo)/(hi-lo)
		}
		prev = c
	}
	return seg.to
}

// reached reports whether a change d of principal who's utility meets
// the need: principal 0 may lose at most -need, principal 1 must gain at
// least need.
func reached(who int, d, need float64) bool {
	if who == 0 {
		return d <= need
	}
	return d >= need
}

// between returns issue k's candidate levels after from up to and
// including to, in the direction of travel, as a view of a reused array.
func (sp *space) between(k int, from, to float64) []float64 {
	c := sp.cand[k][:sp.ncand[k]]
	i, _ := slices.BinarySearch(c, from)
	j, _ := slices.BinarySearch(c, to)
	if j > i {
		return c[i+1 : j+1]
	}
	view := sp.rev[:0]
	for m := i - 1; m >= j; m-- {
		view = append(view, c[m])
	}
	return view
}

// nash returns principal 0's utility at the Nash bargaining point of the
// frontier for the disagreement point (d0, d1), the package that
// maximizes (u0 − d0)(u1 − d1) with both gains positive (Nash 1950). It
// reports false when no point of the frontier gives both sides a gain.
func (sp *space) nash(d0, d1 float64) (float64, bool) {
	best, arg := 0.0, math.NaN()
	try := func(a0, a1 float64) {
		if g := (a0 - d0) * (a1 - d1); a0 > d0 && a1 > d1 && g > best {
			best, arg = g, a0
		}
	}
	for j := range sp.u0 {
		try(sp.u0[j], sp.u1[j])
	}
	for j, s := range sp.segs {
		// Along the segment u = start + θ·d, so the product is a
		// quadratic in θ with its stationary point at θ*.
		g0, g1 := sp.u0[j]-d0, sp.u1[j]-d1
		if s.d0 == 0 || s.d1 == 0 {
			continue
		}
		if th := -(g0*s.d1 + g1*s.d0) / (2 * s.d0 * s.d1); th > 0 && th < 1 {
			try(sp.u0[j]+th*s.d0, sp.u1[j]+th*s.d1)
		}
	}
	return arg, !math.IsNaN(arg)
}

// tolerance absorbs rounding in utility comparisons.
const tolerance = 1e-12
