package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

var mergeCmd = &command{
	name:  "merge",
	args:  "FILE...",
	short: "merge the partial results of a run's shards into the run's result",
	long: `Merge the partial results that 'parley run', 'parley sweep' or 'parley game'
wrote with --shard I/N, one file per shard, into exactly what one process
prints for the same command and flags, byte for byte: the shards' counts are
added up and their floating-point figures merged in the order one process
merges them. The files may come in any order; merge refuses files of
different runs (another scenario, seed, episodes or option), a shard given
twice or missing, and files written by another parley version, naming the
files.
--format, --plot and game's --nfg go to merge, not to the shards.
docs/cluster.md runs the shards as a Slurm array job or a Kubernetes
Indexed Job.`,
	examples: []string{
		"parley run muscat --episodes 100000 --shard 1/4 --out shard-1.json   # … 4/4",
		"parley merge shard-*.json",
		"parley merge shard-*.json --format json --out muscat.json",
		"parley sweep muscat --param actors.iran.discount=0.95:0.995:8 \\\n    --shard 2/4 --out sweep-2.json",
		"parley game muscat --episodes 4000 --shard 3/4 --out game-3.json",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &mergeOptions{}
		o.format = formatFlag(fs, "table", "csv", "json", "jsonl", "markdown")
		plotFlag(fs, &o.plot)
		fs.StringVar(&o.nfg, "nfg", "", "also write a game's estimated game to this `FILE` in Gambit's .nfg format, as game --nfg does")
		return o
	},
	run:    runMerge,
	writes: true,
	fits:   true,
}

type mergeOptions struct {
	format *outputFormat
	plot   string
	nfg    string
}

// maxPartialSize bounds a partial file merge reads.
const maxPartialSize = 1 << 30

// A shardFile is a partial file and the path it was read from.
type shardFile struct {
	path string
	*partialFile
}

func runMerge(e *env, opts any, args []string) error {
	o := opts.(*mergeOptions)
	if len(args) == 0 {
		return usagef("want the partial results of every shard of a run: parley merge FILE...")
	}
	files := make([]shardFile, len(args))
	for k, path := range args {
		pf, err := readPartial(path)
		if err != nil {
			return err
		}
		files[k] = shardFile{path, pf}
	}
	if err := checkSameRun(files); err != nil {
		return err
	}
	if err := o.checkFor(e, files[0].Command); err != nil {
		return err
	}
	files, err := inShardOrder(files)
	if err != nil {
		return err
	}
	return mergeFiles(e, o, files)
}

// mergeFormats are the formats of each command that has shards.
var mergeFormats = map[string][]string{
	"run":   {"table", "csv", "json", "markdown"},
	"sweep": {"table", "csv", "json", "jsonl", "markdown"},
	"game":  {"table", "csv", "json", "markdown"},
}

// checkFor reports a usage error for a format or a flag that the
// command whose shards are merged does not have, and checks the paths
// of --nfg and --plot, before anything is merged.
func (o *mergeOptions) checkFor(e *env, command string) error {
	formats, ok := mergeFormats[command]
	if !ok {
		return fmt.Errorf("command %s: parley merges the shards of run, sweep and game", command)
	}
	if !slices.Contains(formats, o.format.name) {
		return usagef("--format %s: %s has %s", o.format.name, command, strings.Join(formats, ", "))
	}
	if command != "game" {
		if o.nfg != "" {
			return usagef("--nfg goes with the shards of parley game; these are of parley %s", command)
		}
		return e.checkPlot(o.plot)
	}
	return (&gameOptions{nfg: o.nfg, plot: o.plot}).checkFiles(e)
}

// mergeFiles merges the shards of one run, in order.
func mergeFiles(e *env, o *mergeOptions, files []shardFile) error {
	first := files[0]
	s, err := model.LoadWithHorizon(model.Source{Name: first.path + ": definition", Data: []byte(first.Definition)}, nil, first.Options.Horizon)
	if err != nil {
		return err
	}
	f := &simFlags{episodes: first.Episodes, seed: first.Seed, strategies: first.Options.Strategy, horizon: first.Options.Horizon}
	cfg, err := f.checkedConfig()
	if err != nil {
		return err
	}
	for _, sf := range files {
		if !sf.hasPart() {
			return fmt.Errorf("%s: a partial result of %s without its %s part", sf.path, sf.Command, sf.Command)
		}
	}
	switch first.Command {
	case "sweep":
		return mergeSweep(e, o, s, cfg, files)
	case "game":
		return mergeGame(e, o, s, cfg, files)
	}
	parts := make([]*sim.RunPartial, len(files))
	for k, sf := range files {
		parts[k] = sf.Run
	}
	r, err := sim.MergeRun(s, cfg, parts)
	if err != nil {
		return namedShard(err, files)
	}
	if err := e.addPlot(o.plot, runFigure(r)); err != nil {
		return err
	}
	return (&runOptions{format: o.format}).emit(e, r, runReport(s, r))
}

// hasPart reports whether the file holds the part of its command, and
// that alone.
func (sf shardFile) hasPart() bool {
	switch sf.Command {
	case "run":
		return sf.Run != nil && sf.Sweep == nil && sf.Game == nil
	case "sweep":
		return sf.Sweep != nil && sf.Run == nil && sf.Game == nil
	case "game":
		return sf.Game != nil && sf.Run == nil && sf.Sweep == nil
	}
	return false
}

// mergeSweep merges the shards of a sweep: the design laid out again
// from the flags the shards recorded, each point's run merged.
func mergeSweep(e *env, o *mergeOptions, s *model.Scenario, cfg sim.Config, files []shardFile) error {
	opt := files[0].Options
	so := &sweepOptions{designFlags: designFlags{params: opt.Param, ranges: opt.Range, design: opt.Design, samples: opt.Samples,
		bootstrap: opt.Bootstrap, metrics: opt.Metrics}, format: o.format, plot: o.plot}
	x, err := so.resolve(s, cfg.Seed)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0].path, err)
	}
	if err := checkSweepPlot(o.plot, x); err != nil {
		return err
	}
	setups, err := x.setups(s, cfg)
	if err != nil {
		return err
	}
	parts := make([]*sim.SweepPartial, len(files))
	for k, sf := range files {
		parts[k] = sf.Sweep
	}
	results, err := sim.MergeSweep(setups, cfg, parts)
	if err != nil {
		return namedShard(err, files)
	}
	return so.emit(e, s, cfg, x, results, false)
}

// mergeGame merges the shards of a game and analyzes it.
func mergeGame(e *env, o *mergeOptions, s *model.Scenario, run sim.Config, files []shardFile) error {
	opt := files[0].Options
	gopt := &gameOptions{bootstrap: opt.Bootstrap, dynamics: opt.Dynamics, format: o.format, nfg: o.nfg, plot: o.plot}
	cfg := sim.DefaultGameConfig()
	cfg.Config.Episodes, cfg.Config.Seed, cfg.Config.Horizon = run.Episodes, run.Seed, run.Horizon
	cfg.Replicates = opt.Bootstrap
	var err error
	if cfg.Strategies, err = strategyLists(s, opt.Strategies); err != nil {
		return err
	}
	parts := make([]*sim.GamePartial, len(files))
	for k, sf := range files {
		parts[k] = sf.Game
	}
	g, err := sim.MergeGame(s, cfg, parts)
	if err != nil {
		return namedShard(err, files)
	}
	an, err := sim.Analyze(context.Background(), g)
	if err != nil {
		return err
	}
	return gopt.emit(e, g, an)
}

// namedShard names the file of the shard a sim.ShardError is about.
func namedShard(err error, files []shardFile) error {
	var se *sim.ShardError
	if errors.As(err, &se) && se.Shard.Index >= 1 && se.Shard.Index <= len(files) {
		return fmt.Errorf("%s (shard %s): %w", files[se.Shard.Index-1].path, se.Shard, se.Err)
	}
	return err
}

// readPartial reads a partial file a shard wrote, a regular file (see
// openRegular), refusing one of another format or parley version.
func readPartial(path string) (*partialFile, error) {
	f, err := openRegular(path, "a partial result that parley --shard wrote")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPartialSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathError(err))
	}
	if len(data) > maxPartialSize {
		return nil, fmt.Errorf("%s: larger than %d bytes; want a partial result that parley --shard wrote", path, maxPartialSize)
	}
	var stamp struct {
		Version string `json:"version"`
		Format  int    `json:"partial_format"`
	}
	if err := json.Unmarshal(data, &stamp); err != nil || stamp.Format == 0 {
		return nil, fmt.Errorf("%s: not a partial result; want a file that parley run, sweep or game wrote with --shard", path)
	}
	if stamp.Format != partialFormat {
		return nil, fmt.Errorf("%s: partial_format %d; this parley reads %d: merge with the parley that played the shards", path, stamp.Format, partialFormat)
	}
	if v := readVersion().Version; stamp.Version != v {
		return nil, fmt.Errorf("%s: written by parley %s; this is parley %s: merge with the parley that played the shards, whose figures these are", path, stamp.Version, v)
	}
	var pf struct {
		Version string `json:"version"`
		partialFile
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &pf.partialFile, nil
}

// checkSameRun reports an error, naming two files and what differs,
// unless the files are shards of one run.
func checkSameRun(files []shardFile) error {
	a := files[0]
	for _, b := range files[1:] {
		oa, _ := json.Marshal(a.Options)
		ob, _ := json.Marshal(b.Options)
		for _, d := range []struct {
			what   string
			va, vb any
		}{
			{"command", a.Command, b.Command},
			{"scenario", a.Scenario, b.Scenario},
			{"seed", a.Seed, b.Seed},
			{"episodes", a.Episodes, b.Episodes},
			{"options", string(oa), string(ob)},
			{"shard count", a.Shard.Count, b.Shard.Count},
		} {
			if d.va != d.vb {
				return fmt.Errorf("%s and %s are shards of different runs: %s %v in %s, %v in %s; want the shards of one run", a.path, b.path, d.what, d.va, a.path, d.vb, b.path)
			}
		}
		if a.Definition != b.Definition {
			return fmt.Errorf("%s and %s are shards of different runs: scenario %s is defined differently in them; want the shards of one run", a.path, b.path, a.Scenario)
		}
	}
	return nil
}

// inShardOrder returns the files in shard order, reporting an error
// for a shard given twice or missing.
func inShardOrder(files []shardFile) ([]shardFile, error) {
	n := files[0].Shard.Count
	byIndex := make(map[int]shardFile, len(files))
	for _, f := range files {
		if err := f.Shard.Check(); err != nil {
			return nil, fmt.Errorf("%s: %v", f.path, err)
		}
		if g, dup := byIndex[f.Shard.Index]; dup {
			return nil, fmt.Errorf("%s and %s are both shard %s; want each shard once", g.path, f.path, f.Shard)
		}
		byIndex[f.Shard.Index] = f
	}
	var missing []string
	ordered := make([]shardFile, 0, n)
	for i := 1; i <= n; i++ {
		f, ok := byIndex[i]
		if !ok {
			missing = append(missing, sim.Shard{Index: i, Count: n}.String())
			continue
		}
		ordered = append(ordered, f)
	}
	if len(missing) > 0 {
		shown := missing[:min(len(missing), 10)]
		more := ""
		if len(missing) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(missing)-len(shown))
		}
		return nil, fmt.Errorf("%d of %d shards missing: %s%s; want every shard of the run (given %s)", len(missing), n, strings.Join(shown, ", "), more, text.Count(len(files), "file"))
	}
	return ordered, nil
}
