package sim

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/parley-sim/parley/model/history"
	"github.com/parley-sim/parley/scenarios"
)

// parseHistory parses a history written in the test.
func parseHistory(t *testing.T, text string) *history.History {
	t.Helper()
	h, err := history.Parse("test.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func backtestConfig(episodes int) BacktestConfig {
	return BacktestConfig{Config: config(episodes), Window: DefaultWindow}
}

// TestBacktestAgreesWithRun checks that the back-test counts what Run
// counts: P(strike by the horizon) is Run's probability of at least one
// strike, P(talks resumed by the horizon) Run's count of episodes whose
// talks resumed, and P(comprehensive deal by the horizon) Run's share of
// episodes with one, episode for episode.
func TestBacktestAgreesWithRun(t *testing.T) {
	s := load(t, "muscat")
	r, err := Run(context.Background(), s, config(2000))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Backtest(context.Background(), s, parseHistory(t, "scenario: muscat\nobserved: 36\n"), backtestConfig(2000))
	if err != nil {
		t.Fatal(err)
	}
	fits := map[string]MilestoneFit{}
	for _, m := range b.Milestones {
		fits[m.Milestone] = m
	}
	if got, want := fits["strike"].ByRound.K, r.Conflict.Struck.K; got != want {
		t.Errorf("strikes by the horizon: %d episodes; Run counts %d with a strike", got, want)
	}
	if got, want := fits["resumption"].ByRound.K, r.Conflict.Resumed.K; got != want {
		t.Errorf("resumptions by the horizon: %d episodes; Run counts %d", got, want)
	}
	if got, want := fits["comprehensive"].ByRound.K, r.Timing.ComprehensiveAgreement.N; got != want {
		t.Errorf("comprehensive deals by the horizon: %d episodes; Run counts %d", got, want)
	}
	if r.Conflict.Resumed.K == 0 || r.Timing.ComprehensiveAgreement.N == 0 {
		t.Fatal("the run has no resumed talks or no comprehensive deal: the comparison says nothing")
	}
}

// TestBacktestScores checks the scores by hand in no-zopa, where no
// episode reaches a deal or strikes: a history with an interim deal gets
// the smoothed probability ½/(n + 1), one with none (n + ½)/(n + 1), and
// the reference forecast's probabilities are the pooled rates'.
func TestBacktestScores(t *testing.T) {
	const n = 500
	s := load(t, "no-zopa")
	ref := history.Pool([]*history.History{parseHistory(t, "scenario: a\nobserved: 10\nevents:\n  - {kind: interim, round: 5, note: n}\n")})
	cfg := backtestConfig(n)
	cfg.Reference = ref
	for _, c := range []struct {
		name     string
		text     string
		p        float64 // the model's probability of what happened
		logScore float64
		refP     float64
	}{
		{"an interim deal that never comes", "scenario: no-zopa\nobserved: 24\nevents:\n  - {kind: interim, round: 6, note: n}\n",
			0, math.Log(0.5 / (n + 1)), ref.Within(history.Interim, 3, 9)},
		{"no interim deal", "scenario: no-zopa\nobserved: 24\n",
			1, math.Log((n + 0.5) / (n + 1)), ref.None(history.Interim, 24)},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Backtest(context.Background(), s, parseHistory(t, c.text), cfg)
			if err != nil {
				t.Fatal(err)
			}
			m := b.Milestones[history.Interim]
			const tol = 1e-12
			if m.P != c.p || math.Abs(m.Model.LogScore-c.logScore) > tol || math.Abs(m.ReferenceP-c.refP) > tol {
				t.Errorf("p %v, log score %v, reference %v; want %v, %v, %v", m.P, m.Model.LogScore, m.ReferenceP, c.p, c.logScore, c.refP)
			}
			if want := 1 - c.p; math.Abs(m.Model.Brier-want*want) > tol {
				t.Errorf("Brier %v, want (1 − p)² = %v", m.Model.Brier, want*want)
			}
			if m.InRange != (c.p > 0) {
				t.Errorf("in range %v with p %v", m.InRange, c.p)
			}
		})
	}
}

// TestBacktestWorkers checks that the report does not depend on the
// number of workers.
func TestBacktestWorkers(t *testing.T) {
	s := load(t, "jpoa-2013")
	src, _ := scenarios.History("jpoa-2013")
	h, err := history.Parse(src.Name, src.Data)
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for _, w := range []int{1, 3} {
		cfg := backtestConfig(1500)
		cfg.Workers = w
		b, err := Backtest(context.Background(), s, h, cfg)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(b)
		if w == 1 {
			first = string(data)
		} else if string(data) != first {
			t.Errorf("%d workers: report differs from 1 worker", w)
		}
	}
}

// TestBacktestChecksTheHistory checks that a history that does not fit
// the run is refused with its location.
func TestBacktestChecksTheHistory(t *testing.T) {
	_, err := Backtest(context.Background(), load(t, "muscat"), parseHistory(t, "scenario: muscat\nobserved: 40\n"), backtestConfig(10))
	if err == nil || err.Error() != "test.yaml:2:11: observed: 40 rounds, beyond the 36 rounds played; want at most 36 (or a longer --horizon)" {
		t.Errorf("error %v", err)
	}
}

// TestBacktestWindowLimit checks that a window wider than any horizon is
// refused (issue #13: --window 9223372036854775807 overflowed round +
// window, and every milestone scored 0% in the window, the reference
// -Inf%).
func TestBacktestWindowLimit(t *testing.T) {
	cfg := backtestConfig(10)
	cfg.Window = math.MaxInt
	_, err := Backtest(context.Background(), load(t, "jpoa-2013"), parseHistory(t, "scenario: jpoa-2013\nobserved: 10\n"), cfg)
	if err == nil || err.Error() != "window: 9223372036854775807; want 0 … 1200 rounds" {
		t.Errorf("error %v", err)
	}
}

// TestShippedHistoriesFit checks every shipped history against its
// scenario: start, rounds observed, dates and the outcome class.
func TestShippedHistoriesFit(t *testing.T) {
	for _, name := range scenarios.HistoryNames() {
		src, _ := scenarios.History(name)
		h, err := history.Parse(src.Name, src.Data)
		if err != nil {
			t.Fatal(err)
		}
		s := load(t, name)
		if err := h.Check(s, s.Horizon, outcomeNames[:]); err != nil {
			t.Errorf("%v", err)
		}
	}
}
