package sim

import (
	"math"
	"testing"
)

// TestParetoGap checks the gap against hand-solved points of the
// twoIssues frontier, whose vertices are (1, 0), (0.7, 0.7) and (0, 1).
func TestParetoGap(t *testing.T) {
	sp, _ := twoIssues()
	for _, c := range []struct {
		name   string
		a0, a1 float64
		want   float64
	}{
		{"on the kink", 0.7, 0.7, 0},
		{"on a segment", 0.85, 0.35, 0},
		// The diagonal from (0.5, 0.5) meets the frontier at the kink.
		{"inside, to the kink", 0.5, 0.5, 0.2},
		{"the origin", 0, 0, 0.7},
		// u1 − u0 = −0.9 meets the first segment a tenth of the way
		// from (1, 0) to (0.7, 0.7), at (0.97, 0.07).
		{"inside, to a segment", 0.9, 0, 0.07},
		// Beyond principal 0's best: bounded by its best utility, 1.
		{"beyond the start", 0.5, -0.8, 0.5},
		// Beyond principal 1's best: bounded by its best utility, 1.
		{"beyond the end", -0.5, 0.8, 0.2},
	} {
		if got := sp.gap(c.a0, c.a1); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: gap(%v, %v) = %v; want %v", c.name, c.a0, c.a1, got, c.want)
		}
	}
}

// TestRubinsteinEfficiency checks the efficiency of the subgame-perfect
// deal: it is on the frontier u0 + u1 = 1, and it gives the first proposer
// 5/7 where the Nash bargaining solution, with both values of no deal at
// 0, splits the pie in half, a distance of √2·(5/7 − 1/2) = 3√2/14.
func TestRubinsteinEfficiency(t *testing.T) {
	e, err := Play(load(t, "rubinstein"), config(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	ef := e.Efficiency
	if want := 3 * math.Sqrt2 / 14; !ef.Measured || ef.ParetoGap > 1e-9 || math.Abs(ef.NashDistance-want) > 1e-9 {
		t.Errorf("efficiency %+v; want measured, gap 0 and Nash distance %v", ef, want)
	}
}
