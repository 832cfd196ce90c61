package model

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// World is one concrete draw of a Scenario: every Param replaced by a
// number. Its slices run parallel to the Scenario's. A World is reused
// from episode to episode, so Sample allocates only the first time.
type World struct {
	Scenario *Scenario
	Actors   []ActorWorld // parallel to Scenario.Actors
	Interim  InterimWorld // meaningful when Scenario.Deals.Interim is not nil
	Shocks   []ShockWorld // parallel to Scenario.Shocks
	Protocol ProtocolWorld
}

// ActorWorld is an actor's sampled parameters; see Actor for their meaning.
type ActorWorld struct {
	Discount         float64
	Reservation      float64
	Drift            float64
	Weights          []float64 // per issue, renormalized to sum to 1
	Values           []ValueWorld
	AudienceCosts    []float64
	RedLines         []float64 // parallel to Actor.RedLines
	RedLineYield     float64   // −Inf for hard red lines
	Distrust         float64
	BeliefNoise      float64
	Boulware         float64
	Conceder         float64
	RenegingHazard   float64
	Protection       float64 // reneging guarantee protection
	Temptation       float64 // reneging hazard per unit of the gain from defecting
	HoldOut          int     // rounds
	Credibility      float64
	NoiseReduction   float64
	BridgingBase     float64
	BridgingSlope    float64
	MediatedReneging float64
	Bar              float64
}

// ValueWorld is a sampled value function.
type ValueWorld struct {
	Shape              Shape
	Ideal, Low, High   float64
	IssueMin, IssueMax float64
}

// At returns the value in [0, 1] of level x.
func (v ValueWorld) At(x float64) float64 {
	if v.Shape == Linear {
		worst := v.IssueMin
		if v.Ideal == v.IssueMin {
			worst = v.IssueMax
		}
		return clamp01((x - worst) / (v.Ideal - worst))
	}
	switch {
	case x < v.Low || x > v.High:
		return 0
	case x < v.Ideal:
		return 1 - (v.Ideal-x)/(v.Ideal-v.Low)
	case x > v.Ideal:
		return 1 - (x-v.Ideal)/(v.High-v.Ideal)
	default:
		return 1
	}
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }

// Utility returns the actor's utility for the package x (one level per
// issue): Σ w_k·v_k(x_k) − Σ λ_k·(x_k − min_k)/(max_k − min_k).
func (a *ActorWorld) Utility(issues []Issue, x []float64) float64 {
	u := 0.0
	for k, is := range issues {
		if a.Weights[k] != 0 {
			u += a.Weights[k] * a.Values[k].At(x[k])
		}
		if a.AudienceCosts[k] != 0 {
			u -= a.AudienceCosts[k] * is.Normalize(x[k])
		}
	}
	return u
}

// IssueUtility returns the actor's utility from level x of issue is, the
// k-th issue: w_k·v_k(x) − λ_k·(x − min_k)/(max_k − min_k), the k-th term
// of Utility.
func (a *ActorWorld) IssueUtility(is Issue, k int, x float64) float64 {
	u := 0.0
	if a.Weights[k] != 0 {
		u = a.Weights[k] * a.Values[k].At(x)
	}
	if a.AudienceCosts[k] != 0 {
		u -= a.AudienceCosts[k] * is.Normalize(x)
	}
	return u
}

// UtilityBounds returns bounds on the actor's utility over all packages:
// [−Σλ, 1]. A package may not reach them (a single-peaked value and an
// audience cost on the same issue pull apart).
func (a *ActorWorld) UtilityBounds() (lo, hi float64) {
	for _, c := range a.AudienceCosts {
		lo -= c
	}
	return lo, 1
}

// InterimWorld holds an interim deal's sampled terms.
type InterimWorld struct {
	Scopes    []float64 // parallel to Interim.Issues
	Snapback  float64
	Term      int // rounds
	Renewal   float64
	Guarantee float64
	Leverage  float64
}

// ShockWorld is a shock's sampled hazard and effects; the slices run
// parallel to the Shock's Effects.
type ShockWorld struct {
	Hazard          float64
	Reservation     []float64
	RedLines        []float64
	RatificationBar []float64
	Reneging        []float64
	Escalation      float64 // multiplier, 1 when the shock has none
	Pause           int     // rounds
	VoidInterim     float64
	Duration        int // rounds, at least 1
	Latency         float64
	Rise, Decay     float64 // the state's, when the shock has one
}

// ProtocolWorld holds the protocol's sampled parameters.
type ProtocolWorld struct {
	EscalationHazard      float64
	DeadlineMultiplier    float64
	DeadlineDecay         float64
	EscalationCost        []float64 // parallel to Protocol.EscalationCost
	Progress              float64
	Latency               LatencyWorld
	Ceasefire             float64
	Resumption            ShockWorld // the effects of Protocol.Resumption; Hazard unused
	DetectionBase         float64
	DetectionVerification float64
}

// LatencyWorld holds the latency state's sampled parameters.
type LatencyWorld struct{ Start, Weight, Rollback, Setback float64 }

// Sample draws a World from the scenario into w, reusing w's storage.
// It takes one number from rng and derives every parameter's draw from it
// and the parameter's field path, so the same rng state always gives the
// same World, and two scenarios that share a field draw it alike.
func (s *Scenario) Sample(w *World, rng *rand.Rand) {
	key := rng.Uint64()
	draw := func(p Param) float64 {
		if p.Dist == Fixed {
			return p.Value
		}
		return p.Quantile(uniform(key, p.key))
	}
	rounds := func(p Param) int { return int(math.Round(draw(p))) }

	w.Scenario = s
	w.Actors = resize(w.Actors, len(s.Actors))
	for i := range s.Actors {
		a, aw := &s.Actors[i], &w.Actors[i]
		aw.Discount = draw(a.Discount)
		aw.Reservation = draw(a.Reservation.Value)
		aw.Drift = draw(a.Reservation.Drift)
		aw.Weights = resize(aw.Weights, len(a.Utility.Weights))
		aw.Values = resize(aw.Values, len(a.Utility.Values))
		aw.AudienceCosts = resize(aw.AudienceCosts, len(a.Utility.AudienceCosts))
		sum := 0.0
		for k := range a.Utility.Weights {
			aw.Weights[k] = draw(a.Utility.Weights[k])
			sum += aw.Weights[k]
			aw.AudienceCosts[k] = draw(a.Utility.AudienceCosts[k])
			vf, is := &a.Utility.Values[k], &s.Issues[k]
			aw.Values[k] = ValueWorld{Shape: vf.Shape, IssueMin: is.Min, IssueMax: is.Max}
			if vf.set {
				aw.Values[k].Ideal, aw.Values[k].Low, aw.Values[k].High = draw(vf.Ideal), draw(vf.Low), draw(vf.High)
			}
		}
		if sum > 0 {
			for k := range aw.Weights {
				aw.Weights[k] /= sum
			}
		}
		aw.RedLines = resize(aw.RedLines, len(a.RedLines))
		for k, rl := range a.RedLines {
			aw.RedLines[k] = s.drawRedLine(key, rl)
		}
		aw.RedLineYield = math.Inf(-1)
		if a.RedLineYield != nil {
			aw.RedLineYield = draw(*a.RedLineYield)
		}
		aw.Distrust = draw(a.Distrust)
		aw.BeliefNoise = draw(a.BeliefNoise)
		aw.Boulware = draw(a.Concession.Boulware)
		aw.Conceder = draw(a.Concession.Conceder)
		aw.RenegingHazard = draw(a.Reneging.Hazard)
		aw.Protection = draw(a.Reneging.GuaranteeProtection)
		aw.Temptation = draw(a.Reneging.Temptation)
		aw.HoldOut = rounds(a.HoldOut)
		aw.Credibility = draw(a.Credibility)
		aw.NoiseReduction = draw(a.NoiseReduction)
		aw.BridgingBase = draw(a.BridgingBase)
		aw.BridgingSlope = draw(a.BridgingSlope)
		aw.MediatedReneging = draw(a.MediatedReneging)
		aw.Bar = draw(a.Bar)
	}
	if it := s.Deals.Interim; it != nil {
		w.Interim.Scopes = resize(w.Interim.Scopes, len(it.Scopes))
		for j, p := range it.Scopes {
			w.Interim.Scopes[j] = draw(p)
		}
		w.Interim.Snapback, w.Interim.Term = draw(it.Snapback), max(1, rounds(it.Term))
		w.Interim.Renewal, w.Interim.Guarantee, w.Interim.Leverage = draw(it.Renewal), draw(it.Guarantee), draw(it.Leverage)
	}
	w.Shocks = resize(w.Shocks, len(s.Shocks))
	for i := range s.Shocks {
		sh, sw := &s.Shocks[i], &w.Shocks[i]
		sw.Hazard = draw(sh.Hazard)
		sampleEffects(sw, &sh.Effects, draw)
		sw.Rise, sw.Decay = 0, 0
		if st := sh.State; st != nil {
			sw.Rise, sw.Decay = draw(st.Rise), draw(st.Decay)
		}
	}
	p, pw := &s.Protocol, &w.Protocol
	pw.EscalationHazard = draw(p.EscalationHazard)
	pw.DeadlineMultiplier = draw(p.DeadlineMultiplier)
	pw.DeadlineDecay = draw(p.DeadlineDecay)
	pw.EscalationCost = drawShifts(pw.EscalationCost, p.EscalationCost, draw)
	pw.Progress = draw(p.Progress)
	pw.Latency = LatencyWorld{Start: draw(p.Latency.Start), Weight: draw(p.Latency.Weight),
		Rollback: draw(p.Latency.Rollback), Setback: draw(p.Latency.Setback)}
	pw.Ceasefire = draw(p.Ceasefire)
	sampleEffects(&pw.Resumption, &p.Resumption, draw)
	pw.DetectionBase = draw(p.DetectionBase)
	pw.DetectionVerification = draw(p.DetectionVerification)
}

// sampleEffects draws the effects e into sw, reusing its storage.
func sampleEffects(sw *ShockWorld, e *Effects, draw func(Param) float64) {
	rounds := func(p Param) int { return int(math.Round(draw(p))) }
	sw.Reservation = drawShifts(sw.Reservation, e.Reservation, draw)
	sw.RatificationBar = drawShifts(sw.RatificationBar, e.RatificationBar, draw)
	sw.Reneging = drawShifts(sw.Reneging, e.Reneging, draw)
	sw.RedLines = resize(sw.RedLines, len(e.RedLines))
	for k, rl := range e.RedLines {
		sw.RedLines[k] = draw(rl.By)
	}
	sw.Escalation, sw.Pause, sw.VoidInterim, sw.Duration, sw.Latency = 1, 0, 0, 1, 0
	if e.Escalation != nil {
		sw.Escalation = draw(*e.Escalation)
	}
	if e.Pause != nil {
		sw.Pause = rounds(*e.Pause)
	}
	if e.VoidInterim != nil {
		sw.VoidInterim = draw(*e.VoidInterim)
	}
	if e.Duration != nil {
		sw.Duration = max(1, rounds(*e.Duration))
	}
	if e.Latency != nil {
		sw.Latency = draw(*e.Latency)
	}
}

func drawShifts(dst []float64, shifts []ActorShift, draw func(Param) float64) []float64 {
	dst = resize(dst, len(shifts))
	for i, sh := range shifts {
		dst[i] = draw(sh.By)
	}
	return dst
}

// resize returns s with length n, reusing its storage when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// uniform returns a number in (0, 1) determined by the world key and a
// parameter key (SplitMix64 finalizer over their combination).
func uniform(world, param uint64) float64 {
	z := world ^ (param * 0x9e3779b97f4a7c15)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return (float64(int64(z>>11)) + 0.5) / (1 << 53) // the 53 bits as an int64: exact, and one instruction
}

// drawRedLine draws a red line's level. With a red-line correlation ρ > 0
// its uniform is taken through a Gaussian copula with one factor per
// issue that both principals share, Φ(√ρ·z_k + √(1−ρ)·Φ⁻¹(u)), so the
// two sides' lines on an issue move together: both read the same facts.
func (s *Scenario) drawRedLine(world uint64, rl RedLine) float64 {
	p := rl.Level
	if p.Dist == Fixed {
		return p.Value
	}
	u := uniform(world, p.key)
	if rho := s.Protocol.RedLineCorrelation; rho > 0 {
		z := distuv.UnitNormal.Quantile(uniform(world, redLineFactorKey+uint64(rl.Issue)))
		u = distuv.UnitNormal.CDF(math.Sqrt(rho)*z + math.Sqrt(1-rho)*distuv.UnitNormal.Quantile(u))
		u = min(max(u, 0x1p-53), 1-0x1p-53)
	}
	return p.Quantile(u)
}

// redLineFactorKey is the stream key of issue 0's common red-line factor;
// issue k's is redLineFactorKey + k.
var redLineFactorKey = streamKey("protocol.red_lines.correlation.factor")
