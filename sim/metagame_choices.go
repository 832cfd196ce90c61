package sim

import (
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// A ChoiceEffect is what one choice of a side leads to — a deal
// structure or a concession tactic — averaged with equal weights over the
// cells in which the side's strategy makes that choice (its strategies
// with that structure or tactic against every strategy of the other
// side), either over every episode or over the episodes whose world is
// feasible (Episode.Feasible) alone. Each estimate is the mean over
// episodes of that episode's average over the cells, with its Student t
// interval; comparing two choices of a side on the same worlds is then
// paired, and the difference between the all-worlds and feasible-worlds
// rows says how much of a choice's effect the lottery of red lines hides.
type ChoiceEffect struct {
	Actor  string `json:"actor"`
	Kind   string `json:"kind"`   // "structure" or "tactic"
	Choice string `json:"choice"` // the policy or tactic, as strategies name it
	Worlds string `json:"worlds"` // "all" or "feasible"

	Payoff        MeanEstimate `json:"payoff"`        // the side's own payoff
	Deal          MeanEstimate `json:"deal"`          // the probability that some deal is reached
	Comprehensive MeanEstimate `json:"comprehensive"` // the probability that a comprehensive deal is in force at the horizon
	Escalation    MeanEstimate `json:"escalation"`    // the probability that the conflict has escalated by the horizon
}

// A choice is one structure or tactic of a side and the cells in which
// the side makes it.
type choice struct {
	side         int
	kind, choice string
	cells        []int // indices i·cols + j into the game's cells
}

// choices lists every structure, then every tactic, that side k's
// strategies make, in the order of their first appearance in the list.
func choices(lists [2][]model.Strategy) []choice {
	var out []choice
	cols := len(lists[1])
	for k, list := range lists {
		for _, kind := range [...]string{"structure", "tactic"} {
			start := len(out)
			for n, st := range list {
				name := st.Policy.String()
				if kind == "tactic" {
					name = st.Tactic.String()
				}
				c := -1
				for m := start; m < len(out); m++ {
					if out[m].choice == name {
						c = m
					}
				}
				if c < 0 {
					out = append(out, choice{side: k, kind: kind, choice: name})
					c = len(out) - 1
				}
				for o := range lists[1-k] {
					cell := n*cols + o
					if k == 1 {
						cell = o*cols + n
					}
					out[c].cells = append(out[c].cells, cell)
				}
			}
		}
	}
	return out
}

// choiceMetrics is the number of estimates of a ChoiceEffect.
const choiceMetrics = 4

// A choiceTally accumulates one choice's episodes: per metric, in all
// worlds ([0]) and in feasible ones ([1]).
type choiceTally struct {
	m [2][choiceMetrics]stats.Moments
}

// addChoices counts one episode of every cell, eps[c] being cell c's.
func (t *gameTally) addChoices(eps []*Episode) {
	if eps[0].Feasible {
		t.feasible++
	}
	for n, ch := range t.choices {
		var sum [choiceMetrics]float64
		for _, c := range ch.cells {
			e := eps[c]
			sum[0] += e.MeanFlow[ch.side]
			sum[1] += indicator(e.FirstAgreement > 0)
			sum[2] += indicator(e.Outcome == Comprehensive)
			sum[3] += indicator(e.Outcome == Escalation)
		}
		ct := &t.choiceTallies[n]
		for m, s := range sum {
			x := s / float64(len(ch.cells))
			ct.m[0][m].Add(x)
			if eps[0].Feasible {
				ct.m[1][m].Add(x)
			}
		}
	}
}

// indicator returns 1 when b holds, 0 otherwise.
func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// choiceEffects turns the tally's choices into ChoiceEffects.
func (t *gameTally) choiceEffects(g *MetaGame) []ChoiceEffect {
	out := make([]ChoiceEffect, 0, 2*len(t.choices))
	for n, ch := range t.choices {
		for w, worlds := range [...]string{"all", "feasible"} {
			m := &t.choiceTallies[n].m[w]
			out = append(out, ChoiceEffect{
				Actor: g.Players[ch.side].Actor, Kind: ch.kind, Choice: ch.choice, Worlds: worlds,
				Payoff: meanEstimate(m[0]), Deal: meanEstimate(m[1]),
				Comprehensive: meanEstimate(m[2]), Escalation: meanEstimate(m[3]),
			})
		}
	}
	return out
}
