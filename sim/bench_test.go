package sim

import (
	"testing"

	"github.com/parley-sim/parley/model"
)

// BenchmarkEpisode plays Muscat episodes one after another, as a worker
// does, and reports the rounds played per episode.
func BenchmarkEpisode(b *testing.B) {
	for _, name := range []string{"muscat", "jpoa-2013", "rubinstein"} {
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
	for i := 0; b.Loop(); i++ {
		rounds += w.play(i).Rounds
	}
	b.ReportMetric(float64(rounds)/float64(b.N), "rounds/episode")
}
