package main

import (
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/stats"
	"github.com/spf13/pflag"
)

var compareCmd = &command{
	name:  "compare",
	args:  "[SCENARIO|FILE]",
	short: "compare two strategies or scenarios on the same episodes",
	long: `Play every episode twice, once as the baseline and once as the alternative,
from the same random numbers (common random numbers), and report each
outcome's probability and each side's utility in both, with the paired
difference (alternative − baseline), its 95% interval and p-value. Paired
differences are far tighter than the difference of two separate runs.

The baseline is the scenario with its default strategies and any --strategy;
the alternative changes the strategies given with --versus, or the scenario
with --versus-scenario, or both. Without an argument, compares on muscat.`,
	examples: []string{
		"parley compare --versus iran=comprehensive-only/boulware",
		"parley compare muscat --versus us=comprehensive-only/conceder",
		"parley compare muscat --versus-scenario hawkish-congress",
		"parley compare -f json -o compare.json --versus iran=interim-first/boulware",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &compareOptions{}
		o.declare(fs)
		fs.StringArrayVar(&o.versus, "versus", nil, "the alternative's strategy for a principal, ACTOR=POLICY/TACTIC (repeatable)")
		fs.StringVar(&o.versusScenario, "versus-scenario", "", "the alternative's scenario (name or file)")
		return o
	},
	run:    runCompare,
	writes: true,
	fits:   true,
}

type compareOptions struct {
	runOptions
	versus         []string
	versusScenario string
}

func runCompare(e *env, opts any, args []string) error {
	o := opts.(*compareOptions)
	if len(o.versus) == 0 && o.versusScenario == "" {
		return usagef("say what the alternative changes: --versus ACTOR=POLICY/TACTIC or --versus-scenario SCENARIO")
	}
	base, err := o.config()
	if err != nil {
		return err
	}
	versus, err := parseStrategies("--versus", o.versus)
	if err != nil {
		return err
	}
	alt := base
	alt.Strategies = maps.Clone(base.Strategies)
	if alt.Strategies == nil {
		alt.Strategies = make(map[string]model.Strategy)
	}
	maps.Copy(alt.Strategies, versus)
	s, err := e.loadScenarioArgAt(args, o.horizon)
	if err != nil {
		return err
	}
	as := s
	if o.versusScenario != "" {
		if as, err = e.loadScenarioAt(o.versusScenario, o.horizon); err != nil {
			return err
		}
	}
	if err := checkPrincipals(s, "--strategy", base.Strategies); err != nil {
		return err
	}
	if err := checkPrincipals(as, "--versus", versus); err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	c, err := sim.Compare(ctx, s, as, base, alt)
	if c == nil {
		return interrupted(ctx, err, "")
	}
	if werr := o.emit(e, c, compareReport(c)); werr != nil || err == nil {
		return werr
	}
	return interrupted(ctx, err, firstOf(c.Episodes, base.Episodes, "paired episode"))
}

// compareReport lays a comparison out as tables of baseline, alternative
// and paired difference.
func compareReport(c *sim.Comparison) *report {
	rep := &report{
		title: fmt.Sprintf("%s, seed %d: alternative − baseline", text.Count(int(c.Episodes), "paired episode"), c.Seed),
		preamble: []string{
			"baseline:    " + armLabel(c.Baseline),
			"alternative: " + armLabel(c.Alternative),
			"both arms play each episode from the same random numbers; p is a paired t-test",
		},
		csvHeader: []string{"group", "metric", "baseline", "alternative", "difference", "ci95_lo", "ci95_hi", "p_value", "n"},
	}
	if c.Partial {
		rep.title += partialMark
	}
	probs := section{title: "Outcomes at the horizon",
		display: &table{header: []string{"", "baseline", "alternative", "difference", "95% interval", "p"}}}
	addProb := func(name string, p sim.PairedProbability) {
		d := p.Difference
		probs.display.rows = append(probs.display.rows, []string{name, percent(p.Baseline.P), percent(p.Alternative.P),
			points(d.Mean), "[" + points(d.CI95[0]) + ", " + points(d.CI95[1]) + "]", pValue(d)})
		probs.long = append(probs.long, []string{name, full(p.Baseline.P), full(p.Alternative.P), full(d.Mean),
			full(d.CI95[0]), full(d.CI95[1]), full(d.PValue), strconv.FormatInt(d.N, 10)})
	}
	for _, o := range sim.Outcomes() {
		addProb(o.String(), c.Outcomes[o.String()])
	}
	addProb("any deal reached", c.Deal)
	addProb("interim reached", c.Interim)
	addProb("interim upgraded", c.Upgrade)
	rep.sections = append(rep.sections, probs)

	util := section{title: "Realized utility", note: utilityNote,
		display: &table{header: []string{"", "baseline", "alternative", "difference", "95% interval", "p"}}}
	for _, st := range c.Baseline.Strategies {
		u := c.Utilities[st.Actor]
		d := u.Difference
		util.display.rows = append(util.display.rows, []string{st.Actor, num(u.Baseline), num(u.Alternative),
			signed(d.Mean), "[" + signed(d.CI95[0]) + ", " + signed(d.CI95[1]) + "]", pValue(d)})
		util.long = append(util.long, []string{st.Actor, full(u.Baseline), full(u.Alternative), full(d.Mean),
			full(d.CI95[0]), full(d.CI95[1]), full(d.PValue), strconv.FormatInt(d.N, 10)})
	}
	rep.sections = append(rep.sections, util)
	return rep
}

func armLabel(a sim.Arm) string {
	var parts []string
	for _, st := range a.Strategies {
		parts = append(parts, st.Actor+" "+st.Strategy)
	}
	return fmt.Sprintf("%s, horizon %s (%s)", a.Scenario, text.Count(a.Horizon, a.Round), strings.Join(parts, ", "))
}

// points writes a difference of probabilities in percentage points.
func points(d float64) string { return strconv.FormatFloat(100*d, 'f', 2, 64) + " pp" }

func signed(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// pValue writes the p-value of a difference, "~" when it is not
// significant at 5% (as benchstat does), "—" without data.
func pValue(d stats.Difference) string {
	switch {
	case d.N < 2:
		return "—"
	case d.PValue >= 0.05:
		return "~ (p=" + strconv.FormatFloat(d.PValue, 'f', 3, 64) + ")"
	}
	return "p=" + strconv.FormatFloat(d.PValue, 'f', 3, 64)
}
