package main

import (
	"encoding/json"
	"testing"
)

// TestExplainJSONFields checks the stable fields the issue asks for on
// muscat: disagreement and ideal keyed by actor, and the Nash and
// Kalai–Smorodinsky packages with terms keyed by issue and utilities by actor.
func TestExplainJSONFields(t *testing.T) {
	stdout, stderr, code := invoke("explain", "muscat", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type pkg struct {
		Terms     map[string]float64 `json:"terms"`
		Utilities map[string]float64 `json:"utilities"`
	}
	var got struct {
		Disagreement     map[string]float64 `json:"disagreement"`
		Ideal            map[string]float64 `json:"ideal"`
		NashBargaining   *pkg               `json:"nash_bargaining"`
		KalaiSmorodinsky *pkg               `json:"kalai_smorodinsky"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	// muscat's central reservation values (scenarios/muscat.yaml).
	if got.Disagreement["iran"] != 0.47 || got.Disagreement["us"] != 0.54 {
		t.Errorf("disagreement %v, want iran .47, us .54", got.Disagreement)
	}
	if len(got.Ideal) != 2 || got.Ideal["iran"] <= 0.47 || got.Ideal["us"] <= 0.54 {
		t.Errorf("ideal %v, want both sides above their reservation values", got.Ideal)
	}
	for name, p := range map[string]*pkg{"nash_bargaining": got.NashBargaining, "kalai_smorodinsky": got.KalaiSmorodinsky} {
		if p == nil || len(p.Terms) != 5 || len(p.Utilities) != 2 || p.Terms["enrichment"] != 3.67 {
			t.Errorf("%s = %+v, want five terms (enrichment at 3.67, where the red lines meet) and two utilities", name, p)
		}
	}
}
