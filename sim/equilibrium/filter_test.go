package equilibrium

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomPositive returns an r×c matrix of positive integers drawn by entry.
func randomPositive(r, c int, entry func() *big.Int) [][]*big.Int {
	m := make([][]*big.Int, r)
	for i := range m {
		m[i] = make([]*big.Int, c)
		for j := range m[i] {
			m[i][j] = entry()
		}
	}
	return m
}

// filterCases are the kinds of r×c matrices the filter is tested on:
// small integers (ties, singular systems, degenerate vertices), float
// payoffs over the common denominator 2⁵³ of rand's Float64, integers of
// up to 80 bits (inexact as float64), near-ties (entries 2ᵉ + {0, …, 3},
// whose systems are nearly or exactly singular and whose constraints
// nearly or exactly tight), and degenerate matrices, built so that every
// constraint passes within a unit or so of a point with zero coordinates,
// so that float solutions of the systems through it are noise around
// zeros and tight constraints.
func filterCases(rng *rand.Rand) []struct {
	name string
	m    func(r, c int) [][]*big.Int
} {
	entries := func(entry func() *big.Int) func(r, c int) [][]*big.Int {
		return func(r, c int) [][]*big.Int { return randomPositive(r, c, entry) }
	}
	nearTies := func(e uint) func() *big.Int {
		return func() *big.Int {
			x := new(big.Int).Lsh(big.NewInt(1), e)
			return x.Add(x, big.NewInt(rng.Int64N(4)))
		}
	}
	return []struct {
		name string
		m    func(r, c int) [][]*big.Int
	}{
		{"small", entries(func() *big.Int { return big.NewInt(1 + rng.Int64N(4)) })},
		{"float", entries(func() *big.Int { return big.NewInt(1<<53 + rng.Int64N(1<<53)) })},
		{"80 bits", entries(func() *big.Int {
			x := new(big.Int).SetUint64(rng.Uint64())
			x.Lsh(x, 16).Add(x, big.NewInt(1+rng.Int64N(1<<16)))
			return x
		})},
		{"near-ties 2^20", entries(nearTies(20))},
		{"near-ties 2^40", entries(nearTies(40))},
		{"near-ties 2^80", entries(nearTies(80))},
		{"degenerate", func(r, c int) [][]*big.Int { return degenerateMatrix(rng, r, c, 1) }},
		{"nearly degenerate", func(r, c int) [][]*big.Int { return degenerateMatrix(rng, r, c, 2) }},
	}
}

// degenerateMatrix returns an r×c matrix M of positive integers with
// Mᵀw = d·1 + e, e_j drawn from {−spread+1, …, spread−1}, where w is an
// integer vector with w_0 = 1, its other entries 0 (about half of them)
// or up to 2²⁰: with spread 1 the point w/d is a vertex of
// {z ≥ 0, Mᵀz ≤ 1} where every constraint is tight, the most degenerate
// there is; with a larger spread each constraint misses it by a unit.
func degenerateMatrix(rng *rand.Rand, r, c int, spread int64) [][]*big.Int {
	w := make([]int64, r)
	w[0] = 1
	for i := 1; i < r; i++ {
		if rng.IntN(2) == 0 {
			w[i] = 1 + rng.Int64N(1<<20)
		}
	}
	d := int64(1) << 42 // above Σ_{i>0} M[i][j]·w_i < 4·2²⁰·2²⁰, so M[0][j] > 0
	m := make([][]*big.Int, r)
	for i := range m {
		m[i] = make([]*big.Int, c)
	}
	for j := range c {
		rest := d + rng.Int64N(2*spread-1) - (spread - 1)
		for i := 1; i < r; i++ {
			v := 1 + rng.Int64N(1<<20)
			m[i][j] = big.NewInt(v)
			rest -= v * w[i]
		}
		m[0][j] = big.NewInt(rest)
	}
	return m
}

// singular is exactOutcome's verdict on a singular system: the
// enumeration skips it, so the filter may call it infeasible.
const singular verdict = -1

// exactOutcome solves the system (I, J) of the enumeration of
// {z ≥ 0, Mᵀz ≤ 1} exactly and says what filter.decide may certify of
// it: singular, infeasible if its solution is infeasible, feasible if
// its solution is positive and strictly inside the constraints off J,
// unsure otherwise (a zero coordinate or a tight constraint off J).
func exactOutcome(m [][]*big.Int, I, J []int) verdict {
	k := len(I)
	sys := make([][]*big.Int, k)
	for a, j := range J {
		sys[a] = make([]*big.Int, k)
		for b, i := range I {
			sys[a][b] = m[i][j]
		}
	}
	num, den, ok := newSolver(k).solveOnes(sys)
	if !ok {
		return singular
	}
	out := feasible
	for _, x := range num {
		switch x.Sign() {
		case -1:
			return infeasible
		case 0:
			out = unsure
		}
	}
	var dot, t big.Int
	for j := range m[0] {
		dot.SetInt64(0)
		for b, i := range I {
			dot.Add(&dot, t.Mul(m[i][j], num[b]))
		}
		switch c := dot.Cmp(den); {
		case c > 0:
			return infeasible
		case c == 0 && !slices.Contains(J, j):
			out = unsure
		}
	}
	return out
}

// TestFilterVerdicts checks every verdict of the filter against exact
// arithmetic on every system of random matrices of each kind: a verdict
// other than unsure must be the exact one, or infeasible for a singular
// system. It also requires the filter
// to decide most systems of the well-conditioned kinds, and fewer of the
// near-ties, where most systems are nearly singular or nearly tight.
func TestFilterVerdicts(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 31))
	for _, tc := range filterCases(rng) {
		t.Run(tc.name, func(t *testing.T) {
			var decided, total int
			counts := map[[2]verdict]int{}
			for range 30 {
				r, c := 1+rng.IntN(5), 1+rng.IntN(5)
				m := tc.m(r, c)
				fl := newFilter(m)
				for k := 1; k <= min(r, c); k++ {
					for _, I := range subsets(r, k) {
						for _, J := range subsets(c, k) {
							got, want := fl.decide(I, J), exactOutcome(m, I, J)
							counts[[2]verdict{got, want}]++
							total++
							if got == unsure {
								continue
							}
							decided++
							if got != want && (got != infeasible || want != singular) {
								t.Fatalf("M = %v, I = %v, J = %v: filter says %v, exact %v", m, I, J, got, want)
							}
						}
					}
				}
			}
			t.Logf("%d of %d systems decided; (filter, exact) counts %v", decided, total, counts)
			if decided == 0 {
				t.Errorf("no system decided: the filter is never exercised")
			}
		})
	}
}

// TestFilterNearSingular gives the filter 2×2 and 3×3 systems whose
// matrices are within one unit of singular, with entries near 2⁶⁰, so a
// float64 solution is wrong in every digit: the filter must not decide
// any of them wrongly.
func TestFilterNearSingular(t *testing.T) {
	base := new(big.Int).Lsh(big.NewInt(1), 60)
	n := func(d int64) *big.Int { return new(big.Int).Add(base, big.NewInt(d)) }
	tests := []struct {
		name string
		m    [][]*big.Int
	}{
		// det = (2⁶⁰)(2⁶⁰+1) − (2⁶⁰+1)(2⁶⁰) + … : rows differ by one unit.
		{"2×2 det ±1", [][]*big.Int{{n(0), n(1), n(2)}, {n(1), n(2), n(4)}}},
		{"2×2 singular", [][]*big.Int{{n(0), n(0), n(1)}, {n(0), n(0), n(0)}}},
		{"3×3 nearly singular", [][]*big.Int{{n(0), n(1), n(2), n(3)}, {n(1), n(2), n(3), n(5)}, {n(2), n(3), n(5), n(6)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fl := newFilter(tt.m)
			r, c := len(tt.m), len(tt.m[0])
			for k := 1; k <= min(r, c); k++ {
				for _, I := range subsets(r, k) {
					for _, J := range subsets(c, k) {
						if got, want := fl.decide(I, J), exactOutcome(tt.m, I, J); got != unsure && got != want && (got != infeasible || want != singular) {
							t.Errorf("I = %v, J = %v: filter says %v, exact %v", I, J, got, want)
						}
					}
				}
			}
		})
	}
}

// TestVerticesMatchExact checks that the filtered enumeration returns
// exactly the vertices, in the same order, of the enumeration in exact
// arithmetic alone, on random matrices of every kind and on von
// Stengel's 6×6 game.
func TestVerticesMatchExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(37, 41))
	var ms [][][]*big.Int
	for _, tc := range filterCases(rng) {
		for range 40 {
			ms = append(ms, tc.m(1+rng.IntN(5), 1+rng.IntN(5)))
		}
	}
	a, b := vonStengel(t)
	pb, _, _ := positiveIntegers(b)
	qa, _, _ := positiveIntegers(transpose(a))
	ms = append(ms, pb, qa)
	for _, m := range ms {
		if got, want := vertexStrings(vertices(m)), vertexStrings(exactVertices(m)); got != want {
			t.Fatalf("M = %v: filtered vertices\n%s\nexact\n%s", m, got, want)
		}
	}
}

// vertexStrings writes vertices, one a line, with their labels.
func vertexStrings(vs []vertex) string {
	s := ""
	for _, v := range vs {
		s += fmt.Sprintf("%s zero %b tight %b\n", vecString(v.point()), v.zero, v.tight)
	}
	return s
}
