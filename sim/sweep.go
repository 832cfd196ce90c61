package sim

import (
	"context"
)

// Sweep plays every setup, one after another, each as Run plays it under
// cfg's sampling (episodes, seed, workers) with the setup's own horizon
// and strategies, and returns their Results in order. Every point draws
// episode i from (cfg.Seed, i), and a scenario's parameters draw by their
// field paths, so the points of a sweep meet the same random numbers
// wherever they share a field (common random numbers). When ctx is done
// first, Sweep returns ctx's error with the Results of the points
// finished before it. cfg.Progress counts the episodes of every point,
// points × episodes in all.
func Sweep(ctx context.Context, setups []Setup, cfg Config) ([]*Result, error) {
	results := make([]*Result, 0, len(setups))
	total := int64(len(setups)) * int64(cfg.Episodes)
	for k, st := range setups {
		r, err := Run(ctx, st.Scenario, pointConfig(cfg, st, k, total))
		if err != nil {
			if ctx.Err() != nil {
				return results, err
			}
			return nil, err
		}
		results = append(results, r)
	}
	return results, nil
}

// pointConfig is the Config that plays setup st, the k-th point a sweep
// plays of total episodes in all: cfg's sampling, st's horizon and
// strategies, and cfg.Progress, if any, told the episodes of the points
// before it as done.
func pointConfig(cfg Config, st Setup, k int, total int64) Config {
	c := cfg
	c.Horizon, c.Strategies = st.Horizon, st.Strategies
	if cfg.Progress != nil {
		before := int64(k) * int64(cfg.Episodes)
		c.Progress = func(done, _ int64) { cfg.Progress(before+done, total) }
	}
	return c
}
