package sim

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// BenchmarkEpisode plays episodes of every shipped scenario one after
// another, as a worker does, and reports the cost of a simulated round
// (ns/round, and in CPU time cpu-ns/round), the rounds an episode plays
// (rounds/op) and the uniform numbers it draws (draws/op: see
// episodeDraws), to set against BenchmarkRNG's cost of one draw. It must
// allocate nothing.
func BenchmarkEpisode(b *testing.B) {
	for _, name := range scenarios.Names() {
		b.Run(name, func(b *testing.B) {
			benchmarkEpisode(b, load(b, name))
		})
	}
}

func benchmarkEpisode(b *testing.B, s *model.Scenario) {
	p, err := resolve(s, DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	w := newPlayer(p)
	w.play(0)
	rounds := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	for i := 0; b.Loop(); i++ {
		rounds += w.play(i).Rounds
	}
	b.StopTimer()
	cpu.report(b, float64(rounds), "round")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rounds), "ns/round")
	b.ReportMetric(float64(rounds)/float64(b.N), "rounds/op")
	b.ReportMetric(episodeDraws(p, 1000), "draws/op")
}

// episodeDraws returns the uniform numbers an episode of p draws, on
// average over n episodes: those of the episode's generator, counted by
// wrapping it; one hashed uniform per random parameter of the scenario,
// counted in the model (Scenario.Sample draws each once); and the hashed
// uniforms of its events (shocks, reneging, detection, renewal,
// escalation, …), counted by events.uniform while eventDraws points at a
// counter, as only this function makes it.
func episodeDraws(p plan, n int) float64 {
	w := newPlayer(p)
	c := &countingSource{src: w.src}
	w.rng = rand.New(c)
	events := 0
	eventDraws = &events
	defer func() { eventDraws = nil }()
	for i := range n {
		w.play(i)
	}
	return float64(c.draws+events)/float64(n) + float64(randomParams(reflect.ValueOf(p.scn).Elem(), map[uintptr]bool{}))
}

// countingSource counts the numbers drawn from a rand.Source.
type countingSource struct {
	src   rand.Source
	draws int
}

func (c *countingSource) Uint64() uint64 { c.draws++; return c.src.Uint64() }

// randomParams counts the model.Params in v that are not fixed, following
// pointers once.
func randomParams(v reflect.Value, seen map[uintptr]bool) int {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		return randomParams(v.Elem(), seen)
	case reflect.Struct:
		if p, ok := v.Interface().(model.Param); ok {
			if p.Dist != model.Fixed {
				return 1
			}
			return 0
		}
		n := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += randomParams(v.Field(i), seen)
			}
		}
		return n
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += randomParams(v.Index(i), seen)
		}
		return n
	case reflect.Map:
		n := 0
		for it := v.MapRange(); it.Next(); {
			n += randomParams(it.Value(), seen)
		}
		return n
	}
	return 0
}

// BenchmarkRNG times one uniform draw of each kind the engine uses: a
// Float64 of the ChaCha8 generator an episode is seeded with, and the
// SplitMix64 hash-to-uniform step every parameter and event draws (see
// stream.go). ns/round of BenchmarkEpisode over these gives the cost of a
// simulated round in draws; cpu-ns/op is a draw's CPU time, to set
// against cpu-ns/round.
func BenchmarkRNG(b *testing.B) {
	b.Run("chacha8", func(b *testing.B) {
		rng := rand.New(rand.NewChaCha8([32]byte{1}))
		sum := 0.0
		cpu := startCPU()
		for b.Loop() {
			sum += rng.Float64()
		}
		cpu.report(b, float64(b.N), "op")
		sink = sum
	})
	b.Run("hash", func(b *testing.B) {
		ev := newEvents(1)
		sum := 0.0
		cpu := startCPU()
		for i := 0; b.Loop(); i++ {
			sum += ev.uniform(tagShock, i, 0)
		}
		cpu.report(b, float64(b.N), "op")
		sink = sum
	})
}

// sink keeps the benchmarks' sums alive.
var sink float64
