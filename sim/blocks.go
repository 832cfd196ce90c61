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
	blocks := n / blockSize
	if n%blockSize != 0 {
		blocks++ // written so, (n + blockSize − 1) / blockSize would overflow near the largest int
	}
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
	next, merged := 0, 0
	for merged < blocks {
		var send chan job
		j := job{block: next}
		if next < blocks && next-merged < window {
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
				progress(min(int64(merged)*blockSize, int64(n)), int64(n))
			}
		}
		if send != nil {
			free = append(free, j.acc) // prepared but not sent this time round
		}
	}
	return total, nil
}
