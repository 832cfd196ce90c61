package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
)

func playGame(t testing.TB, s *model.Scenario, cfg GameConfig) *MetaGame {
	t.Helper()
	g, err := PlayGame(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func gameConfig(episodes, replicates int) GameConfig {
	cfg := DefaultGameConfig()
	cfg.Config.Episodes, cfg.Replicates = episodes, replicates
	return cfg
}

// firstStrategies limits cfg to the first n strategies s lists for each
// side: tests of the game's machinery need a few cells, not muscat's 64.
func firstStrategies(cfg GameConfig, s *model.Scenario, n int) GameConfig {
	for k, a := range s.Principals() {
		cfg.Strategies[k] = s.Actors[a].Strategies[:n]
	}
	return cfg
}

// TestGameWorkers checks that the meta-game, bootstrap replicates
// included, is the same bit for bit whatever the number of workers.
func TestGameWorkers(t *testing.T) {
	s := load(t, "muscat")
	var first string
	for _, w := range []int{1, 2, 8} {
		cfg := firstStrategies(gameConfig(1500, 20), s, 4) // 6 blocks of 256 episodes, the last one short
		cfg.Config.Workers = w
		g := playGame(t, s, cfg)
		b, _ := json.Marshal(g)
		got := string(b) + fmt.Sprint(g.boot)
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("%d workers: meta-game differs from 1 worker", w)
		}
	}
}

// TestGameMatchesRun checks common random numbers: each cell reports the
// outcomes Run reports for its strategy pair with the same seed, bit for
// bit, because both play episode i from (seed, i) and merge the same
// blocks in the same order; and its payoffs are the mean of the episodes'
// undiscounted mean flow utilities, as Play gives them.
func TestGameMatchesRun(t *testing.T) {
	s := load(t, "muscat")
	cfg := gameConfig(700, 0)
	cfg.Config.Seed = 3
	g := playGame(t, s, cfg)
	if len(g.Cells) != 8 || len(g.Cells[0]) != 8 { // muscat lists 8 strategies per principal
		t.Fatalf("%d×%d cells; want 8×8", len(g.Cells), len(g.Cells[0]))
	}
	for _, ij := range [][2]int{{0, 0}, {2, 4}, {7, 1}} {
		i, j := ij[0], ij[1]
		rc := cfg.Config
		rc.Strategies = map[string]model.Strategy{}
		for k, n := range []int{i, j} {
			st, err := model.ParseStrategy(g.Players[k].Strategies[n])
			if err != nil {
				t.Fatal(err)
			}
			rc.Strategies[g.Players[k].Actor] = st
		}
		r := run(t, s, rc)
		c := g.Cells[i][j]
		var flow [2]float64
		for n := range rc.Episodes {
			e, err := Play(s, rc, n)
			if err != nil {
				t.Fatal(err)
			}
			flow[0] += e.MeanFlow[0]
			flow[1] += e.MeanFlow[1]
		}
		const tol = 1e-12 // a sum of 700 terms in two orders
		for k, p := range g.Players {
			if got, want := c.Utilities[k].Mean, flow[k]/float64(rc.Episodes); math.Abs(got-want) > tol {
				t.Errorf("cell (%d, %d): %s's payoff %v; its episodes' mean flow is %v", i, j, p.Actor, got, want)
			}
		}
		for name, e := range r.Outcomes {
			if c.Outcomes[name] != e {
				t.Errorf("cell (%d, %d): %s %+v; Run gives %+v", i, j, name, c.Outcomes[name], e)
			}
		}
	}
}

// TestGameCellEstimates checks each cell's invariants: the outcome
// probabilities sum to 1, the interval holds the mean, and the standard
// error is SD/√n, so that the interval's half-width is about 1.96·SE (t
// quantile at 699 degrees of freedom: 1.9634).
func TestGameCellEstimates(t *testing.T) {
	g := playGame(t, load(t, "muscat"), gameConfig(700, 0))
	const tol = 1e-12 // rounding of a sum of six probabilities
	for i, row := range g.Cells {
		for j, c := range row {
			sum := 0.0
			for _, e := range c.Outcomes {
				sum += e.P
			}
			if math.Abs(sum-1) > tol {
				t.Errorf("cell (%d, %d): outcome probabilities sum to %v", i, j, sum)
			}
			for k, u := range c.Utilities {
				half := (u.CI95[1] - u.CI95[0]) / 2
				if u.N != 700 || u.CI95[0] > u.Mean || u.Mean > u.CI95[1] || math.Abs(half-1.9634*u.SE) > 1e-4*u.SE+1e-15 {
					t.Errorf("cell (%d, %d), player %d: %+v", i, j, k, u)
				}
			}
		}
	}
}

// TestPoissonWeights checks that the bootstrap weights have the mean and
// variance of Poisson(1), 1 and 1, within 5 standard errors of
// 100,000 draws (SE of the mean 1/√n ≈ 0.0032; of the variance, whose
// fourth central moment is 4 for Poisson(1), √(3/n) ≈ 0.0055), and that
// about e⁻¹ of them are 0.
func TestPoissonWeights(t *testing.T) {
	const n = 100000
	w := make([]float64, 10)
	var sum, sq, zeros float64
	for i := range n / len(w) {
		poissonWeights(w, 7, i)
		for _, x := range w {
			sum += x
			sq += x * x
			if x == 0 {
				zeros++
			}
		}
	}
	mean := sum / n
	variance := sq/n - mean*mean
	if math.Abs(mean-1) > 5*0.0032 || math.Abs(variance-1) > 5*0.0055 || math.Abs(zeros/n-math.Exp(-1)) > 5*0.0016 {
		t.Errorf("mean %v, variance %v, zeros %v; want 1, 1, %v", mean, variance, zeros/n, math.Exp(-1))
	}
}

// TestGameBootstrap checks that replicates vary around the estimates:
// their SD across replicates is close to the cell's standard error.
func TestGameBootstrap(t *testing.T) {
	s := load(t, "muscat")
	g := playGame(t, s, firstStrategies(gameConfig(2000, 200), s, 4))
	for i := range g.Cells {
		for j := range g.Cells[i] {
			var sum, sq float64
			for r := range g.Replicates {
				a, _ := g.Replicate(r)
				sum += a[i][j]
				sq += a[i][j] * a[i][j]
			}
			mean := sum / float64(g.Replicates)
			sd := math.Sqrt(sq/float64(g.Replicates) - mean*mean)
			se := g.Cells[i][j].Utilities[0].SE
			// The SD of 200 replicates estimates the SE within about
			// 1/√(2·200) = 5% (normal theory); allow 30%.
			if se > 0 && math.Abs(sd/se-1) > 0.3 {
				t.Errorf("cell (%d, %d): bootstrap SD %v; SE %v", i, j, sd, se)
			}
		}
	}
}

func TestGameErrors(t *testing.T) {
	s := load(t, "muscat")
	st := func(spec string) model.Strategy {
		x, err := model.ParseStrategy(spec)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, tc := range []struct {
		name string
		cfg  func(*GameConfig)
		want string
	}{
		{"twice", func(c *GameConfig) {
			c.Strategies[1] = []model.Strategy{st("interim-first/linear"), st("interim-first/linear")}
		}, "strategies for us: interim-first/linear appears twice"},
		{"empty", func(c *GameConfig) { c.Strategies[0] = []model.Strategy{} }, "strategies for iran: none"},
		{"config strategies", func(c *GameConfig) {
			c.Config.Strategies = map[string]model.Strategy{"iran": st("interim-first/linear")}
		}, "not Config.Strategies"},
		{"replicates", func(c *GameConfig) { c.Replicates = -1 }, "replicates: -1"},
		{"episodes", func(c *GameConfig) { c.Config.Episodes = 0 }, "episodes: 0"},
		{"replicates huge", func(c *GameConfig) { c.Replicates = 1 << 40 }, "replicates: 1099511627776; want 0 … 10000"},                  // issue #13: panic, out of memory
		{"episodes in all", func(c *GameConfig) { c.Config.Episodes = 100_000_000 }, "want at most 15625000 per cell, 1000000000 in all"}, // muscat's 8×8 cells: 10⁹/64
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := gameConfig(10, 0)
			tc.cfg(&cfg)
			_, err := PlayGame(context.Background(), s, cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v; want %q", err, tc.want)
			}
		})
	}
}

// TestGamePayoffsIgnoreDiscount checks deliverable 4 of issue #10: in a
// world where the discount factor changes no move (tactics that do not
// read it, no reneging, no escalation, so every deal value's κ is 1),
// changing only a side's δ leaves every payoff of the game unchanged, bit
// for bit, although it moves the realized utility that Run reports.
func TestGamePayoffsIgnoreDiscount(t *testing.T) {
	s := load(t, "lab-discount")
	discount := func(d float64) *model.Scenario {
		c := *s
		c.Actors = append([]model.Actor(nil), s.Actors...)
		c.Actors[s.Actor("a")].Discount = model.FixedParam(d)
		return &c
	}
	impatient, patient := discount(0.9), discount(0.99)
	gi, gp := playGame(t, impatient, gameConfig(500, 0)), playGame(t, patient, gameConfig(500, 0))
	ai, bi := gi.Payoffs()
	ap, bp := gp.Payoffs()
	for i := range ai {
		for j := range ai[i] {
			if ai[i][j] != ap[i][j] || bi[i][j] != bp[i][j] {
				t.Errorf("cell (%d, %d): payoffs (%v, %v) at δ 0.9, (%v, %v) at δ 0.99; want equal", i, j, ai[i][j], bi[i][j], ap[i][j], bp[i][j])
			}
		}
	}
	ri, rp := run(t, impatient, config(500)), run(t, patient, config(500))
	if ri.Utilities["a"].Mean == rp.Utilities["a"].Mean {
		t.Error("realized utility is the same at δ 0.9 and 0.99: the test cannot tell discounted from undiscounted payoffs")
	}
}

// TestGameChoices checks the choice effects against the cells: in all
// worlds, a choice's estimates are the even average of its cells' (one
// mean of averages against an average of means, equal up to rounding);
// in feasible worlds they rest on the episodes Play marks feasible; and
// muscat's grid gives each side 4 structures and 2 tactics.
func TestGameChoices(t *testing.T) {
	s := load(t, "muscat")
	g := playGame(t, s, gameConfig(300, 0))
	feasible := int64(0)
	for i := range 300 {
		e, err := Play(s, config(300), i)
		if err != nil {
			t.Fatal(err)
		}
		if e.Feasible {
			feasible++
		}
	}
	if g.Feasible.K != feasible || feasible == 0 || feasible == 300 {
		t.Fatalf("feasible worlds: game %d, Play %d of 300; want equal, and neither none nor all (the test could not tell)", g.Feasible.K, feasible)
	}
	kinds := map[string]int{}
	const tol = 1e-12 // sums of 16 means of 300 terms in two orders
	for _, c := range g.Choices {
		kinds[c.Actor+" "+c.Kind+" "+c.Worlds]++
		k := 0
		if c.Actor == g.Players[1].Actor {
			k = 1
		}
		sum, n := 0.0, 0
		for i, row := range g.Cells {
			for j, cell := range row {
				st, _ := model.ParseStrategy(g.Players[k].Strategies[[2]int{i, j}[k]])
				if c.Kind == "structure" && st.Policy.String() == c.Choice || c.Kind == "tactic" && st.Tactic.String() == c.Choice {
					sum += cell.Utilities[k].Mean
					n++
				}
			}
		}
		switch {
		case c.Worlds == "all" && (math.Abs(c.Payoff.Mean-sum/float64(n)) > tol || c.Payoff.N != 300):
			t.Errorf("%s %s %s: payoff %v over %d episodes; its %d cells average %v over 300", c.Actor, c.Kind, c.Choice, c.Payoff.Mean, c.Payoff.N, n, sum/float64(n))
		case c.Worlds == "feasible" && c.Deal.N != feasible:
			t.Errorf("%s %s %s in feasible worlds: %d episodes; want %d", c.Actor, c.Kind, c.Choice, c.Deal.N, feasible)
		}
	}
	for _, p := range g.Players {
		for kind, want := range map[string]int{"structure": 4, "tactic": 2} {
			for _, w := range []string{"all", "feasible"} {
				if got := kinds[p.Actor+" "+kind+" "+w]; got != want {
					t.Errorf("%s: %d %s choices in %s worlds; want %d", p.Actor, got, kind, w, want)
				}
			}
		}
	}
}
