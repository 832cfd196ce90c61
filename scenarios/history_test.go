package scenarios

import (
	"slices"
	"testing"

	"github.com/parley-sim/parley/model/history"
)

// historical are the scenarios back-tested against what happened (issue #11).
var historical = []string{"islamabad-2026", "jpoa-2013", "muscat", "vienna-2021"}

// TestHistoriesFitTheirScenarios checks that each historical scenario
// ships a history that parses and names it and its start (sim's
// TestShippedHistoriesFit checks the rest, with the outcome classes).
func TestHistoriesFitTheirScenarios(t *testing.T) {
	if got := HistoryNames(); !slices.Equal(got, historical) {
		t.Errorf("HistoryNames() = %v, want %v", got, historical)
	}
	for _, name := range historical {
		src, ok := History(name)
		if !ok {
			t.Errorf("%s ships no history", name)
			continue
		}
		h, err := history.Parse(src.Name, src.Data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if h.Scenario != name || h.Start != s.Start {
			t.Errorf("%s: the history of %s from %s, want %s from %s", src.Name, h.Scenario, h.Start, name, s.Start)
		}
		if len(h.Events) == 0 {
			t.Errorf("%s records no event", src.Name)
		}
	}
}
