package model

import "gonum.org/v1/gonum/stat/distuv"

// Dist is the family of a Param's distribution.
type Dist uint8

// The distributions a Param may follow.
const (
	Fixed       Dist = iota // a single number
	Uniform                 // uniform on [Lo, Hi]
	Triangular              // triangular on [Lo, Hi] with mode Mode
	PERT                    // beta on [Lo, Hi] with mean (Lo + 4·Mode + Hi)/6
	TruncNormal             // normal(Mean, SD) truncated to [Lo, Hi]
)

var distNames = [...]string{"fixed", "uniform", "triangular", "pert", "truncnormal"}

// String returns the distribution's name as written in scenario files.
func (d Dist) String() string { return distNames[d] }

// Param is a numeric scenario parameter: a fixed number or a distribution
// that is sampled once per episode. Load keys each Param's draws by its
// field path; a Param built in code has key 0, so all such Params in one
// scenario draw the same uniform number and are perfectly correlated.
type Param struct {
	Dist     Dist
	Value    float64 // Fixed only
	Lo, Hi   float64 // support bounds; for Fixed both equal Value
	Mode     float64 // Triangular and PERT
	Mean, SD float64 // TruncNormal

	// key selects the uniform stream the parameter is drawn from; it is
	// derived from the field path so that scenarios sharing a field share
	// its draws (common random numbers).
	key uint64
}

// FixedParam returns a Param that always takes the value v.
func FixedParam(v float64) Param {
	return Param{Dist: Fixed, Value: v, Lo: v, Hi: v}
}

// Support returns the smallest and largest values the Param can take.
func (p Param) Support() (lo, hi float64) { return p.Lo, p.Hi }

// Central returns the Param's central value: the fixed value, the mode of a
// triangular or PERT, the middle of a uniform, the mean of a truncated
// normal.
func (p Param) Central() float64 {
	switch p.Dist {
	case Fixed:
		return p.Value
	case Uniform:
		return (p.Lo + p.Hi) / 2
	case Triangular, PERT:
		return p.Mode
	default:
		return p.Mean
	}
}

// Quantile returns the value of the Param at cumulative probability u in
// (0, 1). Sampling by inversion keeps one uniform number per parameter, so
// paired scenarios stay aligned draw for draw.
func (p Param) Quantile(u float64) float64 {
	switch p.Dist {
	case Fixed:
		return p.Value
	case Uniform:
		return p.Lo + u*(p.Hi-p.Lo)
	case Triangular:
		return distuv.NewTriangle(p.Lo, p.Hi, p.Mode, nil).Quantile(u)
	case PERT:
		w := p.Hi - p.Lo
		beta := distuv.Beta{Alpha: 1 + 4*(p.Mode-p.Lo)/w, Beta: 1 + 4*(p.Hi-p.Mode)/w}
		return p.Lo + w*beta.Quantile(u)
	default:
		a := distuv.UnitNormal.CDF((p.Lo - p.Mean) / p.SD)
		b := distuv.UnitNormal.CDF((p.Hi - p.Mean) / p.SD)
		x := p.Mean + p.SD*distuv.UnitNormal.Quantile(a+u*(b-a))
		return min(max(x, p.Lo), p.Hi)
	}
}

// Scale returns the Param multiplied by f > 0: every number of its
// distribution is multiplied, so the sampled value is multiplied too.
func (p Param) Scale(f float64) Param {
	p.Value *= f
	p.Lo *= f
	p.Hi *= f
	p.Mode *= f
	p.Mean *= f
	p.SD *= f
	return p
}

// String returns the Param as written in a scenario file, e.g. 0.97 or
// {triangular: [0.93, 0.97, 0.99]}.
func (p Param) String() string {
	f := fmtNum
	var args []string
	switch p.Dist {
	case Fixed:
		return f(p.Value)
	case Uniform:
		args = []string{f(p.Lo), f(p.Hi)}
	case Triangular, PERT:
		args = []string{f(p.Lo), f(p.Mode), f(p.Hi)}
	default:
		args = []string{f(p.Mean), f(p.SD), f(p.Lo), f(p.Hi)}
	}
	s := "{" + p.Dist.String() + ": ["
	for i, a := range args {
		if i > 0 {
			s += ", "
		}
		s += a
	}
	return s + "]}"
}
