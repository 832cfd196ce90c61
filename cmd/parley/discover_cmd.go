package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/design"
	"github.com/spf13/pflag"
)

var discoverCmd = &command{
	name:  "discover",
	args:  "[SCENARIO|FILE]",
	short: "find where in a scenario's fields a condition holds (PRIM)",
	long: `Play a Latin hypercube over the --range fields (or a --param grid), test a
condition on a metric at every point, and find by PRIM (Friedman & Fisher
1999, as the EMA Workbench does it) the box of field ranges where the
condition mostly holds. It reports the peeling trajectory, each box's
coverage (the share of the points where the condition holds that fall in
the box), density (the share of the box's points where it holds) and mass
(the share of all points in the box), and suggests the box that best
balances coverage and density.

The condition is KEY OP NUMBER, KEY a metric key of run's JSON, with .p
(a probability) or .mean (a mean) optional, OP one of >=, >, <=, <.`,
	examples: []string{
		"parley discover muscat --where 'paths.deal.p >= 0.45' --samples 200 \\\n    --range actors.iran.discount=0.9:0.995 --range actors.us.discount=0.9:0.995",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &discoverOptions{}
		o.declareEpisodes(fs, defaultPointEpisodes, "episodes per point")
		o.declareSeed(fs, "random seed; fixes every result and the sampled design")
		o.declareWorkers(fs)
		o.declareStrategy(fs)
		o.declareHorizon(fs)
		o.format = formatFlag(fs, "table", "csv", "json", "markdown")
		o.declareDesign(fs)
		fs.Lookup("design").DefValue, o.design = "lhs", "lhs"
		fs.StringVar(&o.where, "where", "", "the condition, e.g. 'outcomes.comprehensive.p >= 0.3'")
		fs.Float64Var(&o.peel, "peel", 0.05, "the share of points PRIM peels off per step")
		fs.Float64Var(&o.minMass, "min-mass", 0.05, "the smallest share of points a box may hold")
		return o
	},
	run:    runDiscover,
	writes: true,
	plays:  true,
	fits:   true,
}

type discoverOptions struct {
	simFlags
	designFlags
	format        *outputFormat
	where         string
	peel, minMass float64
}

// A metricCondition is a test of a metric's estimate against a threshold.
type metricCondition struct {
	Metric    string  `json:"metric"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
}

// parseCondition parses KEY OP NUMBER.
func parseCondition(s string) (metricCondition, error) {
	for _, op := range []string{">=", "<=", ">", "<"} {
		key, num, ok := strings.Cut(s, op)
		if !ok {
			continue
		}
		key = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(key), ".p"), ".mean")
		x, err := parseNumber(num)
		if key == "" || err != nil {
			break
		}
		return metricCondition{Metric: key, Op: op, Threshold: x}, nil
	}
	return metricCondition{}, usagef("--where %q: want KEY OP NUMBER, e.g. 'outcomes.comprehensive.p >= 0.3', OP one of >=, >, <=, <", s)
}

// holds reports whether the condition holds for x.
func (c metricCondition) holds(x float64) bool {
	switch c.Op {
	case ">=":
		return x >= c.Threshold
	case ">":
		return x > c.Threshold
	case "<=":
		return x <= c.Threshold
	}
	return x < c.Threshold
}

// A discovery is what discover found.
type discovery struct {
	Scenario  string            `json:"scenario"`
	Seed      uint64            `json:"seed"`
	Episodes  int               `json:"episodes"` // per point
	Points    int               `json:"points"`
	Params    []string          `json:"params"`
	Condition metricCondition   `json:"metricCondition"`
	Holds     int               `json:"holds"` // points where the condition holds
	PRIM      design.PRIMResult `json:"prim"`
}

func runDiscover(e *env, opts any, args []string) error {
	o := opts.(*discoverOptions)
	cond, err := parseCondition(o.where)
	if o.where == "" {
		return usagef("say what to look for: --where 'KEY OP NUMBER', e.g. 'outcomes.comprehensive.p >= 0.3'")
	}
	if err != nil {
		return err
	}
	if !(o.peel > 0 && o.peel < 0.5) || !(o.minMass > 0 && o.minMass < 1) {
		return usagef("--peel %v, --min-mass %v: want 0 < peel < 0.5 and 0 < min-mass < 1", o.peel, o.minMass)
	}
	if o.design == "sobol" {
		return usagef("--design sobol: discover samples a Latin hypercube (lhs) or a grid")
	}
	s, cfg, x, setups, err := o.prepare(e, &o.simFlags, args)
	if err != nil {
		return err
	}
	k := metricIndex(s, cfg, cond.Metric)
	if k < 0 {
		return usagef("--where: %s is not a metric of %s; see the keys of parley run -f csv", cond.Metric, s.Name)
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg, "episodes")
	results, err := sim.Sweep(ctx, setups, cfg)
	hide()
	if err != nil {
		return interrupted(ctx, err, "")
	}
	d := &discovery{Scenario: s.Name, Seed: cfg.Seed, Episodes: cfg.Episodes, Points: len(results), Params: x.paths, Condition: cond}
	y := make([]bool, len(results))
	for i, r := range results {
		y[i] = cond.holds(r.Figures[k].Point())
		if y[i] {
			d.Holds++
		}
	}
	if d.PRIM, err = design.PRIM(x.points, y, design.PRIMOptions{Peel: o.peel, MinMass: o.minMass}); err != nil {
		return fmt.Errorf("%s: the condition holds at %d of %d points: %v", cond.Metric, d.Holds, len(results), err)
	}
	if o.format.name == "json" {
		return writeJSON(e.stdout, d)
	}
	return d.report().write(e.stdout, e.layout(o.format.name))
}

// metricIndex returns the place of the metric key in a run's figures,
// or −1.
func metricIndex(s *model.Scenario, cfg sim.Config, key string) int {
	for k, m := range sim.Metrics(s, cfg.HorizonFor(s)) {
		if m.Key == key {
			return k
		}
	}
	return -1
}

// report lays a discovery out: the suggested box and the trajectory.
func (d *discovery) report() *report {
	rep := &report{title: fmt.Sprintf("%s: where %s %s %s, %s of %s each, seed %d", d.Scenario, d.Condition.Metric, d.Condition.Op,
		full(d.Condition.Threshold), strconv.Itoa(d.Points)+" points", strconv.Itoa(d.Episodes)+" episodes", d.Seed)}
	rep.preamble = []string{fmt.Sprintf("the condition holds at %d of %d points (%s)", d.Holds, d.Points, percent(float64(d.Holds)/float64(d.Points))),
		"coverage: of the points where it holds, the share in the box; density: of the box's points, the share where it holds; mass: the share of all points in the box"}
	chosen := d.PRIM.Trajectory[d.PRIM.Chosen]
	box := section{title: "Suggested box", note: sentenceOfBox(d.Params, chosen),
		display: &table{header: []string{"field", "from", "to"}}}
	for j, p := range d.Params {
		if chosen.Restricted[j] {
			box.display.rows = append(box.display.rows, []string{p, num(chosen.Limits[j].Lo), num(chosen.Limits[j].Hi)})
		}
	}
	traj := section{title: "Peeling trajectory", display: &table{header: []string{"step", "coverage", "density", "mass", "points", "restricted"}}}
	for i, b := range d.PRIM.Trajectory {
		var restricted []string
		for j, r := range b.Restricted {
			if r {
				restricted = append(restricted, d.Params[j])
			}
		}
		step := strconv.Itoa(i)
		if i == d.PRIM.Chosen {
			step += " *"
		}
		traj.display.rows = append(traj.display.rows, []string{step, num(b.Coverage), num(b.Density), num(b.Mass),
			strconv.Itoa(b.N), strings.Join(restricted, ", ")})
	}
	rep.sections = append(rep.sections, box, traj)
	return rep
}

// sentenceOfBox says a box in words: "the condition is likely when
// actors.iran.discount > 0.97 and …".
func sentenceOfBox(params []string, b design.Box) string {
	var parts []string
	for j, p := range params {
		if !b.Restricted[j] {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s in [%s, %s]", p, num(b.Limits[j].Lo), num(b.Limits[j].Hi)))
	}
	if len(parts) == 0 {
		return "no box improves on the whole design"
	}
	return fmt.Sprintf("density %s, coverage %s when %s", percent(b.Density), percent(b.Coverage), strings.Join(parts, " and "))
}
