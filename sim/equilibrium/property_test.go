package equilibrium

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomIntGame returns an m×n game with integer payoffs in [−2, 2]: small
// enough that ties, and so degenerate games, are common.
func randomIntGame(rng *rand.Rand, m, n int) (a, b [][]*big.Rat) {
	a, b = make([][]*big.Rat, m), make([][]*big.Rat, m)
	for i := range m {
		a[i], b[i] = make([]*big.Rat, n), make([]*big.Rat, n)
		for j := range n {
			a[i][j] = big.NewRat(rng.Int64N(5)-2, 1)
			b[i][j] = big.NewRat(rng.Int64N(5)-2, 1)
		}
	}
	return a, b
}

// checkEquilibria verifies the invariants of a solution exactly: every
// strategy is a probability vector, no pure deviation pays, the payoffs are
// the expected payoffs, there is at least one equilibrium (Nash's theorem),
// every pair within a component is a listed equilibrium and every
// equilibrium lies in a component.
func checkEquilibria(t *testing.T, a, b [][]*big.Rat, sol *Solution) {
	t.Helper()
	if len(sol.Equilibria) == 0 {
		t.Fatal("no equilibrium: every finite game has one")
	}
	bt := transpose(b)
	for k, e := range sol.Equilibria {
		for p, x := range [][]*big.Rat{e.P1, e.P2} {
			sum := new(big.Rat)
			for _, v := range x {
				if v.Sign() < 0 {
					t.Errorf("equilibrium %d: player %d has a negative probability %s", k, p+1, v)
				}
				sum.Add(sum, v)
			}
			if sum.Cmp(big.NewRat(1, 1)) != 0 {
				t.Errorf("equilibrium %d: player %d's probabilities sum to %s", k, p+1, sum)
			}
		}
		if e.Payoff[0].Cmp(expected(a, e.P1, e.P2)) != 0 || e.Payoff[1].Cmp(expected(b, e.P1, e.P2)) != 0 {
			t.Errorf("equilibrium %d: payoffs %v are not the expected payoffs", k, e.Payoff)
		}
		for i := range a {
			if dev := pure(a[i], e.P2); dev.Cmp(e.Payoff[0]) > 0 {
				t.Errorf("equilibrium %d: player 1 gains by row %d (%s > %s)", k, i, dev, e.Payoff[0])
			}
		}
		for j := range bt {
			if dev := pure(bt[j], e.P1); dev.Cmp(e.Payoff[1]) > 0 {
				t.Errorf("equilibrium %d: player 2 gains by column %d (%s > %s)", k, j, dev, e.Payoff[1])
			}
		}
		if len(sol.ComponentsOf(k)) == 0 {
			t.Errorf("equilibrium %d lies in no component", k)
		}
	}
	pairs := map[[2]int]bool{}
	for _, e := range sol.Equilibria {
		pairs[e.Vertex] = true
	}
	for c, comp := range sol.Components {
		for _, x := range comp.P1 {
			for _, y := range comp.P2 {
				if !pairs[[2]int{x, y}] {
					t.Errorf("component %d pairs vertices %d and %d, which are not an extreme equilibrium", c, x, y)
				}
			}
		}
	}
	if !sol.Degenerate && len(sol.Components) != len(sol.Equilibria) {
		t.Errorf("nondegenerate game with %d components for %d equilibria", len(sol.Components), len(sol.Equilibria))
	}
}

// pure returns the payoff Σ_j u_j y_j of a pure strategy with payoff row u.
func pure(u, y []*big.Rat) *big.Rat {
	sum := new(big.Rat)
	for j, v := range u {
		sum.Add(sum, new(big.Rat).Mul(v, y[j]))
	}
	return sum
}

func TestSolveRandomGames(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	degenerate := 0
	for range 300 {
		m, n := 1+rng.IntN(4), 1+rng.IntN(4)
		a, b := randomIntGame(rng, m, n)
		sol, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		checkEquilibria(t, a, b, sol)
		if sol.Degenerate {
			degenerate++
		}
		if t.Failed() {
			t.Fatalf("game a=%v b=%v", a, b)
		}
	}
	if degenerate == 0 {
		t.Error("no degenerate game among 300 with payoffs in [−2, 2]: the test does not exercise them")
	}
}

// TestSolveOddNumber checks the oddness theorem (Wilson 1971; von Stengel
// 2002, Thm. 3.4): a nondegenerate game has an odd number of equilibria.
// Random float payoffs give nondegenerate games with probability 1.
func TestSolveOddNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 40 {
		fa, fb := randomFloatGame(rng, 2+rng.IntN(3), 2+rng.IntN(3))
		a, _ := Rats(fa)
		b, _ := Rats(fb)
		sol, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		checkEquilibria(t, a, b, sol)
		if sol.Degenerate || len(sol.Equilibria)%2 == 0 {
			t.Errorf("random float game: degenerate %v with %d equilibria, want nondegenerate with an odd number", sol.Degenerate, len(sol.Equilibria))
		}
	}
}

// TestSolveInvariance checks that a positive affine transformation of each
// player's payoffs (u → s·u + c, s > 0) changes no equilibrium strategy and
// transforms the payoffs alike, and that swapping the players (a, b) →
// (bᵀ, aᵀ) swaps the strategies.
func TestSolveInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	affine := func(u [][]*big.Rat, s, c *big.Rat) [][]*big.Rat {
		out := make([][]*big.Rat, len(u))
		for i, row := range u {
			for _, v := range row {
				w := new(big.Rat).Mul(v, s)
				out[i] = append(out[i], w.Add(w, c))
			}
		}
		return out
	}
	s1, c1 := big.NewRat(1000003, 7), big.NewRat(-12345, 1) // arbitrary: a large scale and shift
	s2, c2 := big.NewRat(1, 999), big.NewRat(3, 2)          // arbitrary: a small scale
	for range 100 {
		a, b := randomIntGame(rng, 1+rng.IntN(4), 1+rng.IntN(4))
		sol, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		moved, err := Solve(affine(a, s1, c1), affine(b, s2, c2))
		if err != nil {
			t.Fatal(err)
		}
		if len(moved.Equilibria) != len(sol.Equilibria) || moved.Degenerate != sol.Degenerate || len(moved.Components) != len(sol.Components) {
			t.Fatalf("transformed game: %d equilibria (degenerate %v, %d components), original %d (%v, %d)",
				len(moved.Equilibria), moved.Degenerate, len(moved.Components), len(sol.Equilibria), sol.Degenerate, len(sol.Components))
		}
		for k, e := range sol.Equilibria {
			f := moved.Equilibria[k]
			w1 := new(big.Rat).Mul(e.Payoff[0], s1)
			w2 := new(big.Rat).Mul(e.Payoff[1], s2)
			if vecKey(e.P1) != vecKey(f.P1) || vecKey(e.P2) != vecKey(f.P2) ||
				w1.Add(w1, c1).Cmp(f.Payoff[0]) != 0 || w2.Add(w2, c2).Cmp(f.Payoff[1]) != 0 {
				t.Errorf("equilibrium %d moved: %v → %v", k, e, f)
			}
		}
		swapped, err := Solve(transpose(b), transpose(a))
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for _, e := range sol.Equilibria {
			want = append(want, vecKey(e.P2)+";"+vecKey(e.P1))
		}
		for _, e := range swapped.Equilibria {
			got = append(got, vecKey(e.P1)+";"+vecKey(e.P2))
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) || swapped.Degenerate != sol.Degenerate {
			t.Errorf("swapping the players: %v, want %v", got, want)
		}
	}
}

// TestPureEquilibriaAreMutualBestResponses checks Solve against
// BestResponses: the pure equilibria are exactly the cells that are best
// responses both ways.
func TestPureEquilibriaAreMutualBestResponses(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 23))
	for range 200 {
		a, b := randomIntGame(rng, 1+rng.IntN(4), 1+rng.IntN(4))
		sol, err := Solve(a, b)
		if err != nil {
			t.Fatal(err)
		}
		br, err := BestResponses(a, b)
		if err != nil {
			t.Fatal(err)
		}
		var want, got [][2]int
		for i := range a {
			for j := range a[i] {
				if slices.Contains(br[0][j], i) && slices.Contains(br[1][i], j) {
					want = append(want, [2]int{i, j})
				}
			}
		}
		for _, e := range sol.Equilibria {
			if s := e.Support(); len(s[0]) == 1 && len(s[1]) == 1 {
				got = append(got, [2]int{s[0][0], s[1][0]})
			}
		}
		slices.SortFunc(got, func(x, y [2]int) int { return slices.Compare(x[:], y[:]) })
		if !slices.Equal(got, want) {
			t.Fatalf("pure equilibria %v, mutual best responses %v; a=%v b=%v", got, want, a, b)
		}
	}
}

// expected returns the expected payoff xᵀ u y, summed term by term, to
// check the payoffs Solve derives from its vertices.
func expected(u [][]*big.Rat, x, y []*big.Rat) *big.Rat {
	sum := new(big.Rat)
	var t big.Rat
	for i, row := range u {
		if x[i].Sign() == 0 {
			continue
		}
		for j, v := range row {
			if y[j].Sign() == 0 {
				continue
			}
			t.Mul(v, x[i])
			sum.Add(sum, t.Mul(&t, y[j]))
		}
	}
	return sum
}
