package sim

import "github.com/parley-sim/parley/sim/stats"

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
}

// Paths says which roads the episodes took: whether a comprehensive deal
// was possible from the start, and whether interim deals led to one.
type Paths struct {
	// Feasible is the probability that some comprehensive package lay
	// within both sides' red lines in round 1.
	Feasible stats.Estimate `json:"feasible"`
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

// result turns a tally of the whole run into its Result.
func (p plan) result(t *tally) *Result {
	s := p.scn
	r := &Result{
		Scenario: s.Name, Seed: p.seed, Episodes: t.episodes, Horizon: p.horizon,
		Round: s.Round, Strategies: p.named(),
		Outcomes: make(map[string]stats.Estimate),
		Timing: Timing{
			FirstAgreement:         t.first.Summarize(),
			ComprehensiveAgreement: t.comprehensive.Summarize(),
			DealRounds:             t.dealRounds.Summarize(),
			LongestDeal:            t.longest.Summarize(),
			Renewals:               t.renewals.Summarize(),
		},
		Terms:               make(map[string]stats.Summary),
		TermsByKind:         map[string]map[string]stats.Summary{"comprehensive": {}, "interim": {}},
		Utilities:           make(map[string]stats.Summary),
		Reneged:             make(map[string]stats.Estimate),
		RatificationFailure: stats.Proportion{N: t.episodes, K: t.ratification}.Estimate(),
		Mediated:            stats.Proportion{N: t.agreed, K: t.mediated}.Estimate(),
		Paths: Paths{
			Feasible:            stats.Proportion{N: t.episodes, K: t.feasible}.Estimate(),
			Interim:             stats.Proportion{N: t.episodes, K: t.interim}.Estimate(),
			Upgrade:             stats.Proportion{N: t.episodes, K: t.upgrade}.Estimate(),
			UpgradeGivenInterim: stats.Proportion{N: t.interim, K: t.upgrade}.Estimate(),
		},
		Conflict: ConflictSummary{
			Strikes:     t.strikes.Summarize(),
			Struck:      stats.Proportion{N: t.episodes, K: t.struck}.Estimate(),
			FirstStrike: t.firstStrike.Summarize(),
			Resumed:     stats.Proportion{N: t.struck, K: t.resumed}.Estimate(),
		},
	}
	for _, o := range Outcomes() {
		r.Outcomes[o.String()] = stats.Proportion{N: t.episodes, K: t.outcomes[o]}.Estimate()
	}
	for j, is := range s.Issues {
		r.Terms[is.Name] = t.terms[anyKind][j].Summarize()
		r.TermsByKind["comprehensive"][is.Name] = t.terms[comprehensiveKind][j].Summarize()
		r.TermsByKind["interim"][is.Name] = t.terms[interimKind][j].Summarize()
	}
	r.Efficiency = EfficiencySummary{ParetoGap: t.paretoGap.Summarize(), NashDistance: t.nashDistance.Summarize()}
	for i, a := range s.Principals() {
		name := s.Actors[a].Name
		r.Utilities[name] = t.utility[i].Summarize()
		r.Reneged[name] = stats.Proportion{N: t.episodes, K: t.reneged[i]}.Estimate()
	}
	return r
}
