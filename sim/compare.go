package sim

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// A Setup is what one arm of a comparison plays: a scenario, its horizon
// (0 for the scenario's own) and strategy overrides by principal name.
type Setup struct {
	Scenario   *model.Scenario
	Horizon    int
	Strategies map[string]model.Strategy
}

// Comparison holds two or more arms played on the same episodes: the
// same seed, so the same uniform numbers for every parameter and event
// the arms share (common random numbers). Arms[0] is the baseline; each
// metric's differences are every other arm − baseline.
type Comparison struct {
	Seed     uint64 `json:"seed"`
	Episodes int64  `json:"episodes"`
	Arms     []Arm  `json:"arms"`

	// Partial says the comparison was interrupted: the figures rest on
	// the first Episodes episodes alone. Present only when true.
	Partial bool `json:"partial,omitempty"`

	// Metrics compares every metric all arms estimate, in report order.
	Metrics []MetricComparison `json:"metrics"`
}

// Arm describes one arm of a Comparison.
type Arm struct {
	Scenario   string          `json:"scenario"`
	Horizon    int             `json:"horizon"`
	Round      string          `json:"round"` // what one round stands for
	Strategies []ActorStrategy `json:"strategies"`
}

// MetricComparison is one metric in every arm and its differences.
type MetricComparison struct {
	*Metric
	// Arms holds the metric's figure in each arm, in Arms order.
	Arms []Figure `json:"arms"`
	// Differences holds arm k − baseline for k = 1, 2, …: paired on
	// the same episodes when the metric is observed in every episode,
	// else between the two arms' own denominators.
	Differences []Contrast `json:"differences"`
}

// A Contrast is an arm's difference from the baseline on one metric.
type Contrast struct {
	stats.Difference
	// Relative is the difference over the baseline's estimate; absent
	// when the baseline's is 0.
	Relative *float64 `json:"relative,omitempty"`
	// Test names the test behind Difference.PValue: "mcnemar-exact" or
	// "paired-t" for paired metrics, "two-proportion-z" or "welch-t"
	// for the others.
	Test string `json:"test"`
}

// Metric returns the comparison of the metric of the given key, or nil.
func (c *Comparison) Metric(key string) *MetricComparison {
	for k := range c.Metrics {
		if c.Metrics[k].Key == key {
			return &c.Metrics[k]
		}
	}
	return nil
}

// MaxArms is the most arms Compare plays: every worker holds a tally of
// each arm's metrics (about a third of a megabyte each), and a table of
// more arms than this cannot be read. Comparisons of more alternatives
// run as several, each with the same baseline and seed: the baseline's
// episodes, and so every difference, are the same in each.
const MaxArms = 32

// Compare plays the episodes of every setup, episode i of each drawn
// from (cfg.Seed, i), and returns each metric in every arm with every
// arm's difference from the first. cfg gives the sampling (episodes,
// seed, workers); each setup gives what is played, so cfg's Horizon and
// Strategies are not used. The scenarios must have principals of the
// same names; metrics that not every arm has (the terms of an issue only
// some scenarios have) are left out. When ctx is done first, Compare
// returns ctx's error and, if any block was finished, the Comparison so
// far, marked Partial.
func Compare(ctx context.Context, setups []Setup, cfg Config) (*Comparison, error) {
	if len(setups) < 2 || len(setups) > MaxArms {
		return nil, fmt.Errorf("arms: %d; want 2 … %d", len(setups), MaxArms)
	}
	if cfg.Episodes > MaxEpisodes/len(setups) {
		return nil, fmt.Errorf("episodes: %d in each of %d arms; want at most %d per arm, %d in all", cfg.Episodes, len(setups), MaxEpisodes/len(setups), MaxEpisodes)
	}
	plans := make([]plan, len(setups))
	for a, st := range setups {
		c := cfg
		c.Horizon, c.Strategies = st.Horizon, st.Strategies
		p, err := resolve(st.Scenario, c)
		if err != nil {
			return nil, err
		}
		plans[a] = p
	}
	base := plans[0].named()
	for _, p := range plans[1:] {
		alt := p.named()
		for i := range base {
			if base[i].Actor != alt[i].Actor {
				return nil, fmt.Errorf("%s and %s have different principals (%s, %s versus %s, %s); want the same",
					plans[0].scn.Name, p.scn.Name, base[0].Actor, base[1].Actor, alt[0].Actor, alt[1].Actor)
			}
		}
	}
	metrics := commonMetrics(plans)
	fresh := func() *armsTally { return newArmsTally(metrics) }
	worker := func() func(int, *armsTally) {
		players := make([]*player, len(plans))
		for a, p := range plans {
			players[a] = newPlayer(p)
		}
		eps := make([]*Episode, len(plans))
		return func(i int, t *armsTally) {
			for a, w := range players {
				eps[a] = w.play(i)
			}
			t.add(eps)
		}
	}
	t, err := playBlocks(ctx, plans[0].episodes, plans[0].workers, fresh, worker, plans[0].progress)
	if err != nil && t.arms[0].episodes == 0 {
		return nil, err
	}
	c := &Comparison{Seed: plans[0].seed, Episodes: t.arms[0].episodes, Partial: err != nil}
	for _, p := range plans {
		c.Arms = append(c.Arms, Arm{Scenario: p.scn.Name, Horizon: p.horizon, Round: p.scn.Round, Strategies: p.named()})
	}
	c.Metrics = t.compare()
	return c, err
}

// commonMetrics returns, per plan, the metrics whose keys every plan
// has, in the first plan's order.
func commonMetrics(plans []plan) [][]Metric {
	lists := make([]map[string]Metric, len(plans))
	for a, p := range plans {
		lists[a] = map[string]Metric{}
		for _, m := range Metrics(p.scn, p.horizon) {
			lists[a][m.Key] = m
		}
	}
	out := make([][]Metric, len(plans))
	for _, m := range Metrics(plans[0].scn, plans[0].horizon) {
		common := true
		for _, l := range lists[1:] {
			_, ok := l[m.Key]
			common = common && ok
		}
		if !common {
			continue
		}
		for a := range plans {
			out[a] = append(out[a], lists[a][m.Key])
		}
	}
	return out
}

// An armsTally accumulates the episodes of several arms: each arm's own
// tally, and for every other arm the pairs it makes with the baseline on
// the metrics observed in every episode.
type armsTally struct {
	arms  []*tally
	pairs [][]pair // [arm−1][metric]
}

// A pair accumulates one metric's paired observations.
type pair struct {
	prop stats.PairedProportion
	diff stats.Paired
}

func newArmsTally(metrics [][]Metric) *armsTally {
	t := &armsTally{}
	for a, ms := range metrics {
		t.arms = append(t.arms, newTally(ms))
		if a > 0 {
			t.pairs = append(t.pairs, make([]pair, len(ms)))
		}
	}
	return t
}

func (t *armsTally) reset() {
	for _, a := range t.arms {
		a.reset()
	}
	for _, p := range t.pairs {
		clear(p)
	}
}

func (t *armsTally) add(eps []*Episode) {
	for a, e := range eps {
		t.arms[a].add(e)
	}
	base := t.arms[0].metrics
	for a, e := range eps[1:] {
		alt := t.arms[a+1].metrics
		for k := range base {
			if !base[k].every {
				continue
			}
			y, _ := base[k].observe(eps[0])
			x, _ := alt[k].observe(e)
			if p := &t.pairs[a][k]; base[k].Kind == Probability {
				p.prop.Add(x == 1, y == 1)
			} else {
				p.diff.Add(x, y)
			}
		}
	}
}

func (t *armsTally) merge(o *armsTally) {
	for a := range t.arms {
		t.arms[a].merge(o.arms[a])
	}
	for a := range t.pairs {
		for k := range t.pairs[a] {
			t.pairs[a][k].prop.Merge(o.pairs[a][k].prop)
			t.pairs[a][k].diff.Merge(o.pairs[a][k].diff)
		}
	}
}

// compare turns the tallies into each metric's comparison.
func (t *armsTally) compare() []MetricComparison {
	figures := make([][]Figure, len(t.arms))
	for a, at := range t.arms {
		figures[a] = at.figures()
	}
	out := make([]MetricComparison, len(figures[0]))
	for k := range out {
		m := &t.arms[0].metrics[k]
		mc := MetricComparison{Metric: m}
		for a := range t.arms {
			mc.Arms = append(mc.Arms, figures[a][k])
		}
		base := figures[0][k]
		for a := 1; a < len(t.arms); a++ {
			var c Contrast
			alt := figures[a][k]
			switch p := t.pairs[a-1][k]; {
			case m.every && m.Kind == Probability:
				c.Difference, c.Test = p.prop.Summary(), "mcnemar-exact"
				c.PValue = p.prop.McNemar()
			case m.every:
				c.Difference, c.Test = p.diff.Summary(), "paired-t"
			case m.Kind == Probability:
				c.Difference, c.Test = stats.TwoProportions(t.arms[a].props[k], t.arms[0].props[k]), "two-proportion-z"
			default:
				c.Difference, c.Test = stats.Welch(*alt.Summary, *base.Summary), "welch-t"
			}
			if b := base.Point(); b != 0 && base.N() > 0 && alt.N() > 0 {
				r := c.Mean / b
				c.Relative = &r
			}
			mc.Differences = append(mc.Differences, c)
		}
		out[k] = mc
	}
	return out
}
