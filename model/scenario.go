package model

// Scenario is a negotiation as a scenario file describes it: who bargains
// over what, what each side wants and can fall back on, what can happen
// and how the talks proceed. Its numeric fields are Params; Sample turns
// them into a concrete World.
type Scenario struct {
	Name        string
	Summary     string // one line; the description's first sentence unless given
	Description string
	File        string // the file the scenario was loaded from
	Start       string // calendar month of round 1, YYYY-MM; may be empty
	Round       string // what one round stands for, e.g. "month"
	Horizon     int    // rounds per episode

	Issues   []Issue
	Actors   []Actor // principals, mediator and ratifiers in file order
	Deals    Deals
	Shocks   []Shock
	Protocol Protocol
}

// IssueRole tells the engine what an issue stands for beyond its value.
type IssueRole uint8

// The roles an issue may play.
const (
	NoRole       IssueRole = iota
	Verification           // sets how fast reneging is detected
	Guarantees             // sets how strongly a deal is protected against withdrawal
	Linkage                // pulled in by regional shocks
)

var issueRoleNames = [...]string{"none", "verification", "guarantees", "linkage"}

// String returns the role's name as written in scenario files.
func (r IssueRole) String() string { return issueRoleNames[r] }

// Issue is one negotiable dimension with its unit and range of levels.
type Issue struct {
	Name        string
	Description string
	Unit        string
	Min, Max    float64
	StatusQuo   float64 // the level in force when no deal is
	Role        IssueRole
}

// Normalize maps a level of the issue onto [0, 1].
func (is Issue) Normalize(x float64) float64 { return (x - is.Min) / (is.Max - is.Min) }

// Role is the part an actor plays in the negotiation.
type Role uint8

// The roles an actor may play.
const (
	Principal Role = iota // one of the two negotiating sides
	Mediator              // proposes bridging packages and narrows belief noise
	Ratifier              // must approve its principal's comprehensive deals
)

var roleNames = [...]string{"principal", "mediator", "ratifier"}

// String returns the role's name as written in scenario files.
func (r Role) String() string { return roleNames[r] }

// Actor is a principal, mediator or ratifier. Fields that do not belong to
// the actor's Role are zero.
type Actor struct {
	Name       string
	Label      string
	Role       Role
	Objectives []string

	// Principal.
	Discount    Param
	Reservation Reservation
	Utility     Utility
	RedLines    []RedLine
	// RedLineYield is the value of no deal below which the principal's
	// red lines stop binding (soft red lines, Fearon 1995: a costly
	// enough conflict makes any package better); nil for hard red lines.
	RedLineYield *Param
	// Distrust is how much likelier than it is the principal expects the
	// other side to renege, at the start: it perceives the other's hazard
	// × (1 + distrust), a doubt that verified rounds of compliance wear
	// down and a detected reneging renews (Powell 2006; Kydd 2005).
	Distrust    Param
	BeliefNoise Param
	Concession  Concession
	Reneging    Reneging
	HoldOut     Param
	Strategies  []Strategy
	Strategy    Strategy // the default, one of Strategies

	// Mediator.
	Credibility      Param
	NoiseReduction   Param
	BridgingBase     Param
	BridgingSlope    Param
	MediatedReneging Param

	// Ratifier.
	Ratifies   string // the principal whose deals it approves
	Bar        Param
	OwnUtility bool // whether Utility is the ratifier's own rather than its principal's
}

// Reservation is a principal's utility of no deal and how it drifts.
type Reservation struct {
	Value Param // at round 1
	Drift Param // per round
}

// Utility is an additive multi-attribute utility, u(x) = Σ w_k·v_k(x_k) −
// Σ λ_k·norm(x_k), with one entry per issue in scenario order.
type Utility struct {
	Weights       []Param
	Values        []ValueFunction
	AudienceCosts []Param // zero Params where there is none
}

// Shape is the form of a value function.
type Shape uint8

// The shapes a value function may take.
const (
	Linear       Shape = iota // rises linearly toward the ideal end of the range
	SinglePeaked              // 1 at the ideal, falling linearly to 0 at Low and High
)

var shapeNames = [...]string{"linear", "single-peaked"}

// String returns the shape's name as written in scenario files.
func (s Shape) String() string { return shapeNames[s] }

// ValueFunction maps an issue's level to [0, 1] for one actor.
type ValueFunction struct {
	Shape     Shape
	Ideal     Param
	Low, High Param // SinglePeaked only
	set       bool  // whether the file gave one
}

// RedLine is the least favourable level of an issue a principal accepts.
type RedLine struct {
	Issue int // index into Scenario.Issues
	Level Param
}

// Concession holds the exponents of the time-dependent concession tactics.
type Concession struct {
	Boulware Param // β in (0, 1]
	Conceder Param // β in [1, 20]
}

// Reneging sets how likely a principal is to break a deal in force.
type Reneging struct {
	Hazard              Param // per round
	GuaranteeProtection Param // hazard × (1 − protection·guarantees)
	Temptation          Param // added hazard per unit of value that defecting gains over staying
}

// Deals describes the kinds of deal on offer.
type Deals struct {
	Ratification bool // whether comprehensive deals go to the ratifiers
	Interim      *Interim
}

// Interim describes the interim deals on offer.
type Interim struct {
	Issues []int   // indices of the issues an interim deal settles
	Scope  Param   // the default scope of a settled issue
	Scopes []Param // per settled issue, parallel to Issues: how far from the status quo it may move, as a fraction of the way to either end of its range

	Term      Param
	Renewal   Param
	Guarantee Param
	Leverage  Param
	Lever     int   // the principal holding the interim's lever (actor index), or -1: Leverage then applies to both sides
	Snapback  Param // how far beyond the status quo, as a fraction of the range, the lever holder's reneging takes the issues it had conceded
}

// Shock is an exogenous event that strikes with a per-round hazard or at a
// scheduled round.
type Shock struct {
	Name        string
	Description string
	Hazard      Param  // used when At is 0
	At          int    // scheduled round, 0 for none
	State       *State // nil: the shifts accumulate, one per strike
	Effects     Effects
}

// State makes a shock a bounded political state: a level in [0, 1] that
// each strike raises by Rise (to at most 1) and that loses the fraction
// Decay of itself every round, falling back toward 0. The shock's
// reservation, red-line and ratification-bar shifts are then the shifts
// at level 1, scaled by the level, instead of adding up strike by strike.
type State struct {
	Rise  Param
	Decay Param
}

// Effects is what a shock does when it strikes. Mappings are keyed by
// actor and issue index; a nil field has no effect.
type Effects struct {
	Reservation     []ActorShift // principal reservation shifts
	RedLines        []RedLineShift
	RatificationBar []ActorShift // ratifier bar shifts
	Escalation      *Param       // multiplier on the escalation hazard
	Reneging        []ActorShift // one-off reneging probability
	Pause           *Param       // rounds without proposals
	VoidInterim     *Param       // probability an interim deal in force is voided
	Duration        *Param       // rounds the escalation multiplier lasts
	Latency         *Param       // shift of the nuclear latency state
}

// ActorShift is a shock's effect on one actor.
type ActorShift struct {
	Actor int // index into Scenario.Actors
	By    Param
}

// RedLineShift moves a principal's red line on one issue.
type RedLineShift struct {
	Actor, Issue int
	By           Param
}

// Information says what each side knows of the other's reservation value.
type Information uint8

// The information structures.
const (
	Private Information = iota // each side sees the other's reservation value through noise
	Perfect                    // each side knows it exactly
)

var informationNames = [...]string{"private", "perfect"}

// String returns the information structure's name as written in scenario files.
func (i Information) String() string { return informationNames[i] }

// Protocol holds the rules of play.
type Protocol struct {
	FirstProposer int // index into Scenario.Actors
	Information   Information

	EscalationHazard   Param
	Deadline           int // round after which the hazard is multiplied; 0 for none
	DeadlineMultiplier Param
	DeadlineDecay      Param        // fraction of the deadline multiplier's excess lost per round after the deadline
	EscalationCost     []ActorShift // one per principal
	Progress           Param        // share of the hazard that offers meeting each other remove
	Latency            Latency
	Ceasefire          Param   // per-round probability that a conflict phase ends; 0: escalation is absorbing
	Resumption         Effects // shifts of reservation values and red lines, and a pause, when talks resume

	WalkAwayPatience int // consecutive hopeless rounds before a side walks away

	// RedLineCorrelation is the correlation in [0, 1] of the two
	// principals' red-line draws on each issue: both read the same facts
	// (a Gaussian copula with one common factor per issue).
	RedLineCorrelation float64

	DetectionBase         Param
	DetectionVerification Param
}

// Latency is the nuclear latency state ℓ in [0, 1] (1 = breakout
// capability) and how it moves the strike hazard, by the factor
// exp(Weight·(ℓ − Start)).
type Latency struct {
	Start    Param // ℓ at round 1
	Weight   Param // log-hazard per unit of latency
	Rollback Param // fall of ℓ per round of a deal in force
	Setback  Param // fall of ℓ per strike
}

// Principals returns the indices of the two principals in Actors; a
// loaded Scenario always has exactly two.
func (s *Scenario) Principals() [2]int {
	idx := actorsWithRole(s, Principal)
	return [2]int{idx[0], idx[1]}
}

// Actor returns the index of the named actor, or -1.
func (s *Scenario) Actor(name string) int {
	for i, a := range s.Actors {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// Issue returns the index of the named issue, or -1.
func (s *Scenario) Issue(name string) int {
	for i, is := range s.Issues {
		if is.Name == name {
			return i
		}
	}
	return -1
}
