package equilibrium

import (
	"math"
	"math/big"
)

// A verdict is what the floating-point filter can certify about one
// system of the vertex enumeration.
type verdict int8

const (
	unsure     verdict = iota // solve it exactly
	infeasible                // nonsingular, and its solution violates z ≥ 0 or Mᵀz ≤ 1
	feasible                  // nonsingular, z > 0 and (Mᵀz)_j < 1 off J: a vertex with zero = ∁I, tight = J
)

// maxFilterBits bounds the entries the filter takes. Any size is sound
// (an overflow makes it unsure, and the absolute term tiny covers
// underflow while the solutions are far above it), but with entries
// beyond 2⁵¹² the filter would mostly be unsure, so such games skip it.
const maxFilterBits = 512

const (
	unit = 0x1p-53 // the unit roundoff u of float64, round to nearest
	// tiny bounds the absolute error gradual underflow adds to a dot
	// product of at most a few dozen terms (each product at most
	// 2⁻¹⁰⁷⁵), with room to spare; every error bound adds it.
	tiny = 0x1p-1000
	// safety inflates a bound computed in floating point, whose
	// nonnegative terms each carry a relative rounding error of at most
	// (1+u)ⁿ − 1 < 2⁻⁴⁵ for the n < 100 operations of any bound here,
	// into an upper bound of its exact value.
	safety = 1 + 0x1p-40
)

// A filter decides, in floating point, most systems of the vertex
// enumeration of {z ≥ 0, Mᵀz ≤ 1}, certifying each decision with a
// rigorous error bound, so that only the systems it is unsure of, and
// the vertices it finds, need exact arithmetic.
//
// For the k×k system A z = 1, A[a][b] = M[I[b]][J[a]], it computes an
// approximate inverse R by Gauss–Jordan elimination and ẑ = R·1, then
// verifies them a posteriori, after Rump ("Verification methods", Acta
// Numerica 2010, section 10), with the standard bound on a computed dot
// product, |fl(xᵀy) − xᵀy| ≤ γₙ|x|ᵀ|y|, γₙ = nu/(1−nu) (Higham,
// Accuracy and Stability of Numerical Algorithms, 2002, section 3.1):
//
//   - α ≥ ‖I − RA‖∞, bounding the computed residual matrix's entries and
//     their rounding errors; if α < 1/2, RA, so A, is nonsingular;
//   - then ‖z − ẑ‖∞ ≤ δ = ‖|R|·ρ̄‖∞ / (1 − α), where ρ̄ bounds the
//     residual |1 − Aẑ| with its rounding error;
//   - z_b's sign is certain where |ẑ_b| > δ, and the sign of
//     (Mᵀz)_j − 1 where |fl(Mᵀẑ)_j − 1| exceeds its rounding error plus
//     δ·Σ_b M[I[b]][j].
//
// The inputs' own rounding, for entries of more than 53 bits, adds
// 2u·|M| to every entry's error. NaN and infinities never pass a
// comparison that certifies, so an overflow only makes the filter
// unsure. R and ẑ need not be accurate for the bounds to hold: a poor
// R, as for a singular or ill-conditioned system, only makes α or δ
// large and the verdict unsure.
type filter struct {
	r, c int
	f    []float64 // M as float64, row-major r×c, every entry positive
	// in is the relative error of f's entries, 0 if all are exact.
	in float64
	// u is M as uint64, row-major, for intPoint; nil if an entry is
	// 2⁶⁴ or more.
	u []uint64

	// delta is the bound on ‖z − ẑ‖∞ of the last system decided feasible.
	delta float64

	// Storage for one k×k system, reused.
	a, w, inv []float64
	z, rho    []float64
	nb, db    []uint64 // intPoint's numerators and denominators
}

// newFilter returns the filter for M, or nil if an entry is too large
// for it.
func newFilter(m [][]*big.Int) *filter {
	r, c := len(m), len(m[0])
	if maxBitLen(m) > maxFilterBits {
		return nil
	}
	k := min(r, c)
	fl := &filter{r: r, c: c, f: make([]float64, r*c),
		a: make([]float64, k*k), w: make([]float64, k*k), inv: make([]float64, k*k),
		z: make([]float64, k), rho: make([]float64, k),
		nb: make([]uint64, k), db: make([]uint64, k)}
	if maxBitLen(m) <= 64 {
		fl.u = make([]uint64, r*c)
	}
	var bf big.Float
	for i, row := range m {
		for j, v := range row {
			if fl.u != nil {
				fl.u[i*c+j] = v.Uint64()
			}
			x, acc := bf.SetInt(v).Float64()
			if acc != big.Exact {
				fl.in = 2 * unit
			}
			fl.f[i*c+j] = x
		}
	}
	return fl
}

// gamma returns γₙ = nu/(1−nu) plus the inputs' relative error,
// inflated to bound its exact value.
func (fl *filter) gamma(n int) float64 {
	nu := float64(n) * unit
	return (nu/(1-nu) + fl.in) * safety
}

// decide returns what it can certify about the system of the vertex
// enumeration with nonzero coordinates I and tight constraints J.
func (fl *filter) decide(I, J []int) verdict {
	k := len(I)
	c, f := fl.c, fl.f
	a, w, inv, z, rho := fl.a[:k*k], fl.w[:k*k], fl.inv[:k*k], fl.z[:k], fl.rho[:k]
	for p, j := range J {
		for b, i := range I {
			a[p*k+b] = f[i*c+j]
		}
	}
	if !invert(k, a, w, inv) {
		return unsure
	}
	// ẑ = R·1.
	for b := range k {
		s := 0.0
		for p := range k {
			s += inv[b*k+p]
		}
		z[b] = s
	}
	// α: row sums of |I − RA| with their rounding errors. A's entries
	// are positive, so |R||A| has row sums Σ_l |R_bl|·(Σ_q A_lq).
	g := fl.gamma(k + 1)
	alpha := 0.0
	for b := range k {
		sum, absRA := 0.0, 0.0
		for q := range k {
			s := 0.0
			if b == q {
				s = 1
			}
			for l := range k {
				s -= inv[b*k+l] * a[l*k+q]
			}
			sum += math.Abs(s)
		}
		for l := range k {
			rs := 0.0
			for q := range k {
				rs += a[l*k+q]
			}
			absRA += math.Abs(inv[b*k+l]) * rs
		}
		alpha = max(alpha, (sum+g*(1+absRA))*safety+tiny)
	}
	if !(alpha < 0.5) {
		return unsure
	}
	// ρ̄ ≥ |1 − Aẑ|, then δ ≥ ‖z − ẑ‖∞.
	for p := range k {
		s, abs := 1.0, 0.0
		for b := range k {
			s -= a[p*k+b] * z[b]
			abs += a[p*k+b] * math.Abs(z[b])
		}
		rho[p] = (math.Abs(s)+g*(1+abs))*safety + tiny
	}
	delta := 0.0
	for b := range k {
		s := 0.0
		for p := range k {
			s += math.Abs(inv[b*k+p]) * rho[p]
		}
		delta = max(delta, s)
	}
	delta = delta/(1-alpha)*safety*safety + tiny
	if !(delta < math.MaxFloat64) {
		return unsure
	}
	sure := true
	for b := range k {
		if z[b]+delta < 0 {
			return infeasible
		}
		sure = sure && z[b]-delta > 0
	}
	// The constraints off J; those in J hold with equality.
	for j, next := 0, 0; j < c; j++ {
		if next < k && J[next] == j {
			next++
			continue
		}
		s, abs, col := -1.0, 0.0, 0.0
		for b, i := range I {
			mij := f[i*c+j]
			s += mij * z[b]
			abs += mij * math.Abs(z[b])
			col += mij
		}
		bound := (g*(1+abs)+delta*col*(1+fl.in))*safety + tiny
		if s > bound {
			return infeasible
		}
		sure = sure && s < -bound
	}
	if sure {
		fl.delta = delta
		return feasible
	}
	return unsure
}

// invert sets inv to an approximate inverse of the k×k row-major matrix
// a by Gauss–Jordan elimination with partial pivoting, using w as
// scratch, and reports false if a pivot is zero or not finite. a is not
// modified. Nothing depends on inv's accuracy: filter.decide verifies it.
func invert(k int, a, w, inv []float64) bool {
	copy(w, a)
	for i := range inv {
		inv[i] = 0
	}
	for i := range k {
		inv[i*k+i] = 1
	}
	for col := range k {
		p := col
		for r := col + 1; r < k; r++ {
			if math.Abs(w[r*k+col]) > math.Abs(w[p*k+col]) {
				p = r
			}
		}
		piv := w[p*k+col]
		if piv == 0 || math.IsInf(piv, 0) || math.IsNaN(piv) {
			return false
		}
		if p != col {
			for q := range k {
				w[p*k+q], w[col*k+q] = w[col*k+q], w[p*k+q]
				inv[p*k+q], inv[col*k+q] = inv[col*k+q], inv[p*k+q]
			}
		}
		d := 1 / piv
		for q := range k {
			w[col*k+q] *= d
			inv[col*k+q] *= d
		}
		for r := range k {
			if r == col {
				continue
			}
			x := w[r*k+col]
			if x == 0 {
				continue
			}
			for q := range k {
				w[r*k+q] -= x * w[col*k+q]
				inv[r*k+q] -= x * inv[col*k+q]
			}
		}
	}
	return true
}
