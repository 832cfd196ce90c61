package equilibrium

import "math/big"

// solveOnes solves the square integer system M z = 1 (every right-hand side
// 1) exactly, by fraction-free Gauss–Jordan elimination (Edmonds 1967; the
// integer pivoting of lrs): every intermediate entry is a minor of [M | 1],
// so every division is exact and no fraction is ever reduced. It returns
// the numerators and the common positive denominator |det M|, z = num/den,
// or ok = false if M is singular. M is not modified.
func solveOnes(m [][]*big.Int) (num []*big.Int, den *big.Int, ok bool) {
	k := len(m)
	w := make([][]*big.Int, k) // the augmented matrix [M | 1]
	for r := range w {
		w[r] = make([]*big.Int, k+1)
		for c := range k {
			w[r][c] = new(big.Int).Set(m[r][c])
		}
		w[r][k] = big.NewInt(1)
	}
	prev := big.NewInt(1)
	var t big.Int
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
			row, f := w[r], new(big.Int).Set(w[r][c])
			for cc := range k + 1 {
				if cc == c {
					continue
				}
				row[cc].Mul(row[cc], piv[c])
				row[cc].Sub(row[cc], t.Mul(f, piv[cc]))
				row[cc].Quo(row[cc], prev)
			}
			row[c].SetInt64(0)
		}
		prev = new(big.Int).Set(piv[c])
	}
	// Every diagonal entry is now det M (of the row-permuted matrix).
	den = prev
	num = make([]*big.Int, k)
	for r := range k {
		num[r] = w[r][k]
		if den.Sign() < 0 {
			num[r].Neg(num[r])
		}
	}
	return num, den.Abs(den), true
}
