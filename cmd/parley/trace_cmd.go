package main

import (
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

var traceCmd = &command{
	name:  "trace",
	args:  "[SCENARIO|FILE]",
	short: "tell one episode round by round: offers, responses, shocks, outcome",
	long: `Play one episode of the negotiation and tell it round by round: the world
it was sampled in (each side's fallback, red lines, beliefs and hazards), the
shocks as they strike, each offer with its terms and what it is worth to both
sides, each response and why (the responder's value of the deal against its
aspiration and its value of no deal, and what it believes of the other side),
ratification votes, reneging and its detection, and how the episode ends.

Episode I of --seed S is exactly episode I of 'parley run --seed S': the trace
ends the way the run counts it. Episodes are numbered from 0. --format json
gives the same account as a list of events.`,
	examples: []string{
		"parley trace muscat --seed 1",
		"parley trace --seed 1 --episode 17 --strategy us=comprehensive-only/conceder",
		"parley trace rubinstein --format json",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &traceOptions{}
		o.declareSeed(fs, "random seed of the run the episode belongs to")
		fs.IntVarP(&o.episode, "episode", "e", 0, "index of the episode in the run, from 0")
		o.declareStrategy(fs)
		o.declareHorizon(fs)
		o.format = formatFlag(fs, "table", "json", "markdown")
		return o
	},
	run:    runTrace,
	writes: true,
	fits:   true,
}

type traceOptions struct {
	simFlags
	episode int
	format  *outputFormat
}

func runTrace(e *env, opts any, args []string) error {
	o := opts.(*traceOptions)
	if o.episode < 0 || o.episode >= sim.MaxEpisodes {
		return usagef("--episode %d: want 0 … %d, an episode of a run of at most %d", o.episode, sim.MaxEpisodes-1, sim.MaxEpisodes)
	}
	if err := checkHorizon(o.horizon); err != nil {
		return err
	}
	cfg, err := o.config()
	if err != nil {
		return err
	}
	s, err := e.loadScenarioArg(args)
	if err != nil {
		return err
	}
	if err := checkPrincipals(s, "--strategy", cfg.Strategies); err != nil {
		return err
	}
	cfg.Episodes = o.episode + 1
	tr, err := sim.Trace(s, cfg, o.episode)
	if err != nil {
		return err
	}
	if o.format.name == "json" {
		return writeJSON(e.stdout, tr)
	}
	return newStory(s, tr).write(e.stdout, e.layout(o.format.name))
}
