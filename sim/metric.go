package sim

import (
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// MetricKind says how a metric is estimated.
type MetricKind uint8

const (
	// Probability is the share of the episodes in its denominator in
	// which an event happened, estimated with a Wilson interval.
	Probability MetricKind = iota
	// Mean is a number observed in the episodes in its denominator,
	// summarized by its mean, interval and percentiles.
	Mean
)

// String names the kind as machine outputs write it.
func (k MetricKind) String() string {
	if k == Probability {
		return "probability"
	}
	return "mean"
}

// MarshalText writes the kind as String does.
func (k MetricKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// A Metric is one figure a run estimates. Metrics are declared once, in
// Metrics; the tallies, Result's JSON fields, every table row and every
// CSV key come from that list.
type Metric struct {
	// Key is the metric's stable machine name and its dotted path in a
	// Result's JSON, e.g. outcomes.comprehensive or timing.first_agreement.
	Key string `json:"key"`
	// Group is the report section the metric belongs to; Label its row.
	Group string `json:"group"`
	Label string `json:"label"`
	// Meaning says what the metric is; Over what its denominator is:
	// "every episode" or the episodes in which it is observed.
	Meaning string     `json:"meaning"`
	Over    string     `json:"over"`
	Kind    MetricKind `json:"kind"`
	// Rounds says the metric is an integer: a number of rounds, or of
	// events when Count is set too.
	Rounds bool `json:"-"`
	Count  bool `json:"-"`
	// Table says the metric has a row in the run report's tables;
	// Optional that the row is left out when nothing was observed.
	Table    bool `json:"-"`
	Optional bool `json:"-"`

	observe func(e *Episode) (x float64, in bool)
	lo, hi  float64 // histogram range of a continuous Mean
	every   bool    // observed in every episode, so two arms pair on it
}

// Observe returns what the metric sees in episode e: whether e is in its
// denominator, and the value (0 or 1 for a Probability).
func (m *Metric) Observe(e *Episode) (x float64, in bool) { return m.observe(e) }

// Paired reports whether the metric is observed in every episode, so
// that two arms played on the same episodes give paired observations.
func (m *Metric) Paired() bool { return m.every }

// Denominators of the metrics, as Over writes them.
const (
	overEvery        = "every episode"
	overDeal         = "episodes with a deal"
	overDealInForce  = "episodes ending with a deal in force"
	overComprehesive = "episodes with a comprehensive deal"
	overInterim      = "episodes with an interim deal"
	overMeasured     = "episodes ending with a deal whose efficiency could be measured"
	overStrike       = "episodes with a strike"
)

// Metrics returns every metric a run of s estimates, in report order.
func Metrics(s *model.Scenario, horizon int) []Metric {
	var ms []Metric
	add := func(m Metric) { ms = append(ms, m) }
	prob := func(key, group, label, meaning, over string, f func(e *Episode) (bool, bool)) {
		add(Metric{Key: key, Group: group, Label: label, Meaning: meaning, Over: over, Kind: Probability, Table: true,
			every: over == overEvery, observe: func(e *Episode) (float64, bool) {
				hit, in := f(e)
				if hit {
					return 1, in
				}
				return 0, in
			}})
	}
	rounds := func(key, group, label, meaning, over string, f func(e *Episode) (int, bool)) {
		add(Metric{Key: key, Group: group, Label: label, Meaning: meaning, Over: over, Kind: Mean, Rounds: true, Table: true,
			every: over == overEvery, hi: float64(horizon), observe: func(e *Episode) (float64, bool) {
				x, in := f(e)
				return float64(x), in
			}})
	}

	for _, o := range Outcomes() {
		prob("outcomes."+o.String(), "Outcomes at the horizon", o.String(), outcomeMeanings[o], overEvery,
			func(e *Episode) (bool, bool) { return e.Outcome == o, true })
	}
	const timing = "Timing"
	dealt := func(e *Episode) bool { return e.FirstAgreement > 0 }
	rounds("timing.first_agreement", timing, "first deal", "round of the first deal of any kind", overDeal,
		func(e *Episode) (int, bool) { return e.FirstAgreement, dealt(e) })
	rounds("timing.comprehensive_agreement", timing, "comprehensive deal", "round of the first comprehensive deal", overComprehesive,
		func(e *Episode) (int, bool) { return e.ComprehensiveAgreement, e.ComprehensiveAgreement > 0 })
	rounds("timing.deal_rounds", timing, "deal in force", "rounds with a deal in force", overDeal,
		func(e *Episode) (int, bool) { return e.DealRounds, dealt(e) })
	rounds("timing.longest_deal", timing, "longest deal", "rounds the longest-lived deal lasted", overDeal,
		func(e *Episode) (int, bool) { return e.LongestDeal, dealt(e) })
	rounds("timing.renewals", timing, "renewals", "interim deals renewed at expiry", overDeal,
		func(e *Episode) (int, bool) { return e.Renewals, dealt(e) })
	ms[len(ms)-1].Count = true

	inForce := func(e *Episode) bool { return e.Outcome == Comprehensive || e.Outcome == Interim }
	for j, is := range s.Issues {
		label := is.Name
		if is.Unit != "" {
			label += " (" + is.Unit + ")"
		}
		term := func(key, kind, meaning, over string, table bool, in func(e *Episode) bool) {
			add(Metric{Key: key, Group: "Terms in force at the horizon", Label: label + kind, Meaning: meaning, Over: over,
				Kind: Mean, Table: table, Optional: true, lo: is.Min, hi: is.Max,
				observe: func(e *Episode) (float64, bool) {
					if !in(e) {
						return 0, false
					}
					return e.Terms[j], true
				}})
		}
		term("terms."+is.Name, "", "deals of either kind", overDealInForce, false, inForce)
		term("terms_by_kind.comprehensive."+is.Name, ", comprehensive", "comprehensive deals", "episodes ending with a comprehensive deal in force", true,
			func(e *Episode) bool { return e.Outcome == Comprehensive })
		term("terms_by_kind.interim."+is.Name, ", interim", "interim deals", "episodes ending with an interim deal in force", true,
			func(e *Episode) bool { return e.Outcome == Interim })
	}
	measured := func(e *Episode) bool { return inForce(e) && e.Efficiency.Measured }
	add(Metric{Key: "efficiency.pareto_gap", Group: "Efficiency of the deal in force", Label: "Pareto gap",
		Meaning: "joint gain left on the table: what a comprehensive package could add for both sides", Over: overMeasured,
		Kind: Mean, Table: true, Optional: true, hi: maxEfficiencyGap,
		observe: func(e *Episode) (float64, bool) { return e.Efficiency.ParetoGap, measured(e) }})
	add(Metric{Key: "efficiency.nash_distance", Group: "Efficiency of the deal in force", Label: "distance to Nash",
		Meaning: "utility distance from the Nash bargaining point", Over: overMeasured,
		Kind: Mean, Table: true, Optional: true, hi: maxEfficiencyGap,
		observe: func(e *Episode) (float64, bool) { return e.Efficiency.NashDistance, measured(e) }})

	for i, a := range s.Principals() {
		name := s.Actors[a].Name
		add(Metric{Key: "utilities." + name, Group: "Realized utility", Label: name, Meaning: "utility", Over: overEvery,
			Kind: Mean, Table: true, every: true, lo: utilityFloor(s, a), hi: 1,
			observe: func(e *Episode) (float64, bool) { return e.Utility[i], true }})
	}
	const events = "Reneging, ratification, mediation"
	for i, a := range s.Principals() {
		name := s.Actors[a].Name
		prob("reneged."+name, events, name+" reneged", "reneged on a deal at least once", overEvery,
			func(e *Episode) (bool, bool) { return e.Reneged[i], true })
	}
	prob("ratification_failure", events, "ratification failed", "ratifiers turned down a comprehensive deal", overEvery,
		func(e *Episode) (bool, bool) { return e.RatificationFailures > 0, true })
	prob("mediated", events, "mediated", "of episodes with a deal: one came from a bridging package", overDeal,
		func(e *Episode) (bool, bool) { return e.Mediated > 0, dealt(e) })

	const paths = "Paths"
	prob("paths.feasible", paths, "feasible", "a comprehensive package lay within both sides' red lines in round 1", overEvery,
		func(e *Episode) (bool, bool) { return e.Feasible, true })
	prob("paths.deal", paths, "deal", "a deal of either kind was agreed", overEvery,
		func(e *Episode) (bool, bool) { return dealt(e), true })
	prob("paths.interim", paths, "interim", "an interim deal was agreed", overEvery,
		func(e *Episode) (bool, bool) { return e.InterimAgreement > 0, true })
	prob("paths.upgrade", paths, "upgrade", "an interim deal in force became a comprehensive one", overEvery,
		func(e *Episode) (bool, bool) { return e.Upgrade > 0, true })
	prob("paths.upgrade_given_interim", paths, "upgrade | interim", "of episodes with an interim deal: it became a comprehensive one", overInterim,
		func(e *Episode) (bool, bool) { return e.Upgrade > 0, e.InterimAgreement > 0 })

	struck := func(e *Episode) bool { return e.Strikes > 0 }
	prob("conflict.struck", "Strikes", "struck", "at least one strike", overEvery,
		func(e *Episode) (bool, bool) { return struck(e), true })
	prob("conflict.resumed", "Strikes", "talks resumed", "of episodes with a strike: a ceasefire came and talks resumed", overStrike,
		func(e *Episode) (bool, bool) { return e.Resumed > 0, struck(e) })
	rounds("conflict.strikes", "Strikes", "strikes", "strikes per episode", overEvery,
		func(e *Episode) (int, bool) { return e.Strikes, true })
	ms[len(ms)-1].Count = true
	rounds("conflict.first_strike", "Strikes", "first strike", "round of the first strike", overStrike,
		func(e *Episode) (int, bool) { return e.FirstStrike, struck(e) })
	return ms
}

// outcomeMeanings says what each outcome class means.
var outcomeMeanings = [numOutcomes]string{
	Comprehensive: "a comprehensive deal is in force",
	Interim:       "an interim deal is in force",
	Collapsed:     "a deal was reached and broken; none in force",
	Stalemate:     "still talking, no deal in force (an interim may have lapsed)",
	Breakdown:     "a side walked away, no deal in force",
	Escalation:    "in a conflict phase: a strike and no ceasefire since",
}

// newSample returns an empty Sample for metric m, a Mean, over its
// range; nil for a Probability, which a Proportion counts.
func (m *Metric) newSample() *stats.Sample {
	if m.Kind == Probability {
		return nil
	}
	if m.Rounds {
		return stats.NewSample(stats.NewCounts(int(m.hi)))
	}
	return stats.NewSample(stats.NewHistogram(m.lo, m.hi, quantileBins))
}
