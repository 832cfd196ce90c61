package equilibrium

import "math/big"

// A solver solves square integer systems of one size, reusing its
// storage from one system to the next: vertex enumeration solves
// thousands, and allocating every entry afresh cost a third of its time.
type solver struct {
	w       [][]big.Int // the augmented matrix [M | 1]
	rows    [][]big.Int // w's rows in their original order, to reset it
	num     []*big.Int
	prev, f big.Int
	t, u    big.Int // temporaries of the elimination step
	rem     big.Int // its remainder, always 0
}

// newSolver returns a solver of k×k systems.
func newSolver(k int) *solver {
	s := &solver{w: make([][]big.Int, k), rows: make([][]big.Int, k), num: make([]*big.Int, k)}
	for r := range k {
		s.rows[r] = make([]big.Int, k+1)
	}
	return s
}

// solveOnes solves the square integer system M z = 1 (every right-hand side
// 1) exactly, by fraction-free Gauss–Jordan elimination (Edmonds 1967; the
// integer pivoting of lrs): every intermediate entry is a minor of [M | 1],
// so every division is exact and no fraction is ever reduced. It returns
// the numerators and the common positive denominator |det M|, z = num/den,
// or ok = false if M is singular. M is not modified; num and den belong
// to the solver and hold until its next call.
func (s *solver) solveOnes(m [][]*big.Int) (num []*big.Int, den *big.Int, ok bool) {
	k := len(m)
	w := s.w
	for r := range k {
		w[r] = s.rows[r]
		for c := range k {
			w[r][c].Set(m[r][c])
		}
		w[r][k].SetInt64(1)
	}
	prev, f, t, u, rem := &s.prev, &s.f, &s.t, &s.u, &s.rem
	prev.SetInt64(1)
	for c := range k {
		p := c
		for p < k && w[p][c].Sign() == 0 {
			p++
		}
		if p == k {
			return nil, nil, false
		}
		w[c], w[p] = w[p], w[c]
		piv := w[c]
		for r := range k {
			if r == c {
				continue
			}
			row := w[r]
			f.Set(&row[c])
			for cc := range k + 1 {
				if cc == c {
					continue
				}
				// row[cc] = (row[cc]·piv[c] − f·piv[cc]) / prev, through
				// temporaries so that no product or quotient aliases its
				// operands, which would make math/big allocate.
				u.Mul(&row[cc], &piv[c])
				u.Sub(u, t.Mul(f, &piv[cc]))
				row[cc].QuoRem(u, prev, rem)
			}
			row[c].SetInt64(0)
		}
		prev.Set(&piv[c])
	}
	// Every diagonal entry is now det M (of the row-permuted matrix).
	for r := range k {
		s.num[r] = &w[r][k]
		if prev.Sign() < 0 {
			s.num[r].Neg(s.num[r])
		}
	}
	return s.num, prev.Abs(prev), true
}
