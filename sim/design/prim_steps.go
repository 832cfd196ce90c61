package design

import (
	"cmp"
	"slices"
)

// primState is PRIM's current box over its points.
type primState struct {
	x     [][]float64
	y     []bool
	alpha float64 // PRIMOptions.Peel
	minN  float64 // PRIMOptions.MinMass times the number of points
	t     int     // true points in all
	order [][]int // order[i]: the points by input i, ties by index
	data  []Range // the data's range of each input
	lim   []Range // the box
	viol  []int   // per point, how many of the box's limits it violates
	n, k  int     // points in the box, true points in the box
}

// primMove is a candidate peel or paste: the limit it sets on one side of
// one input, the box's counts after it, and its objective.
type primMove struct {
	input      int
	upper      bool
	limit      float64
	n, k       int
	obj        float64 // gain in density per point removed or added
	restricted int     // inputs the box restricts after the move
}

func newPRIMState(x [][]float64, y []bool, opts PRIMOptions) *primState {
	d := len(x[0])
	s := &primState{x: x, y: y, alpha: opts.Peel, minN: opts.MinMass * float64(len(x)),
		order: make([][]int, d), data: make([]Range, d), viol: make([]int, len(x))}
	for _, v := range y {
		if v {
			s.t++
		}
	}
	for i := range d {
		ord := make([]int, len(x))
		for p := range ord {
			ord[p] = p
		}
		slices.SortStableFunc(ord, func(a, b int) int { return cmp.Compare(x[a][i], x[b][i]) })
		s.order[i] = ord
		s.data[i] = Range{x[ord[0]][i], x[ord[len(ord)-1]][i]}
	}
	s.lim = slices.Clone(s.data)
	s.n, s.k = len(x), s.t
	return s
}

// step makes the best of the moves that move proposes for each side of
// each input (lower side first, inputs in order), and reports whether
// there was one. The best has the largest objective, then the fewest
// restricted inputs, then comes first.
func (s *primState) step(move func(input int, upper bool) (primMove, bool)) bool {
	var best primMove
	found := false
	for i := range s.lim {
		for _, upper := range []bool{false, true} {
			m, ok := move(i, upper)
			if ok && (!found || m.obj > best.obj || (m.obj == best.obj && m.restricted < best.restricted)) {
				best, found = m, true
			}
		}
	}
	if !found {
		return false
	}
	if best.upper {
		s.lim[best.input].Hi = best.limit
	} else {
		s.lim[best.input].Lo = best.limit
	}
	s.count()
	return true
}

// count sets viol, n and k from the box's limits.
func (s *primState) count() {
	s.n, s.k = 0, 0
	for p, row := range s.x {
		v := 0
		for i, r := range s.lim {
			if !r.Contains(row[i]) {
				v++
			}
		}
		s.viol[p] = v
		if v == 0 {
			s.n++
			if s.y[p] {
				s.k++
			}
		}
	}
}

// restricted returns how many inputs the box restricts.
func (s *primState) restricted() int {
	r := 0
	for i := range s.lim {
		if s.lim[i] != s.data[i] {
			r++
		}
	}
	return r
}

// batch returns how many points a step moves: α of the box, at least one.
func (s *primState) batch() int { return max(1, int(s.alpha*float64(s.n))) }

// peel proposes removing the batch of the box's points lowest (or highest)
// on input i, with every point equal to the last one removed. It proposes
// nothing if that would empty the box, leave it below the minimum mass, or
// not raise its density.
func (s *primState) peel(i int, upper bool) (primMove, bool) {
	ord, m := s.order[i], s.batch()
	removed, removedK := 0, 0
	var last float64
	for q := range ord {
		p := ord[q]
		if upper {
			p = ord[len(ord)-1-q]
		}
		if s.viol[p] != 0 {
			continue
		}
		v := s.x[p][i]
		if removed >= m && v != last {
			mv := primMove{input: i, upper: upper, limit: between(v, last), n: s.n - removed, k: s.k - removedK, restricted: s.restricted()}
			if s.lim[i] == s.data[i] {
				mv.restricted++
			}
			if float64(mv.n) < s.minN {
				return primMove{}, false
			}
			mv.obj = (float64(mv.k)/float64(mv.n) - float64(s.k)/float64(s.n)) / float64(removed)
			return mv, mv.obj > 0
		}
		last = v
		removed++
		if s.y[p] {
			removedK++
		}
	}
	return primMove{}, false // every point would go
}

// paste proposes widening the box's lower (or upper) limit on input i to
// take in the batch of points nearest below (above) it among those outside
// the box on that limit alone, with every point equal to the last one
// taken; the limit returns to the data's bound if that takes them all. It
// proposes nothing if there are none or the density would not rise.
func (s *primState) paste(i int, upper bool) (primMove, bool) {
	ord, m := s.order[i], s.batch()
	added, addedK := 0, 0
	var last float64
	mv := primMove{input: i, upper: upper, limit: s.data[i].Lo}
	if upper {
		mv.limit = s.data[i].Hi
	}
	for q := range ord {
		p := ord[len(ord)-1-q] // for the lower limit, nearest first
		if upper {
			p = ord[q]
		}
		v := s.x[p][i]
		if (!upper && v >= s.lim[i].Lo) || (upper && v <= s.lim[i].Hi) || s.viol[p] != 1 {
			continue
		}
		if added >= m && v != last {
			mv.limit = between(last, v)
			break
		}
		last = v
		added++
		if s.y[p] {
			addedK++
		}
	}
	if added == 0 {
		return primMove{}, false
	}
	mv.n, mv.k = s.n+added, s.k+addedK
	mv.restricted = s.restricted()
	widened := s.lim[i]
	if upper {
		widened.Hi = mv.limit
	} else {
		widened.Lo = mv.limit
	}
	if widened == s.data[i] {
		mv.restricted--
	}
	mv.obj = (float64(mv.k)/float64(mv.n) - float64(s.k)/float64(s.n)) / float64(added)
	return mv, mv.obj > 0
}

// between returns a limit halfway from keep to drop, so that a box bounded
// by it holds keep and not drop; with no float strictly between them, it
// returns keep.
func between(keep, drop float64) float64 {
	if mid := keep + (drop-keep)/2; mid != keep && mid != drop {
		return mid
	}
	return keep
}

// box returns the current box and its statistics.
func (s *primState) box() Box {
	b := Box{Limits: slices.Clone(s.lim), Restricted: make([]bool, len(s.lim)), N: s.n, K: s.k,
		Coverage: float64(s.k) / float64(s.t), Density: float64(s.k) / float64(s.n), Mass: float64(s.n) / float64(len(s.x))}
	for i := range s.lim {
		b.Restricted[i] = s.lim[i] != s.data[i]
	}
	return b
}
