package equilibrium

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
)

// Equilibrium is one Nash equilibrium of a bimatrix game.
type Equilibrium struct {
	P1, P2 []*big.Rat  // the players' mixed strategies: probabilities in strategy order, summing to 1
	Payoff [2]*big.Rat // the expected payoffs to player 1 and player 2
	// Vertex gives the indices of P1 in Solution.P1Vertices and of P2 in
	// Solution.P2Vertices.
	Vertex [2]int
}

// Component is a maximal Nash subset of a game: every profile (x, y) with x
// a convex combination of the player-1 vertices P1 and y one of the
// player-2 vertices P2 is an equilibrium, and no vertex can be added to
// either side. P1 and P2 are increasing indices into Solution.P1Vertices
// and Solution.P2Vertices; every pair of them is one of Solution.Equilibria.
type Component struct {
	P1, P2 []int
}

// Solution is every equilibrium of a bimatrix game, as Solve finds them.
type Solution struct {
	// Equilibria is every extreme Nash equilibrium, ordered by player 1's
	// strategy and then player 2's, each compared lexicographically with
	// larger probabilities first (so pure strategy 1 comes before pure
	// strategy 2, which comes before any mix of strategies 2 and 3), the
	// order in which Gambit's reference results list them.
	Equilibria []Equilibrium
	// Degenerate reports whether the game is degenerate: some mixed strategy
	// has more pure best responses than the size of its support. Only then
	// can equilibria form continua.
	Degenerate bool
	// P1Vertices and P2Vertices are the distinct strategies of player 1 and
	// player 2 among Equilibria, each list ordered as Equilibria orders
	// strategies (larger probabilities first).
	P1Vertices, P2Vertices [][]*big.Rat
	// Components is the maximal Nash subsets, whose union is the set of all
	// Nash equilibria, ordered by their P1 and then P2 index lists. In a
	// nondegenerate game each is a single equilibrium, in the order of
	// Equilibria. An extreme equilibrium may lie in several components.
	Components []Component
}

// Solve returns every extreme Nash equilibrium of the bimatrix game (a, b),
// the maximal Nash subsets they span and whether the game is degenerate:
// a[i][j] and b[i][j] are the payoffs to player 1 and player 2 when player 1
// plays row i and player 2 plays column j. It returns an error if a matrix
// is empty, ragged or has a nil entry, if the two differ in shape, or if
// the game is too costly to enumerate: more than 64 strategies in all,
// more than maxSystems linear systems per player (an m×n game needs
// C(m+n, m); a 10×10 game is the largest square one), or payoffs whose
// exact fractions need more than maxPayoffBits bits over a common
// denominator, or an estimated time (enumerationCost) beyond maxCost. The
// package documentation describes the method; the
// arithmetic is exact.
func Solve(a, b [][]*big.Rat) (*Solution, error) {
	m, n, err := checkGame(a, b)
	if err != nil {
		return nil, err
	}
	if m+n > maxStrategies {
		return nil, fmt.Errorf("game is %d×%d; vertex enumeration takes at most %d strategies in all", m, n, maxStrategies)
	}
	if c := new(big.Int).Binomial(int64(m+n), int64(m)); c.Cmp(big.NewInt(maxSystems)) > 0 {
		return nil, fmt.Errorf("game is %d×%d: vertex enumeration would solve C(%d, %d) = %s linear systems per player; want at most %d, as in a 10×10 game (a few seconds)",
			m, n, m+n, m, c, maxSystems)
	}
	pb, shiftB, scaleB := positiveIntegers(b)
	qa, shiftA, scaleA := positiveIntegers(transpose(a))
	if bits := max(maxBitLen(pb), maxBitLen(qa)); bits > maxPayoffBits {
		return nil, fmt.Errorf("payoffs: their exact fractions over a common denominator need %d bits; want at most %d (shorter decimals or fractions)", bits, maxPayoffBits)
	} else if err := checkCost(m, n, bits); err != nil {
		return nil, err
	}
	px := vertices(pb) // P: x ≥ 0, Bᵀx ≤ 1
	qy := vertices(qa) // Q: y ≥ 0, Ay ≤ 1
	sol := &Solution{}
	for _, v := range px {
		sol.Degenerate = sol.Degenerate || v.labels() > m
	}
	for _, v := range qy {
		sol.Degenerate = sol.Degenerate || v.labels() > n
	}
	xs, ys := make([]*strategy, len(px)), make([]*strategy, len(qy))
	allRows, allCols := uint64(1)<<m-1, uint64(1)<<n-1
	var pairs [][2]int // the equilibria, as indices into px and qy
	for k, x := range px {
		for l, y := range qy {
			// x's zero coordinates and y's tight rows must cover the rows;
			// x's tight columns and y's zero coordinates the columns.
			if x.zero|y.tight != allRows || x.tight|y.zero != allCols {
				continue
			}
			if xs[k] == nil {
				xs[k] = newStrategy(x, shiftB, scaleB)
			}
			if ys[l] == nil {
				ys[l] = newStrategy(y, shiftA, scaleA)
			}
			pairs = append(pairs, [2]int{k, l})
		}
	}
	// Distinct vertices are distinct strategies (no vertex is a multiple
	// of another), so ranking each player's strategies once orders the
	// equilibria and numbers the vertex lists.
	rx, ry := rank(xs), rank(ys)
	slices.SortFunc(pairs, func(e, f [2]int) int {
		if c := rx[e[0]] - rx[f[0]]; c != 0 {
			return c
		}
		return ry[e[1]] - ry[f[1]]
	})
	sol.Equilibria = make([]Equilibrium, len(pairs))
	for i, pr := range pairs {
		x, y := xs[pr[0]], ys[pr[1]]
		sol.Equilibria[i] = Equilibrium{
			P1:     copyRats(x.p),
			P2:     copyRats(y.p),
			Payoff: [2]*big.Rat{new(big.Rat).Set(y.payoff), new(big.Rat).Set(x.payoff)},
			Vertex: [2]int{rx[pr[0]], ry[pr[1]]},
		}
	}
	sol.P1Vertices = vertexList(sol.Equilibria, 0)
	sol.P2Vertices = vertexList(sol.Equilibria, 1)
	sol.Components = components(sol)
	return sol, nil
}

// A strategy is a vertex of a best-response polytope as a mixed
// strategy, with the payoff it gives the other player when the two are
// an equilibrium.
type strategy struct {
	p      []*big.Rat
	payoff *big.Rat
	// n and sum give p = n/sum in machine integers, if n is not nil.
	n   []uint64
	sum uint64
}

// newStrategy returns the vertex v of a polytope {z ≥ 0, Mᵀz ≤ 1} as the
// mixed strategy z/Σz and the other player's payoff in an equilibrium
// with it, where M = (U + shift)·scale is the other player's payoff
// matrix U made positive integers (positiveIntegers). In an equilibrium
// the other player mixes only strategies j where (Mᵀz)_j = 1, so its
// payoff in M is 1/Σz and in U, 1/(scale·Σz) − shift: the expected payoff
// xᵀUy, exactly. Solve makes one for each vertex in some equilibrium,
// once.
func newStrategy(v vertex, shift *big.Rat, scale *big.Int) *strategy {
	if v.pt.n != nil {
		// z = n/d: the strategy is n/Σn and 1/(scale·Σz) = d/(scale·Σn).
		p, nums := make([]*big.Rat, len(v.pt.n)), make([]big.Rat, len(v.pt.n))
		for i, n := range v.pt.n {
			p[i] = setRatio(&nums[i], n, v.pt.sum)
		}
		return &strategy{p: p, payoff: intPayoff(v.pt, shift, scale), n: v.pt.n, sum: v.pt.sum}
	}
	sum := new(big.Rat)
	for _, x := range v.z {
		sum.Add(sum, x)
	}
	p := make([]*big.Rat, len(v.z))
	for i, x := range v.z {
		p[i] = new(big.Rat).Quo(x, sum)
	}
	payoff := new(big.Rat).Mul(sum, new(big.Rat).SetInt(scale))
	payoff.Inv(payoff).Sub(payoff, shift)
	return &strategy{p: p, payoff: payoff}
}

// intPayoff returns d/(scale·sum) − shift for the integer point pt, in
// machine integers when scale is 1 and shift an integer and every number
// fits in an int64 (as in games of integer payoffs of a few digits), with
// math/big otherwise.
func intPayoff(pt intPoint, shift *big.Rat, scale *big.Int) *big.Rat {
	if scale.IsInt64() && scale.Int64() == 1 && shift.IsInt() && shift.Num().IsInt64() &&
		pt.d <= math.MaxInt64 && pt.sum <= math.MaxInt64 {
		// (d − shift·sum)/sum
		sh, sum := shift.Num().Int64(), int64(pt.sum)
		if hi, lo := bits.Mul64(uint64(abs64(sh)), pt.sum); hi == 0 && lo <= math.MaxInt64/2 && pt.d <= math.MaxInt64/2 {
			num := int64(pt.d) - sh*sum
			x := setRatio(new(big.Rat), uint64(abs64(num)), pt.sum)
			if num < 0 {
				x.Neg(x)
			}
			return x
		}
	}
	var s big.Int
	payoff := new(big.Rat).SetFrac(new(big.Int).SetUint64(pt.d), s.Mul(s.SetUint64(pt.sum), scale))
	return payoff.Sub(payoff, shift)
}

// abs64 returns |x| for x > math.MinInt64.
func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// copyRats returns a copy of x with its own numbers, allocated together.
func copyRats(x []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(x))
	nums := make([]big.Rat, len(x))
	for i, v := range x {
		if out[i] = &nums[i]; v.Sign() != 0 { // the zero value is 0, with nothing to allocate
			nums[i].Set(v)
		}
	}
	return out
}

// compareDesc orders vectors of equal length lexicographically, larger
// entries first.
func compareDesc(x, y []*big.Rat) int {
	for i := range x {
		if c := y[i].Cmp(x[i]); c != 0 {
			return c
		}
	}
	return 0
}

// rank returns, for each strategy of ss that is not nil, its index in
// the order of those strategies, larger probabilities first
// (compareStrategies), and −1 for the others.
func rank(ss []*strategy) []int {
	var idx []int
	for k, s := range ss {
		if s != nil {
			idx = append(idx, k)
		}
	}
	slices.SortFunc(idx, func(k, l int) int { return compareStrategies(ss[k], ss[l]) })
	r := make([]int, len(ss))
	for k := range r {
		r[k] = -1
	}
	for i, k := range idx {
		r[k] = i
	}
	return r
}

// compareStrategies orders strategies as compareDesc orders their
// probabilities, comparing n/sum and n'/sum' as n·sum' and n'·sum in
// 128-bit integers when both have them.
func compareStrategies(s, t *strategy) int {
	if s.n == nil || t.n == nil {
		return compareDesc(s.p, t.p)
	}
	for i := range s.n {
		ah, al := bits.Mul64(s.n[i], t.sum)
		bh, bl := bits.Mul64(t.n[i], s.sum)
		switch {
		case ah > bh || ah == bh && al > bl:
			return -1
		case ah < bh || ah == bh && al < bl:
			return 1
		}
	}
	return 0
}

// vertexList returns player p's (0 or 1) strategies among the
// equilibria es, indexed by their Vertex[p], each the slice of the first
// equilibrium with it.
func vertexList(es []Equilibrium, p int) [][]*big.Rat {
	n := 0
	for _, e := range es {
		n = max(n, e.Vertex[p]+1)
	}
	vs := make([][]*big.Rat, n)
	for _, e := range es {
		if v := e.Vertex[p]; vs[v] == nil {
			vs[v] = [2][]*big.Rat{e.P1, e.P2}[p]
		}
	}
	return vs
}
