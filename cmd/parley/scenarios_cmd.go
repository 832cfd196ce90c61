package main

import (
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
	"github.com/spf13/pflag"
)

var scenariosCmd = &command{
	name:  "scenarios",
	short: "list the embedded scenarios",
	long: `List the scenarios built into parley: each one's name, a one-line summary,
its actors (with their roles) and the issues bargained over. Any command
that takes a SCENARIO accepts these names.`,
	examples: []string{
		"parley scenarios",
		"parley scenarios --format json",
		"parley scenarios --format markdown",
	},
	flags:  func(fs *pflag.FlagSet) any { return formatFlag(fs, "table", "csv", "json", "markdown") },
	run:    runScenarios,
	writes: true,
	fits:   true,
}

// scenarioSummary is one row of `parley scenarios`; its JSON field names are stable.
type scenarioSummary struct {
	Name        string         `json:"name"`
	Summary     string         `json:"summary"`
	Description string         `json:"description"`
	Start       string         `json:"start,omitempty"`
	Horizon     int            `json:"horizon"`
	Round       string         `json:"round"`
	Actors      []actorSummary `json:"actors"`
	Issues      []string       `json:"issues"`
}

type actorSummary struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

func runScenarios(e *env, opts any, args []string) error {
	format := opts.(*outputFormat).name
	if len(args) > 0 {
		return usagef("takes no arguments, got %q", args)
	}
	var list []scenarioSummary
	for _, name := range scenarios.Names() {
		s, err := scenarios.Load(name)
		if err != nil {
			return err
		}
		list = append(list, summarize(s))
	}
	if format == "json" {
		return writeJSON(e.stdout, list)
	}
	t := &table{header: []string{"scenario", "summary", "actors", "issues"}}
	for _, s := range list {
		actors := make([]string, len(s.Actors))
		for i, a := range s.Actors {
			actors[i] = a.Name
			if a.Role != model.Principal.String() {
				actors[i] += " (" + a.Role + ")"
			}
		}
		t.rows = append(t.rows, []string{s.Name, s.Summary, strings.Join(actors, ", "), strings.Join(s.Issues, ", ")})
	}
	return t.write(e.stdout, e.layout(format))
}

func summarize(s *model.Scenario) scenarioSummary {
	sum := scenarioSummary{Name: s.Name, Summary: s.Summary, Description: s.Description,
		Start: s.Start, Horizon: s.Horizon, Round: s.Round}
	for _, a := range s.Actors {
		sum.Actors = append(sum.Actors, actorSummary{a.Name, a.Role.String()})
	}
	for _, is := range s.Issues {
		sum.Issues = append(sum.Issues, is.Name)
	}
	return sum
}
