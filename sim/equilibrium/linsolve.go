package equilibrium

import "math/big"

// solveOnes solves the square system M z = 1 (every right-hand side 1)
// exactly by Gaussian elimination, taking the first nonzero pivot in each
// column (exact arithmetic needs no pivoting for stability). It returns nil
// if M is singular. M is not modified.
func solveOnes(m [][]*big.Rat) []*big.Rat {
	k := len(m)
	// w is the augmented matrix [M | 1].
	w := make([][]*big.Rat, k)
	for r := range w {
		w[r] = make([]*big.Rat, k+1)
		for c := range k {
			w[r][c] = new(big.Rat).Set(m[r][c])
		}
		w[r][k] = big.NewRat(1, 1)
	}
	var t big.Rat
	for c := range k {
		p := c
		for p < k && w[p][c].Sign() == 0 {
			p++
		}
		if p == k {
			return nil
		}
		w[c], w[p] = w[p], w[c]
		for r := c + 1; r < k; r++ {
			if w[r][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(w[r][c], w[c][c])
			for cc := c; cc <= k; cc++ {
				w[r][cc].Sub(w[r][cc], t.Mul(f, w[c][cc]))
			}
		}
	}
	z := make([]*big.Rat, k)
	for r := k - 1; r >= 0; r-- {
		s := new(big.Rat).Set(w[r][k])
		for c := r + 1; c < k; c++ {
			s.Sub(s, t.Mul(w[r][c], z[c]))
		}
		z[r] = s.Quo(s, w[r][r])
	}
	return z
}
