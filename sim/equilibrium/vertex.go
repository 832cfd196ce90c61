package equilibrium

import (
	"math/big"
	"math/bits"
)

// vertex is a vertex of a polytope {z ≥ 0, Mᵀz ≤ 1} other than the origin.
type vertex struct {
	z     []*big.Rat // the point, not normalised; nil if pt holds it
	pt    intPoint   // the point in machine integers, if pt.n is not nil
	zero  uint64     // bit i set when z_i = 0
	tight uint64     // bit j set when (Mᵀz)_j = 1
}

// labels is the number of constraints tight at v.
func (v vertex) labels() int { return bits.OnesCount64(v.zero) + bits.OnesCount64(v.tight) }

// vertices returns every vertex except the origin of the polytope
// {z ∈ ℝʳ : z ≥ 0, Mᵀz ≤ 1}, where M is an r×c matrix of positive integers
// (so the polytope is bounded), each vertex once, in the order found.
//
// A vertex is a feasible point where r linearly independent constraints are
// tight. Choosing which k coordinates may be nonzero (the set I) and which k
// inequalities of Mᵀz ≤ 1 are tight (the set J) leaves the k×k system
// Σ_{i∈I} M[i][j] z_i = 1 for j ∈ J, so every vertex is found by solving the
// nonsingular systems over all such (I, J) and keeping the feasible
// solutions. A vertex of a degenerate polytope arises from several (I, J);
// duplicates, which have the same tight constraints, are dropped.
//
// A floating-point filter (filter) first decides each system where it
// can certify the decision; the systems it is unsure of are solved and
// checked exactly, and every vertex kept is solved exactly, so the result
// is the same as exactVertices'.
func vertices(m [][]*big.Int) []vertex { return enumerate(m, newFilter(m)) }

// exactVertices is vertices without the filter: every system solved and
// checked in exact arithmetic.
func exactVertices(m [][]*big.Int) []vertex { return enumerate(m, nil) }

// enumerate returns the vertices of {z ≥ 0, Mᵀz ≤ 1} as vertices
// describes, deciding systems with fl first unless it is nil.
func enumerate(m [][]*big.Int, fl *filter) []vertex {
	r, c := len(m), len(m[0])
	var out []vertex
	seen := map[[2]uint64]bool{}
	var dot, t big.Int
	for k := 1; k <= min(r, c); k++ {
		rowSets, colSets := subsets(r, k), subsets(c, k)
		sys := make([][]*big.Int, k)
		for a := range sys {
			sys[a] = make([]*big.Int, k)
		}
		solver := newSolver(k)
		for _, I := range rowSets {
			for _, J := range colSets {
				d := unsure
				if fl != nil {
					if d = fl.decide(I, J); d == infeasible {
						continue
					}
				}
				var key [2]uint64
				if d == feasible {
					key = [2]uint64{(uint64(1)<<r - 1) &^ mask(I), mask(J)}
					if seen[key] {
						continue
					}
					if pt, ok := fl.intPoint(I, J, r); ok {
						seen[key] = true
						out = append(out, vertex{pt: pt, zero: key[0], tight: key[1]})
						continue
					}
				}
				for a, j := range J {
					for b, i := range I {
						sys[a][b] = m[i][j]
					}
				}
				num, den, ok := solver.solveOnes(sys)
				if !ok {
					continue
				}
				if d == unsure {
					if anyNegative(num) {
						continue
					}
					// z_I = num/den ≥ 0; feasible if Σ_{i∈I} M[i][j]·num_i ≤ den for every j.
					var tight uint64
					feasible := true
					for j := range c {
						dot.SetInt64(0)
						for b, i := range I {
							dot.Add(&dot, t.Mul(m[i][j], num[b]))
						}
						switch dot.Cmp(den) {
						case 1:
							feasible = false
						case 0:
							tight |= 1 << j
						}
						if !feasible {
							break
						}
					}
					if !feasible {
						continue
					}
					zero := uint64(1)<<r - 1
					for b, i := range I {
						if num[b].Sign() != 0 {
							zero &^= 1 << i
						}
					}
					// A vertex is the only point of the polytope where all its
					// tight constraints hold with equality, so the sets of
					// them, zero and tight, tell vertices apart exactly.
					key = [2]uint64{zero, tight}
					if seen[key] {
						continue
					}
				}
				seen[key] = true
				v := vertex{z: make([]*big.Rat, r), zero: key[0], tight: key[1]}
				for i := range v.z {
					v.z[i] = new(big.Rat)
				}
				for b, i := range I {
					v.z[i].SetFrac(num[b], den)
				}
				out = append(out, v)
			}
		}
	}
	return out
}

// mask returns the set s as a bit mask.
func mask(s []int) uint64 {
	var b uint64
	for _, i := range s {
		b |= 1 << i
	}
	return b
}

// anyNegative reports whether some entry of z is negative.
func anyNegative(z []*big.Int) bool {
	for _, x := range z {
		if x.Sign() < 0 {
			return true
		}
	}
	return false
}

// subsets returns every k-element subset of {0, …, n−1}, each in increasing
// order, the subsets in lexicographic order.
func subsets(n, k int) [][]int {
	count := int(new(big.Int).Binomial(int64(n), int64(k)).Int64())
	out, all := make([][]int, 0, count), make([]int, count*k) // one array for all
	cur := make([]int, 0, k)
	var rec func(start int)
	rec = func(start int) {
		if len(cur) == k {
			s := all[len(out)*k : len(out)*k+k : len(out)*k+k]
			copy(s, cur)
			out = append(out, s)
			return
		}
		for i := start; i <= n-(k-len(cur)); i++ {
			cur = append(cur, i)
			rec(i + 1)
			cur = cur[:len(cur)-1]
		}
	}
	rec(0)
	return out
}
