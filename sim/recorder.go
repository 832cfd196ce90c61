package sim

import (
	"math"

	"github.com/parley-sim/parley/model"
)

// A recorder writes down what happens in an episode for Trace. An episode
// with no recorder (every episode Run plays) skips each note at the cost
// of one nil check; a recorder only reads the episode's state, never
// draws a random number or changes it, so a traced episode plays exactly
// as an untraced one.
type recorder struct {
	e      *episode
	world  TraceWorld
	events []Event
}

func newRecorder(e *episode) *recorder { return &recorder{e: e} }

// add appends an event of round t.
func (r *recorder) add(ev Event) { r.events = append(r.events, ev) }

// name returns principal i's name.
func (r *recorder) name(i int) string { return r.e.scn.Actors[r.e.who[i]].Name }

// byPrincipal keys a pair of principal values by their names.
func (r *recorder) byPrincipal(v [2]float64) map[string]float64 {
	return map[string]float64{r.name(0): v[0], r.name(1): v[1]}
}

// byIssue keys a package's levels by issue name.
func (r *recorder) byIssue(x []float64) map[string]float64 {
	m := make(map[string]float64, len(x))
	for k, is := range r.e.issues {
		m[is.Name] = x[k]
	}
	return m
}

// pack records a package and what it is worth to each principal.
func (r *recorder) pack(x []float64) *Package {
	return &Package{Terms: r.byIssue(x), Utilities: r.byPrincipal([2]float64{r.e.util.total(0, x), r.e.util.total(1, x)})}
}

// begin records the world of the episode as it stands in round 1.
func (r *recorder) begin() {
	e := r.e
	r.events = r.events[:0]
	w := TraceWorld{EscalationHazard: e.world.Protocol.EscalationHazard, Ceasefire: e.world.Protocol.Ceasefire,
		Latency: e.conflict.latency, Shocks: []TraceShock{}}
	for i := range 2 {
		a := e.actor(i)
		p := TracePrincipal{
			Actor: r.name(i), Reservation: e.reservation(i, 1), NoDealValue: e.noDealValue(i, 1),
			Belief: e.believed(i, 1), Discount: a.Discount, RenegingHazard: a.RenegingHazard,
			EscalationCost: e.cost[i], Weights: r.byIssue(a.Weights), RedLines: map[string]RedLine{},
		}
		for k, level := range e.redLines()[i] {
			if math.IsNaN(level) {
				continue
			}
			p.RedLines[e.issues[k].Name] = RedLine{Level: level, Bound: bound(e.floor[i][k])}
		}
		w.Principals = append(w.Principals, p)
	}
	if e.mediator >= 0 {
		m := &e.world.Actors[e.mediator]
		w.Mediator = &TraceMediator{Actor: e.scn.Actors[e.mediator].Name, Credibility: m.Credibility,
			Bridging: min(1, m.BridgingBase+m.BridgingSlope*m.Credibility)}
	}
	if e.hasInterim() {
		it := &e.world.Interim
		w.Interim = &TraceInterim{Term: it.Term, Renewal: it.Renewal, Scopes: map[string]float64{},
			Guarantee: it.Guarantee, Leverage: it.Leverage, Snapback: it.Snapback}
		for j, k := range e.scn.Deals.Interim.Issues {
			w.Interim.Scopes[e.issues[k].Name] = it.Scopes[j]
		}
		if l := e.scn.Deals.Interim.Lever; l >= 0 {
			w.Interim.Lever = e.scn.Actors[l].Name
		}
	}
	for j, sh := range e.scn.Shocks {
		ts := TraceShock{Name: sh.Name, At: sh.At}
		if sh.At == 0 {
			ts.Hazard = e.world.Shocks[j].Hazard
		}
		w.Shocks = append(w.Shocks, ts)
	}
	r.world = w
}

// shock records shock j striking in round t, and what it changed.
func (r *recorder) shock(j, t int) {
	e := r.e
	sh, sw := &e.scn.Shocks[j], &e.world.Shocks[j]
	ef, scale := &sh.Effects, 1.0
	if sh.State != nil {
		scale = e.politics.level[j]
	}
	fx := r.shifts(ef, sw, scale)
	if sh.State != nil {
		fx.Level = scale
	}
	if ef.Latency != nil {
		fx.Latency = e.conflict.latency
	}
	if ef.Escalation != nil {
		fx.Escalation, fx.EscalationUntil = sw.Escalation, e.escalateTill[j]
	}
	if sw.Pause > 0 {
		fx.PausedUntil = t + sw.Pause - 1
	}
	r.add(Event{Round: t, Kind: EventShock, Shock: e.scn.Shocks[j].Name, Effects: fx})
}

// shifts records the reservation, red-line and ratification-bar effects
// ef, drawn as sw, with the shifts scaled by scale; the red lines are the
// levels now in effect.
func (r *recorder) shifts(ef *model.Effects, sw *model.ShockWorld, scale float64) *ShockEffects {
	e := r.e
	fx := &ShockEffects{}
	for n, s := range ef.Reservation {
		set(&fx.Reservation, e.scn.Actors[s.Actor].Name, scale*sw.Reservation[n])
	}
	for _, s := range ef.RedLines {
		i := e.principal(s.Actor)
		set(&fx.RedLines, r.name(i), map[string]RedLine{})
		fx.RedLines[r.name(i)][e.issues[s.Issue].Name] = RedLine{Level: e.redLines()[i][s.Issue], Bound: bound(e.floor[i][s.Issue])}
	}
	for n, s := range ef.RatificationBar {
		set(&fx.RatificationBar, e.scn.Actors[s.Actor].Name, scale*sw.RatificationBar[n])
	}
	return fx
}

// ceasefire records the end of a conflict phase in round t and the
// resumption's shifts.
func (r *recorder) ceasefire(t int) {
	p := &r.e.world.Protocol
	fx := r.shifts(&r.e.scn.Protocol.Resumption, &p.Resumption, 1)
	if p.Resumption.Pause > 0 {
		fx.PausedUntil = r.e.pausedTill
	}
	r.add(Event{Round: t, Kind: EventCeasefire, Probability: p.Ceasefire, Effects: fx})
}

// set sets (*m)[k] = v, making the map if it is nil, unless k is already
// there.
func set[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	if _, ok := (*m)[k]; !ok {
		(*m)[k] = v
	}
}

// bound names the side of a red line: "at_least" for a floor.
func bound(floor bool) string {
	if floor {
		return "at_least"
	}
	return "at_most"
}

// offer records principal p's offer of a deal of the given kind in round
// t, the package in e.offer, or, when it found none (ok false), that no
// package meets its demand.
func (r *recorder) offer(p int, kind dealKind, t int, ok bool) {
	if !ok {
		r.noOffer(p, kind, t, "demand")
		return
	}
	r.add(Event{Round: t, Kind: EventOffer, Actor: r.name(p), Deal: kind.String(), Package: r.pack(r.e.offer)})
}

// noOffer records principal p's making no offer of a deal of the given
// kind in round t, for the reason given (see Event.Reason).
func (r *recorder) noOffer(p int, kind dealKind, t int, reason string) {
	r.add(Event{Round: t, Kind: EventNoOffer, Actor: r.name(p), Deal: kind.String(), Reason: reason})
}

// bridge records the mediator's bridging package in e.offer.
func (r *recorder) bridge(kind dealKind, t int) {
	r.add(Event{Round: t, Kind: EventBridge, Actor: r.e.scn.Actors[r.e.mediator].Name,
		Deal: kind.String(), Package: r.pack(r.e.offer)})
}

// respond records principal i's response to the package on the table,
// and the reason for it.
func (r *recorder) respond(i int, kind dealKind, t int, reason string, res Response) {
	r.add(Event{Round: t, Kind: EventResponse, Actor: r.name(i), Deal: kind.String(), Reason: reason, Response: &res})
}

// ratify records ratifier a's vote on the package on the table.
func (r *recorder) ratify(a, t int, utility, bar float64) {
	r.add(Event{Round: t, Kind: EventRatification, Actor: r.e.scn.Actors[a].Name, Deal: comprehensiveDeal.String(),
		Ratification: &Ratification{Approved: utility >= bar, Utility: utility, Bar: bar}})
}

// agree records the deal in force from round t.
func (r *recorder) agree(t int) {
	d := &r.e.deal
	ev := Event{Round: t, Kind: EventAgreement, Deal: d.kind.String(), Package: r.pack(d.terms)}
	if d.kind == interimDeal {
		ev.Until = d.expires
	}
	if d.measure.Measured {
		ef := d.measure
		ev.Efficiency = &ef
	}
	r.add(ev)
}

// renege records principal i's reneging in round t with probability p,
// caused by shock j (−1 for none), and the package then in effect.
func (r *recorder) renege(i, t, j int, p float64) {
	ev := Event{Round: t, Kind: EventReneging, Actor: r.name(i), Deal: r.e.deal.kind.String(), Probability: p}
	if j >= 0 {
		ev.Shock = r.e.scn.Shocks[j].Name
	}
	r.add(ev)
}

// note records an event of round t that names only a principal (−1 for
// none), a deal and a probability.
func (r *recorder) note(kind EventKind, i, t int, deal dealKind, p float64) {
	ev := Event{Round: t, Kind: kind, Probability: p}
	if i >= 0 {
		ev.Actor = r.name(i)
	}
	if deal != noDeal {
		ev.Deal = deal.String()
	}
	r.add(ev)
}

// withdrawn adds to principal i's reneging in round t the package in
// effect until the other side detects it.
func (r *recorder) withdrawn(i, t int) {
	for k := len(r.events) - 1; k >= 0; k-- {
		if ev := &r.events[k]; ev.Round == t && ev.Kind == EventReneging && ev.Actor == r.name(i) {
			ev.Package = r.pack(r.e.cheat.terms)
			return
		}
	}
}

// expire records the interim deal in force reaching its expiry in round
// t, and whether it was renewed.
func (r *recorder) expire(t int, renewed bool) {
	kind := EventExpiry
	if renewed {
		kind = EventRenewal
	}
	r.add(Event{Round: t, Kind: kind, Deal: interimDeal.String(), Probability: r.e.world.Interim.Renewal})
}

// void records shock j voiding the interim deal in force in round t; p
// was the chance it would.
func (r *recorder) void(j, t int, p float64) {
	r.add(Event{Round: t, Kind: EventVoid, Deal: interimDeal.String(), Shock: r.e.scn.Shocks[j].Name, Probability: p})
}
