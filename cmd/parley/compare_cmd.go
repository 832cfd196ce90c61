package main

import (
	"fmt"
	"maps"
	"slices"
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
	short: "compare strategies or scenarios on the same episodes",
	long: `Play every episode in each arm, from the same random numbers (common
random numbers), and report every metric of a run in each arm with each
alternative's difference from the baseline, as benchstat does: the
difference, its 95% interval, the relative change, and the p-value, marked
~ where the difference is not significant at 5%. A probability over every
episode is tested with McNemar's exact test on the paired episodes, a mean
over every episode with the paired t-test; a figure over only some
episodes (the round of the first deal, say) with an unpaired test. Paired
differences are far tighter than the difference of two separate runs.

The baseline is the scenario with its default strategies and any --strategy
and --set; an alternative changes the strategies given with --versus, the
scenario with --versus-scenario, its fields with --versus-set, or several of
them; --arm adds further alternatives. Without
an argument, compares on muscat.`,
	examples: []string{
		"parley compare --versus iran=comprehensive-only/boulware",
		"parley compare --versus us=comprehensive-only/linear --metrics outcomes,paths",
		"parley compare muscat --versus-scenario hawkish-congress",
		"parley compare --versus-set actors.oman.credibility=0.9",
		"parley compare --versus us=step-by-step/linear --arm scenario=jpoa-2013",
		"parley compare -f json -o compare.json --versus iran=interim-first/boulware",
		"parley compare --versus us=comprehensive-only/conceder --plot differences.svg",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &compareOptions{}
		o.declare(fs)
		plotFlag(fs, &o.plot)
		fs.StringArrayVar(&o.versus, "versus", nil, "the alternative's strategy for a principal, ACTOR=POLICY/TACTIC (repeatable)")
		fs.StringVar(&o.versusScenario, "versus-scenario", "", "the alternative's scenario (name or file)")
		fs.StringArrayVar(&o.versusSets, "versus-set", nil, "the alternative's scenario field, `PATH=VALUE`, over the baseline's --set (repeatable)")
		fs.StringArrayVar(&o.arms, "arm", nil, "a further alternative: comma-separated ACTOR=POLICY/TACTIC and scenario=NAME (repeatable)")
		fs.StringSliceVar(&o.metrics, "metrics", nil, "only these metrics, by `KEYS` or the groups they lie under, e.g. outcomes,paths.upgrade (default all)")
		return o
	},
	run:    runCompare,
	writes: true,
	plays:  true,
	fits:   true,
}

type compareOptions struct {
	runOptions
	versus         []string
	versusScenario string
	versusSets     []string
	arms           []string
	metrics        []string
}

func runCompare(e *env, opts any, args []string) error {
	o := opts.(*compareOptions)
	if len(o.versus) == 0 && o.versusScenario == "" && len(o.versusSets) == 0 && len(o.arms) == 0 {
		return usagef("say what the alternative changes: --versus ACTOR=POLICY/TACTIC, --versus-scenario SCENARIO, --versus-set PATH=VALUE or --arm SPEC")
	}
	if err := e.checkPlot(o.plot); err != nil {
		return err
	}
	s, cfg, err := o.setUp(e, args)
	if err != nil {
		return err
	}
	versus := len(o.versus) > 0 || o.versusScenario != "" || len(o.versusSets) > 0
	arms := 1 + len(o.arms) // the baseline, each --arm and the --versus one
	if versus {
		arms++
	}
	if err := checkArms(cfg.Episodes, arms); err != nil {
		return err
	}
	if err := checkMetrics(s, cfg.HorizonFor(s), o.metrics); err != nil {
		return err
	}
	setups := []sim.Setup{{Scenario: s, Horizon: cfg.Horizon, Strategies: cfg.Strategies}}
	if versus {
		st, err := o.alternative(e, "--versus", s, cfg, o.versus, o.versusScenario)
		if err == nil {
			st.Scenario, err = withSets(st.Scenario, "--versus-set", o.versusSets)
		}
		if err != nil {
			return err
		}
		setups = append(setups, st)
	}
	for _, spec := range o.arms {
		var strategies []string
		scenario := ""
		for _, part := range strings.Split(spec, ",") {
			if name, ok := strings.CutPrefix(part, "scenario="); ok {
				if err := checkArmScenario(spec, scenario, name); err != nil {
					return err
				}
				scenario = name
			} else {
				strategies = append(strategies, part)
			}
		}
		st, err := o.alternative(e, "--arm "+spec, s, cfg, strategies, scenario)
		if err != nil {
			return err
		}
		setups = append(setups, st)
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg, "paired episodes")
	c, err := sim.Compare(ctx, setups, cfg)
	hide()
	if c == nil {
		return interrupted(ctx, err, "")
	}
	if len(o.metrics) > 0 {
		c.Metrics = slices.DeleteFunc(c.Metrics, func(m sim.MetricComparison) bool {
			return !selected(m.Key, o.metrics)
		})
	}
	if perr := e.addPlot(o.plot, compareFigure(c)); perr != nil {
		return perr
	}
	if werr := o.emit(e, c, compareReport(c)); werr != nil || err == nil {
		return werr
	}
	return interrupted(ctx, err, firstOf(c.Episodes, cfg.Episodes, "paired episode"))
}

// alternative sets up an arm that changes the baseline's strategies by
// specs and, unless scenario is "", its scenario.
func (o *compareOptions) alternative(e *env, flag string, s *model.Scenario, cfg sim.Config, specs []string, scenario string) (sim.Setup, error) {
	versus, err := parseStrategies(flag, specs)
	if err != nil {
		return sim.Setup{}, err
	}
	strategies := maps.Clone(cfg.Strategies)
	if strategies == nil {
		strategies = make(map[string]model.Strategy)
	}
	maps.Copy(strategies, versus)
	as := s
	if scenario != "" {
		if as, err = e.loadScenarioAt(scenario, o.horizon); err != nil {
			return sim.Setup{}, err
		}
	}
	if err := checkPrincipals(as, flag, versus); err != nil {
		return sim.Setup{}, err
	}
	return sim.Setup{Scenario: as, Horizon: cfg.Horizon, Strategies: strategies}, nil
}

// compareMarks explains the marks of a comparison's table.
const compareMarks = "Δ: arm − baseline, pp for probabilities; ~: not significant at 5% (the 95% interval holds 0); p: McNemar's exact test (probabilities over every episode), paired t (means over every episode), else unpaired (two-proportion z, Welch t)"

// compareReport lays a comparison out as tables of each metric in every
// arm and each alternative's difference from the baseline.
func compareReport(c *sim.Comparison) *report {
	rep := &report{
		title:    fmt.Sprintf("%s, seed %d: each arm − baseline", text.Count(int(c.Episodes), "episode"), c.Seed),
		preamble: []string{"baseline: " + armLabel(c.Arms[0])},
		tidy:     compareTidy(c),
	}
	for k, a := range c.Arms[1:] {
		rep.preamble = append(rep.preamble, fmt.Sprintf("arm %d:    %s", k+1, armLabel(a)))
	}
	rep.preamble = append(rep.preamble, "every arm plays each episode from the same random numbers", compareMarks)
	if c.Partial {
		rep.markPartial()
	}
	var figures []sim.Figure
	for _, m := range c.Metrics {
		figures = append(figures, m.Arms[0])
	}
	header := []string{"", "baseline"}
	for k := range c.Arms[1:] {
		arm := fmt.Sprintf("arm %d", k+1)
		if len(c.Arms) == 2 {
			arm = "alternative"
		}
		header = append(header, arm, "Δ", "95% interval", "rel", "p")
	}
	i := 0
	for _, g := range groups(figures) {
		title := g[0].Group
		if g[0].Rounds {
			title += " (" + text.Plural(c.Arms[0].Round) + ")"
		}
		sec := section{title: title, display: &table{header: header}}
		for range g {
			m := c.Metrics[i]
			i++
			if !m.Table || m.Optional && m.Arms[0].N() == 0 {
				continue
			}
			row := []string{m.Label, figureText(m.Arms[0])}
			for k, d := range m.Differences {
				row = append(row, figureText(m.Arms[k+1]))
				row = append(row, differenceCells(m.Metric, d)...)
			}
			sec.display.rows = append(sec.display.rows, row)
		}
		if len(sec.display.rows) > 0 {
			rep.sections = append(rep.sections, sec)
		}
	}
	return rep
}

// figureText writes a figure's estimate: a percentage, or a mean; "—"
// when it rests on no episode.
func figureText(f sim.Figure) string {
	switch {
	case f.N() == 0:
		return "—"
	case f.Kind == sim.Probability:
		return percent(f.Point())
	}
	return num(f.Point())
}

// differenceCells writes a contrast as Δ, its interval, the relative
// change and the p-value with its mark.
func differenceCells(m *sim.Metric, d sim.Contrast) []string {
	if d.N == 0 {
		return []string{"—", "", "", ""}
	}
	diff := signed
	if m.Kind == sim.Probability {
		diff = points
	}
	rel := ""
	if d.Relative != nil {
		rel = strconv.FormatFloat(100**d.Relative, 'f', 1, 64) + "%"
		if *d.Relative > 0 {
			rel = "+" + rel
		}
	}
	bare := signed
	if m.Kind == sim.Probability {
		bare = func(x float64) string { return strconv.FormatFloat(100*x, 'f', 2, 64) }
	}
	return []string{diff(d.Mean), "[" + bare(d.CI95[0]) + ", " + bare(d.CI95[1]) + "]", rel, pValue(d.Difference)}
}

// compareTidy lays a comparison out in long form: one row per metric and
// alternative arm.
func compareTidy(c *sim.Comparison) *tidyTable {
	t := &tidyTable{header: []string{"baseline_scenario", "baseline_strategies", "arm", "scenario", "strategies",
		"metric", "kind", "test", "baseline", "alternative", "difference", "ci95_lo", "ci95_hi", "relative", "p_value",
		"n_baseline", "n_alternative", "n"}}
	base := c.Arms[0]
	for _, m := range c.Metrics {
		for k, d := range m.Differences {
			arm := c.Arms[k+1]
			row := []string{base.Scenario, strategyProfile(base.Strategies), strconv.Itoa(k + 1), arm.Scenario, strategyProfile(arm.Strategies),
				m.Key, m.Kind.String(), d.Test, estimateCell(m.Arms[0]), estimateCell(m.Arms[k+1]), "", "", "", "", "",
				strconv.FormatInt(m.Arms[0].N(), 10), strconv.FormatInt(m.Arms[k+1].N(), 10), strconv.FormatInt(d.N, 10)}
			if d.N > 0 {
				row[10], row[11], row[12], row[14] = full(d.Mean), full(d.CI95[0]), full(d.CI95[1]), full(d.PValue)
				if d.Relative != nil {
					row[13] = full(*d.Relative)
				}
			}
			t.rows = append(t.rows, row)
		}
	}
	return t
}

// estimateCell writes a figure's estimate in full, empty when it rests on
// no episode.
func estimateCell(f sim.Figure) string {
	if f.N() == 0 {
		return ""
	}
	return full(f.Point())
}

func armLabel(a sim.Arm) string {
	return fmt.Sprintf("%s, horizon %s (%s)", a.Scenario, text.Count(a.Horizon, a.Round), strategyList(a.Strategies, ", "))
}

// points writes a difference of probabilities in percentage points.
func points(d float64) string {
	s := strconv.FormatFloat(100*d, 'f', 2, 64) + " pp"
	if d > 0 {
		s = "+" + s
	}
	return s
}

func signed(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// pValue writes the p-value of a difference as benchstat does: "p<0.001"
// or "p=0.012", with "~" in front when it is not significant at 5%; "—"
// without data.
func pValue(d stats.Difference) string {
	switch {
	case d.N < 2:
		return "—"
	case d.PValue < 0.001:
		return "p<0.001"
	case d.PValue >= 0.05:
		return "~ p=" + strconv.FormatFloat(d.PValue, 'f', 3, 64)
	}
	return "p=" + strconv.FormatFloat(d.PValue, 'f', 3, 64)
}
