package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// McNemar returns the two-sided p-value of McNemar's exact test that a
// and b are equally likely: under the null hypothesis each discordant
// trial (a without b, or b without a) is a fair coin, so with n₁₀ and
// n₀₁ such trials
//
//	p = min(1, 2·P(X ≤ min(n₁₀, n₀₁))),  X ~ Binomial(n₁₀ + n₀₁, ½).
//
// It is exact at any count, where the paired t-test of Summary is not
// when discordant trials are few. With none, p is 1.
func (p PairedProportion) McNemar() float64 {
	m := p.aOnly + p.bOnly
	if m == 0 {
		return 1
	}
	k := min(p.aOnly, p.bOnly)
	cdf := distuv.Binomial{N: float64(m), P: 0.5}.CDF(float64(k))
	return min(1, 2*cdf)
}

// Welch returns the difference of the means of two independent samples,
// a − b, with Welch's 95% interval and the two-sided p-value of Welch's
// t-test; N is the smaller count. With fewer than 2 observations in
// either, there is no test: CI95 is [Mean, Mean] and PValue 1.
func Welch(a, b Summary) Difference {
	d := Difference{N: min(a.N, b.N), Mean: a.Mean - b.Mean, PValue: 1}
	d.CI95 = [2]float64{d.Mean, d.Mean}
	if a.N < 2 || b.N < 2 {
		return d
	}
	va, vb := a.SD*a.SD/float64(a.N), b.SD*b.SD/float64(b.N)
	se := math.Sqrt(va + vb)
	d.SD = se
	if se == 0 {
		if d.Mean != 0 {
			d.PValue = 0
		}
		return d
	}
	nu := (va + vb) * (va + vb) / (va*va/float64(a.N-1) + vb*vb/float64(b.N-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}
	h := t.Quantile(0.975) * se
	d.CI95 = [2]float64{d.Mean - h, d.Mean + h}
	d.PValue = 2 * t.CDF(-math.Abs(d.Mean)/se)
	return d
}

// TwoProportions returns the difference of two independent proportions,
// a − b, with Newcombe's (1998) hybrid score 95% interval (from the
// Wilson intervals of each) and the two-sided p-value of the pooled
// z-test; N is the smaller count. With no trials in either, there is no
// test: PValue is 1.
func TwoProportions(a, b Proportion) Difference {
	pa, pb := a.P(), b.P()
	d := Difference{N: min(a.N, b.N), Mean: pa - pb, PValue: 1}
	d.CI95 = [2]float64{d.Mean, d.Mean}
	if a.N == 0 || b.N == 0 {
		return d
	}
	la, ua := a.Wilson(Z95)
	lb, ub := b.Wilson(Z95)
	d.CI95 = [2]float64{
		d.Mean - math.Sqrt((pa-la)*(pa-la)+(ub-pb)*(ub-pb)),
		d.Mean + math.Sqrt((ua-pa)*(ua-pa)+(pb-lb)*(pb-lb)),
	}
	pool := float64(a.K+b.K) / float64(a.N+b.N)
	se := math.Sqrt(pool * (1 - pool) * (1/float64(a.N) + 1/float64(b.N)))
	d.SD = se
	switch {
	case se == 0 && d.Mean == 0:
	case se == 0:
		d.PValue = 0
	default:
		d.PValue = 2 * distuv.UnitNormal.CDF(-math.Abs(d.Mean)/se)
	}
	return d
}
