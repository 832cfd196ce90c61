package design_test

import (
	"fmt"

	"gonum.org/v1/gonum/floats"

	"github.com/parley-sim/parley/sim/design"
)

// A 3×2 sweep: three evenly spaced discounts (floats.Span) by two levels of
// a guarantee, the guarantee varying fastest.
func ExampleGrid() {
	discounts := floats.Span(make([]float64, 3), 0.95, 0.99)
	for _, p := range design.Grid([][]float64{discounts, {0.4, 0.8}}) {
		fmt.Printf("%.2f %.1f\n", p[0], p[1])
	}
	// Output:
	// 0.95 0.4
	// 0.95 0.8
	// 0.97 0.4
	// 0.97 0.8
	// 0.99 0.4
	// 0.99 0.8
}

// Four points in two inputs: each quarter of each range holds one point.
func ExampleLatinHypercube() {
	box := []design.Range{{Lo: 0, Hi: 1}, {Lo: 0.95, Hi: 0.995}}
	for _, p := range design.LatinHypercube(4, box, 1) {
		fmt.Printf("stratum %d of input 0, stratum %d of input 1\n",
			int(p[0]*4), int((p[1]-0.95)/0.045*4))
	}
	// Output:
	// stratum 2 of input 0, stratum 2 of input 1
	// stratum 0 of input 0, stratum 1 of input 1
	// stratum 1 of input 0, stratum 3 of input 1
	// stratum 3 of input 0, stratum 0 of input 1
}
