package model

import "testing"

func TestRedLineIsFloor(t *testing.T) {
	for _, c := range []struct {
		v     ValueWorld
		level float64
		want  bool
	}{
		{ValueWorld{Shape: Linear, Ideal: 1, IssueMin: 0, IssueMax: 1}, 0.6, true},  // wants more: a floor
		{ValueWorld{Shape: Linear, Ideal: 0, IssueMin: 0, IssueMax: 1}, 0.6, false}, // wants less: a ceiling
		{ValueWorld{Shape: Linear, Ideal: 1, IssueMin: 0, IssueMax: 1}, 1, true},    // at the top ideal: a floor
		{ValueWorld{Shape: Linear, Ideal: 0, IssueMin: 0, IssueMax: 1}, 0, false},   // at the bottom ideal: a ceiling
		{ValueWorld{Shape: SinglePeaked, Ideal: 20, IssueMin: 0, IssueMax: 60}, 3.67, true},
		{ValueWorld{Shape: SinglePeaked, Ideal: 0.5, IssueMin: 0, IssueMax: 1}, 0.9, false},
	} {
		if got := RedLineIsFloor(c.v, c.level); got != c.want {
			t.Errorf("RedLineIsFloor(%+v, %v) = %v; want %v", c.v, c.level, got, c.want)
		}
	}
}

func TestRedLineBounds(t *testing.T) {
	for _, c := range []struct {
		lo, hi, level  float64
		floor          bool
		wantLo, wantHi float64
	}{
		{0, 1, 0.4, true, 0.4, 1},
		{0, 1, 0.4, false, 0, 0.4},
		{0.5, 1, 0.4, false, 0.5, 0.4}, // excludes the interval: empty
		{0, 0.3, 0.4, true, 0.4, 0.3},
	} {
		if lo, hi := RedLineBounds(c.lo, c.hi, c.level, c.floor); lo != c.wantLo || hi != c.wantHi {
			t.Errorf("RedLineBounds(%v, %v, %v, %v) = %v, %v; want %v, %v", c.lo, c.hi, c.level, c.floor, lo, hi, c.wantLo, c.wantHi)
		}
	}
}
