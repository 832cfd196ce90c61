package sim

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// TestTraceMatchesPlay checks that tracing an episode changes nothing in
// it: for every shipped scenario, under its default strategies and under
// every strategy it lists, the traced episode is the Episode Play (and so
// Run) produces, and its events tell the same story.
func TestTraceMatchesPlay(t *testing.T) {
	for _, name := range scenarios.Names() {
		s := load(t, name)
		who := s.Principals()
		profiles := []map[string]model.Strategy{nil}
		for j := range 2 {
			a := s.Actors[who[j]]
			for _, st := range a.Strategies {
				profiles = append(profiles, map[string]model.Strategy{a.Name: st})
			}
		}
		for _, strategies := range profiles {
			cfg := config(40)
			cfg.Strategies = strategies
			for i := range cfg.Episodes {
				want, err := Play(s, cfg, i)
				if err != nil {
					t.Fatal(err)
				}
				tr, err := Trace(s, cfg, i)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(tr.Played, want) {
					t.Fatalf("%s %v episode %d: traced %+v; Play gives %+v", name, strategies, i, tr.Played, want)
				}
				if tr.Result.Outcome != want.Outcome.String() || tr.Result.Rounds != want.Rounds {
					t.Fatalf("%s episode %d: result %+v; want %v after %d rounds", name, i, tr.Result, want.Outcome, want.Rounds)
				}
				checkStory(t, tr)
			}
		}
	}
}

// checkStory checks that a trace's events agree with the episode it
// records.
func checkStory(t *testing.T, tr *EpisodeTrace) {
	t.Helper()
	e := &tr.Played
	count := map[EventKind]int{}
	reneged := map[string]bool{}
	last := 0
	for _, ev := range tr.Events {
		if !slices.Contains(EventKinds(), ev.Kind) {
			t.Fatalf("event %+v: unknown kind", ev)
		}
		count[ev.Kind]++
		if ev.Round < last || ev.Round > e.Rounds {
			t.Fatalf("event %+v out of order or after round %d", ev, e.Rounds)
		}
		last = ev.Round
		switch ev.Kind {
		case EventReneging:
			reneged[ev.Actor] = true
		case EventResponse:
			r := ev.Response
			if ev.Reason != "policy" && r.Accepted != (r.Value >= math.Max(r.Aspiration, r.NoDealValue)-tolerance) {
				t.Fatalf("response %+v: accepted does not follow from its values", r)
			}
		case EventEscalation:
			if count[EventEscalation] == 1 && ev.Round != e.FirstStrike {
				t.Fatalf("first strike in round %d; the episode counts round %d", ev.Round, e.FirstStrike)
			}
		}
		if ev.Probability < 0 || ev.Probability > 1 {
			t.Fatalf("event %+v: probability outside [0, 1]", ev)
		}
	}
	for j, st := range tr.Strategies {
		if reneged[st.Actor] != e.Reneged[j] {
			t.Fatalf("%s reneged: events say %v, the episode %v", st.Actor, reneged[st.Actor], e.Reneged[j])
		}
	}
	// Every strike but the last is followed by a ceasefire; the last one
	// is too unless the episode ends in conflict, in the round of that strike.
	inConflict := count[EventEscalation] - count[EventCeasefire]
	if count[EventAgreement] != e.Agreements || count[EventRenewal] != e.Renewals ||
		count[EventEscalation] != e.Strikes || inConflict != 0 && inConflict != 1 ||
		(inConflict == 1) != (e.Outcome == Escalation) || count[EventCeasefire] == 0 && e.Resumed > 0 ||
		e.Outcome == Escalation && last != e.Rounds ||
		e.Outcome == Breakdown && count[EventWalkAway] == 0 {
		t.Fatalf("events %v disagree with the episode %+v", count, *e)
	}
	rejected := 0
	for _, ev := range tr.Events {
		if ev.Kind == EventRatification && !ev.Ratification.Approved {
			rejected++
		}
	}
	if rejected != e.RatificationFailures {
		t.Fatalf("%d ratification rejections; the episode counts %d failures", rejected, e.RatificationFailures)
	}
}

// TestTraceRubinstein checks the trace of the alternating-offers game
// against its solution: in round 1 the first proposer offers the share
// (1 − δ2)/(1 − δ1·δ2) = 5/7 (δ1 = 0.9, δ2 = 0.8), the other side
// accepts, and the deal is in force.
func TestTraceRubinstein(t *testing.T) {
	tr, err := Trace(load(t, "rubinstein"), config(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Events) != 3 {
		t.Fatalf("events %+v; want offer, response, agreement", tr.Events)
	}
	offer, response, agreement := tr.Events[0], tr.Events[1], tr.Events[2]
	if offer.Kind != EventOffer || response.Kind != EventResponse || agreement.Kind != EventAgreement {
		t.Fatalf("events %+v; want offer, response, agreement", tr.Events)
	}
	if got := offer.Package.Terms["share"]; math.Abs(got-5.0/7) > 1e-9 {
		t.Errorf("offered share %v; want 5/7", got)
	}
	if offer.Actor == response.Actor || !response.Response.Accepted {
		t.Errorf("offer by %s, response %+v by %s; want the other side to accept", offer.Actor, response.Response, response.Actor)
	}
	if tr.Result.Outcome != "comprehensive" || tr.Result.FirstAgreement != 1 {
		t.Errorf("result %+v; want comprehensive in round 1", tr.Result)
	}
}

// TestTraceErrors checks that Trace rejects what Run rejects.
func TestTraceErrors(t *testing.T) {
	cfg := config(1)
	cfg.Strategies = map[string]model.Strategy{"oman": {}}
	if _, err := Trace(load(t, "muscat"), cfg, 0); err == nil {
		t.Error("a strategy for the mediator: no error")
	}
}
