package sim

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// load returns an embedded scenario, or a variant in testdata that
// extends one.
func load(t testing.TB, name string) *model.Scenario {
	t.Helper()
	if s, err := scenarios.Load(name); err == nil {
		return s
	}
	data, err := os.ReadFile("testdata/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.Load(model.Source{Name: "testdata/" + name + ".yaml", Data: data}, scenarios.Resolve)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func run(t testing.TB, s *model.Scenario, cfg Config) *Result {
	t.Helper()
	r, err := Run(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func config(episodes int) Config {
	cfg := DefaultConfig()
	cfg.Episodes = episodes
	return cfg
}

// TestRubinstein checks Rubinstein (1982): with subgame-perfect tactics,
// perfect information and no shocks, every episode agrees in round 1 and
// the first proposer's share is (1 − δ2)/(1 − δ1·δ2) = 0.2/0.28 = 5/7 for
// δ1 = 0.9, δ2 = 0.8, within 1e-9 once the horizon is 200 rounds or more.
// The tactic solves the finite game by backward induction; the closed
// form appears only here.
func TestRubinstein(t *testing.T) {
	const d1, d2 = 0.9, 0.8 // scenarios/rubinstein.yaml
	want := (1 - d2) / (1 - d1*d2)
	s := load(t, "rubinstein")
	for _, horizon := range []int{200, 400, 1200} {
		cfg := config(50)
		cfg.Horizon = horizon
		for i := range 50 {
			e, err := Play(s, cfg, i)
			if err != nil {
				t.Fatal(err)
			}
			if e.Outcome != Comprehensive || e.FirstAgreement != 1 {
				t.Fatalf("horizon %d, episode %d: %v in round %d; want comprehensive in round 1", horizon, i, e.Outcome, e.FirstAgreement)
			}
			if got := e.Terms[0]; math.Abs(got-want) > 1e-9 {
				t.Errorf("horizon %d, episode %d: share %.15f; want %.15f ± 1e-9", horizon, i, got, want)
			}
		}
	}
}

// TestRubinsteinShortHorizon checks the finite game: with one round the
// first proposer takes the whole pie, with two it gets 1 − δ2.
func TestRubinsteinShortHorizon(t *testing.T) {
	s := load(t, "rubinstein")
	for _, c := range []struct {
		horizon int
		share   float64
	}{
		{1, 1},               // last round: the responder's continuation is its reservation value 0
		{2, 1 - 0.8},         // the second proposer would take everything in round 2
		{3, 1 - 0.8*(1-0.9)}, // backward induction one step further
	} {
		cfg := config(1)
		cfg.Horizon = c.horizon
		e, err := Play(s, cfg, 0)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(e.Terms[0]-c.share) > 1e-12 || e.FirstAgreement != 1 {
			t.Errorf("horizon %d: share %v in round %d; want %v in round 1", c.horizon, e.Terms[0], e.FirstAgreement, c.share)
		}
	}
}

// TestRubinsteinWithReneging checks that a reversal risk does not delay
// subgame-perfect agreement: each side values the offer at exactly its
// continuation, on the same value scale.
func TestRubinsteinWithReneging(t *testing.T) {
	s := load(t, "rubinstein-reneging")
	for i := range 20 {
		e, err := Play(s, config(20), i)
		if err != nil {
			t.Fatal(err)
		}
		if e.FirstAgreement != 1 {
			t.Fatalf("episode %d: first deal in round %d; want round 1", i, e.FirstAgreement)
		}
	}
}

// TestNoZOPA checks that when no package meets both reservation values
// no episode ends in agreement, whatever the strategies.
func TestNoZOPA(t *testing.T) {
	s := load(t, "no-zopa")
	for _, sa := range s.Actors[0].Strategies {
		for _, sb := range s.Actors[1].Strategies {
			cfg := config(200)
			cfg.Strategies = map[string]model.Strategy{"a": sa, "b": sb}
			r := run(t, s, cfg)
			if n := r.Timing.FirstAgreement.N; n != 0 {
				t.Errorf("%v vs %v: %d episodes reached a deal; want none", sa, sb, n)
			}
		}
	}
}

// TestCertainReneging checks that with a reneging hazard of 1 every deal
// collapses the round after it starts: each deal is in force for exactly
// one round.
func TestCertainReneging(t *testing.T) {
	s := load(t, "certain-reneging")
	cfg := config(100)
	deals := 0
	for i := range cfg.Episodes {
		e, err := Play(s, cfg, i)
		if err != nil {
			t.Fatal(err)
		}
		deals += e.Agreements
		if e.DealRounds != e.Agreements || e.Agreements > 0 && e.LongestDeal != 1 {
			t.Fatalf("episode %d: %d deals in force for %d rounds, longest %d; want each for one round",
				i, e.Agreements, e.DealRounds, e.LongestDeal)
		}
		if e.Agreements > 1 && !e.Reneged[0] {
			t.Fatalf("episode %d: %d deals and no reneging", i, e.Agreements)
		}
	}
	if deals == 0 {
		t.Fatal("no deals at all: the test cannot tell")
	}
}

// TestWorkersDoNotChangeResults checks that the same seed gives
// byte-identical JSON for 1, 2 and 8 workers.
func TestWorkersDoNotChangeResults(t *testing.T) {
	for _, name := range []string{"muscat", "jpoa-2013"} {
		s := load(t, name)
		var first []byte
		for _, w := range []int{1, 2, 8} {
			cfg := config(3000)
			cfg.Seed, cfg.Workers = 7, w
			b, err := json.Marshal(run(t, s, cfg))
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b
			} else if string(b) != string(first) {
				t.Errorf("%s: %d workers give different results from 1", name, w)
			}
		}
	}
}

// TestSeedsDiffer guards the test above: different seeds must differ.
func TestSeedsDiffer(t *testing.T) {
	s := load(t, "jpoa-2013")
	a, b := config(2000), config(2000)
	b.Seed = 2
	ja, _ := json.Marshal(run(t, s, a))
	jb, _ := json.Marshal(run(t, s, b))
	if string(ja) == string(jb) {
		t.Error("seeds 1 and 2 give identical results")
	}
}

// TestInvariants checks every shipped scenario: outcome probabilities sum
// to 1, every realized utility lies within the principal's bounds, and
// the same episode played twice gives the same result.
func TestInvariants(t *testing.T) {
	for _, name := range scenarios.Names() {
		s := load(t, name)
		cfg := config(300)
		r := run(t, s, cfg)
		var k int64
		for _, o := range Outcomes() {
			k += r.Outcomes[o.String()].K
		}
		if k != r.Episodes {
			t.Errorf("%s: outcome counts sum to %d of %d episodes", name, k, r.Episodes)
		}
		who := s.Principals()
		for i := range 50 {
			e, _ := Play(s, cfg, i)
			again, _ := Play(s, cfg, i)
			if e.Outcome != again.Outcome || e.Utility != again.Utility {
				t.Errorf("%s episode %d: replay differs", name, i)
			}
			for j, a := range who {
				if lo := utilityFloor(s, a); e.Utility[j] < lo-1e-12 || e.Utility[j] > 1+1e-12 {
					t.Errorf("%s episode %d: %s's utility %v outside [%v, 1]", name, i, s.Actors[a].Name, e.Utility[j], lo)
				}
			}
		}
	}
}

// TestEpisodesDoNotAllocate checks the steady state of play.
func TestEpisodesDoNotAllocate(t *testing.T) {
	for _, name := range []string{"muscat", "rubinstein", "jpoa-2013"} {
		p, err := resolve(load(t, name), DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		w := newPlayer(p)
		for i := range 200 {
			w.play(i)
		}
		i := 200
		if n := testing.AllocsPerRun(200, func() { w.play(i); i++ }); n != 0 {
			t.Errorf("%s: %v allocations per episode; want 0", name, n)
		}
	}
}

// TestConfigErrors checks that a bad configuration is refused with a
// message naming the field.
func TestConfigErrors(t *testing.T) {
	s := load(t, "muscat")
	for _, c := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"episodes", func(c *Config) { c.Episodes = 0 }, "episodes: 0; want 1 … 1000000000"},
		{"episodes max int", func(c *Config) { c.Episodes = math.MaxInt }, "episodes: 9223372036854775807; want 1 … 1000000000"}, // issue #13: makechan panic
		{"horizon", func(c *Config) { c.Horizon = 5000 }, "horizon: 5000; want 1 … 1200 rounds"},
		{"workers", func(c *Config) { c.Workers = -1 }, "workers: -1; want 0 (one per CPU) … 256"},
		{"workers huge", func(c *Config) { c.Workers = 100000 }, "workers: 100000; want 0 (one per CPU) … 256"}, // issue #13: 7.8 GB in 15 s
		{"actor", func(c *Config) {
			c.Strategies = map[string]model.Strategy{"oman": {}}
		}, `strategy for "oman": not a principal of muscat; want iran or us`},
	} {
		cfg := DefaultConfig()
		c.edit(&cfg)
		if _, err := Run(context.Background(), s, cfg); err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v; want %q", c.name, err, c.want)
		}
	}
}

// TestPartialIsShorterRun checks that a run stopped by its context keeps
// the whole blocks it finished, marked Partial, and that they are exactly
// a run of that many episodes: the interrupted work is not lost (issue
// #13, failure 8).
func TestPartialIsShorterRun(t *testing.T) {
	s := load(t, "rubinstein")
	cfg := DefaultConfig()
	cfg.Episodes, cfg.Workers = MaxEpisodes, 2
	var partial *Result
	var err error
	for wait := 100 * time.Millisecond; partial == nil && wait < 30*time.Second; wait *= 4 { // longer under -race on a busy machine
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		partial, err = Run(ctx, s, cfg)
		cancel()
	}
	if err != context.DeadlineExceeded || partial == nil || !partial.Partial || partial.Episodes%blockSize != 0 {
		t.Fatalf("Run = %+v, %v; want a partial result of whole blocks and the context's error", partial, err)
	}
	cfg.Episodes = int(partial.Episodes)
	full, err := Run(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	full.Partial = true
	if pj, fj := mustJSON(t, partial), mustJSON(t, full); pj != fj {
		t.Errorf("the partial result of %d episodes differs from a run of that many", partial.Episodes)
	}
}

// TestCancel checks that Run stops when its context is cancelled.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, load(t, "muscat"), DefaultConfig()); err != context.Canceled {
		t.Errorf("error %v; want context.Canceled", err)
	}
}

// mustJSON returns v as JSON.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
