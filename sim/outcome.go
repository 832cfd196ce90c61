package sim

import "fmt"

// Outcome is the class of an episode's state at the horizon.
type Outcome uint8

// The outcome classes, in the order reports list them.
const (
	Comprehensive Outcome = iota // a comprehensive deal is in force
	Interim                      // an interim deal is in force
	Collapsed                    // a deal was reached and broken (reneged on or voided), and none is in force
	Stalemate                    // still talking, no deal in force and none broken (an interim may have lapsed)
	Breakdown                    // a side walked away, no deal in force and none broken
	Escalation                   // in a conflict phase: a strike and no ceasefire since
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"comprehensive", "interim", "collapsed", "stalemate", "breakdown", "escalation"}

// String returns the outcome's name as reports and JSON write it.
func (o Outcome) String() string {
	if o < numOutcomes {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", o)
}

// Outcomes returns every outcome class in report order.
func Outcomes() []Outcome {
	return []Outcome{Comprehensive, Interim, Collapsed, Stalemate, Breakdown, Escalation}
}

// Episode is what one episode produced. Rounds count from 1; a round of 0
// means the event did not happen.
type Episode struct {
	Outcome                Outcome
	FirstAgreement         int        // round of the first deal of any kind
	ComprehensiveAgreement int        // round of the first comprehensive deal
	InterimAgreement       int        // round of the first interim deal
	Upgrade                int        // round an interim deal in force was first upgraded to a comprehensive one
	Feasible               bool       // some comprehensive package lay within both sides' red lines in round 1
	FirstCollapse          int        // round a deal in force was first reneged on or voided
	WalkedAway             int        // round a side walked away
	DealRounds             int        // rounds with a deal in force
	LongestDeal            int        // rounds the longest-lived deal stayed in force
	Agreements             int        // deals agreed, each interim and each comprehensive one (an upgrade counts again)
	Renewals               int        // interim deals renewed at expiry
	Mediated               int        // deals reached on a mediator's bridging package
	RatificationFailures   int        // comprehensive deals the ratifiers turned down
	Reneged                [2]bool    // whether each principal reneged on a deal
	Utility                [2]float64 // each principal's realized utility: the discounted average of its flow utility
	MeanFlow               [2]float64 // each principal's undiscounted mean flow utility over the horizon, the meta-game's payoff
	Terms                  []float64  // the deal in force at the horizon, per issue; meaningful for Comprehensive and Interim
	Efficiency             Efficiency // of the deal in force at the horizon, when measured
	Rounds                 int        // rounds played: the horizon, or the round of a strike with no ceasefire after it
	Strikes                int        // strikes, each opening a conflict phase
	FirstStrike            int        // round of the first strike
	Resumed                int        // round talks first resumed after a strike: a ceasefire, then the end of its pause
	DealAfterStrike        int        // round of the first deal agreed after talks resumed, 0 for none
}
