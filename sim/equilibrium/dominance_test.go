package equilibrium

import (
	"math/big"
	"reflect"
	"testing"
)

func TestDominated(t *testing.T) {
	tests := []struct {
		name string
		a, b [][]*big.Rat
		want [2][]Domination
	}{
		{
			// Defect (1) pays more than cooperate (0) against both columns
			// (5 > 3, 1 > 0), for both players.
			name: "prisoner's dilemma",
			a:    rats(t, "3 0", "5 1"),
			b:    rats(t, "3 5", "0 1"),
			want: [2][]Domination{{{Strategy: 0, By: 1, Strict: true}}, {{Strategy: 0, By: 1, Strict: true}}},
		},
		{
			// Entry deterrence: fight (0) pays 2 = 2 against out and −1 < 1
			// against in, so accommodate (1) weakly dominates it; out (0, 0)
			// and in (−1, 1) are not ranked.
			name: "entry deterrence",
			a:    rats(t, "0 0", "-1 1"),
			b:    rats(t, "2 2", "-1 1"),
			want: [2][]Domination{nil, {{Strategy: 0, By: 1, Strict: false}}},
		},
		{
			// Identical strategies dominate neither each other.
			name: "all zero",
			a:    rats(t, "0 0", "0 0"),
			b:    rats(t, "0 0", "0 0"),
			want: [2][]Domination{nil, nil},
		},
		{
			// Row 2 (1, 1) is strictly dominated by row 0 (3, 2) and weakly by
			// row 1 (1, 2); row 1 is weakly dominated by row 0.
			name: "several dominators",
			a:    rats(t, "3 2", "1 2", "1 1"),
			b:    rats(t, "0 0", "0 0", "0 0"),
			want: [2][]Domination{{{1, 0, false}, {2, 0, true}, {2, 1, false}}, nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Dominated(tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := Dominated(rats(t, "1 2"), rats(t, "1")); err == nil {
		t.Error("mismatched shapes: no error")
	}
}

// TestEliminateDominated follows Gibbons (1992), Figure 1.1.1: right is
// strictly dominated by middle (2 > 1, 1 > 0); then down by up (1 > 0,
// 1 > 0); then left by middle (2 > 0); (up, middle) survives.
func TestEliminateDominated(t *testing.T) {
	a := rats(t, "1 1 0", "0 0 2")
	b := rats(t, "0 2 1", "3 1 0")
	survivors, steps, err := EliminateDominated(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := [2][]int{{0}, {1}}; !reflect.DeepEqual(survivors, want) {
		t.Errorf("survivors %v, want %v", survivors, want)
	}
	want := []Elimination{{1, 1, 2, 1}, {2, 0, 1, 0}, {3, 1, 0, 1}}
	if !reflect.DeepEqual(steps, want) {
		t.Errorf("steps %v, want %v", steps, want)
	}
	// Matching pennies: nothing is dominated, everything survives.
	survivors, steps, err = EliminateDominated(rats(t, "1 -1", "-1 1"), rats(t, "-1 1", "1 -1"))
	if err != nil || len(steps) != 0 || !reflect.DeepEqual(survivors, [2][]int{{0, 1}, {0, 1}}) {
		t.Errorf("matching pennies: survivors %v, steps %v, error %v; want all, none, nil", survivors, steps, err)
	}
}

func TestBestResponses(t *testing.T) {
	tests := []struct {
		name string
		a, b [][]*big.Rat
		want [2][][]int
	}{
		// Battle of the sexes: each matches the other (2 > 0, 1 > 0).
		{"battle of the sexes", rats(t, "2 0", "0 1"), rats(t, "1 0", "0 2"), [2][][]int{{{0}, {1}}, {{0}, {1}}}},
		// All payoffs zero: every strategy is a best response to everything.
		{"zero", rats(t, "0 0", "0 0"), rats(t, "0 0", "0 0"), [2][][]int{{{0, 1}, {0, 1}}, {{0, 1}, {0, 1}}}},
		// 3×2: column 0 favours row 2 (5), column 1 rows 0 and 1 (tie at 4);
		// player 2 prefers column 1 after rows 0 and 2, column 0 after row 1.
		{"3×2 with a tie", rats(t, "1 4", "2 4", "5 0"), rats(t, "0 1", "1 0", "-1 0"), [2][][]int{{{2}, {0, 1}}, {{1}, {0}, {1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BestResponses(tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
