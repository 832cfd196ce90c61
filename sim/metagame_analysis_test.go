package sim

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/parley-sim/parley/sim/stats"
)

// handGame returns a MetaGame with the given payoff matrices, made-up
// outcome distributions and no sampling noise: every bootstrap replicate
// is the game itself.
func handGame(a, b [][]float64, replicates int) *MetaGame {
	g := &MetaGame{Replicates: replicates}
	for k, n := range []int{len(a), len(a[0])} {
		g.Players[k].Actor = []string{"row", "column"}[k]
		for s := range n {
			g.Players[k].Strategies = append(g.Players[k].Strategies, string(rune('A'+s)))
		}
	}
	g.Cells = make([][]Cell, len(a))
	for i := range a {
		for j := range a[i] {
			// Cell (i, j) ends in a comprehensive deal with probability
			// (i + j + 1)/10 and escalates otherwise.
			p := float64(i+j+1) / 10
			g.Cells[i] = append(g.Cells[i], Cell{
				Utilities: [2]MeanEstimate{{Mean: a[i][j]}, {Mean: b[i][j]}},
				Outcomes: map[string]stats.Estimate{
					"comprehensive": {P: p}, "interim": {}, "collapsed": {}, "stalemate": {}, "breakdown": {}, "escalation": {P: 1 - p},
				},
			})
		}
	}
	for range replicates {
		g.boot = append(g.boot, [2][][]float64{a, b})
	}
	return g
}

func analyze(t *testing.T, g *MetaGame) *GameAnalysis {
	t.Helper()
	an, err := Analyze(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// TestAnalyzePrisonersDilemma checks the prisoner's dilemma (payoffs 3,
// 0, 5, 1; Axelrod 1984): defection (B) strictly dominates cooperation
// (A) for both, and (B, B) is the only equilibrium, paying 1 each, with
// outcomes those of cell (1, 1): comprehensive (1+1+1)/10 = 0.3.
func TestAnalyzePrisonersDilemma(t *testing.T) {
	a := [][]float64{{3, 0}, {5, 1}}
	b := [][]float64{{3, 5}, {0, 1}}
	an := analyze(t, handGame(a, b, 10))
	for k := range 2 {
		want := []Dominance{{Strategy: "A", Strictly: true, By: []string{"B"}, Robustness: 1}}
		if d := an.Dominated[k]; len(d) != 1 || d[0].Strategy != "A" || !d[0].Strictly || !slices.Equal(d[0].By, want[0].By) || d[0].Robustness != 1 {
			t.Errorf("player %d dominated %+v; want %+v", k, d, want)
		}
		for _, br := range an.BestResponses[k] {
			if !slices.Equal(br.Strategies, []string{"B"}) || br.Robustness != 1 {
				t.Errorf("player %d best responses %+v; want B", k, br)
			}
		}
	}
	if len(an.Equilibria) != 1 || an.Degenerate {
		t.Fatalf("%d equilibria, degenerate %v; want 1, false", len(an.Equilibria), an.Degenerate)
	}
	e := an.Equilibria[0]
	if !e.Pure || e.Strategies[0][0].Strategy != "B" || e.Strategies[1][0].Strategy != "B" ||
		e.Utilities[0].Value != 1 || e.Utilities[1].Value != 1 || e.Robustness != 1 {
		t.Errorf("equilibrium %+v; want (B, B) paying 1 each, robust", e)
	}
	if e.Outcomes["comprehensive"] != 0.3 || e.Outcomes["escalation"] != 0.7 {
		t.Errorf("outcomes %v; want comprehensive 0.3, escalation 0.7", e.Outcomes)
	}
	// Cooperating against a defector pays 0 instead of 1.
	for k, d := range e.Deviations {
		if d.Strategy != "A" || d.Loss.Value != 1 || d.Loss.CI95 == nil || *d.Loss.CI95 != [2]float64{1, 1} {
			t.Errorf("player %d's best deviation %+v; want A, losing 1", k, d)
		}
	}
}

// TestAnalyzeMatchingPennies checks matching pennies: its only
// equilibrium mixes (1/2, 1/2) for both, pays 0 and induces the average
// of the four cells' outcomes, comprehensive (1+2+2+3)/40 = 0.2; no
// strategy is dominated.
func TestAnalyzeMatchingPennies(t *testing.T) {
	a := [][]float64{{1, -1}, {-1, 1}}
	b := [][]float64{{-1, 1}, {1, -1}}
	an := analyze(t, handGame(a, b, 5))
	if len(an.Dominated[0])+len(an.Dominated[1]) != 0 {
		t.Errorf("dominated %+v; want none", an.Dominated)
	}
	if len(an.Equilibria) != 1 {
		t.Fatalf("%d equilibria; want 1", len(an.Equilibria))
	}
	e := an.Equilibria[0]
	for k := range 2 {
		if e.Pure || len(e.Strategies[k]) != 2 || e.Strategies[k][0].Probability != 0.5 || e.Utilities[k].Value != 0 {
			t.Errorf("player %d: %+v, utility %+v; want an even mix paying 0", k, e.Strategies[k], e.Utilities[k])
		}
	}
	const tol = 1e-15 // rounding of four products of exact halves and tenths
	if math.Abs(e.Outcomes["comprehensive"]-0.2) > tol || e.Robustness != 1 {
		t.Errorf("outcomes %v, robustness %v; want comprehensive 0.2, robust", e.Outcomes, e.Robustness)
	}
	if e.Deviations != [2]Deviation{} {
		t.Errorf("deviations %+v; want none, as both supports are full", e.Deviations)
	}
}

// TestAnalyzeNoZopa checks a game whose payoffs are provably all alike:
// in no-zopa no deal is possible whatever the strategies (the proof heads
// scenarios/no-zopa.yaml), so every episode pays each side its constant
// reservation value 0.6 in every cell. Then no strategy is dominated,
// every strategy is a best response, every one of the 4×4 pure profiles
// is an equilibrium, robust in every replicate, and together they form
// one component of a degenerate game.
func TestAnalyzeNoZopa(t *testing.T) {
	g := playGame(t, load(t, "no-zopa"), gameConfig(300, 20))
	an := analyze(t, g)
	if len(an.Dominated[0])+len(an.Dominated[1]) != 0 {
		t.Errorf("dominated %+v; want none", an.Dominated)
	}
	for k := range 2 {
		for _, br := range an.BestResponses[k] {
			if len(br.Strategies) != 4 || br.Robustness != 1 {
				t.Errorf("player %d: best responses %+v; want all 4, robust", k, br)
			}
		}
	}
	if len(an.Equilibria) != 16 || !an.Degenerate || len(an.Components) != 1 || len(an.Components[0]) != 16 {
		t.Fatalf("%d equilibria, degenerate %v, components %v; want 16 in one component of a degenerate game",
			len(an.Equilibria), an.Degenerate, an.Components)
	}
	for _, e := range an.Equilibria {
		if !e.Pure || e.Robustness != 1 || math.Abs(e.Utilities[0].Value-0.6) > 1e-12 || e.Outcomes["breakdown"]+e.Outcomes["stalemate"] != 1 {
			t.Errorf("equilibrium %+v; want pure, robust, paying 0.6, without a deal", e)
		}
	}
}

// TestAnalyzeInvariants checks, on muscat, that every equilibrium's
// mixes and induced outcome distribution sum to 1, every robustness is
// a fraction, every utility lies in its bootstrap interval and no
// deviation pays.
func TestAnalyzeInvariants(t *testing.T) {
	s := load(t, "muscat")
	g := playGame(t, s, firstStrategies(gameConfig(1000, 50), s, 5)) // 50 solves of an 8×8 game would take seconds
	an := analyze(t, g)
	const tol = 1e-12 // rounding of sums of a few dozen products
	if len(an.Equilibria) == 0 {
		t.Fatal("no equilibrium; every finite game has one (Nash 1950)")
	}
	for n, e := range an.Equilibria {
		sum := 0.0
		for _, p := range e.Outcomes {
			sum += p
		}
		if math.Abs(sum-1) > tol || e.Robustness < 0 || e.Robustness > 1 {
			t.Errorf("equilibrium %d: outcomes sum to %v, robustness %v", n, sum, e.Robustness)
		}
		for k := range 2 {
			mass := 0.0
			for _, w := range e.Strategies[k] {
				mass += w.Probability
			}
			u := e.Utilities[k]
			if math.Abs(mass-1) > tol || u.CI95 == nil || u.CI95[0] > u.Value+tol || u.Value > u.CI95[1]+tol {
				t.Errorf("equilibrium %d, player %d: mass %v, utility %+v", n, k, mass, u)
			}
			// No deviation pays in an equilibrium (the solver's payoffs are
			// rounded to 1e-9, hence the tolerance).
			if d := e.Deviations[k]; d.Loss.Value < -1e-9 {
				t.Errorf("equilibrium %d, player %d: deviating to %s gains %v", n, k, d.Strategy, -d.Loss.Value)
			}
		}
	}
	for k := range 2 {
		for _, d := range an.Dominated[k] {
			if d.Robustness < 0 || d.Robustness > 1 {
				t.Errorf("dominance %+v: robustness not a fraction", d)
			}
		}
	}
}

// TestAnalyzeNoReplicates checks that without replicates robustness is
// 0 and there are no intervals.
func TestAnalyzeNoReplicates(t *testing.T) {
	an := analyze(t, handGame([][]float64{{3, 0}, {5, 1}}, [][]float64{{3, 5}, {0, 1}}, 0))
	e := an.Equilibria[0]
	if e.Robustness != 0 || e.Utilities[0].CI95 != nil || e.Deviations[0].Loss.CI95 != nil {
		t.Errorf("equilibrium %+v; want robustness 0 and no intervals", e)
	}
}
