package history

import (
	"strings"
	"testing"
)

const good = `scenario: jpoa-2013
start: 2013-08
observed: 72
events:
  - {kind: interim, round: 4, date: 2013-11, note: JPOA}
  - {kind: comprehensive, round: 24, date: 2015-07, note: JCPOA}
state: collapsed
`

func TestParse(t *testing.T) {
	h, err := Parse("h.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if h.Scenario != "jpoa-2013" || h.Start != "2013-08" || h.Observed != 72 || h.State != "collapsed" || len(h.Events) != 2 {
		t.Fatalf("parsed %+v", h)
	}
	if e, ok := h.First(Comprehensive); !ok || e.Round != 24 || e.Date != "2015-07" || e.Note != "JCPOA" || e.At.Line != 6 {
		t.Errorf("First(Comprehensive) = %+v, %v", e, ok)
	}
	if _, ok := h.First(Strike); ok {
		t.Error("First(Strike) found an event the history does not list")
	}
}

// TestParseErrors checks that every problem is reported, located, with
// what would be valid.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"not yaml", "scenario: [", []string{"h.yaml: not YAML:"}},
		{"empty", "", []string{"h.yaml: empty file; want a mapping"}},
		{"not a mapping", "- 1\n", []string{"h.yaml:1:1: want a mapping of fields"}},
		{"missing", "start: 2013-08\n", []string{
			"h.yaml:1:1: scenario: missing;", "h.yaml:1:1: observed: missing;"}},
		{"unknown field", "scenario: x\nobserved: 3\nevent: []\n", []string{
			"h.yaml:3:1: event: unknown field; valid fields here: scenario, description, start, observed, events, state, state_note; did you mean events?"}},
		// issue #13 deliverable 6: --history /etc/shadow quoted every line as an unknown field.
		{"not a history", "root:$6$SECRET:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n", []string{
			"h.yaml:1:1: not a history file: none of its top-level keys is a history field or close to one; want a mapping with fields scenario, description, start, observed, events, state, state_note (its content is not shown)"}},
		{"twice", "scenario: x\nobserved: 3\nobserved: 4\n", []string{"h.yaml:3:1: observed: given twice"}},
		{"bad month", "scenario: x\nstart: 2013-13\nobserved: 3\n", []string{`h.yaml:2:8: start: "2013-13" is not a month; want YYYY-MM`}},
		{"bad observed", "scenario: x\nobserved: 0\n", []string{`h.yaml:2:11: observed: "0" is not a round in 1 … 1200`}},
		{"float round", "scenario: x\nobserved: 3.5\n", []string{`h.yaml:2:11: observed: "3.5" is not a round`}},
		{"events not a list", "scenario: x\nobserved: 3\nevents: {}\n", []string{"h.yaml:3:9: events: want a list of events"}},
		{"bad kind", "scenario: x\nobserved: 3\nevents:\n  - {kind: strik, round: 1, note: n}\n", []string{
			`h.yaml:4:12: events[0].kind: "strik" is not a milestone; want one of interim, comprehensive, collapse, walkaway, strike, resumption; did you mean strike?`}},
		{"round beyond observed", "scenario: x\nobserved: 3\nevents:\n  - {kind: strike, round: 4, note: n}\n", []string{
			`h.yaml:4:27: events[0].round: "4" is not a round in 1 … 3 (the rounds observed)`}},
		{"event fields missing", "scenario: x\nobserved: 3\nevents:\n  - {kind: strike}\n", []string{
			"h.yaml:4:5: events[0].round: missing", "h.yaml:4:5: events[0].note: missing"}},
		{"out of order", "scenario: x\nobserved: 9\nevents:\n  - {kind: strike, round: 5, note: n}\n  - {kind: interim, round: 2, note: n}\n", []string{
			"h.yaml:5:5: events[1].round: round 2 comes after an event of round 5; list events in order of round"}},
		{"resumption first", "scenario: x\nobserved: 9\nevents:\n  - {kind: resumption, round: 2, note: n}\n", []string{
			"h.yaml:4:5: events[0].kind: resumption with no strike before it"}},
		{"date before start", "scenario: x\nstart: 2013-08\nobserved: 9\nevents:\n  - {kind: strike, round: 2, date: 2013-01, note: n}\n", []string{
			"h.yaml:5:36: events[0].date: 2013-01 is before the history's start 2013-08"}},
		{"alias", "scenario: x\nobserved: 3\nevents:\n  - &e {kind: strike, round: 1, note: n}\n  - *e\n", []string{
			"h.yaml:5:5: events[1]: aliases are not supported"}},
		{"too large", "scenario: x\n" + strings.Repeat("#", MaxSize), []string{"h.yaml: the file is"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("h.yaml", []byte(c.in))
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(c.want) {
				t.Fatalf("got %d errors:\n%s\nwant %d: %q", len(got), err, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %d: %q, want it to start %q", i, got[i], w)
				}
			}
		})
	}
}
