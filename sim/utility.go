package sim

import "github.com/parley-sim/parley/model"

// utilities evaluates the two principals' per-issue utilities from a
// table of each principal's terms, set once per episode: the same
// arithmetic as model.ActorWorld.IssueUtility and Utility, operation for
// operation, so the results are the same to the bit, without copying an
// Issue and a ValueWorld per call or recomputing the constants of each
// value function (TestUtilitiesMatchModel).
type utilities struct {
	issues []model.Issue
	actor  [2]*model.ActorWorld
	terms  [2][]term // per principal and issue
}

// A term is one principal's utility from one issue,
// w·v(x) − λ·(x − min)/(max − min), with v's constants worked out.
type term struct {
	weight, audience float64 // w and λ
	linear           bool    // v is linear; otherwise single-peaked
	worst, span      float64 // linear: the worst level, and the ideal less it
	ideal, low, high float64 // single-peaked: the peak and the ends of its support
	rise, fall       float64 // single-peaked: ideal − low and high − ideal
	min, width       float64 // the issue's min, and max − min
}

// set fills the table for principals p0 and p1 over issues, reusing its
// storage.
func (u *utilities) set(issues []model.Issue, p0, p1 *model.ActorWorld) {
	u.issues, u.actor = issues, [2]*model.ActorWorld{p0, p1}
	for i, a := range u.actor {
		u.terms[i] = resize(u.terms[i], len(issues))
		for k := range issues {
			is, v := &issues[k], &a.Values[k]
			worst := v.IssueMin
			if v.Ideal == v.IssueMin {
				worst = v.IssueMax
			}
			u.terms[i][k] = term{
				weight: a.Weights[k], audience: a.AudienceCosts[k],
				linear: v.Shape == model.Linear, worst: worst, span: v.Ideal - worst,
				ideal: v.Ideal, low: v.Low, high: v.High, rise: v.Ideal - v.Low, fall: v.High - v.Ideal,
				min: is.Min, width: is.Max - is.Min,
			}
		}
	}
}

// value returns v(x), as model.ValueWorld.At does.
func (t *term) value(x float64) float64 {
	if t.linear {
		return clamp01((x - t.worst) / t.span)
	}
	switch {
	case x < t.low || x > t.high:
		return 0
	case x < t.ideal:
		return 1 - (t.ideal-x)/t.rise
	case x > t.ideal:
		return 1 - (x-t.ideal)/t.fall
	default:
		return 1
	}
}

// clamp01 returns min(max(x, 0), 1) with the builtins' results for NaN
// (NaN) and −0 (+0), in branches the compiler keeps cheap.
func clamp01(x float64) float64 {
	switch {
	case x > 0:
		if x < 1 {
			return x
		}
		return 1
	case x != x: // NaN
		return x
	}
	return 0
}

// issue returns principal i's utility from issue k at level x.
func (u *utilities) issue(i, k int, x float64) float64 {
	gain, cost := u.parts(i, k, x)
	return u.combine(i, k, gain, cost)
}

// parts returns principal i's two terms from issue k at level x, w·v(x)
// and λ·(x − min)/(max − min), each 0 where its coefficient is.
func (u *utilities) parts(i, k int, x float64) (gain, cost float64) {
	t := &u.terms[i][k]
	if t.weight != 0 {
		gain = t.weight * t.value(x)
	}
	if t.audience != 0 {
		cost = t.audience * ((x - t.min) / t.width)
	}
	return gain, cost
}

// combine returns principal i's utility from issue k given its parts:
// the gain less the cost, each counted only where its coefficient is not
// 0, as model.ActorWorld.IssueUtility counts them.
func (u *utilities) combine(i, k int, gain, cost float64) float64 {
	t := &u.terms[i][k]
	v := 0.0
	if t.weight != 0 {
		v = gain
	}
	if t.audience != 0 {
		v -= cost
	}
	return v
}

// total returns principal i's utility for the package x.
func (u *utilities) total(i int, x []float64) float64 {
	v := 0.0
	terms := u.terms[i]
	x = x[:len(terms)]
	for k := range terms {
		t := &terms[k]
		if t.weight != 0 {
			v += t.weight * t.value(x[k])
		}
		if t.audience != 0 {
			v -= t.audience * ((x[k] - t.min) / t.width)
		}
	}
	return v
}
