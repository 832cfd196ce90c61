package scenarios

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parley-sim/parley/model"
)

// TestSampledWorldsAreValid samples every shipped scenario many times and
// checks that each world satisfies the ranges the format promises: every
// sampled probability in [0, 1], weights summing to 1, red lines inside
// their issue's range, utilities within their bounds.
func TestSampledWorldsAreValid(t *testing.T) {
	const episodes = 300
	r := rand.New(rand.NewPCG(3, 4))
	for _, name := range Names() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var w model.World
		x := make([]float64, len(s.Issues))
		for ep := range uint64(episodes) {
			s.Sample(&w, rand.New(rand.NewChaCha8(seedKey(5, ep))))
			check := func(what string, v, lo, hi float64) {
				if !(v >= lo && v <= hi) {
					t.Fatalf("%s episode %d: %s = %v, want within [%v, %v]", name, ep, what, v, lo, hi)
				}
			}
			for i, a := range s.Actors {
				aw := &w.Actors[i]
				switch a.Role {
				case model.Principal:
					check(a.Name+" discount", aw.Discount, math.SmallestNonzeroFloat64, 1)
					check(a.Name+" reservation", aw.Reservation, -1, 1)
					check(a.Name+" belief noise", aw.BeliefNoise, 0, 1)
					check(a.Name+" reneging hazard", aw.RenegingHazard, 0, 1)
					sum := 0.0
					for k, wk := range aw.Weights {
						check(a.Name+" weight "+s.Issues[k].Name, wk, 0, 1)
						sum += wk
					}
					check(a.Name+" weight sum", sum, 1-1e-12, 1+1e-12)
					for k, rl := range a.RedLines {
						is := s.Issues[rl.Issue]
						check(a.Name+" red line "+is.Name, aw.RedLines[k], is.Min, is.Max)
					}
					lo, hi := aw.UtilityBounds()
					for range 20 {
						for k, is := range s.Issues {
							x[k] = is.Min + r.Float64()*(is.Max-is.Min)
						}
						check(a.Name+" utility", aw.Utility(s.Issues, x), lo-1e-12, hi+1e-12)
					}
				case model.Mediator:
					check(a.Name+" credibility", aw.Credibility, 0, 1)
					check(a.Name+" bridging probability", aw.BridgingBase+aw.BridgingSlope*aw.Credibility, 0, 1)
				}
			}
			for i, sh := range s.Shocks {
				check(sh.Name+" hazard", w.Shocks[i].Hazard, 0, 1)
				check(sh.Name+" pause", float64(w.Shocks[i].Pause), 0, float64(s.Horizon))
			}
			if s.Deals.Interim != nil {
				check("interim term", float64(w.Interim.Term), 1, float64(s.Horizon))
			}
			check("escalation hazard", w.Protocol.EscalationHazard, 0, 1)
			for i, c := range w.Protocol.EscalationCost {
				check(s.Actors[s.Protocol.EscalationCost[i].Actor].Name+" escalation cost", c, 0, 2)
			}
		}
	}
}
