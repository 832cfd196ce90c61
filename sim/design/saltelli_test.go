package design

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// ishigami is the Ishigami & Homma (1990) function on [-π, π]³ with a = 7,
// b = 0.1, the standard test of Sobol estimators.
func ishigami(x []float64) float64 {
	const a, b = 7.0, 0.1
	return math.Sin(x[0]) + a*math.Pow(math.Sin(x[1]), 2) + b*math.Pow(x[2], 4)*math.Sin(x[0])
}

// ishigamiIndices returns the analytic S1 and ST of ishigami (Sobol' &
// Levitan 1999; Saltelli et al. 2008, §4.5 give S1 = .314, .442, 0 and
// ST = .558, .442, .244):
//
//	V   = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
//	V1  = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V3 = 0
//	V13 = b²π⁸(1/18 - 1/50) = 8b²π⁸/225
//	ST1 = (V1 + V13)/V,  ST2 = V2/V,  ST3 = V13/V
func ishigamiIndices() (first, total [3]float64) {
	const a, b = 7.0, 0.1
	pi4 := math.Pow(math.Pi, 4)
	v := a*a/8 + b*pi4/5 + b*b*pi4*pi4/18 + 0.5
	v1 := 0.5 * math.Pow(1+b*pi4/5, 2)
	v2 := a * a / 8
	v13 := 8 * b * b * pi4 * pi4 / 225
	return [3]float64{v1 / v, v2 / v, 0}, [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
}

func play(t testing.TB, d *Saltelli, f func([]float64) float64) []float64 {
	t.Helper()
	y := make([]float64, len(d.Points()))
	for p, x := range d.Points() {
		y[p] = f(x)
	}
	return y
}

// sobolIndices plays f on the Saltelli design of n and box from seed and
// returns its indices from resamples resamples, also seeded by seed.
func sobolIndices(t testing.TB, n int, box []Range, f func([]float64) float64, resamples int, seed uint64) []Index {
	t.Helper()
	d, err := NewSaltelli(n, box, seed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Indices(play(t, d, f), resamples, seed)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestIshigamiIndices(t *testing.T) {
	// At n = 1024 the Saltelli/Jansen estimators on a Sobol design are
	// within about 0.02 of the truth (SALib's own test of the same
	// estimators allows 0.1 at n = 512 with random sampling); 0.04 leaves
	// room across seeds.
	const n, tol = 1024, 0.04
	box := []Range{{-math.Pi, math.Pi}, {-math.Pi, math.Pi}, {-math.Pi, math.Pi}}
	first, total := ishigamiIndices()
	if math.Abs(first[0]-0.3139) > 1e-4 || math.Abs(total[2]-0.2437) > 1e-4 {
		t.Fatalf("analytic indices %v %v disagree with the published .314, .244", first, total)
	}
	for seed := range uint64(4) {
		got := sobolIndices(t, n, box, ishigami, 500, seed)
		for i, g := range got {
			if g.Input != i {
				t.Errorf("index %d is of input %d", i, g.Input)
			}
			if math.Abs(g.First-first[i]) > tol || math.Abs(g.Total-total[i]) > tol {
				t.Errorf("seed %d input %d: S1 %.4f ST %.4f, want %.4f %.4f ± %g", seed, i, g.First, g.Total, first[i], total[i], tol)
			}
			if !inside(first[i], g.FirstCI) || !inside(total[i], g.TotalCI) {
				t.Errorf("seed %d input %d: S1 %.4f in %.4f or ST %.4f in %.4f misses the truth", seed, i, first[i], g.FirstCI, total[i], g.TotalCI)
			}
			if !inside(g.First, g.FirstCI) || !inside(g.Total, g.TotalCI) {
				t.Errorf("seed %d input %d: estimate outside its own interval: %+v", seed, i, g)
			}
		}
	}
}

func inside(x float64, ci [2]float64) bool { return ci[0] <= x && x <= ci[1] }

// For an additive linear function y = Σ c_i x_i of independent uniform
// inputs, V_i = c_i² w_i²/12, so S1_i = ST_i = c_i² w_i² / Σ_j c_j² w_j²;
// an input with c = 0 has both indices 0. The intervals must cover the
// truth in most of the 16 seeds × 4 inputs × 2 indices (95% nominal; the
// bootstrap treats the quasi-random rows as random, so it tends to
// over-cover).
func TestLinearIndices(t *testing.T) {
	c := []float64{1, 2, 0, 4}
	box := []Range{{0, 1}, {0, 1}, {0, 1}, {-1, 1}}
	var sum float64
	want := make([]float64, len(c))
	for i := range c {
		want[i] = c[i] * c[i] * box[i].Width() * box[i].Width()
		sum += want[i]
	}
	for i := range want {
		want[i] /= sum // 1/69, 4/69, 0, 64/69: input 3 is twice as wide
	}
	f := func(x []float64) float64 {
		y := 10.0 // an offset that centring removes
		for i := range c {
			y += c[i] * x[i]
		}
		return y
	}
	const seeds = 16
	covered, cases := 0, 0
	for seed := range uint64(seeds) {
		got := sobolIndices(t, 256, box, f, 300, seed)
		for i, g := range got {
			if math.Abs(g.First-want[i]) > 0.03 || math.Abs(g.Total-want[i]) > 0.03 {
				t.Errorf("seed %d input %d: S1 %.4f ST %.4f, want %.4f", seed, i, g.First, g.Total, want[i])
			}
			if i == 2 && (g.Total != 0 || g.TotalCI != [2]float64{}) {
				t.Errorf("seed %d: an input the output ignores has ST %g in %v, want exactly 0", seed, g.Total, g.TotalCI)
			}
			for _, ci := range [][2]float64{g.FirstCI, g.TotalCI} {
				cases++
				if inside(want[i], ci) {
					covered++
				}
			}
		}
	}
	if float64(covered) < 0.9*float64(cases) {
		t.Errorf("intervals covered the truth in %d of %d cases, want at least 90%%", covered, cases)
	}
}

// The indices are ratios of variances: an affine change of the output
// (y -> αy + β) leaves them unchanged, up to rounding, even where the
// squares of the outputs would overflow.
func TestIndicesAffineInvariant(t *testing.T) {
	box := []Range{{-math.Pi, math.Pi}, {-math.Pi, math.Pi}, {-math.Pi, math.Pi}}
	d, err := NewSaltelli(128, box, 3)
	if err != nil {
		t.Fatal(err)
	}
	y := play(t, d, ishigami)
	base, err := d.Indices(y, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, ab := range [][2]float64{{1, 1e6}, {-3, 0}, {1e-6, -2}, {1e200, 0}} { // 1e200: squares would overflow unscaled
		z := make([]float64, len(y))
		for p := range y {
			z[p] = ab[0]*y[p] + ab[1]
		}
		got, err := d.Indices(z, 50, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			g, w := got[i], base[i]
			for _, pair := range [][2]float64{{g.First, w.First}, {g.Total, w.Total}, {g.FirstCI[0], w.FirstCI[0]}, {g.TotalCI[1], w.TotalCI[1]}} {
				if math.Abs(pair[0]-pair[1]) > 1e-6 {
					t.Errorf("y -> %g y + %g: input %d: %+v, want %+v", ab[0], ab[1], i, g, w)
					break
				}
			}
		}
	}
}

func TestSaltelliPoints(t *testing.T) {
	box := []Range{{0, 1}, {10, 20}, {-5, -5}}
	const n = 64
	d, err := NewSaltelli(n, box, 9)
	if err != nil {
		t.Fatal(err)
	}
	pts := d.Points()
	k := len(box)
	if len(pts) != n*(k+2) {
		t.Fatalf("%d points, want %d", len(pts), n*(k+2))
	}
	for p, x := range pts {
		for i, r := range box {
			if !r.Contains(x[i]) {
				t.Fatalf("point %d input %d = %g outside %v", p, i, x[i], r)
			}
		}
	}
	// AB_i is A with column i from B.
	for i := range k {
		for j := range n {
			a, b, ab := pts[j], pts[n+j], pts[(2+i)*n+j]
			for c := range k {
				want := a[c]
				if c == i {
					want = b[c]
				}
				if ab[c] != want {
					t.Fatalf("AB_%d row %d input %d = %g, want %g", i, j, c, ab[c], want)
				}
			}
		}
	}
	// With n a power of two, A and B each put one row in each of the n
	// equal intervals of every input (the shifted Sobol net).
	for _, block := range [][][]float64{pts[:n], pts[n : 2*n]} {
		for i, r := range box[:2] {
			seen := make([]bool, n)
			for _, x := range block {
				s := min(int((x[i]-r.Lo)/r.Width()*n), n-1)
				if seen[s] {
					t.Fatalf("input %d: two rows in interval %d", i, s)
				}
				seen[s] = true
			}
		}
	}
	again, _ := NewSaltelli(n, box, 9)
	other, _ := NewSaltelli(n, box, 10)
	if !slices.EqualFunc(again.Points(), pts, slices.Equal[[]float64]) {
		t.Error("same seed gave a different design")
	}
	if slices.EqualFunc(other.Points(), pts, slices.Equal[[]float64]) {
		t.Error("seeds 9 and 10 gave the same design")
	}
}

func TestIndicesBootstrapReproducible(t *testing.T) {
	box := []Range{{-math.Pi, math.Pi}, {-math.Pi, math.Pi}, {-math.Pi, math.Pi}}
	d, _ := NewSaltelli(64, box, 1)
	y := play(t, d, ishigami)
	a, _ := d.Indices(y, 100, 5)
	b, _ := d.Indices(y, 100, 5)
	c, _ := d.Indices(y, 100, 6)
	if !slices.Equal(a, b) {
		t.Errorf("same bootstrap seed: %v then %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("bootstrap seeds 5 and 6 gave the same intervals %v", a)
	}
	for i := range a {
		if a[i].First != c[i].First || a[i].Total != c[i].Total {
			t.Errorf("the bootstrap seed changed the point estimates: %+v vs %+v", a[i], c[i])
		}
	}
}

func TestSaltelliErrors(t *testing.T) {
	unit := []Range{{0, 1}, {0, 1}}
	wide := make([]Range, 33)
	for i := range wide {
		wide[i] = Range{0, 1}
	}
	for _, tt := range []struct {
		n    int
		box  []Range
		want string
	}{
		{1, unit, "design: base sample size 1; give at least 2 (a power of two such as 1024 is best)"},
		{8, wide, "design: 33 inputs; a Sobol design takes at most 32"},
		{8, []Range{{1, 0}}, "design: input 0: range [1, 0] has lo > hi; give lo <= hi"},
	} {
		if _, err := NewSaltelli(tt.n, tt.box, 1); err == nil || err.Error() != tt.want {
			t.Errorf("NewSaltelli(%d, %v): %v, want %q", tt.n, tt.box, err, tt.want)
		}
	}
	if _, err := NewSaltelli(8, wide[:32], 1); err != nil {
		t.Errorf("32 inputs: %v", err)
	}

	d, _ := NewSaltelli(8, unit, 1) // 32 points
	constant := make([]float64, 32)
	for p := range constant {
		constant[p] = 0.25
	}
	onlyAB := slices.Clone(constant)
	onlyAB[20] = 1 // varies at AB_1 only
	nan := slices.Clone(constant)
	nan[3] = math.NaN()
	for _, tt := range []struct {
		y         []float64
		resamples int
		want      string
		isNoVar   bool
	}{
		{constant[:31], 10, "design: 31 outputs for a Sobol design of 32 points (n = 8, k = 2)", false},
		{nan, 10, "design: output 3 is NaN; give finite outputs", false},
		{onlyAB, 0, "design: 0 bootstrap resamples; give at least 1 (1000 is usual)", false},
		{constant, 10, "design: the output does not vary over the design: all 16 outputs at the A and B points equal 0.25", true},
		{onlyAB, 10, "design: the output does not vary over the design: all 16 outputs at the A and B points equal 0.25", true},
	} {
		_, err := d.Indices(tt.y, tt.resamples, 1)
		if err == nil || err.Error() != tt.want || errors.Is(err, ErrNoVariance) != tt.isNoVar {
			t.Errorf("Indices: %v, want %q (ErrNoVariance %v)", err, tt.want, tt.isNoVar)
		}
	}
}

// One output out of the 2n base outputs differs: the full sample varies
// but most resamples miss that row; they are left out, and the intervals
// come from the rest.
func TestIndicesDegenerateResamples(t *testing.T) {
	d, _ := NewSaltelli(4, []Range{{0, 1}}, 1) // 12 points
	y := make([]float64, 12)
	y[0] = 1
	got, err := d.Indices(y, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{got[0].First, got[0].Total, got[0].FirstCI[0], got[0].FirstCI[1], got[0].TotalCI[0], got[0].TotalCI[1]} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("non-finite index %+v", got[0])
		}
	}
}

func BenchmarkNewSaltelli(b *testing.B) {
	box := make([]Range, 10)
	for i := range box {
		box[i] = Range{0, 1}
	}
	for b.Loop() {
		if _, err := NewSaltelli(1024, box, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// Ten inputs, n = 1024 (12,288 outputs), 1000 resamples.
func BenchmarkSaltelliIndices(b *testing.B) {
	box := make([]Range, 10)
	for i := range box {
		box[i] = Range{0, 1}
	}
	d, _ := NewSaltelli(1024, box, 1)
	y := play(b, d, func(x []float64) float64 {
		s := 0.0
		for i, v := range x {
			s += float64(i+1) * v * v
		}
		return s
	})
	for b.Loop() {
		if _, err := d.Indices(y, 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
