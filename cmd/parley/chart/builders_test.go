package chart

import (
	"math"
	"testing"
)

// Test inputs shaped like what run, sweep, game and a Sobol design give;
// the numbers are made up, only their shapes matter here.
var (
	utilityHists = []Hist{
		{Name: "iran", Edges: []float64{-1, -0.5, 0, 0.5, 1}, Counts: []float64{120, 900, 2400, 600}},
		{Name: "us", Edges: []float64{-1, -0.5, 0, 0.5, 1}, Counts: []float64{300, 1500, 1800, 420}},
	}
	sweepLines = []Line{
		{Name: "comprehensive", X: []float64{0.95, 0.96, 0.97, 0.98, 0.99, 0.995},
			Y:  []float64{0.01, 0.02, 0.05, 0.09, 0.15, 0.2},
			Lo: []float64{0.005, 0.012, 0.04, 0.08, 0.13, 0.18}, Hi: []float64{0.015, 0.03, 0.06, 0.1, 0.17, 0.22}},
		{Name: "interim", X: []float64{0.95, 0.96, 0.97, 0.98, 0.99, 0.995},
			Y:  []float64{0.4, 0.38, math.NaN(), 0.3, 0.25, 0.2},
			Lo: []float64{0.38, 0.36, math.NaN(), 0.28, 0.23, 0.18}, Hi: []float64{0.42, 0.4, math.NaN(), 0.32, 0.27, 0.22}},
		{Name: "breakdown", X: []float64{0.95, 0.97, 0.995}, Y: []float64{0.3, 0.25, 0.2}},
	}
	payoffRows   = []string{"comprehensive-only/boulware", "interim-first/conceder", "interim-first/tit-for-tat"}
	payoffCols   = []string{"comprehensive-only/conceder", "interim-first/boulware", "walk-away"}
	payoffs      = [][]float64{{0.12, 0.31, -0.2}, {0.45, math.NaN(), -0.05}, {0.33, 0.28, 0.01}}
	sobolInputs  = []string{"iran.discount", "us.discount", "mediator.strength", "shocks.strike.hazard", "congress.threshold"}
	sobolIndices = []Group{
		{Name: "total", Items: []Estimate{{"us.discount", 0.42, 0.35, 0.5}, {"iran.discount", 0.2, 0.15, 0.26}, {"mediator.strength", 0.05, 0.01, 0.09}, {"shocks.strike.hazard", 0.61, 0.52, 0.7}, {"congress.threshold", -0.01, -0.03, 0.02}}},
		{Name: "first-order", Items: []Estimate{{"us.discount", 0.3, 0.22, 0.38}, {"iran.discount", 0.12, 0.08, 0.17}, {"mediator.strength", 0.02, -0.01, 0.05}, {"shocks.strike.hazard", 0.5, 0.41, 0.6}}},
	}
)

func TestBuildersShow(t *testing.T) {
	tests := []struct {
		name string
		f    *Figure
		want []string
	}{
		{"histogram", Histogram("muscat · seed 1 · 40,000 episodes", "realized utility", utilityHists),
			[]string{"muscat · seed 1 · 40,000 episodes", "realized utility", "count", "iran", "us", "-1.0", "0.0", "1.0", "2000"}},
		{"histogram one", Histogram("rubinstein", "round of first deal (month)", []Hist{{Edges: []float64{1, 2, 3}, Counts: []float64{5, 0}}}),
			[]string{"rubinstein", "round of first deal (month)", "count", "1.0", "3.0", "5"}},
		{"lines", Lines("muscat · 6 points · seed 1", "Iran's discount factor (per month)", "probability", sweepLines),
			[]string{"muscat · 6 points · seed 1", "Iran's discount factor (per month)", "probability", "comprehensive", "interim", "breakdown", "0.96", "0.99", "0.1", "0.4"}},
		{"heatmap", Heatmap("muscat · game · 5,000 episodes", "US strategy", "Iran strategy", "Iran's mean utility", payoffCols, payoffRows, payoffs),
			append(append([]string{"muscat · game · 5,000 episodes", "US strategy", "Iran strategy", "Iran's mean utility", "0.12", "-0.2", "0.45", "0.0", "0.4"}, payoffRows...), payoffCols...)},
		{"ranked", RankedBars("muscat · Sobol · 1,024 samples", "Sobol index of P(comprehensive)", sobolInputs, sobolIndices),
			append([]string{"muscat · Sobol · 1,024 samples", "Sobol index of P(comprehensive)", "total", "first-order", "0.0", "0.6"}, sobolInputs...)},
		{"stack", Stack("muscat · seed 1 · 40,000 episodes",
			Histogram("time to first deal", "round (month)", []Hist{{Edges: []float64{1, 2, 3}, Counts: []float64{5, 2}}}),
			Histogram("utility", "realized utility", utilityHists)),
			[]string{"muscat · seed 1 · 40,000 episodes", "time to first deal", "round (month)", "utility", "realized utility", "iran", "us"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { mustShow(t, tt.f, tt.want) })
	}
}

func TestRankedBarsOrder(t *testing.T) {
	got := rank(sobolInputs, sobolIndices[0].Items[:4])
	// Totals 0.61, 0.42, 0.2, 0.05; congress.threshold has no value in
	// the four items, so it comes last.
	want := []string{"shocks.strike.hazard", "us.discount", "iran.discount", "mediator.strength", "congress.threshold"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("rank = %q, want %q", got, want)
		}
	}
}

func TestBuildersErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	e := []float64{0, 1, 2}
	x := []float64{1, 2}
	tests := []struct {
		name string
		f    *Figure
	}{
		{"histogram none", Histogram("t", "x", nil)},
		{"histogram lengths", Histogram("t", "x", []Hist{{Edges: e, Counts: []float64{1, 2, 3}}})},
		{"histogram no counts", Histogram("t", "x", []Hist{{Edges: []float64{0}}})},
		{"histogram NaN count", Histogram("t", "x", []Hist{{Edges: e, Counts: []float64{1, nan}}})},
		{"histogram negative", Histogram("t", "x", []Hist{{Edges: e, Counts: []float64{1, -1}}})},
		{"histogram edges down", Histogram("t", "x", []Hist{{Edges: []float64{0, 2, 1}, Counts: []float64{1, 1}}})},
		{"histogram infinite edge", Histogram("t", "x", []Hist{{Edges: []float64{0, 1, inf}, Counts: []float64{1, 1}}})},
		{"histogram unnamed", Histogram("t", "x", []Hist{{Name: "a", Edges: e, Counts: x}, {Edges: e, Counts: x}})},
		{"lines none", Lines("t", "x", "y", nil)},
		{"lines empty", Lines("t", "x", "y", []Line{{}})},
		{"lines lengths", Lines("t", "x", "y", []Line{{X: x, Y: []float64{1}}})},
		{"lines lo only", Lines("t", "x", "y", []Line{{X: x, Y: x, Lo: x}})},
		{"lines band lengths", Lines("t", "x", "y", []Line{{X: x, Y: x, Lo: x, Hi: []float64{1}}})},
		{"lines X down", Lines("t", "x", "y", []Line{{X: []float64{2, 1}, Y: x}})},
		{"lines X NaN", Lines("t", "x", "y", []Line{{X: []float64{nan, 1}, Y: x}})},
		{"lines Y infinite", Lines("t", "x", "y", []Line{{X: x, Y: []float64{1, inf}}})},
		{"lines reversed", Lines("t", "x", "y", []Line{{X: x, Y: x, Lo: []float64{1, 3}, Hi: []float64{1, 2}}})},
		{"lines same names", Lines("t", "x", "y", []Line{{Name: "a", X: x, Y: x}, {Name: "a", X: x, Y: x}})},
		{"heatmap empty", Heatmap("t", "x", "y", "z", nil, nil, nil)},
		{"heatmap rows", Heatmap("t", "x", "y", "z", []string{"a"}, []string{"r", "s"}, [][]float64{{1}})},
		{"heatmap columns", Heatmap("t", "x", "y", "z", []string{"a", "b"}, []string{"r"}, [][]float64{{1}})},
		{"heatmap infinite", Heatmap("t", "x", "y", "z", []string{"a"}, []string{"r"}, [][]float64{{inf}})},
		{"heatmap all NaN", Heatmap("t", "x", "y", "z", []string{"a"}, []string{"r"}, [][]float64{{nan}})},
		{"heatmap label twice", Heatmap("t", "x", "y", "z", []string{"a", "a"}, []string{"r"}, [][]float64{{1, 2}})},
		{"heatmap empty label", Heatmap("t", "x", "y", "z", []string{""}, []string{"r"}, [][]float64{{1}})},
		{"ranked no labels", RankedBars("t", "v", nil, sobolIndices)},
		{"ranked no series", RankedBars("t", "v", sobolInputs, nil)},
		{"ranked unknown label", RankedBars("t", "v", []string{"a"}, []Group{{Items: []Estimate{{"b", 1, 0, 2}}}})},
		{"ranked label twice", RankedBars("t", "v", []string{"a", "a"}, []Group{{Items: []Estimate{{"a", 1, 0, 2}}}})},
		{"stack none", Stack("t")},
		{"stack bad panel", Stack("t", Histogram("a", "x", utilityHists), Histogram("t", "x", nil))},
		{"stack of stacks", Stack("t", Stack("s", Histogram("a", "x", utilityHists)))},
		{"ranked infinite", RankedBars("t", "v", []string{"a"}, []Group{{Items: []Estimate{{"a", inf, 0, 2}}}})},
	}
	for _, tt := range tests {
		if tt.f.Err() == nil {
			t.Errorf("%s: no error", tt.name)
		}
		if b, err := Render(tt.f, "png"); err == nil || b != nil {
			t.Errorf("%s: Render gave %d bytes and error %v", tt.name, len(b), err)
		}
	}
}

func TestHeatmapOneValue(t *testing.T) {
	// All cells equal: the scale still has a range, and the value shows.
	mustShow(t, Heatmap("t", "x", "y", "z", []string{"a", "b"}, []string{"r"}, [][]float64{{0.5, 0.5}}), []string{"0.5", "a", "b", "r"})
}
