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
// finished before it.
func Sweep(ctx context.Context, setups []Setup, cfg Config) ([]*Result, error) {
	results := make([]*Result, 0, len(setups))
	for _, st := range setups {
		c := cfg
		c.Horizon, c.Strategies = st.Horizon, st.Strategies
		r, err := Run(ctx, st.Scenario, c)
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
