package stats

import (
	"math/rand/v2"
	"testing"
)

// TestAddAllocs checks that no Add allocates.
func TestAddAllocs(t *testing.T) {
	var (
		p  Proportion
		m  Moments
		h  = NewHistogram(0, 1, 100)
		c  = NewCounts(100)
		s  = NewSample(NewHistogram(0, 1, 100))
		d  Paired
		pp PairedProportion
	)
	x := 0.0
	for name, f := range map[string]func(){
		"Proportion":       func() { p.Add(x > 0.5) },
		"Moments":          func() { m.Add(x) },
		"Histogram":        func() { h.Add(x) },
		"Counts":           func() { c.Add(x * 100) },
		"Sample":           func() { s.Add(x) },
		"Paired":           func() { d.Add(x, 1-x) },
		"PairedProportion": func() { pp.Add(x > 0.5, x > 0.3) },
	} {
		if n := testing.AllocsPerRun(100, func() { x += 0.01; f() }); n != 0 {
			t.Errorf("%s.Add allocates %g times", name, n)
		}
	}
}

// BenchmarkSampleAdd measures one Sample.Add, cycling through 1024
// uniform values drawn from a fixed seed.
func BenchmarkSampleAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = 200 * rng.Float64()
	}
	for _, bc := range []struct {
		name string
		h    *Histogram
	}{
		{"continuous", NewHistogram(0, 200, 200)},
		{"discrete", NewCounts(200)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := NewSample(bc.h)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.Add(xs[i&1023])
				i++
			}
		})
	}
}
