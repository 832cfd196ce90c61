package analytics

import (
	"math"

	"github.com/parley-sim/parley/model"
)

// Rubinstein is the subgame-perfect outcome of Rubinstein's (1982)
// alternating-offers game between the two principals over a single issue.
type Rubinstein struct {
	Proposer int     // the principal who proposes first, 0 or 1
	Share    float64 // the proposer's share of the pie, (1 − δ_r)/(1 − δ_p·δ_r)
	Point    *Point  // where the proposer has Share of its possible gain in the ZOPA; nil without a ZOPA
}

// rubinstein returns the Rubinstein share of a one-issue scenario whose
// first proposer is a principal, or nil: for other scenarios, and when both
// principals are perfectly patient (δ_p·δ_r = 1), where the game has no
// unique answer.
func rubinstein(s *model.Scenario, w *model.World, p [2]int) *Rubinstein {
	if len(s.Issues) != 1 {
		return nil
	}
	for i, ai := range p {
		if ai != s.Protocol.FirstProposer {
			continue
		}
		dp, dr := w.Actors[ai].Discount, w.Actors[p[1-i]].Discount
		if dp*dr >= 1 {
			return nil
		}
		return &Rubinstein{Proposer: i, Share: (1 - dr) / (1 - dp*dr)}
	}
	return nil
}

// rubinsteinPoint returns the point of the ZOPA frontier z where principal
// i's relative gain (see relative) equals share; in the classic pie, with
// both utilities linear in the share and no outside options, that is the
// split itself. Where a gap in the frontier skips share, it returns the
// point across the gap that gives principal i the least gain above share
// (its utopia point gains 1 ≥ share).
func rubinsteinPoint(z []Segment, d, utopia [2]float64, i int, share float64) Point {
	var best Point
	over := math.Inf(1)
	for _, s := range z {
		ra, rb := relative(s.A, d, utopia)[i], relative(s.B, d, utopia)[i]
		if ra != rb && min(ra, rb) <= share && share <= max(ra, rb) {
			return s.At((share - ra) / (rb - ra))
		}
		for _, c := range []struct {
			p Point
			r float64
		}{{s.A, ra}, {s.B, rb}} {
			if c.r >= share && c.r-share < over {
				best, over = c.p, c.r-share
			}
		}
	}
	return best
}
