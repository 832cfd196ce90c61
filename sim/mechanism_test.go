package sim

import (
	"context"
	"slices"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// Mechanism checks: each plays a small lab scenario of testdata/lab-*.yaml
// in two configurations on the same episodes (common random numbers: the
// same seed, the same episode indices) and asserts the direction of the
// paired difference and that its 95% interval excludes zero.

// mechanismEpisodes is the number of paired episodes of each check: enough
// for the effects below to stand several standard errors clear of zero,
// few enough for each check to take well under a second.
const mechanismEpisodes = 2000

// withActor returns a copy of s in which edit has changed the actor of
// the given name; s itself is unchanged.
func withActor(t *testing.T, s *model.Scenario, name string, edit func(*model.Actor)) *model.Scenario {
	t.Helper()
	c := *s
	c.Actors = slices.Clone(s.Actors)
	a := s.Actor(name)
	if a < 0 {
		t.Fatalf("%s has no actor %q", s.Name, name)
	}
	edit(&c.Actors[a])
	return &c
}

// comparePaired runs sim.Compare on the two scenarios with
// mechanismEpisodes episodes of seed 1.
func comparePaired(t *testing.T, base, alt *model.Scenario) *Comparison {
	t.Helper()
	c, err := Compare(context.Background(), []Setup{{Scenario: base}, {Scenario: alt}}, config(mechanismEpisodes))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// assertPositive fails unless the paired difference d is positive with a
// 95% interval above zero.
func assertPositive(t *testing.T, what string, d stats.Difference) {
	t.Helper()
	if d.Mean <= 0 || d.CI95[0] <= 0 {
		t.Errorf("%s: paired difference %.4f, 95%% interval [%.4f, %.4f] over %d pairs; want positive and excluding 0",
			what, d.Mean, d.CI95[0], d.CI95[1], d.N)
	} else {
		t.Logf("%s: %+.4f [%+.4f, %+.4f], n = %d", what, d.Mean, d.CI95[0], d.CI95[1], d.N)
	}
}

// TestMediatorCredibility checks deliverable 2 of issue #10: where the
// sides' own offers stay far apart (late Boulware concessions, a narrow
// zone of agreement), a more credible mediator (μ 0.8 rather than 0.2)
// yields more deals: it bridges more often, its packages follow the
// offers on the table, and it lets the sides settle short of their
// aspirations (face-saving).
func TestMediatorCredibility(t *testing.T) {
	s := load(t, "lab-mediator")
	credibility := func(mu float64) *model.Scenario {
		return withActor(t, s, "m", func(a *model.Actor) { a.Credibility = model.FixedParam(mu) })
	}
	c := comparePaired(t, credibility(0.2), credibility(0.8))
	assertPositive(t, "P(any deal), μ 0.8 − μ 0.2", c.Metric("paths.deal").Differences[0].Difference)
}

// pairedEpisodes plays episodes 0 … mechanismEpisodes−1 of seed 1 in
// both scenarios and adds f(alternative) − f(baseline) to a Paired for
// every pair for which keep holds in both.
func pairedEpisodes(t *testing.T, base, alt *model.Scenario, keep func(*Episode) bool, f func(*Episode) float64) stats.Difference {
	t.Helper()
	cfg := config(mechanismEpisodes)
	pb, err := resolve(base, cfg)
	if err != nil {
		t.Fatal(err)
	}
	pa, err := resolve(alt, cfg)
	if err != nil {
		t.Fatal(err)
	}
	wb, wa := newPlayer(pb), newPlayer(pa)
	var d stats.Paired
	for i := range mechanismEpisodes {
		eb := wb.play(i)
		vb, kb := f(eb), keep(eb)
		ea := wa.play(i)
		if kb && keep(ea) {
			d.Add(f(ea), vb)
		}
	}
	return d.Summary()
}

// TestPatienceTerms checks deliverable 4 of issue #10: with time-dependent
// tactics conceding over each side's own shadow of the future, a more
// patient A (δ 0.98 rather than 0.9) concedes more slowly than B and gets
// a larger share of the pie in the deals made in both arms.
func TestPatienceTerms(t *testing.T) {
	s := load(t, "lab-patience")
	discount := func(d float64) *model.Scenario {
		return withActor(t, s, "a", func(a *model.Actor) { a.Discount = model.FixedParam(d) })
	}
	dealt := func(e *Episode) bool { return e.Outcome == Comprehensive }
	share := func(e *Episode) float64 { return e.Terms[0] }
	assertPositive(t, "A's share, δ 0.98 − δ 0.9", pairedEpisodes(t, discount(0.9), discount(0.98), dealt, share))
}

// TestTitForTatRetaliates checks deliverable 5 of issue #10: after a
// detected reneging by A, a tit-for-tat B withholds its concessions for a
// while, so fewer deals follow than with a linear B in the same episodes,
// which mirrors nothing. Before any reneging the two tactics concede
// alike against a time-dependent A (tit-for-tat matches A's latest
// concession, one linear step ahead), so the difference is the
// retaliation.
func TestTitForTatRetaliates(t *testing.T) {
	s := load(t, "lab-reciprocity")
	tactic := func(tc model.Tactic) *model.Scenario {
		return withActor(t, s, "b", func(a *model.Actor) {
			a.Strategy = model.Strategy{Policy: model.ComprehensiveOnly, Tactic: tc}
		})
	}
	all := func(*Episode) bool { return true }
	deals := func(e *Episode) float64 { return float64(e.Agreements) }
	assertPositive(t, "deals, linear − tit-for-tat", pairedEpisodes(t, tactic(model.TitForTat), tactic(model.LinearTactic), all, deals))
}

// TestBeliefsLearn checks the learning beliefs of deliverable 5 of issue
// #10: under private information a subgame-perfect side that
// underestimates the other's value of no deal offers too little, is
// refused and learns (see episode.learnFromRejection and learnFromOffer),
// so agreement comes later than under perfect information in the same
// worlds (Fearon 1995: private information delays agreement), and still
// comes before the horizon.
func TestBeliefsLearn(t *testing.T) {
	s := load(t, "lab-beliefs")
	perfect := *s
	perfect.Protocol.Information = model.Perfect
	dealt := func(e *Episode) bool { return e.FirstAgreement > 0 }
	round := func(e *Episode) float64 { return float64(e.FirstAgreement) }
	assertPositive(t, "round of agreement, private − perfect", pairedEpisodes(t, &perfect, s, dealt, round))
	late := 0
	for i := range 200 {
		e, err := Play(s, config(200), i)
		if err != nil {
			t.Fatal(err)
		}
		if e.FirstAgreement == 0 || e.FirstAgreement > 10 {
			late++
		}
	}
	if late > 0 {
		t.Errorf("%d of 200 private-information episodes agree after round 10 or never; want learning to reach agreement within a few refusals", late)
	}
}

// TestReciprocityResets checks that the tit-for-tat state, the offers on
// the table and the learned beliefs start afresh with every episode: a
// worker that has already played the episodes before i plays episode i
// exactly as a fresh one does, in the lab where a tit-for-tat side
// retaliates after renegings.
func TestReciprocityResets(t *testing.T) {
	s := withActor(t, load(t, "lab-reciprocity"), "b", func(a *model.Actor) {
		a.Strategy = model.Strategy{Policy: model.ComprehensiveOnly, Tactic: model.TitForTat}
	})
	cfg := config(300)
	p, err := resolve(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := newPlayer(p)
	retaliations := 0
	for i := range cfg.Episodes {
		got := *w.play(i)
		if w.ep.talks.punishTill[1] > 0 {
			retaliations++
		}
		want, err := Play(s, cfg, i)
		if err != nil {
			t.Fatal(err)
		}
		if got.Outcome != want.Outcome || got.Utility != want.Utility || got.Agreements != want.Agreements {
			t.Fatalf("episode %d after %d others: %v, utilities %v, %d deals; fresh: %v, %v, %d",
				i, i, got.Outcome, got.Utility, got.Agreements, want.Outcome, want.Utility, want.Agreements)
		}
	}
	if retaliations == 0 {
		t.Fatal("no episode retaliated: the test cannot tell stale state from fresh")
	}
}

// TestMediatorPause checks the pause rule round(P·(1 − 0.5·μ)), at least
// one round, with the expected values worked by hand (Go's math.Round
// rounds halves away from zero).
func TestMediatorPause(t *testing.T) {
	p, err := resolve(load(t, "lab-mediator"), config(1))
	if err != nil {
		t.Fatal(err)
	}
	w := newPlayer(p)
	w.play(0)
	e := &w.ep
	for _, c := range []struct {
		mu   float64
		want [5]int // for pauses of 0 … 4 rounds
	}{
		{0, [5]int{0, 1, 2, 3, 4}},
		{0.5, [5]int{0, 1, 2, 2, 3}}, // ×0.75: 0.75, 1.5, 2.25, 3
		{1, [5]int{0, 1, 1, 2, 2}},   // ×0.5: 0.5, 1, 1.5, 2
	} {
		e.world.Actors[e.mediator].Credibility = c.mu
		for pause, want := range c.want {
			if got := e.pause(pause); got != want {
				t.Errorf("μ %v: a pause of %d lasts %d rounds; want %d", c.mu, pause, got, want)
			}
		}
	}
}
