package sim

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"

	"github.com/parley-sim/parley/model"
)

// DefaultEpisodes is the number of episodes Run plays by default: enough
// for the widest 95% interval of a probability, at p = 0.5, to be
// ±1.96·√(0.25/40000) ≈ ±0.49 percentage points.
const DefaultEpisodes = 40000

// DefaultSeed is the seed Run uses by default, so that a run with no
// seed given is reproducible too.
const DefaultSeed = 1

// MaxEpisodes is the most episodes one run plays (per cell for
// PlayGame): about 4 hours of CPU on muscat at 14 µs an episode, which
// shards (RunShard, MergeRun) spread over processes. More episodes are
// better spent as several runs with different seeds, whose counts pool.
const MaxEpisodes = 1_000_000_000

// MaxWorkers is the most goroutines a run plays on. Each holds two
// blocks' tallies; more workers than CPUs only add memory.
const MaxWorkers = 256

// Config sets up a run. The zero value is not valid; start from
// DefaultConfig.
type Config struct {
	Episodes int    // number of episodes, 1 … MaxEpisodes
	Seed     uint64 // fixes every random number of the run
	Workers  int    // goroutines, at most MaxWorkers and one per block of episodes; 0 for one per CPU. Results do not depend on it.
	Horizon  int    // rounds per episode; 0 for the scenario's own

	// Strategies overrides the default strategy of principals by name.
	Strategies map[string]model.Strategy

	// Progress, when not nil, is told how far the run has got: the
	// episodes played and merged so far and the run's total (for a
	// Sweep, points × episodes; for PlayGame and Compare, episodes
	// per cell or arm). It is called from one goroutine, never
	// concurrently, at most once per block of episodes, with counts that
	// rise and end at the total when the run is not interrupted. It only
	// observes: results do not depend on it.
	Progress func(done, total int64)
}

// DefaultConfig returns DefaultEpisodes episodes, DefaultSeed, one worker
// per CPU, the scenario's horizon and its default strategies.
func DefaultConfig() Config {
	return Config{Episodes: DefaultEpisodes, Seed: DefaultSeed}
}

// plan is a Config resolved against a scenario.
type plan struct {
	scn        *model.Scenario
	episodes   int
	seed       uint64
	workers    int
	horizon    int
	strategies [2]model.Strategy
	progress   func(done, total int64)
}

// HorizonFor returns the rounds a run of s with c plays: c.Horizon, or
// the scenario's horizon when c leaves it 0.
func (c Config) HorizonFor(s *model.Scenario) int {
	if c.Horizon == 0 {
		return s.Horizon
	}
	return c.Horizon
}

// resolve checks cfg against s and fills in its defaults.
func resolve(s *model.Scenario, cfg Config) (plan, error) {
	p := plan{scn: s, episodes: cfg.Episodes, seed: cfg.Seed, workers: cfg.Workers, horizon: cfg.Horizon, progress: cfg.Progress}
	if p.episodes < 1 || p.episodes > MaxEpisodes {
		return p, fmt.Errorf("episodes: %d; want 1 … %d", cfg.Episodes, MaxEpisodes)
	}
	if p.workers < 0 || p.workers > MaxWorkers {
		return p, fmt.Errorf("workers: %d; want 0 (one per CPU) … %d", cfg.Workers, MaxWorkers)
	}
	if p.workers == 0 {
		p.workers = min(runtime.NumCPU(), MaxWorkers)
	}
	p.workers = min(p.workers, (p.episodes+blockSize-1)/blockSize)
	p.horizon = cfg.HorizonFor(s)
	if p.horizon < 1 || p.horizon > model.MaxHorizon {
		return p, fmt.Errorf("horizon: %d; want 1 … %d rounds", cfg.Horizon, model.MaxHorizon)
	}
	who := s.Principals()
	if name := NotPrincipal(s, cfg.Strategies); name != "" {
		return p, fmt.Errorf("strategy for %q: not a principal of %s; want %s or %s",
			name, s.Name, s.Actors[who[0]].Name, s.Actors[who[1]].Name)
	}
	for i, a := range who {
		p.strategies[i] = s.Actors[a].Strategy
	}
	for name, st := range cfg.Strategies {
		p.strategies[slices.Index(who[:], s.Actor(name))] = st
	}
	return p, nil
}

// NotPrincipal returns the first name, in sorted order, under which
// strategies sets a strategy for an actor that is not one of s's
// principals, or "" when every name is a principal's.
func NotPrincipal(s *model.Scenario, strategies map[string]model.Strategy) string {
	who := s.Principals()
	for _, name := range slices.Sorted(maps.Keys(strategies)) {
		if a := s.Actor(name); a != who[0] && a != who[1] {
			return name
		}
	}
	return ""
}

// ActorStrategy names the strategy a principal plays.
type ActorStrategy struct {
	Actor    string `json:"actor"`
	Strategy string `json:"strategy"`
}

func (p plan) named() []ActorStrategy {
	who := p.scn.Principals()
	out := make([]ActorStrategy, 2)
	for i, a := range who {
		out[i] = ActorStrategy{Actor: p.scn.Actors[a].Name, Strategy: p.strategies[i].String()}
	}
	return out
}

// ParseStrategyFlag parses ACTOR=POLICY/TACTIC, as the command line
// writes a strategy override.
func ParseStrategyFlag(s string) (actor string, st model.Strategy, err error) {
	actor, spec, ok := strings.Cut(s, "=")
	if !ok || actor == "" {
		return "", st, fmt.Errorf("%q is not ACTOR=POLICY/TACTIC", s)
	}
	st, err = model.ParseStrategy(spec)
	return actor, st, err
}
