package nfg

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNormalizeLabels checks the renaming against the rule of Gambit 17's
// NormalizeLabels (src/games/file.cc), worked by hand.
func TestNormalizeLabels(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{""}, []string{"_1"}},                                     // an empty label is renamed even when alone
		{[]string{"", ""}, []string{"_1", "_2"}},                           // sww1.nfg's players
		{[]string{"x", "x", "x_1"}, []string{"x_2", "x_3", "x_1"}},         // x_1 is taken
		{[]string{"", "_1"}, []string{"_2", "_1"}},                         // _1 is taken
		{[]string{"l", "m", "l", "l"}, []string{"l_1", "m", "l_2", "l_3"}}, // every copy is renamed
		{nil, []string{}},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		got := NormalizeLabels(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("NormalizeLabels(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !slices.Equal(in, tt.in) {
			t.Errorf("NormalizeLabels(%q) modified its argument", in)
		}
	}
}

// TestNormalizeLabelsProperties checks on random label lists that the
// result is non-empty and distinct, keeps labels that already were, and
// is unchanged by a second normalization.
func TestNormalizeLabelsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4)) // any fixed seed: the properties must hold for all
	alphabet := []string{"", "a", "_", "1", "_1", "a_1", "a_2"}
	for range 2000 {
		in := make([]string, rng.IntN(8))
		for i := range in {
			in[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) == 0 {
				in[i] += alphabet[rng.IntN(len(alphabet))]
			}
		}
		out := NormalizeLabels(in)
		seen := map[string]bool{}
		for i, l := range out {
			if l == "" || seen[l] {
				t.Fatalf("NormalizeLabels(%q) = %q: label %d empty or repeated", in, out, i+1)
			}
			seen[l] = true
			if n := countOf(in, in[i]); n == 1 && in[i] != "" && l != in[i] {
				t.Fatalf("NormalizeLabels(%q) = %q renamed the unique label %q", in, out, in[i])
			}
		}
		if again := NormalizeLabels(out); !slices.Equal(again, out) {
			t.Fatalf("NormalizeLabels(%q) = %q, but normalizing again gives %q", in, out, again)
		}
	}
}

// countOf counts the occurrences of s in list.
func countOf(list []string, s string) int {
	n := 0
	for _, l := range list {
		if l == s {
			n++
		}
	}
	return n
}
