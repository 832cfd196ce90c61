package sim

import (
	"math"
	"slices"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// Conflict mechanism checks on testdata/lab-conflict.yaml, paired as the
// checks of mechanism_test.go are: one parameter at two levels, the same
// episodes of seed 1.

// withProtocol returns a copy of s whose protocol edit has changed.
func withProtocol(s *model.Scenario, edit func(*model.Protocol)) *model.Scenario {
	c := *s
	c.Protocol.EscalationCost = slices.Clone(s.Protocol.EscalationCost)
	edit(&c.Protocol)
	return &c
}

// TestCeasefireResumesTalks checks that a higher ceasefire probability
// (0.9 a round rather than 0.2) makes talks resume after a strike more
// often: with the horizon near, a slow ceasefire often comes too late.
func TestCeasefireResumesTalks(t *testing.T) {
	s := load(t, "lab-conflict")
	ceasefire := func(q float64) *model.Scenario {
		return withProtocol(s, func(p *model.Protocol) { p.Ceasefire = model.FixedParam(q) })
	}
	d := pairedEpisodes(t, ceasefire(0.2), ceasefire(0.9), every, func(e *Episode) float64 { return indicator(e.Resumed > 0) })
	assertPositive(t, "P(talks resumed), ceasefire 0.9 − 0.2", d)
}

// TestLatencyRaisesStrikes checks that nuclear advances that move the
// latency toward breakout (+0.4 each rather than none) bring more
// strikes: the hazard is multiplied by exp(2·(ℓ − ℓ₀)).
func TestLatencyRaisesStrikes(t *testing.T) {
	s := load(t, "lab-conflict")
	j := slices.IndexFunc(s.Shocks, func(sh model.Shock) bool { return sh.Name == "nuclear_advance" })
	advance := func(by float64) *model.Scenario {
		c := *s
		c.Shocks = slices.Clone(s.Shocks)
		p := model.FixedParam(by)
		c.Shocks[j].Effects.Latency = &p
		return &c
	}
	d := pairedEpisodes(t, advance(0), advance(0.4), every, func(e *Episode) float64 { return float64(e.Strikes) })
	assertPositive(t, "strikes, latency step 0.4 − 0", d)
}

// TestDealInForceFewerStrikes checks that deals in force bring fewer
// strikes than no deal: with A's red line at 0 deals are made (no strike
// comes while one is in force, and each rolls the latency back); at 0.8
// no package gives B its value of no deal, so none is.
func TestDealInForceFewerStrikes(t *testing.T) {
	s := load(t, "lab-conflict")
	redLine := func(level float64) *model.Scenario {
		return withActor(t, s, "a", func(a *model.Actor) {
			a.RedLines = slices.Clone(a.RedLines)
			a.RedLines[0].Level = model.FixedParam(level)
		})
	}
	noDeal, deals := redLine(0.8), redLine(0)
	if d := pairedEpisodes(t, noDeal, deals, every, func(e *Episode) float64 { return indicator(e.FirstAgreement > 0) }); d.Mean < 0.8 {
		t.Fatalf("deals in %.0f%% more episodes; want nearly all with red line 0 and none with 0.8", 100*d.Mean)
	}
	d := pairedEpisodes(t, noDeal, deals, every, func(e *Episode) float64 { return float64(e.Strikes) })
	assertNegative(t, "strikes, deals − no deal", d)
}

// TestCostOfConflictDetersReneging checks strategic reneging: a higher
// cost of conflict for B (0.8 a round rather than 0.05) lowers its value
// of no deal, which weighs more in defecting (B is back at no deal once
// detected, with probability 0.1 a round) than in staying (the deal ends
// only if A reneges, which it never does), so B reneges less. Both red
// lines are set at a share of 0.6, and the pressure shock that would move
// B's is left out, so every deal has the same terms in both arms and only
// the value of no deal differs.
func TestCostOfConflictDetersReneging(t *testing.T) {
	s := load(t, "lab-conflict")
	s.Shocks = slices.DeleteFunc(slices.Clone(s.Shocks), func(sh model.Shock) bool { return sh.Name == "pressure" })
	for _, name := range []string{"a", "b"} {
		s = withActor(t, s, name, func(a *model.Actor) {
			a.RedLines = slices.Clone(a.RedLines)
			a.RedLines[0].Level = model.FixedParam(0.6)
		})
	}
	b := s.Actor("b")
	cost := func(c float64) *model.Scenario {
		return withProtocol(s, func(p *model.Protocol) {
			for n := range p.EscalationCost {
				if p.EscalationCost[n].Actor == b {
					p.EscalationCost[n].By = model.FixedParam(c)
				}
			}
		})
	}
	d := pairedEpisodes(t, cost(0.05), cost(0.8), every, func(e *Episode) float64 { return indicator(e.Reneged[1]) })
	assertNegative(t, "P(B reneges), cost 0.8 − 0.05", d)
}

// TestPoliticalStateRisesAndFalls checks the pressure state of
// lab-conflict: 0 before its strike in round 3, 0.5 (its rise) after it,
// then (1 − 0.2) of the level a round; B's red line on share, 0.9 with a
// shift of −0.4 at full level, follows the level within levelStep (it is
// 0.9 − 0.4·level' with level' within levelStep above the level), so it
// drops by 0.2 and climbs back.
func TestPoliticalStateRisesAndFalls(t *testing.T) {
	s := load(t, "lab-conflict")
	p, err := resolve(s, config(1))
	if err != nil {
		t.Fatal(err)
	}
	w := newPlayer(p)
	seedEpisode(w.src, p.seed, 0)
	e := &w.ep
	e.begin(w.rng)
	j := slices.IndexFunc(s.Shocks, func(sh model.Shock) bool { return sh.Name == "pressure" })
	const tol = 1e-12
	peak, low := 0.0, math.Inf(1)
	for r := 1; r <= 12; r++ {
		e.step(r)
		want := 0.0
		if r >= 3 {
			want = 0.5 * math.Pow(0.8, float64(r-3))
		}
		level, line := e.politics.level[j], e.redLines()[1][0]
		if math.Abs(level-want) > tol {
			t.Fatalf("round %d: level %v, want %v", r, level, want)
		}
		if at := (0.9 - line) / 0.4; at < want-tol || at > want+levelStep {
			t.Fatalf("round %d: B's red line %v is 0.9 − 0.4·%v; want a level within %v above %v", r, line, at, levelStep, want)
		}
		peak, low = max(peak, level), min(low, line)
	}
	if peak != 0.5 || math.Abs(low-0.7) > tol || e.redLines()[1][0] < 0.9-0.4*(0.5*math.Pow(0.8, 9)+levelStep) {
		t.Errorf("the state peaked at %v and the red line fell to %v, back to %v by round 12; want 0.5, 0.7 and above 0.85", peak, low, e.redLines()[1][0])
	}
}

// TestBoundsHoldDuringPlay checks, over sampled worlds of every shipped
// scenario, that no ratification bar ever exceeds its ratifier's best
// utility (nor falls below its worst) and no red line leaves its issue's
// range, after every round of play: as shipped, and with every shock
// striking every round, which saturates the political states and piles
// up the one-off shifts.
func TestBoundsHoldDuringPlay(t *testing.T) {
	const episodes = 100
	for _, name := range scenarios.Names() {
		s := load(t, name)
		stressed := *s
		stressed.Shocks = slices.Clone(s.Shocks)
		for j := range stressed.Shocks {
			if stressed.Shocks[j].At == 0 {
				stressed.Shocks[j].Hazard = model.FixedParam(1)
			}
		}
		for _, sc := range []*model.Scenario{s, &stressed} {
			p, err := resolve(sc, config(episodes))
			if err != nil {
				t.Fatal(err)
			}
			w := newPlayer(p)
			e := &w.ep
			for i := range episodes {
				seedEpisode(w.src, p.seed, i)
				e.begin(w.rng)
				for r := 1; r <= e.horizon; r++ {
					e.step(r)
					checkBounds(t, name, i, r, e)
				}
			}
		}
	}
}

// checkBounds fails the test if a red line or a ratification bar of
// episode e is out of bounds after round r.
func checkBounds(t *testing.T, name string, i, r int, e *episode) {
	t.Helper()
	for k, is := range e.issues {
		for side := range 2 {
			if l := e.redLines()[side][k]; !math.IsNaN(l) && (l < is.Min || l > is.Max) {
				t.Fatalf("%s episode %d round %d: red line %v on %s outside [%v, %v]", name, i, r, l, is.Name, is.Min, is.Max)
			}
		}
	}
	for _, a := range e.ratifiers {
		aw := &e.world.Actors[a]
		lo, hi := aw.UtilityBounds()
		if bar := aw.Bar + e.barShift(a); bar > hi+1e-12 || bar < lo-1e-12 {
			t.Fatalf("%s episode %d round %d: %s's bar %v outside its utility bounds [%v, %v]", name, i, r, e.scn.Actors[a].Name, bar, lo, hi)
		}
	}
}
