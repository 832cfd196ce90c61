package main

import (
	"fmt"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
)

// gameAnswer says in plain words which deal structure each side plays in
// the equilibria of the estimated game, and describes the most robust
// equilibrium.
func gameAnswer(out *gameOutput) string {
	g, an := out.Game, out.Analysis
	var b strings.Builder
	best := 0
	if n := len(an.Equilibria); n == 1 {
		b.WriteString("The estimated game has one Nash equilibrium. In it, ")
	} else {
		fmt.Fprintf(&b, "The estimated game has %d extreme Nash equilibria", n)
		if an.Degenerate {
			fmt.Fprintf(&b, " (it is degenerate: some strategies tie exactly, and the equilibria form %s, any mix within which is an equilibrium too)",
				text.Count(len(an.Components), "set"))
		}
		b.WriteString(". Deal structures played in them: ")
		for k, p := range g.Players {
			if k == 1 {
				b.WriteString("; ")
			}
			b.WriteString(p.Actor + " " + structureCounts(an.Equilibria, k))
		}
		for n, e := range an.Equilibria {
			if e.Robustness > an.Equilibria[best].Robustness {
				best = n
			}
		}
		if g.Replicates > 0 {
			fmt.Fprintf(&b, ". In equilibrium %d, the most robust, ", best+1)
		} else {
			b.WriteString(". In equilibrium 1, ")
		}
	}
	e := an.Equilibria[best]
	for k, p := range g.Players {
		if k == 1 {
			b.WriteString(" and ")
		}
		fmt.Fprintf(&b, "%s %s (%s, expected payoff %s)", p.Actor, structureLabel(e.Strategies[k]),
			mixLabel(e.Strategies[k]), valueLabel(e.Utilities[k]))
	}
	for k, d := range e.Deviations {
		if d.Strategy != "" {
			fmt.Fprintf(&b, "; switching to %s would cost %s %s", d.Strategy, g.Players[k].Actor, valueLabel(d.Loss))
		}
	}
	fmt.Fprintf(&b, "; the talks end in %s", outcomeMix(e.Outcomes))
	if g.Replicates > 0 {
		fmt.Fprintf(&b, "; it persists in %s of bootstrap replicates", percent(e.Robustness))
	}
	b.WriteString(".")
	b.WriteString(feasibleAnswer(g))
	return b.String()
}

// feasibleAnswer says how far each side's choice of deal structure moves
// the chance of a deal in the worlds where one is feasible: " In the
// 15.30% of worlds where …, iran's choice of structure moves the chance
// of some deal from 69.32% (hold-out) to 75.29% (step-by-step); …". It
// is empty when no world is feasible.
func feasibleAnswer(g *sim.MetaGame) string {
	if g.Feasible.K == 0 {
		return ""
	}
	var parts []string
	for _, p := range g.Players {
		var lo, hi *sim.ChoiceEffect
		for n := range g.Choices {
			c := &g.Choices[n]
			if c.Actor != p.Actor || c.Kind != "structure" || c.Worlds != "feasible" {
				continue
			}
			if lo == nil || c.Deal.Mean < lo.Deal.Mean {
				lo = c
			}
			if hi == nil || c.Deal.Mean > hi.Deal.Mean {
				hi = c
			}
		}
		if lo == nil || lo == hi {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s's choice of structure moves the chance of some deal from %s (%s) to %s (%s)",
			p.Actor, percent(lo.Deal.Mean), lo.Choice, percent(hi.Deal.Mean), hi.Choice))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf(" In the %s of worlds where some comprehensive package lies within both sides' red lines in round 1, %s.",
		percent(g.Feasible.P), strings.Join(parts, "; "))
}

// structureCounts says in how many of the equilibria player k plays
// each deal structure with positive probability: "step-by-step in 4,
// comprehensive-only in all 8".
func structureCounts(eqs []sim.GameEquilibrium, k int) string {
	var policies []string
	times := map[string]int{}
	for _, e := range eqs {
		seen := map[string]bool{}
		for _, w := range e.Strategies[k] {
			p := policyOf(w.Strategy)
			if seen[p] {
				continue
			}
			seen[p] = true
			if times[p] == 0 {
				policies = append(policies, p)
			}
			times[p]++
		}
	}
	for i, p := range policies {
		if times[p] == len(eqs) {
			policies[i] = fmt.Sprintf("%s in all %d", p, len(eqs))
		} else {
			policies[i] = fmt.Sprintf("%s in %d", p, times[p])
		}
	}
	return strings.Join(policies, ", ")
}

// policyOf returns the deal structure of a strategy named policy/tactic.
func policyOf(name string) string {
	st, err := model.ParseStrategy(name)
	if err != nil {
		panic(err) // the names come from model.Strategy.String
	}
	return st.Policy.String()
}

// structureLabel says which deal structure a mixed strategy plays: "plays
// step-by-step", or "mixes interim-first 60.00% and hold-out 40.00%".
func structureLabel(ws []sim.Weight) string {
	var policies []string
	mass := map[string]float64{}
	for _, w := range ws {
		p := policyOf(w.Strategy)
		if _, ok := mass[p]; !ok {
			policies = append(policies, p)
		}
		mass[p] += w.Probability
	}
	if len(policies) == 1 {
		return "plays " + policies[0]
	}
	parts := make([]string, len(policies))
	for i, p := range policies {
		parts[i] = p + " " + percent(mass[p])
	}
	return "mixes " + strings.Join(parts, " and ")
}
