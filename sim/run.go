package sim

import (
	"context"
	"math/rand/v2"

	"github.com/parley-sim/parley/model"
)

// Run plays cfg.Episodes episodes of scenario s and returns their outcome
// distribution. Episode i draws every random number from a stream
// derived from (cfg.Seed, i) alone, and the tallies of blocks of
// episodes are merged in block order, so the Result is the same, bit for
// bit, whatever cfg.Workers is. When ctx is done first, Run returns ctx's
// error and, if any block of episodes was finished, the Result of the
// episodes played so far, marked Partial: exactly what a run of that
// many episodes gives.
func Run(ctx context.Context, s *model.Scenario, cfg Config) (*Result, error) {
	p, err := resolve(s, cfg)
	if err != nil {
		return nil, err
	}
	t, err := playBlocks(ctx, p.episodes, p.workers, p.freshTally, p.tallyWorker, p.progress)
	if err != nil {
		if t.episodes == 0 {
			return nil, err
		}
		r := p.result(t)
		r.Partial = true
		return r, err
	}
	return p.result(t), nil
}

// freshTally returns an empty tally of the run's metrics.
func (p plan) freshTally() *tally { return newTally(Metrics(p.scn, p.horizon)) }

// tallyWorker returns a function that plays episode i into a tally, on
// a player of its own.
func (p plan) tallyWorker() func(int, *tally) {
	w := newPlayer(p)
	return func(i int, t *tally) { t.add(w.play(i)) }
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

// A worldSampler samples the worlds of a run's episodes without playing
// them, for players that share them (see player.playIn).
type worldSampler struct {
	scn   *model.Scenario
	seed  uint64
	src   *rand.ChaCha8
	rng   *rand.Rand
	world model.World
}

func newWorldSampler(p plan) *worldSampler {
	src := rand.NewChaCha8([32]byte{})
	return &worldSampler{scn: p.scn, seed: p.seed, src: src, rng: rand.New(src)}
}

// sample samples the world of episode i and returns it with the key of
// the episode's events, as player.play would draw them; the world is
// overwritten by the next.
func (s *worldSampler) sample(i int) (*model.World, uint64) {
	seedEpisode(s.src, s.seed, i)
	s.scn.Sample(&s.world, s.rng)
	return &s.world, s.rng.Uint64()
}

// playIn plays an episode in world w with the events' key, from a
// worldSampler of a plan with the same scenario, seed and horizon: what
// play gives for that episode.
func (w *player) playIn(world *model.World, key uint64) *Episode {
	return w.ep.playIn(world, key)
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
