package sim

import (
	"math"

	"github.com/parley-sim/parley/model"
)

// rejectionStep is the fraction of the way a rejection moves a side's
// belief about the other's value of no deal toward the rejected
// package's utility to the other (see learnFromRejection): half way, so
// that repeated rejections of the same package bisect the gap.
const rejectionStep = 0.5

// talks is what the principals have seen of each other's moves in an
// episode: the offers on the table, what they reveal, and the state of
// tit-for-tat reciprocity. It holds no slices, so resetting it at the
// start of an episode allocates nothing.
type talks struct {
	kind     [2]dealKind // the kind of principal p's latest offer, noDeal before its first
	u0       [2]float64  // principal 0's utility for p's latest offer
	conceded [2]float64  // the fraction of its way p conceded in its latest offer
	// bound[i] is the least upper bound principal i has learned on the
	// other's value of no deal, as an error on it (see learnFromOffer);
	// +Inf before the other's first offer.
	bound      [2]float64
	punishTill [2]int // tit-for-tat: principal i withholds its concessions through this round
	answered   int    // the round of the latest reneging already answered
}

// reset prepares the record for a new episode.
func (o *talks) reset() {
	*o = talks{bound: [2]float64{math.Inf(1), math.Inf(1)}}
}

// noteOffer records principal p's offer in e.offer of a deal of the
// given kind in round t, worth u0 and u1 to the principals, when p's
// value of no deal is v: where it lies, for the mediator; how far it has
// come on the value scale from p's best value toward v, for the other
// side's tit-for-tat; and what it reveals of v, for the other side's
// belief.
func (e *episode) noteOffer(p int, kind dealKind, u0, u1, v float64, t int) {
	o := &e.talks
	own := pick(p, u0, u1)
	o.kind[p], o.u0[p] = kind, u0
	if best := e.aspiration(p, t, 0); best > v {
		offered := e.value(p, kind, e.offer, own, v, false)
		o.conceded[p] = (best - offered) / (best - v)
	}
	e.learnFromOffer(1-p, own, t)
}

// learnFromOffer updates principal i's belief about the other side's
// value of no deal v_j after the other offered a package worth w to
// itself in round t. No tactic proposes a package worth less to its
// proposer than its value of no deal, so the offer bounds it: v_j ≤ w,
// and a belief above the least such bound falls to it. The bound is kept
// as an error on v_j, so that it moves with the shifts of v_j that
// both sides see. Beliefs learn only under private information.
func (e *episode) learnFromOffer(i int, w float64, t int) {
	if !e.private() {
		return
	}
	o := &e.talks
	o.bound[i] = min(o.bound[i], w-e.noDealValue(1-i, t))
	e.setBelief(i, min(e.belief[i], o.bound[i]))
}

// learnFromRejection updates principal i's belief after the other side
// rejected i's offer in e.offer in round t. A package worth w to the
// other that it turns down suggests its value of no deal is higher than
// i thought: a belief b < w moves the fraction rejectionStep of the way to
// w, b + ½(w − b), never above the bound the other's own offers set. A
// rejection is weaker evidence than an offer (the other may have refused
// for its aspiration, not for its value of no deal), so it moves the
// belief only part of the way.
func (e *episode) learnFromRejection(i, t int) {
	if !e.private() {
		return
	}
	w, b := e.util.total(1-i, e.offer), e.believed(i, t)
	if w > b {
		e.setBelief(i, min(e.belief[i]+rejectionStep*(w-b), e.talks.bound[i]))
	}
}

// setBelief sets principal i's belief error and, when it moved, marks
// its subgame-perfect plan for re-solving.
func (e *episode) setBelief(i int, err float64) {
	if err != e.belief[i] {
		e.belief[i] = err
		e.spe[i].valid = false
	}
}

// private reports whether the principals see each other's value of no
// deal only through their beliefs.
func (e *episode) private() bool { return e.scn.Protocol.Information == model.Private }

// answerReneging starts the victim's retaliation once a reneging has been
// detected and the talks resume in round t: for as many rounds as passed
// from the reneging to round t, a tit-for-tat victim withholds every
// concession, then forgives (see titForTat). Each reneging is answered
// once.
func (e *episode) answerReneging(t int) {
	c := &e.cheat
	if c.active || !e.out.Reneged[c.reneger] || c.since <= e.talks.answered {
		return
	}
	e.talks.answered = c.since
	e.talks.punishTill[1-c.reneger] = t + (t - c.since) - 1
}
