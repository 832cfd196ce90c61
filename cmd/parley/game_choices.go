package main

import (
	"fmt"

	"github.com/parley-sim/parley/sim"
)

// choicesSection lays out what each side's deal structures and tactics
// lead to, in all worlds and in feasible ones.
func choicesSection(g *sim.MetaGame) section {
	f := g.Feasible
	sec := section{title: "Structures and tactics",
		note: fmt.Sprintf("each side's deal structures and tactics, each averaged evenly over the cells where the side makes that choice (its strategies with it against every strategy of the other side): the side's own payoff, the probability that some deal is reached, that a comprehensive deal is in force at the horizon and that the conflict escalates, each ± the half-width of its 95%% interval; in all worlds, and in the %s [%s, %s] of worlds (%d of %d) where some comprehensive package lies within both sides' red lines in round 1",
			percent(f.P), percent(f.CI95[0]), percent(f.CI95[1]), f.K, f.N),
		display: &table{header: []string{"side", "choice", "worlds", "payoff", "any deal", "comprehensive", "escalation"}}}
	for _, c := range g.Choices {
		sec.display.rows = append(sec.display.rows, []string{c.Actor, c.Kind + " " + c.Choice, c.Worlds,
			plusMinus(c.Payoff), percentPlusMinus(c.Deal), percentPlusMinus(c.Comprehensive), percentPlusMinus(c.Escalation)})
	}
	return sec
}

// percentPlusMinus writes a probability and the half-width of its
// interval, in percent.
func percentPlusMinus(m sim.MeanEstimate) string {
	return percent(m.Mean) + " ± " + percent((m.CI95[1]-m.CI95[0])/2)
}
