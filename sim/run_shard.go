package sim

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// A RunPartial is the tally of one shard of a run: the blocks of
// episodes it played, and for each metric, in Metrics order, what
// MergeRun needs to give exactly the Result one process gives. Counts
// merge exactly in any order, so a shard keeps them summed: a
// Probability's trials and successes, a Mean's histogram. A Mean's
// moments do not (their floating-point merge depends on the order), so
// a shard keeps each block's, for MergeRun to merge them in block order
// as Run does. Its JSON field names are stable.
type RunPartial struct {
	Shard    Shard           `json:"shard"`
	Blocks   [2]int          `json:"blocks"`   // the blocks played, first … last−1, of blockSize episodes
	Episodes int64           `json:"episodes"` // the episodes they hold
	Metrics  []PartialMetric `json:"metrics"`
}

// A PartialMetric is one metric's part of a RunPartial.
type PartialMetric struct {
	Key string `json:"key"`
	// N and K are a Probability's trials and successes.
	N int64 `json:"n,omitempty"`
	K int64 `json:"k,omitempty"`
	// Histogram is a Mean's histogram of the shard's observations;
	// Moments the moments of each block's, in block order.
	Histogram *stats.Histogram `json:"histogram,omitempty"`
	Moments   []stats.Moments  `json:"moments,omitempty"`
}

// RunShard plays the blocks of episodes of shard sh of the run Run(ctx,
// s, cfg) would play, and returns their tally. MergeRun merges the
// RunPartials of every shard into that run's Result, bit for bit. When
// ctx is done first, RunShard returns ctx's error and no tally.
func RunShard(ctx context.Context, s *model.Scenario, cfg Config, sh Shard) (*RunPartial, error) {
	if err := sh.Check(); err != nil {
		return nil, err
	}
	p, err := resolve(s, cfg)
	if err != nil {
		return nil, err
	}
	t, log, err := playShard(ctx, sh, p.episodes, p.workers, p.freshTally, p.tallyWorker, blockMoments, p.progress)
	if err != nil {
		return nil, err
	}
	rp := &RunPartial{Shard: sh, Episodes: t.episodes, Metrics: make([]PartialMetric, len(t.metrics))}
	rp.Blocks[0], rp.Blocks[1] = sh.blocks(p.episodes)
	for k, m := range t.metrics {
		pm := &rp.Metrics[k]
		pm.Key = m.Key
		if smp := t.samples[k]; smp != nil {
			pm.Histogram = smp.Histogram()
			for _, ms := range log {
				pm.Moments = append(pm.Moments, ms[k])
			}
		} else {
			pm.N, pm.K = t.props[k].N, t.props[k].K
		}
	}
	return rp, nil
}

// blockMoments returns the moments of each of a block's metrics, by
// metric; a Probability's are empty.
func blockMoments(t *tally) []stats.Moments {
	ms := make([]stats.Moments, len(t.metrics))
	for k, smp := range t.samples {
		if smp != nil {
			ms[k] = smp.Moments()
		}
	}
	return ms
}

// MergeRun merges the RunPartials of every shard of the run Run(ctx, s,
// cfg) would play, given in shard order, into that run's Result, bit for
// bit: the counts added up, each metric's moments merged block after
// block as Run merges them. It reports an error, naming the shard, when
// the parts are not the shards of that run or their figures do not add
// up.
func MergeRun(s *model.Scenario, cfg Config, parts []*RunPartial) (*Result, error) {
	p, err := resolve(s, cfg)
	if err != nil {
		return nil, err
	}
	if err := checkParts(parts, func(rp *RunPartial) Shard { return rp.Shard }); err != nil {
		return nil, err
	}
	t := p.freshTally()
	for _, rp := range parts {
		if err := t.mergePartial(rp, p.episodes); err != nil {
			return nil, &ShardError{rp.Shard, err}
		}
	}
	return p.result(t), nil
}

// mergePartial adds the shard rp of a run of n episodes to t, which
// holds the shards before it.
func (t *tally) mergePartial(rp *RunPartial, n int) error {
	if err := checkBlocks(rp.Shard, rp.Blocks, rp.Episodes, n); err != nil {
		return err
	}
	first, last := rp.Shard.blocks(n)
	if len(rp.Metrics) != len(t.metrics) {
		return fmt.Errorf("%d metrics; a run of this scenario has %d", len(rp.Metrics), len(t.metrics))
	}
	for k, pm := range rp.Metrics {
		if err := t.mergeMetric(k, &pm, last-first, rp.Episodes); err != nil {
			return fmt.Errorf("metrics[%d] (%s): %w", k, pm.Key, err)
		}
	}
	t.episodes += rp.Episodes
	return nil
}

// mergeMetric adds pm, the part of metric k of a shard of the given
// blocks and episodes, to t.
func (t *tally) mergeMetric(k int, pm *PartialMetric, blocks int, episodes int64) error {
	m := &t.metrics[k]
	if pm.Key != m.Key {
		return fmt.Errorf("key %s; want %s", pm.Key, m.Key)
	}
	smp := t.samples[k]
	if smp == nil {
		if pm.Histogram != nil || pm.Moments != nil || pm.K < 0 || pm.K > pm.N || pm.N > episodes {
			return fmt.Errorf("n %d, k %d; want 0 ≤ k ≤ n ≤ %d and no histogram or moments, for a probability", pm.N, pm.K, episodes)
		}
		t.props[k].Merge(stats.Proportion{N: pm.N, K: pm.K})
		return nil
	}
	if pm.Histogram == nil || !pm.Histogram.SameLayout(smp.Histogram()) {
		return fmt.Errorf("want a histogram of this scenario's layout for the metric")
	}
	if len(pm.Moments) != blocks {
		return fmt.Errorf("moments of %d blocks; want %d", len(pm.Moments), blocks)
	}
	var seen int64
	for _, mo := range pm.Moments {
		seen += mo.N()
	}
	if h := pm.Histogram.N(); uint64(seen) != h || seen > episodes {
		return fmt.Errorf("the blocks' moments count %d observations, the histogram %d, of %d episodes", seen, h, episodes)
	}
	for _, mo := range pm.Moments {
		smp.MergeMoments(mo)
	}
	smp.Histogram().Merge(pm.Histogram)
	return nil
}
