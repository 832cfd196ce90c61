package suggest

import (
	"fmt"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"run", "run", 0},
		{"runn", "run", 1},          // one deletion
		{"episdoes", "episodes", 1}, // one swap of adjacent letters
		{"dicount", "discount", 1},  // one insertion
		{"kitten", "sitting", 3},    // the textbook example: two substitutions and an insertion
		{"ca", "abc", 3},            // OSA, unlike Damerau–Levenshtein (2), edits no rune twice
		{"δέλτα", "δέλτ", 1},        // runes, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	scenarios := []string{"muscat", "hawkish-congress", "jpoa-2013", "rubinstein", "no-zopa"}
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"muscatt", "muscat", true},
		{"Muscat", "muscat", true}, // case alone differs
		{"MUSCAT", "muscat", true},
		{"jpoa2013", "jpoa-2013", true},
		{"muscat", "", false}, // exact: nothing to suggest
		{"atlantis", "", false},
		{"x", "", false},
		{"m", "", false},                          // one letter is never taken for another
		{strings.Repeat("muscat", 20), "", false}, // past maxName: no suggestion
	}
	for _, tt := range tests {
		got, ok := Closest(tt.name, scenarios)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestNear checks which keys count as meant for a field: the field
// itself, or a near miss that a hint would correct.
func TestNear(t *testing.T) {
	fields := []string{"name", "description", "horizon"}
	tests := []struct {
		key  string
		want bool
	}{
		{"name", true},
		{"Name", true},       // case alone differs
		{"descripton", true}, // one edit
		{"root:$6$SECRET:19000:0:99999:7:::", false},
		{"colour", false},
	}
	for _, tt := range tests {
		if got := Near(tt.key, fields); got != tt.want {
			t.Errorf("Near(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func ExampleHint() {
	fmt.Println("unknown command \"runn\"" + Hint("runn", []string{"run", "compare", "trace"}))
	// Output: unknown command "runn"; did you mean run?
}
