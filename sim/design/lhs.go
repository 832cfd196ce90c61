package design

import "math/rand/v2"

// LatinHypercube returns n points in the box, one in each of n equal strata
// of every input (McKay, Beckman & Conover 1979): for each input, the n
// points fall in a random permutation of the strata
// [Lo + s·w/n, Lo + (s+1)·w/n), s = 0 … n-1, w = Hi - Lo, each uniformly
// within its stratum. Inputs are permuted independently, so the design has
// no imposed correlation beyond the sampling noise of independent
// permutations.
//
// The design is reproducible from seed: it draws from a math/rand/v2 PCG
// generator seeded by (seed, a constant of this function), never from a
// global generator. Every coordinate lies in its closed range; a range with
// Lo == Hi gives that value at every point.
//
// LatinHypercube returns an empty design for n <= 0 and panics if
// CheckBox(box) reports an error (callers check user-supplied ranges with
// CheckBox first). The points share one backing array.
func LatinHypercube(n int, box []Range, seed uint64) [][]float64 {
	if err := CheckBox(box); err != nil {
		panic(err)
	}
	if n <= 0 {
		return [][]float64{}
	}
	rng := rand.New(rand.NewPCG(seed, lhsStream))
	k := len(box)
	flat := make([]float64, n*k)
	points := make([][]float64, n)
	for p := range points {
		points[p] = flat[p*k : (p+1)*k : (p+1)*k]
	}
	perm := make([]int, n)
	for i, r := range box {
		for s := range perm {
			perm[s] = s
		}
		rng.Shuffle(n, func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		for p, s := range perm {
			points[p][i] = r.at((float64(s) + rng.Float64()) / float64(n))
		}
	}
	return points
}

// lhsStream is the PCG stream constant of LatinHypercube, so that its draws
// differ from other designs seeded with the same seed.
const lhsStream = 0x6c6873 // "lhs"
