package main

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

// partialFormat is the version of the partial-result format that a
// shard writes and merge reads; it changes when the format does.
const partialFormat = 1

// shardFlag is --shard I/N: play one part of a run, for merge.
type shardFlag struct{ spec string }

func (f *shardFlag) declare(fs *pflag.FlagSet, of string) {
	fs.StringVar(&f.spec, "shard", "", "play shard `I/N` of the "+of+" alone (1 ≤ I ≤ N) and write its partial result as JSON, for parley merge")
}

// given reports whether --shard was given.
func (f *shardFlag) given() bool { return f.spec != "" }

// parse reads I/N, a usage error unless 1 ≤ I ≤ N ≤ sim.MaxShards.
func (f *shardFlag) parse() (sim.Shard, error) {
	i, n, ok := strings.Cut(f.spec, "/")
	var sh sim.Shard
	var err1, err2 error
	sh.Index, err1 = strconv.Atoi(i)
	sh.Count, err2 = strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sh.Check() != nil {
		return sh, usagef("--shard %s: want I/N, shard I of N, with 1 ≤ I ≤ N ≤ %d, e.g. --shard 1/4", f.spec, sim.MaxShards)
	}
	return sh, nil
}

// check parses --shard and refuses, with it, a flag that shapes what
// merge prints rather than what the shard plays: merge takes those.
func (f *shardFlag) check(format *outputFormat, display ...string) (sim.Shard, error) {
	sh, err := f.parse()
	if err != nil {
		return sh, err
	}
	if format.name != format.allowed[0] && format.name != "json" {
		return sh, usagef("--shard writes a partial result as JSON, for parley merge; give --format %s to parley merge", format.name)
	}
	for _, flag := range display {
		if flag != "" {
			return sh, usagef("--shard with %s: give %s to parley merge, which prints the result", flag, flag)
		}
	}
	return sh, nil
}

// flagIf returns flag when given is true, and "" otherwise: a flag
// given, for check.
func flagIf(given bool, flag string) string {
	if given {
		return flag
	}
	return ""
}

// A partialFile is what a shard writes: which run it is part of, the
// scenario it played, and its part of the run. Two shards belong to the
// same run when everything but Shard and the part is the same.
type partialFile struct {
	Format   int       `json:"partial_format"`
	Command  string    `json:"command"` // run, sweep or game
	Shard    sim.Shard `json:"shard"`
	Scenario string    `json:"scenario"`
	Seed     uint64    `json:"seed"`
	Episodes int       `json:"episodes"`
	Options  options   `json:"options"`
	// Definition is the scenario as resolved (show's YAML), which merge
	// loads, so that it needs neither the scenario's file nor the files
	// it extends.
	Definition string `json:"definition"`

	Run   *sim.RunPartial   `json:"run,omitempty"`
	Sweep *sim.SweepPartial `json:"sweep,omitempty"`
	Game  *sim.GamePartial  `json:"game,omitempty"`
}

// options are the flags, besides --episodes and --seed, that shape what
// a shard plays, as the command line gave them; the strategy flags,
// whose order does not matter, sorted.
type options struct {
	Horizon  int      `json:"horizon"`
	Strategy []string `json:"strategy,omitempty"`
	// A sweep's design: --param, --range, --design, --samples,
	// --bootstrap and --metrics.
	Param     []string `json:"param,omitempty"`
	Range     []string `json:"range,omitempty"`
	Design    string   `json:"design,omitempty"`
	Samples   int      `json:"samples,omitempty"`
	Bootstrap int      `json:"bootstrap,omitempty"` // a sweep's Sobol resamples, a game's replicates
	Metrics   []string `json:"metrics,omitempty"`
	// A game's --strategies, sorted, and --dynamics.
	Strategies []string `json:"strategies,omitempty"`
	Dynamics   bool     `json:"dynamics,omitempty"`
}

// newPartialFile starts the partial file of a shard of command on s
// under f's episodes and seed.
func newPartialFile(command string, sh sim.Shard, s *model.Scenario, f *simFlags, o options) (*partialFile, error) {
	def, err := s.YAML()
	if err != nil {
		return nil, err
	}
	o.Horizon = f.horizon
	o.Strategy = slices.Sorted(slices.Values(f.strategies))
	return &partialFile{Format: partialFormat, Command: command, Shard: sh, Scenario: s.Name, Seed: f.seed, Episodes: f.episodes,
		Options: o, Definition: string(def)}, nil
}

// playShard plays a shard with play, which fills in pf's part, with
// cfg's progress in units shown, and writes pf as the command's result.
func playShard(e *env, cfg *sim.Config, units string, pf *partialFile, play func(ctx context.Context) error) error {
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(cfg, units)
	err := play(ctx)
	hide()
	if err != nil {
		return interrupted(ctx, err, "")
	}
	return writeJSON(e.stdout, pf)
}
