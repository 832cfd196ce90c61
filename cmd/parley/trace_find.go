package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
)

// findLimit is how many episodes trace --outcome and --find search by
// default, from --episode on: about a second on muscat (50 µs an episode,
// measured; 4 s on rubinstein, 215 µs), and enough for an outcome of
// probability 0.1% to be missed in only one seed in e²⁰.
const findLimit = 20000

// A condition is a kind of episode trace --find looks for.
type condition struct {
	name, meaning string
	holds         func(e *sim.Episode) bool
}

// conditions are the kinds of episode --find knows, in the order --help
// lists them.
var conditions = []condition{
	{"deal", "a deal of any kind is reached", func(e *sim.Episode) bool { return e.FirstAgreement > 0 }},
	{"interim-then-comprehensive", "an interim deal in force becomes a comprehensive one (the stepping stone)",
		func(e *sim.Episode) bool { return e.Upgrade > 0 }},
	{"comprehensive-first", "the first deal is comprehensive",
		func(e *sim.Episode) bool {
			return e.ComprehensiveAgreement > 0 && e.ComprehensiveAgreement == e.FirstAgreement
		}},
	{"upgraded", "an interim deal in force is upgraded to a comprehensive one", func(e *sim.Episode) bool { return e.Upgrade > 0 }},
	{"renewed", "an interim deal is renewed at expiry", func(e *sim.Episode) bool { return e.Renewals > 0 }},
	{"collapse", "a deal in force is reneged on or voided", func(e *sim.Episode) bool { return e.FirstCollapse > 0 }},
	{"walked-away", "a side walks away", func(e *sim.Episode) bool { return e.WalkedAway > 0 }},
	{"mediated", "a deal comes from the mediator's bridging package", func(e *sim.Episode) bool { return e.Mediated > 0 }},
	{"ratification-failed", "ratifiers turn down a comprehensive deal", func(e *sim.Episode) bool { return e.RatificationFailures > 0 }},
	{"reneged", "a side reneges on a deal", func(e *sim.Episode) bool { return e.Reneged[0] || e.Reneged[1] }},
	{"strike", "a strike opens a conflict phase", func(e *sim.Episode) bool { return e.Strikes > 0 }},
	{"resumed", "talks resume after a strike", func(e *sim.Episode) bool { return e.Resumed > 0 }},
	{"strike-then-deal", "talks resume after a strike and reach a deal", func(e *sim.Episode) bool { return e.DealAfterStrike > 0 }},
}

// conditionNames lists the conditions' names.
func conditionNames() []string {
	names := make([]string, len(conditions))
	for i, c := range conditions {
		names[i] = c.name
	}
	return names
}

// outcomeNames lists the outcome classes' names.
func outcomeNames() []string {
	var names []string
	for _, o := range sim.Outcomes() {
		names = append(names, o.String())
	}
	return names
}

// A search is what trace --outcome and --find asked for and found; its
// JSON field names are stable.
type search struct {
	Outcome  string   `json:"outcome,omitempty"` // the outcome class asked for
	Find     []string `json:"find,omitempty"`    // the conditions asked for, all of which hold
	From     int      `json:"from"`              // the first episode searched
	Searched int      `json:"searched"`          // episodes played to find it, the one found included
	limit    int
	matches  []func(*sim.Episode) bool
}

// newSearch checks --search, --outcome and --find: nil when neither of
// the last two is given.
func newSearch(outcome string, find []string, from, limit int) (*search, error) {
	if limit < 1 || limit > sim.MaxEpisodes {
		return nil, usagef("--search %d: want 1 … %d episodes", limit, sim.MaxEpisodes)
	}
	if outcome == "" && len(find) == 0 {
		return nil, nil
	}
	sr := &search{Outcome: outcome, Find: find, From: from, limit: limit}
	if outcome != "" {
		names := outcomeNames()
		if !slices.Contains(names, outcome) {
			return nil, usagef("--outcome %s: want one of %s%s", outcome, strings.Join(names, ", "), suggest.Hint(outcome, names))
		}
		sr.matches = append(sr.matches, func(e *sim.Episode) bool { return e.Outcome.String() == outcome })
	}
	for _, name := range find {
		k := -1
		for i, c := range conditions {
			if c.name == name {
				k = i
			}
		}
		if k < 0 {
			return nil, usagef("--find %s: want one of %s%s", name, strings.Join(conditionNames(), ", "), suggest.Hint(name, conditionNames()))
		}
		sr.matches = append(sr.matches, conditions[k].holds)
	}
	return sr, nil
}

// what says in words what the search looks for.
func (sr *search) what() string {
	var parts []string
	if sr.Outcome != "" {
		parts = append(parts, "that ends "+outcomePhrase(sr.Outcome))
	}
	var clauses []string
	for _, name := range sr.Find {
		for _, c := range conditions {
			if c.name == name {
				clauses = append(clauses, c.meaning)
			}
		}
	}
	if len(clauses) > 0 {
		parts = append(parts, "in which "+strings.Join(clauses, " and "))
	}
	return strings.Join(parts, " and ")
}

// outcomePhrase says how an episode of an outcome class ends.
func outcomePhrase(outcome string) string {
	switch outcome {
	case "comprehensive", "interim":
		return "with " + article(outcome) + " deal in force"
	case "escalation":
		return "in escalation"
	}
	return outcome
}

// find plays episodes from sr.From on and returns the first of which every
// condition holds.
func (sr *search) find(s *model.Scenario, cfg sim.Config) (int, error) {
	last := min(sr.From+sr.limit, sim.MaxEpisodes)
	cfg.Episodes = last
	for i := sr.From; i < last; i++ {
		ep, err := sim.Play(s, cfg, i)
		if err != nil {
			return 0, err
		}
		sr.Searched = i - sr.From + 1
		if sr.holds(&ep) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("no episode of seed %d from %d to %d %s; try another --seed, --strategy or --episode to search from",
		cfg.Seed, sr.From, last-1, sr.what())
}

func (sr *search) holds(e *sim.Episode) bool {
	for _, m := range sr.matches {
		if !m(e) {
			return false
		}
	}
	return true
}

// sentence says which episode the search found.
func (sr *search) sentence(tr *sim.EpisodeTrace) string {
	return fmt.Sprintf("Episode %d is the first episode of seed %d, from episode %d on, %s: %s played to find it.",
		tr.Episode, tr.Seed, sr.From, sr.what(), text.Count(sr.Searched, "episode"))
}
