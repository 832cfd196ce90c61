package design

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// ErrNoVariance is returned, wrapped, by Saltelli.Indices when the output
// takes one value over the design's A and B points, so that no input can
// explain any of its variance and the Sobol indices are undefined. Callers
// report it as "the metric does not vary over the design".
var ErrNoVariance = errors.New("the output does not vary over the design")

// Saltelli is a design for estimating first-order and total Sobol
// sensitivity indices of a model's output with respect to k inputs
// (Saltelli 2002; Saltelli et al. 2010). It holds two base matrices A and
// B of n rows each, and for each input i a matrix AB_i: A with column i
// taken from B. Playing the model at all n(k+2) points and passing the
// outputs to Indices gives the indices.
//
// A and B are the first n points of a Sobol sequence (Joe & Kuo 2008
// direction numbers) in 2k dimensions, A the first k and B the last k
// coordinates, as in SALib, randomized by a digital shift: each dimension's
// coordinates are XORed with one random 32-bit word drawn from the seed.
// The shift keeps the sequence's stratification (with n a power of two,
// every input's range is split into n equal intervals that each hold one
// row of A and one of B) and makes the design, and so the error of the
// indices, random with the seed, so that no point has to be dropped to
// avoid the origin. Use n a power of two; other n work but stratify less
// evenly.
type Saltelli struct {
	n, k   int
	points [][]float64
}

// maxSaltelliInputs is the number of inputs that the embedded Sobol
// direction numbers support: 2k dimensions.
const maxSaltelliInputs = maxSobolDims / 2

// NewSaltelli returns the Saltelli design of base sample size n (n rows of
// A and of B) in the box, k = len(box) inputs, reproducible from seed
// (the digital shift is drawn from a math/rand/v2 PCG seeded by seed). It
// returns an error if n < 2, if k exceeds 32 (the dimensions of the
// embedded direction numbers) or if CheckBox(box) does.
func NewSaltelli(n int, box []Range, seed uint64) (*Saltelli, error) {
	if err := CheckBox(box); err != nil {
		return nil, err
	}
	k := len(box)
	switch {
	case k > maxSaltelliInputs:
		return nil, fmt.Errorf("design: %d inputs; a Sobol design takes at most %d", k, maxSaltelliInputs)
	case n < 2:
		return nil, fmt.Errorf("design: base sample size %d; give at least 2 (a power of two such as 1024 is best)", n)
	case uint64(n) > 1<<sobolBits:
		return nil, fmt.Errorf("design: base sample size %d; give at most 2^%d", n, sobolBits)
	}
	rng := rand.New(rand.NewPCG(seed, saltelliStream))
	shift := make([]uint32, 2*k)
	for d := range shift {
		shift[d] = uint32(rng.Uint64() >> 32)
	}
	flat := make([]float64, n*(k+2)*k)
	points := make([][]float64, n*(k+2))
	for p := range points {
		points[p] = flat[p*k : (p+1)*k : (p+1)*k]
	}
	seq := newSobolSeq(2 * k)
	for j := range n {
		x := seq.next()
		a, b := points[j], points[n+j]
		for i, r := range box {
			a[i] = r.at(float64(x[i]^shift[i]) * 0x1p-32)
			b[i] = r.at(float64(x[k+i]^shift[k+i]) * 0x1p-32)
		}
		for i := range k {
			ab := points[(2+i)*n+j]
			copy(ab, a)
			ab[i] = b[i]
		}
	}
	return &Saltelli{n: n, k: k, points: points}, nil
}

// saltelliStream is the PCG stream constant of NewSaltelli's digital
// shift, and bootstrapStream that of Indices' resampling.
const (
	saltelliStream  = 0x73616c74 // "salt"
	bootstrapStream = 0x626f6f74 // "boot"
)

// Points returns the design's n(k+2) points in this order: the n rows of
// A, the n rows of B, then AB_1 … AB_k, n rows each; point (2+i)·n + j is
// row j of A with input i taken from row j of B (inputs counted from 0).
// The slice and its points belong to d and must not be modified.
func (d *Saltelli) Points() [][]float64 { return d.points }

// Index is the Sobol sensitivity of the output to one input: the share of
// the output's variance that the input explains alone (First, S1) and
// with all its interactions (Total, ST), each with its 95% percentile
// bootstrap interval.
//
// Both are estimates: with few points, or an input that matters little,
// they can fall slightly below 0 or above 1, and First can exceed Total;
// they are not clamped.
type Index struct {
	Input   int        `json:"input"`      // the input, counted from 0 in the box's order
	First   float64    `json:"first"`      // S1
	Total   float64    `json:"total"`      // ST
	FirstCI [2]float64 `json:"first_ci95"` // 95% percentile bootstrap interval of S1
	TotalCI [2]float64 `json:"total_ci95"` // 95% percentile bootstrap interval of ST
}

// Indices computes S1 and ST of each input from the model outputs y, one
// per point in the order of Points, with the estimators of Saltelli et al.
// (2010, table 2: (b) for S1 and (f), Jansen 1999, for ST):
//
//	V    = variance of the 2n outputs at A and B
//	S1_i = (1/n) Σ_j f(B)_j (f(AB_i)_j - f(A)_j) / V
//	ST_i = (1/2n) Σ_j (f(A)_j - f(AB_i)_j)² / V
//
// The outputs are first centred on the mean of those at A and B and
// scaled by the largest deviation from it, which leaves the ratios
// unchanged in exact arithmetic but removes the error that an offset adds
// to S1's estimator and keeps the sums of squares finite (SALib centres
// and scales too, by the SD).
//
// The intervals are percentile bootstrap intervals (2.5th and 97.5th
// percentiles) from resamples resamples of the n base rows j, drawn with
// replacement from a math/rand/v2 PCG seeded by seed, each resample
// re-estimating V and every index from the rows it drew; a resample whose
// outputs at A and B are all equal has no variance and is left out.
// Resampling rows treats the quasi-random design as if it were random, so
// the intervals are, if anything, wider than the indices' true error.
//
// Indices returns an error if len(y) differs from len(d.Points()), if an
// output is NaN or infinite, if resamples < 1, or, wrapping ErrNoVariance,
// if the outputs at A and B are all equal or every resample's are. It never
// returns NaN.
func (d *Saltelli) Indices(y []float64, resamples int, seed uint64) ([]Index, error) {
	n, k := d.n, d.k
	if len(y) != n*(k+2) {
		return nil, fmt.Errorf("design: %d outputs for a Sobol design of %d points (n = %d, k = %d)", len(y), n*(k+2), n, k)
	}
	for p, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("design: output %d is %g; give finite outputs", p, v)
		}
	}
	if resamples < 1 {
		return nil, fmt.Errorf("design: %d bootstrap resamples; give at least 1 (1000 is usual)", resamples)
	}
	mean := 0.0
	for _, v := range y[:2*n] {
		mean += v
	}
	mean /= float64(2 * n)
	c := make([]float64, len(y))
	scale := 0.0
	for p, v := range y {
		c[p] = v - mean
		scale = max(scale, math.Abs(c[p]))
	}
	if scale > 0 {
		for p := range c {
			c[p] /= scale // so that no sum of squares overflows
		}
	}
	est := sobolEstimator{n: n, k: k, y: c, first: make([]float64, k), total: make([]float64, k)}

	rows := make([]int, n)
	for j := range rows {
		rows[j] = j
	}
	if !est.estimate(rows) {
		return nil, fmt.Errorf("design: %w: all %d outputs at the A and B points equal %g", ErrNoVariance, 2*n, y[0])
	}
	out := make([]Index, k)
	for i := range out {
		out[i] = Index{Input: i, First: est.first[i], Total: est.total[i]}
	}

	rng := rand.New(rand.NewPCG(seed, bootstrapStream))
	first := make([][]float64, k)
	total := make([][]float64, k)
	for b := 0; b < resamples; b++ {
		for j := range rows {
			rows[j] = rng.IntN(n)
		}
		if !est.estimate(rows) {
			continue
		}
		for i := range k {
			first[i] = append(first[i], est.first[i])
			total[i] = append(total[i], est.total[i])
		}
	}
	if len(first[0]) == 0 {
		return nil, fmt.Errorf("design: %w in any of %d bootstrap resamples", ErrNoVariance, resamples)
	}
	for i := range out {
		out[i].FirstCI = percentileInterval(first[i])
		out[i].TotalCI = percentileInterval(total[i])
	}
	return out, nil
}

// sobolEstimator computes the indices of a Saltelli design's centred
// outputs y over a multiset of its base rows, into first and total.
type sobolEstimator struct {
	n, k         int
	y            []float64
	first, total []float64
}

// estimate sets first and total from the base rows listed in rows
// (repeats count). It returns false, leaving them unset, if the outputs at
// A and B in those rows have no variance.
func (e *sobolEstimator) estimate(rows []int) bool {
	n := e.n
	ya, yb := e.y[:n], e.y[n:2*n]
	var sum float64
	for _, j := range rows {
		sum += ya[j] + yb[j]
	}
	m := float64(len(rows))
	mu := sum / (2 * m)
	var ss float64
	for _, j := range rows {
		da, db := ya[j]-mu, yb[j]-mu
		ss += da*da + db*db
	}
	v := ss / (2 * m)
	if v == 0 {
		return false
	}
	for i := range e.k {
		yab := e.y[(2+i)*n : (3+i)*n]
		var s1, st float64
		for _, j := range rows {
			a, b, ab := ya[j], yb[j], yab[j]
			s1 += b * (ab - a)
			st += (a - ab) * (a - ab)
		}
		e.first[i] = s1 / m / v
		e.total[i] = st / (2 * m) / v
	}
	return true
}

// percentileInterval returns the 2.5th and 97.5th percentiles of x (the
// empirical quantile function, gonum's stat.Empirical), sorting x.
func percentileInterval(x []float64) [2]float64 {
	slices.Sort(x)
	return [2]float64{stat.Quantile(0.025, stat.Empirical, x, nil), stat.Quantile(0.975, stat.Empirical, x, nil)}
}
