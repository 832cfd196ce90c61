package sim

import "math"

// powInt returns math.Pow(x, n), the same to the bit, by binary
// exponentiation without math.Pow's normalization of every factor.
//
// math.Pow raises x to an integer power by multiplying mantissas in
// [½, 1) and adding exponents apart (x = m·2^e), rounding each product of
// mantissas to 53 bits, and scales the result by 2^ae at the end. The
// same products of the whole numbers round the same way, and the final
// scaling is exact, as long as every factor and partial product is a
// normal number (no overflow, no subnormal): powInt multiplies the whole
// numbers and falls back on math.Pow when one is not normal, or when x
// is not positive and finite or n < 1.
func powInt(x float64, n int) float64 {
	if !(x > 0 && x <= math.MaxFloat64) || n < 1 {
		return math.Pow(x, float64(n))
	}
	r, p := 1.0, x
	for i := n; ; {
		if i&1 == 1 {
			if r *= p; !normal(r) {
				return math.Pow(x, float64(n))
			}
		}
		if i >>= 1; i == 0 {
			return r
		}
		if p *= p; !normal(p) {
			return math.Pow(x, float64(n))
		}
	}
}

// normal reports whether the positive number x is normal: finite and at
// least the smallest normal float64, 2^−1022.
func normal(x float64) bool { return x >= 0x1p-1022 && x <= math.MaxFloat64 }

// A powTable keeps powInt(x, n) for n = 0, 1, … as far as it has been
// asked, for the last x it was asked for: a scenario's fixed parameter
// raised to the powers its episodes need, computed once for all of them.
type powTable struct {
	x   float64
	pow []float64 // pow[n] = powInt(x, n)
}

// reserve makes room for the powers up to n without allocating later.
func (p *powTable) reserve(n int) {
	if cap(p.pow) <= n {
		p.pow = make([]float64, 0, n+1)
	}
}

// at returns powInt(x, n), n ≥ 0.
func (p *powTable) at(x float64, n int) float64 {
	if math.Float64bits(p.x) != math.Float64bits(x) {
		p.x, p.pow = x, p.pow[:0]
	}
	for len(p.pow) <= n {
		p.pow = append(p.pow, powInt(x, len(p.pow)))
	}
	return p.pow[n]
}

// powAtLeastOne reports whether math.Pow(x, y) is certain to be at least
// 1, so that min(1, math.Pow(x, y)) is 1 without computing it: for x = 1
// (math.Pow gives 1), and for x > 1 when 0 < y ≤ 64 and
// y·(x − 1) ≥ 10⁻⁶·x. Then x^y = exp(y·ln x) ≥ 1 + y·ln x ≥ 1 + y·(1 − 1/x)
// ≥ 1 + 10⁻⁶, and math.Pow's relative error there, from one Log, one
// Exp and at most a dozen products of mantissas, is below 10⁻¹³, so its
// result is above 1. It reports false otherwise, when the caller must
// compute it.
func powAtLeastOne(x, y float64) bool {
	return x == 1 || x > 1 && y > 0 && y <= 64 && y*(x-1) >= 1e-6*x
}
