package chart

import (
	"math"
	"strings"
)

// eighths are the left-aligned blocks one to seven eighths wide.
var eighths = []rune("▏▎▍▌▋▊▉")

// TextBar draws probability p on [0, 1] as a bar of exactly width runes
// for a terminal table: full blocks (█) to p, ending in an eighth block
// for the remainder, the part of the bar inside the 95% interval
// [lo, hi] shaded (▓) rather than full, and light shade (░) from p to hi.
// Values outside [0, 1] are clamped. A NaN p (not observed) gives
// width spaces; a NaN bound, no interval. A width below 1 gives "".
func TextBar(p, lo, hi float64, width int) string {
	if width < 1 {
		return ""
	}
	if math.IsNaN(p) {
		return strings.Repeat(" ", width)
	}
	clamp := func(v float64) float64 { return math.Max(0, math.Min(1, v)) }
	w := float64(width)
	p = clamp(p)
	full := int(p * w)
	part := int(math.Round((p*w - float64(full)) * 8))
	if part == 8 {
		full, part = full+1, 0
	}
	interval := !math.IsNaN(lo) && !math.IsNaN(hi)
	lo, hi = clamp(lo), clamp(hi)
	var b strings.Builder
	for k := range width {
		cellLo, cellHi := float64(k)/w, float64(k+1)/w
		switch {
		case k < full && interval && cellHi > lo:
			b.WriteRune('▓')
		case k < full:
			b.WriteRune('█')
		case k == full && part > 0:
			b.WriteRune(eighths[part-1])
		case interval && cellLo < hi:
			b.WriteRune('░')
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
