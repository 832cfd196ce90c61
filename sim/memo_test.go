package sim

import (
	"math"
	"testing"
)

// TestPowerMemo checks that a powerMemo gives math.Exp(x·y) and
// math.Pow(x, y) bit for bit for each pair of arguments in turn, repeated
// or not: a memo compares its keys bit for bit, so it tells +0 from −0,
// whose Pow(·, −1) are +Inf and −Inf.
func TestPowerMemo(t *testing.T) {
	args := [][2]float64{{2, 0.5}, {2, 0.5}, {3, 0.5}, {3, 0.25}, {0, -1}, {math.Copysign(0, -1), -1}, {0, -1}, {0.9, 7}, {0.9, 7}}
	var e, p powerMemo
	for _, a := range args {
		if got, want := e.exp(a[0], a[1]), math.Exp(a[0]*a[1]); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("exp(%v·%v) = %v; want %v", a[0], a[1], got, want)
		}
		if got, want := p.pow(a[0], a[1]), math.Pow(a[0], a[1]); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("pow(%v, %v) = %v; want %v", a[0], a[1], got, want)
		}
	}
}
