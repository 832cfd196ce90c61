package model

import (
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"
)

func loadSmall(t testing.TB) *Scenario {
	t.Helper()
	data, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(Source{Name: "testdata/small.yaml", Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func rngFor(seed, episode uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, episode))
}

func TestSampleDeterministic(t *testing.T) {
	s := loadSmall(t)
	var a, b World
	s.Sample(&a, rngFor(7, 3))
	s.Sample(&b, rngFor(7, 3))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same stream sampled different worlds")
	}
	// Reusing a World gives the same draw as a fresh one.
	s.Sample(&a, rngFor(1, 1))
	s.Sample(&a, rngFor(7, 3))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("a reused World differs from a fresh one")
	}
	var c World
	s.Sample(&c, rngFor(7, 4))
	if c.Actors[0].Discount == a.Actors[0].Discount {
		t.Error("different episodes drew the same discount factor")
	}
}

// TestSampleInvariants checks, over many draws, that every sampled value
// lies in its parameter's support, that weights sum to 1 and that
// utilities stay within their bounds.
func TestSampleInvariants(t *testing.T) {
	s := loadSmall(t)
	var w World
	x := make([]float64, len(s.Issues))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		s.Sample(&w, rngFor(42, uint64(i)))
		for ai, a := range s.Actors {
			aw := w.Actors[ai]
			if a.Role != Principal {
				continue
			}
			if lo, hi := a.Discount.Support(); aw.Discount < lo || aw.Discount > hi {
				t.Fatalf("episode %d: discount %v outside [%v, %v]", i, aw.Discount, lo, hi)
			}
			sum := 0.0
			for _, wk := range aw.Weights {
				sum += wk
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Fatalf("episode %d: %s's weights sum to %v", i, a.Name, sum)
			}
			lo, hi := aw.UtilityBounds()
			for range 10 {
				for k, is := range s.Issues {
					x[k] = is.Min + r.Float64()*(is.Max-is.Min)
				}
				if u := aw.Utility(s.Issues, x); u < lo-1e-12 || u > hi+1e-12 {
					t.Fatalf("episode %d: utility %v outside [%v, %v]", i, u, lo, hi)
				}
			}
		}
	}
}

func TestSampleDoesNotAllocate(t *testing.T) {
	s := loadSmall(t)
	var w World
	r := rngFor(1, 1)
	s.Sample(&w, r)
	if n := testing.AllocsPerRun(100, func() { s.Sample(&w, r) }); n != 0 {
		t.Errorf("Sample allocates %v times per call in the steady state; want 0", n)
	}
}

func TestParamQuantile(t *testing.T) {
	const tol = 1e-9
	tests := []struct {
		name string
		p    Param
		u    float64
		want float64 // from the distribution's closed-form quantile
	}{
		{"fixed", FixedParam(3), 0.3, 3},
		{"uniform", Param{Dist: Uniform, Lo: 2, Hi: 4}, 0.25, 2.5},
		{"triangular below mode", Param{Dist: Triangular, Lo: 0, Mode: 1, Hi: 2}, 0.125, 0.5}, // F(x) = x²/2
		{"triangular median", Param{Dist: Triangular, Lo: 0, Mode: 1, Hi: 2}, 0.5, 1},         // symmetric
		{"pert symmetric median", Param{Dist: PERT, Lo: 0, Mode: 5, Hi: 10}, 0.5, 5},          // Beta(3,3) is symmetric
		{"truncnormal symmetric median", Param{Dist: TruncNormal, Mean: 1, SD: 2, Lo: -1, Hi: 3}, 0.5, 1},
	}
	for _, tt := range tests {
		if got := tt.p.Quantile(tt.u); math.Abs(got-tt.want) > tol {
			t.Errorf("%s: Quantile(%v) = %v, want %v", tt.name, tt.u, got, tt.want)
		}
	}
}

func TestValueFunction(t *testing.T) {
	tests := []struct {
		v    ValueWorld
		x    float64
		want float64 // by hand from the definitions in docs/scenario-format.md
	}{
		{ValueWorld{Shape: Linear, Ideal: 1, IssueMin: 0, IssueMax: 1}, 0.25, 0.25},
		{ValueWorld{Shape: Linear, Ideal: 0, IssueMin: 0, IssueMax: 60}, 15, 0.75},
		{ValueWorld{Shape: SinglePeaked, Ideal: 20, Low: 0, High: 60, IssueMin: 0, IssueMax: 60}, 10, 0.5},
		{ValueWorld{Shape: SinglePeaked, Ideal: 20, Low: 0, High: 60, IssueMin: 0, IssueMax: 60}, 40, 0.5},
		{ValueWorld{Shape: SinglePeaked, Ideal: 20, Low: 5, High: 30, IssueMin: 0, IssueMax: 60}, 2, 0},
		{ValueWorld{Shape: SinglePeaked, Ideal: 0, Low: 0, High: 10, IssueMin: 0, IssueMax: 60}, 0, 1},
	}
	for _, tt := range tests {
		if got := tt.v.At(tt.x); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%+v.At(%v) = %v, want %v", tt.v, tt.x, got, tt.want)
		}
	}
}

func BenchmarkSample(b *testing.B) {
	s := loadSmall(b)
	var w World
	r := rngFor(1, 1)
	b.ReportAllocs()
	for b.Loop() {
		s.Sample(&w, r)
	}
}
