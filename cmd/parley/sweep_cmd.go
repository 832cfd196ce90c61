package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
	"github.com/parley-sim/parley/sim/design"
	"github.com/spf13/pflag"
)

var sweepCmd = &command{
	name:  "sweep",
	args:  "[SCENARIO|FILE]",
	short: "run a scenario over a grid or a sampled design of its fields",
	long: `Run the scenario at every point of a design over its numeric fields, each
point on the same random numbers (common random numbers), and report every
metric of a run at every point.

--param PATH=VALUES sets a full-factorial grid: VALUES is a list such as
0.95,0.98,0.995 or lo:hi:n for n evenly spaced levels; repeat it for more
fields. --design lhs --samples N --range PATH=lo:hi plays a Latin
hypercube of N points; --design sobol --samples N plays a Saltelli design of
N·(k+2) points over k ranges and ranks the inputs by their first-order and
total Sobol indices, with bootstrap intervals (its table shows the indices;
CSV and JSON also hold every point). A PATH is a field as
validation errors name it; a distribution set to a number becomes fixed at
it, and PATH.lo, .hi, .mode, .mean or .sd sets one of its parameters.
--list-params lists every path with its current value.`,
	examples: []string{
		"parley sweep --list-params muscat",
		"parley sweep muscat --param actors.iran.discount=0.95:0.995:4",
		"parley sweep muscat --design sobol --samples 64 \\\n    --range actors.iran.discount=0.9:0.995 --range actors.us.discount=0.9:0.995",
		"parley sweep muscat --param actors.iran.discount=0.95,0.99 -f csv -o sweep.csv",
		"parley sweep muscat --param actors.iran.discount=0.95:0.995:6 --plot sweep.svg",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &sweepOptions{}
		o.declareEpisodes(fs, defaultPointEpisodes, "episodes per point")
		o.declareSeed(fs, "random seed; fixes every result and the sampled design")
		o.declareWorkers(fs)
		o.declareStrategy(fs)
		o.declareHorizon(fs)
		o.format = formatFlag(fs, "table", "csv", "json", "jsonl", "markdown")
		o.declareDesign(fs)
		plotFlag(fs, &o.plot)
		o.shard.declare(fs, "design's points")
		fs.BoolVar(&o.listParams, "list-params", false, "list every field a sweep can set, with its current value, and stop")
		return o
	},
	run:    runSweep,
	writes: true,
	plays:  true,
	fits:   true,
}

// defaultPointEpisodes is a sweep's episodes per point: a probability of
// 0.5 then carries a 95% interval of ±2.2 points.
const defaultPointEpisodes = 2000

// maxPoints bounds a design's points. Every point's scenario is built
// before the first episode (about 3 ms each) and its result kept to the
// end: about 0.1 MB of memory a point, measured on muscat.
const maxPoints = 10_000

// pointsCost says what maxPoints points cost, for the messages that
// refuse more.
const pointsCost = "10⁴ points take about 1 GB of memory and half a minute to set up"

type sweepOptions struct {
	simFlags
	designFlags
	format     *outputFormat
	plot       string
	listParams bool
	shard      shardFlag
}

// maxSamples is the most --samples of a design over k ranges: a Latin
// hypercube plays one point a sample, a Saltelli design k+2.
func maxSamples(design string, k int) int {
	if design == "lhs" {
		return maxPoints
	}
	return maxPoints / (k + 2)
}

// designFlags say which points a sweep or discovery plays.
type designFlags struct {
	params    []string
	ranges    []string
	design    string
	samples   int
	bootstrap int
	metrics   []string
}

func (d *designFlags) declareDesign(fs *pflag.FlagSet) {
	fs.StringArrayVar(&d.params, "param", nil, "a grid over a field, PATH=V1,V2,… or PATH=LO:HI:N (repeatable)")
	fs.StringArrayVar(&d.ranges, "range", nil, "a sampled field's range, PATH=LO:HI (repeatable; with --design lhs or sobol)")
	fs.StringVar(&d.design, "design", "grid", "the design: grid (of --param), lhs or sobol (of --range)")
	fs.IntVar(&d.samples, "samples", 0, "points of a Latin hypercube; base rows of a Saltelli design (a power of two)")
	fs.IntVar(&d.bootstrap, "bootstrap", 1000, "bootstrap resamples for the Sobol indices' intervals")
	fs.StringSliceVar(&d.metrics, "metrics", nil, "the metrics the table shows (and the Sobol indices rank), by key or key prefix (default the outcomes and paths.upgrade)")
}

// An experiment is a design resolved against a scenario: the fields it
// sets and the points it plays.
type experiment struct {
	design string
	paths  []string
	points [][]float64
	sobol  *design.Saltelli
}

// resolve checks the design flags and lays out the points.
func (d *designFlags) resolve(s *model.Scenario, seed uint64) (*experiment, error) {
	x := &experiment{design: d.design}
	switch d.design {
	case "grid":
		if len(d.ranges) > 0 || d.samples != 0 {
			return nil, usagef("--range and --samples go with --design lhs or sobol; a grid takes --param PATH=VALUES")
		}
		if len(d.params) == 0 {
			return nil, usagef("say what to sweep: --param PATH=VALUES (see --list-params), or --design lhs|sobol with --range")
		}
		var levels [][]float64
		for _, p := range d.params {
			path, values, err := parseLevels(p)
			if err != nil {
				return nil, err
			}
			x.paths, levels = append(x.paths, path), append(levels, values)
		}
		size := 1
		for _, l := range levels {
			if size *= len(l); size > maxPoints {
				return nil, usagef("--param: the grid has more than %d points (%s); want fewer levels, --design lhs, or several sweeps, each over some of the first --param's levels",
					maxPoints, pointsCost)
			}
		}
		x.points = design.Grid(levels)
	case "lhs", "sobol":
		if len(d.params) > 0 {
			return nil, usagef("--param makes a grid; --design %s samples --range PATH=LO:HI", d.design)
		}
		if len(d.ranges) == 0 {
			return nil, usagef("--design %s: say what to sample: --range PATH=LO:HI (repeatable)", d.design)
		}
		var box []design.Range
		for _, r := range d.ranges {
			path, rg, err := parseRange(r)
			if err != nil {
				return nil, err
			}
			x.paths, box = append(x.paths, path), append(box, rg)
		}
		if most := maxSamples(d.design, len(box)); d.samples < 2 || d.samples > most {
			return nil, usagef("--samples %d: want 2 … %d for --design %s over %s, at most %d points (%s)",
				d.samples, most, d.design, text.Count(len(box), "range"), maxPoints, pointsCost)
		}
		if d.design == "lhs" {
			x.points = design.LatinHypercube(d.samples, box, seed)
			break
		}
		if d.bootstrap < 1 || d.bootstrap > 100_000 {
			return nil, usagef("--bootstrap %d: want 1 … 100000 resamples", d.bootstrap)
		}
		sd, err := design.NewSaltelli(d.samples, box, seed)
		if err != nil {
			return nil, usagef("--design sobol: %v", err)
		}
		x.sobol, x.points = sd, sd.Points()
	default:
		return nil, usagef("--design %s: want grid, lhs or sobol", d.design)
	}
	var known []string
	for _, f := range s.Fields() {
		known = append(known, f.Path)
	}
	for i, p := range x.paths {
		if slices.Contains(x.paths[:i], p) {
			return nil, usagef("%s is swept twice; want each field once", p)
		}
		if !slices.Contains(known, p) {
			return nil, usagef("%s: not a numeric field of %s%s; parley sweep --list-params %s lists them", p, s.Name, suggest.Hint(p, known), s.Name)
		}
	}
	return x, nil
}

// parseLevels parses PATH=V1,V2,… or PATH=LO:HI:N.
func parseLevels(spec string) (string, []float64, error) {
	path, values, ok := strings.Cut(spec, "=")
	if !ok || path == "" || values == "" {
		return "", nil, usagef("--param %s: want PATH=V1,V2,… or PATH=LO:HI:N", spec)
	}
	if parts := strings.Split(values, ":"); len(parts) == 3 {
		lo, err1 := parseNumber(parts[0])
		hi, err2 := parseNumber(parts[1])
		n, err3 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || err3 != nil || n < 2 || n > maxPoints || !(lo < hi) {
			return "", nil, usagef("--param %s: want LO:HI:N with LO < HI and 2 ≤ N ≤ %d", spec, maxPoints)
		}
		levels := make([]float64, n)
		for i := range levels {
			levels[i] = lo + (hi-lo)*float64(i)/float64(n-1)
		}
		return path, levels, nil
	}
	var levels []float64
	for _, v := range strings.Split(values, ",") {
		x, err := parseNumber(v)
		if err != nil {
			return "", nil, usagef("--param %s: %q is not a number", spec, v)
		}
		levels = append(levels, x)
	}
	return path, levels, nil
}

// parseRange parses PATH=LO:HI.
func parseRange(spec string) (string, design.Range, error) {
	path, values, ok := strings.Cut(spec, "=")
	lo, hi, ok2 := strings.Cut(values, ":")
	r := design.Range{}
	var err1, err2 error
	r.Lo, err1 = parseNumber(lo)
	r.Hi, err2 = parseNumber(hi)
	if !ok || !ok2 || path == "" || err1 != nil || err2 != nil || !(r.Lo < r.Hi) {
		return "", r, usagef("--range %s: want PATH=LO:HI with LO < HI", spec)
	}
	return path, r, nil
}

// parseNumber parses a finite number.
func parseNumber(s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err == nil && (x != x || x > 1e300 || x < -1e300) {
		err = fmt.Errorf("not finite")
	}
	return x, err
}

// prepare sets up a design's runs: the flags checked, the scenario
// loaded, the points laid out and each point's scenario built.
func (d *designFlags) prepare(e *env, f *simFlags, args []string) (*model.Scenario, sim.Config, *experiment, []sim.Setup, error) {
	s, cfg, err := f.setUp(e, args)
	if err != nil {
		return nil, cfg, nil, nil, err
	}
	if err := checkMetrics(s, cfg.HorizonFor(s), d.metrics); err != nil {
		return nil, cfg, nil, nil, err
	}
	x, err := d.resolve(s, cfg.Seed)
	if err != nil {
		return nil, cfg, nil, nil, err
	}
	if cfg.Episodes > sim.MaxEpisodes/len(x.points) {
		return nil, cfg, nil, nil, usagef("--episodes %d at %d points: want at most %d per point (%s)",
			cfg.Episodes, len(x.points), sim.MaxEpisodes/len(x.points), episodeCost)
	}
	setups, err := x.setups(s, cfg)
	return s, cfg, x, setups, err
}

// setups builds the scenario of every point, failing on the first point
// whose values make the scenario invalid: a usage error naming the flag
// that gave the values, as run --set's is.
func (x *experiment) setups(s *model.Scenario, cfg sim.Config) ([]sim.Setup, error) {
	setups := make([]sim.Setup, len(x.points))
	assign := make([]model.Assignment, len(x.paths))
	for i, pt := range x.points {
		for j, p := range x.paths {
			assign[j] = model.Assignment{Path: p, Value: pt[j]}
		}
		ps, err := s.With(assign...)
		if err != nil {
			return nil, usagef("%s: point %d (%s): %v", x.flag(), i+1, x.describe(pt), err)
		}
		setups[i] = sim.Setup{Scenario: ps, Horizon: cfg.Horizon, Strategies: cfg.Strategies}
	}
	return setups, nil
}

// describe writes a point as PATH=VALUE pairs.
func (x *experiment) describe(pt []float64) string {
	parts := make([]string, len(pt))
	for j, v := range pt {
		parts[j] = x.paths[j] + "=" + full(v)
	}
	return strings.Join(parts, " ")
}

// flag names the flag that gave the design's values: --param for a grid,
// --range for a sampled design.
func (x *experiment) flag() string {
	if x.design == "grid" {
		return "--param"
	}
	return "--range"
}

func runSweep(e *env, opts any, args []string) error {
	o := opts.(*sweepOptions)
	if o.listParams {
		s, err := e.loadScenarioArgAt(args, 0)
		if err != nil {
			return err
		}
		return writeFields(e, s, o.format.name)
	}
	var sh sim.Shard
	if o.shard.given() {
		var err error
		if sh, err = o.shard.check(o.format, flagIf(o.plot != "", "--plot")); err != nil {
			return err
		}
	}
	if err := e.checkPlot(o.plot); err != nil {
		return err
	}
	s, cfg, x, setups, err := o.prepare(e, &o.simFlags, args)
	if err != nil {
		return err
	}
	if err := checkSweepPlot(o.plot, x); err != nil {
		return err
	}
	if o.shard.given() {
		pf, err := newPartialFile("sweep", sh, s, &o.simFlags, o.designFlags.options())
		if err != nil {
			return err
		}
		return playShard(e, &cfg, "episodes", pf, func(ctx context.Context) (err error) {
			pf.Sweep, err = sim.SweepShard(ctx, setups, cfg, sh)
			return err
		})
	}
	ctx, stop := interruptible()
	defer stop()
	hide := e.showProgress(&cfg, "episodes")
	results, err := sim.Sweep(ctx, setups, cfg)
	hide()
	if results == nil {
		return interrupted(ctx, err, "")
	}
	werr := o.emit(e, s, cfg, x, results, err != nil)
	if werr != nil || err == nil {
		return werr
	}
	return interrupted(ctx, err, fmt.Sprintf("the first %d of %d points", len(results), len(x.points)))
}

// emit writes the results of a sweep's points, and its picture with
// --plot; partial says the sweep was interrupted.
func (o *sweepOptions) emit(e *env, s *model.Scenario, cfg sim.Config, x *experiment, results []*sim.Result, partial bool) error {
	sw, err := newSweepResult(s, cfg, x, results, o.bootstrap, partial)
	if err == nil {
		err = e.addPlot(o.plot, sweepFigure(sw, o.metrics))
	}
	if err == nil {
		err = sw.write(e, o.format.name, o.metrics)
	}
	return err
}

// options records the design flags in a shard's partial file, as given:
// their order is the order of the design's fields.
func (d *designFlags) options() options {
	return options{Param: d.params, Range: d.ranges, Design: d.design, Samples: d.samples, Bootstrap: d.bootstrap, Metrics: d.metrics}
}

// writeFields lists the fields a sweep can set, with their values.
func writeFields(e *env, s *model.Scenario, format string) error {
	fields := s.Fields()
	if format == "json" {
		return writeJSON(e.stdout, fields)
	}
	t := &table{header: []string{"path", "value", "distribution"}}
	for _, f := range fields {
		t.rows = append(t.rows, []string{f.Path, full(f.Value), f.Dist})
	}
	if format == "csv" || format == "jsonl" {
		tt := &tidyTable{header: t.header, rows: t.rows}
		if format == "csv" {
			return tt.writeCSV(e.stdout)
		}
		return tt.writeJSONLines(e.stdout)
	}
	return t.write(e.stdout, e.layout(format))
}
