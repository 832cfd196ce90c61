package equilibrium

import (
	"math"
	"math/big"
	"math/bits"
)

// An intPoint is a vertex z = n/d whose numerators and denominator are
// machine integers, as in games with integer payoffs of a few digits:
// von Stengel's 6×6 game has vertices such as (1575, 432, 70)/3569441797.
// n has an entry for every coordinate, 0 off the support; sum is Σn, so
// the mixed strategy is n/sum.
type intPoint struct {
	n      []uint64
	d, sum uint64
}

// maxRecDen bounds the denominators continued fractions look for: beyond
// it a vertex is solved by elimination in big.Int instead.
const maxRecDen = 1 << 32

// intPoint returns the vertex the filter has just proved feasible for
// (I, J) (decide returned feasible) as an intPoint, exactly, or false if
// it cannot find it so, leaving the vertex to exact elimination.
//
// It recovers the normalised point x = ẑ/Σẑ, whose entries are fractions
// of small denominators in such games, by continued fractions, and then
// verifies the candidate exactly: with n the integers x·lcm of the
// denominators, if A n = d·1 for an integer d, then n/d is the solution
// of A z = 1, as A is nonsingular (the filter proved it). Machine
// integers suffice when the entries of M are below 2⁶⁴; every product
// and sum is checked for overflow.
func (fl *filter) intPoint(I, J []int, r int) (intPoint, bool) {
	if fl.u == nil {
		return intPoint{}, false
	}
	k := len(I)
	sumz := 0.0
	for _, v := range fl.z[:k] {
		sumz += v
	}
	// The bound δ is often far above ẑ's actual error, and a tolerance
	// that loose stops at an earlier convergent; tighter ones follow.
	// A coordinate with no convergent of a small denominator within eps
	// has none within a tighter tolerance either: give up.
	for eps := 4 * float64(k) * (fl.delta/sumz + unit); eps > unit; eps /= 1024 {
		pt, ok, retry := fl.tryIntPoint(I, J, r, sumz, eps)
		if ok {
			return pt, true
		}
		if !retry {
			break
		}
	}
	return intPoint{}, false
}

// tryIntPoint is intPoint with the convergents within eps; retry is
// false if some coordinate has no such convergent.
func (fl *filter) tryIntPoint(I, J []int, r int, sumz, eps float64) (pt intPoint, ok, retry bool) {
	k := len(I)
	num, den := fl.nb[:k], fl.db[:k]
	lcm := uint64(1)
	for b, v := range fl.z[:k] {
		x := v / sumz
		// The coordinates mostly share a denominator: try the one so far
		// before a continued fraction.
		if t := math.Round(x * float64(lcm)); t >= 1 && math.Abs(x-t/float64(lcm)) <= eps {
			num[b], den[b] = uint64(t), lcm
			continue
		}
		p, q, found := convergent(x, eps)
		if !found {
			return intPoint{}, false, false
		}
		if p == 0 {
			return intPoint{}, false, true
		}
		num[b], den[b] = p, q
		g := gcd(lcm, q)
		hi, lo := bits.Mul64(lcm/g, q)
		if hi != 0 || lo > 1<<62 {
			return intPoint{}, false, true
		}
		lcm = lo
	}
	var sum uint64
	for b := range k {
		hi, lo := bits.Mul64(num[b], lcm/den[b])
		if hi != 0 {
			return intPoint{}, false, true
		}
		num[b] = lo
		var carry uint64
		if sum, carry = bits.Add64(sum, lo, 0); carry != 0 {
			return intPoint{}, false, true
		}
	}
	// A n = d·1, in 128 bits, d below 2⁶⁴.
	var d uint64
	c, u := fl.c, fl.u
	for p, j := range J {
		var hi, lo uint64
		for b, i := range I {
			h, l := bits.Mul64(u[i*c+j], num[b])
			var carry uint64
			lo, carry = bits.Add64(lo, l, 0)
			hi, carry = bits.Add64(hi, h, carry)
			if carry != 0 {
				return intPoint{}, false, true
			}
		}
		if hi != 0 || (p > 0 && lo != d) {
			return intPoint{}, false, true
		}
		d = lo
	}
	pt = intPoint{n: make([]uint64, r), d: d, sum: sum}
	for b, i := range I {
		pt.n[i] = num[b]
	}
	return pt, true, false
}

// convergent returns the first convergent p/q of the continued fraction
// of x ∈ (0, 1] within eps of x, or false if none has q ≤ maxRecDen. It
// works in floating point: its answer is a candidate, which the caller
// verifies exactly.
func convergent(x, eps float64) (p, q uint64, ok bool) {
	if !(x > 0 && x <= 1) {
		return 0, 0, false
	}
	h1, h2 := uint64(1), uint64(0) // numerators of the last two convergents
	k1, k2 := uint64(0), uint64(1) // their denominators
	y := x
	for range 64 {
		f := math.Floor(y)
		if f >= maxRecDen {
			return 0, 0, false
		}
		a := uint64(f)
		if k1 != 0 && a > maxRecDen/k1 {
			return 0, 0, false
		}
		h := a*h1 + h2
		kk := a*k1 + k2
		if kk > maxRecDen {
			return 0, 0, false
		}
		if math.Abs(x-float64(h)/float64(kk)) <= eps {
			return h, kk, true
		}
		h1, h2, k1, k2 = h, h1, kk, k1
		if y -= f; y <= 0 {
			return 0, 0, false
		}
		y = 1 / y
	}
	return 0, 0, false
}

// gcd returns the greatest common divisor of a and b.
func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ratio returns n/d, d > 0, as a reduced big.Rat, computing the
// reduction in machine integers.
func ratio(n, d uint64) *big.Rat { return setRatio(new(big.Rat), n, d) }

// setRatio sets x, which must be 0 (a zero value is), to n/d, d > 0,
// as ratio does, and returns it; for n = 0 it has nothing to do, and a
// zero-valued x stays free of allocations.
func setRatio(x *big.Rat, n, d uint64) *big.Rat {
	if n == 0 {
		return x
	}
	g := gcd(n, d)
	x.SetUint64(n / g)
	// SetUint64 gives x a denominator of 1, to which Denom returns a
	// reference; setting it keeps x reduced, as n/g and d/g are coprime.
	x.Denom().SetUint64(d / g)
	return x
}

// point returns the vertex's coordinates as fractions.
func (v vertex) point() []*big.Rat {
	if v.pt.n == nil {
		return v.z
	}
	z := make([]*big.Rat, len(v.pt.n))
	for i, n := range v.pt.n {
		z[i] = ratio(n, v.pt.d)
	}
	return z
}
