package chart

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parley-sim/parley/cmd/parley/chart/charttest"
)

// mustShow renders f as SVG and checks that each of want is the text of
// one of its <text> elements.
func mustShow(t *testing.T, f *Figure, want []string) {
	t.Helper()
	svg, err := Render(f, "svg")
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	texts, err := charttest.SVGTexts(svg)
	if err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("SVG has no text %q; it has %q", w, texts)
		}
	}
	if path := os.Getenv("CHART_SAVE"); path != "" {
		b, err := Render(f, "png")
		if err != nil {
			t.Fatal(err)
		}
		name := path + strings.NewReplacer("/", "-", " ", "_").Replace(t.Name()) + ".png"
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// figures is one valid figure of each builder, for the tests that every
// figure passes.
func figures() map[string]*Figure {
	return map[string]*Figure{
		"estimates":   Estimates("muscat · seed 1 · 40,000 episodes", "probability", outcomeGroups),
		"differences": Differences("muscat · paired", "difference in probability", outcomeGroups[:1]),
		"histogram":   Histogram("muscat · seed 1", "utility", utilityHists),
		"lines":       Lines("muscat · sweep", "Iran's discount factor", "probability", sweepLines),
		"heatmap":     Heatmap("muscat · game", "US strategy", "Iran strategy", "Iran's mean utility", payoffCols, payoffRows, payoffs),
		"ranked":      RankedBars("muscat · Sobol", "Sobol index of P(comprehensive)", sobolInputs, sobolIndices),
		"stack": Stack("muscat · seed 1", Estimates("outcomes", "probability", outcomeGroups),
			Histogram("utility", "realized utility", utilityHists)),
	}
}

func TestRenderPNG(t *testing.T) {
	for name, f := range figures() {
		t.Run(name, func(t *testing.T) {
			b, err := Render(f, "png")
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			// 16 cm and 10 cm at 150 dots per inch, 2.54 cm to the inch;
			// a stack is 10 cm high per panel.
			w, h := 945, 591
			if len(f.panels) > 0 {
				h = int(math.Round(float64(len(f.panels)) * 10 / 2.54 * 150))
			}
			if got := img.Bounds().Size(); got.X != w || got.Y != h {
				t.Errorf("PNG is %d×%d pixels, want %d×%d", got.X, got.Y, w, h)
			}
		})
	}
}

func TestRenderDeterministic(t *testing.T) {
	for name, f := range figures() {
		for _, format := range []string{"svg", "png"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				a, err := Render(f, format)
				if err != nil {
					t.Fatal(err)
				}
				b, err := Render(f, format)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Errorf("two renders of the same figure differ (%d and %d bytes)", len(a), len(b))
				}
			})
		}
	}
}

func TestRenderFormat(t *testing.T) {
	f := figures()["estimates"]
	for _, format := range []string{"", "pdf", "SVG", "jpg"} {
		if _, err := Render(f, format); err == nil {
			t.Errorf("Render(f, %q) gave no error", format)
		}
	}
	if _, err := Render(nil, "svg"); err == nil {
		t.Error("Render(nil, svg) gave no error")
	}
}

func TestFormatFor(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"out.svg", "svg", true},
		{"dir/run.PNG", "png", true},
		{"a.b/c.Svg", "svg", true},
		{"out.pdf", "", false},
		{"out", "", false},
		{"svg", "", false},
		{"out.svg.gz", "", false},
	}
	for _, tt := range tests {
		got, err := FormatFor(tt.path)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("FormatFor(%q) = %q, %v; want %q, ok %v", tt.path, got, err, tt.want, tt.ok)
		}
	}
}
