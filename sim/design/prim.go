package design

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// PRIMOptions are the parameters of PRIM. The zero value asks for the
// defaults.
type PRIMOptions struct {
	// Peel is α, the fraction of the box's points that one peeling step
	// removes (and one pasting step adds); 0 means the default 0.05. It
	// must lie in (0, 0.5].
	Peel float64
	// MinMass stops peeling before the box would hold less than this
	// fraction of all points; 0 means the default 0.05. It must lie in
	// (0, 1].
	MinMass float64
	// Paste adds the pasting phase after peeling.
	Paste bool
}

// Box is one box of PRIM's trajectory: a range of each input, with its
// statistics over the points.
type Box struct {
	Limits     []Range `json:"limits"`     // per input; equal to the data's range where unrestricted
	Restricted []bool  `json:"restricted"` // per input: whether Limits narrows the data's range
	// Coverage is the share of all true points that lie in the box, K/T;
	// Density the share of the box's points that are true, K/N; Mass the
	// share of all points that lie in the box, N/len(x).
	Coverage float64 `json:"coverage"`
	Density  float64 `json:"density"`
	Mass     float64 `json:"mass"`
	N        int     `json:"n"` // points inside the box
	K        int     `json:"k"` // true points inside the box
}

// Contains reports whether the point x lies in the box: Lo <= x[i] <= Hi
// for every input i. It panics if len(x) differs from len(b.Limits).
func (b Box) Contains(x []float64) bool {
	if len(x) != len(b.Limits) {
		panic("design: Box.Contains of a point with the wrong number of inputs")
	}
	for i, r := range b.Limits {
		if !r.Contains(x[i]) {
			return false
		}
	}
	return true
}

// PRIMResult is the outcome of PRIM.
type PRIMResult struct {
	// Trajectory is the sequence of boxes from the whole data range to the
	// last: Trajectory[0] holds every point, Trajectory[1:Peeled] are the
	// boxes after each peeling step and Trajectory[Peeled:] those after
	// each pasting step.
	Trajectory []Box `json:"trajectory"`
	Peeled     int   `json:"peeled"`
	// Chosen is the index in Trajectory of the suggested box: the one with
	// the highest F1 score, the harmonic mean of coverage and density,
	// 2·Coverage·Density/(Coverage+Density) = 2K/(N+T), the earliest (the
	// largest) on ties. It balances "most of the true points are inside"
	// against "most of the points inside are true".
	Chosen int `json:"chosen"`
}

// PRIM runs the patient rule induction method (Friedman & Fisher 1999) on
// the points x (one row per point, one column per input) and the condition
// y (whether it holds at each point), as the EMA Workbench does for
// scenario discovery (Kwakkel & Jaxa-Rozen 2016): it starts from the box
// of the data's range and peels it, then optionally pastes it, recording
// every box.
//
// A peeling step considers, for each input, removing the lowest or the
// highest α·N of the box's points on that input (at least one; a run of
// equal values is removed or kept whole). It takes the candidate with the
// largest gain in density per point removed (the EMA Workbench's
// "lenient1" objective),
//
//	(K'/N' - K/N) / (N - N'),
//
// and stops when no candidate raises the density or every candidate would
// leave fewer than MinMass·len(x) points. A pasting step considers, for
// each restricted input, widening the box down or up to take in the α·N
// nearest points that lie outside it only on that input, takes the
// candidate with the largest gain in density per point added, and stops
// when none raises the density. So the density rises strictly along the
// whole trajectory, coverage falls while peeling and rises while pasting.
// Ties go to the candidate whose box restricts fewer inputs, then to the
// lower input, then to its lower side. A new limit lies halfway between
// the nearest values kept and left out, so it reads as a threshold
// ("x1 > 0.6"); a box contains the points with Lo <= x <= Hi on every
// input.
//
// PRIM returns an error if there are no points or inputs, if rows differ
// in length or len(y) != len(x), if an input is NaN or infinite, if no
// point is true, or if an option is out of range.
func PRIM(x [][]float64, y []bool, opts PRIMOptions) (PRIMResult, error) {
	if err := checkPRIM(x, y, &opts); err != nil {
		return PRIMResult{}, err
	}
	s := newPRIMState(x, y, opts)
	res := PRIMResult{Trajectory: []Box{s.box()}}
	for s.step(s.peel) {
		res.Trajectory = append(res.Trajectory, s.box())
	}
	res.Peeled = len(res.Trajectory)
	for opts.Paste && s.step(s.paste) {
		res.Trajectory = append(res.Trajectory, s.box())
	}
	best := -1.0
	for i, b := range res.Trajectory {
		if f1 := 2 * float64(b.K) / float64(b.N+s.t); f1 > best {
			best, res.Chosen = f1, i
		}
	}
	return res, nil
}

// checkPRIM validates PRIM's arguments and fills in the default options.
func checkPRIM(x [][]float64, y []bool, opts *PRIMOptions) error {
	switch {
	case len(x) == 0:
		return errors.New("design: PRIM of no points")
	case len(y) != len(x):
		return fmt.Errorf("design: PRIM of %d points with %d outcomes", len(x), len(y))
	case len(x[0]) == 0:
		return errors.New("design: PRIM of points with no inputs")
	}
	for p, row := range x {
		if len(row) != len(x[0]) {
			return fmt.Errorf("design: point %d has %d inputs, point 0 has %d", p, len(row), len(x[0]))
		}
		for i, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("design: point %d input %d is %g; give finite inputs", p, i, v)
			}
		}
	}
	if !slices.Contains(y, true) {
		return fmt.Errorf("design: the condition holds at none of the %d points; PRIM needs some", len(x))
	}
	if opts.Peel == 0 {
		opts.Peel = 0.05
	}
	if opts.MinMass == 0 {
		opts.MinMass = 0.05
	}
	if !(opts.Peel > 0 && opts.Peel <= 0.5) {
		return fmt.Errorf("design: PRIM peel fraction %g; give a fraction in (0, 0.5]", opts.Peel)
	}
	if !(opts.MinMass > 0 && opts.MinMass <= 1) {
		return fmt.Errorf("design: PRIM minimum mass %g; give a fraction in (0, 1]", opts.MinMass)
	}
	return nil
}
