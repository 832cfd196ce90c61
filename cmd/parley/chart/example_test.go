package chart_test

import (
	"fmt"
	"math"
	"strings"

	"github.com/parley-sim/parley/cmd/parley/chart"
)

func ExampleFormatFor() {
	for _, path := range []string{"run.svg", "sweep.PNG", "run.pdf"} {
		format, err := chart.FormatFor(path)
		fmt.Printf("%q %v\n", format, err)
	}
	// Output:
	// "svg" <nil>
	// "png" <nil>
	// "" run.pdf: extension .pdf; valid: .svg, .png
}

func ExampleEstimates() {
	f := chart.Estimates("muscat · seed 1 · 40,000 episodes", "probability", []chart.Group{{
		Items: []chart.Estimate{
			{Label: "comprehensive", Value: 0.004, Lo: 0.003, Hi: 0.005},
			{Label: "interim", Value: 0.35, Lo: 0.345, Hi: 0.355},
		},
	}})
	svg, err := chart.Render(f, "svg")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(string(svg), ">probability</text>"))
	// Output: true
}

func ExampleDifferences() {
	f := chart.Differences("muscat: comprehensive-only − interim-first", "difference in probability", []chart.Group{{
		Items: []chart.Estimate{{Label: "breakdown", Value: 0.13, Lo: 0.12, Hi: 0.14}},
	}})
	png, err := chart.Render(f, "png")
	fmt.Println(len(png) > 0, err)
	// Output: true <nil>
}

func ExampleTextBar() {
	for _, e := range []chart.Estimate{
		{Label: "comprehensive", Value: 0.004, Lo: 0.003, Hi: 0.006},
		{Label: "interim", Value: 0.35, Lo: 0.25, Hi: 0.45},
		{Label: "stalemate", Value: 0.6, Lo: 0.5, Hi: 0.7},
		{Label: "escalation", Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()},
	} {
		fmt.Printf("%-13s |%s| %5.1f%%\n", e.Label, chart.TextBar(e.Value, e.Lo, e.Hi, 20), 100*e.Value)
	}
	// Output:
	// comprehensive |▏                   |   0.4%
	// interim       |█████▓▓░░           |  35.0%
	// stalemate     |██████████▓▓░░      |  60.0%
	// escalation    |                    |   NaN%
}

func ExampleHistogram() {
	f := chart.Histogram("muscat · seed 1 · 40,000 episodes", "round of first deal (month)", []chart.Hist{
		{Name: "interim", Edges: []float64{0, 6, 12, 18, 24}, Counts: []float64{4100, 6200, 2300, 900}},
		{Name: "comprehensive", Edges: []float64{0, 6, 12, 18, 24}, Counts: []float64{10, 40, 60, 50}},
	})
	fmt.Println(f.Err())
	// Output: <nil>
}

func ExampleLines() {
	f := chart.Lines("muscat · 3 points · seed 1", "Iran's discount factor (per month)", "probability", []chart.Line{{
		Name: "comprehensive",
		X:    []float64{0.95, 0.98, 0.995},
		Y:    []float64{0.01, 0.05, 0.2},
		Lo:   []float64{0.008, 0.045, 0.19},
		Hi:   []float64{0.012, 0.055, 0.21},
	}, {
		Name: "breakdown",
		X:    []float64{0.95, 0.98, 0.995},
		Y:    []float64{0.3, 0.25, 0.2},
	}})
	fmt.Println(f.Err())
	// Output: <nil>
}

func ExampleHeatmap() {
	f := chart.Heatmap("muscat · game · 5,000 episodes", "US strategy", "Iran strategy", "Iran's mean utility (per month)",
		[]string{"comprehensive-only", "interim-first"}, []string{"comprehensive-only", "interim-first"},
		[][]float64{{0.12, 0.31}, {0.45, math.NaN()}})
	_, err := chart.Render(f, "svg")
	fmt.Println(err)
	// Output: <nil>
}

func ExampleRankedBars() {
	f := chart.RankedBars("muscat · Sobol · 1,024 samples", "Sobol index of P(comprehensive)",
		[]string{"iran.discount", "us.discount"},
		[]chart.Group{
			{Name: "total", Items: []chart.Estimate{{Label: "iran.discount", Value: 0.2, Lo: 0.15, Hi: 0.26}, {Label: "us.discount", Value: 0.42, Lo: 0.35, Hi: 0.5}}},
			{Name: "first-order", Items: []chart.Estimate{{Label: "iran.discount", Value: 0.12, Lo: 0.08, Hi: 0.17}}},
		})
	fmt.Println(f.Err())
	// Output: <nil>
}
