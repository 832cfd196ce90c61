package main

import (
	"slices"
	"strings"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim"
)

// checkMetrics checks that each key asked for by --metrics selects at
// least one metric a run of s over horizon rounds estimates: a metric's
// key or a group it lies under (outcomes selects outcomes.comprehensive).
// A key that selects none is a usage error naming the groups that are
// valid, not a table silently left without its columns.
func checkMetrics(s *model.Scenario, horizon int, asked []string) error {
	ms := sim.Metrics(s, horizon)
	for _, a := range asked {
		if !slices.ContainsFunc(ms, func(m sim.Metric) bool { return a != "" && selected(m.Key, []string{a}) }) {
			var groups []string
			for _, m := range ms {
				if g, _, _ := strings.Cut(m.Key, "."); !slices.Contains(groups, g) {
					groups = append(groups, g)
				}
			}
			return usagef("--metrics %q: no metric of %s has that key or lies under it; want keys or the groups %s, e.g. outcomes,paths.upgrade (parley run %s -f csv lists every key)",
				a, s.Name, strings.Join(groups, ", "), s.Name)
		}
	}
	return nil
}
