package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Moments accumulates the count, mean, sum of squared deviations, minimum
// and maximum of a stream of numbers.
//
// Add updates the mean and the sum of squared deviations M2 = Σ(xᵢ − x̄)² by
// Welford's (1962) method, which stays accurate when the mean is large
// compared with the spread. Merge uses the parallel formula of Chan, Golub
// & LeVeque (1979); see the package documentation on merge order.
//
// The zero value is an empty Moments ready to use. A NaN observation makes
// the mean and SD NaN.
type Moments struct {
	n        int64
	mean, m2 float64
	min, max float64
}

// Add records the observation x:
//
//	n ← n+1,  δ = x − x̄,  x̄ ← x̄ + δ/n,  M2 ← M2 + δ·(x − x̄)
func (m *Moments) Add(x float64) {
	m.n++
	if m.n == 1 {
		m.mean, m.m2, m.min, m.max = x, 0, x, x
		return
	}
	d := x - m.mean
	m.mean += d / float64(m.n)
	m.m2 += d * (x - m.mean)
	if x < m.min {
		m.min = x
	}
	if x > m.max {
		m.max = x
	}
}

// Merge adds the observations summarised by o to m, as if they had been
// added one by one, by the formula of Chan, Golub & LeVeque (1979):
//
//	n = nₘ + nₒ,  δ = x̄ₒ − x̄ₘ,  x̄ = x̄ₘ + δ·nₒ/n,  M2 = M2ₘ + M2ₒ + δ²·nₘ·nₒ/n
//
// Merging with an empty Moments, on either side, is exact. Otherwise the
// result depends on the order of merging in its last bits.
func (m *Moments) Merge(o Moments) {
	if o.n == 0 {
		return
	}
	if m.n == 0 {
		*m = o
		return
	}
	na, nb := float64(m.n), float64(o.n)
	n := na + nb
	d := o.mean - m.mean
	m.mean += d * (nb / n)
	m.m2 += o.m2 + d*d*(na*nb/n)
	m.n += o.n
	m.min = min(m.min, o.min)
	m.max = max(m.max, o.max)
}

// N returns the number of observations.
func (m Moments) N() int64 { return m.n }

// Mean returns the sample mean x̄, or 0 when there are no observations.
func (m Moments) Mean() float64 { return m.mean }

// Variance returns the sample variance M2/(n−1), or 0 when n < 2.
func (m Moments) Variance() float64 {
	if m.n < 2 {
		return 0
	}
	return m.m2 / float64(m.n-1)
}

// SD returns the sample standard deviation √(M2/(n−1)), or 0 when n < 2.
func (m Moments) SD() float64 { return math.Sqrt(m.Variance()) }

// Min returns the smallest observation, or 0 when there are none.
func (m Moments) Min() float64 { return m.min }

// Max returns the largest observation, or 0 when there are none.
func (m Moments) Max() float64 { return m.max }

// MeanCI returns the Student t confidence interval for the mean at the
// given level, such as 0.95:
//
//	x̄ ∓ t(1/2 + level/2; n−1) · SD/√n
//
// where t(p; ν) is the p quantile of Student's t distribution with ν
// degrees of freedom. The interval assumes independent observations and is
// exact for normal data, approximate otherwise by the central limit
// theorem. With fewer than 2 observations there is no estimate of spread,
// and MeanCI returns (NaN, NaN) rather than a misleading zero-width
// interval.
//
// MeanCI panics if level is not in (0, 1).
func (m Moments) MeanCI(level float64) (lo, hi float64) {
	if m.n < 2 {
		checkLevel(level)
		return math.NaN(), math.NaN()
	}
	h := tHalfWidth(m.n, m.SD(), level)
	return m.mean - h, m.mean + h
}

// tHalfWidth returns the half-width t(1/2 + level/2; n−1)·sd/√n of the
// Student t interval for a mean of n ≥ 2 observations.
func tHalfWidth(n int64, sd, level float64) float64 {
	checkLevel(level)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.5 + level/2)
	return t * sd / math.Sqrt(float64(n))
}

func checkLevel(level float64) {
	if !(level > 0 && level < 1) {
		panic("stats: confidence level must be in (0, 1)")
	}
}
