package main

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/internal/suggest"
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
		"parley run muscat --plot muscat.svg",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &runOptions{}
		o.declare(fs)
		plotFlag(fs, &o.plot)
		o.shard.declare(fs, "run's blocks of 256 episodes")
		return o
	},
	run:    runRun,
	writes: true,
	plays:  true,
	fits:   true,
}

// declare declares the flags that set up a run and --format.
func (o *runOptions) declare(fs *pflag.FlagSet) {
	o.declareRun(fs)
	o.declareSet(fs)
	o.format = formatFlag(fs, "table", "csv", "json", "markdown")
}

type runOptions struct {
	simFlags
	format *outputFormat
	plot   string    // --plot, declared by the commands that draw
	shard  shardFlag // declared by run alone
}

func runRun(e *env, opts any, args []string) error {
	o := opts.(*runOptions)
	var sh sim.Shard
	var err error
	if o.shard.given() {
		if sh, err = o.shard.check(o.format, flagIf(o.plot != "", "--plot")); err != nil {
			return err
		}
	}
	if err := e.checkPlot(o.plot); err != nil {
		return err
	}
	s, cfg, err := o.setUp(e, args)
	if err != nil {
		return err
	}
	if o.shard.given() {
		pf, err := newPartialFile("run", sh, s, &o.simFlags, options{})
		if err != nil {
			return err
		}
		return playShard(e, &cfg, "episodes", pf, func(ctx context.Context) (err error) {
			pf.Run, err = sim.RunShard(ctx, s, cfg, sh)
			return err
		})
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg, "episodes")
	r, err := sim.Run(ctx, s, cfg)
	hide()
	if r == nil {
		return interrupted(ctx, err, "")
	}
	if perr := e.addPlot(o.plot, runFigure(r)); perr != nil {
		return perr
	}
	if werr := o.emit(e, r, runReport(s, r)); werr != nil || err == nil {
		return werr
	}
	return interrupted(ctx, err, firstOf(r.Episodes, cfg.Episodes, "episode"))
}

// emit writes v as JSON, or rep in the table formats.
func (o *runOptions) emit(e *env, v any, rep *report) error {
	if o.format.name == "json" {
		return writeJSON(e.stdout, v)
	}
	return rep.write(e.stdout, e.layout(o.format.name))
}

// checkedConfig checks the flags and turns them into a sim.Config.
func (f *simFlags) checkedConfig() (sim.Config, error) {
	if err := f.check(1, ""); err != nil {
		return sim.Config{}, err
	}
	return f.config()
}

// setUp checks the flags, turns them into a sim.Config and loads the scenario args
// name at the --horizon they set, with the fields --set sets, refusing a
// --strategy for an actor that is not one of its principals.
func (f *simFlags) setUp(e *env, args []string) (*model.Scenario, sim.Config, error) {
	cfg, err := f.checkedConfig()
	if err != nil {
		return nil, cfg, err
	}
	s, err := e.loadScenarioArgAt(args, f.horizon)
	if err == nil {
		s, err = withSets(s, "--set", f.sets)
	}
	if err != nil {
		return nil, cfg, err
	}
	return s, cfg, checkPrincipals(s, "--strategy", cfg.Strategies)
}

// notPrincipal says that name is not one of the scenario's principals,
// and which are.
func notPrincipal(s *model.Scenario, name string) string {
	who := s.Principals()
	p := []string{s.Actors[who[0]].Name, s.Actors[who[1]].Name}
	return fmt.Sprintf("%s is not a principal of %s; want %s or %s%s", name, s.Name, p[0], p[1], suggest.Hint(name, p))
}

// checkPrincipals reports a usage error naming the flag when a strategy
// it set names an actor that is not one of the scenario's principals.
func checkPrincipals(s *model.Scenario, flag string, strategies map[string]model.Strategy) error {
	if name := sim.NotPrincipal(s, strategies); name != "" {
		return usagef("%s %s=%s: %s", flag, name, strategies[name], notPrincipal(s, name))
	}
	return nil
}
