package sim

import (
	"math"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// allStrategies returns every policy/tactic pair.
func allStrategies() []model.Strategy {
	var all []model.Strategy
	for p := range model.PolicyNames() {
		for t := range model.TacticNames() {
			all = append(all, model.Strategy{Policy: model.Policy(p), Tactic: model.Tactic(t)})
		}
	}
	return all
}

// TestEveryStrategyPair plays a few episodes of every shipped scenario
// under every pair of strategies, and checks what must hold whatever the
// strategies: a valid outcome, utilities within bounds and finite, terms
// within the issues' ranges, and timing consistent with the outcome.
func TestEveryStrategyPair(t *testing.T) {
	all := allStrategies()
	for _, name := range scenarios.Names() {
		s := load(t, name)
		who := s.Principals()
		for _, a := range all {
			for _, b := range all {
				cfg := config(3)
				cfg.Strategies = map[string]model.Strategy{s.Actors[who[0]].Name: a, s.Actors[who[1]].Name: b}
				for i := range cfg.Episodes {
					e, err := Play(s, cfg, i)
					if err != nil {
						t.Fatal(err)
					}
					checkEpisode(t, s, &e)
				}
			}
		}
	}
}

// checkEpisode checks the invariants of one episode.
func checkEpisode(t *testing.T, s *model.Scenario, e *Episode) {
	t.Helper()
	if e.Outcome >= numOutcomes {
		t.Fatalf("outcome %v", e.Outcome)
	}
	for j, a := range s.Principals() {
		u := e.Utility[j]
		if math.IsNaN(u) || u < utilityFloor(s, a)-1e-12 || u > 1+1e-12 {
			t.Fatalf("%s: utility %v outside [%v, 1]", s.Actors[a].Name, u, utilityFloor(s, a))
		}
	}
	inForce := e.Outcome == Comprehensive || e.Outcome == Interim
	if inForce {
		for k, x := range e.Terms {
			if is := s.Issues[k]; math.IsNaN(x) || x < is.Min || x > is.Max {
				t.Fatalf("%s: term %v outside [%v, %v]", is.Name, x, is.Min, is.Max)
			}
		}
	}
	if ef := e.Efficiency; ef.Measured && (ef.ParetoGap < 0 || ef.NashDistance < 0 || ef.NashDistance > maxEfficiencyGap ||
		e.Outcome == Comprehensive && ef.ParetoGap > 1e-9) {
		t.Fatalf("efficiency %+v of a %v deal: want a gap of 0 for a comprehensive deal, distances in [0, %v]", ef, e.Outcome, maxEfficiencyGap)
	}
	if inForce && e.FirstAgreement == 0 || e.Outcome == Comprehensive && e.ComprehensiveAgreement == 0 ||
		e.Outcome == Collapsed && e.Agreements == 0 || e.DealRounds > s.Horizon {
		t.Fatalf("timing inconsistent with outcome: %+v", e)
	}
}
