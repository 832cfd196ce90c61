package charttest

import (
	"fmt"
	"slices"
	"testing"
)

func TestSVGTexts(t *testing.T) {
	tests := []struct {
		name string
		svg  string
		want []string
		bad  bool
	}{
		{"texts in order", `<svg><text>a</text><g><text>b <tspan/>c</text></g></svg>`, []string{"a", "b c"}, false},
		{"no text", `<svg><rect/></svg>`, nil, false},
		{"entities", `<svg><text>Iran&#39;s</text></svg>`, []string{"Iran's"}, false},
		{"not XML", `<svg><text>a</svg>`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SVGTexts([]byte(tt.svg))
			if (err != nil) != tt.bad {
				t.Fatalf("error %v, want one: %v", err, tt.bad)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func ExampleSVGTexts() {
	texts, err := SVGTexts([]byte(`<svg><text>probability (%)</text><text>round</text></svg>`))
	fmt.Println(texts, err)
	// Output: [probability (%) round] <nil>
}
