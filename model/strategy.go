package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
)

// Policy is a deal-structure policy: which kinds of deal a side pursues.
type Policy uint8

// The deal-structure policies.
const (
	ComprehensiveOnly Policy = iota // settle everything at once or nothing
	InterimFirst                    // take an interim deal, then push to upgrade it
	StepByStep                      // phased reciprocal steps, each conditional on the other's verified step
	HoldOut                         // strategic patience: no concession before a date
)

// Tactic is a concession tactic: how a side's aspiration moves over time.
type Tactic uint8

// The concession tactics.
const (
	Boulware       Tactic = iota // concede late (Faratin et al. 1998, β < 1)
	LinearTactic                 // concede at a constant rate (β = 1)
	Conceder                     // concede early (β > 1)
	TitForTat                    // mirror the other side's last concession (Axelrod 1984)
	FixedTactic                  // never concede
	SubgamePerfect               // offers and thresholds by backward induction (Rubinstein 1982)
)

var (
	policyNames = [...]string{"comprehensive-only", "interim-first", "step-by-step", "hold-out"}
	tacticNames = [...]string{"boulware", "linear", "conceder", "tit-for-tat", "fixed", "subgame-perfect"}
)

// String returns the policy's name as written in scenario files.
func (p Policy) String() string { return policyNames[p] }

// String returns the tactic's name as written in scenario files.
func (t Tactic) String() string { return tacticNames[t] }

// PolicyNames returns the names of all policies, in declaration order.
func PolicyNames() []string { return policyNames[:] }

// TacticNames returns the names of all tactics, in declaration order.
func TacticNames() []string { return tacticNames[:] }

// Strategy is an actor's strategy: a deal-structure policy and a concession
// tactic, written policy/tactic.
type Strategy struct {
	Policy Policy
	Tactic Tactic
}

// String returns the strategy as policy/tactic.
func (s Strategy) String() string { return s.Policy.String() + "/" + s.Tactic.String() }

// ParseStrategy parses policy/tactic, e.g. "interim-first/boulware".
func ParseStrategy(s string) (Strategy, error) {
	policy, tactic, ok := strings.Cut(s, "/")
	if !ok {
		return Strategy{}, fmt.Errorf("%q is not policy/tactic; policies: %s; tactics: %s",
			s, strings.Join(PolicyNames(), ", "), strings.Join(TacticNames(), ", "))
	}
	p := slices.Index(policyNames[:], policy)
	if p < 0 {
		return Strategy{}, fmt.Errorf("unknown policy %q; want one of %s%s", policy, strings.Join(PolicyNames(), ", "), suggest.Hint(policy, PolicyNames()))
	}
	t := slices.Index(tacticNames[:], tactic)
	if t < 0 {
		return Strategy{}, fmt.Errorf("unknown tactic %q; want one of %s%s", tactic, strings.Join(TacticNames(), ", "), suggest.Hint(tactic, TacticNames()))
	}
	return Strategy{Policy(p), Tactic(t)}, nil
}
