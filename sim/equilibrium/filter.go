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
	infeasible                // no point of the polytope solves it (singular or not): skip it
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
// For the k×k system A z = 1, A[a][b] = M[I[b]][J[a]], it factors A
// (LU with partial pivoting) and solves for ẑ. Bounds use the standard
// one on a computed dot product, |fl(xᵀy) − xᵀy| ≤ γₙ|x|ᵀ|y|,
// γₙ = nu/(1−nu) (Higham, Accuracy and Stability of Numerical Algorithms,
// 2002, section 3.1).
//
// First, the most negative ẑ_b or the most violated constraint is
// certified alone, in O(k²), by a Farkas-like argument that needs no
// bound on ẑ's error (negative, violated): a point of the polytope has
// 0 ≤ z_i ≤ 1/max_j M[i][j], and for any y, e_bᵀz = Σy + (e_b − Aᵀy)ᵀz,
// so with y ≈ A⁻ᵀe_b the residual term is bounded over that box. This
// settles most infeasible systems, singular or not (the enumeration
// skips singular systems anyway).
//
// Otherwise it computes an approximate inverse R from the factors and
// verifies ẑ a posteriori, after Rump ("Verification
// methods", Acta Numerica 2010, section 10):
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
// unsure. R, y and ẑ need not be accurate for the bounds to hold: poor
// ones, as for a singular or ill-conditioned system, only make the
// bounds large and the verdict unsure.
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
	a, inv []float64
	z, rho []float64
	rs     []float64 // A's row sums
	lu     []float64 // A's LU factors, PA = LU
	perm   []int     // P
	rec    []float64 // the reciprocals of U's diagonal
	y, t   []float64 // a certificate and scratch
	// ub[i] ≥ 1/max_j M[i][j], the most z_i can be in the polytope.
	ub     []float64
	nb, db []uint64 // intPoint's numerators and denominators
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
		a: make([]float64, k*k), inv: make([]float64, k*k),
		z: make([]float64, k), rho: make([]float64, k), rs: make([]float64, k),
		lu: make([]float64, k*k), perm: make([]int, k), rec: make([]float64, k), y: make([]float64, k), t: make([]float64, k),
		ub: make([]float64, r),
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
	for i := range r {
		top := 0.0
		for _, x := range fl.f[i*c : i*c+c] {
			top = max(top, x)
		}
		// M[i][j] ≥ f[i][j]·(1 − in), and the division rounds.
		fl.ub[i] = 1 / top * (1 + 2*unit + 2*fl.in) * safety
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
	a, lu, inv, z, rho := fl.a[:k*k], fl.lu[:k*k], fl.inv[:k*k], fl.z[:k], fl.rho[:k]
	for p, j := range J {
		for b, i := range I {
			v := f[i*c+j]
			a[p*k+b], lu[p*k+b] = v, v
		}
	}
	if !factor(k, lu, fl.perm[:k], fl.rec[:k]) {
		return unsure
	}
	// ẑ ≈ A⁻¹1.
	for b := range k {
		z[b] = 1
	}
	fl.solve(k, z)
	// Most systems are infeasible, and one coordinate or constraint
	// shows it: certify the most negative coordinate or the most
	// violated constraint cheaply, and only then verify the whole.
	low, at := 0.0, -1
	for b, v := range z {
		if v < low {
			low, at = v, b
		}
	}
	if at >= 0 && fl.negative(I, at) {
		return infeasible
	}
	high, at := 0.0, -1
	for j, next := 0, 0; j < c; j++ {
		if next < k && J[next] == j {
			next++
			continue
		}
		s := -1.0
		for b, i := range I {
			s += f[i*c+j] * z[b]
		}
		if s > high {
			high, at = s, j
		}
	}
	if at >= 0 && fl.violated(I, at) {
		return infeasible
	}
	// R ≈ A⁻¹, column by column from the factors.
	col := fl.y[:k]
	for p := range k {
		clear(col)
		col[p] = 1
		fl.solve(k, col)
		for b, v := range col {
			inv[b*k+p] = v
		}
	}
	// α: row sums of |I − RA| with their rounding errors. A's entries
	// are positive, so |R||A| has row sums Σ_l |R_bl|·(Σ_q A_lq).
	g := fl.gamma(k + 1)
	rs := fl.rs[:k]
	for l := range k {
		s := 0.0
		for _, v := range a[l*k : l*k+k] {
			s += v
		}
		rs[l] = s
	}
	alpha := 0.0
	for b := range k {
		rb := inv[b*k : b*k+k]
		sum, absRA := 0.0, 0.0
		for q := range k {
			s := 0.0
			if b == q {
				s = 1
			}
			for l, v := range rb {
				s -= v * a[l*k+q]
			}
			sum += math.Abs(s)
		}
		for l, v := range rb {
			absRA += math.Abs(v) * rs[l]
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

// negative reports whether it can prove that no point of the polytope
// solves the system A z = 1 of (I, J) (factored by decide), because its
// solution z would have z_b < 0. Whether A is singular does not matter:
// the enumeration skips singular systems too.
//
// With y ≈ A⁻ᵀe_b, any solution has z_b = Σy + rᵀz, r = e_b − Aᵀy, and a
// point of the polytope has 0 ≤ z_q ≤ ub[I[q]], so z_b ≤ Σy +
// Σ_q max(0, r_q)·ub[I[q]]; the bound, with r's and Σy's rounding errors,
// below 0 proves it. It costs two k×k products, not the k³ of the whole
// verification.
func (fl *filter) negative(I []int, b int) bool {
	k := len(I)
	a, y := fl.a[:k*k], fl.y[:k]
	clear(y)
	y[b] = 1
	fl.solveT(k, y)
	g := fl.gamma(k + 1)
	sum, abs := 0.0, 0.0
	for _, v := range y {
		sum += v
		abs += math.Abs(v)
	}
	slack := g * abs // Σy's rounding error
	for q := range k {
		r, e := 0.0, 0.0
		if q == b {
			r, e = 1, 1
		}
		for p, v := range y {
			r -= a[p*k+q] * v
			e += a[p*k+q] * math.Abs(v)
		}
		slack += max(0, r+g*e+tiny) * fl.ub[I[q]]
	}
	return sum+slack*safety+tiny < 0
}

// violated reports whether it can prove that no point of the polytope
// solves the system of (I, J) (factored by decide), because its solution
// would violate constraint j: with y ≈ A⁻ᵀm, m_q = M[I[q]][j], any
// solution has (Mᵀz)_j = Σy + rᵀz, r = m − Aᵀy, so in the polytope
// (Mᵀz)_j ≥ Σy − Σ_q max(0, −r_q)·ub[I[q]]; that bound, with the
// rounding errors, above 1 proves it.
func (fl *filter) violated(I []int, j int) bool {
	k := len(I)
	c, f := fl.c, fl.f
	a, y := fl.a[:k*k], fl.y[:k]
	for q, i := range I {
		y[q] = f[i*c+j]
	}
	fl.solveT(k, y)
	g := fl.gamma(k + 1)
	s, abs := -1.0, 1.0
	for _, v := range y {
		s += v
		abs += math.Abs(v)
	}
	slack := g * abs // the rounding error of Σy − 1
	for q, i := range I {
		m := f[i*c+j]
		r, e := m, m
		for p, v := range y {
			r -= a[p*k+q] * v
			e += a[p*k+q] * math.Abs(v)
		}
		slack += max(0, g*e+tiny-r) * fl.ub[i]
	}
	return s-slack*safety-tiny > 0
}

// factor computes in place the LU factorisation with partial pivoting
// PA = LU of the k×k row-major matrix lu, A, into lu (L unit lower
// triangular below the diagonal, U on and above it) and perm (row i of
// PA is row perm[i] of A), with rec the reciprocals of U's diagonal, and
// reports false if a pivot is zero or not finite.
func factor(k int, lu []float64, perm []int, rec []float64) bool {
	for i := range perm {
		perm[i] = i
	}
	for col := range k {
		p, big := col, math.Abs(lu[col*k+col])
		for r := col + 1; r < k; r++ {
			if v := math.Abs(lu[r*k+col]); v > big {
				p, big = r, v
			}
		}
		if !(big > 0 && big <= math.MaxFloat64) {
			return false
		}
		uc := lu[col*k : col*k+k]
		if p != col {
			up := lu[p*k : p*k+k]
			for q := range uc {
				up[q], uc[q] = uc[q], up[q]
			}
			perm[p], perm[col] = perm[col], perm[p]
		}
		d := 1 / uc[col]
		rec[col] = d
		for r := col + 1; r < k; r++ {
			ur := lu[r*k : r*k+k]
			l := ur[col] * d
			ur[col] = l
			for q := col + 1; q < k; q++ {
				ur[q] -= l * uc[q]
			}
		}
	}
	return true
}

// solve overwrites x with an approximate solution of A x = x, A as
// factored by decide.
func (fl *filter) solve(k int, x []float64) {
	lu, t, rec := fl.lu[:k*k], fl.t[:k], fl.rec[:k]
	for i, p := range fl.perm[:k] {
		t[i] = x[p]
	}
	for i := range k {
		s := t[i]
		for q, v := range lu[i*k : i*k+i] {
			s -= v * t[q]
		}
		t[i] = s
	}
	for i := k - 1; i >= 0; i-- {
		s := t[i]
		for q := i + 1; q < k; q++ {
			s -= lu[i*k+q] * t[q]
		}
		t[i] = s * rec[i]
	}
	copy(x, t)
}

// solveT overwrites y with an approximate solution of Aᵀy = y, A as
// factored by decide: Aᵀ = UᵀLᵀP.
func (fl *filter) solveT(k int, y []float64) {
	lu, t, rec := fl.lu[:k*k], fl.t[:k], fl.rec[:k]
	for i := range k { // Uᵀt = y
		s := y[i]
		for q := range i {
			s -= lu[q*k+i] * t[q]
		}
		t[i] = s * rec[i]
	}
	for i := k - 1; i >= 0; i-- { // Lᵀv = t, in place
		s := t[i]
		for q := i + 1; q < k; q++ {
			s -= lu[q*k+i] * t[q]
		}
		t[i] = s
	}
	for i, p := range fl.perm[:k] {
		y[p] = t[i]
	}
}
