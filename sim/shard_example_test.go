package sim_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
	"github.com/parley-sim/parley/sim"
)

// RunShard plays part of a run, as one machine of a cluster would, and
// MergeRun merges the parts into what one process gives, bit for bit.
func ExampleMergeRun() {
	s, err := scenarios.Load("muscat")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultConfig()
	cfg.Episodes = 1000 // 4 blocks of 256 episodes, the last one short
	var parts []*sim.RunPartial
	for k := 1; k <= 3; k++ {
		p, err := sim.RunShard(context.Background(), s, cfg, sim.Shard{Index: k, Count: 3})
		if err != nil {
			panic(err)
		}
		fmt.Printf("shard %s: blocks %d … %d, %d episodes\n", p.Shard, p.Blocks[0], p.Blocks[1]-1, p.Episodes)
		parts = append(parts, p)
	}
	merged, err := sim.MergeRun(s, cfg, parts)
	if err != nil {
		panic(err)
	}
	one, err := sim.Run(context.Background(), s, cfg)
	if err != nil {
		panic(err)
	}
	a, _ := json.Marshal(merged)
	b, _ := json.Marshal(one)
	fmt.Println("the same bytes as one process:", string(a) == string(b))
	// Output:
	// shard 1/3: blocks 0 … 0, 256 episodes
	// shard 2/3: blocks 1 … 1, 256 episodes
	// shard 3/3: blocks 2 … 3, 488 episodes
	// the same bytes as one process: true
}

// SweepShard plays a contiguous range of a sweep's points, and
// MergeSweep merges the ranges into one process's Results.
func ExampleMergeSweep() {
	s, err := scenarios.Load("muscat")
	if err != nil {
		panic(err)
	}
	var setups []sim.Setup
	for _, d := range []float64{0.95, 0.97, 0.99} {
		ps, err := s.With(model.Assignment{Path: "actors.iran.discount", Value: d})
		if err != nil {
			panic(err)
		}
		setups = append(setups, sim.Setup{Scenario: ps})
	}
	cfg := sim.DefaultConfig()
	cfg.Episodes = 200
	var parts []*sim.SweepPartial
	for k := 1; k <= 2; k++ {
		p, err := sim.SweepShard(context.Background(), setups, cfg, sim.Shard{Index: k, Count: 2})
		if err != nil {
			panic(err)
		}
		fmt.Printf("shard %s: points %d … %d\n", p.Shard, p.Points[0], p.Points[1]-1)
		parts = append(parts, p)
	}
	merged, err := sim.MergeSweep(setups, cfg, parts)
	if err != nil {
		panic(err)
	}
	one, err := sim.Sweep(context.Background(), setups, cfg)
	if err != nil {
		panic(err)
	}
	a, _ := json.Marshal(merged)
	b, _ := json.Marshal(one)
	fmt.Println("the same bytes as one process:", string(a) == string(b))
	// Output:
	// shard 1/2: points 0 … 0
	// shard 2/2: points 1 … 2
	// the same bytes as one process: true
}

// PlayGameShard plays a contiguous range of a game's blocks of episodes
// in every cell, and MergeGame merges the ranges into one process's
// MetaGame.
func ExampleMergeGame() {
	s, err := scenarios.Load("muscat")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultGameConfig()
	cfg.Config.Episodes, cfg.Replicates = 600, 10 // 3 blocks
	for k, a := range s.Principals() {
		cfg.Strategies[k] = s.Actors[a].Strategies[:2]
	}
	var parts []*sim.GamePartial
	for k := 1; k <= 2; k++ {
		p, err := sim.PlayGameShard(context.Background(), s, cfg, sim.Shard{Index: k, Count: 2})
		if err != nil {
			panic(err)
		}
		fmt.Printf("shard %s: blocks %d … %d, %d episodes in each of 4 cells\n", p.Shard, p.Blocks[0], p.Blocks[1]-1, p.Episodes)
		parts = append(parts, p)
	}
	merged, err := sim.MergeGame(s, cfg, parts)
	if err != nil {
		panic(err)
	}
	one, err := sim.PlayGame(context.Background(), s, cfg)
	if err != nil {
		panic(err)
	}
	a, _ := json.Marshal(merged)
	b, _ := json.Marshal(one)
	fmt.Println("the same bytes as one process:", string(a) == string(b))
	// Output:
	// shard 1/2: blocks 0 … 0, 256 episodes in each of 4 cells
	// shard 2/2: blocks 1 … 2, 344 episodes in each of 4 cells
	// the same bytes as one process: true
}
