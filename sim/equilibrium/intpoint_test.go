package equilibrium

import (
	"math"
	"math/big"
	"testing"
)

func TestConvergent(t *testing.T) {
	tests := []struct {
		x, eps float64
		p, q   uint64
		ok     bool
	}{
		{1, 1e-12, 1, 1, true},
		{0.5, 1e-12, 1, 2, true},
		{275.0 / 289, 1e-12, 275, 289, true},
		// 1/3 to within 0.01 is first reached by the convergent 1/3 (0/1 is 0.33 away).
		{1.0 / 3, 0.01, 1, 3, true},
		// π − 3 = [0; 7, 15, 1, 292, …]: 1/7 is 0.00126 away, 15/106 8.3e-5.
		{math.Pi - 3, 2e-3, 1, 7, true},
		{math.Pi - 3, 1e-3, 15, 106, true},
		// 1/(2³³+1) needs a denominator beyond maxRecDen.
		{1 / (0x1p33 + 1), 1e-20, 0, 0, false},
		{0, 1e-12, 0, 0, false},
		{math.NaN(), 1e-12, 0, 0, false},
	}
	for _, tt := range tests {
		p, q, ok := convergent(tt.x, tt.eps)
		if p != tt.p || q != tt.q || ok != tt.ok {
			t.Errorf("convergent(%v, %v) = %d/%d %v, want %d/%d %v", tt.x, tt.eps, p, q, ok, tt.p, tt.q, tt.ok)
		}
	}
}

func TestRatio(t *testing.T) {
	for _, tt := range []struct {
		n, d uint64
		want string
	}{{0, 7, "0"}, {6, 4, "3/2"}, {289, 289, "1"}, {1 << 63, 3, "9223372036854775808/3"}} {
		if got := ratio(tt.n, tt.d); got.RatString() != tt.want || got.Cmp(new(big.Rat).SetFrac(new(big.Int).SetUint64(tt.n), new(big.Int).SetUint64(tt.d))) != 0 {
			t.Errorf("ratio(%d, %d) = %s, want %s", tt.n, tt.d, got.RatString(), tt.want)
		}
	}
}

// TestIntPointVonStengel checks that the vertices of von Stengel's 6×6
// game, whose coordinates have denominators below 2³², are found in
// machine integers, all but the few the filter is unsure of (3 of 111 in
// each polytope when this was written), and TestVerticesMatchExact that
// they are the exact vertices.
func TestIntPointVonStengel(t *testing.T) {
	a, b := vonStengel(t)
	pb, _, _ := positiveIntegers(b)
	qa, _, _ := positiveIntegers(transpose(a))
	for p, m := range [][][]*big.Int{pb, qa} {
		vs, n := vertices(m), 0
		for _, v := range vs {
			if v.pt.n != nil {
				n++
			}
		}
		if len(vs) != 111 || n < 100 {
			t.Errorf("polytope %d: %d of %d vertices in machine integers, want 111 vertices, at least 100 so", p, n, len(vs))
		}
	}
}
