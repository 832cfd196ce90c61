package sim

import (
	"math"
	"slices"
	"testing"

	"github.com/parley-sim/parley/model"
)

// twoIssues is a hand-solvable space: issues a and b on [0, 1];
// principal 0 wants both high with weights .7/.3, principal 1 wants both
// low with weights .3/.7. Conceding b first costs 0 0.3 for 0.7 to 1
// (ratio 7/3), a second costs 0.7 for 0.3 (ratio 3/7), so the frontier
// runs (1,1) → (1,0) → (0,0) through utilities (1,0) → (0.7,0.7) → (0,1).
func twoIssues() (*space, *utilities) {
	issues := []model.Issue{{Name: "a", Min: 0, Max: 1}, {Name: "b", Min: 0, Max: 1}}
	linear := func(ideal float64) model.ValueWorld {
		return model.ValueWorld{Shape: model.Linear, Ideal: ideal, IssueMin: 0, IssueMax: 1}
	}
	p0 := &model.ActorWorld{Weights: []float64{0.7, 0.3}, Values: []model.ValueWorld{linear(1), linear(1)}, AudienceCosts: []float64{0, 0}}
	p1 := &model.ActorWorld{Weights: []float64{0.3, 0.7}, Values: []model.ValueWorld{linear(0), linear(0)}, AudienceCosts: []float64{0, 0}}
	u := newUtilities(issues, p0, p1)
	sp := new(space)
	sp.resize(2)
	copy(sp.lo, []float64{0, 0})
	copy(sp.hi, []float64{1, 1})
	sp.ok = true
	sp.build(u)
	return sp, u
}

func TestFrontierPoints(t *testing.T) {
	const tol = 1e-12
	sp, u := twoIssues()
	if b0, b1 := sp.best(0), sp.best(1); b0 != 1 || b1 != 1 {
		t.Fatalf("best utilities %v, %v; want 1, 1", b0, b1)
	}
	for _, c := range []struct {
		name         string
		who          int
		target       float64
		x            [2]float64
		want0, want1 float64
	}{
		// 0 gives up 0.15 on b, which costs it 0.3 per unit: b = 0.5.
		{"0 keeps 0.85", 0, 0.85, [2]float64{1, 0.5}, 0.85, 0.35},
		// 0 keeps exactly the kink.
		{"0 keeps 0.7", 0, 0.7, [2]float64{1, 0}, 0.7, 0.7},
		// 1 needs 0.15 more than the kink gives, at 0.3 per unit of a: a = 0.5.
		{"1 gets 0.85", 1, 0.85, [2]float64{0.5, 0}, 0.35, 0.85},
		// 1 asks for nothing: 0 keeps everything.
		{"1 gets 0", 1, 0, [2]float64{1, 1}, 1, 0},
		// 0 asks for nothing: 1 gets everything.
		{"0 keeps 0", 0, 0, [2]float64{0, 0}, 0, 1},
	} {
		x := make([]float64, 2)
		u0, u1, ok := sp.point(u, c.who, c.target, x)
		if !ok || math.Abs(x[0]-c.x[0]) > tol || math.Abs(x[1]-c.x[1]) > tol ||
			math.Abs(u0-c.want0) > tol || math.Abs(u1-c.want1) > tol {
			t.Errorf("%s: %v %v (%v, %v); want %v (%v, %v)", c.name, ok, x, u0, u1, c.x, c.want0, c.want1)
		}
	}
	if _, _, ok := sp.point(u, 0, 1.1, make([]float64, 2)); ok {
		t.Error("0 can be given 1.1; want no such package")
	}
}

// TestNashPoint checks the Nash bargaining point of the two-issue space:
// with d = (0, 0) the product u0·u1 rises along the first segment
// (derivative 0.7 − 0.42θ > 0 on [0, 1]) and falls along the second
// (−0.28 − 0.42θ < 0), so the maximum is the kink, u0 = 0.7. With
// d = (0.6, 0) only the first segment counts: u0 = 1 − 0.3θ, u1 = 0.7θ,
// (0.4 − 0.3θ)·0.7θ peaks at θ = 2/3, u0 = 0.8.
func TestNashPoint(t *testing.T) {
	sp, _ := twoIssues()
	for _, c := range []struct{ d0, d1, want float64 }{
		{0, 0, 0.7},
		{0.6, 0, 0.8},
	} {
		got, ok := sp.nash(c.d0, c.d1)
		if !ok || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("d = (%v, %v): u0 = %v, %v; want %v", c.d0, c.d1, got, ok, c.want)
		}
	}
	if _, ok := sp.nash(0.8, 0.8); ok {
		t.Error("d = (0.8, 0.8) has a Nash point; want none (no package gives both a gain)")
	}
}

// TestSinglePeakedFrontier checks that a single-peaked value stops the
// path at the peak: principal 0 peaks at 0.5 on [0, 1], principal 1 wants
// the level high, so the conflict runs from 0.5 to 1 only.
func TestSinglePeakedFrontier(t *testing.T) {
	issues := []model.Issue{{Name: "c", Min: 0, Max: 1}}
	p0 := &model.ActorWorld{Weights: []float64{1}, AudienceCosts: []float64{0},
		Values: []model.ValueWorld{{Shape: model.SinglePeaked, Ideal: 0.5, Low: 0, High: 1, IssueMin: 0, IssueMax: 1}}}
	p1 := &model.ActorWorld{Weights: []float64{1}, AudienceCosts: []float64{0},
		Values: []model.ValueWorld{{Shape: model.Linear, Ideal: 1, IssueMin: 0, IssueMax: 1}}}
	u := newUtilities(issues, p0, p1)
	sp := new(space)
	sp.resize(1)
	sp.lo[0], sp.hi[0], sp.ok = 0, 1, true
	sp.build(u)
	if sp.base[0] != 0.5 || len(sp.segs) != 1 || sp.segs[0].to != 1 {
		t.Fatalf("path from %v through %+v; want from 0.5 to 1", sp.base, sp.segs)
	}
	x := make([]float64, 1)
	// Principal 0 keeps 0.5: its value falls from 1 at 0.5 to 0 at 1, so the level is 0.75.
	if _, u1, _ := sp.point(u, 0, 0.5, x); math.Abs(x[0]-0.75) > 1e-12 || math.Abs(u1-0.75) > 1e-12 {
		t.Errorf("level %v, u1 %v; want 0.75, 0.75", x[0], u1)
	}
}

// TestBuildReusesUnmovedIssues checks that a space rebuilt after one
// issue's interval moved, which works out only that issue again, is the
// space built from scratch in the new intervals, and that a rebuild with
// nothing moved reports no change.
func TestBuildReusesUnmovedIssues(t *testing.T) {
	sp, u := twoIssues()
	if sp.build(u) {
		t.Error("rebuild in the same intervals reports a change")
	}
	sp.hi[1] = 0.5
	if !sp.build(u) {
		t.Error("rebuild after issue b's interval moved reports no change")
	}
	fresh := new(space)
	fresh.resize(2)
	copy(fresh.lo, sp.lo)
	copy(fresh.hi, sp.hi)
	fresh.ok = true
	fresh.build(u)
	if !slices.Equal(sp.segs, fresh.segs) || !slices.Equal(sp.u0, fresh.u0) || !slices.Equal(sp.u1, fresh.u1) ||
		!slices.Equal(sp.base, fresh.base) || !slices.Equal(sp.baseAt, fresh.baseAt) {
		t.Errorf("rebuilt path %v from %v (u0 %v, u1 %v); built from scratch %v from %v (u0 %v, u1 %v)",
			sp.segs, sp.base, sp.u0, sp.u1, fresh.segs, fresh.base, fresh.u0, fresh.u1)
	}
}
