package equilibrium

import (
	"math/rand/v2"
	"testing"
)

// randomFloatGame returns an m×n game with payoffs uniform on [0, 1), as a
// meta-game of estimated float payoffs looks to Solve.
func randomFloatGame(rng *rand.Rand, m, n int) (a, b [][]float64) {
	a, b = make([][]float64, m), make([][]float64, m)
	for i := range m {
		a[i], b[i] = make([]float64, n), make([]float64, n)
		for j := range n {
			a[i][j], b[i][j] = rng.Float64(), rng.Float64()
		}
	}
	return a, b
}

// BenchmarkSolve solves random 5×5 games with float payoffs converted by
// Rats, the case of a strategy meta-game solved once per bootstrap sample.
func BenchmarkSolve(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const games = 16
	var as, bs [games][][]float64
	for k := range games {
		as[k], bs[k] = randomFloatGame(rng, 5, 5)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ra, _ := Rats(as[i%games])
		rb, _ := Rats(bs[i%games])
		if _, err := Solve(ra, rb); err != nil {
			b.Fatal(err)
		}
	}
}
