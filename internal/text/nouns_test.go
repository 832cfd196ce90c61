package text

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n          int
		noun, want string
	}{
		{0, "episode", "0 episodes"},
		{1, "episode", "1 episode"},
		{2, "paired episode", "2 paired episodes"},
		{1, "extreme equilibrium", "1 extreme equilibrium"},
		{3, "extreme equilibrium", "3 extreme equilibria"},
		{2, "maximal Nash subset (component)", "2 maximal Nash subsets (components)"},
		{36, "month", "36 months"},
		{4, "policy", "4 policies"},
		{2, "match", "2 matches"},
		{5, "bootstrap replicate", "5 bootstrap replicates"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
	if got := CountIs(1, "extreme equilibrium"); got != "1 extreme equilibrium is" {
		t.Errorf("CountIs(1) = %q", got)
	}
	if got := CountIs(2, "extreme equilibrium"); got != "2 extreme equilibria are" {
		t.Errorf("CountIs(2) = %q", got)
	}
}
