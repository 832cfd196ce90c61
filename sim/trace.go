package sim

import (
	"github.com/parley-sim/parley/model"
)

// An EpisodeTrace is the record of one episode, round by round: the world
// it was played in, what happened and how it ended. Trace builds it; its
// JSON field names are stable.
type EpisodeTrace struct {
	Scenario   string          `json:"scenario"`
	Seed       uint64          `json:"seed"`
	Episode    int             `json:"episode"` // the episode's index in a run, from 0
	Horizon    int             `json:"horizon"`
	Round      string          `json:"round"` // what one round stands for
	Strategies []ActorStrategy `json:"strategies"`
	World      TraceWorld      `json:"world"`
	Events     []Event         `json:"events"`
	Result     TraceResult     `json:"result"`

	// Played is the Episode exactly as Run counts it.
	Played Episode `json:"-"`
}

// TraceWorld is the sampled world of a traced episode: its key parameters
// as they stand in round 1.
type TraceWorld struct {
	Principals       []TracePrincipal `json:"principals"`
	Mediator         *TraceMediator   `json:"mediator,omitempty"`
	EscalationHazard float64          `json:"escalation_hazard"` // strike hazard per round, before shocks and the state of play
	Ceasefire        float64          `json:"ceasefire"`         // probability per round that a conflict phase ends; 0: escalation is absorbing
	Latency          float64          `json:"latency"`           // nuclear latency in round 1, 0 … 1 (breakout capability)
	Interim          *TraceInterim    `json:"interim,omitempty"`
	Shocks           []TraceShock     `json:"shocks"`
}

// TracePrincipal is one principal's sampled parameters in round 1.
type TracePrincipal struct {
	Actor          string             `json:"actor"`
	Reservation    float64            `json:"reservation"`   // utility per round of no deal, before escalation risk
	NoDealValue    float64            `json:"no_deal_value"` // r − θ(r + c): the reservation less the expected cost of conflict
	Belief         float64            `json:"belief"`        // what it believes the other side's value of no deal is
	Discount       float64            `json:"discount"`      // per round
	RenegingHazard float64            `json:"reneging_hazard"`
	EscalationCost float64            `json:"escalation_cost"`
	Weights        map[string]float64 `json:"weights"`
	RedLines       map[string]RedLine `json:"red_lines"` // by issue
}

// A RedLine is a principal's limit on an issue: the level, and whether
// it accepts only levels at least as high ("at_least") or at most as high
// ("at_most").
type RedLine struct {
	Level float64 `json:"level"`
	Bound string  `json:"bound"`
}

// TraceMediator is the mediator's sampled parameters.
type TraceMediator struct {
	Actor       string  `json:"actor"`
	Credibility float64 `json:"credibility"`
	Bridging    float64 `json:"bridging"` // probability per round that it proposes a bridging package
}

// TraceInterim is the sampled terms of interim deals.
type TraceInterim struct {
	Term      int                `json:"term"` // rounds before it expires unless renewed
	Renewal   float64            `json:"renewal"`
	Scopes    map[string]float64 `json:"scopes"` // per settled issue: the fraction of the way to either end of its range it may move
	Guarantee float64            `json:"guarantee"`
	Leverage  float64            `json:"leverage"`
	Lever     string             `json:"lever,omitempty"`    // the principal holding the lever, when one does
	Snapback  float64            `json:"snapback,omitempty"` // how far beyond the status quo the lever holder's reneging goes, as a fraction of the range
}

// TraceShock is a shock that may strike: its hazard per round, or the
// round it is scheduled for.
type TraceShock struct {
	Name   string  `json:"name"`
	Hazard float64 `json:"hazard,omitempty"`
	At     int     `json:"at,omitempty"`
}

// TraceResult is how a traced episode ended.
type TraceResult struct {
	Outcome                string             `json:"outcome"`
	Rounds                 int                `json:"rounds"`
	FirstAgreement         int                `json:"first_agreement"`         // 0 for none
	ComprehensiveAgreement int                `json:"comprehensive_agreement"` // 0 for none
	DealRounds             int                `json:"deal_rounds"`
	Strikes                int                `json:"strikes"`
	FirstStrike            int                `json:"first_strike"`    // 0 for none
	Resumed                int                `json:"resumed"`         // round talks first resumed after a strike, 0 for none
	Terms                  map[string]float64 `json:"terms,omitempty"` // the deal in force at the horizon
	Utilities              map[string]float64 `json:"utilities"`       // realized: the discounted average of each round's utility
}

// EventKind names a kind of Event.
type EventKind string

// The kinds of event, as their JSON names them.
const (
	EventShock        EventKind = "shock"        // a shock strikes
	EventOffer        EventKind = "offer"        // a principal puts a package on the table
	EventNoOffer      EventKind = "no_offer"     // a principal finds no package of the kind it wants that meets its demand
	EventBridge       EventKind = "bridge"       // the mediator proposes a bridging package
	EventResponse     EventKind = "response"     // a principal accepts or rejects the package on the table
	EventRatification EventKind = "ratification" // a ratifier approves or rejects a comprehensive deal
	EventAgreement    EventKind = "agreement"    // a deal comes into force
	EventReneging     EventKind = "reneging"     // a principal reneges on the deal in force
	EventDetection    EventKind = "detection"    // the victim detects the reneging
	EventRenewal      EventKind = "renewal"      // an interim deal is renewed at expiry
	EventExpiry       EventKind = "expiry"       // an interim deal lapses
	EventVoid         EventKind = "void"         // a shock voids the interim deal in force
	EventWalkAway     EventKind = "walk_away"    // a principal leaves the table
	EventEscalation   EventKind = "escalation"   // a strike: a conflict phase opens
	EventCeasefire    EventKind = "ceasefire"    // the conflict phase ends and talks resume
)

// EventKinds returns every kind of event.
func EventKinds() []EventKind {
	return []EventKind{EventShock, EventOffer, EventNoOffer, EventBridge, EventResponse, EventRatification,
		EventAgreement, EventReneging, EventDetection, EventRenewal, EventExpiry, EventVoid, EventWalkAway, EventEscalation, EventCeasefire}
}

// An Event is one thing that happened in a traced round. Which fields are
// set depends on Kind.
type Event struct {
	Round int       `json:"round"`
	Kind  EventKind `json:"kind"`
	Actor string    `json:"actor,omitempty"` // who acts: proposer, responder, ratifier, reneger, the side that walks away
	Deal  string    `json:"deal,omitempty"`  // "comprehensive" or "interim"
	Shock string    `json:"shock,omitempty"` // the shock that strikes, or that caused a reneging or a void

	// Reason says why a response went as it did: "accepted", "policy"
	// (the responder's policy refuses this kind of deal now), "aspiration"
	// (the value falls short of its aspiration), "no_deal" (short of its
	// value of no deal) or "interim" (short of the value of keeping the
	// interim deal in force); and why a principal made no offer: "policy" (its
	// policy makes no proposal now), "red_lines" (the red lines leave no
	// package of the kind) or "demand" (no package meets its demand).
	Reason string `json:"reason,omitempty"`

	// Probability is the chance the event had when it was drawn: a
	// hazard, a detection or renewal probability.
	Probability float64 `json:"probability,omitempty"`

	Package      *Package      `json:"package,omitempty"`      // offers, bridges, agreements, the package in effect after a reneging
	Response     *Response     `json:"response,omitempty"`     // responses
	Ratification *Ratification `json:"ratification,omitempty"` // ratifications
	Until        int           `json:"until,omitempty"`        // agreements of interim deals: the round they expire
	Efficiency   *Efficiency   `json:"efficiency,omitempty"`   // agreements, when measured
	Effects      *ShockEffects `json:"effects,omitempty"`      // shocks; ceasefires: the resumption's shifts
}

// ShockEffects is what a shock changed when it struck, or a resumption
// of talks. Shifts add to what they shift (for a shock with a political
// state, the shift now in effect at its new level); red lines are the
// levels they moved to.
type ShockEffects struct {
	Level           float64                       `json:"level,omitempty"`            // the shock's political state after it struck, 0 … 1
	Latency         float64                       `json:"latency,omitempty"`          // the nuclear latency after the shock, when it moves it
	Reservation     map[string]float64            `json:"reservation,omitempty"`      // shift of each principal's fallback
	RedLines        map[string]map[string]RedLine `json:"red_lines,omitempty"`        // by principal and issue
	RatificationBar map[string]float64            `json:"ratification_bar,omitempty"` // shift of each ratifier's bar
	Escalation      float64                       `json:"escalation,omitempty"`       // multiplier on the escalation hazard
	EscalationUntil int                           `json:"escalation_until,omitempty"` // the last round it applies
	PausedUntil     int                           `json:"paused_until,omitempty"`     // no proposals through this round
}

// A Package is a set of terms and what it is worth to each principal per
// round.
type Package struct {
	Terms     map[string]float64 `json:"terms"`
	Utilities map[string]float64 `json:"utilities"`
}

// A Response is a principal's judgement of the package on the table. It
// accepts when its policy allows the kind of deal and the package's value
// reaches both its aspiration and its value of no deal. A refusal by
// policy leaves the values at zero.
type Response struct {
	Accepted    bool    `json:"accepted"`
	Value       float64 `json:"value"`         // V = v + (u − v)·κ: the deal's worth allowing for its end
	Aspiration  float64 `json:"aspiration"`    // the least value its tactic accepts this round
	NoDealValue float64 `json:"no_deal_value"` // v
	Fallback    float64 `json:"fallback"`      // what it keeps if it rejects: v, or the value of keeping the interim deal in force
	Belief      float64 `json:"belief"`        // what it believes the other side's value of no deal is
}

// A Ratification is a ratifier's vote on a comprehensive deal: it approves
// when its utility for the package reaches its bar.
type Ratification struct {
	Approved bool    `json:"approved"`
	Utility  float64 `json:"utility"`
	Bar      float64 `json:"bar"`
}

// Trace plays episode i of a run of s under cfg, exactly as Run and Play
// play it, and returns the record of what happened in it.
func Trace(s *model.Scenario, cfg Config, i int) (*EpisodeTrace, error) {
	p, err := resolve(s, cfg)
	if err != nil {
		return nil, err
	}
	w := newPlayer(p)
	rec := newRecorder(&w.ep)
	w.ep.rec = rec
	played := *w.play(i)
	played.Terms = append([]float64(nil), played.Terms...)
	tr := &EpisodeTrace{
		Scenario: s.Name, Seed: p.seed, Episode: i, Horizon: p.horizon, Round: s.Round,
		Strategies: p.named(), World: rec.world, Events: rec.events, Played: played,
		Result: TraceResult{
			Outcome: played.Outcome.String(), Rounds: played.Rounds, FirstAgreement: played.FirstAgreement,
			ComprehensiveAgreement: played.ComprehensiveAgreement, DealRounds: played.DealRounds,
			Strikes: played.Strikes, FirstStrike: played.FirstStrike, Resumed: played.Resumed,
			Utilities: rec.byPrincipal(played.Utility),
		},
	}
	if played.Outcome == Comprehensive || played.Outcome == Interim {
		tr.Result.Terms = rec.byIssue(played.Terms)
	}
	if tr.Events == nil {
		tr.Events = []Event{}
	}
	return tr, nil
}
