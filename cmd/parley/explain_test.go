package main

import (
	"encoding/json"
	"math"
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

// TestExplainUtopia checks that explain's JSON names the Kalai–Smorodinsky
// reference point, the utopia point, apart from the ideals: it is the top
// of each side's ZOPA range, at most its ideal, and the K–S package gives
// both sides the same fraction of their gain from the disagreement point
// to it (Kalai & Smorodinsky 1975), to the six decimals of the output.
func TestExplainUtopia(t *testing.T) {
	for _, scenario := range []string{"muscat", "rubinstein", "jpoa-2013"} {
		var got struct {
			Disagreement, Ideal, Utopia map[string]float64
			ZOPA                        struct {
				Range map[string]struct{ Max float64 }
			}
			KalaiSmorodinsky struct{ Utilities map[string]float64 } `json:"kalai_smorodinsky"`
		}
		decode(t, []string{"explain", scenario, "--format", "json"}, &got)
		if len(got.Utopia) != 2 {
			t.Fatalf("%s: utopia %v, want one value per principal", scenario, got.Utopia)
		}
		var fractions []float64
		for side, b := range got.Utopia {
			if b != got.ZOPA.Range[side].Max || b > got.Ideal[side]+1e-6 {
				t.Errorf("%s: %s's utopia %v; want the top of its ZOPA range %v and at most its ideal %v", scenario, side, b, got.ZOPA.Range[side].Max, got.Ideal[side])
			}
			d := got.Disagreement[side]
			fractions = append(fractions, (got.KalaiSmorodinsky.Utilities[side]-d)/(b-d))
		}
		// Each utility is rounded to 1e-6; over gains of at least 0.01 the
		// fractions then agree to about 1e-4.
		if math.Abs(fractions[0]-fractions[1]) > 1e-3 {
			t.Errorf("%s: Kalai–Smorodinsky gives the sides fractions %v of their gains to the utopia point; want them equal", scenario, fractions)
		}
	}
}
