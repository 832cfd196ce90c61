package sim_test

import (
	"context"
	"encoding/json"
	"fmt"

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
