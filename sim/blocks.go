package sim

import "context"

// blockSize is the number of consecutive episodes a worker plays into one
// accumulator. Blocks are merged in order, so it fixes the order of every
// floating-point sum: changing it changes results in the last digits.
const blockSize = 256

// An accumulator gathers the episodes of one block and merges with the
// accumulators of other blocks.
type accumulator[A any] interface {
	reset()
	merge(A)
}

// playBlocks plays episodes 0 … n−1 in blocks of blockSize on the given
// number of workers and returns the merge of the blocks' accumulators in
// block order, so the result does not depend on the number of workers.
// fresh makes an empty accumulator; each worker calls newWorker once for
// the function that plays episode i into an accumulator. At most two
// blocks per worker are in flight, so memory does not grow with n. When
// ctx is done first, playBlocks returns ctx's error with the merge of the
// blocks finished in order so far: the result of a shorter run, exactly.
// A non-nil progress is called from playBlocks' own goroutine, never
// concurrently, each time blocks are merged, with the episodes merged so
// far and n: the counts rise and the last is n, n.
func playBlocks[A accumulator[A]](ctx context.Context, n, workers int, fresh func() A, newWorker func() func(i int, acc A), progress func(done, total int64)) (A, error) {
	return playBlockRange(ctx, n, 0, numBlocks(n), workers, fresh, newWorker, progress)
}

// numBlocks returns the number of blocks of n episodes, the last one
// shorter when blockSize does not divide n.
func numBlocks(n int) int {
	blocks := n / blockSize
	if n%blockSize != 0 {
		blocks++ // written so, (n + blockSize − 1) / blockSize would overflow near the largest int
	}
	return blocks
}

// playBlockRange is playBlocks for blocks first … last−1 of n episodes
// alone, merged in order into a fresh accumulator: a shard of the run.
// Its progress counts the episodes of those blocks alone.
func playBlockRange[A accumulator[A]](ctx context.Context, n, first, last, workers int, fresh func() A, newWorker func() func(i int, acc A), progress func(done, total int64)) (A, error) {
	workers = min(workers, last-first) // a short shard needs fewer
	window := 2 * workers
	type job struct {
		block int
		acc   A
	}
	jobs := make(chan job)
	done := make(chan job, window)
	for range workers {
		go func() {
			play := newWorker()
			for j := range jobs {
				j.acc.reset()
				for i := j.block * blockSize; i < min(n, (j.block+1)*blockSize); i++ {
					play(i, j.acc)
				}
				done <- j
			}
		}()
	}
	defer close(jobs)

	total := fresh()
	var free []A
	pending := make(map[int]A, window)
	next, merged := first, first
	for merged < last {
		var send chan job
		j := job{block: next}
		if next < last && next-merged < window {
			send = jobs
			if k := len(free); k > 0 {
				j.acc, free = free[k-1], free[:k-1]
			} else {
				j.acc = fresh()
			}
		}
		select {
		case <-ctx.Done():
			return total, ctx.Err()
		case send <- j:
			next++
			continue
		case d := <-done:
			pending[d.block] = d.acc
			before := merged
			for acc, ok := pending[merged]; ok; acc, ok = pending[merged] {
				total.merge(acc)
				free = append(free, acc)
				delete(pending, merged)
				merged++
			}
			if progress != nil && merged > before {
				lo, hi := int64(first)*blockSize, min(int64(last)*blockSize, int64(n))
				progress(min(int64(merged)*blockSize, int64(n))-lo, hi-lo)
			}
		}
		if send != nil {
			free = append(free, j.acc) // prepared but not sent this time round
		}
	}
	return total, nil
}
