package sim

import (
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/sim/stats"
)

// Mechanism checks of the red lines, guarantees, verification and the
// interim track; see mechanism_test.go for the method.

// assertNegative fails unless the paired difference d is negative with a
// 95% interval below zero.
func assertNegative(t *testing.T, what string, d stats.Difference) {
	t.Helper()
	d.Mean, d.CI95 = -d.Mean, [2]float64{-d.CI95[1], -d.CI95[0]}
	assertPositive(t, "minus "+what, d)
}

func every(*Episode) bool { return true }

// withDetection returns a copy of s whose base probability of detecting
// a reneging is p a round; s itself is unchanged.
func withDetection(s *model.Scenario, p float64) *model.Scenario {
	c := *s
	c.Protocol.DetectionBase = model.FixedParam(p)
	return &c
}

// TestRedLineCorrelation checks deliverable 3 of issue #10: where the two
// sides' red lines are compatible on average, drawing them from the same
// facts (correlation 0.9 rather than 0) makes more worlds feasible, since
// the gap between the lines varies less (Var(c − f) = σ²_c + σ²_f − 2ρσ_cσ_f).
func TestRedLineCorrelation(t *testing.T) {
	s := load(t, "lab-redlines")
	corr := func(rho float64) *model.Scenario {
		c := *s
		c.Protocol.RedLineCorrelation = rho
		return &c
	}
	d := pairedEpisodes(t, corr(0), corr(0.9), every, func(e *Episode) float64 { return indicator(e.Feasible) })
	assertPositive(t, "P(feasible), ρ 0.9 − ρ 0", d)
}

// TestGuaranteesReduceReneging checks that stronger guarantees mean less
// reneging: when A's red line asks for guarantees of at least 0.8 rather
// than none, the deals carry them and B, whose hazard they cut, reneges
// less often.
func TestGuaranteesReduceReneging(t *testing.T) {
	s := load(t, "lab-guarantees")
	line := func(level float64) *model.Scenario {
		return withActor(t, s, "a", func(a *model.Actor) {
			a.RedLines = []model.RedLine{{Issue: s.Issue("guarantees"), Level: model.FixedParam(level)}}
		})
	}
	d := pairedEpisodes(t, line(0), line(0.8), every, func(e *Episode) float64 { return indicator(e.Reneged[1]) })
	assertNegative(t, "P(B reneges), guarantees ≥ 0.8 − none", d)
}

// TestVerificationFewerCollapses checks that faster verification means
// fewer collapses: a reneging detected within a round or two (detection
// 0.9 rather than 0.05 a round) lets the talks resume and remake the
// deal, so fewer episodes end with a broken deal and none in force.
func TestVerificationFewerCollapses(t *testing.T) {
	s := load(t, "lab-guarantees")
	d := pairedEpisodes(t, withDetection(s, 0.05), withDetection(s, 0.9), every, func(e *Episode) float64 { return indicator(e.Outcome == Collapsed) })
	assertNegative(t, "P(collapsed), detection 0.9 − 0.05", d)
}

// TestStepByStepDiffersFromInterimFirst checks deliverable 5 of issue #10
// on muscat: step-by-step takes a comprehensive deal only after a
// verified interim, so against the same US it reaches fewer comprehensive
// deals without an interim first than interim-first does.
func TestStepByStepDiffersFromInterimFirst(t *testing.T) {
	s := load(t, "muscat")
	iran := func(p model.Policy) *model.Scenario {
		return withActor(t, s, "iran", func(a *model.Actor) { a.Strategy = model.Strategy{Policy: p, Tactic: model.Boulware} })
	}
	d := pairedEpisodes(t, iran(model.InterimFirst), iran(model.StepByStep), every, directComprehensive)
	assertNegative(t, "P(comprehensive deal with no interim before it), step-by-step − interim-first", d)
}

// directComprehensive is 1 for an episode whose first comprehensive deal
// came with no interim deal before it.
func directComprehensive(e *Episode) float64 {
	return indicator(e.ComprehensiveAgreement > 0 && (e.InterimAgreement == 0 || e.InterimAgreement > e.ComprehensiveAgreement))
}

// TestDistrustRoutesThroughInterim checks the trust mechanism: a side
// that distrusts the other (distrust 3 rather than 0, so that it expects
// the other's hazard ×4) values a comprehensive deal less, and an interim
// deal's short exposure relatively more, so more episodes take the small
// step first (Kydd 2005).
func TestDistrustRoutesThroughInterim(t *testing.T) {
	s := load(t, "lab-trust")
	distrust := func(d float64) *model.Scenario {
		return withActor(t, s, "a", func(a *model.Actor) { a.Distrust = model.FixedParam(d) })
	}
	d := pairedEpisodes(t, distrust(0), distrust(3), every, func(e *Episode) float64 { return indicator(e.InterimAgreement > 0) })
	assertPositive(t, "P(interim deal), distrust 3 − 0", d)
}

// TestVerificationMoreUpgrades checks that verification makes interims
// stepping stones more often: where a side distrusts the other and
// deals are sometimes broken, seeing compliance quickly (detection 0.6
// rather than 0.05 a round) wears the doubt down faster and ends an
// undetected reneging sooner, so the talks resume and more interim deals
// become comprehensive ones (Watson 1999). The two channels are not
// separated here: most of the effect comes through resumed talks.
func TestVerificationMoreUpgrades(t *testing.T) {
	s := load(t, "lab-trust")
	d := pairedEpisodes(t, withDetection(s, 0.05), withDetection(s, 0.6), every, func(e *Episode) float64 { return indicator(e.Upgrade > 0) })
	assertPositive(t, "P(interim upgraded), detection 0.6 − 0.05", d)
}
