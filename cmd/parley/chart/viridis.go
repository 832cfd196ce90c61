package chart

import (
	"image/color"
	"math"
)

// viridisStops are viridis at ten equal steps (viridisLite::viridis(10)
// in R, the map of matplotlib): a sequential colour map that stays
// ordered in lightness for readers with any common colour-vision
// deficiency and in greyscale.
var viridisStops = []color.RGBA{
	{0x44, 0x01, 0x54, 0xFF}, {0x48, 0x28, 0x78, 0xFF}, {0x3E, 0x4A, 0x89, 0xFF}, {0x31, 0x68, 0x8E, 0xFF},
	{0x26, 0x82, 0x8E, 0xFF}, {0x1F, 0x9E, 0x89, 0xFF}, {0x35, 0xB7, 0x79, 0xFF}, {0x6D, 0xCD, 0x59, 0xFF},
	{0xB4, 0xDE, 0x2C, 0xFF}, {0xFD, 0xE7, 0x25, 0xFF},
}

// viridis is the colour at t in [0, 1] (clamped), interpolated linearly
// between the stops.
func viridis(t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t)) * float64(len(viridisStops)-1)
	i := min(int(t), len(viridisStops)-2)
	f := t - float64(i)
	a, b := viridisStops[i], viridisStops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xFF}
}

// dark says whether text on c should be white: c's relative luminance
// (ITU-R BT.709 weights on the gamma-encoded values, close enough to
// choose a text colour) is below one half.
func dark(c color.RGBA) bool {
	return 0.2126*float64(c.R)+0.7152*float64(c.G)+0.0722*float64(c.B) < 0.5*255
}
