package history

import (
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
)

var outcomes = []string{"comprehensive", "interim", "collapsed", "stalemate", "breakdown", "escalation"}

func TestCheck(t *testing.T) {
	scn := &model.Scenario{Name: "jpoa-2013", Start: "2013-08", Round: "month", Horizon: 72}
	for _, c := range []struct {
		name, in string
		horizon  int
		want     []string // error prefixes; none for a history that fits
	}{
		{"fits", good, 72, nil},
		{"other start", strings.Replace(good, "start: 2013-08", "start: 2013-09", 1), 72, []string{
			"h.yaml:2:8: start: 2013-09, but scenario jpoa-2013 starts in 2013-08"}},
		{"observed beyond the run", good, 48, []string{
			"h.yaml:3:11: observed: 72 rounds, beyond the 48 rounds played",
			"h.yaml:7:8: state: the outcome at the horizon (round 48), but 72 rounds are observed"}},
		{"state before the horizon", strings.Replace(good, "observed: 72", "observed: 30", 1), 72, []string{
			"h.yaml:7:8: state: the outcome at the horizon (round 72), but 30 rounds are observed"}},
		{"not a state", strings.Replace(good, "state: collapsed", "state: collapse", 1), 72, []string{
			`h.yaml:7:8: state: "collapse" is not an outcome class; want one of comprehensive, interim, collapsed`}},
		{"round against date", strings.Replace(good, "round: 24", "round: 23", 1), 72, []string{
			"h.yaml:6:5: events[1].round: round 23, but 2015-07 is round 24 of a scenario that starts in 2013-08; want 24"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, err := Parse("h.yaml", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			err = h.Check(scn, c.horizon, outcomes)
			if c.want == nil {
				if err != nil {
					t.Fatalf("Check: %v; want none", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(c.want) {
				t.Fatalf("got %d errors:\n%s\nwant %q", len(got), err, c.want)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %d: %q, want it to start %q", i, got[i], w)
				}
			}
		})
	}
}
