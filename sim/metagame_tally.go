package sim

import (
	"math"

	"github.com/parley-sim/parley/sim/stats"
)

// A gameTally accumulates the episodes of every cell of a meta-game and
// the Poisson bootstrap's weighted sums.
type gameTally struct {
	cells    []cellTally
	weight   []float64 // weight[r]: Σᵢ w_ri, replicate r's total weight
	weighted []float64 // weighted[(2c + k)·replicates + r]: Σᵢ w_ri·u_k(i) in cell c

	feasible      int64    // episodes whose world is feasible
	choices       []choice // shared by every tally of a game; never written
	choiceTallies []choiceTally
}

// A cellTally accumulates one cell's episodes.
type cellTally struct {
	outcomes [numOutcomes]int64
	utility  [2]stats.Moments
}

func newGameTally(cells, replicates int, choices []choice) *gameTally {
	return &gameTally{
		cells:         make([]cellTally, cells),
		weight:        make([]float64, replicates),
		weighted:      make([]float64, replicates*cells*2),
		choices:       choices,
		choiceTallies: make([]choiceTally, len(choices)),
	}
}

func (t *gameTally) reset() {
	clear(t.cells)
	clear(t.weight)
	clear(t.weighted)
	clear(t.choiceTallies)
	t.feasible = 0
}

// addWeights adds one episode's replicate weights to the totals.
func (t *gameTally) addWeights(w []float64) {
	for r, x := range w {
		t.weight[r] += x
	}
}

// add counts the episode e of cell c, whose replicate weights are w.
func (t *gameTally) add(c int, e *Episode, w []float64) {
	tc := &t.cells[c]
	tc.outcomes[e.Outcome]++
	for k := range 2 {
		u := e.MeanFlow[k]
		tc.utility[k].Add(u)
		sums := t.weighted[(2*c+k)*len(w) : (2*c+k+1)*len(w)]
		for r, x := range w {
			sums[r] += x * u
		}
	}
}

func (t *gameTally) merge(o *gameTally) {
	for c := range t.cells {
		for k := range t.cells[c].outcomes {
			t.cells[c].outcomes[k] += o.cells[c].outcomes[k]
		}
		for k := range 2 {
			t.cells[c].utility[k].Merge(o.cells[c].utility[k])
		}
	}
	for r, x := range o.weight {
		t.weight[r] += x
	}
	for n, x := range o.weighted {
		t.weighted[n] += x
	}
	t.feasible += o.feasible
	for n := range t.choiceTallies {
		for w := range t.choiceTallies[n].m {
			for m := range t.choiceTallies[n].m[w] {
				t.choiceTallies[n].m[w][m].Merge(o.choiceTallies[n].m[w][m])
			}
		}
	}
}

// tagBootstrap keys the Poisson bootstrap's weights, apart from the
// episodes' own streams.
const tagBootstrap uint64 = 0x626f6f7473747270 // "bootstrp"

// poissonCDF[k] is P(W ≤ k) = Σ_{j ≤ k} e⁻¹/j! for W ~ Poisson(1), for
// k = 0 … 17. P(W > 17) < 1e-15, and the last entry is 1 to within
// rounding, so larger weights are drawn as 17.
var poissonCDF = func() []float64 {
	cdf := make([]float64, 18)
	p, sum := math.Exp(-1), 0.0
	for k := range cdf {
		sum += p
		cdf[k] = sum
		p /= float64(k + 1)
	}
	return cdf
}()

// poissonWeights fills w with episode i's weight in each replicate r:
// a Poisson(1) number drawn by inversion from the uniform number of
// (seed, r, i), so it depends on nothing else.
func poissonWeights(w []float64, seed uint64, i int) {
	key := mix(seed ^ tagBootstrap)
	for r := range w {
		u := unit(mix(mix(key+uint64(r)) + uint64(i)))
		k := 0
		for k < len(poissonCDF)-1 && u > poissonCDF[k] {
			k++
		}
		w[r] = float64(k)
	}
}
