package sim

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
)

// TestCompareWithItself checks common random numbers: an arm compared
// with itself differs in no episode.
func TestCompareWithItself(t *testing.T) {
	s := load(t, "muscat")
	c, err := Compare(context.Background(), s, s, config(1000), config(1000))
	if err != nil {
		t.Fatal(err)
	}
	for name, o := range c.Outcomes {
		if o.Difference.Mean != 0 || o.Difference.SD != 0 || o.Baseline != o.Alternative {
			t.Errorf("%s: %+v; want identical arms", name, o)
		}
	}
	for name, u := range c.Utilities {
		if u.Difference.Mean != 0 || u.Difference.N != 1000 {
			t.Errorf("%s: %+v; want a zero difference over 1000 pairs", name, u)
		}
	}
}

// TestCompareMatchesRun checks that each arm of a comparison reproduces
// what Run reports for it alone, episode for episode.
func TestCompareMatchesRun(t *testing.T) {
	s := load(t, "jpoa-2013")
	base, alt := config(1000), config(1000)
	alt.Strategies = map[string]model.Strategy{"iran": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}
	c, err := Compare(context.Background(), s, s, base, alt)
	if err != nil {
		t.Fatal(err)
	}
	rb, ra := run(t, s, base), run(t, s, alt)
	for _, o := range Outcomes() {
		name := o.String()
		if c.Outcomes[name].Baseline != rb.Outcomes[name] || c.Outcomes[name].Alternative != ra.Outcomes[name] {
			t.Errorf("%s: comparison %+v; runs %+v and %+v", name, c.Outcomes[name], rb.Outcomes[name], ra.Outcomes[name])
		}
	}
	if d := c.Outcomes["comprehensive"].Difference; d.N != 1000 || d.Mean == 0 {
		t.Errorf("comprehensive difference %+v; want a nonzero difference over 1000 pairs", d)
	}
}

// TestCompareWorkers checks that a comparison does not depend on workers.
func TestCompareWorkers(t *testing.T) {
	s := load(t, "muscat")
	var first string
	for _, w := range []int{1, 2, 8} {
		base, alt := config(2000), config(2000)
		base.Workers = w
		alt.Strategies = map[string]model.Strategy{"us": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}
		c, err := Compare(context.Background(), s, s, base, alt)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(c)
		if first == "" {
			first = string(b)
		} else if string(b) != first {
			t.Errorf("%d workers: comparison differs from 1 worker", w)
		}
	}
}

// TestCompareDifferentPrincipals checks that scenarios whose principals
// differ cannot be compared.
func TestCompareDifferentPrincipals(t *testing.T) {
	_, err := Compare(context.Background(), load(t, "muscat"), load(t, "rubinstein"), config(10), config(10))
	if err == nil || !strings.Contains(err.Error(), "different principals") {
		t.Errorf("error %v; want different principals", err)
	}
}

// TestShocksPairByName checks that a shock draws by its name, not its
// place in the file: listing the shocks in reverse changes nothing but
// the order in which two shocks of one round add to the same red line,
// a floating-point reassociation worth at most a few ulps (reassociation).
func TestShocksPairByName(t *testing.T) {
	const reassociation = 1e-12 // utilities are O(1): a difference of a few ulps each, summed over 2000 episodes
	s := load(t, "muscat")
	reversed := *s
	reversed.Shocks = slices.Clone(s.Shocks)
	slices.Reverse(reversed.Shocks)
	c, err := Compare(context.Background(), s, &reversed, config(2000), config(2000))
	if err != nil {
		t.Fatal(err)
	}
	for name, u := range c.Utilities {
		if math.Abs(u.Difference.SD) > reassociation || math.Abs(u.Difference.Mean) > reassociation {
			t.Errorf("%s: %+v; want no difference", name, u.Difference)
		}
	}
}
