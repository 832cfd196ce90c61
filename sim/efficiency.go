package sim

import "math"

// Efficiency measures a deal against the comprehensive frontier of the
// round it was agreed in, on the principals' utility scales.
type Efficiency struct {
	// Measured reports whether the measures are valid: the red lines left
	// comprehensive packages that round, and one of them gives both sides
	// more than their values of no deal.
	Measured bool `json:"-"`

	// ParetoGap is the joint gain the deal leaves on the table: the
	// largest δ such that some comprehensive package gives each principal
	// δ more than the deal. It is 0 for a deal on the frontier.
	ParetoGap float64 `json:"pareto_gap"`

	// NashDistance is the distance in utility space between the deal and
	// the Nash bargaining point of that frontier, the disagreement point
	// being the principals' values of no deal that round.
	NashDistance float64 `json:"nash_distance"`
}

// efficiency measures a deal worth u to the principals, agreed in round
// t, against the comprehensive space of that round.
func (e *episode) efficiency(t int, u [2]float64) Efficiency {
	sp := &e.comp
	if !sp.ok {
		return Efficiency{}
	}
	n0, ok := sp.nash(e.noDealValue(0, t), e.noDealValue(1, t))
	if !ok {
		return Efficiency{}
	}
	n0, n1, _ := sp.point(&e.util, 0, n0, e.scratch)
	return Efficiency{Measured: true, ParetoGap: sp.gap(u[0], u[1]), NashDistance: math.Hypot(u[0]-n0, u[1]-n1)}
}

// gap returns the largest δ ≥ 0 such that the frontier, or a package it
// dominates, gives each principal δ more than (a0, a1). The frontier's
// vertices run with u0 falling and u1 rising, so u1 − u0 rises along it,
// and the line u1 − u0 = a1 − a0 from (a0, a1) meets it once: on the path,
// or beyond an end, where the feasible set is bounded by one principal's
// best utility.
func (sp *space) gap(a0, a1 float64) float64 {
	c, n := a1-a0, len(sp.segs)
	switch {
	case c <= sp.u1[0]-sp.u0[0]:
		return max(0, sp.u0[0]-a0)
	case c >= sp.u1[n]-sp.u0[n]:
		return max(0, sp.u1[n]-a1)
	}
	j := 0
	for sp.u1[j+1]-sp.u0[j+1] < c {
		j++
	}
	lo, hi := sp.u1[j]-sp.u0[j], sp.u1[j+1]-sp.u0[j+1]
	x := sp.u0[j] + (c-lo)/(hi-lo)*(sp.u0[j+1]-sp.u0[j])
	return max(0, x-a0)
}
