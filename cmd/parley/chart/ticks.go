package chart

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// niceTicks marks an axis at a round step (1, 2, 2.5 or 5 times a power
// of ten) chosen to give about six labelled ticks, with an unlabelled
// minor tick halfway between them. Labels carry as many decimals as the
// step needs, so that 0 reads "0" and 0.25 "0.25".
type niceTicks struct{}

// Ticks implements plot.Ticker.
func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || isInf(lo) || isInf(hi) {
		return nil
	}
	step := niceStep((hi - lo) / 6)
	d := decimals(step)
	var ticks []plot.Tick
	for k := math.Ceil(lo/step*2 - 1e-9); k/2*step <= hi+step*1e-9; k++ {
		v := k / 2 * step
		if math.Mod(k, 2) != 0 {
			ticks = append(ticks, plot.Tick{Value: v})
			continue
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: formatTick(v, d)})
	}
	return ticks
}

// niceStep is the smallest round step of at least raw.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// decimals is the number of decimals that write step exactly.
func decimals(step float64) int {
	for d := range 12 {
		s := step * math.Pow(10, float64(d))
		if math.Abs(s-math.Round(s)) < 1e-6*s {
			return d
		}
	}
	return 12
}

// formatTick writes v with d decimals, grouping the thousands of a
// number of five digits or more with commas ("40,000"), and never "-0".
func formatTick(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		return strconv.FormatFloat(0, 'f', d, 64)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) >= 5 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	if frac != "" {
		intPart += "." + frac
	}
	if neg {
		intPart = "-" + intPart
	}
	return intPart
}

// roundOut widens a's range to the next half step of its ticks at
// either end, so that no mark sits on the end of the axis.
func roundOut(a *plot.Axis) {
	if !(a.Max > a.Min) || isInf(a.Min) || isInf(a.Max) {
		return
	}
	half := niceStep((a.Max-a.Min)/6) / 2
	a.Min = math.Floor(a.Min/half+1e-9) * half
	a.Max = math.Ceil(a.Max/half-1e-9) * half
}
