package equilibrium

import (
	"fmt"
	"math"
	"math/big"
	"time"
)

// maxStrategies bounds m+n: a vertex's labels are the bits of a uint64.
const maxStrategies = 64

// maxSystems bounds the linear systems vertex enumeration solves per
// player, Σₖ C(m,k)·C(n,k) = C(m+n, m) for an m×n game: C(20, 10), that of
// a 10×10 game, which takes seconds.
const maxSystems = 184756

// maxPayoffBits bounds the size of the integers vertex enumeration
// starts from, each player's payoffs shifted positive and brought over a
// common denominator: enough for any float64 payoffs of similar
// magnitude, while unrelated long fractions, whose common denominator
// multiplies their lengths, are refused rather than left to run for hours.
const maxPayoffBits = 4096

// perSystem is the time one linear system of the enumeration takes in
// exact arithmetic with payoffs of a few digits, rounded up: 10 to 30 µs
// measured from 7×7 to 10×10 on a 2-core machine (10×10 with 2-digit
// payoffs: 4.8 s). With the filter a system takes about 1 µs (the same
// game: 0.12 s); the estimate is left at exact arithmetic's, which games
// of payoffs too long for the filter still pay.
const perSystem = 50 * time.Microsecond

// maxCost is the longest Solve is allowed to be expected to run; checkCost's
// message says "a minute".
const maxCost = time.Minute

// enumerationCost estimates how long Solve takes on an m×n game whose
// payoffs, shifted positive over a common denominator, need bits bits:
// perSystem for each of the C(m+n, m) systems, times 1 + (digits/20)^1.5
// for the length of the numbers. The growth with digits is fitted to
// measurements on the 2-core machine (×2–5 at 20 digits, ×6–10 at 100,
// ×340 at 1200 for 7×7, where 1200 digits took 11 s); it overestimates
// small games, never underestimates by more than 2× the ones measured.
func enumerationCost(m, n, bits int) time.Duration {
	systems, _ := new(big.Float).SetInt(new(big.Int).Binomial(int64(m+n), int64(m))).Float64()
	digits := float64(bits) * math.Log10(2)
	return time.Duration(float64(perSystem) * systems * (1 + math.Pow(digits/20, 1.5)))
}

// checkCost refuses a game enumerationCost expects to take more than maxCost.
func checkCost(m, n, bits int) error {
	if cost := enumerationCost(m, n, bits); cost > maxCost {
		return fmt.Errorf("game is %d×%d with payoffs of %d digits over a common denominator: vertex enumeration would take about %.0f minutes; want at most about a minute (fewer strategies, or shorter decimals or fractions)",
			m, n, int(float64(bits)*math.Log10(2)), cost.Minutes())
	}
	return nil
}

// maxBitLen returns the bit length of the largest entry of m.
func maxBitLen(m [][]*big.Int) int {
	n := 0
	for _, row := range m {
		for _, v := range row {
			n = max(n, v.BitLen())
		}
	}
	return n
}

// checkGame returns the shape m×n of the bimatrix game (a, b), or an error
// if a matrix is empty, ragged, has a nil entry, or the two differ in shape.
func checkGame(a, b [][]*big.Rat) (m, n int, err error) {
	m, n, err = shape("a", a)
	if err != nil {
		return 0, 0, err
	}
	mb, nb, err := shape("b", b)
	if err != nil {
		return 0, 0, err
	}
	if mb != m || nb != n {
		return 0, 0, fmt.Errorf("payoff matrices differ in shape: a is %d×%d, b is %d×%d", m, n, mb, nb)
	}
	return m, n, nil
}

// shape returns the rows and columns of the matrix called name, checking it
// is non-empty, rectangular and free of nil entries.
func shape(name string, x [][]*big.Rat) (m, n int, err error) {
	if len(x) == 0 || len(x[0]) == 0 {
		return 0, 0, fmt.Errorf("payoff matrix %s is empty; each player needs at least one strategy", name)
	}
	m, n = len(x), len(x[0])
	for i, row := range x {
		if len(row) != n {
			return 0, 0, fmt.Errorf("payoff matrix %s is ragged: row %d has %d entries, row 0 has %d", name, i, len(row), n)
		}
		for j, v := range row {
			if v == nil {
				return 0, 0, fmt.Errorf("payoff matrix %s: entry [%d][%d] is nil", name, i, j)
			}
		}
	}
	return m, n, nil
}

// Rats converts a float matrix to exact rationals: every finite float64 is a
// dyadic rational, so the conversion loses nothing. It returns an error
// naming the entry if one is NaN or infinite. Shapes are not checked here;
// Solve checks them.
func Rats(m [][]float64) ([][]*big.Rat, error) {
	out := make([][]*big.Rat, len(m))
	for i, row := range m {
		out[i] = make([]*big.Rat, len(row))
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("entry [%d][%d] is %v; a payoff must be a finite number", i, j, v)
			}
			out[i][j] = new(big.Rat).SetFloat64(v)
		}
	}
	return out, nil
}

// transpose returns xᵀ.
func transpose(x [][]*big.Rat) [][]*big.Rat {
	t := make([][]*big.Rat, len(x[0]))
	for j := range t {
		t[j] = make([]*big.Rat, len(x))
		for i := range x {
			t[j][i] = x[i][j]
		}
	}
	return t
}

// positiveIntegers returns a matrix of positive integers that is a
// positive affine transformation of x, (x + shift)·scale: x shifted so its
// least entry is 1, then multiplied by the least common multiple of the
// denominators. Best responses, and so equilibria, are unchanged by such a
// transformation, and integers let vertices use fraction-free
// elimination.
func positiveIntegers(x [][]*big.Rat) (out [][]*big.Int, shift *big.Rat, scale *big.Int) {
	low := new(big.Rat).Set(x[0][0])
	for _, row := range x {
		for _, v := range row {
			if v.Cmp(low) < 0 {
				low.Set(v)
			}
		}
	}
	shift = new(big.Rat).Sub(big.NewRat(1, 1), low)
	if allInts(x) { // the common case of Gambit's games, with the same result
		out = make([][]*big.Int, len(x))
		for i, row := range x {
			out[i] = make([]*big.Int, len(row))
			for j, v := range row {
				out[i][j] = new(big.Int).Add(v.Num(), shift.Num())
			}
		}
		return out, shift, big.NewInt(1)
	}
	shifted := make([][]*big.Rat, len(x))
	lcm := big.NewInt(1)
	var g big.Int
	for i, row := range x {
		shifted[i] = make([]*big.Rat, len(row))
		for j, v := range row {
			shifted[i][j] = new(big.Rat).Add(v, shift)
			d := shifted[i][j].Denom()
			g.GCD(nil, nil, lcm, d)
			lcm.Mul(lcm, g.Quo(d, &g))
		}
	}
	out = make([][]*big.Int, len(x))
	for i, row := range shifted {
		out[i] = make([]*big.Int, len(row))
		for j, v := range row {
			out[i][j] = new(big.Int).Mul(v.Num(), new(big.Int).Quo(lcm, v.Denom()))
		}
	}
	return out, shift, lcm
}

// allInts reports whether every entry of x is an integer.
func allInts(x [][]*big.Rat) bool {
	for _, row := range x {
		for _, v := range row {
			if !v.IsInt() {
				return false
			}
		}
	}
	return true
}
