package design_test

import (
	"cmp"
	"fmt"
	"slices"

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

// Which of three inputs drives y = x0 + 2·x1 + x0·x2? Play the model at
// every point of the design, then rank the inputs by total index. (The
// analytic indices are S1 = 12/19, 3/19, 3/19 and ST = 12/19, 4/19, 4/19 for
// inputs 1, 0, 2: x0 and x2 share an interaction worth 1/19 of the
// variance.)
func ExampleSaltelli() {
	box := []design.Range{{Lo: 0, Hi: 1}, {Lo: 0, Hi: 1}, {Lo: -1, Hi: 1}}
	d, err := design.NewSaltelli(1024, box, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	y := make([]float64, len(d.Points()))
	for p, x := range d.Points() {
		y[p] = x[0] + 2*x[1] + x[0]*x[2]
	}
	indices, err := d.Indices(y, 1000, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	slices.SortStableFunc(indices, func(a, b design.Index) int { return cmp.Compare(b.Total, a.Total) })
	for _, ix := range indices {
		fmt.Printf("input %d: S1 %.2f [%.2f, %.2f]  ST %.2f [%.2f, %.2f]\n",
			ix.Input, ix.First, ix.FirstCI[0], ix.FirstCI[1], ix.Total, ix.TotalCI[0], ix.TotalCI[1])
	}
	// Output:
	// input 1: S1 0.63 [0.57, 0.70]  ST 0.63 [0.58, 0.68]
	// input 0: S1 0.16 [0.12, 0.20]  ST 0.21 [0.19, 0.24]
	// input 2: S1 0.16 [0.12, 0.19]  ST 0.21 [0.19, 0.23]
}

// Under which inputs does a condition hold? Here it holds where
// x0 > 0.6 and x1 < 0.3, whatever x2; PRIM finds that box from 1000
// points of a Latin hypercube.
func ExamplePRIM() {
	box := []design.Range{{Lo: 0, Hi: 1}, {Lo: 0, Hi: 1}, {Lo: 0, Hi: 1}}
	x := design.LatinHypercube(1000, box, 1)
	y := make([]bool, len(x))
	for p, v := range x {
		y[p] = v[0] > 0.6 && v[1] < 0.3
	}
	res, err := design.PRIM(x, y, design.PRIMOptions{Paste: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	b := res.Trajectory[res.Chosen]
	fmt.Printf("box %d of %d: coverage %.2f, density %.2f, mass %.2f\n",
		res.Chosen, len(res.Trajectory), b.Coverage, b.Density, b.Mass)
	for i, r := range b.Limits {
		if b.Restricted[i] {
			fmt.Printf("x%d in [%.2f, %.2f]\n", i, r.Lo, r.Hi)
		}
	}
	// Output:
	// box 41 of 43: coverage 0.99, density 0.99, mass 0.13
	// x0 in [0.60, 1.00]
	// x1 in [0.00, 0.30]
}
