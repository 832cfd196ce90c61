package sim

import (
	"context"
	"math/rand/v2"

	"github.com/parley-sim/parley/model"
)

// blockSize is the number of consecutive episodes a worker plays into one
// tally. Blocks are merged in order, so it fixes the order of every
// floating-point sum: changing it changes results in the last digits.
const blockSize = 256

// Run plays cfg.Episodes episodes of scenario s and returns their outcome
// distribution. Episode i draws every random number from a stream
// derived from (cfg.Seed, i) alone, and the tallies of blocks of
// episodes are merged in block order, so the Result is the same, bit for
// bit, whatever cfg.Workers is. Run stops early with ctx's error when ctx
// is done.
func Run(ctx context.Context, s *model.Scenario, cfg Config) (*Result, error) {
	p, err := resolve(s, cfg)
	if err != nil {
		return nil, err
	}
	blocks := (p.episodes + blockSize - 1) / blockSize
	window := 2 * p.workers
	jobs := make(chan job)
	done := make(chan job, window)
	for range p.workers {
		go p.work(jobs, done)
	}
	defer close(jobs)

	total := newTally(s, p.horizon)
	var free []*tally
	pending := make(map[int]*tally, window)
	next, merged := 0, 0
	for merged < blocks {
		var send chan job
		var j job
		if next < blocks && next-merged < window {
			send, j = jobs, job{block: next}
			if n := len(free); n > 0 {
				j.tally, free = free[n-1], free[:n-1]
			} else {
				j.tally = newTally(s, p.horizon)
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case send <- j:
			next++
		case d := <-done:
			pending[d.block] = d.tally
			for t, ok := pending[merged]; ok; t, ok = pending[merged] {
				total.merge(t)
				free = append(free, t)
				delete(pending, merged)
				merged++
			}
		}
		if send != nil && next == j.block {
			free = append(free, j.tally) // not sent this time round
		}
	}
	return p.result(total), nil
}

// A job is a block of episodes and the tally to count them in.
type job struct {
	block int
	tally *tally
}

// work plays the blocks it receives, each into its tally.
func (p plan) work(jobs <-chan job, done chan<- job) {
	w := newPlayer(p)
	for j := range jobs {
		j.tally.reset()
		for i := j.block * blockSize; i < min(p.episodes, (j.block+1)*blockSize); i++ {
			j.tally.add(w.play(i))
		}
		done <- j
	}
}

// A player plays episodes one after another with its own generator and
// storage.
type player struct {
	plan plan
	src  *rand.ChaCha8
	rng  *rand.Rand
	ep   episode
}

func newPlayer(p plan) *player {
	src := rand.NewChaCha8([32]byte{})
	w := &player{plan: p, src: src, rng: rand.New(src)}
	w.ep.reset(p.scn, p.horizon, p.strategies)
	return w
}

// play plays episode i; the Episode it returns is overwritten by the next.
func (w *player) play(i int) *Episode {
	seedEpisode(w.src, w.plan.seed, i)
	return w.ep.play(w.rng)
}

// Play plays episode i of a run of s under cfg, exactly as Run plays it,
// and returns what it produced.
func Play(s *model.Scenario, cfg Config, i int) (Episode, error) {
	p, err := resolve(s, cfg)
	if err != nil {
		return Episode{}, err
	}
	e := *newPlayer(p).play(i)
	e.Terms = append([]float64(nil), e.Terms...)
	return e, nil
}
