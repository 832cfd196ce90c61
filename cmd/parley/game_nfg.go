package main

import (
	"fmt"
	"io"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model/nfg"
	"github.com/parley-sim/parley/sim"
)

// writeNFG writes the estimated game in Gambit's .nfg format: the payoffs
// Analyze solves (rounded to 1e-9), labelled with the actors' and the
// strategies' names, so Gambit finds the same equilibria.
func writeNFG(w io.Writer, g *sim.MetaGame) error {
	a, b := g.RoundedPayoffs()
	return nfg.Write(w, &nfg.Game{
		Title: fmt.Sprintf("Parley strategy game: %s", g.Scenario),
		Comment: fmt.Sprintf("Expected utilities estimated by parley game %s: %d episodes per strategy pair, seed %d, horizon %s, rounded to 1e-9.",
			g.Scenario, g.Episodes, g.Seed, text.Count(g.Horizon, g.Round)),
		Players:    [2]string{g.Players[0].Actor, g.Players[1].Actor},
		Strategies: [2][]string{g.Players[0].Strategies, g.Players[1].Strategies},
		A:          a,
		B:          b,
	})
}
