package sim

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// Comparison holds the paired differences between two arms played on the
// same episodes: the same seed, so the same uniform numbers for every
// parameter and event both arms share (common random numbers). Each
// difference is alternative − baseline.
type Comparison struct {
	Seed        uint64 `json:"seed"`
	Episodes    int64  `json:"episodes"`
	Baseline    Arm    `json:"baseline"`
	Alternative Arm    `json:"alternative"`

	// Partial says the comparison was interrupted: the figures rest on
	// the first Episodes pairs alone. Present only when true.
	Partial bool `json:"partial,omitempty"`

	// Outcomes compares the probability of each outcome class, keyed by
	// Outcome.String; Deal the probability that any deal is reached.
	Outcomes map[string]PairedProbability `json:"outcomes"`
	Deal     PairedProbability            `json:"deal_reached"`

	// Interim compares the probability that an interim deal is agreed;
	// Upgrade that an interim deal in force becomes a comprehensive one
	// (see Paths).
	Interim PairedProbability `json:"interim_reached"`
	Upgrade PairedProbability `json:"upgrade"`

	// Utilities compares each principal's realized utility, by name.
	Utilities map[string]PairedMean `json:"utilities"`
}

// Arm describes one arm of a Comparison.
type Arm struct {
	Scenario   string          `json:"scenario"`
	Horizon    int             `json:"horizon"`
	Round      string          `json:"round"` // what one round stands for
	Strategies []ActorStrategy `json:"strategies"`
}

// PairedProbability is a probability in each arm and their paired
// difference.
type PairedProbability struct {
	Baseline    stats.Estimate   `json:"baseline"`
	Alternative stats.Estimate   `json:"alternative"`
	Difference  stats.Difference `json:"difference"`
}

// PairedMean is a mean in each arm and their paired difference.
type PairedMean struct {
	Baseline    float64          `json:"baseline"`
	Alternative float64          `json:"alternative"`
	Difference  stats.Difference `json:"difference"`
}

// Compare plays the episodes of baseline and alternative in pairs,
// episode i of each drawn from (seed, i), and returns the paired
// differences of their outcomes and utilities. Both arms use the
// baseline's seed, episode count and workers; each keeps its own
// scenario, horizon and strategies. The scenarios must have principals of
// the same names. When ctx is done first, Compare returns ctx's error
// and, if any block of pairs was finished, the Comparison so far, marked
// Partial.
func Compare(ctx context.Context, baseline, alternative *model.Scenario, baseCfg, altCfg Config) (*Comparison, error) {
	altCfg.Seed, altCfg.Episodes, altCfg.Workers = baseCfg.Seed, baseCfg.Episodes, baseCfg.Workers
	pb, err := resolve(baseline, baseCfg)
	if err != nil {
		return nil, err
	}
	pa, err := resolve(alternative, altCfg)
	if err != nil {
		return nil, err
	}
	bn, an := pb.named(), pa.named()
	for i := range bn {
		if bn[i].Actor != an[i].Actor {
			return nil, fmt.Errorf("%s and %s have different principals (%s, %s versus %s, %s); want the same",
				baseline.Name, alternative.Name, bn[0].Actor, bn[1].Actor, an[0].Actor, an[1].Actor)
		}
	}
	worker := func() func(int, *pairedTally) {
		wb, wa := newPlayer(pb), newPlayer(pa)
		return func(i int, t *pairedTally) { t.add(wb.play(i), wa.play(i)) }
	}
	t, err := playBlocks(ctx, pb.episodes, pb.workers, func() *pairedTally { return new(pairedTally) }, worker)
	if err != nil && t.deal.A().N == 0 {
		return nil, err
	}
	c := &Comparison{
		Seed: pb.seed, Episodes: t.deal.A().N, Partial: err != nil,
		Baseline:    Arm{Scenario: baseline.Name, Horizon: pb.horizon, Round: baseline.Round, Strategies: bn},
		Alternative: Arm{Scenario: alternative.Name, Horizon: pa.horizon, Round: alternative.Round, Strategies: an},
		Outcomes:    make(map[string]PairedProbability),
		Deal:        paired(t.deal),
		Interim:     paired(t.interim),
		Upgrade:     paired(t.upgrade),
		Utilities:   make(map[string]PairedMean),
	}
	for _, o := range Outcomes() {
		c.Outcomes[o.String()] = paired(t.outcomes[o])
	}
	for i, st := range bn {
		c.Utilities[st.Actor] = PairedMean{
			Baseline: t.base[i].Mean(), Alternative: t.alt[i].Mean(), Difference: t.utility[i].Summary()}
	}
	return c, err
}

// paired turns paired counts into a PairedProbability; the counts hold
// the alternative as a and the baseline as b.
func paired(p stats.PairedProportion) PairedProbability {
	return PairedProbability{Baseline: p.B().Estimate(), Alternative: p.A().Estimate(), Difference: p.Summary()}
}

// A pairedTally accumulates pairs of episodes.
type pairedTally struct {
	outcomes  [numOutcomes]stats.PairedProportion
	deal      stats.PairedProportion
	interim   stats.PairedProportion
	upgrade   stats.PairedProportion
	utility   [2]stats.Paired
	base, alt [2]stats.Moments
}

func (t *pairedTally) reset() { *t = pairedTally{} }

func (t *pairedTally) add(base, alt *Episode) {
	for o := range t.outcomes {
		t.outcomes[o].Add(alt.Outcome == Outcome(o), base.Outcome == Outcome(o))
	}
	t.deal.Add(alt.FirstAgreement > 0, base.FirstAgreement > 0)
	t.interim.Add(alt.InterimAgreement > 0, base.InterimAgreement > 0)
	t.upgrade.Add(alt.Upgrade > 0, base.Upgrade > 0)
	for i := range 2 {
		t.utility[i].Add(alt.Utility[i], base.Utility[i])
		t.base[i].Add(base.Utility[i])
		t.alt[i].Add(alt.Utility[i])
	}
}

func (t *pairedTally) merge(o *pairedTally) {
	for k := range t.outcomes {
		t.outcomes[k].Merge(o.outcomes[k])
	}
	t.deal.Merge(o.deal)
	t.interim.Merge(o.interim)
	t.upgrade.Merge(o.upgrade)
	for i := range 2 {
		t.utility[i].Merge(o.utility[i])
		t.base[i].Merge(o.base[i])
		t.alt[i].Merge(o.alt[i])
	}
}
