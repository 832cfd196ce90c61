package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/parley-sim/parley/cmd/parley/chart"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/sim"
	"github.com/spf13/pflag"
)

// plotFlag declares --plot, the picture a command draws of its result.
func plotFlag(fs *pflag.FlagSet, path *string) {
	fs.StringVar(path, "plot", "", "also draw the result in `FILE`, an SVG or PNG picture by its extension (written with the result, all or nothing)")
}

// checkPlot reports a usage error when --plot's path cannot take a
// picture: an extension parley does not draw, standard output, the --out
// file, a path checkOutput refuses. It runs before the command's work.
func (e *env) checkPlot(path string) error {
	if path == "" {
		return nil
	}
	if path == stdioName {
		return usagef("--plot -: a picture goes to a file; want FILE.svg or FILE.png")
	}
	if _, err := chart.FormatFor(path); err != nil {
		return usagef("--plot %v", err)
	}
	if e.toFile() && sameFile(path, e.out) {
		return usagef("--plot %s and --out %s: the same file; want two different files", path, e.out)
	}
	return checkOutput("--plot", path)
}

// addPlot renders f to the file path names, to be written with the
// command's result; it does nothing when path is "".
func (e *env) addPlot(path string, f *chart.Figure) error {
	if path == "" {
		return nil
	}
	format, err := chart.FormatFor(path)
	if err != nil {
		return err
	}
	b, err := chart.Render(f, format)
	if err != nil {
		return fmt.Errorf("--plot %s: %w", path, err)
	}
	e.files = append(e.files, outputFile{path, b})
	return nil
}

// plotTitle names what a picture shows: the scenario, the seed and the
// episodes it rests on.
func plotTitle(scenario string, seed uint64, episodes int64, what string, partial bool) string {
	t := fmt.Sprintf("%s · seed %d · %s", scenario, seed, text.Count(int(episodes), what))
	if partial {
		t += " · partial"
	}
	return t
}

// probabilityLabel is the row a probability metric has in a picture: its
// label, and for a path, which path.
func probabilityLabel(m *sim.Metric) string {
	if strings.HasPrefix(m.Key, "paths.") {
		return "path: " + m.Label
	}
	return m.Label
}

// percentEstimate is a probability figure in percent with its interval;
// NaN where it rests on no episode.
func percentEstimate(label string, f sim.Figure) chart.Estimate {
	return scaledEstimate(label, f.N(), f.Point(), f.Interval(), 100)
}

// nan marks what a picture shows as not observed.
var nan = math.NaN()

// scaledEstimate is an estimate times scale, NaN when it rests on no
// observation.
func scaledEstimate(label string, n int64, point float64, ci [2]float64, scale float64) chart.Estimate {
	if n == 0 {
		return chart.Estimate{Label: label, Value: nan, Lo: nan, Hi: nan}
	}
	return chart.Estimate{Label: label, Value: scale * point, Lo: scale * ci[0], Hi: scale * ci[1]}
}

// histogram turns a figure's distribution into a chart series.
func histogram(name string, f sim.Figure) chart.Hist {
	h := chart.Hist{Name: name, Edges: f.Distribution.Edges, Counts: make([]float64, len(f.Distribution.Counts))}
	for i, c := range f.Distribution.Counts {
		h.Counts[i] = float64(c)
	}
	return h
}

// runFigure draws a run: every probability with its interval, the
// distribution of the round of the first deal, and each side's realized
// utility.
func runFigure(r *sim.Result) *chart.Figure {
	var probs []chart.Estimate
	var first *sim.Figure
	var utilities []chart.Hist
	for k, f := range r.Figures {
		switch {
		case f.Kind == sim.Probability && f.Table:
			probs = append(probs, percentEstimate(probabilityLabel(f.Metric), f))
		case f.Key == "timing.first_agreement":
			first = &r.Figures[k]
		case strings.HasPrefix(f.Key, "utilities."):
			utilities = append(utilities, histogram(f.Label, f))
		}
	}
	panels := []*chart.Figure{chart.Estimates("Outcomes, paths and events (95% intervals)", "probability (%)", []chart.Group{{Items: probs}})}
	if first != nil && first.N() > 0 {
		panels = append(panels, chart.Histogram(fmt.Sprintf("Round of the first deal, in the %s with a deal", text.Count(int(first.N()), "episode")),
			fmt.Sprintf("round (1 round = 1 %s)", r.Round), []chart.Hist{histogram("", *first)}))
	}
	panels = append(panels, chart.Histogram("Realized utility of each side, every episode",
		"realized utility (1 = the side's best deal at once and for good)", utilities))
	return chart.Stack(plotTitle(r.Scenario, r.Seed, r.Episodes, "episode", r.Partial), panels...)
}

// compareFigure draws each alternative's paired difference from the
// baseline, with its 95% interval: the probabilities in percentage
// points, the rounds, the counts of events and the realized utilities in
// panels of their own.
func compareFigure(c *sim.Comparison) *chart.Figure {
	kinds := []struct {
		title, axis string
		scale       float64
		in          func(m *sim.MetricComparison) bool
	}{
		{"Probabilities", "difference in probability (percentage points)", 100,
			func(m *sim.MetricComparison) bool { return m.Kind == sim.Probability && m.Table }},
		{"Timing", "difference in " + text.Plural(c.Arms[0].Round), 1,
			func(m *sim.MetricComparison) bool { return m.Rounds && !m.Count }},
		{"Counts", "difference in number", 1,
			func(m *sim.MetricComparison) bool { return m.Count }},
		{"Realized utility", "difference in realized utility", 1,
			func(m *sim.MetricComparison) bool { return strings.HasPrefix(m.Key, "utilities.") }},
	}
	var panels []*chart.Figure
	for _, kind := range kinds {
		groups := make([]chart.Group, len(c.Arms)-1)
		for k := range groups {
			groups[k].Name = armChange(c.Arms[0], c.Arms[k+1])
		}
		for i := range c.Metrics {
			m := &c.Metrics[i]
			if !kind.in(m) {
				continue
			}
			label := m.Label
			if m.Kind == sim.Probability {
				label = probabilityLabel(m.Metric)
			}
			for k, d := range m.Differences {
				groups[k].Items = append(groups[k].Items, scaledEstimate(label, d.N, d.Mean, d.CI95, kind.scale))
			}
		}
		if len(groups[0].Items) > 0 {
			panels = append(panels, chart.Differences(kind.title+": each arm − baseline (95% intervals)", kind.axis, groups))
		}
	}
	if len(panels) == 0 {
		return chart.Stack("compare: none of the metrics chosen is a probability, a timing or a utility")
	}
	title := plotTitle(c.Arms[0].Scenario, c.Seed, c.Episodes, "paired episode", c.Partial)
	return chart.Stack(title+"\nbaseline: "+strategyList(c.Arms[0].Strategies, ", "), panels...)
}

// armChange says what an arm changes from the baseline: its scenario if
// another, and the strategies that differ.
func armChange(base, a sim.Arm) string {
	var parts []string
	if a.Scenario != base.Scenario {
		parts = append(parts, a.Scenario)
	}
	for i, st := range a.Strategies {
		if i >= len(base.Strategies) || st != base.Strategies[i] {
			parts = append(parts, strategyList([]sim.ActorStrategy{st}, ""))
		}
	}
	if len(parts) == 0 {
		return "same as the baseline"
	}
	return strings.Join(parts, ", ")
}
