package chart

import (
	"fmt"
	"math"
)

// isNaN and isInf say whether v is NaN (not observed) or ±Inf.
func isNaN(v float64) bool { return math.IsNaN(v) }
func isInf(v float64) bool { return math.IsInf(v, 0) }

// nan is the value of a figure not observed.
var nan = math.NaN()

// checkNames checks the names of n series: with more than one, each
// needs a name of its own for the legend.
func checkNames(n int, name func(int) string) error {
	if n == 0 {
		return fmt.Errorf("no series to draw")
	}
	seen := make(map[string]bool)
	for i := range n {
		s := name(i)
		if n > 1 && s == "" {
			return fmt.Errorf("series %d has no name; valid: a name for the legend when there are several series", i+1)
		}
		if seen[s] {
			return fmt.Errorf("series name %q twice; valid: distinct names", s)
		}
		seen[s] = true
	}
	return nil
}
