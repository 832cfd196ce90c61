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
	baseAt []int     // per issue: the index of base's level among its candidates
	segs   []segment // in the order the path takes them
	u0, u1 []float64 // utilities at the start of each segment, and at the end of the path

	cand  [][maxCandidates]float64 // per issue: candidate levels, sorted
	ncand []int
	terms [][maxCandidates]levelTerms // per issue: each principal's terms at each candidate level
	path  [][maxCandidates]segment    // per issue: its hull segments, in the order of its path
	npath []int
	at    []int      // scratch for point: per issue, the candidate index of its level
	kappa [2]float64 // κ of each principal's best package (see episode.kappa)

	// The levels the frontier was last built from, when built is true,
	// bit for bit. The episode's world sets the rest, so an issue whose
	// levels have not moved keeps its candidates, terms and segments.
	built            bool
	builtLo, builtHi []float64
	frontier         int // counts the frontiers built, so that a value kept for one is known to be for it
}

// A segment moves one issue from one level to another.
type segment struct {
	issue        int
	from, to     float64
	fromAt, toAt int     // the indices of from and to among the issue's candidates
	d0, d1       float64 // the change in each principal's utility
	ratio        float64 // ratio(d0, d1), the order of the path
}

// levelTerms holds each principal's terms of utility from an issue at
// one level (see utilities.terms), so that the frontier's queries add
// them up instead of evaluating value functions again.
type levelTerms struct {
	gain, cost, util [2]float64
}

// resize prepares the space's storage for n issues.
func (sp *space) resize(n int) {
	sp.lo = resize(sp.lo, n)
	sp.hi = resize(sp.hi, n)
	sp.base = resize(sp.base, n)
	sp.baseAt = resize(sp.baseAt, n)
	sp.terms = resize(sp.terms, n)
	sp.at = resize(sp.at, n)
	sp.cand = resize(sp.cand, n)
	sp.ncand = resize(sp.ncand, n)
	sp.path = resize(sp.path, n)
	sp.npath = resize(sp.npath, n)
	sp.builtLo, sp.builtHi = resize(sp.builtLo, n), resize(sp.builtHi, n)
	sp.ok, sp.built = false, false
	if cap(sp.segs) < n*maxCandidates {
		sp.segs = make([]segment, 0, n*maxCandidates)
		sp.u0 = make([]float64, 0, n*maxCandidates+1)
		sp.u1 = make([]float64, 0, n*maxCandidates+1)
	}
}

// build computes the frontier path inside the intervals sp.lo, sp.hi,
// which the caller has set; sp.ok must be true. Only the issues whose
// interval has moved since the last build are worked out again. It
// reports whether the frontier changed.
func (sp *space) build(u *utilities) bool {
	changed := !sp.built
	for k := range sp.lo {
		if sp.built && same(sp.lo[k], sp.builtLo[k]) && same(sp.hi[k], sp.builtHi[k]) {
			continue
		}
		changed = true
		sp.builtLo[k], sp.builtHi[k] = sp.lo[k], sp.hi[k]
		sp.candidates(u, k)
		for j, x := range sp.cand[k][:sp.ncand[k]] {
			t := &sp.terms[k][j]
			for i := range 2 {
				t.gain[i], t.cost[i] = u.parts(i, k, x)
				t.util[i] = u.combine(i, k, t.gain[i], t.cost[i])
			}
		}
		sp.issuePath(k)
	}
	sp.built = true
	if !changed {
		return false
	}
	sp.frontier++
	sp.segs = sp.segs[:0]
	for k := range sp.path {
		sp.segs = append(sp.segs, sp.path[k][:sp.npath[k]]...)
	}
	slices.SortStableFunc(sp.segs, func(a, b segment) int {
		switch {
		case a.ratio > b.ratio:
			return -1
		case a.ratio < b.ratio:
			return 1
		}
		return 0
	})
	copy(sp.at, sp.baseAt)
	sp.u0 = append(sp.u0[:0], sp.total(u, 0, sp.base, -1))
	sp.u1 = append(sp.u1[:0], sp.total(u, 1, sp.base, -1))
	for i, s := range sp.segs {
		sp.u0 = append(sp.u0, sp.u0[i]+s.d0)
		sp.u1 = append(sp.u1, sp.u1[i]+s.d1)
	}
	return true
}

// same reports whether a and b are the same number bit for bit.
func same(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// ratio returns principal 1's gain d1 per unit of principal 0's loss −d0.
func ratio(d0, d1 float64) float64 {
	if d0 >= 0 {
		return math.Inf(1)
	}
	return d1 / -d0
}

// total returns principal i's utility for the package x whose levels are
// the candidates of index sp.at, but for issue crossed (−1 for none):
// utilities.total's sum, from the terms stored for the candidates.
func (sp *space) total(u *utilities, i int, x []float64, crossed int) float64 {
	v := 0.0
	terms := u.terms[i]
	for k := range terms {
		var gain, cost float64
		if k == crossed {
			gain, cost = u.parts(i, k, x[k])
		} else {
			t := &sp.terms[k][sp.at[k]]
			gain, cost = t.gain[i], t.cost[i]
		}
		if terms[k].weight != 0 {
			v += gain
		}
		if terms[k].audience != 0 {
			v -= cost
		}
	}
	return v
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
// and sets the issue's path to the hull segments that lead to principal
// 1's best.
func (sp *space) issuePath(k int) {
	c, terms := sp.cand[k][:sp.ncand[k]], &sp.terms[k]
	best := func(i int) int {
		b := 0
		for j := 1; j < len(c); j++ {
			ui, ub := terms[j].util[i], terms[b].util[i]
			if ui > ub || ui == ub && terms[j].util[1-i] > terms[b].util[1-i] {
				b = j
			}
		}
		return b
	}
	a, b := best(0), best(1)
	sp.base[k], sp.baseAt[k] = c[a], a
	sp.npath[k] = 0
	if a == b {
		return
	}
	segs := sp.path[k][:0] // at most len(c) − 1 segments: within the array
	step := 1
	if b < a {
		step = -1
	}
	for j := a; j != b; j += step {
		s := segment{issue: k, from: c[j], to: c[j+step], fromAt: j, toAt: j + step,
			d0: terms[j+step].util[0] - terms[j].util[0],
			d1: terms[j+step].util[1] - terms[j].util[1]}
		s.ratio = ratio(s.d0, s.d1)
		segs = append(segs, s)
		// Merge into the previous segment while the hull is not
		// concave, or while the segment moves against the path.
		for n := len(segs); n > 1; n = len(segs) {
			last, prev := segs[n-1], &segs[n-2]
			if last.d0 <= 0 && last.d1 >= 0 && last.ratio <= prev.ratio {
				break
			}
			prev.to, prev.toAt, prev.d0, prev.d1 = last.to, last.toAt, prev.d0+last.d0, prev.d1+last.d1
			prev.ratio = ratio(prev.d0, prev.d1)
			segs = segs[:n-1]
		}
	}
	if len(segs) > 0 && segs[0].d1 <= 0 {
		// Only the first segment can move against the path, and then the
		// rest has been merged into it: the move gains principal 1
		// nothing, so the issue stays at principal 0's best.
		segs = segs[:0]
	}
	sp.npath[k] = len(segs)
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
	crossed, ok := sp.place(who, target, x)
	if !ok {
		return 0, 0, false
	}
	return sp.total(u, 0, x, crossed), sp.total(u, 1, x, crossed), true
}

// other returns the utility of point's package to the principal other
// than who, without the other total, and reports point's ok.
func (sp *space) other(u *utilities, who int, target float64, x []float64) (float64, bool) {
	crossed, ok := sp.place(who, target, x)
	if !ok {
		return 0, false
	}
	return sp.total(u, 1-who, x, crossed), true
}

// place writes point's package into x, with the candidate index of each
// level in sp.at, and returns the issue whose level lies between two
// candidates (−1 for none).
func (sp *space) place(who int, target float64, x []float64) (crossed int, ok bool) {
	n := len(sp.segs)
	whole, partial := n, false // segments taken whole; whether the crossing lies in the next
	if who == 0 {
		if sp.u0[0] < target-tolerance {
			return -1, false
		}
		for j := range n {
			if sp.u0[j+1] < target {
				whole, partial = j, true
				break
			}
		}
	} else {
		if sp.u1[n] < target-tolerance {
			return -1, false
		}
		for j := 0; j <= n; j++ {
			if sp.u1[j] >= target {
				whole, partial = max(j-1, 0), j > 0
				break
			}
		}
	}
	copy(x, sp.base)
	copy(sp.at, sp.baseAt)
	for _, seg := range sp.segs[:whole] {
		x[seg.issue], sp.at[seg.issue] = seg.to, seg.toAt
	}
	crossed = -1
	if partial {
		seg := sp.segs[whole]
		x[seg.issue], crossed = sp.cross(who, seg, target-pick(who, sp.u0[whole], sp.u1[whole])), seg.issue
	}
	return crossed, true
}

// cross returns the level between seg.from and seg.to at which principal
// who's utility from the issue has changed by need from its value at
// seg.from, scanning the candidate levels in between.
func (sp *space) cross(who int, seg segment, need float64) float64 {
	k := seg.issue
	if reached(who, 0, need) {
		return seg.from
	}
	c, terms := &sp.cand[k], &sp.terms[k]
	start := terms[seg.fromAt].util[who]
	step := 1
	if seg.toAt < seg.fromAt {
		step = -1
	}
	for prev, j := seg.fromAt, seg.fromAt+step; ; prev, j = j, j+step {
		if d := terms[j].util[who] - start; reached(who, d, need) {
			lo, hi := terms[prev].util[who]-start, d
			if hi == lo {
				return c[j]
			}
			return c[prev] + (c[j]-c[prev])*(need-lo)/(hi-lo)
		}
		if j == seg.toAt {
			return seg.to
		}
	}
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
