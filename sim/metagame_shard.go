package sim

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// A GamePartial is one shard of a meta-game: a contiguous range of its
// blocks of episodes, every cell of each, and each block's whole tally
// in block order. The tallies hold floating-point sums (moments, the
// bootstrap's weighted sums, the choices' averages) whose merge depends
// on its order, so MergeGame merges the blocks one after another, as
// PlayGame merges one process's, and gives its MetaGame bit for bit.
// Sharding the cells instead would not do: a choice's estimates average
// each episode over several cells. Its JSON field names are stable.
type GamePartial struct {
	Shard    Shard       `json:"shard"`
	Blocks   [2]int      `json:"blocks"`   // the blocks played, first … last−1, of blockSize episodes
	Episodes int64       `json:"episodes"` // the episodes they hold, in every cell
	Tallies  []GameBlock `json:"tallies"`  // one a block, in order
}

// A GameBlock is the tally of one block of a meta-game's episodes.
type GameBlock struct {
	Cells    []GameBlockCell `json:"cells"`    // row by row
	Weight   []float64       `json:"weight"`   // each replicate's total weight
	Weighted []float64       `json:"weighted"` // [(2c + k)·replicates + r]: replicate r's weighted sum of side k's utility in cell c
	Feasible int64           `json:"feasible"` // episodes whose world is feasible
	// Choices[n][w][m] are choice n's moments of metric m in all worlds
	// (w = 0) or feasible ones (w = 1).
	Choices [][2][choiceMetrics]stats.Moments `json:"choices"`
}

// A GameBlockCell is one cell's part of a GameBlock.
type GameBlockCell struct {
	Outcomes [numOutcomes]int64 `json:"outcomes"` // episodes by Outcome
	Utility  [2]stats.Moments   `json:"utility"`  // each side's utility
}

// PlayGameShard plays the blocks of episodes of shard sh of the game
// PlayGame(ctx, s, cfg) would play, in every cell, and returns their
// tallies. MergeGame merges the GamePartials of every shard into that
// game's MetaGame, bit for bit. When ctx is done first, PlayGameShard
// returns ctx's error and no tallies.
func PlayGameShard(ctx context.Context, s *model.Scenario, cfg GameConfig, sh Shard) (*GamePartial, error) {
	if err := sh.Check(); err != nil {
		return nil, err
	}
	gp, err := newGamePlan(s, cfg)
	if err != nil {
		return nil, err
	}
	p := gp.plans[0]
	_, log, err := playShard(ctx, sh, p.episodes, p.workers, gp.fresh, gp.worker, (*gameTally).block, p.progress)
	if err != nil {
		return nil, err
	}
	gpart := &GamePartial{Shard: sh, Tallies: log}
	gpart.Blocks[0], gpart.Blocks[1] = sh.blocks(p.episodes)
	for _, b := range log {
		gpart.Episodes += b.Cells[0].Utility[0].N()
	}
	return gpart, nil
}

// block returns a copy of the tally of one block.
func (t *gameTally) block() GameBlock {
	b := GameBlock{
		Cells:    make([]GameBlockCell, len(t.cells)),
		Weight:   append([]float64{}, t.weight...),
		Weighted: append([]float64{}, t.weighted...),
		Feasible: t.feasible,
		Choices:  make([][2][choiceMetrics]stats.Moments, len(t.choiceTallies)),
	}
	for c, ct := range t.cells {
		b.Cells[c] = GameBlockCell{Outcomes: ct.outcomes, Utility: ct.utility}
	}
	for n, ct := range t.choiceTallies {
		b.Choices[n] = ct.m
	}
	return b
}

// MergeGame merges the GamePartials of every shard of the game
// PlayGame(ctx, s, cfg) would play, given in shard order, into that
// game's MetaGame, bit for bit: the blocks' tallies merged one after
// another as PlayGame merges them. It reports an error, naming the
// shard, when the parts are not the shards of that game.
func MergeGame(s *model.Scenario, cfg GameConfig, parts []*GamePartial) (*MetaGame, error) {
	gp, err := newGamePlan(s, cfg)
	if err != nil {
		return nil, err
	}
	if err := checkParts(parts, func(part *GamePartial) Shard { return part.Shard }); err != nil {
		return nil, err
	}
	n := gp.plans[0].episodes
	total, block := gp.fresh(), gp.fresh()
	for _, part := range parts {
		if err := part.check(n); err != nil {
			return nil, &ShardError{part.Shard, err}
		}
		for b, gb := range part.Tallies {
			if err := block.load(&gb); err != nil {
				return nil, &ShardError{part.Shard, fmt.Errorf("tallies[%d]: %w", b, err)}
			}
			total.merge(block)
		}
	}
	return gp.finish(total, nil)
}

// check reports an error unless part holds the blocks its shard of a
// game of n episodes plays.
func (part *GamePartial) check(n int) error {
	if err := checkBlocks(part.Shard, part.Blocks, part.Episodes, n); err != nil {
		return err
	}
	if first, last := part.Shard.blocks(n); len(part.Tallies) != last-first {
		return fmt.Errorf("%d tallies; want one for each of its %d blocks", len(part.Tallies), last-first)
	}
	return nil
}

// load sets t to the tally of block b, which must have t's layout.
func (t *gameTally) load(b *GameBlock) error {
	if len(b.Cells) != len(t.cells) || len(b.Weight) != len(t.weight) || len(b.Weighted) != len(t.weighted) || len(b.Choices) != len(t.choiceTallies) {
		return fmt.Errorf("%d cells, %d replicates' weights, %d weighted sums and %d choices; want %d, %d, %d and %d",
			len(b.Cells), len(b.Weight), len(b.Weighted), len(b.Choices), len(t.cells), len(t.weight), len(t.weighted), len(t.choiceTallies))
	}
	if b.Feasible < 0 {
		return fmt.Errorf("feasible %d; want a count", b.Feasible)
	}
	for c, bc := range b.Cells {
		for o, k := range bc.Outcomes {
			if k < 0 {
				return fmt.Errorf("cells[%d].outcomes[%d]: %d; want a count", c, o, k)
			}
		}
		t.cells[c] = cellTally{outcomes: bc.Outcomes, utility: bc.Utility}
	}
	copy(t.weight, b.Weight)
	copy(t.weighted, b.Weighted)
	t.feasible = b.Feasible
	for n := range b.Choices {
		t.choiceTallies[n].m = b.Choices[n]
	}
	return nil
}
