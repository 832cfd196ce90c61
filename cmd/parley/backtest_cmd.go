package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/history"
	"github.com/parley-sim/parley/scenarios"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

var backtestCmd = &command{
	name:  "backtest",
	args:  "[SCENARIO|FILE]",
	short: "score the model against what happened",
	long: `Play the scenario as 'parley run' does and compare the episodes with a
history of what happened and when: the first interim and comprehensive
deals, collapses, walk-aways, strikes and resumed talks, and the outcome at
the horizon. For each milestone it reports the model's probability of it by
the round it came and within --window rounds of it (or, for one that did not
happen, of none by the last round observed), the model's 90% range for its
round and whether history falls inside it, and the log and Brier scores of
the whole history beside those of a naive reference forecast: a constant
hazard per round for each milestone, pooled from the shipped histories.

The historical scenarios (jpoa-2013, vienna-2021, muscat, islamabad-2026)
ship their histories; for another scenario, or another reading of history,
give --history FILE (format in docs/history-format.md).`,
	examples: []string{
		"parley backtest jpoa-2013",
		"parley backtest vienna-2021 --window 6 --format markdown",
		"parley backtest muscat-hindsight --history scenarios/history/muscat.yaml",
		"parley backtest islamabad-2026 --format json",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &backtestOptions{}
		o.declareRun(fs)
		fs.StringVar(&o.history, "history", "", "history file (default the scenario's shipped history)")
		fs.IntVar(&o.window, "window", sim.DefaultWindow, "rounds either side of an observed milestone")
		o.format = formatFlag(fs, "table", "csv", "json", "markdown")
		return o
	},
	run:    runBacktest,
	writes: true,
	plays:  true,
	fits:   true,
}

type backtestOptions struct {
	runOptions
	history string
	window  int
}

func runBacktest(e *env, opts any, args []string) error {
	o := opts.(*backtestOptions)
	if o.window < 0 || o.window > model.MaxHorizon {
		return usagef("--window %d: want 0 … %d rounds (a window as wide as the horizon takes in every round)", o.window, model.MaxHorizon)
	}
	s, cfg, err := o.setUp(e, args)
	if err != nil {
		return err
	}
	h, err := loadHistory(o.history, s.Name)
	if err != nil {
		return err
	}
	shipped, err := shippedHistories()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg, "episodes")
	r, err := sim.Backtest(ctx, s, h, sim.BacktestConfig{Config: cfg, Window: o.window, Reference: history.Pool(shipped)})
	hide()
	if err != nil {
		return interrupted(ctx, err, "") // sim.Backtest keeps no partial result yet
	}
	return o.emit(e, r, backtestReport(s, r, len(shipped)))
}

// loadHistory reads the history file at path, or with no path the
// shipped history of the scenario named scenario.
func loadHistory(path, scenario string) (*history.History, error) {
	var src model.Source
	if path == "" {
		var ok bool
		if src, ok = scenarios.History(scenario); !ok {
			return nil, usagef("no history ships for %s; give --history FILE (histories ship for %s)",
				scenario, strings.Join(scenarios.HistoryNames(), ", "))
		}
	} else {
		var err error
		if src, err = readSource(path, "a history file"); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("--history %s: no such file", path)
			}
			return nil, err
		}
	}
	return history.Parse(src.Name, src.Data)
}

// shippedHistories parses every shipped history, the reference
// forecast's data.
func shippedHistories() ([]*history.History, error) {
	var hs []*history.History
	for _, name := range scenarios.HistoryNames() {
		src, _ := scenarios.History(name)
		h, err := history.Parse(src.Name, src.Data)
		if err != nil {
			return nil, err
		}
		hs = append(hs, h)
	}
	return hs, nil
}
