package analytics

import (
	"cmp"
	"math"
	"slices"

	"github.com/parley-sim/parley/model"
)

// issueView is one issue as the two principals value it.
type issueView struct {
	k      int
	issue  model.Issue
	actors [2]*model.ActorWorld
}

// utility returns principal i's utility from level x of the issue: its
// term of model.ActorWorld.Utility.
func (v issueView) utility(i int, x float64) float64 {
	return v.actors[i].IssueUtility(v.issue, v.k, x)
}

func (v issueView) point(x float64) [2]float64 { return [2]float64{v.utility(0, x), v.utility(1, x)} }

// candidates returns the levels in r at which either utility may bend: the
// bounds of r and the single-peaked value functions' low, ideal and high
// levels inside it, in increasing order.
func (v issueView) candidates(r Range) []float64 {
	c := []float64{r.Lo, r.Hi}
	for _, a := range v.actors {
		if vf := a.Values[v.k]; vf.Shape == model.SinglePeaked {
			for _, x := range []float64{vf.Low, vf.Ideal, vf.High} {
				if x > r.Lo && x < r.Hi {
					c = append(c, x)
				}
			}
		}
	}
	slices.Sort(c)
	return slices.Compact(c)
}

// best returns the index of the level best for principal i, ties going to
// the level better for the other.
func best(pts [][2]float64, i int) int {
	b := 0
	for j, p := range pts {
		if p[i] > pts[b][i] || p[i] == pts[b][i] && p[1-i] > pts[b][1-i] {
			b = j
		}
	}
	return b
}

// edge moves issue k's level from one candidate to the adjacent one,
// changing the principals' utilities linearly by du, with du[0] > 0 > du[1].
type edge struct {
	k        int
	from, to float64
	du       [2]float64
}

// steeper reports whether e gives the first principal more per unit the
// second loses than f does.
func (e edge) steeper(f edge) bool { return e.du[0]*-f.du[1] > f.du[0]*-e.du[1] }

// chain is an issue's trade-off: its level best for the second principal,
// the utilities there, and the edges toward the level best for the first,
// in order of decreasing steepness.
type chain struct {
	k     int
	start float64
	u     [2]float64
	edges []edge
}

// hull returns the chain over the given candidate levels: the upper-right
// convex hull of their utility points from the second principal's best to
// the first's, split into edges between adjacent candidates. ok is false
// when a hull edge cannot be realized that way, because the levels between
// its ends leave the edge.
func (v issueView) hull(levels []float64) (c chain, ok bool) {
	pts := make([][2]float64, len(levels))
	for j, x := range levels {
		pts[j] = v.point(x)
	}
	start, end := best(pts, 1), best(pts, 0)
	c = chain{k: v.k, start: levels[start], u: pts[start]}
	if pts[end][0] <= pts[start][0]+Tol {
		return c, true
	}
	var mid []int
	for j, p := range pts {
		if j != end && p[0] > pts[start][0] && p[1] > pts[end][1] {
			mid = append(mid, j)
		}
	}
	slices.SortFunc(mid, func(a, b int) int {
		if pts[a][0] != pts[b][0] {
			return cmp.Compare(pts[a][0], pts[b][0])
		}
		return cmp.Compare(pts[b][1], pts[a][1])
	})
	h := []int{start}
	for _, j := range append(mid, end) {
		for len(h) >= 2 && cross(pts[h[len(h)-2]], pts[h[len(h)-1]], pts[j]) >= -crossTol {
			h = h[:len(h)-1]
		}
		h = append(h, j)
	}
	for n := 1; n < len(h); n++ {
		a, b := h[n-1], h[n]
		dir := 1
		if b < a {
			dir = -1
		}
		e := sub(pts[b], pts[a])
		for j := a; j != b; j += dir {
			du := sub(pts[j+dir], pts[j])
			if !along(e, du) {
				return c, false
			}
			if du != [2]float64{} {
				c.edges = append(c.edges, edge{k: v.k, from: levels[j], to: levels[j+dir], du: du})
			}
		}
	}
	return c, true
}

// crossTol is the cross product below which three utility points count as
// collinear; utilities are of order 1.
const crossTol = 1e-14

func cross(o, a, b [2]float64) float64 {
	return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
}

func sub(a, b [2]float64) [2]float64 { return [2]float64{a[0] - b[0], a[1] - b[1]} }

// along reports whether step d points the same way as edge e (or is zero).
func along(e, d [2]float64) bool {
	c := e[0]*d[1] - e[1]*d[0]
	return math.Abs(c) <= 1e-9*math.Hypot(e[0], e[1])*math.Hypot(d[0], d[1]) && e[0]*d[0]+e[1]*d[1] >= 0
}
