package sim

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/parley-sim/parley/sim/stats"
)

// Result is the outcome distribution of a run. Its JSON field names are
// stable; maps marshal with sorted keys, so the same run always gives the
// same bytes.
type Result struct {
	Scenario   string          `json:"scenario"`
	Seed       uint64          `json:"seed"`
	Episodes   int64           `json:"episodes"`
	Horizon    int             `json:"horizon"`
	Round      string          `json:"round"` // what one round stands for
	Strategies []ActorStrategy `json:"strategies"`

	// Partial says the run was interrupted: the figures rest on the
	// first Episodes episodes alone. Present only when true.
	Partial bool `json:"partial,omitempty"`

	// Outcomes holds the probability of each outcome class at the
	// horizon, keyed by Outcome.String.
	Outcomes map[string]stats.Estimate `json:"outcomes"`

	Timing Timing `json:"timing"`

	// Terms summarizes each issue's level in the deals in force at the
	// horizon, keyed by issue name; TermsByKind splits them between
	// comprehensive and interim deals.
	Terms       map[string]stats.Summary            `json:"terms"`
	TermsByKind map[string]map[string]stats.Summary `json:"terms_by_kind"`

	// Efficiency summarizes how efficient the deals in force at the
	// horizon are.
	Efficiency EfficiencySummary `json:"efficiency"`

	// Utilities summarizes each principal's realized utility, the
	// discounted average of its flow utility over the horizon.
	Utilities map[string]stats.Summary `json:"utilities"`

	// Reneged is the probability that each principal reneges on a deal
	// at least once in an episode.
	Reneged map[string]stats.Estimate `json:"reneged"`

	// RatificationFailure is the probability that ratifiers turn down at
	// least one comprehensive deal in an episode; Mediated the
	// probability, among episodes with a deal, that one was reached on a
	// mediator's bridging package.
	RatificationFailure stats.Estimate `json:"ratification_failure"`
	Mediated            stats.Estimate `json:"mediated"`

	Paths Paths `json:"paths"`

	// Conflict summarizes the strikes and the conflict phases they open.
	Conflict ConflictSummary `json:"conflict"`

	// Figures holds every metric's estimate in report order, the figures
	// the fields above hold, each under its Metric's key.
	Figures []Figure `json:"-"`
}

// A Figure is a metric's estimate: Estimate for a Probability, Summary
// for a Mean, with the distribution of a Mean's observations in at most
// DistributionBins bins (Distribution, nil for a Probability; a
// picture's, not part of the JSON).
type Figure struct {
	*Metric
	Estimate     *stats.Estimate
	Summary      *stats.Summary
	Distribution *stats.Binned
}

// DistributionBins is the most bins a Figure's Distribution has.
const DistributionBins = 40

// MarshalJSON writes the figure as its Estimate or its Summary.
func (v Figure) MarshalJSON() ([]byte, error) {
	if v.Estimate != nil {
		return json.Marshal(v.Estimate)
	}
	return json.Marshal(v.Summary)
}

// N returns the count the estimate rests on.
func (v Figure) N() int64 {
	if v.Estimate != nil {
		return v.Estimate.N
	}
	return v.Summary.N
}

// Point returns the estimate: the probability or the mean.
func (v Figure) Point() float64 {
	if v.Estimate != nil {
		return v.Estimate.P
	}
	return v.Summary.Mean
}

// CI95 returns the estimate's 95% interval.
func (v Figure) Interval() [2]float64 {
	if v.Estimate != nil {
		return v.Estimate.CI95
	}
	return v.Summary.CI95
}

// Paths says which roads the episodes took: whether a comprehensive deal
// was possible from the start, and whether interim deals led to one.
type Paths struct {
	// Feasible is the probability that some comprehensive package lay
	// within both sides' red lines in round 1; Deal that a deal of either
	// kind is agreed.
	Feasible stats.Estimate `json:"feasible"`
	Deal     stats.Estimate `json:"deal"`
	// Interim is the probability that an interim deal is agreed;
	// Upgrade that an interim deal in force is upgraded to a
	// comprehensive one (the stepping stone); UpgradeGivenInterim the
	// same among the episodes with an interim deal.
	Interim             stats.Estimate `json:"interim"`
	Upgrade             stats.Estimate `json:"upgrade"`
	UpgradeGivenInterim stats.Estimate `json:"upgrade_given_interim"`
}

// ConflictSummary summarizes strikes: how many an episode sees, how
// likely one is, when the first comes, and how often talks resume after
// one.
type ConflictSummary struct {
	Strikes     stats.Summary  `json:"strikes"`      // strikes per episode, over every episode
	Struck      stats.Estimate `json:"struck"`       // probability of at least one strike
	FirstStrike stats.Summary  `json:"first_strike"` // round of the first strike, over the episodes with one
	Resumed     stats.Estimate `json:"resumed"`      // of the episodes with a strike: talks resumed after one
}

// EfficiencySummary summarizes the Efficiency of deals in force at the
// horizon, over the episodes whose deal could be measured: those whose
// red lines left comprehensive packages in the round it was agreed, so
// nearly all comprehensive deals and few interim ones.
type EfficiencySummary struct {
	ParetoGap    stats.Summary `json:"pareto_gap"`
	NashDistance stats.Summary `json:"nash_distance"`
}

// Timing summarizes when deals are reached and how long they last, in
// rounds. Each summary covers the episodes in which the event happened;
// its n says how many.
type Timing struct {
	FirstAgreement         stats.Summary `json:"first_agreement"`
	ComprehensiveAgreement stats.Summary `json:"comprehensive_agreement"`
	DealRounds             stats.Summary `json:"deal_rounds"`  // rounds with a deal in force
	LongestDeal            stats.Summary `json:"longest_deal"` // rounds the longest-lived deal lasted
	Renewals               stats.Summary `json:"renewals"`     // interim renewals
}

// result turns a tally of the whole run into its Result: each metric's
// estimate goes to the field its key names.
func (p plan) result(t *tally) *Result {
	s := p.scn
	r := &Result{
		Scenario: s.Name, Seed: p.seed, Episodes: t.episodes, Horizon: p.horizon,
		Round: s.Round, Strategies: p.named(), Figures: t.figures(),
	}
	for _, v := range r.Figures {
		setField(reflect.ValueOf(r).Elem(), v.Key, v)
	}
	return r
}

// setField stores v in the field of r that the dotted key names, by the
// fields' JSON names; a map's element is its key's last part. A key that
// names no field is a mistake in Metrics, which a test catches.
func setField(r reflect.Value, key string, v Figure) {
	name, rest, nested := strings.Cut(key, ".")
	switch r.Kind() {
	case reflect.Struct:
		for i := range r.NumField() {
			if tag, _, _ := strings.Cut(r.Type().Field(i).Tag.Get("json"), ","); tag == name {
				if !nested {
					setValue(r.Field(i), v)
					return
				}
				setField(r.Field(i), rest, v)
				return
			}
		}
	case reflect.Map:
		if r.IsNil() {
			r.Set(reflect.MakeMap(r.Type()))
		}
		elem := reflect.New(r.Type().Elem()).Elem()
		if nested {
			if old := r.MapIndex(reflect.ValueOf(name)); old.IsValid() {
				elem.Set(old)
			}
			setField(elem, rest, v)
		} else {
			setValue(elem, v)
		}
		r.SetMapIndex(reflect.ValueOf(name), elem)
		return
	}
	panic("sim: metric " + v.Key + " names no field of Result")
}

// setValue stores v's estimate or summary in f.
func setValue(f reflect.Value, v Figure) {
	if v.Estimate != nil {
		f.Set(reflect.ValueOf(*v.Estimate))
	} else {
		f.Set(reflect.ValueOf(*v.Summary))
	}
}
