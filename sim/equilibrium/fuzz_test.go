package equilibrium

import (
	"math/big"
	"testing"
)

// FuzzSolve builds a game of up to 4×4 from the fuzzer's bytes (payoffs
// are signed bytes, so ties and degeneracy are frequent) and checks every
// invariant of the solution exactly.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{1, 1, 3, 0, 5, 1, 3, 5, 0, 1})                      // prisoner's dilemma
	f.Add([]byte{1, 1, 0, 0, 0, 0, 0, 0, 0, 0})                      // all zero
	f.Add([]byte{2, 1, 1, 1, 0, 0, 0, 2, 1, 1, 2, 3, 2, 0, 9, 9, 9}) // Selten's 3×2
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		m, n := 1+int(data[0])%4, 1+int(data[1])%4
		data = data[2:]
		if len(data) < 2*m*n {
			return
		}
		a, b := make([][]*big.Rat, m), make([][]*big.Rat, m)
		for i := range m {
			a[i], b[i] = make([]*big.Rat, n), make([]*big.Rat, n)
			for j := range n {
				a[i][j] = big.NewRat(int64(int8(data[i*n+j])), 1)
				b[i][j] = big.NewRat(int64(int8(data[m*n+i*n+j])), 1)
			}
		}
		sol, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		checkEquilibria(t, a, b, sol)
	})
}
