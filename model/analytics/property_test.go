package analytics_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/parley-sim/parley/scenarios"
)

// TestPropertiesShipped checks the properties of checkProperties on the
// central world of every shipped scenario.
func TestPropertiesShipped(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			checkProperties(t, shippedWorld(t, name), rand.New(rand.NewPCG(1, 0)))
		})
	}
}

// TestPropertiesRandom checks them on small random worlds: one to three
// issues, linear and single-peaked values (some bending inside the range,
// which gives frontiers with gaps), audience costs and red lines.
func TestPropertiesRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 0))
	for n := range 300 {
		w := randomWorld(r)
		if t.Failed() {
			break
		}
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("world %d: %+v", n, w.Actors)
				}
			}()
			checkProperties(t, w, r)
		})
	}
}

func randomWorld(r *rand.Rand) *model.World {
	s := &model.Scenario{Name: "random", Actors: []model.Actor{
		{Name: "a", Role: model.Principal}, {Name: "b", Role: model.Principal}}}
	w := &model.World{Scenario: s, Actors: make([]model.ActorWorld, 2)}
	n := 1 + r.IntN(3)
	for k := range n {
		lo := math.Round(r.Float64() * 10)
		s.Issues = append(s.Issues, model.Issue{Name: string(rune('x' + k)), Min: lo, Max: lo + 1 + math.Round(r.Float64()*9)})
	}
	for i := range w.Actors {
		aw := &w.Actors[i]
		aw.Reservation = -0.1 + 0.7*r.Float64()
		aw.Discount = 0.5 + 0.5*r.Float64()
		sum := 0.0
		for k, is := range s.Issues {
			between := func(a, b float64) float64 { return a + r.Float64()*(b-a) }
			v := model.ValueWorld{Shape: model.Linear, Ideal: is.Min, IssueMin: is.Min, IssueMax: is.Max}
			switch r.IntN(3) {
			case 0:
				v.Ideal = is.Max
			case 1:
				v.Shape, v.Ideal, v.Low, v.High = model.SinglePeaked, between(is.Min, is.Max), is.Min, is.Max
				if r.IntN(2) == 0 {
					v.Low = between(is.Min, v.Ideal)
				}
				if r.IntN(2) == 0 {
					v.High = between(v.Ideal, is.Max)
				}
			}
			aw.Values = append(aw.Values, v)
			aw.Weights = append(aw.Weights, r.Float64())
			sum += aw.Weights[k]
			cost := 0.0
			if r.IntN(4) == 0 {
				cost = 0.2 * r.Float64()
			}
			aw.AudienceCosts = append(aw.AudienceCosts, cost)
			if r.IntN(4) == 0 {
				s.Actors[i].RedLines = append(s.Actors[i].RedLines, model.RedLine{Issue: k})
				aw.RedLines = append(aw.RedLines, between(is.Min, is.Max))
			}
		}
		for k := range aw.Weights {
			aw.Weights[k] /= sum
		}
	}
	return w
}

// checkProperties checks an analysis against brute force and its
// definitions:
//   - every reported point's utilities are the package's (ActorWorld.Utility);
//   - no random feasible package dominates a frontier or solution point,
//     and every one is weakly dominated by some frontier point;
//   - no feasible package beats a principal's ideal;
//   - every solution is individually rational and on the frontier;
//   - the Nash product at the Nash point is at least that at every other
//     ZOPA frontier point, and likewise the sum at the utilitarian point
//     and the smaller relative gain at the Kalai–Smorodinsky point;
//   - the Kalai–Smorodinsky relative gains are equal where the ZOPA
//     frontier has no gap.
func checkProperties(t *testing.T, w *model.World, r *rand.Rand) {
	t.Helper()
	const eps = 1e-9 // the analytics' rounding; analytics.Tol for comparisons of utilities
	a, err := analytics.Analyze(w)
	if err != nil {
		t.Fatal(err)
	}
	s := w.Scenario
	if !a.Compatible() {
		if a.Frontier != nil || a.ZOPA != nil || a.Nash != nil {
			t.Error("clashing red lines, yet a frontier or a ZOPA")
		}
		return
	}
	p := a.Principals
	u := func(x []float64) [2]float64 {
		return [2]float64{w.Actors[p[0]].Utility(s.Issues, x), w.Actors[p[1]].Utility(s.Issues, x)}
	}
	checkPoint := func(what string, q analytics.Point) {
		got := u(q.Terms)
		for i := range 2 {
			if math.Abs(got[i]-q.Utility[i]) > eps {
				t.Errorf("%s: utilities %v, but the package %v is worth %v", what, q.Utility, q.Terms, got)
			}
		}
		for k, x := range q.Terms {
			if x < a.Ranges[k].Lo-eps || x > a.Ranges[k].Hi+eps {
				t.Errorf("%s: level %v of issue %d outside its feasible range %v", what, x, k, a.Ranges[k])
			}
		}
	}
	// Points on the frontier: each segment's inner points and its ends,
	// except an end next to a gap, which may be weakly dominated (Segment).
	var front []analytics.Point
	for n, sg := range a.Frontier {
		checkPoint("frontier", sg.A)
		checkPoint("frontier", sg.B)
		front = append(front, sg.At(0.25), sg.At(0.5), sg.At(0.75))
		if n == 0 || sg.A.Utility == a.Frontier[n-1].B.Utility {
			front = append(front, sg.A)
		}
		if n == len(a.Frontier)-1 || sg.B.Utility == a.Frontier[n+1].A.Utility {
			front = append(front, sg.B)
		}
	}
	// most returns the most of utility 1−i the frontier offers with at least x of utility i.
	most := func(i int, x float64) float64 {
		m := math.Inf(-1)
		for _, sg := range a.Frontier {
			lo, hi := sg.A, sg.B // lo has less of utility i
			if i == 1 {
				lo, hi = hi, lo
			}
			if hi.Utility[i] >= x {
				f := 0.0
				if hi.Utility[i] != lo.Utility[i] {
					f = max((x-lo.Utility[i])/(hi.Utility[i]-lo.Utility[i]), 0)
				}
				m = max(m, lo.Utility[1-i]+f*(hi.Utility[1-i]-lo.Utility[1-i]))
			}
		}
		return m
	}
	packages := randomPackages(w, a.Ranges, r, 300)
	dominated := func(q analytics.Point) bool {
		for _, x := range packages {
			v := u(x)
			if v[0] >= q.Utility[0]-1e-12 && v[1] >= q.Utility[1]-1e-12 && (v[0] > q.Utility[0]+1e-7 || v[1] > q.Utility[1]+1e-7) {
				return true
			}
		}
		return false
	}
	for _, q := range front {
		if dominated(q) {
			t.Errorf("frontier point %v %v is dominated", q.Terms, q.Utility)
		}
	}
	for _, x := range packages {
		v := u(x)
		if most(0, v[0]-eps) < v[1]-eps {
			t.Errorf("package %v worth %v lies above the frontier (%v)", x, v, most(0, v[0]))
		}
		for i := range 2 {
			if v[i] > a.Ideal[i].Utility[i]+eps {
				t.Errorf("package %v gives principal %d %v, above its ideal %v", x, i, v[i], a.Ideal[i].Utility[i])
			}
		}
	}
	if a.ZOPA == nil {
		if a.Nash != nil || a.KalaiSmorodinsky != nil || a.Utilitarian != nil {
			t.Error("solutions without a ZOPA")
		}
		if most(0, a.Disagreement[0]) >= a.Disagreement[1]+analytics.Tol {
			t.Errorf("no ZOPA reported, yet the frontier gives %v at d = %v", most(0, a.Disagreement[0]), a.Disagreement)
		}
		return
	}
	d, utopia := a.Disagreement, a.ZOPA.Utopia()
	var zopa []analytics.Point
	for _, q := range front {
		if q.Utility[0] >= d[0] && q.Utility[1] >= d[1] {
			zopa = append(zopa, q)
		}
	}
	for _, sg := range a.ZOPA.Frontier {
		zopa = append(zopa, sg.A, sg.B)
	}
	product := func(q analytics.Point) float64 { return (q.Utility[0] - d[0]) * (q.Utility[1] - d[1]) }
	sum := func(q analytics.Point) float64 { return q.Utility[0] + q.Utility[1] }
	rel := func(q analytics.Point) [2]float64 {
		var g [2]float64
		for i := range 2 {
			g[i] = 1
			if utopia[i]-d[i] > analytics.Tol {
				g[i] = (q.Utility[i] - d[i]) / (utopia[i] - d[i])
			}
		}
		return g
	}
	worst := func(q analytics.Point) float64 { g := rel(q); return min(g[0], g[1]) }
	solutions := map[string]*analytics.Point{"Nash": a.Nash, "Kalai–Smorodinsky": a.KalaiSmorodinsky, "utilitarian": a.Utilitarian}
	if a.Rubinstein != nil {
		solutions["Rubinstein"] = a.Rubinstein.Point
	}
	for name, q := range solutions {
		checkPoint(name, *q)
		if q.Utility[0] < d[0]-analytics.Tol || q.Utility[1] < d[1]-analytics.Tol {
			t.Errorf("%s %v is not individually rational against %v", name, q.Utility, d)
		}
		if dominated(*q) || most(0, q.Utility[0]) > q.Utility[1]+eps || most(1, q.Utility[1]) > q.Utility[0]+eps {
			t.Errorf("%s %v is not Pareto-optimal", name, q.Utility)
		}
	}
	for _, q := range zopa {
		if product(q) > product(*a.Nash)+eps {
			t.Errorf("Nash product %v at %v, but %v at %v", product(*a.Nash), a.Nash.Utility, product(q), q.Utility)
		}
		if sum(q) > sum(*a.Utilitarian)+eps {
			t.Errorf("utilitarian sum %v, but %v at %v", sum(*a.Utilitarian), sum(q), q.Utility)
		}
		if worst(q) > worst(*a.KalaiSmorodinsky)+eps {
			t.Errorf("KS smaller relative gain %v, but %v at %v", worst(*a.KalaiSmorodinsky), worst(q), q.Utility)
		}
	}
	connected := true
	for n := 1; n < len(a.ZOPA.Frontier); n++ {
		connected = connected && a.ZOPA.Frontier[n-1].B.Utility == a.ZOPA.Frontier[n].A.Utility
	}
	if g := rel(*a.KalaiSmorodinsky); connected && utopia[0]-d[0] > analytics.Tol && utopia[1]-d[1] > analytics.Tol && math.Abs(g[0]-g[1]) > eps {
		t.Errorf("Kalai–Smorodinsky relative gains %v differ", g)
	}
}

// randomPackages returns n feasible packages: levels drawn uniformly in
// their ranges, with a third of them at a range end or a value function's
// breakpoint.
func randomPackages(w *model.World, ranges []analytics.Range, r *rand.Rand, n int) [][]float64 {
	out := make([][]float64, n)
	for j := range out {
		x := make([]float64, len(ranges))
		for k, rg := range ranges {
			x[k] = rg.Lo + r.Float64()*(rg.Hi-rg.Lo)
			if r.IntN(3) == 0 {
				var marks []float64
				for _, aw := range w.Actors {
					if k < len(aw.Values) {
						v := aw.Values[k]
						marks = append(marks, v.Ideal, v.Low, v.High)
					}
				}
				x[k] = min(max(append(marks, rg.Lo, rg.Hi)[r.IntN(len(marks)+2)], rg.Lo), rg.Hi)
			}
		}
		out[j] = x
	}
	return out
}
