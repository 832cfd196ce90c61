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
	c, err := Compare(context.Background(), []Setup{{Scenario: s}, {Scenario: s}}, config(1000))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Metrics) != len(Metrics(s, s.Horizon)) {
		t.Errorf("%d metrics compared; want all %d", len(c.Metrics), len(Metrics(s, s.Horizon)))
	}
	for _, m := range c.Metrics {
		d := m.Differences[0]
		if d.Mean != 0 || m.Paired() && d.SD != 0 || d.PValue != 1 || m.Arms[0].Point() != m.Arms[1].Point() {
			t.Errorf("%s: %+v; want identical arms", m.Key, d)
		}
		if m.Paired() && d.N != 1000 {
			t.Errorf("%s: %d pairs; want 1000", m.Key, d.N)
		}
	}
}

// TestCompareTests checks which test each kind of metric gets: McNemar's
// exact test for probabilities over every episode, the paired t-test for
// means over every episode, unpaired tests for the others.
func TestCompareTests(t *testing.T) {
	s := load(t, "jpoa-2013")
	alt := map[string]model.Strategy{"iran": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}
	c, err := Compare(context.Background(), []Setup{{Scenario: s}, {Scenario: s, Strategies: alt}}, config(1000))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"outcomes.comprehensive": "mcnemar-exact", "utilities.iran": "paired-t",
		"mediated": "two-proportion-z", "timing.first_agreement": "welch-t",
	} {
		if got := c.Metric(key).Differences[0].Test; got != want {
			t.Errorf("%s: test %s; want %s", key, got, want)
		}
	}
}

// TestCompareMatchesRun checks that each arm of a comparison reproduces
// what Run reports for it alone, episode for episode.
func TestCompareMatchesRun(t *testing.T) {
	s := load(t, "jpoa-2013")
	base, alt := config(1000), config(1000)
	alt.Strategies = map[string]model.Strategy{"iran": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}
	c, err := Compare(context.Background(), []Setup{{Scenario: s}, {Scenario: s, Strategies: alt.Strategies}}, base)
	if err != nil {
		t.Fatal(err)
	}
	rb, ra := run(t, s, base), run(t, s, alt)
	for k, m := range c.Metrics {
		for a, r := range []*Result{rb, ra} {
			if got, want := m.Arms[a], r.Figures[k]; got.Key != want.Key || got.Point() != want.Point() || got.N() != want.N() {
				t.Errorf("%s, arm %d: comparison %v over %d; run %v over %d", m.Key, a, got.Point(), got.N(), want.Point(), want.N())
			}
		}
	}
	if d := c.Metric("outcomes.comprehensive").Differences[0]; d.N != 1000 || d.Mean == 0 {
		t.Errorf("comprehensive difference %+v; want a nonzero difference over 1000 pairs", d)
	}
}

// TestCompareWorkers checks that a comparison does not depend on workers.
func TestCompareWorkers(t *testing.T) {
	s := load(t, "muscat")
	var first string
	for _, w := range []int{1, 2, 8} {
		cfg := config(2000)
		cfg.Workers = w
		alt := map[string]model.Strategy{"us": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}
		c, err := Compare(context.Background(), []Setup{{Scenario: s}, {Scenario: s, Strategies: alt}}, cfg)
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
	_, err := Compare(context.Background(), []Setup{{Scenario: load(t, "muscat")}, {Scenario: load(t, "rubinstein")}}, config(10))
	if err == nil || !strings.Contains(err.Error(), "different principals") {
		t.Errorf("error %v; want different principals", err)
	}
}

// TestCompareLimits checks that a comparison of too many arms, or of
// more episodes in all than MaxEpisodes, is refused before it plays
// (issue #13: 10⁹ episodes in each of 17 arms were accepted, and each
// arm holds a tally per worker).
func TestCompareLimits(t *testing.T) {
	s := load(t, "rubinstein")
	arms := func(n int) []Setup { return slices.Repeat([]Setup{{Scenario: s}}, n) }
	for _, c := range []struct {
		name     string
		setups   []Setup
		episodes int
		want     string
	}{
		{"one arm", arms(1), 10, "arms: 1; want 2 … 32"},
		{"too many arms", arms(MaxArms + 1), 10, "arms: 33; want 2 … 32"},
		{"too many episodes", arms(3), MaxEpisodes/3 + 1, "episodes: 333333334 in each of 3 arms; want at most 333333333 per arm, 1000000000 in all"},
	} {
		if _, err := Compare(context.Background(), c.setups, config(c.episodes)); err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v; want %q", c.name, err, c.want)
		}
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
	c, err := Compare(context.Background(), []Setup{{Scenario: s}, {Scenario: &reversed}}, config(2000))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"utilities.iran", "utilities.us"} {
		if d := c.Metric(key).Differences[0]; math.Abs(d.SD) > reassociation || math.Abs(d.Mean) > reassociation {
			t.Errorf("%s: %+v; want no difference", key, d)
		}
	}
}
