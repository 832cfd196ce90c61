package sim

import (
	"math"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/parley-sim/parley/scenarios"
)

// TestFrontierAgreesWithAnalytics holds the engine's frontier (space.go)
// and the analytics' (model/analytics) together: on every shipped
// scenario's central world they agree on whether the red lines leave any
// comprehensive package, on each side's best package, and on the most the
// second principal can get for every utility of the first along the way.
// lab-ideal-line adds a red line at a side's own ideal, once read as a
// ceiling by the analytics and as a floor by the engine: both must find no
// zone of agreement there, and the engine no deal.
func TestFrontierAgreesWithAnalytics(t *testing.T) {
	const tol = 1e-9 // both compute the same piecewise-linear frontier in float64
	for _, name := range append(scenarios.Names(), "lab-ideal-line") {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			var e episode
			who := s.Principals()
			e.reset(s, s.Horizon, [2]model.Strategy{s.Actors[who[0]].Strategy, s.Actors[who[1]].Strategy})
			s.Central(e.world)
			e.start()
			a, err := analytics.Analyze(e.world)
			if err != nil {
				t.Fatal(err)
			}
			if e.comp.ok != a.Compatible() {
				t.Fatalf("engine finds packages: %v; analytics finds red lines compatible: %v", e.comp.ok, a.Compatible())
			}
			if name == "lab-ideal-line" {
				if a.ZOPA != nil {
					t.Errorf("analytics find a ZOPA %+v; want none: A takes the whole pie or nothing", a.ZOPA)
				}
				for i := range 200 {
					if ep, err := Play(s, config(200), i); err != nil || ep.FirstAgreement != 0 {
						t.Fatalf("episode %d: first deal in round %d (error %v); want none", i, ep.FirstAgreement, err)
					}
				}
			}
			if !e.comp.ok {
				return
			}
			for i := range 2 {
				if got, want := e.comp.best(i), a.Ideal[i].Utility[i]; math.Abs(got-want) > tol {
					t.Errorf("best for principal %d: engine %.12f, analytics %.12f", i, got, want)
				}
			}
			lo, hi := a.Ideal[1].Utility[0], a.Ideal[0].Utility[0]
			x := make([]float64, len(s.Issues))
			for n := range 11 {
				u0 := lo + (hi-lo)*float64(n)/10
				_, u1, ok := e.comp.point(&e.util, 0, u0, x)
				p, ok2 := a.BestFor(1, u0)
				if !ok || !ok2 {
					t.Fatalf("u0 = %.6f: engine found a package: %v, analytics: %v", u0, ok, ok2)
				}
				if math.Abs(u1-p.Utility[1]) > tol {
					t.Errorf("u0 = %.6f: engine gives principal 1 %.12f, analytics %.12f", u0, u1, p.Utility[1])
				}
			}
		})
	}
}
