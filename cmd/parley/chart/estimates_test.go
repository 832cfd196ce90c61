package chart

import (
	"math"
	"testing"
)

// outcomeGroups are two arms' outcome probabilities, shaped like a run's
// (the numbers are made up, the empty interval is an outcome never seen).
var outcomeGroups = []Group{
	{Name: "us=interim-first", Items: []Estimate{
		{"comprehensive", 0.004, 0.003, 0.006}, {"interim", 0.35, 0.34, 0.36}, {"collapsed", 0.12, 0.11, 0.13},
		{"stalemate", 0.30, 0.29, 0.31}, {"breakdown", 0.2, 0.19, 0.21}, {"escalation", 0.026, 0.02, 0.03},
	}},
	{Name: "us=comprehensive-only", Items: []Estimate{
		{"comprehensive", 0.05, 0.045, 0.055}, {"interim", 0, 0, 0.0001}, {"collapsed", 0.02, 0.015, 0.025},
		{"stalemate", 0.55, 0.54, 0.56}, {"breakdown", 0.33, 0.32, 0.34}, {"escalation", math.NaN(), math.NaN(), math.NaN()},
	}},
}

func TestEstimatesShow(t *testing.T) {
	one := []Group{{Items: []Estimate{{"comprehensive", 0.2, 0.1, 0.3}, {"breakdown", 0.8, 0.7, 0.9}}}}
	tests := []struct {
		name string
		f    *Figure
		want []string
	}{
		{"groups", Estimates("muscat · seed 1 · 40,000 episodes", "probability", outcomeGroups),
			[]string{"muscat · seed 1 · 40,000 episodes", "probability", "us=interim-first", "us=comprehensive-only", "comprehensive", "escalation", "0.2", "0.4"}},
		{"one group", Estimates("rubinstein", "probability", one),
			[]string{"rubinstein", "probability", "comprehensive", "breakdown", "0.0", "0.6"}},
		{"differences", Differences("muscat · paired", "difference in probability", []Group{{Name: "comprehensive-only − interim-first", Items: []Estimate{{"comprehensive", 0.046, 0.04, 0.05}, {"interim", -0.35, -0.36, -0.34}}}}),
			[]string{"muscat · paired", "difference in probability", "comprehensive-only − interim-first", "interim", "0.0", "-0.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { mustShow(t, tt.f, tt.want) })
	}
}

func TestEstimatesErrors(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		groups []Group
	}{
		{"no groups", nil},
		{"no estimates", []Group{{Name: "a"}}},
		{"no label", []Group{{Items: []Estimate{{"", 1, 0, 2}}}}},
		{"label twice", []Group{{Items: []Estimate{{"x", 1, 0, 2}, {"x", 1, 0, 2}}}}},
		{"unnamed of two", []Group{{Name: "a", Items: []Estimate{{"x", 1, 0, 2}}}, {Items: []Estimate{{"x", 1, 0, 2}}}}},
		{"same names", []Group{{Name: "a", Items: []Estimate{{"x", 1, 0, 2}}}, {Name: "a", Items: []Estimate{{"x", 1, 0, 2}}}}},
		{"infinite value", []Group{{Items: []Estimate{{"x", math.Inf(1), 0, 2}}}}},
		{"infinite bound", []Group{{Items: []Estimate{{"x", 1, math.Inf(-1), 2}}}}},
		{"one bound", []Group{{Items: []Estimate{{"x", 1, nan, 2}}}}},
		{"reversed", []Group{{Items: []Estimate{{"x", 1, 2, 0}}}}},
	}
	for _, tt := range tests {
		for _, build := range []func(string, string, []Group) *Figure{Estimates, Differences} {
			f := build("t", "v", tt.groups)
			if f.Err() == nil {
				t.Errorf("%s: no error", tt.name)
			}
			if _, err := Render(f, "svg"); err == nil {
				t.Errorf("%s: Render gave no error", tt.name)
			}
		}
	}
}
