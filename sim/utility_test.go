package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// newUtilities returns the utilities of principals p0 and p1 over issues.
func newUtilities(issues []model.Issue, p0, p1 *model.ActorWorld) *utilities {
	u := new(utilities)
	u.set(issues, p0, p1)
	return u
}

// TestUtilitiesMatchModel checks that the engine's table of terms gives
// model.ActorWorld's utilities to the bit, for every shipped scenario's
// principals in sampled worlds, at every breakpoint of their value
// functions, at the ends of each range and beyond, and at random levels
// and packages: the outputs of every run rest on it.
func TestUtilitiesMatchModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range scenarios.Names() {
		s := load(t, name)
		var w model.World
		who := s.Principals()
		for range 20 {
			s.Sample(&w, rng)
			a := [2]*model.ActorWorld{&w.Actors[who[0]], &w.Actors[who[1]]}
			u := newUtilities(s.Issues, a[0], a[1])
			x := make([]float64, len(s.Issues))
			for i := range 2 {
				for k, is := range s.Issues {
					v := a[i].Values[k]
					levels := []float64{is.Min, is.Max, is.StatusQuo, v.Ideal, v.Low, v.High,
						is.Min - 1, is.Max + 1, math.Copysign(0, -1), math.NaN()}
					for range 10 {
						levels = append(levels, is.Min+rng.Float64()*(is.Max-is.Min))
					}
					for _, l := range levels {
						if got, want := u.issue(i, k, l), a[i].IssueUtility(is, k, l); math.Float64bits(got) != math.Float64bits(want) {
							t.Errorf("%s: principal %d, issue %s at %v: %v, model %v", name, i, is.Name, l, got, want)
						}
					}
				}
				for range 20 {
					for k, is := range s.Issues {
						x[k] = is.Min + rng.Float64()*(is.Max-is.Min)
					}
					if got, want := u.total(i, x), a[i].Utility(s.Issues, x); math.Float64bits(got) != math.Float64bits(want) {
						t.Errorf("%s: principal %d, package %v: %v, model %v", name, i, x, got, want)
					}
				}
			}
		}
	}
}
