package sim

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// MaxGameStrategies is the most strategies a side may have in a
// MetaGame: solving an 8×8 game exactly takes up to half a second, and
// Analyze solves it once per bootstrap replicate.
const MaxGameStrategies = 8

// DefaultReplicates is the number of bootstrap replicates PlayGame draws
// by default: a robustness of 0.9 then has a binomial standard error of
// √(0.9·0.1/200) ≈ 0.02.
const DefaultReplicates = 200

// MaxReplicates is the most bootstrap replicates PlayGame draws: Analyze
// solves the game once per replicate (about 0.4 ms at 5×5, 10 ms at
// 8×8), and every block of episodes in flight holds 2·cells
// weighted sums per replicate.
const MaxReplicates = 10000

// GameConfig sets up the estimation of a strategy meta-game. Start from
// DefaultGameConfig.
type GameConfig struct {
	// Config sets the episodes, seed, workers and horizon. Its
	// Strategies must be empty: the cells set the strategies.
	Config Config

	// Strategies lists each principal's strategies, in the order of
	// model.Scenario.Principals; a nil list stands for the scenario's own.
	Strategies [2][]model.Strategy

	// Replicates is the number of Poisson bootstrap replicates, 0 for
	// none.
	Replicates int
}

// DefaultGameConfig returns DefaultConfig, the scenario's strategy lists
// and DefaultReplicates replicates.
func DefaultGameConfig() GameConfig {
	return GameConfig{Config: DefaultConfig(), Replicates: DefaultReplicates}
}

// MetaGame is a two-player game between a scenario's principals estimated
// by simulation: for every pair of strategies, a cell with each side's
// expected utility and the outcome distribution. Its JSON field names are
// stable.
type MetaGame struct {
	Scenario   string    `json:"scenario"`
	Seed       uint64    `json:"seed"`
	Episodes   int64     `json:"episodes"` // per cell
	Horizon    int       `json:"horizon"`
	Round      string    `json:"round"` // what one round stands for
	Replicates int       `json:"bootstrap_replicates"`
	Players    [2]Player `json:"players"` // the row player, then the column player

	// Partial says the estimation was interrupted: the cells rest on the
	// first Episodes episodes alone, or the bootstrap replicates were
	// dropped (WithoutReplicates). Present only when true.
	Partial bool `json:"partial,omitempty"`

	// Cells[i][j] is the cell where the row player plays its strategy i
	// and the column player its strategy j.
	Cells [][]Cell `json:"cells"`

	// Feasible is the share of episodes whose world is feasible: some
	// comprehensive package lies within both sides' red lines in round 1
	// (Episode.Feasible). Worlds do not depend on strategies, so it is
	// the same in every cell.
	Feasible stats.Estimate `json:"feasible"`

	// Choices is what each side's structures and tactics lead to, in all
	// worlds and in feasible ones.
	Choices []ChoiceEffect `json:"choices"`

	// boot[b][k][i][j] is player k's mean utility in cell (i, j) under
	// bootstrap replicate b.
	boot [][2][][]float64

	// workers is the number of goroutines Analyze solves replicates on,
	// as the run that estimated the game used; 0 for one per CPU.
	workers int
}

// Player is one principal of a MetaGame and the strategies it may play.
type Player struct {
	Actor      string   `json:"actor"`
	Strategies []string `json:"strategies"`
}

// Cell is what one strategy pair produces.
type Cell struct {
	// Utilities is each player's expected payoff, row player first:
	// its mean flow utility over the horizon, undiscounted (see
	// Episode.MeanFlow), so that a difference in discount factors alone
	// does not move payoffs.
	Utilities [2]MeanEstimate `json:"utilities"`

	// Outcomes is the probability of each outcome class at the horizon,
	// keyed by Outcome.String.
	Outcomes map[string]stats.Estimate `json:"outcomes"`
}

// MeanEstimate is a sample mean with its standard error SD/√n, its
// Student t 95% interval and the number of observations. With fewer than
// two observations SE is 0 and CI95 is [Mean, Mean].
type MeanEstimate struct {
	Mean float64    `json:"mean"`
	SE   float64    `json:"se"`
	CI95 [2]float64 `json:"ci95"`
	N    int64      `json:"n"`
}

// meanEstimate summarizes m as a MeanEstimate.
func meanEstimate(m stats.Moments) MeanEstimate {
	e := MeanEstimate{Mean: m.Mean(), CI95: [2]float64{m.Mean(), m.Mean()}, N: m.N()}
	if m.N() >= 2 {
		e.SE = m.SD() / math.Sqrt(float64(m.N()))
		e.CI95[0], e.CI95[1] = m.MeanCI(0.95)
	}
	return e
}

// Payoffs returns the estimated payoff matrices: a[i][j] is the row
// player's mean utility in cell (i, j), b[i][j] the column player's.
func (g *MetaGame) Payoffs() (a, b [][]float64) {
	a, b = make([][]float64, len(g.Cells)), make([][]float64, len(g.Cells))
	for i, row := range g.Cells {
		a[i], b[i] = make([]float64, len(row)), make([]float64, len(row))
		for j, c := range row {
			a[i][j], b[i][j] = c.Utilities[0].Mean, c.Utilities[1].Mean
		}
	}
	return a, b
}

// Replicate returns the payoff matrices of bootstrap replicate r, 0 ≤ r <
// Replicates, laid out as Payoffs lays them out.
func (g *MetaGame) Replicate(r int) (a, b [][]float64) {
	return g.boot[r][0], g.boot[r][1]
}

// PlayGame estimates the meta-game of scenario s: it plays every pair of
// the principals' strategies on the same cfg.Config.Episodes episodes.
// Episode i of every cell draws from (seed, i) alone, so the cells differ
// only by their strategies (common random numbers), and a cell reports
// what Run reports for its strategy pair, bit for bit.
//
// Robustness comes from the Poisson bootstrap (Hanley & MacGibbon 2006;
// Chamandy et al. 2012): replicate r gives episode i the weight
// w ~ Poisson(1), drawn from a hash of (seed, r, i), the same in every
// cell, so a replicate resamples episodes, not cells, and keeps the
// pairing. Each replicate's weighted sums stream through blocks of
// episodes like every other tally, so memory does not grow with the
// number of episodes and the result is the same for any number of
// workers; storing every episode's utilities instead would cost
// 2·cells·episodes floats. A replicate that draws no episode at all (with
// probability e^−episodes) repeats the estimates. When ctx is done first,
// PlayGame returns ctx's error and, if at least two episodes were played
// in every cell, the game estimated so far, marked Partial.
func PlayGame(ctx context.Context, s *model.Scenario, cfg GameConfig) (*MetaGame, error) {
	gp, err := newGamePlan(s, cfg)
	if err != nil {
		return nil, err
	}
	p := gp.plans[0]
	t, err := playBlocks(ctx, p.episodes, p.workers, gp.fresh, gp.worker, p.progress)
	return gp.finish(t, err)
}

// A gamePlan is a meta-game set up to be played: its header, the plans
// of its cells, row by row, and the choices its tally follows.
type gamePlan struct {
	g          *MetaGame
	plans      []plan
	replicates int
	chosen     []choice
}

// newGamePlan checks cfg and sets up the meta-game of s.
func newGamePlan(s *model.Scenario, cfg GameConfig) (*gamePlan, error) {
	if len(cfg.Config.Strategies) > 0 {
		return nil, errors.New("strategies: set GameConfig.Strategies, not Config.Strategies")
	}
	if cfg.Replicates < 0 || cfg.Replicates > MaxReplicates {
		return nil, fmt.Errorf("replicates: %d; want 0 … %d", cfg.Replicates, MaxReplicates)
	}
	if cfg.Config.Episodes < 2 {
		return nil, fmt.Errorf("episodes: %d; want at least 2, for a standard error per cell", cfg.Config.Episodes)
	}
	who := s.Principals()
	g := &MetaGame{Scenario: s.Name, Round: s.Round, Replicates: cfg.Replicates}
	for k, a := range who {
		list := cfg.Strategies[k]
		if list == nil {
			list = s.Actors[a].Strategies
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("strategies for %s: none; want at least one", s.Actors[a].Name)
		}
		if len(list) > MaxGameStrategies {
			return nil, fmt.Errorf("strategies for %s: %d; want at most %d: the exact solver's time grows about fivefold per strategy added to each side, and a larger game takes minutes to hours",
				s.Actors[a].Name, len(list), MaxGameStrategies)
		}
		g.Players[k].Actor = s.Actors[a].Name
		for n, st := range list {
			if slices.Index(list, st) < n {
				return nil, fmt.Errorf("strategies for %s: %s appears twice; want each once", s.Actors[a].Name, st)
			}
			g.Players[k].Strategies = append(g.Players[k].Strategies, st.String())
		}
		cfg.Strategies[k] = list
	}
	rows, cols := len(cfg.Strategies[0]), len(cfg.Strategies[1])
	if cells := rows * cols; cfg.Config.Episodes > MaxEpisodes/cells {
		return nil, fmt.Errorf("episodes: %d per cell for %d cells; want at most %d per cell, %d in all", cfg.Config.Episodes, cells, MaxEpisodes/cells, MaxEpisodes)
	}
	plans := make([]plan, 0, rows*cols)
	for _, r := range cfg.Strategies[0] {
		for _, c := range cfg.Strategies[1] {
			cc := cfg.Config
			cc.Strategies = map[string]model.Strategy{g.Players[0].Actor: r, g.Players[1].Actor: c}
			p, err := resolve(s, cc)
			if err != nil {
				return nil, err
			}
			plans = append(plans, p)
		}
	}
	p := plans[0]
	g.Seed, g.Horizon, g.workers = p.seed, p.horizon, cfg.Config.Workers
	return &gamePlan{g: g, plans: plans, replicates: cfg.Replicates, chosen: choices(cfg.Strategies)}, nil
}

// fresh returns an empty tally of the game.
func (gp *gamePlan) fresh() *gameTally { return newGameTally(len(gp.plans), gp.replicates, gp.chosen) }

// worker returns a function that plays episode i of every cell into a
// tally, on players of its own.
func (gp *gamePlan) worker() func(int, *gameTally) {
	p := gp.plans[0]
	players := make([]*player, len(gp.plans))
	for c, pl := range gp.plans {
		players[c] = newPlayer(pl)
	}
	worlds := newWorldSampler(p)
	weights := make([]float64, gp.replicates)
	eps := make([]*Episode, len(gp.plans))
	return func(i int, t *gameTally) {
		poissonWeights(weights, p.seed, i)
		t.addWeights(weights)
		world, key := worlds.sample(i) // the cells differ by strategies alone
		for c, w := range players {
			eps[c] = w.playIn(world, key)
			t.add(c, eps[c], weights)
		}
		t.addChoices(eps)
	}
}

// finish turns the tally of the game's episodes into the MetaGame; err
// is the error that stopped the play, if any.
func (gp *gamePlan) finish(t *gameTally, err error) (*MetaGame, error) {
	g := gp.g
	rows, cols := len(g.Players[0].Strategies), len(g.Players[1].Strategies)
	if err != nil && t.cells[0].utility[0].N() < 2 {
		return nil, err
	}
	g.Partial = err != nil
	g.Episodes = t.cells[0].utility[0].N()
	g.Feasible = stats.Proportion{N: g.Episodes, K: t.feasible}.Estimate()
	g.Choices = t.choiceEffects(g)
	g.Cells = make([][]Cell, rows)
	for i := range rows {
		g.Cells[i] = make([]Cell, cols)
		for j := range cols {
			tc := &t.cells[i*cols+j]
			c := Cell{Outcomes: make(map[string]stats.Estimate)}
			for k := range 2 {
				c.Utilities[k] = meanEstimate(tc.utility[k])
			}
			for _, o := range Outcomes() {
				c.Outcomes[o.String()] = stats.Proportion{N: g.Episodes, K: tc.outcomes[o]}.Estimate()
			}
			g.Cells[i][j] = c
		}
	}
	g.boot = make([][2][][]float64, gp.replicates)
	for r := range g.boot {
		for k := range 2 {
			m := make([][]float64, rows)
			for i := range rows {
				m[i] = make([]float64, cols)
				for j := range cols {
					m[i][j] = g.Cells[i][j].Utilities[k].Mean
					if w := t.weight[r]; w > 0 {
						m[i][j] = t.weighted[(2*(i*cols+j)+k)*gp.replicates+r] / w
					}
				}
			}
			g.boot[r][k] = m
		}
	}
	return g, err
}

// WithoutReplicates returns a copy of g without its bootstrap replicates
// and marked Partial, for Analyze to read without robustness when there
// is no time to solve every replicate.
func (g *MetaGame) WithoutReplicates() *MetaGame {
	c := *g
	c.Replicates, c.boot, c.Partial = 0, nil, true
	return &c
}
