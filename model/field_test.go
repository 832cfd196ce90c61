package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestFieldsRoundTrip checks that setting every listed field to the value
// Fields gives leaves the scenario's fields as they were.
func TestFieldsRoundTrip(t *testing.T) {
	s := loadSmall(t)
	fields := s.Fields()
	if len(fields) == 0 {
		t.Fatal("no fields")
	}
	for _, f := range fields {
		if f.Dist != "" {
			continue // setting a distribution to its centre fixes it: another scenario
		}
		w, err := s.With(Assignment{Path: f.Path, Value: f.Value})
		if err != nil {
			t.Errorf("%s=%v: %v", f.Path, f.Value, err)
			continue
		}
		if got := w.Fields(); !reflect.DeepEqual(got, fields) {
			t.Errorf("%s=%v changed the fields", f.Path, f.Value)
		}
	}
}

// TestWithSetsAndKeepsDraws checks that an assignment changes its field
// and that a parameter not assigned draws the same numbers as before
// (common random numbers across a sweep's points): here the seller's
// discount is moved and the buyer's draws are compared.
func TestWithSetsAndKeepsDraws(t *testing.T) {
	s := loadSmall(t)
	w, err := s.With(Assignment{Path: "actors.seller.discount.mean", Value: 0.93})
	if err != nil {
		t.Fatal(err)
	}
	buyer, seller := s.Actor("buyer"), s.Actor("seller")
	moved := 0
	var a, b World
	for ep := range uint64(50) {
		s.Sample(&a, rngFor(1, ep))
		w.Sample(&b, rngFor(1, ep))
		if a.Actors[buyer].Discount != b.Actors[buyer].Discount || !reflect.DeepEqual(a.Actors[buyer].Weights, b.Actors[buyer].Weights) {
			t.Fatalf("episode %d: the buyer's draws changed when only the seller's discount was set", ep)
		}
		if a.Actors[seller].Discount != b.Actors[seller].Discount {
			moved++
		}
	}
	if moved == 0 {
		t.Error("the seller's discount drew the same in every episode after its mean moved")
	}
	for _, f := range w.Fields() {
		if f.Path == "actors.seller.discount.mean" && f.Value != 0.93 {
			t.Errorf("%s = %v; want 0.93", f.Path, f.Value)
		}
	}
}

// TestWithErrors checks that an unknown path and a value the field does
// not take are errors that name the path.
func TestWithErrors(t *testing.T) {
	s := loadSmall(t)
	for _, tc := range []struct {
		path  string
		value float64
		want  string
	}{
		{"actors.nobody.discount", 0.9, "no such numeric field"},
		{"horizon", 1.5, "horizon"},
		{"horizon", -3, "horizon"},
		{"", 1, "no such numeric field"},
	} {
		_, err := s.With(Assignment{Path: tc.path, Value: tc.value})
		var el ErrorList
		var e *Error
		if err == nil || !strings.Contains(err.Error(), tc.want) || !(errors.As(err, &el) || errors.As(err, &e)) {
			t.Errorf("With(%s=%v) = %v; want an error saying %q", tc.path, tc.value, err, tc.want)
		}
	}
}

// FuzzWith checks that no path and value make With panic.
func FuzzWith(f *testing.F) {
	f.Add("horizon", 12.0)
	f.Add("actors.a.discount.mode", 0.5)
	f.Add("issues.x.min", 1e308)
	f.Fuzz(func(t *testing.T, path string, value float64) {
		s := loadSmall(t)
		_, _ = s.With(Assignment{Path: path, Value: value})
	})
}
