package chart

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// ink is how much of a text bar is filled, in eighths of a cell: full and
// shaded cells count 8, an eighth block its eighths.
func ink(bar string) int {
	n := 0
	for _, r := range bar {
		switch r {
		case '█', '▓':
			n += 8
		default:
			if i := strings.IndexRune(string(eighths), r); i >= 0 {
				n += utf8.RuneCountInString(string(eighths)[:i]) + 1
			}
		}
	}
	return n
}

func TestTextBar(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		p, lo, hi float64
		width     int
		want      string
	}{
		{0, nan, nan, 4, "    "},
		{1, nan, nan, 4, "████"},
		{0.5, nan, nan, 4, "██  "},
		// 0.35 of 10 cells is 3 cells and 4 eighths: ▌.
		{0.35, nan, nan, 10, "███▌      "},
		// The interval [0.25, 0.55] shades the cells of the bar from 0.2 on
		// and lightly shades the cells up to 0.55.
		{0.35, 0.25, 0.55, 10, "██▓▌░░    "},
		{nan, 0, 1, 5, "     "},
		{2, nan, nan, 3, "███"},
		{-1, nan, nan, 3, "   "},
		{0.5, 0.4, 0.6, 0, ""},
	}
	for _, tt := range tests {
		if got := TextBar(tt.p, tt.lo, tt.hi, tt.width); got != tt.want {
			t.Errorf("TextBar(%g, %g, %g, %d) = %q, want %q", tt.p, tt.lo, tt.hi, tt.width, got, tt.want)
		}
	}
}

func TestTextBarProperties(t *testing.T) {
	for _, width := range []int{1, 7, 10, 23} {
		prev := -1
		for k := 0; k <= 1000; k++ {
			p := float64(k) / 1000
			lo, hi := max(0, p-0.1), min(1, p+0.1)
			bar := TextBar(p, lo, hi, width)
			if n := utf8.RuneCountInString(bar); n != width {
				t.Fatalf("TextBar(%g, %g, %g, %d) = %q has %d runes", p, lo, hi, width, bar, n)
			}
			if got := ink(bar); got < prev {
				t.Fatalf("width %d: the bar for %g (%q) has less ink than the one before", width, p, bar)
			} else {
				prev = got
			}
			// The bar's ink is p to the nearest eighth of a cell.
			if want := int(math.Round(p * float64(width) * 8)); ink(bar) != want {
				t.Fatalf("TextBar(%g, …, %d) = %q has %d eighths, want %d", p, width, bar, ink(bar), want)
			}
			// A wide interval shows: some cell is shaded.
			if width >= 10 && p >= 0.2 && p <= 0.8 && !strings.ContainsAny(bar, "▓░") {
				t.Fatalf("TextBar(%g, %g, %g, %d) = %q does not show the interval", p, lo, hi, width, bar)
			}
		}
	}
}
