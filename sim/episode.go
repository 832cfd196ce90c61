package sim

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/parley-sim/parley/model"
)

// An episode plays one negotiation in one sampled world. It is reused
// from episode to episode by one worker, so that playing allocates
// nothing once its storage has grown.
type episode struct {
	scn        *model.Scenario
	world      *model.World // the world played in: own, or one shared by a game's cells
	own        model.World  // the world the episode samples for itself
	issues     []model.Issue
	horizon    int
	who        [2]int                 // actor indices of the principals
	mediator   int                    // actor index of the mediator, or -1
	ratifiers  []int                  // actor indices of the ratifiers
	roleIssue  [model.Linkage + 1]int // issue index of each role, -1 for none
	shockKey   []int                  // per shock: the event index its draws use, from its name
	shockOrder []int                  // the shocks' indices in the order of their names
	cost       [2]float64             // escalation cost per round
	span       [2]float64             // shadow of the future: 1/(1 − δ) rounds, at most the horizon
	ahead      [2]float64             // the discount over the shadow of the future, 1 − 1/span
	policy     [2]policy
	tactic     [2]tactic
	util       utilities
	comp       space
	interim    space
	events     events
	rec        *recorder // nil unless the episode is traced

	// State that shocks and play change.
	floor        [2][]bool    // per issue: the red line is a floor (x ≥ level) rather than a ceiling
	redLine      [2][]float64 // per issue: the current red line, NaN for none (see redLines)
	shift        [2]float64   // reservation shifts from shocks and resumptions
	barShifts    []float64    // per actor: ratification bar shifts, bar + shift within the ratifier's utility bounds (see barShift)
	politics     politics     // the shocks' political states and the shifts they add up to
	belief       [2]float64   // principal i's error about the other's value of no deal
	yielded      [2]bool      // principal i's red lines have yielded to the cost of no deal
	doubt        [2]float64   // principal i's distrust now: it expects the other's reneging hazard × (1 + doubt)
	stepTaken    bool         // an interim deal has been verified in this episode
	stale        bool         // doubts moved: recompute the spaces' κ
	mediatorErr  [2]float64   // the mediator's error about principal i's value of no deal
	talks        talks        // what each side has seen of the other's moves
	escalateTill []int        // per shock: last round its escalation multiplier applies
	pausedTill   int
	hopeless     [2]int
	dirty        bool // shifts moved: re-solve the subgame-perfect plans, and see whether the red lines moved
	rebound      bool // red lines moved, or yielded: bound the spaces again
	deal         deal
	cheat        cheat
	conflict     conflict
	walkedAway   bool
	collapsed    bool
	spe          [2]speSolution
	now          int        // the round being played
	run          int        // rounds the deal in force has lasted
	sum, total   [2]float64 // discounted flow utility and discount weight so far
	plain        [2]float64 // undiscounted flow utility so far
	weight       [2]float64 // δ^(t−1) for the round being played
	offer        []float64  // the package on the table
	scratch      []float64  // a package for what-if questions
	defect       defection  // what reneging on the deal in force would be worth, for the decision to renege
	memo         memo       // values asked for several times a round
	deadlinePow  powTable   // powers of the deadline multiplier's decay, kept from episode to episode
	out          Episode
}

// A deal is the agreement in force.
type deal struct {
	kind     dealKind
	terms    []float64
	start    int // round agreed
	expires  int // interim only: the round it ends unless renewed
	mediated bool
	utility  [2]float64 // each principal's utility for the terms
	measure  Efficiency // against the comprehensive frontier of the round agreed
}

// A cheat is a deal reneged on whose victim has not yet detected it.
type cheat struct {
	active  bool
	reneger int
	since   int        // the round of reneging
	terms   []float64  // the package in effect: the reneger's gains kept, its concessions withdrawn
	utility [2]float64 // each principal's utility for it
	detect  float64    // probability per round of detection, from the next round on
}

// reset prepares the episode for scenario s (with its horizon replaced
// by horizon) and the principals' strategies.
func (e *episode) reset(s *model.Scenario, horizon int, strategies [2]model.Strategy) {
	e.scn = s
	e.world = &e.own
	e.issues = s.Issues
	e.horizon = horizon
	e.who = s.Principals()
	e.mediator = -1
	e.ratifiers = e.ratifiers[:0]
	for i, a := range s.Actors {
		switch a.Role {
		case model.Mediator:
			e.mediator = i
		case model.Ratifier:
			e.ratifiers = append(e.ratifiers, i)
		}
	}
	for r := range e.roleIssue {
		e.roleIssue[r] = -1
	}
	for k, is := range s.Issues {
		if is.Role != model.NoRole {
			e.roleIssue[is.Role] = k
		}
	}
	e.shockKey = resize(e.shockKey, len(s.Shocks))
	e.shockOrder = resize(e.shockOrder, len(s.Shocks))
	for j := range e.shockOrder {
		e.shockOrder[j] = j
	}
	slices.SortFunc(e.shockOrder, func(a, b int) int { return strings.Compare(s.Shocks[a].Name, s.Shocks[b].Name) })
	for j, sh := range s.Shocks {
		h := fnv.New32a()
		h.Write([]byte(sh.Name))
		e.shockKey[j] = int(h.Sum32())
	}
	for i, st := range strategies {
		e.policy[i] = policies[st.Policy]
		e.tactic[i] = tactics[st.Tactic]
	}
	n := len(s.Issues)
	e.comp.resize(n)
	e.interim.resize(n)
	e.comp.kind, e.interim.kind = comprehensiveDeal, interimDeal
	for i := range 2 {
		e.floor[i] = resize(e.floor[i], n)
		e.redLine[i] = resize(e.redLine[i], n)
		e.spe[i].resize(horizon, n)
	}
	e.barShifts = resize(e.barShifts, len(s.Actors))
	e.politics.resize(n, len(s.Actors), len(s.Shocks))
	e.escalateTill = resize(e.escalateTill, len(s.Shocks))
	e.deal.terms = resize(e.deal.terms, n)
	e.cheat.terms = resize(e.cheat.terms, n)
	e.offer = resize(e.offer, n)
	e.scratch = resize(e.scratch, n)
	e.defect.terms = resize(e.defect.terms, n)
	e.out.Terms = resize(e.out.Terms, n)
	e.deadlinePow.reserve(horizon)
}

// actor returns principal i's sampled parameters.
func (e *episode) actor(i int) *model.ActorWorld { return &e.world.Actors[e.who[i]] }

// play samples a world from rng and plays the episode in it.
func (e *episode) play(rng *rand.Rand) *Episode {
	e.begin(rng)
	return e.playOut()
}

// playIn plays the episode in world w, sampled from e's scenario, with
// the events' key: exactly what play gives when its rng samples w and
// then draws key. The episode does not change w, so a game's cells share
// it.
func (e *episode) playIn(w *model.World, key uint64) *Episode {
	e.world = w
	e.events = newEvents(key)
	e.open()
	return e.playOut()
}

// playOut plays the rounds of the episode begun and finishes it.
func (e *episode) playOut() *Episode {
	for t := 1; t <= e.horizon; t++ {
		e.step(t)
	}
	e.finish()
	return &e.out
}

// begin samples a world from rng and sets the state of round 1.
func (e *episode) begin(rng *rand.Rand) {
	e.world = &e.own
	e.scn.Sample(e.world, rng)
	e.events = newEvents(rng.Uint64())
	e.open()
}

// open sets the state of round 1 and opens the trace.
func (e *episode) open() {
	e.start()
	if e.rec != nil {
		e.rec.begin()
	}
}

// step plays round t: a round of play, unless a conflict phase goes on
// through it, then the round's flow utility.
func (e *episode) step(t int) {
	if e.conflict.since == 0 || e.ceasefire(t) {
		e.now, e.out.Rounds = t, t
		e.conflict.commitOffers()
		e.round(t)
	}
	e.flow(t)
}

// start sets the state of round 1.
func (e *episode) start() {
	e.util.set(e.issues, e.actor(0), e.actor(1))
	noise := 1.0
	if e.mediator >= 0 {
		m := &e.world.Actors[e.mediator]
		noise = 1 - m.NoiseReduction*m.Credibility
	}
	for i := range 2 {
		a := e.actor(i)
		for k := range e.redLine[i] {
			e.redLine[i][k] = math.NaN()
		}
		for j, rl := range e.scn.Actors[e.who[i]].RedLines {
			e.redLine[i][rl.Issue] = a.RedLines[j]
			e.floor[i][rl.Issue] = model.RedLineIsFloor(a.Values[rl.Issue], a.RedLines[j])
		}
		e.shift[i] = 0
		e.belief[i], e.mediatorErr[i] = 0, 0
		if e.scn.Protocol.Information == model.Private {
			e.belief[i] = a.BeliefNoise * noise * e.normal(tagBelief, 0, i)
			e.mediatorErr[i] = (e.actor(0).BeliefNoise + e.actor(1).BeliefNoise) / 2 * noise * e.normal(tagBelief, 0, 2+i)
		}
		e.yielded[i], e.doubt[i] = false, a.Distrust
		e.sum[i], e.total[i], e.weight[i], e.cost[i], e.plain[i] = 0, 0, 1, 0, 0
		e.span[i] = float64(e.horizon)
		if a.Discount < 1 {
			e.span[i] = min(e.span[i], 1/(1-a.Discount))
		}
		e.ahead[i] = 1 - 1/e.span[i]
		e.hopeless[i] = 0
		e.spe[i].valid = false
	}
	for n, c := range e.scn.Protocol.EscalationCost {
		e.cost[e.principal(c.Actor)] = e.world.Protocol.EscalationCost[n]
	}
	e.talks.reset()
	e.politics.start(e)
	clear(e.escalateTill)
	e.conflict.start(e)
	e.defect.start = -1
	e.pausedTill = 0
	e.walkedAway, e.collapsed, e.dirty, e.rebound, e.stale, e.stepTaken = false, false, true, true, false, false
	e.deal.kind, e.cheat.active = noDeal, false
	terms := e.out.Terms
	e.out = Episode{Terms: terms}
	clear(e.out.Terms)
	e.now = 1
	e.memo = memo{}
	e.comp.built, e.interim.built = false, false // a new world
	e.spaces()
	e.out.Feasible = e.comp.ok
}

// round plays round t: shocks, a proposal and the response to it,
// implementation of the deal in force, then walk-away and escalation.
func (e *episode) round(t int) {
	e.shocks(t)
	if e.talking(t) {
		e.negotiate(t)
	}
	e.implement(t)
	e.walkAway(t)
	e.escalate(t)
	e.milestones(t)
}

// talking reports whether the sides negotiate in round t.
func (e *episode) talking(t int) bool {
	return !e.walkedAway && !e.cheat.active && t > e.pausedTill && e.deal.kind != comprehensiveDeal
}

// reservation returns principal i's reservation value in round t.
func (e *episode) reservation(i, t int) float64 {
	a := e.actor(i)
	return clamp(a.Reservation+a.Drift*float64(t-1)+e.shift[i], -1, 1)
}

// believed returns what principal i believes the other principal's
// value of no deal is in round t: the true value plus i's error.
func (e *episode) believed(i, t int) float64 {
	return e.noDealValue(1-i, t) + e.belief[i]
}

// hasInterim reports whether the scenario allows interim deals.
func (e *episode) hasInterim() bool { return e.scn.Deals.Interim != nil }

// interimInReach reports whether principal i believes an interim deal
// acceptable to both sides exists this round.
func (e *episode) interimInReach(i int) bool { return e.reachable(i, interimDeal, e.now) }

// interimVerified reports whether the interim deal in force has held
// for the expected time to detect reneging on it, 1/P(detection).
func (e *episode) interimVerified() bool {
	return e.deal.kind == interimDeal &&
		float64(e.now-e.deal.start) >= 1/e.detection(e.deal.terms)
}

// spaces rebuilds the comprehensive and interim spaces from the current
// red lines when a shock has moved them or a side's red lines have
// yielded (see bound), and refreshes the κ of each side's best package when its
// doubts about the other have moved.
func (e *episode) spaces() {
	for i := range 2 {
		if soft := e.actor(i).RedLineYield; soft > math.Inf(-1) {
			if y := e.noDealValue(i, e.now) < soft; y != e.yielded[i] {
				e.yielded[i], e.dirty, e.rebound = y, true, true
			}
		}
	}
	if e.dirty {
		e.dirty = false
		e.spe[0].valid, e.spe[1].valid = false, false
		if e.redLines(); e.rebound {
			e.rebound = false
			if e.bound(&e.comp, nil, nil) {
				e.stale = true
			}
			if it := e.scn.Deals.Interim; it != nil && e.bound(&e.interim, it.Issues, e.world.Interim.Scopes) {
				e.stale = true
			}
		}
	}
	if !e.stale {
		return
	}
	e.stale = false
	for _, sp := range [...]*space{&e.comp, &e.interim} {
		if !sp.ok {
			continue
		}
		for i := range 2 {
			sp.bestFor(i, e.scratch)
			sp.kappa[i] = e.kappa(i, sp.kind, e.scratch, false)
		}
	}
}

// bound sets the levels a space allows and builds its frontier. With
// settled == nil every issue is open and held to both sides' red lines.
// Otherwise it is an interim space: the unsettled issues stay at their
// status quo, and a settled issue, the j-th, may move from its status quo
// sq a fraction scopes[j] of the way to either end of its range. There a
// side's red line binds only where the status quo satisfies it; where it
// does not, the interim may not move the issue away from the line, but
// need not reach it: an interim defers the clash (see interimLine).
// Red lines that have yielded bind nowhere. It reports whether the
// space changed: whether it has packages, or its frontier.
func (e *episode) bound(sp *space, settled []int, scopes []float64) bool {
	lines, ok := e.redLines(), true
	for k := range e.issues {
		is := &e.issues[k]
		sp.lo[k], sp.hi[k] = is.Min, is.Max
		j := -1
		if settled != nil {
			if j = slices.Index(settled, k); j < 0 {
				sp.lo[k], sp.hi[k] = is.StatusQuo, is.StatusQuo
				continue
			}
			s := scopes[j]
			sp.lo[k], sp.hi[k] = is.StatusQuo-s*(is.StatusQuo-is.Min), is.StatusQuo+s*(is.Max-is.StatusQuo)
		}
		for i := range 2 {
			rl := lines[i][k]
			if math.IsNaN(rl) || e.yielded[i] {
				continue
			}
			if j >= 0 {
				rl = interimLine(rl, is.StatusQuo, e.floor[i][k])
			}
			sp.lo[k], sp.hi[k] = model.RedLineBounds(sp.lo[k], sp.hi[k], rl, e.floor[i][k])
		}
		if sp.lo[k] > sp.hi[k] {
			ok = false
		}
	}
	if !ok {
		was := sp.ok
		sp.ok = false
		return was
	}
	was := sp.ok
	sp.ok = true
	return sp.build(&e.util) || !was
}

// interimLine returns the bound an interim deal must respect for a red
// line at level rl on an issue whose status quo is sq: the red line
// itself where the status quo satisfies it, the status quo where it does
// not (the interim may move toward the line without reaching it).
func interimLine(rl, sq float64, floor bool) float64 {
	if floor && sq < rl || !floor && sq > rl {
		return sq
	}
	return rl
}

// clamp returns min(max(x, lo), hi), NaN and signed zeros as the
// builtins give them; x strictly inside (lo, hi), the common case, is
// returned at once.
func clamp(x, lo, hi float64) float64 {
	if lo < x && x < hi {
		return x
	}
	return min(max(x, lo), hi)
}

// normal returns a standard normal number for the event (tag, t, j).
func (e *episode) normal(tag uint64, t, j int) float64 {
	return distuv.UnitNormal.Quantile(e.events.uniform(tag, t, j))
}

// flow adds round t's flow utility to each principal's discounted
// average: the deal in force, the package in effect while a reneging is
// undetected, the reservation value when there is no deal, or minus the
// escalation cost during a conflict phase. A deal in force rolls the
// nuclear latency back.
func (e *episode) flow(t int) {
	if e.deal.kind != noDeal {
		e.out.DealRounds++
		e.run++
		e.out.LongestDeal = max(e.out.LongestDeal, e.run)
		e.verify()
		e.rollBack()
		if e.out.Resumed > 0 && e.out.DealAfterStrike == 0 && e.deal.start >= e.out.Resumed {
			e.out.DealAfterStrike = e.deal.start
		}
	}
	for i := range 2 {
		var f float64
		switch {
		case e.conflict.since != 0:
			f = -e.cost[i]
		case e.deal.kind != noDeal:
			f = e.deal.utility[i]
		case e.cheat.active:
			f = e.cheat.utility[i]
		default:
			f = e.reservation(i, t)
		}
		e.sum[i] += e.weight[i] * f
		e.plain[i] += f
		e.total[i] += e.weight[i]
		e.weight[i] *= e.actor(i).Discount
	}
}

// finish classifies the episode and computes its realized utilities,
// Σ δ^(t−1)·f_t / Σ δ^(t−1), and its mean flow utilities, Σ f_t / H.
func (e *episode) finish() {
	o := &e.out
	switch {
	case e.conflict.since != 0:
		o.Outcome = Escalation
	case e.deal.kind == comprehensiveDeal:
		o.Outcome = Comprehensive
	case e.deal.kind == interimDeal:
		o.Outcome = Interim
	case e.collapsed:
		o.Outcome = Collapsed
	case e.walkedAway:
		o.Outcome = Breakdown
	default:
		o.Outcome = Stalemate
	}
	if e.deal.kind != noDeal {
		copy(o.Terms, e.deal.terms)
		o.Efficiency = e.deal.measure
	}
	for i := range 2 {
		o.Utility[i] = e.sum[i] / e.total[i]
		o.MeanFlow[i] = e.plain[i] / float64(e.horizon)
	}
}

// resize returns s with length n, reusing its storage when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
