package equilibrium

import (
	"math/big"
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

// BenchmarkSolveVonStengel solves von Stengel's 6×6 game with 75
// equilibria (B. von Stengel, New maximal numbers of equilibria in
// bimatrix games, Discrete Comput. Geom. 21 (1999); the Gambit suite's
// vonstengel1999_6x6_75eq.nfg), the game docs/performance.md times
// against lrsnash.
func BenchmarkSolveVonStengel(b *testing.B) {
	a, c := vonStengel(b)
	for b.Loop() {
		sol, err := Solve(a, c)
		if err != nil || len(sol.Equilibria) != 75 {
			b.Fatalf("%v equilibria, %v; want 75", len(sol.Equilibria), err)
		}
	}
}

// vonStengel returns von Stengel's 6×6 game with 75 equilibria, the
// payoffs of vonstengel1999_6x6_75eq.nfg.
func vonStengel(t testing.TB) (a, b [][]*big.Rat) {
	a = rats(t,
		"9504 -660 19976 -20526 1776 -8976",
		"-111771 31680 -130944 168124 -8514 52764",
		"397584 -113850 451176 -586476 29216 -178761",
		"171204 -45936 208626 -263076 14124 -84436",
		"1303104 -453420 1227336 -1718376 72336 -461736",
		"737154 -227040 774576 -1039236 48081 -300036")
	b = rats(t,
		"72336 48081 29216 14124 1776 -8514",
		"-461736 -300036 -178761 -84436 -8976 52764",
		"1227336 774576 451176 208626 19976 -130944",
		"-1718376 -1039236 -586476 -263076 -20526 168124",
		"1303104 737154 397584 171204 9504 -111771",
		"-453420 -227040 -113850 -45936 -660 31680")
	return a, b
}
