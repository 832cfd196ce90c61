package design

import (
	"errors"
	"fmt"
	"math"
)

// Range is a closed interval of one input, [Lo, Hi]. Lo == Hi is a fixed
// input.
type Range struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Width returns Hi - Lo.
func (r Range) Width() float64 { return r.Hi - r.Lo }

// Contains reports whether Lo <= x <= Hi.
func (r Range) Contains(x float64) bool { return r.Lo <= x && x <= r.Hi }

// at returns the point a fraction u of the way from Lo to Hi, clamped into
// the range against rounding.
func (r Range) at(u float64) float64 {
	return min(max(r.Lo+u*(r.Hi-r.Lo), r.Lo), r.Hi)
}

// CheckBox returns an error if the box has no inputs or if any of its
// ranges has a bound that is not finite or Lo > Hi. The error names the
// input by its index. LatinHypercube panics on a box that CheckBox rejects;
// NewSaltelli returns CheckBox's error.
func CheckBox(box []Range) error {
	if len(box) == 0 {
		return errors.New("design: no inputs; give at least one range")
	}
	for i, r := range box {
		switch {
		case math.IsNaN(r.Lo) || math.IsInf(r.Lo, 0) || math.IsNaN(r.Hi) || math.IsInf(r.Hi, 0):
			return fmt.Errorf("design: input %d: range [%g, %g] is not finite; give finite bounds", i, r.Lo, r.Hi)
		case r.Lo > r.Hi:
			return fmt.Errorf("design: input %d: range [%g, %g] has lo > hi; give lo <= hi", i, r.Lo, r.Hi)
		}
	}
	return nil
}
