package sim

import (
	"context"
	"fmt"
)

// MaxShards is the most shards a run may be split into: as many as a
// Kubernetes Indexed Job runs in parallel (10⁵), far more than a Slurm
// array usually allows.
const MaxShards = 100_000

// A Shard is part Index of Count of a run: of a run's blocks of episodes
// (RunShard, PlayGameShard) or of a sweep's points (Span). Shard k
// covers the contiguous items ⌊(k−1)·n/Count⌋ … ⌊k·n/Count⌋−1 of n, so
// the shards cover every item once and differ in size by one at most;
// when Count exceeds n, some cover none.
type Shard struct {
	Index int `json:"index"` // 1 … Count
	Count int `json:"count"` // 1 … MaxShards
}

// String writes the shard as the command line gives it, I/N.
func (sh Shard) String() string { return fmt.Sprintf("%d/%d", sh.Index, sh.Count) }

// Check reports an error unless 1 ≤ Index ≤ Count ≤ MaxShards.
func (sh Shard) Check() error {
	if sh.Count < 1 || sh.Count > MaxShards || sh.Index < 1 || sh.Index > sh.Count {
		return fmt.Errorf("shard %s: want I/N with 1 ≤ I ≤ N ≤ %d", sh, MaxShards)
	}
	return nil
}

// Span returns the items lo … hi−1 of n that the shard covers.
func (sh Shard) Span(n int) (lo, hi int) {
	return int(int64(sh.Index-1) * int64(n) / int64(sh.Count)), int(int64(sh.Index) * int64(n) / int64(sh.Count))
}

// blocks returns the blocks of a run of n episodes that the shard plays.
func (sh Shard) blocks(n int) (first, last int) { return sh.Span(numBlocks(n)) }

// A logged accumulator merges blocks as its accumulator does and keeps,
// block by block, what snap takes of each: the state whose merge depends
// on the order of merging, for a later merge to replay in block order.
type logged[A accumulator[A], L any] struct {
	acc  A
	log  []L
	snap func(A) L
}

func (l *logged[A, L]) reset() {
	l.acc.reset()
	l.log = l.log[:0]
}

func (l *logged[A, L]) merge(o *logged[A, L]) {
	l.acc.merge(o.acc)
	l.log = append(l.log, l.snap(o.acc))
}

// playShard plays the blocks of shard sh of a run of n episodes as
// playBlocks plays a whole run, and returns their merge with what snap
// takes of each block, in block order. progress counts the shard's
// episodes.
func playShard[A accumulator[A], L any](ctx context.Context, sh Shard, n, workers int, fresh func() A, newWorker func() func(i int, acc A), snap func(A) L, progress func(done, total int64)) (A, []L, error) {
	first, last := sh.blocks(n)
	freshLogged := func() *logged[A, L] { return &logged[A, L]{acc: fresh(), snap: snap} }
	worker := func() func(int, *logged[A, L]) {
		play := newWorker()
		return func(i int, l *logged[A, L]) { play(i, l.acc) }
	}
	l, err := playBlockRange(ctx, n, first, last, workers, freshLogged, worker, progress)
	return l.acc, l.log, err
}

// A ShardError is what is wrong with one shard's partial result.
type ShardError struct {
	Shard Shard
	Err   error
}

// Error names the shard and what is wrong with it.
func (e *ShardError) Error() string { return "shard " + e.Shard.String() + ": " + e.Err.Error() }

// Unwrap returns what is wrong.
func (e *ShardError) Unwrap() error { return e.Err }

// checkParts reports an error unless parts, none nil, are every shard of
// a run in order, 1/N … N/N, shardOf telling a part's shard.
func checkParts[P any](parts []*P, shardOf func(*P) Shard) error {
	if len(parts) == 0 {
		return fmt.Errorf("no shards to merge")
	}
	var n int
	for k, p := range parts {
		if p == nil {
			return fmt.Errorf("part %d: empty; want every shard's", k+1)
		}
		sh := shardOf(p)
		if err := sh.Check(); err != nil {
			return err
		}
		if k == 0 {
			n = sh.Count
		}
		if sh.Count != n || sh.Index != k+1 {
			return fmt.Errorf("shard %d of the list is %s; want %d/%d: every shard of the run, in order", k+1, sh, k+1, n)
		}
	}
	if len(parts) != n {
		return fmt.Errorf("%d shards of %d; want all %d", len(parts), n, n)
	}
	return nil
}

// checkBlocks reports an error unless blocks and episodes are those that
// shard sh of a run of n episodes plays.
func checkBlocks(sh Shard, blocks [2]int, episodes int64, n int) error {
	first, last := sh.blocks(n)
	if blocks != [2]int{first, last} {
		return fmt.Errorf("blocks %d … %d; a run of %d episodes gives this shard blocks %d … %d", blocks[0], blocks[1]-1, n, first, last-1)
	}
	if want := int64(min(n, last*blockSize) - min(n, first*blockSize)); episodes != want {
		return fmt.Errorf("%d episodes; its blocks hold %d", episodes, want)
	}
	return nil
}
