package sim

import (
	"math"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// quantileBins is the number of histogram bins over a continuous
// metric's range: quantiles are exact to 1/quantileBins of the range.
const quantileBins = 2000

// A tally accumulates episodes in memory that does not grow with their
// number. Tallies of consecutive blocks merge in block order, so a run's
// figures do not depend on how blocks were spread over workers.
type tally struct {
	episodes      int64
	outcomes      [numOutcomes]int64
	first         *stats.Sample // round of first agreement, episodes with one
	comprehensive *stats.Sample // round of first comprehensive agreement
	dealRounds    *stats.Sample // rounds with a deal in force, episodes with a deal
	longest       *stats.Sample // longest run of one deal, episodes with a deal
	renewals      *stats.Sample // interim renewals, episodes with a deal
	terms         [numKinds][]*stats.Sample
	paretoGap     *stats.Sample // of the deal in force at the horizon, when measured
	nashDistance  *stats.Sample
	utility       [2]*stats.Sample
	reneged       [2]int64
	ratification  int64         // episodes with a ratification failure
	mediated      int64         // episodes with a deal reached on a bridging package
	agreed        int64         // episodes with at least one deal
	feasible      int64         // episodes whose red lines left a comprehensive package in round 1
	interim       int64         // episodes with an interim deal
	upgrade       int64         // episodes with an interim deal upgraded to a comprehensive one
	strikes       *stats.Sample // strikes per episode, every episode
	firstStrike   *stats.Sample // round of the first strike, episodes with one
	struck        int64         // episodes with at least one strike
	resumed       int64         // episodes in which talks resumed after a strike

	all []*stats.Sample // every Sample above, in a fixed order, for reset and merge
}

// Kinds of deal in force that terms are tallied for.
const (
	anyKind = iota
	comprehensiveKind
	interimKind
	numKinds
)

// newTally returns an empty tally for scenario s with the given horizon.
func newTally(s *model.Scenario, horizon int) *tally {
	t := &tally{
		first:         stats.NewSample(stats.NewCounts(horizon)),
		comprehensive: stats.NewSample(stats.NewCounts(horizon)),
		dealRounds:    stats.NewSample(stats.NewCounts(horizon)),
		longest:       stats.NewSample(stats.NewCounts(horizon)),
		renewals:      stats.NewSample(stats.NewCounts(horizon)),
		strikes:       stats.NewSample(stats.NewCounts(horizon)),
		firstStrike:   stats.NewSample(stats.NewCounts(horizon)),
	}
	for k := range t.terms {
		t.terms[k] = make([]*stats.Sample, len(s.Issues))
		for j, is := range s.Issues {
			t.terms[k][j] = stats.NewSample(stats.NewHistogram(is.Min, is.Max, quantileBins))
		}
	}
	t.paretoGap = stats.NewSample(stats.NewHistogram(0, maxEfficiencyGap, quantileBins))
	t.nashDistance = stats.NewSample(stats.NewHistogram(0, maxEfficiencyGap, quantileBins))
	for i, a := range s.Principals() {
		lo := utilityFloor(s, a)
		t.utility[i] = stats.NewSample(stats.NewHistogram(lo, 1, quantileBins))
	}
	t.all = []*stats.Sample{t.first, t.comprehensive, t.dealRounds, t.longest, t.renewals, t.utility[0], t.utility[1]}
	for _, k := range t.terms {
		t.all = append(t.all, k...)
	}
	t.all = append(t.all, t.paretoGap, t.nashDistance, t.strikes, t.firstStrike)
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
	t.episodes, t.outcomes, t.reneged = 0, [numOutcomes]int64{}, [2]int64{}
	t.ratification, t.mediated, t.agreed = 0, 0, 0
	t.feasible, t.interim, t.upgrade = 0, 0, 0
	t.struck, t.resumed = 0, 0
	for _, s := range t.all {
		s.Reset()
	}
}

// add counts one episode.
func (t *tally) add(e *Episode) {
	t.episodes++
	t.outcomes[e.Outcome]++
	if e.FirstAgreement > 0 {
		t.agreed++
		t.first.Add(float64(e.FirstAgreement))
		t.dealRounds.Add(float64(e.DealRounds))
		t.longest.Add(float64(e.LongestDeal))
		t.renewals.Add(float64(e.Renewals))
		if e.Mediated > 0 {
			t.mediated++
		}
	}
	if e.ComprehensiveAgreement > 0 {
		t.comprehensive.Add(float64(e.ComprehensiveAgreement))
	}
	if e.Outcome == Comprehensive || e.Outcome == Interim {
		kind := comprehensiveKind
		if e.Outcome == Interim {
			kind = interimKind
		}
		for j, x := range e.Terms {
			t.terms[anyKind][j].Add(x)
			t.terms[kind][j].Add(x)
		}
		if ef := e.Efficiency; ef.Measured {
			t.paretoGap.Add(ef.ParetoGap)
			t.nashDistance.Add(ef.NashDistance)
		}
	}
	for i := range 2 {
		t.utility[i].Add(e.Utility[i])
		if e.Reneged[i] {
			t.reneged[i]++
		}
	}
	if e.RatificationFailures > 0 {
		t.ratification++
	}
	if e.Feasible {
		t.feasible++
	}
	if e.InterimAgreement > 0 {
		t.interim++
	}
	if e.Upgrade > 0 {
		t.upgrade++
	}
	t.strikes.Add(float64(e.Strikes))
	if e.Strikes > 0 {
		t.struck++
		t.firstStrike.Add(float64(e.FirstStrike))
		if e.Resumed > 0 {
			t.resumed++
		}
	}
}

// merge adds the episodes of o to t.
func (t *tally) merge(o *tally) {
	t.episodes += o.episodes
	for k := range t.outcomes {
		t.outcomes[k] += o.outcomes[k]
	}
	for i := range 2 {
		t.reneged[i] += o.reneged[i]
	}
	t.ratification += o.ratification
	t.mediated += o.mediated
	t.agreed += o.agreed
	t.feasible += o.feasible
	t.interim += o.interim
	t.upgrade += o.upgrade
	t.struck += o.struck
	t.resumed += o.resumed
	for j, s := range t.all {
		s.Merge(o.all[j])
	}
}
