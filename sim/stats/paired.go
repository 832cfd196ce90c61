package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Paired compares two metrics measured on the same episodes, as under
// common random numbers, through their differences dᵢ = xᵢ − yᵢ. Pairing
// removes the variation the two share, so the interval for the mean
// difference is usually far narrower than one from two independent samples.
//
// The zero value is an empty Paired ready to use.
type Paired struct {
	d Moments
}

// Add records one pair of observations, x of the first metric and y of the
// second on the same episode.
func (p *Paired) Add(x, y float64) { p.d.Add(x - y) }

// Merge adds the pairs of o to p; see Moments.Merge.
func (p *Paired) Merge(o Paired) { p.d.Merge(o.d) }

// Summary returns the mean difference x̄ − ȳ with its 95% Student t
// interval and the two-sided p-value of the paired t-test of no difference:
//
//	t = d̄/(s/√n),  p = 2·T(−|t|; n−1)
//
// where s is the SD of the differences and T the Student t distribution
// function. If every difference is the same (s = 0), p is 1 when they are
// all 0 and 0 otherwise. With fewer than 2 pairs there is no test: SD is 0,
// CI95 is [Mean, Mean] and PValue is 1.
func (p Paired) Summary() Difference {
	return difference(p.d.N(), p.d.Mean(), p.d.SD())
}

// PairedProportion compares two proportions measured on the same trials,
// such as the deal rates of two strategies on the same episodes.
//
// It counts the four outcomes of each pair (a, b) exactly, so merging is
// exact. The difference P(a) − P(b) is the mean of the indicator
// differences dᵢ = [aᵢ] − [bᵢ] ∈ {−1, 0, 1}, and its interval and test are
// those of Paired on these dᵢ. That interval is of Wald type: it is good
// when there are many discordant pairs (a ≠ b) and too narrow when there
// are few, and has zero width when there are none.
//
// The zero value is an empty PairedProportion ready to use.
type PairedProportion struct {
	n     int64 // pairs
	both  int64 // a and b
	aOnly int64 // a and not b
	bOnly int64 // b and not a
}

// Add records the outcomes a and b of one trial.
func (p *PairedProportion) Add(a, b bool) {
	p.n++
	switch {
	case a && b:
		p.both++
	case a:
		p.aOnly++
	case b:
		p.bOnly++
	}
}

// Merge adds the trials of o to p. Merging is exact and so independent of
// order.
func (p *PairedProportion) Merge(o PairedProportion) {
	p.n += o.n
	p.both += o.both
	p.aOnly += o.aOnly
	p.bOnly += o.bOnly
}

// A returns the trials and successes of a alone.
func (p PairedProportion) A() Proportion { return Proportion{N: p.n, K: p.both + p.aOnly} }

// B returns the trials and successes of b alone.
func (p PairedProportion) B() Proportion { return Proportion{N: p.n, K: p.both + p.bOnly} }

// Summary returns the difference P(a) − P(b) = (n₁₀ − n₀₁)/n, where n₁₀
// and n₀₁ count the trials with only a and only b, with the interval and
// p-value of Paired.Summary on the indicator differences. Their sample
// variance is (n₁₀ + n₀₁ − (n₁₀ − n₀₁)²/n)/(n − 1). For large n the test
// approximates McNemar's.
func (p PairedProportion) Summary() Difference {
	if p.n == 0 {
		return difference(0, 0, 0)
	}
	n := float64(p.n)
	disc, net := float64(p.aOnly+p.bOnly), float64(p.aOnly-p.bOnly)
	var sd float64
	if p.n >= 2 {
		sd = math.Sqrt(max(disc-net*net/n, 0) / (n - 1))
	}
	return difference(p.n, net/n, sd)
}

// Difference is a mean paired difference with its 95% interval and the
// p-value of a test of no difference, shaped for encoding/json. See
// Paired.Summary.
type Difference struct {
	N      int64      `json:"n"`       // pairs
	Mean   float64    `json:"mean"`    // mean difference
	SD     float64    `json:"sd"`      // SD of the differences, 0 when N < 2
	CI95   [2]float64 `json:"ci95"`    // Student t 95% interval for Mean
	PValue float64    `json:"p_value"` // two-sided paired t-test, 1 when N < 2
}

// difference returns the Difference of n pairs with mean difference mean
// and sample SD of the differences sd.
func difference(n int64, mean, sd float64) Difference {
	d := Difference{N: n, Mean: mean, SD: sd, CI95: [2]float64{mean, mean}, PValue: 1}
	if n < 2 {
		return d
	}
	h := tHalfWidth(n, sd, 0.95)
	d.CI95 = [2]float64{mean - h, mean + h}
	switch se := sd / math.Sqrt(float64(n)); {
	case se == 0 && mean == 0:
		d.PValue = 1
	case se == 0:
		d.PValue = 0
	default:
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}
		d.PValue = min(2*t.CDF(-math.Abs(mean/se)), 1)
	}
	return d
}
