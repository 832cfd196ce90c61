package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/sim"
)

// writeGameReport renders a game's output as text tables or Markdown.
func writeGameReport(w io.Writer, out *gameOutput, l layout) error {
	g, an := out.Game, out.Analysis
	rep := &report{
		title: fmt.Sprintf("%s strategy game: %s per strategy pair, seed %d, horizon %s, %s",
			g.Scenario, text.Count(int(g.Episodes), "episode"), g.Seed, text.Count(g.Horizon, g.Round), text.Count(g.Replicates, "bootstrap replicate")),
		preamble: []string{text.Wrap(out.Answer, l.prose())},
	}
	if g.Partial {
		rep.markPartial()
	}
	if l.format != "markdown" {
		rep.preamble = append([]string{""}, rep.preamble...)
	}
	rep.sections = append(rep.sections, payoffSection(g, an), choicesSection(g), dominanceSection(g, an), bestResponseSection(g, an),
		equilibriumSection(g, an))
	if out.Dynamics != nil {
		rep.sections = append(rep.sections, dynamicsSection(g, out.Dynamics))
	}
	return rep.write(w, l)
}

// payoffSection lays out the payoff matrix, best responses starred.
func payoffSection(g *sim.MetaGame, an *sim.GameAnalysis) section {
	p0, p1 := g.Players[0].Actor, g.Players[1].Actor
	sec := section{title: "Payoffs",
		note: fmt.Sprintf("rows: %s's strategies; columns: %s's. Each cell: %s's expected payoff (its mean utility per round, undiscounted) ± the half-width of its 95%% interval, then %s's; * marks a best response to the other side's strategy.",
			p0, p1, p0, p1),
		display: &table{header: append([]string{p0 + " \\ " + p1}, g.Players[1].Strategies...), noWrap: true, recordKey: "against " + p1 + " "}}
	best := func(k int, s, t string) string {
		if slices.Contains(an.BestResponses[k][slices.Index(g.Players[1-k].Strategies, t)].Strategies, s) {
			return "*"
		}
		return ""
	}
	for i, row := range g.Cells {
		r := g.Players[0].Strategies[i]
		cells := []string{r}
		for j, c := range row {
			col := g.Players[1].Strategies[j]
			cells = append(cells, plusMinus(c.Utilities[0])+best(0, r, col)+" / "+plusMinus(c.Utilities[1])+best(1, col, r))
		}
		sec.display.rows = append(sec.display.rows, cells)
	}
	return sec
}

// plusMinus writes a mean and the half-width of its interval.
func plusMinus(m sim.MeanEstimate) string {
	return num(m.Mean) + " ± " + num((m.CI95[1]-m.CI95[0])/2)
}

func dominanceSection(g *sim.MetaGame, an *sim.GameAnalysis) section {
	sec := section{title: "Dominated strategies",
		note:    "a strategy another does at least as well as against every strategy of the other side and better against one (weakly), or better against every one (strictly); robustness: the share of bootstrap replicates in which it stays dominated in the same way",
		display: &table{header: []string{"side", "strategy", "dominated", "by", "robustness"}}}
	for k, list := range an.Dominated {
		for _, d := range list {
			how := "weakly"
			if d.Strictly {
				how = "strictly"
			}
			sec.display.rows = append(sec.display.rows, []string{g.Players[k].Actor, d.Strategy, how,
				strings.Join(d.By, ", "), share(d.Robustness, g.Replicates)})
		}
	}
	if len(sec.display.rows) == 0 {
		sec.display.rows = append(sec.display.rows, []string{"—", "no strategy is dominated", "", "", ""})
	}
	return sec
}

func bestResponseSection(g *sim.MetaGame, an *sim.GameAnalysis) section {
	sec := section{title: "Best responses",
		note:    "robustness: the share of bootstrap replicates with the same best responses",
		display: &table{header: []string{"side", "to the other's", "best response", "robustness"}}}
	for k, list := range an.BestResponses {
		for _, b := range list {
			sec.display.rows = append(sec.display.rows, []string{g.Players[k].Actor, b.To,
				strings.Join(b.Strategies, ", "), share(b.Robustness, g.Replicates)})
		}
	}
	return sec
}

func equilibriumSection(g *sim.MetaGame, an *sim.GameAnalysis) section {
	p0, p1 := g.Players[0].Actor, g.Players[1].Actor
	note := "every extreme Nash equilibrium of the estimated game; utilities with their 95% bootstrap interval; what each side would lose by switching to its best strategy outside the equilibrium, with its paired bootstrap interval; outcomes at the horizon under the equilibrium's mix; robustness: the share of bootstrap replicates with an equilibrium on the same strategies"
	if an.Degenerate {
		note += ". The game is degenerate (some strategies tie exactly)"
		var sets []string
		for _, c := range an.Components {
			if len(c) > 1 {
				sets = append(sets, setLabel(c))
			}
		}
		if len(sets) > 0 {
			note += "; any mix of the equilibria in " + strings.Join(sets, "; in ") + " is an equilibrium too"
		}
	}
	sec := section{title: "Nash equilibria", note: note,
		display: &table{header: []string{"#", p0 + " plays", p1 + " plays", p0 + " utility", p1 + " utility", "best deviation costs", "outcomes", "robustness"}}}
	for n, e := range an.Equilibria {
		sec.display.rows = append(sec.display.rows, []string{strconv.Itoa(n + 1), mixLabel(e.Strategies[0]), mixLabel(e.Strategies[1]),
			valueLabel(e.Utilities[0]), valueLabel(e.Utilities[1]), deviationsLabel(g, e), outcomeMix(e.Outcomes), share(e.Robustness, g.Replicates)})
	}
	return sec
}

func dynamicsSection(g *sim.MetaGame, d *sim.Dynamics) section {
	header := []string{"side", "strategy"}
	for _, st := range d.States {
		header = append(header, "t = "+strconv.FormatFloat(st.Time, 'f', -1, 64))
	}
	sec := section{title: "Replicator dynamics",
		note:    fmt.Sprintf("share of each strategy in a population of each side, from an even mix at t = 0: a strategy's share grows at the rate its expected utility exceeds its population's average (time in units of 1/utility, step %g)", d.Step),
		display: &table{header: header}}
	for k, p := range g.Players {
		for s, name := range p.Strategies {
			row := []string{p.Actor, name}
			for _, st := range d.States {
				row = append(row, percent(st.Shares[k][s]))
			}
			sec.display.rows = append(sec.display.rows, row)
		}
	}
	return sec
}

// deviationsLabel writes what each side's best deviation from e costs it.
func deviationsLabel(g *sim.MetaGame, e sim.GameEquilibrium) string {
	var parts []string
	for k, d := range e.Deviations {
		if d.Strategy != "" {
			parts = append(parts, g.Players[k].Actor+": "+d.Strategy+" "+valueLabel(d.Loss))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "; ")
}

// mixLabel writes a mixed strategy: the strategy alone when pure.
func mixLabel(ws []sim.Weight) string {
	if len(ws) == 1 {
		return ws[0].Strategy
	}
	var parts []string
	for _, w := range ws {
		parts = append(parts, w.Strategy+" "+percent(w.Probability))
	}
	return strings.Join(parts, ", ")
}

func valueLabel(v sim.Value) string {
	if v.CI95 == nil {
		return num(v.Value)
	}
	return num(v.Value) + " [" + num(v.CI95[0]) + ", " + num(v.CI95[1]) + "]"
}

// outcomeMix lists the outcomes of probability at least 0.5%, likeliest
// first.
func outcomeMix(p map[string]float64) string {
	names := make([]string, 0, len(p))
	for _, o := range sim.Outcomes() {
		if p[o.String()] >= 0.005 {
			names = append(names, o.String())
		}
	}
	slices.SortStableFunc(names, func(a, b string) int {
		switch {
		case p[a] > p[b]:
			return -1
		case p[a] < p[b]:
			return 1
		}
		return 0
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + " " + percent(p[n])
	}
	return strings.Join(parts, ", ")
}

// share writes a robustness, "—" without replicates.
func share(x float64, replicates int) string {
	if replicates == 0 {
		return "—"
	}
	return percent(x)
}

// setLabel writes equilibrium numbers, counted from 1, as {1, 2}.
func setLabel(idx []int) string {
	parts := make([]string, len(idx))
	for i, n := range idx {
		parts[i] = strconv.Itoa(n + 1)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
