package equilibrium

import "math/big"

// BestResponses returns each player's pure best responses to each pure
// strategy of the other: br[0][j] lists player 1's payoff-maximising rows
// against column j, and br[1][i] player 2's payoff-maximising columns
// against row i, each in increasing order. A cell that is a best response
// both ways is a pure Nash equilibrium. It returns an error for the shapes
// Solve rejects.
func BestResponses(a, b [][]*big.Rat) (br [2][][]int, err error) {
	m, n, err := checkGame(a, b)
	if err != nil {
		return br, err
	}
	br[0] = make([][]int, n)
	for j := range n {
		br[0][j] = argmax(m, func(i int) *big.Rat { return a[i][j] })
	}
	br[1] = make([][]int, m)
	for i := range m {
		br[1][i] = argmax(n, func(j int) *big.Rat { return b[i][j] })
	}
	return br, nil
}

// argmax returns every k in 0…n−1 at which u(k) is largest, in increasing
// order.
func argmax(n int, u func(k int) *big.Rat) []int {
	best := []int{0}
	for k := 1; k < n; k++ {
		switch u(k).Cmp(u(best[0])) {
		case 1:
			best = []int{k}
		case 0:
			best = append(best, k)
		}
	}
	return best
}

// Support returns the pure strategies each player plays with positive
// probability in e, in increasing order.
func (e Equilibrium) Support() [2][]int {
	var s [2][]int
	for p, x := range [2][]*big.Rat{e.P1, e.P2} {
		for i, v := range x {
			if v.Sign() > 0 {
				s[p] = append(s[p], i)
			}
		}
	}
	return s
}
