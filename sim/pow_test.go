package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowInt checks powInt against math.Pow bit for bit: at the bases
// and exponents the engine raises (a survival probability to an interim
// term, a decay to the rounds past a deadline), at random bases over the
// whole range of exponents, near overflow and the subnormal range where
// it must fall back, and at the special values.
func TestPowInt(t *testing.T) {
	bases := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, 0.999, 1e-300, 1e300, 0x1p-1022, 0x1p-1074,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), -0.3, -2.5}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		bases = append(bases, rng.Float64(), 1+rng.Float64(), math.Ldexp(rng.Float64(), -rng.IntN(1100)), math.Ldexp(1+rng.Float64(), rng.IntN(1030)))
	}
	exps := []int{-3, -1, 0, 1, 2, 3, 5, 6, 7, 12, 36, 64, 100, 199, 1000, 1 << 20}
	for range 50 {
		exps = append(exps, 1+rng.IntN(300))
	}
	for _, x := range bases {
		for _, n := range exps {
			if got, want := powInt(x, n), math.Pow(x, float64(n)); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("powInt(%v, %d) = %v, math.Pow %v", x, n, got, want)
			}
		}
	}
}

// TestPowTable checks that a powTable gives powInt(x, n) bit for bit,
// asked in any order and for one x after another.
func TestPowTable(t *testing.T) {
	var p powTable
	p.reserve(4)
	for _, c := range []struct {
		x float64
		n int
	}{{0.7, 3}, {0.7, 0}, {0.7, 9}, {0.5, 2}, {0.7, 5}, {0.7, 5}} {
		if got, want := p.at(c.x, c.n), powInt(c.x, c.n); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("at(%v, %d) = %v; want %v", c.x, c.n, got, want)
		}
	}
}

// TestPowAtLeastOne checks that wherever powAtLeastOne says math.Pow(x,
// y) is at least 1 it is, at random bases and exponents and at the edges
// of its condition (y·(x − 1) = 10⁻⁶·x, y = 64), and that it says so for
// the concessions of every round past a tactic's span.
func TestPowAtLeastOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(x, y float64) {
		if powAtLeastOne(x, y) && !(math.Pow(x, y) >= 1) {
			t.Fatalf("powAtLeastOne(%v, %v), but math.Pow gives %v", x, y, math.Pow(x, y))
		}
	}
	for range 200000 {
		x := 1 + math.Ldexp(rng.Float64(), -rng.IntN(40))
		y := math.Ldexp(rng.Float64(), 6-rng.IntN(30))
		check(x, y)
		check(x, 1e-6*x/(x-1)*(1+math.Ldexp(rng.Float64(), -40)))
		check(x*1200, y)
		check(x, 64)
	}
	for span := 1.0; span < 100; span += 0.37 {
		for beta := 0.05; beta <= 20; beta *= 1.5 {
			for k := math.Ceil(span); k < 200; k++ {
				if x := k / span; x >= 1+1e-3 && !powAtLeastOne(x, 1/beta) {
					t.Errorf("powAtLeastOne(%v, %v) = false; want true", x, 1/beta)
				}
			}
		}
	}
}
