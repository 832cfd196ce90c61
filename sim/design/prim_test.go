package design

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// planted returns n uniform points in [0,1]^d and the condition
// x1 > 0.6 && x2 < 0.3 (inputs counted from 0), each outcome flipped with
// probability noise.
func planted(n, d int, noise float64, seed uint64) ([][]float64, []bool) {
	rng := rand.New(rand.NewPCG(seed, 1))
	x := make([][]float64, n)
	y := make([]bool, n)
	for p := range x {
		x[p] = make([]float64, d)
		for i := range x[p] {
			x[p][i] = rng.Float64()
		}
		y[p] = x[p][1] > 0.6 && x[p][2] < 0.3
		if rng.Float64() < noise {
			y[p] = !y[p]
		}
	}
	return x, y
}

// checkTrajectory checks what holds for every trajectory: the counts of
// each box are those of its limits, the statistics follow from the counts,
// unrestricted limits are the data's range, the density rises strictly,
// coverage falls while peeling and rises while pasting, and the chosen box
// has the highest F1.
func checkTrajectory(x [][]float64, y []bool, res PRIMResult, opts PRIMOptions) error {
	tr := res.Trajectory
	if len(tr) == 0 || res.Peeled < 1 || res.Peeled > len(tr) || res.Chosen < 0 || res.Chosen >= len(tr) {
		return fmt.Errorf("trajectory of %d boxes, %d peeled, chosen %d", len(tr), res.Peeled, res.Chosen)
	}
	total := 0
	for _, v := range y {
		if v {
			total++
		}
	}
	data := make([]Range, len(x[0]))
	for i := range data {
		data[i] = Range{math.Inf(1), math.Inf(-1)}
		for _, row := range x {
			data[i] = Range{min(data[i].Lo, row[i]), max(data[i].Hi, row[i])}
		}
	}
	minMass := opts.MinMass
	if minMass == 0 {
		minMass = 0.05
	}
	for b, box := range tr {
		n, k := 0, 0
		for p, row := range x {
			if box.Contains(row) {
				n++
				if y[p] {
					k++
				}
			}
		}
		if box.N != n || box.K != k {
			return fmt.Errorf("box %d: N %d K %d, its limits hold %d and %d", b, box.N, box.K, n, k)
		}
		if box.Coverage != float64(k)/float64(total) || box.Density != float64(k)/float64(n) || box.Mass != float64(n)/float64(len(x)) {
			return fmt.Errorf("box %d: coverage %g density %g mass %g from N %d K %d T %d", b, box.Coverage, box.Density, box.Mass, n, k, total)
		}
		if b > 0 && box.Mass < minMass {
			return fmt.Errorf("box %d: mass %g below the minimum %g", b, box.Mass, minMass)
		}
		for i, r := range box.Limits {
			if box.Restricted[i] != (r != data[i]) || r.Lo < data[i].Lo || r.Hi > data[i].Hi || r.Lo > r.Hi {
				return fmt.Errorf("box %d input %d: limits %v restricted %v, data range %v", b, i, r, box.Restricted[i], data[i])
			}
		}
		if b == 0 {
			if box.N != len(x) {
				return fmt.Errorf("the first box holds %d of %d points", box.N, len(x))
			}
			continue
		}
		prev := tr[b-1]
		if box.Density <= prev.Density {
			return fmt.Errorf("box %d: density %g after %g, want a strict rise", b, box.Density, prev.Density)
		}
		if peeling := b < res.Peeled; peeling && (box.N >= prev.N || box.K > prev.K) || !peeling && (box.N <= prev.N || box.K < prev.K) {
			return fmt.Errorf("box %d (peeled %d): N %d K %d after N %d K %d", b, res.Peeled, box.N, box.K, prev.N, prev.K)
		}
	}
	f1 := func(b Box) float64 { return 2 * float64(b.K) / float64(b.N+total) }
	for b, box := range tr {
		if f1(box) > f1(tr[res.Chosen]) || (f1(box) == f1(tr[res.Chosen]) && b < res.Chosen) {
			return fmt.Errorf("chose box %d with F1 %g, box %d has %g", res.Chosen, f1(tr[res.Chosen]), b, f1(box))
		}
	}
	return nil
}

func TestPRIMRecoversPlantedBox(t *testing.T) {
	tests := []struct {
		name  string
		n, d  int
		noise float64
		paste bool
		tol   float64 // of the chosen box's limits from 0.6 and 0.3
	}{
		// Without noise peeling stops at density 1, inside the true box by
		// at most about one peel (5% of ~240 points over a side ~0.3 wide).
		{"exact 3 inputs", 2000, 3, 0, false, 0.03},
		{"exact 5 inputs", 2000, 5, 0, false, 0.03},
		{"exact 5 inputs pasted", 2000, 5, 0, true, 0.03},
		{"5% flipped 5 inputs", 4000, 5, 0.05, false, 0.05},
		{"5% flipped 5 inputs pasted", 4000, 5, 0.05, true, 0.05},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(5) {
				x, y := planted(tt.n, tt.d, tt.noise, seed)
				opts := PRIMOptions{Paste: tt.paste}
				res, err := PRIM(x, y, opts)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkTrajectory(x, y, res, opts); err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				box := res.Trajectory[res.Chosen]
				want := make([]bool, tt.d)
				want[1], want[2] = true, true
				if !slices.Equal(box.Restricted, want) {
					t.Errorf("seed %d: restricted %v, want inputs 1 and 2; box %+v", seed, box.Restricted, box)
					continue
				}
				if math.Abs(box.Limits[1].Lo-0.6) > tt.tol || math.Abs(box.Limits[2].Hi-0.3) > tt.tol {
					t.Errorf("seed %d: limits x1 > %.3f, x2 < %.3f, want 0.6 and 0.3 ± %g", seed, box.Limits[1].Lo, box.Limits[2].Hi, tt.tol)
				}
				// The true box, of mass 0.4·0.3 = 0.12, has density 1 - noise
				// and coverage (1-noise)·0.12 / ((1-noise)·0.12 + noise·0.88).
				// The F1 rule may keep a few false points at the edge to keep
				// more true ones; peeling itself goes on to density 1.
				density := 1 - tt.noise
				coverage := density * 0.12 / (density*0.12 + tt.noise*0.88)
				if box.Density < density-0.05 || box.Coverage < 0.9*coverage {
					t.Errorf("seed %d: chosen box density %.3f coverage %.3f, want about %.3f and %.3f", seed, box.Density, box.Coverage, density, coverage)
				}
				if last := res.Trajectory[res.Peeled-1]; tt.noise == 0 && last.Density != 1 {
					t.Errorf("seed %d: noiseless peeling ended at density %g, want 1", seed, last.Density)
				}
			}
		})
	}
}

// On a grid the inputs take few values; ties are peeled whole, and the
// limits fall halfway between levels.
func TestPRIMGrid(t *testing.T) {
	levels := []float64{0, 1, 2, 3, 4}
	x := Grid([][]float64{levels, levels, levels})
	y := make([]bool, len(x))
	for p, r := range x {
		y[p] = r[0] >= 3 && r[2] <= 1
	}
	res, err := PRIM(x, y, PRIMOptions{Peel: 0.1, MinMass: 0.01, Paste: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTrajectory(x, y, res, PRIMOptions{MinMass: 0.01}); err != nil {
		t.Fatal(err)
	}
	box := res.Trajectory[res.Chosen]
	want := []Range{{2.5, 4}, {0, 4}, {0, 1.5}}
	if !slices.Equal(box.Limits, want) || box.Density != 1 || box.Coverage != 1 {
		t.Errorf("chosen box %+v, want limits %v with density and coverage 1", box, want)
	}
}

// PRIM is deterministic, and it depends on the inputs' order only: a
// positive affine change of an input gives the same counts at every step,
// with the limits changed alike (up to rounding).
func TestPRIMDeterministic(t *testing.T) {
	x, y := planted(1000, 4, 0.1, 3)
	opts := PRIMOptions{Paste: true}
	a, err := PRIM(x, y, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PRIM(x, y, opts)
	if len(a.Trajectory) != len(b.Trajectory) || a.Chosen != b.Chosen || a.Peeled != b.Peeled {
		t.Fatalf("two runs differ: %d/%d/%d boxes, chosen and peeled vs %d/%d/%d",
			len(a.Trajectory), a.Chosen, a.Peeled, len(b.Trajectory), b.Chosen, b.Peeled)
	}
	for i := range a.Trajectory {
		if !slices.Equal(a.Trajectory[i].Limits, b.Trajectory[i].Limits) {
			t.Fatalf("box %d differs", i)
		}
	}
	scaled := make([][]float64, len(x))
	for p, row := range x {
		scaled[p] = slices.Clone(row)
		scaled[p][1] = 3*row[1] + 7
	}
	c, _ := PRIM(scaled, y, opts)
	if len(c.Trajectory) != len(a.Trajectory) || c.Chosen != a.Chosen || c.Peeled != a.Peeled {
		t.Fatalf("x1 -> 3 x1 + 7: %d boxes chosen %d, want %d chosen %d", len(c.Trajectory), c.Chosen, len(a.Trajectory), a.Chosen)
	}
	for i, box := range c.Trajectory {
		want := a.Trajectory[i]
		if box.N != want.N || box.K != want.K || math.Abs(box.Limits[1].Lo-(3*want.Limits[1].Lo+7)) > 1e-12 {
			t.Fatalf("x1 -> 3 x1 + 7: box %d %+v, want %+v", i, box, want)
		}
	}
}

// Edge cases: every point true (nothing to peel: the trajectory is the
// data box), a constant input (never restricted), one point.
func TestPRIMEdges(t *testing.T) {
	x := [][]float64{{0, 5}, {1, 5}, {2, 5}, {3, 5}}
	res, err := PRIM(x, []bool{true, true, true, true}, PRIMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Trajectory) != 1 || res.Trajectory[0].Density != 1 || res.Chosen != 0 {
		t.Errorf("all true: %+v", res)
	}
	res, err = PRIM(x, []bool{false, false, true, true}, PRIMOptions{MinMass: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTrajectory(x, []bool{false, false, true, true}, res, PRIMOptions{MinMass: 0.25}); err != nil {
		t.Fatal(err)
	}
	last := res.Trajectory[len(res.Trajectory)-1]
	if last.Limits[0] != (Range{1.5, 3}) || last.Restricted[1] {
		t.Errorf("four points: last box %+v, want input 0 in [1.5, 3] and input 1 free", last)
	}
	res, err = PRIM([][]float64{{1}}, []bool{true}, PRIMOptions{Paste: true})
	if err != nil || len(res.Trajectory) != 1 {
		t.Errorf("one point: %+v, %v", res, err)
	}
}

func TestPRIMErrors(t *testing.T) {
	ok := [][]float64{{0}, {1}}
	for _, tt := range []struct {
		x    [][]float64
		y    []bool
		opts PRIMOptions
		want string
	}{
		{nil, nil, PRIMOptions{}, "design: PRIM of no points"},
		{ok, []bool{true}, PRIMOptions{}, "design: PRIM of 2 points with 1 outcomes"},
		{[][]float64{{}, {}}, []bool{true, false}, PRIMOptions{}, "design: PRIM of points with no inputs"},
		{[][]float64{{0, 1}, {1}}, []bool{true, false}, PRIMOptions{}, "design: point 1 has 1 inputs, point 0 has 2"},
		{[][]float64{{0}, {math.NaN()}}, []bool{true, false}, PRIMOptions{}, "design: point 1 input 0 is NaN; give finite inputs"},
		{ok, []bool{false, false}, PRIMOptions{}, "design: the condition holds at none of the 2 points; PRIM needs some"},
		{ok, []bool{true, false}, PRIMOptions{Peel: 0.6}, "design: PRIM peel fraction 0.6; give a fraction in (0, 0.5]"},
		{ok, []bool{true, false}, PRIMOptions{Peel: -0.1}, "design: PRIM peel fraction -0.1; give a fraction in (0, 0.5]"},
		{ok, []bool{true, false}, PRIMOptions{MinMass: math.NaN()}, "design: PRIM minimum mass NaN; give a fraction in (0, 1]"},
		{ok, []bool{true, false}, PRIMOptions{MinMass: 2}, "design: PRIM minimum mass 2; give a fraction in (0, 1]"},
	} {
		_, err := PRIM(tt.x, tt.y, tt.opts)
		if err == nil || err.Error() != tt.want {
			t.Errorf("PRIM(%v, %v, %+v): %v, want %q", tt.x, tt.y, tt.opts, err, tt.want)
		}
	}
}

// Random data and options: the trajectory invariants hold whatever the
// data, including many ties (inputs rounded to few levels).
func TestPRIMInvariantsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 2))
	pasted := 0
	for trial := range 200 {
		n, d := 1+rng.IntN(300), 1+rng.IntN(5)
		levels := []float64{0, 2, 5, 1000}[rng.IntN(4)]
		x := make([][]float64, n)
		y := make([]bool, n)
		for p := range x {
			x[p] = make([]float64, d)
			for i := range x[p] {
				v := rng.NormFloat64()
				if levels > 0 {
					v = math.Round(v * levels)
				}
				x[p][i] = v
			}
			y[p] = rng.Float64() < 0.3+0.4*math.Tanh(x[p][0])
		}
		y[rng.IntN(n)] = true
		opts := PRIMOptions{Peel: 0.01 + 0.49*rng.Float64(), MinMass: 0.001 + 0.5*rng.Float64(), Paste: rng.IntN(2) == 0}
		res, err := PRIM(x, y, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkTrajectory(x, y, res, opts); err != nil {
			t.Fatalf("trial %d: n %d d %d levels %g opts %+v: %v", trial, n, d, levels, opts, err)
		}
		if len(res.Trajectory) > res.Peeled {
			pasted++
		}
	}
	if pasted < 10 {
		t.Errorf("only %d of the trials pasted; the pasting invariants went untested", pasted)
	}
}

func BenchmarkPRIM(b *testing.B) {
	x, y := planted(5000, 10, 0.05, 1)
	for b.Loop() {
		if _, err := PRIM(x, y, PRIMOptions{Paste: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBetween(t *testing.T) {
	one := math.Nextafter(1, 2)
	for _, tt := range []struct{ keep, drop, want float64 }{
		{1, 2, 1.5},
		{2, 1, 1.5},
		{-1, 1, 0},
		{one, 1, one}, // no float strictly between: the kept value
		{1, one, 1},
	} {
		if got := between(tt.keep, tt.drop); got != tt.want {
			t.Errorf("between(%v, %v) = %v, want %v", tt.keep, tt.drop, got, tt.want)
		}
	}
	// Two adjacent values: the box keeps the true one and drops the other.
	x := [][]float64{{1}, {one}}
	y := []bool{false, true}
	res, err := PRIM(x, y, PRIMOptions{MinMass: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTrajectory(x, y, res, PRIMOptions{MinMass: 0.5}); err != nil {
		t.Fatal(err)
	}
	if last := res.Trajectory[len(res.Trajectory)-1]; last.N != 1 || last.K != 1 {
		t.Errorf("adjacent values: last box %+v, want the true point alone", last)
	}
}
