package sim

import (
	"context"
	"fmt"
)

// A SweepPartial is one shard of a sweep: the points it played, a
// contiguous range of the setups (Shard.Span), and each point's whole
// run as a RunPartial, from which MergeSweep rebuilds the point's
// Result bit for bit. Its JSON field names are stable.
type SweepPartial struct {
	Shard  Shard         `json:"shard"`
	Points [2]int        `json:"points"` // the setups played, first … last−1
	Runs   []*RunPartial `json:"runs"`   // one a point, in order
}

// wholeRun is the one shard of a run that covers all of it.
var wholeRun = Shard{Index: 1, Count: 1}

// SweepShard plays the points of shard sh of the sweep Sweep(ctx,
// setups, cfg) would play, each as Sweep plays it, and returns their
// tallies. cfg.Progress counts the shard's points × episodes. When ctx
// is done first, SweepShard returns ctx's error and no tallies.
func SweepShard(ctx context.Context, setups []Setup, cfg Config, sh Shard) (*SweepPartial, error) {
	if err := sh.Check(); err != nil {
		return nil, err
	}
	lo, hi := sh.Span(len(setups))
	sp := &SweepPartial{Shard: sh, Points: [2]int{lo, hi}, Runs: make([]*RunPartial, 0, hi-lo)}
	total := int64(hi-lo) * int64(cfg.Episodes)
	for k, st := range setups[lo:hi] {
		rp, err := RunShard(ctx, st.Scenario, pointConfig(cfg, st, k, total), wholeRun)
		if err != nil {
			return nil, err
		}
		sp.Runs = append(sp.Runs, rp)
	}
	return sp, nil
}

// MergeSweep merges the SweepPartials of every shard of the sweep
// Sweep(ctx, setups, cfg) would play, given in shard order, into that
// sweep's Results, bit for bit. It reports an error, naming the shard,
// when the parts are not the shards of that sweep.
func MergeSweep(setups []Setup, cfg Config, parts []*SweepPartial) ([]*Result, error) {
	if err := checkParts(parts, func(sp *SweepPartial) Shard { return sp.Shard }); err != nil {
		return nil, err
	}
	results := make([]*Result, 0, len(setups))
	cfg.Progress = nil // merging plays nothing
	for _, sp := range parts {
		lo, hi := sp.Shard.Span(len(setups))
		if sp.Points != [2]int{lo, hi} || len(sp.Runs) != hi-lo {
			return nil, &ShardError{sp.Shard, fmt.Errorf("points %d … %d, %d runs; a sweep of %d points gives this shard points %d … %d",
				sp.Points[0], sp.Points[1]-1, len(sp.Runs), len(setups), lo, hi-1)}
		}
		for k, rp := range sp.Runs {
			st := setups[lo+k]
			r, err := MergeRun(st.Scenario, pointConfig(cfg, st, lo+k, 0), []*RunPartial{rp})
			if err != nil {
				return nil, &ShardError{sp.Shard, fmt.Errorf("point %d: %w", lo+k+1, err)}
			}
			results = append(results, r)
		}
	}
	return results, nil
}
