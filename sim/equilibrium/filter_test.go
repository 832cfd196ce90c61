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

// filterCases are the kinds of matrices the filter is tested on: small
// integers (ties, singular systems, degenerate vertices), float payoffs
// over the common denominator 2⁵³ of rand's Float64, integers of up to 80
// bits (inexact as float64), and near-ties: entries 2⁸⁰ + {0, 1, 2},
// whose systems are nearly or exactly singular and whose constraints
// nearly or exactly tight.
func filterCases(rng *rand.Rand) []struct {
	name  string
	entry func() *big.Int
} {
	return []struct {
		name  string
		entry func() *big.Int
	}{
		{"small", func() *big.Int { return big.NewInt(1 + rng.Int64N(4)) }},
		{"float", func() *big.Int { return big.NewInt(1<<53 + rng.Int64N(1<<53)) }},
		{"80 bits", func() *big.Int {
			x := new(big.Int).SetUint64(rng.Uint64())
			x.Lsh(x, 16).Add(x, big.NewInt(1+rng.Int64N(1<<16)))
			return x
		}},
		{"near-ties", func() *big.Int {
			x := new(big.Int).Lsh(big.NewInt(1), 80)
			return x.Add(x, big.NewInt(rng.Int64N(3)))
		}},
	}
}

// exactOutcome solves the system (I, J) of the enumeration of
// {z ≥ 0, Mᵀz ≤ 1} exactly and says what filter.decide may certify of
// it: infeasible if it is nonsingular and its solution infeasible,
// feasible if its solution is positive and strictly inside the
// constraints off J, unsure otherwise (singular, or a zero coordinate or
// a tight constraint off J).
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
		return unsure
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
// other than unsure must be the exact one. It also requires the filter
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
				m := randomPositive(r, c, tc.entry)
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
							if got != want {
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
						if got, want := fl.decide(I, J), exactOutcome(tt.m, I, J); got != unsure && got != want {
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
			ms = append(ms, randomPositive(1+rng.IntN(5), 1+rng.IntN(5), tc.entry))
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
