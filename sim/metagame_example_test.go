package sim_test

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/scenarios"
	"github.com/parley-sim/parley/sim"
)

// Analyze reads the strategy game PlayGame estimates for no-zopa, where no deal is
// possible: every cell pays each side its reservation value of 0.6, so
// every pure profile is an equilibrium of a degenerate game.
func ExampleAnalyze() {
	s, err := scenarios.Load("no-zopa")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultGameConfig()
	cfg.Config.Episodes, cfg.Replicates = 200, 20
	g, err := sim.PlayGame(context.Background(), s, cfg)
	if err != nil {
		panic(err)
	}
	an, err := sim.Analyze(context.Background(), g)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d×%d game, %d equilibria, degenerate: %v\n", len(g.Cells), len(g.Cells[0]), len(an.Equilibria), an.Degenerate)
	e := an.Equilibria[0]
	fmt.Printf("first: %s plays %s, %s plays %s, utilities %.3f and %.3f, robustness %.2f\n",
		g.Players[0].Actor, e.Strategies[0][0].Strategy, g.Players[1].Actor, e.Strategies[1][0].Strategy,
		e.Utilities[0].Value, e.Utilities[1].Value, e.Robustness)
	// Output:
	// 4×4 game, 16 equilibria, degenerate: true
	// first: a plays comprehensive-only/linear, b plays comprehensive-only/linear, utilities 0.600 and 0.600, robustness 1.00
}
