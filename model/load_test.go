package model

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// minimal is the smallest valid scenario: two principals, one issue.
const minimal = `name: minimal
description: Two sides split a pie.
horizon: 10
issues:
  share: {min: 0, max: 1}
actors:
  a:
    role: principal
    discount: 0.9
    reservation: {value: 0}
    utility:
      weights: {share: 1}
      values: {share: {shape: linear, ideal: 1}}
  b:
    role: principal
    discount: 0.8
    reservation: {value: 0}
    utility:
      weights: {share: 1}
      values: {share: {shape: linear, ideal: 0}}
`

func loadString(t *testing.T, name, text string, files map[string]string) (*Scenario, error) {
	t.Helper()
	resolve := func(ref, from string) (Source, error) {
		data, ok := files[ref]
		if !ok {
			return Source{}, os.ErrNotExist
		}
		return Source{Name: ref, Data: []byte(data)}, nil
	}
	return Load(Source{Name: name, Data: []byte(text)}, resolve)
}

// checkErrors checks that err is an ErrorList of exactly the wanted
// errors, in order.
func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error %v is %T, want an ErrorList", err, err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
}

func TestLoadMinimal(t *testing.T) {
	s, err := loadString(t, "minimal.yaml", minimal, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "minimal" || s.Horizon != 10 || len(s.Issues) != 1 || len(s.Actors) != 2 {
		t.Errorf("got %+v", s)
	}
	if got := s.Principals(); got != [2]int{0, 1} {
		t.Errorf("Principals() = %v, want [0 1]", got)
	}
	// Defaults from docs/scenario-format.md.
	a := s.Actors[0]
	if a.BeliefNoise.Value != 0.1 || a.Concession.Boulware.Value != 0.5 || a.Concession.Conceder.Value != 2 ||
		a.Strategy != (Strategy{ComprehensiveOnly, LinearTactic}) || s.Round != "month" ||
		s.Protocol.WalkAwayPatience != 10 || s.Protocol.FirstProposer != 0 || !s.Deals.Ratification {
		t.Errorf("defaults not applied: %+v %+v", a, s.Protocol)
	}
}

// TestLoadErrors checks that each kind of mistake is reported with its
// position, field path and what would be valid.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // every error, in order
	}{
		{"unknown top-level field", minimal + "colour: blue\n",
			[]string{"f.yaml:21:1: colour: unknown field; valid fields here: name, summary, description, extends, start, round, horizon, issues, actors, deals, shocks, protocol"}},
		{"discount out of range", strings.Replace(minimal, "discount: 0.9", "discount: 1.2", 1),
			[]string{"f.yaml:9:15: actors.a.discount: 1.2 is out of range; want a number in (0, 1]"}},
		{"discount zero", strings.Replace(minimal, "discount: 0.9", "discount: 0", 1),
			[]string{"f.yaml:9:15: actors.a.discount: 0 is out of range; want a number in (0, 1]"}},
		{"weights do not sum to one", strings.Replace(minimal, "weights: {share: 1}", "weights: {share: 0.8}", 1),
			[]string{"f.yaml:12:16: actors.a.utility.weights: central values sum to 0.8; want 1 (±0.001)"}},
		{"min above max", strings.Replace(minimal, "{min: 0, max: 1}", "{min: 2, max: 1}", 1),
			[]string{"f.yaml:5:24: issues.share.max: max 1 ≤ min 2; want min < max"}},
		// issue #13 failure 1: max − min overflowed float64 and the engine panicked.
		{"range beyond float64", strings.Replace(minimal, "{min: 0, max: 1}", "{min: -9e307, max: 9e307}", 1),
			[]string{"f.yaml:5:16: issues.share.min: -9e+307 is beyond ±1e+15; want levels within ±1e+15 (rescale the unit, e.g. to billions)"}},
		{"range too narrow", strings.Replace(minimal, "{min: 0, max: 1}", "{min: 1e12, max: 1000000000000.0001}", 1),
			[]string{"f.yaml:5:27: issues.share.max: the range [1000000000000, 1.0000000000000001e+12] is too narrow for levels of its size; want max − min at least 1e-09 times the largest level, and at least 1e-09 (rescale the unit or shift the levels)"}},
		// issue #13 failure 7: 1e999 said "want a number".
		{"number beyond float64", strings.Replace(minimal, "discount: 0.9", "discount: 1e999", 1),
			[]string{`f.yaml:9:15: actors.a.discount: "1e999"; want a number of magnitude below 1.8e308, the largest a float64 holds`}},
		// issue #13 deliverable 6: validate /etc/shadow quoted every line as an unknown field.
		{"not a scenario: its content is not shown", "root:$6$SECRET:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n",
			[]string{"f.yaml:1:1: not a scenario file: none of its top-level keys is a scenario field or close to one; want a scenario mapping with name, description, horizon, issues and actors (its content is not shown)"}},
		{"near misses are still corrected", "Name: x\n",
			[]string{"f.yaml:1:1: Name: unknown field; valid fields here: name, summary, description, extends, start, round, horizon, issues, actors, deals, shocks, protocol; did you mean name?",
				"f.yaml:1:1: name: missing; this field is required", "f.yaml:1:1: description: missing; this field is required",
				"f.yaml:1:1: horizon: missing; this field is required", "f.yaml:1:1: issues: missing; this field is required",
				"f.yaml:1:1: actors: missing; this field is required"}},
		{"horizon zero", strings.Replace(minimal, "horizon: 10", "horizon: 0", 1),
			[]string{"f.yaml:3:10: horizon: 0 is out of range; want a whole number in [1, 1200]"}},
		{"horizon absurd", strings.Replace(minimal, "horizon: 10", "horizon: 1000000", 1),
			[]string{"f.yaml:3:10: horizon: 1000000 is out of range; want a whole number in [1, 1200]"}},
		{"wrong type", strings.Replace(minimal, "horizon: 10", "horizon: soon", 1),
			[]string{`f.yaml:3:10: horizon: "soon"; want a number`}},
		{"unknown issue in weights", strings.Replace(minimal, "weights: {share: 1}\n      values: {share: {shape: linear, ideal: 1}}", "weights: {share: 1, cake: 0}\n      values: {share: {shape: linear, ideal: 1}}", 1),
			[]string{"f.yaml:12:27: actors.a.utility.weights.cake: no issue named cake; issues: share"}},
		{"duplicate key", strings.Replace(minimal, "discount: 0.9", "discount: 0.9\n    discount: 0.8", 1),
			[]string{"f.yaml:10:5: actors.a.discount: duplicate key; it was first given on line 9"}},
		{"bad distribution", strings.Replace(minimal, "discount: 0.9", "discount: {triangular: [0.9, 0.8, 0.95]}", 1),
			[]string{"f.yaml:9:28: actors.a.discount.triangular: {triangular: [0.9, 0.8, 0.95]}: want lo ≤ mode ≤ hi and lo < hi"}},
		{"distribution out of range", strings.Replace(minimal, "discount: 0.9", "discount: {uniform: [0.9, 1.1]}", 1),
			[]string{"f.yaml:9:15: actors.a.discount: support [0.9, 1.1] is out of range; want a distribution within (0, 1]"}},
		{"unknown distribution", strings.Replace(minimal, "discount: 0.9", "discount: {gamma: [1, 2]}", 1),
			[]string{`f.yaml:9:16: actors.a.discount: unknown distribution "gamma"; want a number, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {pert: [lo, mode, hi]} or {truncnormal: [mean, sd, lo, hi]}`}},
		{"one principal", strings.Replace(minimal, "  b:\n    role: principal", "  b:\n    role: mediator", 1),
			[]string{
				"f.yaml:7:3: actors: 1 principal; want exactly 2 actors with role: principal",
				"f.yaml:15:5: actors.b.credibility: missing; this field is required",
				"f.yaml:16:5: actors.b.discount: unknown field; valid fields here: role, label, objectives, credibility, noise_reduction, bridging, mediated_reneging",
				"f.yaml:17:5: actors.b.reservation: unknown field; valid fields here: role, label, objectives, credibility, noise_reduction, bridging, mediated_reneging",
				"f.yaml:18:5: actors.b.utility: unknown field; valid fields here: role, label, objectives, credibility, noise_reduction, bridging, mediated_reneging",
			}},
		{"missing required", strings.Replace(minimal, "    reservation: {value: 0}\n", "", 1),
			[]string{"f.yaml:8:5: actors.a.reservation: missing; this field is required"}},
		{"strategy not listed", strings.Replace(minimal, "discount: 0.9", "discount: 0.9\n    strategies: [interim-first/boulware]\n    strategy: hold-out/fixed", 1),
			[]string{"f.yaml:11:15: actors.a.strategy: hold-out/fixed is not in strategies; want one of interim-first/boulware"}},
		{"unknown tactic", strings.Replace(minimal, "discount: 0.9", "discount: 0.9\n    strategies: [interim-first/stubborn]", 1),
			[]string{`f.yaml:10:18: actors.a.strategies[0]: unknown tactic "stubborn"; want one of boulware, linear, conceder, tit-for-tat, fixed, subgame-perfect`}},
		{"probability above one", minimal + "shocks:\n  storm:\n    hazard: 1.5\n    effects: {pause: 1}\n",
			[]string{"f.yaml:23:13: shocks.storm.hazard: 1.5 is out of range; want a number in [0, 1]"}},
		{"reference to missing actor", minimal + "protocol:\n  first_proposer: c\n",
			[]string{`f.yaml:22:19: protocol.first_proposer: "c" is not a principal; want one of a, b`}},
		{"linear with interior ideal", strings.Replace(minimal, "{shape: linear, ideal: 1}", "{shape: linear, ideal: 0.5}", 1),
			[]string{"f.yaml:13:46: actors.a.utility.values.share.ideal: 0.5; a linear value function's ideal is the issue's min (0) or max (1); use single-peaked for an ideal inside the range"}},
		{"red line without a direction",
			strings.NewReplacer("  share: {min: 0, max: 1}\n", "  share: {min: 0, max: 1}\n  extra: {min: 0, max: 1}\n",
				"weights: {share: 1}", "weights: {share: 1, extra: 0}",
				"    discount: 0.9\n", "    discount: 0.9\n    red_lines: {extra: 0.5}\n").Replace(minimal),
			[]string{
				"f.yaml:11:17: actors.a.red_lines.extra: a has no value function for extra, so the red line has no direction; give it one in utility.values",
			}},
		{"empty effect", minimal + "shocks:\n  s:\n    hazard: 0.1\n    effects: {reneging: {}}\n",
			[]string{"f.yaml:24:25: shocks.s.effects.reneging: empty; name at least an actor, or leave the field out"}},
		{"effects that are all empty", minimal + "shocks:\n  s:\n    hazard: 0.1\n    effects: {reservation: ~, red_lines: {a: ~}}\n",
			[]string{"f.yaml:24:14: shocks.s.effects: no effects; want at least one of reservation, red_lines, ratification_bar, escalation, reneging, pause, void_interim, duration, latency"}},
		{"shift of a missing red line", minimal + "shocks:\n  s:\n    hazard: 0.1\n    effects: {red_lines: {a: {share: 0.1}}}\n",
			[]string{"f.yaml:24:31: shocks.s.effects.red_lines.a.share: a has no red line on share to shift; give it one in actors.a.red_lines"}},
		{"duration without escalation", minimal + "shocks:\n  s:\n    hazard: 0.1\n    effects: {pause: 1, duration: 2}\n",
			[]string{"f.yaml:24:25: shocks.s.effects.duration: duration is how long the escalation multiplier lasts; want it only with escalation"}},
		{"merge key", strings.Replace(minimal, "  b:\n    role: principal\n    discount: 0.8\n", "  b:\n    <<: {role: principal}\n    discount: 0.8\n", 1),
			[]string{
				"f.yaml:7:3: actors: 1 principal; want exactly 2 actors with role: principal",
				"f.yaml:15:5: merge keys (<<) are not supported; write the fields out, or use a variant (extends)",
				"f.yaml:15:5: actors.b.role: missing; want one of principal, mediator, ratifier",
			}},
		{"leading zero", strings.Replace(minimal, "horizon: 10", "horizon: 010", 1),
			[]string{`f.yaml:3:10: horizon: "010"; want a number without a leading zero (YAML may read 010 as octal 8)`}},
		{"yes is not a boolean", minimal + "deals:\n  comprehensive: {ratification: yes}\n",
			[]string{`f.yaml:22:33: deals.comprehensive.ratification: "yes"; want true or false`}},
		{"control character", "name: pie\ndescription: a\x01b\n",
			[]string{"f.yaml:2:15: invalid YAML: control characters are not allowed"}},
		{"every error together", strings.Replace(strings.Replace(minimal, "discount: 0.9", "discount: 2", 1), "discount: 0.8", "discount: -1", 1) + "extra: 1\n",
			[]string{
				"f.yaml:9:15: actors.a.discount: 2 is out of range; want a number in (0, 1]",
				"f.yaml:16:15: actors.b.discount: -1 is out of range; want a number in (0, 1]",
				"f.yaml:21:1: extra: unknown field; valid fields here: name, summary, description, extends, start, round, horizon, issues, actors, deals, shocks, protocol",
			}},
		{"empty file", "", []string{"f.yaml: file is empty; want a scenario mapping with name, description, horizon, issues and actors"}},
		{"not a mapping", "- 1\n- 2\n", []string{"f.yaml:1:1: a list; want a scenario mapping with name, description, horizon, issues and actors"}},
		{"invalid YAML", "name: [unclosed\n", []string{"f.yaml:1:1: invalid YAML: did not find expected ',' or ']'"}},
		{"two documents", minimal + "---\nname: other\n", []string{"f.yaml:21:1: more than one YAML document; want exactly one"}},
		{"binary", "name: \x00\x01", []string{"f.yaml:1:7: a NUL byte; want a YAML text file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadString(t, "f.yaml", tt.text, nil)
			checkErrors(t, err, tt.want)
		})
	}
}

func TestVariants(t *testing.T) {
	files := map[string]string{"minimal": minimal}
	variant := `name: v
description: Minimal with a patient side.
extends: minimal
overrides:
  actors.a.discount: 0.99
  actors.b.reservation: {value: 0.1, drift: 0.01}
  shocks: {storm: {hazard: 0.1, effects: {pause: 2}}}
scale:
  actors.b.discount: 0.5
`
	s, err := loadString(t, "v.yaml", variant, files)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "v" || s.Description != "Minimal with a patient side." {
		t.Errorf("name, description = %q, %q", s.Name, s.Description)
	}
	if got := s.Actors[0].Discount.Value; got != 0.99 {
		t.Errorf("overridden discount = %v, want 0.99", got)
	}
	if got := s.Actors[1].Discount.Value; got != 0.4 { // 0.8 × 0.5
		t.Errorf("scaled discount = %v, want 0.4", got)
	}
	if got := s.Actors[1].Reservation.Drift.Value; got != 0.01 {
		t.Errorf("overridden drift = %v, want 0.01", got)
	}
	if len(s.Shocks) != 1 || s.Shocks[0].Name != "storm" {
		t.Errorf("shocks = %+v, want storm", s.Shocks)
	}

	// An override through an anchored mapping changes that path only.
	files["anchored"] = strings.Replace(strings.Replace(minimal, "reservation: {value: 0}", "reservation: &r {value: 0}", 1),
		"reservation: {value: 0}", "reservation: *r", 1)
	anchored, err := loadString(t, "v.yaml", "name: v\ndescription: d\nextends: anchored\noverrides:\n  actors.a.reservation.value: 0.3\n", files)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := anchored.Actors[0].Reservation.Value.Value, anchored.Actors[1].Reservation.Value.Value; a != 0.3 || b != 0 {
		t.Errorf("reservation values %v and %v, want 0.3 and 0 (the alias must keep the baseline's value)", a, b)
	}

	base, err := loadString(t, "minimal", minimal, nil)
	if err != nil {
		t.Fatal(err)
	}
	if base.Actors[1].Utility.Weights[0].key != s.Actors[1].Utility.Weights[0].key {
		t.Error("a variant must draw shared fields from the same stream as its baseline")
	}
}

func TestVariantErrors(t *testing.T) {
	files := map[string]string{
		"minimal": minimal,
		"loop-a":  "name: loop-a\ndescription: d\nextends: loop-b\n",
		"loop-b":  "name: loop-b\ndescription: d\nextends: loop-a\n",
		"shadow":  "root:$6$SECRET:19000:0:99999:7:::\n",
		"compose": "services:\n  web: {image: SECRET}\n",
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"error in override is reported in the variant",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.a.discount: 3\n",
			[]string{"v.yaml:5:22: actors.a.discount: 3 is out of range; want a number in (0, 1]"}},
		{"scaled out of range",
			"name: v\ndescription: d\nextends: minimal\nscale:\n  actors.a.discount: 2\n",
			[]string{"v.yaml:5:22: actors.a.discount: 1.8 is out of range; want a number in (0, 1]"}},
		{"missing parent",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.c.discount: 0.5\n",
			[]string{"v.yaml:5:3: overrides.actors.c.discount: actors.c is no such field in the scenario extended; want a path to an existing field or a new key of an existing mapping"}},
		{"misspelled parent: the near key is suggested",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.aa.discount: 0.5\n",
			[]string{"v.yaml:5:3: overrides.actors.aa.discount: actors.aa is no such field in the scenario extended; want a path to an existing field or a new key of an existing mapping; did you mean a?"}},
		{"misspelled field: the near field is suggested",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.a.dicount: 0.5\n",
			[]string{"v.yaml:5:3: actors.a.dicount: unknown field; valid fields here: role, label, objectives, discount, reservation, utility, red_lines, red_line_yield, distrust, belief_noise, concession, reneging, hold_out, strategies, strategy; did you mean discount?"}},
		{"other fields in a variant",
			"name: v\ndescription: d\nextends: minimal\nhorizon: 5\n",
			[]string{"v.yaml:4:1: horizon: unknown field; valid fields here: name, summary, description, extends, overrides, scale"}},
		// issue #13 failure 6: extends: /etc/shadow printed its lines.
		{"base not a scenario: its content is not shown",
			"name: v\ndescription: d\nextends: shadow\n",
			[]string{"v.yaml:3:10: extends: shadow is not a scenario file; want a YAML mapping with name, description and horizon or extends (its content is not shown)"}},
		{"base a mapping but not a scenario",
			"name: v\ndescription: d\nextends: compose\n",
			[]string{"v.yaml:3:10: extends: compose is not a scenario file; want a YAML mapping with name, description and horizon or extends (its content is not shown)"}},
		{"unknown base",
			"name: v\ndescription: d\nextends: nowhere\n",
			[]string{"v.yaml:3:10: extends: file does not exist"}},
		{"cycle",
			"name: v\ndescription: d\nextends: loop-a\n",
			[]string{`loop-b:3:10: extends: "loop-a" makes a cycle v.yaml → loop-a → loop-b → loop-a; want a chain that ends in a scenario without extends`}},
		{"duplicate override",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.a.discount: 0.5\n  actors.a.discount: 0.7\n",
			[]string{"v.yaml:6:3: overrides.actors.a.discount: duplicate key; it was first given on line 5"}},
		{"missing description does not hide the rest",
			"name: v\nextends: minimal\noverrides:\n  actors.a.discount: 5\n",
			[]string{
				"v.yaml:1:1: description: missing; this field is required",
				"v.yaml:4:22: actors.a.discount: 5 is out of range; want a number in (0, 1]",
			}},
		{"overriding extends",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  extends: other\n",
			[]string{"v.yaml:5:3: extends: only a variant's own file may name its baseline, not an override; want extends at the top of the variant"}},
		{"weights broken by an override",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.a.utility.weights.share: 0.5\n",
			[]string{"v.yaml:5:3: actors.a.utility.weights: central values sum to 0.5; want 1 (±0.001) (at minimal:12:16 in the scenario extended)"}},
		{"removing a required field",
			"name: v\ndescription: d\nextends: minimal\noverrides:\n  actors.a.discount: null\n",
			[]string{"v.yaml:5:3: actors.a.discount: missing; this field is required (at minimal:8:5 in the scenario extended)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadString(t, "v.yaml", tt.text, files)
			checkErrors(t, err, tt.want)
		})
	}
}

// TestRoundTrip checks that a scenario written by MarshalYAML loads back
// to the same Scenario.
func TestRoundTrip(t *testing.T) {
	for _, file := range []string{"testdata/small.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Load(Source{Name: file, Data: data}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Load(Source{Name: file, Data: out}, nil)
		if err != nil {
			t.Fatalf("reloading the shown scenario: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(s, back) {
			t.Errorf("round trip changed the scenario:\n%s", out)
		}
	}
}

func TestLoadLimits(t *testing.T) {
	t.Run("huge file", func(t *testing.T) {
		data := []byte(minimal + "# " + strings.Repeat("x", MaxFileSize) + "\n")
		_, err := Load(Source{Name: "big.yaml", Data: data}, nil)
		want := "big.yaml: file is larger than 1048576 bytes (1 MiB); want a smaller scenario"
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	})
	t.Run("alias expansion", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("w: &w {")
		for i := range 5000 {
			fmt.Fprintf(&b, "k%d: 0, ", i)
		}
		b.WriteString("}\n" + strings.Replace(minimal, "w: &w", "", 1) + "shocks:\n")
		for i := range 64 {
			fmt.Fprintf(&b, "  s%d: {hazard: 0, effects: {reservation: *w, reneging: *w, ratification_bar: *w}}\n", i)
		}
		start := time.Now()
		_, err := Load(Source{Name: "bomb.yaml", Data: []byte(b.String())}, nil)
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("took %v; the alias budget should stop it in well under a second", elapsed)
		}
		if err == nil || !strings.Contains(err.Error(), "expands through aliases") {
			t.Errorf("got %v, want the alias budget error", err)
		}
	})
	t.Run("error cap", func(t *testing.T) {
		text := minimal
		for i := range 150 {
			text += fmt.Sprintf("extra%d: 1\n", i)
		}
		_, err := Load(Source{Name: "many.yaml", Data: []byte(text)}, nil)
		list, ok := err.(ErrorList)
		if !ok || len(list) != maxErrors+1 || list[maxErrors].Msg != "50 more errors not shown; fix these first" {
			t.Errorf("got %d errors ending %v; want %d and a count of the rest", len(list), list[len(list)-1], maxErrors)
		}
	})
}
