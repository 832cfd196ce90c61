package stats

import (
	"math"
	"testing"
)

// TestMcNemar checks the exact test against binomial tail sums computed
// by hand: with discordant counts b and c, p = 2·Σ_{i≤min} C(b+c, i)/2^(b+c).
func TestMcNemar(t *testing.T) {
	for _, tc := range []struct {
		aOnly, bOnly int
		want         float64
	}{
		{0, 0, 1},
		{1, 0, 1},             // 2·(1/2) = 1
		{5, 0, 2.0 / 32},      // 2·(1/32)
		{6, 1, 2 * 8.0 / 128}, // 2·(1 + 7)/128
		{3, 3, 1},
		{10, 2, 2 * (1 + 12 + 66) / 4096.0},
	} {
		var p PairedProportion
		for range tc.aOnly {
			p.Add(true, false)
		}
		for range tc.bOnly {
			p.Add(false, true)
		}
		p.Add(true, true) // concordant pairs do not count
		if got := p.McNemar(); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("McNemar(%d, %d) = %v; want %v", tc.aOnly, tc.bOnly, got, tc.want)
		}
	}
}

// TestUnpairedDifferences checks Welch's and the two-proportion test on
// cases whose answers are known: identical samples differ by nothing
// with p = 1, and a large, clear difference has an interval excluding 0.
func TestUnpairedDifferences(t *testing.T) {
	a := Summary{N: 100, Mean: 1, SD: 0.5}
	if d := Welch(a, a); d.Mean != 0 || d.PValue != 1 || d.CI95[0] >= 0 || d.CI95[1] <= 0 {
		t.Errorf("Welch(a, a) = %+v; want 0 with p = 1", d)
	}
	b := Summary{N: 100, Mean: 0.5, SD: 0.5}
	if d := Welch(a, b); d.Mean != 0.5 || d.CI95[0] <= 0 || d.PValue > 1e-6 {
		t.Errorf("Welch(a, b) = %+v; want 0.5 clearly above 0", d)
	}
	if d := Welch(Summary{N: 1, Mean: 3}, b); d.PValue != 1 || d.CI95 != [2]float64{2.5, 2.5} {
		t.Errorf("Welch with one observation = %+v; want no test", d)
	}
	x, y := Proportion{N: 1000, K: 500}, Proportion{N: 1000, K: 400}
	if d := TwoProportions(x, y); math.Abs(d.Mean-0.1) > 1e-12 || d.CI95[0] <= 0 || d.PValue > 1e-4 {
		t.Errorf("TwoProportions = %+v; want 0.1 clearly above 0", d)
	}
	if d := TwoProportions(x, x); d.Mean != 0 || d.PValue != 1 {
		t.Errorf("TwoProportions(x, x) = %+v; want 0 with p = 1", d)
	}
	if d := TwoProportions(Proportion{}, y); d.PValue != 1 {
		t.Errorf("TwoProportions with no trials = %+v; want no test", d)
	}
}
