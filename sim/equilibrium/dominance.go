package equilibrium

import "math/big"

// Domination says that pure strategy Strategy of a player is dominated by
// their pure strategy By: By pays at least as much against every pure
// strategy of the opponent and more against at least one (weak dominance),
// or more against every one (Strict).
type Domination struct {
	Strategy, By int
	Strict       bool
}

// Dominated returns, for player 1 (index 0) and player 2 (index 1), every
// pair of their pure strategies in which one dominates the other, ordered
// by Strategy and then By; a strategy dominated by several appears once for
// each. A strictly dominated strategy is never played in an equilibrium; a
// weakly dominated one may be. Dominance by mixed strategies is not
// considered. It returns an error for the shapes Solve rejects.
func Dominated(a, b [][]*big.Rat) ([2][]Domination, error) {
	m, n, err := checkGame(a, b)
	if err != nil {
		return [2][]Domination{}, err
	}
	rows, cols := seq(m), seq(n)
	return [2][]Domination{
		dominations(rows, rows, cols, func(s, t int) *big.Rat { return a[s][t] }),
		dominations(cols, cols, rows, func(s, t int) *big.Rat { return b[t][s] }),
	}, nil
}

// dominations compares every strategy in own with every other strategy in
// by, against the opponent's strategies in other, where u(s, t) is the
// player's payoff for own strategy s against opponent strategy t.
func dominations(own, by, other []int, u func(s, t int) *big.Rat) []Domination {
	var out []Domination
	for _, s := range own {
		for _, k := range by {
			if k == s {
				continue
			}
			better, worse := 0, 0
			for _, t := range other {
				switch u(k, t).Cmp(u(s, t)) {
				case 1:
					better++
				case -1:
					worse++
				}
			}
			if worse == 0 && better > 0 {
				out = append(out, Domination{Strategy: s, By: k, Strict: better == len(other)})
			}
		}
	}
	return out
}

// Elimination is one step of iterated elimination of strictly dominated
// strategies: in round Round (from 1), Player's (0 or 1) pure strategy
// Strategy was strictly dominated by their pure strategy By among the
// strategies that survived the earlier rounds. Indices are those of the
// original game.
type Elimination struct {
	Round, Player, Strategy, By int
}

// EliminateDominated performs iterated elimination of strictly dominated
// strategies. Each round removes, for both players at once, every surviving
// pure strategy strictly dominated by another surviving pure strategy
// against the opponent's survivors, naming the lowest-numbered dominator;
// rounds continue until none is dominated. The survivors do not depend on
// the order of elimination, and every Nash equilibrium is played on them.
// It returns the surviving strategies of each player, increasing, and the
// steps in order. It returns an error for the shapes Solve rejects.
func EliminateDominated(a, b [][]*big.Rat) (survivors [2][]int, steps []Elimination, err error) {
	m, n, err := checkGame(a, b)
	if err != nil {
		return [2][]int{}, nil, err
	}
	rows, cols := seq(m), seq(n)
	ua := func(s, t int) *big.Rat { return a[s][t] }
	ub := func(s, t int) *big.Rat { return b[t][s] }
	for round := 1; ; round++ {
		d1 := strictlyDominated(dominations(rows, rows, cols, ua))
		d2 := strictlyDominated(dominations(cols, cols, rows, ub))
		if len(d1) == 0 && len(d2) == 0 {
			return [2][]int{rows, cols}, steps, nil
		}
		for _, d := range d1 {
			steps = append(steps, Elimination{Round: round, Player: 0, Strategy: d.Strategy, By: d.By})
		}
		for _, d := range d2 {
			steps = append(steps, Elimination{Round: round, Player: 1, Strategy: d.Strategy, By: d.By})
		}
		rows, cols = without(rows, d1), without(cols, d2)
	}
}

// strictlyDominated keeps the strict dominations of ds, one per dominated
// strategy: the first (lowest By).
func strictlyDominated(ds []Domination) []Domination {
	var out []Domination
	for _, d := range ds {
		if d.Strict && (len(out) == 0 || out[len(out)-1].Strategy != d.Strategy) {
			out = append(out, d)
		}
	}
	return out
}

// without returns the strategies in s not dominated in ds.
func without(s []int, ds []Domination) []int {
	var out []int
	for _, x := range s {
		gone := false
		for _, d := range ds {
			gone = gone || d.Strategy == x
		}
		if !gone {
			out = append(out, x)
		}
	}
	return out
}

// seq returns 0, 1, …, n−1.
func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
