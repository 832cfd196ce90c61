package sim_test

import (
	"context"
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/history"
	"github.com/parley-sim/parley/scenarios"
	"github.com/parley-sim/parley/sim"
)

// Run plays Rubinstein's alternating-offers game: every episode ends in a
// comprehensive deal that gives the first proposer (1 − δ2)/(1 − δ1·δ2).
func ExampleRun() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultConfig()
	cfg.Episodes = 1000
	r, err := sim.Run(context.Background(), s, cfg)
	if err != nil {
		panic(err)
	}
	deal := r.Outcomes["comprehensive"]
	fmt.Printf("comprehensive: %.3f [%.3f, %.3f] of %d episodes\n", deal.P, deal.CI95[0], deal.CI95[1], r.Episodes)
	fmt.Printf("first proposer's share: %.6f\n", r.Terms["share"].Mean)
	// Output:
	// comprehensive: 1.000 [0.996, 1.000] of 1000 episodes
	// first proposer's share: 0.714286
}

// Play replays one episode of a run, exactly as Run plays it.
func ExamplePlay() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		panic(err)
	}
	e, err := sim.Play(s, sim.DefaultConfig(), 0)
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Outcome, "in round", e.FirstAgreement)
	// Output:
	// comprehensive in round 1
}

// Compare plays the same episodes under two strategies for one side and
// reports paired differences: here, a United States that insists on a
// comprehensive deal against one that leads with an interim deal.
func ExampleCompare() {
	s, err := scenarios.Load("muscat")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultConfig()
	cfg.Episodes = 4000
	c, err := sim.Compare(context.Background(), []sim.Setup{
		{Scenario: s, Strategies: map[string]model.Strategy{"us": {Policy: model.ComprehensiveOnly, Tactic: model.Conceder}}},
		{Scenario: s, Strategies: map[string]model.Strategy{"us": {Policy: model.InterimFirst, Tactic: model.Conceder}}},
	}, cfg)
	if err != nil {
		panic(err)
	}
	deal := c.Metric("paths.deal")
	d := deal.Differences[0]
	fmt.Printf("any deal: %.3f -> %.3f over %d paired episodes\n", deal.Arms[0].Point(), deal.Arms[1].Point(), d.N)
	fmt.Println("interval excludes 0:", d.CI95[0] > 0)
	// Output:
	// any deal: 0.000 -> 0.396 over 4000 paired episodes
	// interval excludes 0: true
}

// Trace tells one episode round by round: in Rubinstein's game the first
// proposer offers the share 5/7 and the other side accepts at once.
func ExampleTrace() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		panic(err)
	}
	tr, err := sim.Trace(s, sim.DefaultConfig(), 0)
	if err != nil {
		panic(err)
	}
	for _, ev := range tr.Events {
		switch ev.Kind {
		case sim.EventOffer:
			fmt.Printf("round %d: %s offers share %.4f\n", ev.Round, ev.Actor, ev.Package.Terms["share"])
		case sim.EventResponse:
			fmt.Printf("round %d: %s: %s\n", ev.Round, ev.Actor, ev.Reason)
		default:
			fmt.Printf("round %d: %s\n", ev.Round, ev.Kind)
		}
	}
	fmt.Println(tr.Result.Outcome)
	// Output:
	// round 1: first offers share 0.7143
	// round 1: second: accepted
	// round 1: agreement
	// comprehensive
}

// Backtest scores a scenario against a history of what happened: here
// how likely the model finds the interim deal of November 2013 (round 4)
// within three rounds either side, against the naive reference forecast.
func ExampleBacktest() {
	s, err := scenarios.Load("jpoa-2013")
	if err != nil {
		panic(err)
	}
	src, _ := scenarios.History("jpoa-2013")
	h, err := history.Parse(src.Name, src.Data)
	if err != nil {
		panic(err)
	}
	cfg := sim.BacktestConfig{Config: sim.DefaultConfig(), Window: 3, Reference: history.Pool([]*history.History{h})}
	cfg.Episodes = 2000
	b, err := sim.Backtest(context.Background(), s, h, cfg)
	if err != nil {
		panic(err)
	}
	m := b.Milestones[history.Interim]
	fmt.Printf("%s in round %d: model %.3f, reference %.3f, inside the model's 90%% range: %v\n", m.Milestone, m.Round, m.P, m.ReferenceP, m.InRange)
	// Output:
	// interim in round 4: model 0.371, reference 0.918, inside the model's 90% range: true
}

// A Config's Progress is told how far a run has got, from one goroutine,
// as blocks of 256 episodes are merged: what a progress bar needs. With
// one worker, every block is reported; with more, blocks that finish
// together are reported together.
func ExampleConfig_progress() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultConfig()
	cfg.Episodes, cfg.Workers = 600, 1
	cfg.Progress = func(done, total int64) { fmt.Printf("%d of %d\n", done, total) }
	if _, err := sim.Run(context.Background(), s, cfg); err != nil {
		panic(err)
	}
	// Output:
	// 256 of 600
	// 512 of 600
	// 600 of 600
}

// HorizonFor is the horizon a run plays: the scenario's unless the
// Config sets its own.
func ExampleConfig_HorizonFor() {
	s, err := scenarios.Load("muscat")
	if err != nil {
		panic(err)
	}
	cfg := sim.DefaultConfig()
	fmt.Println(cfg.HorizonFor(s))
	cfg.Horizon = 12
	fmt.Println(cfg.HorizonFor(s))
	// Output:
	// 36
	// 12
}
