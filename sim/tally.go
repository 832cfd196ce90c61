package sim

import (
	"math"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// quantileBins is the number of histogram bins over a continuous
// metric's range: quantiles are exact to 1/quantileBins of the range.
const quantileBins = 2000

// A tally accumulates episodes of one arm in memory that does not grow
// with their number: for each of its metrics, a Proportion or a Sample.
// Tallies of consecutive blocks merge in block order, so a run's figures
// do not depend on how blocks were spread over workers.
type tally struct {
	metrics  []Metric
	episodes int64
	props    []stats.Proportion // by metric; used by Probability metrics
	samples  []*stats.Sample    // by metric; nil for Probability metrics
}

// newTally returns an empty tally of the given metrics.
func newTally(metrics []Metric) *tally {
	t := &tally{metrics: metrics, props: make([]stats.Proportion, len(metrics)), samples: make([]*stats.Sample, len(metrics))}
	for k := range metrics {
		t.samples[k] = metrics[k].newSample()
	}
	return t
}

// maxEfficiencyGap bounds the histograms of efficiency measures: a deal
// and a frontier point within utilities of −1 … 1 are at most 2√2 apart.
const maxEfficiencyGap = 2 * math.Sqrt2

// utilityFloor returns the least realized utility principal a can get:
// its least flow, which is its lowest reservation value, minus its
// largest escalation cost, or minus its largest audience costs.
func utilityFloor(s *model.Scenario, a int) float64 {
	floor, audience := -1.0, 0.0
	for _, c := range s.Actors[a].Utility.AudienceCosts {
		_, hi := c.Support()
		audience += hi
	}
	floor = min(floor, -audience)
	for _, c := range s.Protocol.EscalationCost {
		if c.Actor == a {
			_, hi := c.By.Support()
			floor = min(floor, -hi)
		}
	}
	return floor
}

// reset empties the tally, keeping its storage.
func (t *tally) reset() {
	t.episodes = 0
	clear(t.props)
	for _, s := range t.samples {
		if s != nil {
			s.Reset()
		}
	}
}

// add counts one episode.
func (t *tally) add(e *Episode) {
	t.episodes++
	for k := range t.metrics {
		x, in := t.metrics[k].observe(e)
		if !in {
			continue
		}
		if s := t.samples[k]; s != nil {
			s.Add(x)
		} else {
			t.props[k].Add(x == 1)
		}
	}
}

// merge adds the episodes of o to t.
func (t *tally) merge(o *tally) {
	t.episodes += o.episodes
	for k := range t.metrics {
		if s := t.samples[k]; s != nil {
			s.Merge(o.samples[k])
		} else {
			t.props[k].Merge(o.props[k])
		}
	}
}

// figures returns the estimate of every metric.
func (t *tally) figures() []Figure {
	vs := make([]Figure, len(t.metrics))
	for k := range t.metrics {
		vs[k].Metric = &t.metrics[k]
		if s := t.samples[k]; s != nil {
			sum := s.Summarize()
			dist := s.Histogram().Coarsen(DistributionBins)
			vs[k].Summary, vs[k].Distribution = &sum, &dist
		} else {
			est := t.props[k].Estimate()
			vs[k].Estimate = &est
		}
	}
	return vs
}
