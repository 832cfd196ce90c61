package sim

import (
	"context"
	"sync"
	"testing"
)

// progressLog records the calls of a Config.Progress and what is wrong
// with them: a count that falls, a total that changes, or a call made
// while another is still running (the callback must never be called
// concurrently).
type progressLog struct {
	busy  sync.Mutex
	calls int
	done  int64
	total int64
	err   string
}

func (l *progressLog) observe(done, total int64) {
	if !l.busy.TryLock() {
		l.err = "called concurrently"
		return
	}
	defer l.busy.Unlock()
	switch {
	case l.err != "":
	case done < l.done || done < 1:
		l.err = "the count fell or did not rise"
	case l.calls > 0 && total != l.total:
		l.err = "the total changed"
	case done > total:
		l.err = "the count passed the total"
	}
	l.calls++
	l.done, l.total = done, total
}

// TestProgress checks, for every function that plays many episodes,
// that Config.Progress is told counts that rise, one at a time, to the
// run's total, at most once per block, and that results with progress
// are byte-identical to results without it. The totals are the
// functions' documented units: episodes, points × episodes for Sweep.
func TestProgress(t *testing.T) {
	muscat, jpoa := load(t, "muscat"), load(t, "jpoa-2013")
	const episodes = 700 // 3 blocks, the last one short: 700 = 2·256 + 188
	const blocks = (episodes + blockSize - 1) / blockSize
	setups := []Setup{{Scenario: muscat}, {Scenario: jpoa}, {Scenario: muscat, Horizon: 12}}
	for _, c := range []struct {
		name   string
		total  int64
		blocks int // at most this many calls
		play   func(cfg Config) (any, error)
	}{
		{"Run", episodes, blocks, func(cfg Config) (any, error) { return Run(context.Background(), muscat, cfg) }},
		{"Compare", episodes, blocks, func(cfg Config) (any, error) { return Compare(context.Background(), setups[:2], cfg) }},
		{"Sweep", 3 * episodes, 3 * blocks, func(cfg Config) (any, error) { return Sweep(context.Background(), setups, cfg) }},
		{"PlayGame", episodes, blocks, func(cfg Config) (any, error) {
			g := firstStrategies(DefaultGameConfig(), muscat, 2)
			g.Config = cfg
			return PlayGame(context.Background(), muscat, g)
		}},
		{"Backtest", episodes, blocks, func(cfg Config) (any, error) {
			h := parseHistory(t, "scenario: muscat\nobserved: 36\n")
			return Backtest(context.Background(), muscat, h, BacktestConfig{Config: cfg, Window: DefaultWindow})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := config(episodes)
			cfg.Workers = 2
			quiet, err := c.play(cfg)
			if err != nil {
				t.Fatal(err)
			}
			var log progressLog
			cfg.Progress = log.observe
			shown, err := c.play(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if log.err != "" || log.done != c.total || log.total != c.total || log.calls > c.blocks {
				t.Errorf("progress: %d calls ending at %d of %d (%s); want at most %d, ending at %d of %d",
					log.calls, log.done, log.total, log.err, c.blocks, c.total, c.total)
			}
			if q, s := mustJSON(t, quiet), mustJSON(t, shown); q != s {
				t.Error("the result with Progress differs from the one without")
			}
		})
	}
}
