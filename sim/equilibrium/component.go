package equilibrium

import (
	"slices"
	"strings"
)

// components returns the maximal Nash subsets of a solution whose
// Equilibria and vertex lists are set.
//
// The extreme equilibria are the edges of a bipartite graph between
// player-1 and player-2 vertices, and the maximal Nash subsets are its
// maximal bicliques (Avis et al. 2010, section 5). A biclique (X, Y) is
// maximal exactly when Y is the set of common neighbours of X and X that of
// Y, so the player-2 sides are the nonempty intersections of neighbourhoods
// N(x): they are found by closing {N(x)} under intersection with each N(x).
func components(sol *Solution) []Component {
	n1, n2 := len(sol.P1Vertices), len(sol.P2Vertices)
	if len(sol.Equilibria) == n1 && len(sol.Equilibria) == n2 {
		// Every vertex is in one equilibrium (as in any nondegenerate
		// game): the graph is a matching, whose maximal bicliques are its
		// edges, in the order of the equilibria (sorted by vertex).
		out := make([]Component, len(sol.Equilibria))
		for i, e := range sol.Equilibria {
			out[i] = Component{P1: []int{e.Vertex[0]}, P2: []int{e.Vertex[1]}}
		}
		return out
	}
	nbr := make([]bitset, n1)
	for x := range nbr {
		nbr[x] = newBitset(n2)
	}
	for _, e := range sol.Equilibria {
		nbr[e.Vertex[0]].set(e.Vertex[1])
	}
	seen := map[string]bool{}
	var sides []bitset
	add := func(y bitset) {
		if key := y.key(); !seen[key] {
			seen[key] = true
			sides = append(sides, y)
		}
	}
	for _, y := range nbr {
		add(y)
	}
	for k := 0; k < len(sides); k++ {
		for _, y := range nbr {
			// Most intersections are empty (all but each side's own in
			// a nondegenerate game): tell them so before building them.
			if sides[k].meets(y) {
				add(sides[k].and(y))
			}
		}
	}
	out := make([]Component, 0, len(sides))
	for _, y := range sides {
		var c Component
		for x, nx := range nbr {
			if y.subsetOf(nx) {
				c.P1 = append(c.P1, x)
			}
		}
		c.P2 = y.members()
		out = append(out, c)
	}
	slices.SortFunc(out, func(c, d Component) int {
		if k := slices.Compare(c.P1, d.P1); k != 0 {
			return k
		}
		return slices.Compare(c.P2, d.P2)
	})
	return out
}

// ComponentsOf returns the indices in s.Components of the maximal Nash
// subsets that contain equilibrium i, in increasing order: one in a
// nondegenerate game, possibly several in a degenerate one.
func (s *Solution) ComponentsOf(i int) []int {
	e := s.Equilibria[i]
	var out []int
	for k, c := range s.Components {
		if slices.Contains(c.P1, e.Vertex[0]) && slices.Contains(c.P2, e.Vertex[1]) {
			out = append(out, k)
		}
	}
	return out
}

// bitset is a set of small nonnegative integers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (s bitset) set(i int) { s[i/64] |= 1 << (i % 64) }

func (s bitset) and(t bitset) bitset {
	out := make(bitset, len(s))
	for i := range s {
		out[i] = s[i] & t[i]
	}
	return out
}

func (s bitset) subsetOf(t bitset) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

// meets reports whether s and t have a member in common.
func (s bitset) meets(t bitset) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

func (s bitset) members() []int {
	var out []int
	for i := range len(s) * 64 {
		if s[i/64]&(1<<(i%64)) != 0 {
			out = append(out, i)
		}
	}
	return out
}

func (s bitset) key() string {
	var b strings.Builder
	for _, w := range s {
		for k := range 8 {
			b.WriteByte(byte(w >> (8 * k)))
		}
	}
	return b.String()
}
