package sim

import "github.com/parley-sim/parley/model"

// A dealKind is the kind of deal on the table or in force.
type dealKind uint8

const (
	noDeal dealKind = iota
	interimDeal
	comprehensiveDeal
)

// String names the kind of deal as traces write it, "" for no deal.
func (k dealKind) String() string {
	switch k {
	case interimDeal:
		return "interim"
	case comprehensiveDeal:
		return "comprehensive"
	}
	return ""
}

// A policy is a deal-structure policy: which kind of deal a principal
// proposes and accepts in the episode's current state.
type policy interface {
	// propose returns the kind of deal principal i proposes now, or
	// noDeal to make no proposal.
	propose(e *episode, i int) dealKind
	// accepts reports whether principal i agrees to a deal of that kind now.
	accepts(e *episode, i int, kind dealKind) bool
	// delay returns the number of rounds before principal i starts to concede.
	delay(a *model.ActorWorld) int
}

// A tactic is a concession tactic: the value (see episode.value) a
// principal aims for in its own proposals and the least it accepts from
// others.
type tactic interface {
	// demand returns the value principal i aims for in its proposals in
	// round t.
	demand(e *episode, i, t int) float64
	// threshold returns the least value principal i accepts in round t.
	threshold(e *episode, i, t int) float64
}

// policies and tactics map the scenario's names to their behaviour:
// adding a strategy means adding its type and its entry here.
var (
	policies = [...]policy{
		model.ComprehensiveOnly: comprehensiveOnly{},
		model.InterimFirst:      interimFirst{},
		model.StepByStep:        stepByStep{},
		model.HoldOut:           holdOut{},
	}
	tactics = [...]tactic{
		model.Boulware:       timeDependent{beta: func(a *model.ActorWorld) float64 { return a.Boulware }},
		model.LinearTactic:   timeDependent{beta: func(*model.ActorWorld) float64 { return 1 }},
		model.Conceder:       timeDependent{beta: func(a *model.ActorWorld) float64 { return a.Conceder }},
		model.TitForTat:      titForTat{},
		model.FixedTactic:    fixed{},
		model.SubgamePerfect: subgamePerfect{},
	}
)

// comprehensiveOnly settles everything at once or nothing.
type comprehensiveOnly struct{}

func (comprehensiveOnly) propose(*episode, int) dealKind { return comprehensiveDeal }
func (comprehensiveOnly) accepts(_ *episode, _ int, kind dealKind) bool {
	return kind == comprehensiveDeal
}
func (comprehensiveOnly) delay(*model.ActorWorld) int { return 0 }

// holdOut is comprehensiveOnly with strategic patience: no concession
// for the actor's hold_out rounds.
type holdOut struct{ comprehensiveOnly }

func (holdOut) delay(a *model.ActorWorld) int { return a.HoldOut }

// interimFirst proposes an interim deal while none is in force, if it
// believes one acceptable to both sides exists (a comprehensive deal
// otherwise), and then pushes to upgrade it to a comprehensive one; it
// accepts either.
type interimFirst struct{}

func (interimFirst) propose(e *episode, i int) dealKind {
	if e.deal.kind == noDeal && e.interimInReach(i) {
		return interimDeal
	}
	return comprehensiveDeal
}
func (interimFirst) accepts(*episode, int, dealKind) bool { return true }
func (interimFirst) delay(*model.ActorWorld) int          { return 0 }

// stepByStep moves in phased reciprocal steps, each conditional on the
// other's verified step: an interim deal first, and a comprehensive deal
// only once an interim has been verified — held for the expected time to
// detect reneging under its verification level — in this episode. It
// takes a comprehensive deal at once only when no interim package lies
// within the red lines, so that no step is possible.
type stepByStep struct{}

func (p stepByStep) propose(e *episode, i int) dealKind {
	switch {
	case e.deal.kind == noDeal && e.interimInReach(i):
		return interimDeal
	case !p.accepts(e, i, comprehensiveDeal):
		return noDeal
	}
	return comprehensiveDeal
}
func (stepByStep) accepts(e *episode, _ int, kind dealKind) bool {
	return kind == interimDeal || e.stepTaken || e.interimVerified() || !e.interim.ok
}
func (stepByStep) delay(*model.ActorWorld) int { return 0 }

// timeDependent concedes from its best value toward its value of no deal
// (see episode.aspiration) as α(t) = min(1, ((t − t₀)/S)^(1/β)) rises
// from 0 to 1 (Faratin, Sierra & Jennings 1998), t₀ being the policy's
// delay and S = min(H − t₀, L) the rounds it concedes over: the rest of
// the horizon, or the side's own shadow of the future L = 1/(1 − δ) when
// that is shorter, so the impatient side concedes first. β < 1 concedes
// late (Boulware), β = 1 linearly, β > 1 early (Conceder).
type timeDependent struct {
	beta func(*model.ActorWorld) float64
}

func (d timeDependent) demand(e *episode, i, t int) float64 {
	a := e.actor(i)
	start := e.policy[i].delay(a)
	alpha := 0.0
	if t > start {
		alpha = 1
		if span := min(float64(e.horizon-start), e.span[i]); span > 0 {
			if x, y := float64(t-start)/span, 1/d.beta(a); !powAtLeastOne(x, y) {
				alpha = min(1, e.memo.alpha[i].pow(x, y))
			}
		}
	}
	return e.aspiration(i, t, alpha)
}

func (d timeDependent) threshold(e *episode, i, t int) float64 {
	return d.demand(e, i, t)
}

// titForTat reciprocates in both directions (Axelrod 1984). It opens
// with one round's linear step and then mirrors the other side's latest
// offer: it has conceded, as a fraction of the way from its best value
// to its value of no deal, one linear step plus the fraction of its own
// way the other side conceded in its latest offer, so it matches a
// concession and retracts as much as the other hardens. Once it has
// detected a reneging by the other side, it withholds every concession
// (α = 0) for as many rounds as passed from the reneging to the
// resumption of talks, and then forgives: it mirrors again (see
// episode.answerReneging).
type titForTat struct{}

func (titForTat) demand(e *episode, i, t int) float64 {
	if t <= e.talks.punishTill[i] {
		return e.aspiration(i, t, 0)
	}
	return e.aspiration(i, t, clamp(1/float64(e.horizon)+e.talks.conceded[1-i], 0, 1))
}

func (f titForTat) threshold(e *episode, i, t int) float64 {
	return f.demand(e, i, t)
}

// fixed never concedes: it aims for its best value every round.
type fixed struct{}

func (fixed) demand(e *episode, i, t int) float64 {
	return e.aspiration(i, t, 0)
}

func (f fixed) threshold(e *episode, i, t int) float64 {
	return f.demand(e, i, t)
}

// subgamePerfect plays the subgame-perfect equilibrium of the
// alternating-offers game over the scenario's horizon, computed by
// backward induction over the comprehensive frontier (Rubinstein 1982;
// see episode.solveSubgamePerfect). Its targets are values of
// comprehensive deals; with an interim policy it holds interim packages to
// the same values.
type subgamePerfect struct{}

func (subgamePerfect) demand(e *episode, i, t int) float64 {
	e.solveSubgamePerfect(i)
	return e.spe[i].demand[t]
}

func (subgamePerfect) threshold(e *episode, i, t int) float64 {
	e.solveSubgamePerfect(i)
	return e.spe[i].threshold[t]
}
