package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

var runCmd = &command{
	name:  "run",
	args:  "[SCENARIO|FILE]",
	short: "simulate many episodes and report how the talks end",
	long: `Play the negotiation many times, each episode in a world sampled from the
scenario, and report the outcome distribution: how often each kind of deal is
in force at the horizon, when deals are reached and how long they last, the
terms in force, what each side gets, and who reneged. Every estimate comes
with its 95% interval and the number of episodes behind it.

The same --seed gives the same figures, bit for bit, whatever --workers is.
Without an argument, runs the default scenario, muscat.`,
	examples: []string{
		"parley run",
		"parley run muscat --episodes 100000 --seed 7",
		"parley run muscat --strategy iran=comprehensive-only/boulware",
		"parley run jpoa-2013 --format json --out jpoa.json",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &runOptions{}
		o.declare(fs)
		return o
	},
	run: runRun,
}

// declare declares the flags that set up a run.
func (o *runOptions) declare(fs *pflag.FlagSet) {
	fs.IntVarP(&o.episodes, "episodes", "n", sim.DefaultEpisodes, "number of episodes")
	fs.Uint64Var(&o.seed, "seed", sim.DefaultSeed, "random seed; fixes every result")
	fs.IntVar(&o.workers, "workers", 0, "parallel workers (default one per CPU); results do not depend on it")
	fs.StringArrayVar(&o.strategies, "strategy", nil, "a principal's strategy, ACTOR=POLICY/TACTIC (repeatable)")
	fs.IntVar(&o.horizon, "horizon", 0, "rounds per episode (default the scenario's)")
	o.format = formatFlag(fs, "table", "csv", "json", "markdown")
	fs.StringVarP(&o.out, "out", "o", "", "write the report to this file instead of standard output")
}

type runOptions struct {
	episodes   int
	seed       uint64
	workers    int
	strategies []string
	horizon    int
	format     *outputFormat
	out        string
}

func runRun(e *env, opts any, args []string) error {
	o := opts.(*runOptions)
	cfg, err := o.config()
	if err != nil {
		return err
	}
	s, err := loadScenarioArg(args)
	if err != nil {
		return err
	}
	if err := checkPrincipals(s, "--strategy", cfg.Strategies); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	r, err := sim.Run(ctx, s, cfg)
	if err != nil {
		return err
	}
	return o.emit(e, r, runReport(s, r))
}

// emit writes v as JSON, or rep in the table formats, to standard output
// or to the --out file.
func (o *runOptions) emit(e *env, v any, rep *report) error {
	var buf bytes.Buffer
	var err error
	if o.format.name == "json" {
		err = writeJSON(&buf, v)
	} else {
		err = rep.write(&buf, o.format.name)
	}
	if err != nil {
		return err
	}
	if o.out == "" {
		_, err = e.stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(o.out, buf.Bytes())
}

// config turns the flags into a sim.Config.
func (o *runOptions) config() (sim.Config, error) {
	cfg := sim.DefaultConfig()
	cfg.Episodes, cfg.Seed, cfg.Workers, cfg.Horizon = o.episodes, o.seed, o.workers, o.horizon
	if o.episodes < 1 {
		return cfg, usagef("--episodes %d: want at least 1", o.episodes)
	}
	if err := checkWorkers(o.workers); err != nil {
		return cfg, err
	}
	if err := checkHorizon(o.horizon); err != nil {
		return cfg, err
	}
	var err error
	cfg.Strategies, err = parseStrategies(o.strategies)
	return cfg, err
}

// checkWorkers reports a usage error unless --workers is 0 (one per CPU)
// or more.
func checkWorkers(workers int) error {
	if workers < 0 {
		return usagef("--workers %d: want 0 (one per CPU) or more", workers)
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

// parseStrategies parses the values of --strategy, ACTOR=POLICY/TACTIC,
// into strategies by actor; nil for none.
func parseStrategies(specs []string) (map[string]model.Strategy, error) {
	var strategies map[string]model.Strategy
	for _, spec := range specs {
		actor, st, err := sim.ParseStrategyFlag(spec)
		if err != nil {
			return nil, usagef("--strategy: %v", err)
		}
		if strategies == nil {
			strategies = make(map[string]model.Strategy)
		}
		strategies[actor] = st
	}
	return strategies, nil
}

// checkPrincipals reports a usage error naming the flag when a strategy
// it set names an actor that is not one of the scenario's principals.
func checkPrincipals(s *model.Scenario, flag string, strategies map[string]model.Strategy) error {
	if name := sim.NotPrincipal(s, strategies); name != "" {
		who := s.Principals()
		return usagef("%s %s=%s: %s is not a principal of %s; want %s or %s", flag, name, strategies[name],
			name, s.Name, s.Actors[who[0]].Name, s.Actors[who[1]].Name)
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so that path never holds a partial report.
func writeFileAtomic(path string, data []byte) error {
	return writeFilesAtomic([]outputFile{{path, data}})
}

// An outputFile is a file a command writes, and its contents.
type outputFile struct {
	path string
	data []byte
}

// writeFilesAtomic writes every file to a temporary file beside it and,
// once all are written, renames them into place: a failure leaves every
// path as it was. The files are readable by all (mode 0644).
func writeFilesAtomic(files []outputFile) error {
	temps := make([]string, 0, len(files))
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()
	for _, out := range files {
		f, err := os.CreateTemp(filepath.Dir(out.path), "."+filepath.Base(out.path)+".*")
		if err != nil {
			return err
		}
		temps = append(temps, f.Name())
		_, err = f.Write(out.data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	for i, out := range files {
		if err := os.Rename(temps[i], out.path); err != nil {
			return err
		}
	}
	temps = nil
	return nil
}
