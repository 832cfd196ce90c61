package analytics

import (
	"cmp"
	"math"
	"slices"
)

// IssueValue is how much each principal cares about one issue over its
// contested range, the levels between the two principals' best feasible
// levels.
type IssueValue struct {
	Issue    int
	Best     [2]float64 // Best[i]: principal i's best feasible level, ties going to the other's preference
	Stake    [2]float64 // utility each principal loses when the issue goes from its best level to the other's
	Marginal [2]float64 // Stake per whole range of the issue: the average slope of the utility, weight × value slope − audience cost
	Ratio    float64    // Marginal[0]/Marginal[1]; 0 when the issue is not contested
}

// Contested reports whether both principals lose by yielding on the issue;
// an uncontested issue has a level that is best for both.
func (v IssueValue) Contested() bool { return v.Ratio > 0 }

// Trade is a logroll: each principal has its way on the issue it values
// more, relative to the other, than the issue it yields.
type Trade struct {
	Gets [2]int  // Gets[i]: the issue principal i has its way on
	Gain float64 // Ratio of Gets[0] over Ratio of Gets[1], > 1: how much more the exchange is worth to both than to neither
}

// logrolling returns each issue's values and the trades between contested
// issues that principal 0 values more than principal 1 (Ratio > 1) and
// those it values less (Ratio < 1), the largest Gain first.
func logrolling(views []issueView, ranges []Range) ([]IssueValue, []Trade) {
	values := make([]IssueValue, len(views))
	for k, v := range views {
		iv := IssueValue{Issue: k}
		levels := v.candidates(ranges[k])
		if ranges[k].Lo > ranges[k].Hi { // clashing red lines: judge the whole range
			levels = v.candidates(Range{v.issue.Min, v.issue.Max})
		}
		pts := make([][2]float64, len(levels))
		for j, x := range levels {
			pts[j] = v.point(x)
		}
		b := [2]int{best(pts, 0), best(pts, 1)}
		width := math.Abs(v.issue.Normalize(levels[b[0]]) - v.issue.Normalize(levels[b[1]]))
		for i := range 2 {
			iv.Best[i] = levels[b[i]]
			iv.Stake[i] = pts[b[i]][i] - pts[b[1-i]][i]
			if width > 0 {
				iv.Marginal[i] = iv.Stake[i] / width
			}
		}
		if iv.Stake[0] > Tol && iv.Stake[1] > Tol {
			iv.Ratio = iv.Marginal[0] / iv.Marginal[1]
		}
		values[k] = iv
	}
	var trades []Trade
	for _, g := range values {
		for _, y := range values {
			if g.Ratio > 1 && y.Contested() && y.Ratio < 1 {
				trades = append(trades, Trade{Gets: [2]int{g.Issue, y.Issue}, Gain: g.Ratio / y.Ratio})
			}
		}
	}
	slices.SortStableFunc(trades, func(a, b Trade) int { return cmp.Compare(b.Gain, a.Gain) })
	return values, trades
}
