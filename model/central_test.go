package model

import (
	"math"
	"testing"
)

// TestCentral checks the central world of testdata/small.yaml against the
// file's numbers and that the scenario's Params are left as they were.
func TestCentral(t *testing.T) {
	s := loadSmall(t)
	before := s.Actors[0].Discount
	var w World
	s.Central(&w)
	if w.Scenario != s {
		t.Error("the central world does not point at its scenario")
	}
	if s.Actors[0].Discount != before {
		t.Errorf("Central changed the scenario: discount %v, was %v", s.Actors[0].Discount, before)
	}
	const tol = 1e-12
	tests := []struct {
		name      string
		got, want float64
	}{
		{"buyer discount", w.Actors[0].Discount, 0.95},             // triangular mode
		{"buyer drift", w.Actors[0].Drift, 0},                      // middle of uniform [-0.01, 0.01]
		{"buyer delivery weight", w.Actors[0].Weights[1], 0.3},     // PERT mode; .6 + .3 + .1 = 1, no renormalization
		{"seller discount", w.Actors[1].Discount, 0.95},            // truncated normal mean
		{"broker credibility", w.Actors[2].Credibility, 0.7},       // middle of uniform [0.5, 0.9]
		{"strike pause", float64(w.Shocks[0].Pause), 2},            // middle of uniform [1, 3]
		{"buyer price red line", w.Actors[0].RedLines[0], 80},      // fixed
		{"delivery ideal", w.Actors[0].Values[1].Ideal, 2},         // fixed
		{"strike red-line shift", w.Shocks[0].RedLines[0], -5},     // fixed, reached through a shock's effects
		{"interim term", float64(w.Interim.Term), 6},               // fixed, reached through a pointer
		{"seller price value", w.Actors[1].Values[0].At(100), 1.0}, // linear, ideal 100
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > tol {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
