package sim

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parley-sim/parley/model"
)

// The benchmarks here time what a run spends around its episodes, to set
// against BenchmarkEpisode: merging a block's tally, a cell of the
// strategy game, and the fixed cost of a sweep point.

// BenchmarkTallyMerge times the merge of one block's accumulator into a
// run's total, as playBlocks does once per block of blockSize episodes,
// for Run's tally of muscat's metrics, Compare's tally of two arms and
// PlayGame's tally of muscat's 64 cells with the default bootstrap
// replicates. ns/episode is a merge's share of each of the block's
// episodes.
func BenchmarkTallyMerge(b *testing.B) {
	s := load(b, "muscat")
	p, err := resolve(s, DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	metrics := Metrics(s, p.horizon)
	lists := [2][]model.Strategy{}
	for k, a := range s.Principals() {
		lists[k] = s.Actors[a].Strategies
	}
	cells := len(lists[0]) * len(lists[1])
	for _, c := range []struct {
		name  string
		merge func(b *testing.B) func()
	}{
		{"run", func(b *testing.B) func() {
			total, block := newTally(metrics), newTally(metrics)
			w := newPlayer(p)
			for i := range blockSize {
				block.add(w.play(i))
			}
			return func() { total.merge(block) }
		}},
		{"compare", func(b *testing.B) func() {
			arms := [][]Metric{metrics, metrics}
			total, block := newArmsTally(arms), newArmsTally(arms)
			w := newPlayer(p)
			for i := range blockSize {
				e := *w.play(i)
				block.add([]*Episode{&e, &e})
			}
			return func() { total.merge(block) }
		}},
		{fmt.Sprintf("game-%dcells", cells), func(b *testing.B) func() {
			chosen := choices(lists)
			total, block := newGameTally(cells, DefaultReplicates, chosen), newGameTally(cells, DefaultReplicates, chosen)
			return func() { total.merge(block) }
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			merge := c.merge(b)
			b.ReportAllocs()
			for b.Loop() {
				merge()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/blockSize, "ns/episode")
		})
	}
}

// BenchmarkPlayGame plays muscat's strategy game, 8 × 8 = 64 cells, for
// one block of episodes on one worker, with and without the bootstrap
// replicates, and reports the cost of a cell-episode (ns/cell-episode):
// one episode of one cell, tallies and weights included, to set against
// BenchmarkEpisode/muscat, a run's episode; cpu-ns/cell-episode is the
// same in CPU time, to set against its cpu-ns/round × rounds/op.
func BenchmarkPlayGame(b *testing.B) {
	s := load(b, "muscat")
	for _, replicates := range []int{0, DefaultReplicates} {
		b.Run(fmt.Sprintf("replicates=%d", replicates), func(b *testing.B) {
			cfg := DefaultGameConfig()
			cfg.Config.Episodes, cfg.Config.Workers, cfg.Replicates = blockSize, 1, replicates
			var cells int
			cpu := startCPU()
			for b.Loop() {
				g, err := PlayGame(context.Background(), s, cfg)
				if err != nil {
					b.Fatal(err)
				}
				cells = len(g.Cells) * len(g.Cells[0])
			}
			cpu.report(b, float64(b.N*cells*blockSize), "cell-episode")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*cells*blockSize), "ns/cell-episode")
		})
	}
}

// BenchmarkSweepPoint times what a sweep point costs beyond its
// episodes, in ns/point, on sweeps of 16 points of muscat, iran's
// discount from 0.950 to 0.980:
//
//   - derive: the scenario made for each point (model.Scenario.With,
//     which loads and validates it as a file);
//   - play: sim.Sweep's own work for a point (its plan, metrics,
//     tallies, worker, one block's merge and its Result with intervals
//     and quantiles), a sweep of points of one episode each less the
//     same 16 episodes played, untimed, by warm players; episodes/point
//     gives it in episodes of the points' own cost.
//
// A point of E episodes costs about derive + play + E × its episodes'
// cost + E/256 block merges (BenchmarkTallyMerge).
func BenchmarkSweepPoint(b *testing.B) {
	s := load(b, "muscat")
	const points = 16
	derive := func(b *testing.B) []Setup {
		setups := make([]Setup, points)
		for k := range setups {
			ps, err := s.With(model.Assignment{Path: "actors.iran.discount", Value: 0.95 + 0.002*float64(k)})
			if err != nil {
				b.Fatal(err)
			}
			setups[k] = Setup{Scenario: ps}
		}
		return setups
	}
	b.Run("derive", func(b *testing.B) {
		for b.Loop() {
			derive(b)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*points), "ns/point")
	})
	b.Run("play", func(b *testing.B) {
		cfg := config(1)
		cfg.Workers = 1
		setups := derive(b)
		players := make([]*player, points)
		for k, st := range setups {
			p, err := resolve(st.Scenario, cfg)
			if err != nil {
				b.Fatal(err)
			}
			players[k] = newPlayer(p)
			players[k].play(0)
		}
		var episodes time.Duration
		for b.Loop() {
			if _, err := Sweep(context.Background(), setups, cfg); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			start := time.Now()
			for _, w := range players {
				w.play(0)
			}
			episodes += time.Since(start)
			b.StartTimer()
		}
		overhead := float64(b.Elapsed()-episodes) / float64(b.N*points)
		b.ReportMetric(overhead, "ns/point")
		b.ReportMetric(overhead/(float64(episodes)/float64(b.N*points)), "episodes/point")
	})
}
