package design

import (
	"math"
	"slices"
	"testing"
)

func TestLatinHypercubeStrata(t *testing.T) {
	boxes := [][]Range{
		{{0, 1}},
		{{0, 1}, {-3, 5}, {0.95, 0.995}},
		{{-1e6, 1e6}, {2, 2}, {0, 1e-9}, {0, 1}, {0, 1}},
	}
	for _, box := range boxes {
		for _, n := range []int{1, 2, 7, 100, 1000} {
			for seed := range uint64(3) {
				points := LatinHypercube(n, box, seed)
				if len(points) != n {
					t.Fatalf("n %d: %d points", n, len(points))
				}
				for i, r := range box {
					col := make([]float64, n)
					for p, x := range points {
						if len(x) != len(box) {
							t.Fatalf("point %d has %d coordinates, want %d", p, len(x), len(box))
						}
						if !r.Contains(x[i]) {
							t.Fatalf("box %v n %d seed %d: point %d input %d = %g outside the range", box, n, seed, p, i, x[i])
						}
						col[p] = x[i]
					}
					// One point per stratum: the s-th smallest lies in stratum s,
					// up to rounding of the stratum bounds.
					slices.Sort(col)
					w := r.Width() / float64(n)
					tol := 1e-12 * math.Max(math.Abs(r.Lo), math.Abs(r.Hi))
					for s, x := range col {
						lo, hi := r.Lo+float64(s)*w, r.Lo+float64(s+1)*w
						if x < lo-tol || x > hi+tol {
							t.Fatalf("box %v n %d seed %d input %d: %d-th smallest %g outside stratum [%g, %g]", box, n, seed, i, s, x, lo, hi)
						}
					}
				}
			}
		}
	}
}

func TestLatinHypercubeReproducible(t *testing.T) {
	box := []Range{{0, 1}, {10, 20}}
	a, b := LatinHypercube(50, box, 7), LatinHypercube(50, box, 7)
	if !slices.EqualFunc(a, b, slices.Equal[[]float64]) {
		t.Error("same seed gave different designs")
	}
	c := LatinHypercube(50, box, 8)
	if slices.EqualFunc(a, c, slices.Equal[[]float64]) {
		t.Error("seeds 7 and 8 gave the same design")
	}
}

// The permutations of different inputs are independent: over many seeds the
// correlation between two inputs averages out to 0 (its SD for n points is
// about 1/sqrt(n-1), so the mean of 200 seeds has SD 0.01).
func TestLatinHypercubeUncorrelated(t *testing.T) {
	const n, seeds = 50, 200
	box := []Range{{0, 1}, {0, 1}}
	var sum float64
	for seed := range uint64(seeds) {
		sum += correlation(LatinHypercube(n, box, seed), 0, 1)
	}
	if mean := sum / seeds; math.Abs(mean) > 0.04 { // 4 SD
		t.Errorf("mean correlation %.4f over %d seeds, want about 0", mean, seeds)
	}
}

func correlation(points [][]float64, i, j int) float64 {
	var mx, my float64
	for _, p := range points {
		mx += p[i]
		my += p[j]
	}
	n := float64(len(points))
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for _, p := range points {
		dx, dy := p[i]-mx, p[j]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestLatinHypercubeEdges(t *testing.T) {
	if got := LatinHypercube(0, []Range{{0, 1}}, 1); len(got) != 0 {
		t.Errorf("n 0: %d points", len(got))
	}
	for _, box := range [][]Range{nil, {{1, 0}}, {{0, math.NaN()}}, {{math.Inf(-1), 0}}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("LatinHypercube(box %v) did not panic", box)
				}
			}()
			LatinHypercube(3, box, 1)
		}()
	}
}

func TestCheckBox(t *testing.T) {
	tests := []struct {
		box  []Range
		want string
	}{
		{[]Range{{0, 1}, {2, 2}}, ""},
		{nil, "design: no inputs; give at least one range"},
		{[]Range{{0, 1}, {3, 2}}, "design: input 1: range [3, 2] has lo > hi; give lo <= hi"},
		{[]Range{{math.NaN(), 1}}, "design: input 0: range [NaN, 1] is not finite; give finite bounds"},
		{[]Range{{0, math.Inf(1)}}, "design: input 0: range [0, +Inf] is not finite; give finite bounds"},
	}
	for _, tt := range tests {
		err := CheckBox(tt.box)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckBox(%v) = %q, want %q", tt.box, got, tt.want)
		}
	}
}

func BenchmarkLatinHypercube(b *testing.B) {
	box := make([]Range, 10)
	for i := range box {
		box[i] = Range{0, 1}
	}
	for b.Loop() {
		LatinHypercube(1000, box, 1)
	}
}

func BenchmarkGrid(b *testing.B) {
	values := [][]float64{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}
	for b.Loop() {
		Grid(values)
	}
}
