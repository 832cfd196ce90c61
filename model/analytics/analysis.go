package analytics

import (
	"errors"
	"math"

	"github.com/parley-sim/parley/model"
)

// Tol is the tolerance of utility comparisons: gains above −Tol count as
// gains, and two utilities within Tol of each other as equal.
const Tol = 1e-9

// Point is a package and what the two principals get from it.
type Point struct {
	Terms   []float64  // one level per issue, in scenario order
	Utility [2]float64 // of the principals, in Analysis.Principals order
}

// Segment is a straight piece of the Pareto frontier. Moving the terms
// linearly from A to B moves both utilities linearly too, so every point of
// the segment is a package. Where the frontier has a gap (a value function
// bending inside the contested range), the segment's end next to the gap
// may be weakly dominated by the first point past it: the frontier is open
// there and the segment is its closure.
type Segment struct{ A, B Point }

// At returns the point a fraction t in [0, 1] of the way from A to B.
func (s Segment) At(t float64) Point {
	p := Point{Terms: make([]float64, len(s.A.Terms))}
	for k := range p.Terms {
		p.Terms[k] = s.A.Terms[k] + t*(s.B.Terms[k]-s.A.Terms[k])
	}
	for i := range 2 {
		p.Utility[i] = s.A.Utility[i] + t*(s.B.Utility[i]-s.A.Utility[i])
	}
	return p
}

// Analysis is the bargaining analytics of a world's two principals.
// Principal i of the analysis is Scenario.Actors[Principals[i]]. Fields
// that need a feasible package are zero when the red lines clash, and
// those that need a ZOPA are nil when there is none.
type Analysis struct {
	Principals   [2]int
	Disagreement [2]float64 // reservation values at round 1

	Ranges []Range // levels each issue may take under both sides' red lines
	Clash  []int   // issues whose red lines leave no level; the red lines are compatible when empty

	Ideal    [2]Point  // Ideal[i]: the feasible package best for principal i, ties going to the other
	Frontier []Segment // the Pareto frontier, by increasing utility of principal 0; see Segment about gaps

	ZOPA             *ZOPA
	Nash             *Point
	KalaiSmorodinsky *Point
	Utilitarian      *Point
	Rubinstein       *Rubinstein // one-issue scenarios only

	Issues []IssueValue // logrolling: how much each side values each issue
	Trades []Trade      // issue pairs whose exchange creates joint value, best first
}

// Compatible reports whether the principals' red lines leave at least one
// feasible package.
func (a *Analysis) Compatible() bool { return len(a.Clash) == 0 }

// Analyze computes the analytics of w's two principals at round 1; w is
// usually the scenario's central world (model.Scenario.Central). It fails
// only when the package space is too irregular to search exactly (see
// MaxCombinations).
func Analyze(w *model.World) (*Analysis, error) {
	s := w.Scenario
	if s == nil {
		return nil, errors.New("analytics: the world has no scenario")
	}
	a := &Analysis{Principals: s.Principals()}
	var actors [2]*model.ActorWorld
	for i, ai := range a.Principals {
		actors[i] = &w.Actors[ai]
		a.Disagreement[i] = actors[i].Reservation
	}
	views := make([]issueView, len(s.Issues))
	for k, is := range s.Issues {
		views[k] = issueView{k: k, issue: is, actors: actors}
	}
	a.Ranges, a.Clash = feasibleRanges(s, w, a.Principals)
	a.Issues, a.Trades = logrolling(views, a.Ranges)
	a.Rubinstein = rubinstein(s, w, a.Principals)
	if !a.Compatible() {
		return a, nil
	}
	var err error
	if a.Frontier, err = frontier(views, a.Ranges); err != nil {
		return nil, err
	}
	a.Ideal = [2]Point{a.Frontier[len(a.Frontier)-1].B, a.Frontier[0].A}
	a.solve()
	return a, nil
}

// solve fills in the ZOPA and the solutions from the frontier.
func (a *Analysis) solve() {
	zopa := clip(a.Frontier, a.Disagreement)
	if len(zopa) == 0 {
		return
	}
	a.ZOPA = &ZOPA{Frontier: zopa, Best: [2]Point{zopa[len(zopa)-1].B, zopa[0].A}}
	a.Nash = new(nash(zopa, a.Disagreement))
	a.KalaiSmorodinsky = new(kalaiSmorodinsky(zopa, a.Disagreement, a.ZOPA.Utopia()))
	a.Utilitarian = new(utilitarian(zopa, a.Disagreement))
	if r := a.Rubinstein; r != nil {
		r.Point = new(rubinsteinPoint(zopa, a.Disagreement, a.ZOPA.Utopia(), r.Proposer, r.Share))
	}
}

// BestFor returns the feasible package best for principal i among those
// that give the other principal at least floor; ok is false when none does
// or the red lines clash. BestFor(i, Disagreement[1-i]) is ZOPA.Best[i]
// when there is a ZOPA; without one, it shows how far apart the sides are.
func (a *Analysis) BestFor(i int, floor float64) (p Point, ok bool) {
	var d [2]float64
	d[i], d[1-i] = math.Inf(-1), floor
	z := clip(a.Frontier, d)
	if len(z) == 0 {
		return Point{}, false
	}
	if i == 0 {
		return z[len(z)-1].B, true
	}
	return z[0].A, true
}
