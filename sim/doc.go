// Package sim is Parley's Monte Carlo engine. It plays a scenario's
// negotiation many times, each episode in a world sampled from the
// scenario, and estimates the distribution of outcomes.
//
// An episode runs rounds of shocks, proposals (alternating offers and a
// mediator's bridging packages), responses under private information,
// ratification of comprehensive deals, implementation of the deal in force
// (reneging, detection, expiry and renewal of interim deals), walk-away
// and escalation. Each principal plays a strategy: a deal-structure policy
// and a concession tactic, each a type registered in strategy.go.
// docs/model.md states every mechanism with its equation.
//
// Run plays a scenario and returns a Result; Compare plays two arms on the
// same episodes and returns paired differences; Play replays one episode.
// Episode i draws every random number from a stream derived from
// (Config.Seed, i), and blocks of episodes are merged in order, so results
// are the same, bit for bit, for any number of workers. sim never prints:
// cmd/parley renders what it returns.
package sim
