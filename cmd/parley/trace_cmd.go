package main

import (
	"fmt"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

var traceCmd = &command{
	name:  "trace",
	args:  "[SCENARIO|FILE]",
	short: "tell one episode round by round: offers, responses, shocks",
	long: `Play one episode of the negotiation and tell it round by round: the world
it was sampled in (each side's fallback, red lines, beliefs and hazards), the
shocks as they strike, each offer with its terms and what it is worth to both
sides, each response and why (the responder's value of the deal against its
aspiration and its value of no deal, and what it believes of the other side),
ratification votes, reneging and its detection, and how the episode ends.

Episode I of --seed S is exactly episode I of 'parley run --seed S': the trace
ends the way the run counts it. Episodes are numbered from 0. --format json
gives the same account as a list of events.

--outcome CLASS and --find COND tell the first episode of the seed, from
--episode on, that ends in that outcome class and meets every condition,
and say which it is, searching --search episodes at most.
` + text.Wrap("Outcome classes: "+strings.Join(outcomeNames(), ", ")+".", helpWidth) + `
Conditions:
` + conditionList() + ``,
	examples: []string{
		"parley trace muscat --seed 1",
		"parley trace --seed 1 --episode 17 --strategy us=comprehensive-only/conceder",
		"parley trace rubinstein --format json",
		"parley trace muscat --outcome interim",
		"parley trace jpoa-2013 --find interim-then-comprehensive",
		"parley trace muscat --find reneged --find mediated --seed 3",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &traceOptions{}
		o.declareSeed(fs, "random seed of the run the episode belongs to")
		fs.IntVarP(&o.episode, "episode", "e", 0, "index of the episode in the run, from 0; with --outcome or --find, the first searched")
		fs.StringVar(&o.outcome, "outcome", "", "tell the first episode that ends in this outcome `CLASS`")
		fs.StringArrayVar(&o.find, "find", nil, "tell the first episode that meets `COND` (repeatable: all of them)")
		fs.IntVar(&o.search, "search", findLimit, "with --outcome or --find, the most episodes to search")
		o.declareStrategy(fs)
		o.declareHorizon(fs)
		o.declareSet(fs)
		o.format = formatFlag(fs, "table", "csv", "json", "markdown")
		return o
	},
	run:    runTrace,
	writes: true,
	fits:   true,
}

type traceOptions struct {
	simFlags
	episode int
	outcome string
	find    []string
	search  int
	format  *outputFormat
}

// foundTrace is trace's JSON with --outcome or --find: the episode and
// the search that found it.
type foundTrace struct {
	*sim.EpisodeTrace
	Search *search `json:"search"`
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
	sr, err := newSearch(o.outcome, o.find, o.episode, o.search)
	if err != nil {
		return err
	}
	s, err := e.loadScenarioArgAt(args, o.horizon)
	if err == nil {
		s, err = withSets(s, "--set", o.sets)
	}
	if err != nil {
		return err
	}
	if err := checkPrincipals(s, "--strategy", cfg.Strategies); err != nil {
		return err
	}
	i := o.episode
	if sr != nil {
		if i, err = sr.find(s, cfg); err != nil {
			return err
		}
	}
	cfg.Episodes = i + 1
	tr, err := sim.Trace(s, cfg, i)
	if err != nil {
		return err
	}
	if o.format.name == "json" {
		if sr != nil {
			return writeJSON(e.stdout, foundTrace{tr, sr})
		}
		return writeJSON(e.stdout, tr)
	}
	st := newStory(s, tr)
	if sr != nil {
		st.found = sr.sentence(tr)
	}
	return st.write(e.stdout, e.layout(o.format.name))
}

// conditionList lists --find's conditions for --help.
func conditionList() string {
	var b strings.Builder
	for _, c := range conditions {
		meaning := strings.ReplaceAll(text.Wrap(c.meaning, helpWidth-30), "\n", "\n"+strings.Repeat(" ", 30))
		fmt.Fprintf(&b, "  %-27s %s\n", c.name, meaning)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
