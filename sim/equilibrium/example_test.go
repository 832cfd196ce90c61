package equilibrium_test

import (
	"fmt"
	"math/big"

	"github.com/parley-sim/parley/sim/equilibrium"
)

// Solve finds the three equilibria of the battle of the sexes: two pure and
// one mixed, in which each player goes to their favourite event with
// probability 2/3.
func ExampleSolve() {
	r := func(x int64) *big.Rat { return big.NewRat(x, 1) }
	a := [][]*big.Rat{{r(2), r(0)}, {r(0), r(1)}} // player 1's payoffs
	b := [][]*big.Rat{{r(1), r(0)}, {r(0), r(2)}} // player 2's payoffs
	sol, err := equilibrium.Solve(a, b)
	if err != nil {
		panic(err)
	}
	for _, e := range sol.Equilibria {
		fmt.Println(e.P1, e.P2, e.Payoff)
	}
	fmt.Println("degenerate:", sol.Degenerate)
	// Output:
	// [1/1 0/1] [1/1 0/1] [2/1 1/1]
	// [2/3 1/3] [1/3 2/3] [2/3 2/3]
	// [0/1 1/1] [0/1 1/1] [1/1 2/1]
	// degenerate: false
}

// A degenerate game has continua of equilibria: Solve reports their extreme
// points and the maximal Nash subsets they span. In entry deterrence,
// staying out is an equilibrium whenever the incumbent threatens to fight
// with probability at least 1/2.
func ExampleSolution_Components() {
	a, _ := equilibrium.Rats([][]float64{{0, 0}, {-1, 1}}) // entrant: out, in
	b, _ := equilibrium.Rats([][]float64{{2, 2}, {-1, 1}}) // incumbent: fight, accommodate
	sol, err := equilibrium.Solve(a, b)
	if err != nil {
		panic(err)
	}
	fmt.Println("degenerate:", sol.Degenerate)
	for _, c := range sol.Components {
		var entrant, incumbent [][]*big.Rat
		for _, i := range c.P1 {
			entrant = append(entrant, sol.P1Vertices[i])
		}
		for _, j := range c.P2 {
			incumbent = append(incumbent, sol.P2Vertices[j])
		}
		fmt.Println("entrant", entrant, "× incumbent", incumbent)
	}
	// Output:
	// degenerate: true
	// entrant [[1/1 0/1]] × incumbent [[1/1 0/1] [1/2 1/2]]
	// entrant [[0/1 1/1]] × incumbent [[0/1 1/1]]
}

// EliminateDominated solves the prisoner's dilemma by dominance alone.
func ExampleEliminateDominated() {
	a, _ := equilibrium.Rats([][]float64{{3, 0}, {5, 1}})
	b, _ := equilibrium.Rats([][]float64{{3, 5}, {0, 1}})
	survivors, steps, err := equilibrium.EliminateDominated(a, b)
	if err != nil {
		panic(err)
	}
	for _, s := range steps {
		fmt.Printf("round %d: player %d's strategy %d is dominated by %d\n", s.Round, s.Player+1, s.Strategy, s.By)
	}
	fmt.Println("survivors:", survivors)
	// Output:
	// round 1: player 1's strategy 0 is dominated by 1
	// round 1: player 2's strategy 0 is dominated by 1
	// survivors: [[1] [1]]
}

// Replicator follows two populations learning in the prisoner's dilemma:
// cooperation dies out.
func ExampleReplicator() {
	a := [][]float64{{3, 0}, {5, 1}}
	b := [][]float64{{3, 5}, {0, 1}}
	states, err := equilibrium.Replicator(a, b, []float64{0.9, 0.1}, []float64{0.9, 0.1}, 0.1, 50)
	if err != nil {
		panic(err)
	}
	for _, s := range []equilibrium.State{states[0], states[10], states[50]} {
		fmt.Printf("t=%.0f cooperate %.3f %.3f\n", s.T, s.X[0], s.Y[0])
	}
	// Output:
	// t=0 cooperate 0.900 0.900
	// t=1 cooperate 0.602 0.602
	// t=5 cooperate 0.013 0.013
}
