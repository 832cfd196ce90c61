package chart_test

import (
	"fmt"
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
