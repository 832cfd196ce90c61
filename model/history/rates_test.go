package history

import (
	"math"
	"testing"
)

func TestPool(t *testing.T) {
	a := &History{Observed: 72, State: "collapsed", Events: []Event{{Kind: Interim, Round: 4}, {Kind: Comprehensive, Round: 24}}}
	b := &History{Observed: 24, Events: []Event{{Kind: WalkAway, Round: 18}}}
	r := Pool([]*History{a, b})
	// Interim: one event, at risk 4 rounds in a and all 24 of b.
	if r.Events[Interim] != 1 || r.AtRisk[Interim] != 28 {
		t.Errorf("interim: %d events over %d rounds; want 1 over 28", r.Events[Interim], r.AtRisk[Interim])
	}
	const tol = 1e-12
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"hazard", r.Hazard(Interim), 1.5 / 29},                                            // (1 + ½)/(28 + 1)
		{"within", r.Within(Interim, 2, 4), math.Pow(1-1.5/29, 1) - math.Pow(1-1.5/29, 4)}, // (1−λ)^(lo−1) − (1−λ)^hi
		{"none", r.None(Strike, 10), math.Pow(1-0.5/97, 10)},                               // no strike in 72 + 24 rounds
		{"state seen", r.State("collapsed", 6), 2.0 / 7},                                   // (1 + 1)/(1 + 6)
		{"state unseen", r.State("breakdown", 6), 1.0 / 7},                                 // (0 + 1)/(1 + 6)
	} {
		if math.Abs(c.got-c.want) > tol {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}
