package stats

import "math"

// Z95 is the standard normal quantile Φ⁻¹(0.975), the z of a two-sided 95%
// interval.
const Z95 = 1.959963984540054

// Proportion counts Bernoulli trials and their successes.
//
// The zero value is an empty Proportion ready to use. The fields may be set
// directly, but must satisfy 0 ≤ K ≤ N.
type Proportion struct {
	N int64 // number of trials
	K int64 // number of successes
}

// Add records one trial, a success if success is true.
func (p *Proportion) Add(success bool) {
	p.N++
	if success {
		p.K++
	}
}

// Merge adds the trials and successes of o to p. Merging is exact and so
// independent of order.
func (p *Proportion) Merge(o Proportion) {
	p.N += o.N
	p.K += o.K
}

// P returns the observed proportion K/N, or 0 when N is 0.
func (p Proportion) P() float64 {
	if p.N == 0 {
		return 0
	}
	return float64(p.K) / float64(p.N)
}

// Wilson returns the Wilson (1927) score interval for the success
// probability at normal quantile z (Z95 for 95%):
//
//	lo, hi = (K + z²/2 ∓ z·√(K(N−K)/N + z²/4)) / (N + z²)
//
// The interval always lies in [0, 1] and contains P. It is exactly 0 at the
// bottom when K = 0 and exactly 1 at the top when K = N; when N = 0 it is
// (0, 1), the interval that says nothing.
//
// Wilson panics if z is negative or NaN, or if K is not in [0, N].
func (p Proportion) Wilson(z float64) (lo, hi float64) {
	if !(z >= 0) {
		panic("stats: Wilson z must not be negative")
	}
	if p.K < 0 || p.K > p.N {
		panic("stats: Proportion K must be in [0, N]")
	}
	if p.N == 0 {
		return 0, 1
	}
	n, k, z2 := float64(p.N), float64(p.K), z*z
	c := k + z2/2
	h := z * math.Sqrt(k*(n-k)/n+z2/4)
	lo, hi = (c-h)/(n+z2), (c+h)/(n+z2)
	// In real arithmetic lo is 0 at K = 0 and hi is 1 at K = N; make it so
	// in floating point too, and keep rounding inside [0, 1].
	if p.K == 0 {
		lo = 0
	}
	if p.K == p.N {
		hi = 1
	}
	return max(lo, 0), min(hi, 1)
}

// Estimate returns P, its 95% Wilson interval and the counts, for
// reporting. When N is 0 it is {P: 0, CI95: [0, 1], N: 0, K: 0}.
func (p Proportion) Estimate() Estimate {
	lo, hi := p.Wilson(Z95)
	return Estimate{P: p.P(), CI95: [2]float64{lo, hi}, N: p.N, K: p.K}
}

// Estimate is an observed proportion with its 95% Wilson interval and the
// counts it rests on, shaped for encoding/json.
type Estimate struct {
	P    float64    `json:"p"`    // K/N, 0 when N is 0
	CI95 [2]float64 `json:"ci95"` // Wilson interval at Z95
	N    int64      `json:"n"`    // trials
	K    int64      `json:"k"`    // successes
}
