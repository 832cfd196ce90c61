package analytics

import (
	"fmt"
	"slices"

	"github.com/parley-sim/parley/model"
)

// Range is an interval of an issue's levels.
type Range struct{ Lo, Hi float64 }

// feasibleRanges returns each issue's levels allowed by its range and both
// principals' red lines, and the issues whose red lines leave none.
func feasibleRanges(s *model.Scenario, w *model.World, p [2]int) (r []Range, clash []int) {
	r = make([]Range, len(s.Issues))
	for k, is := range s.Issues {
		r[k] = Range{is.Min, is.Max}
	}
	for _, ai := range p {
		aw := &w.Actors[ai]
		for j, rl := range s.Actors[ai].RedLines {
			level, k := aw.RedLines[j], rl.Issue
			r[k].Lo, r[k].Hi = model.RedLineBounds(r[k].Lo, r[k].Hi, level, model.RedLineIsFloor(aw.Values[k], level))
		}
	}
	for k := range r {
		switch {
		case r[k].Lo > r[k].Hi+Tol:
			clash = append(clash, k)
		case r[k].Lo > r[k].Hi:
			r[k].Hi = r[k].Lo
		}
	}
	return r, clash
}

// MaxCombinations bounds the combinations of segments Analyze walks for
// issues whose efficient levels do not form a chain (see the package
// documentation).
const MaxCombinations = 1024

// frontier returns the Pareto frontier of the feasible packages, ordered by
// increasing utility of the first principal.
func frontier(views []issueView, ranges []Range) ([]Segment, error) {
	chains := make([]chain, len(views))
	var split []int // issues walked segment by segment
	var segments [][]chain
	combos := 1
	for k, v := range views {
		levels := v.candidates(ranges[k])
		c, ok := v.hull(levels)
		chains[k] = c
		if ok {
			continue
		}
		var parts []chain
		for j := range len(levels) - 1 {
			part, _ := v.hull(levels[j : j+2]) // two levels always form a chain
			parts = append(parts, part)
		}
		split = append(split, k)
		segments = append(segments, parts)
		combos *= len(parts)
		if combos > MaxCombinations {
			return nil, fmt.Errorf("more than %d combinations of issue segments to search; simplify the value functions of %s", MaxCombinations, v.issue.Name)
		}
	}
	if len(split) == 0 {
		return walk(chains), nil
	}
	var all []Segment
	pick := make([]int, len(split))
	for range combos {
		for n, k := range split {
			chains[k] = segments[n][pick[n]]
		}
		all = append(all, walk(chains)...)
		for n := range pick {
			if pick[n]++; pick[n] < len(segments[n]) {
				break
			}
			pick[n] = 0
		}
	}
	return paretoFilter(all), nil
}

// walk merges the chains' edges in order of decreasing steepness, starting
// from every issue at the second principal's best level: the frontier of
// the package space when every chain is realizable. Each segment moves one
// issue between adjacent candidate levels.
func walk(chains []chain) []Segment {
	cur := Point{Terms: make([]float64, len(chains))}
	for _, c := range chains {
		cur.Terms[c.k] = c.start
		cur.Utility[0] += c.u[0]
		cur.Utility[1] += c.u[1]
	}
	pos := make([]int, len(chains))
	var segs []Segment
	for {
		next := -1
		for i, c := range chains {
			if pos[i] < len(c.edges) && (next < 0 || c.edges[pos[i]].steeper(chains[next].edges[pos[next]])) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		e := chains[next].edges[pos[next]]
		pos[next]++
		from := Point{Terms: slices.Clone(cur.Terms), Utility: cur.Utility}
		from.Terms[e.k] = e.from // a step of no utility change may precede
		to := Point{Terms: slices.Clone(cur.Terms), Utility: [2]float64{cur.Utility[0] + e.du[0], cur.Utility[1] + e.du[1]}}
		to.Terms[e.k] = e.to
		segs = append(segs, Segment{from, to})
		cur = to
	}
	if len(segs) == 0 {
		return []Segment{{cur, cur}}
	}
	return segs
}
