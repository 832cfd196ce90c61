package main

import (
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

// simFlags are the flags that set up simulated episodes. Each is declared
// here once, with one name, meaning and check, for every command that
// takes it.
type simFlags struct {
	episodes   int
	seed       uint64
	workers    int
	strategies []string
	horizon    int
	sets       []string // --set PATH=VALUE, for the commands that declare it
}

// declareEpisodes declares --episodes with a command's default.
func (f *simFlags) declareEpisodes(fs *pflag.FlagSet, def int, usage string) {
	fs.IntVarP(&f.episodes, "episodes", "n", def, usage)
}

// declareSeed declares --seed.
func (f *simFlags) declareSeed(fs *pflag.FlagSet, usage string) {
	fs.Uint64Var(&f.seed, "seed", sim.DefaultSeed, usage)
}

// declareWorkers declares --workers.
func (f *simFlags) declareWorkers(fs *pflag.FlagSet) {
	fs.IntVar(&f.workers, "workers", 0, "parallel workers (default one per CPU); results do not depend on it")
}

// declareStrategy declares --strategy, listing the policies and tactics.
func (f *simFlags) declareStrategy(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.strategies, "strategy", nil, "a principal's strategy, ACTOR=POLICY/TACTIC (repeatable); "+strategyVocabulary)
}

// declareHorizon declares --horizon.
func (f *simFlags) declareHorizon(fs *pflag.FlagSet) {
	fs.IntVar(&f.horizon, "horizon", 0, "rounds per episode (default the scenario's)")
}

// declareRun declares the flags of a run of many episodes: --episodes,
// --seed, --workers, --strategy and --horizon.
func (f *simFlags) declareRun(fs *pflag.FlagSet) {
	f.declareEpisodes(fs, sim.DefaultEpisodes, "number of episodes")
	f.declareSeed(fs, "random seed; fixes every result")
	f.declareWorkers(fs)
	f.declareStrategy(fs)
	f.declareHorizon(fs)
}

// strategyVocabulary lists the policies and tactics a strategy is made of.
var strategyVocabulary = "policies: " + strings.Join(model.PolicyNames(), ", ") +
	"; tactics: " + strings.Join(model.TacticNames(), ", ")

// check reports a usage error for --episodes below least or beyond
// sim.MaxEpisodes, --workers or --horizon out of range.
func (f *simFlags) check(least int, why string) error {
	if err := checkEpisodes(f.episodes, least, why); err != nil {
		return err
	}
	if err := checkWorkers(f.workers); err != nil {
		return err
	}
	return checkHorizon(f.horizon)
}

// config turns the flags into a sim.Config, --strategy parsed.
func (f *simFlags) config() (sim.Config, error) {
	cfg := sim.DefaultConfig()
	cfg.Episodes, cfg.Seed, cfg.Workers, cfg.Horizon = f.episodes, f.seed, f.workers, f.horizon
	var err error
	cfg.Strategies, err = parseStrategies("--strategy", f.strategies)
	return cfg, err
}

// checkWorkers reports a usage error unless --workers is 0 (one per CPU)
// or up to sim.MaxWorkers.
func checkWorkers(workers int) error {
	if workers < 0 || workers > sim.MaxWorkers {
		return usagef("--workers %d: want 0 (one per CPU) … %d; workers beyond the CPUs add memory, not speed", workers, sim.MaxWorkers)
	}
	return nil
}

// checkHorizon reports a usage error unless --horizon is 0 (the
// scenario's) or a number of rounds the engine plays.
func checkHorizon(horizon int) error {
	if horizon < 0 || horizon > model.MaxHorizon {
		return usagef("--horizon %d: want 1 … %d, or 0 for the scenario's", horizon, model.MaxHorizon)
	}
	return nil
}

// parseStrategies parses the values of a flag such as --strategy,
// ACTOR=POLICY/TACTIC, into strategies by actor; nil for none. An actor
// given twice is a usage error: the last would silently win.
func parseStrategies(flag string, specs []string) (map[string]model.Strategy, error) {
	var strategies map[string]model.Strategy
	given := make(map[string]string, len(specs))
	for _, spec := range specs {
		actor, st, err := sim.ParseStrategyFlag(spec)
		if err != nil {
			return nil, usagef("%s: %v", flag, err)
		}
		if first, dup := given[actor]; dup {
			return nil, usagef("%s %s and %s: %s's strategy given twice; want it once", flag, first, spec, actor)
		}
		given[actor] = spec
		if strategies == nil {
			strategies = make(map[string]model.Strategy)
		}
		strategies[actor] = st
	}
	return strategies, nil
}
