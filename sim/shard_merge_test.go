package sim

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/parley-sim/parley/model"
)

// TestMergeSweepIsSweep checks that the merge of a sweep's shards, each
// through its JSON, is one process's Results, bit for bit: 5 points in
// 1, 4 (uneven) and 7 shards (more than the points, so some play none).
func TestMergeSweepIsSweep(t *testing.T) {
	s := load(t, "muscat")
	setups := make([]Setup, 5)
	for k := range setups {
		ps, err := s.With(model.Assignment{Path: "actors.iran.discount", Value: 0.95 + 0.01*float64(k)})
		if err != nil {
			t.Fatal(err)
		}
		setups[k] = Setup{Scenario: ps}
	}
	cfg := config(300) // 2 blocks a point, the last short
	want, err := Sweep(context.Background(), setups, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, count := range []int{1, 4, 7} {
		parts := shardsOf(t, count, func(sh Shard) (*SweepPartial, error) { return SweepShard(context.Background(), setups, cfg, sh) })
		got, err := MergeSweep(setups, cfg, parts)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%d shards: merged results differ from the sweep's:\n got %.300s\nwant %.300s", count, g, w)
		}
	}
}

// TestMergeGameIsGame checks that the merge of a game's shards, each
// through its JSON, is one process's MetaGame, bit for bit, bootstrap
// replicates included: 700 episodes (3 blocks, the last short) in 1, 2
// (uneven) and 4 shards (more than the blocks).
func TestMergeGameIsGame(t *testing.T) {
	s := load(t, "muscat")
	cfg := firstStrategies(gameConfig(700, 20), s, 2)
	cfg.Config.Workers = 2
	want := playGame(t, s, cfg)
	for _, count := range []int{1, 2, 4} {
		parts := shardsOf(t, count, func(sh Shard) (*GamePartial, error) { return PlayGameShard(context.Background(), s, cfg, sh) })
		got, err := MergeGame(s, cfg, parts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d shards: merged game differs from one process's", count)
		}
	}
}

// TestMergeGameRefuses checks that MergeGame names the shard whose
// tallies do not fit the game.
func TestMergeGameRefuses(t *testing.T) {
	s := load(t, "muscat")
	cfg := firstStrategies(gameConfig(600, 4), s, 2)
	parts := shardsOf(t, 2, func(sh Shard) (*GamePartial, error) { return PlayGameShard(context.Background(), s, cfg, sh) })
	parts[1].Tallies[0].Weight = parts[1].Tallies[0].Weight[:1]
	_, err := MergeGame(s, cfg, parts)
	if se, ok := err.(*ShardError); !ok || se.Shard.Index != 2 {
		t.Errorf("got %v; want a ShardError of shard 2", err)
	}
	_, err = MergeGame(s, cfg, parts[:1])
	if err == nil {
		t.Error("a shard missing: no error")
	}
}
