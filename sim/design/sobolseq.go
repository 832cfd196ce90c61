package design

import "math/bits"

// maxSobolDims is the number of dimensions of the Sobol sequence that the
// embedded direction numbers (joeKuo) support: 2k columns for a Saltelli
// design of up to k = 32 inputs.
const maxSobolDims = 64

// sobolBits is the number of bits of each coordinate: the sequence has
// 2^32 points, each coordinate a multiple of 2^-32.
const sobolBits = 32

// sobolSeq generates the Sobol (1967) sequence with Joe & Kuo's direction
// numbers in Gray-code order (Antonov & Saleev 1979), the order of Joe &
// Kuo's reference generator and of SciPy's scipy.stats.qmc.Sobol: point 0
// is the origin and point i is point i-1 with the direction number of the
// lowest zero bit of i-1 XORed into each coordinate. In any order, the
// first 2^m points of a Sobol sequence are a (t, m, s)-net: in every
// dimension, each interval [j/2^m, (j+1)/2^m) holds exactly one of them.
type sobolSeq struct {
	v [][sobolBits]uint32 // v[d][j] = direction number j+1 of dimension d, scaled to 32 bits
	x []uint32            // the last point returned
	i uint64              // how many points have been returned
}

// newSobolSeq returns the sequence in dims dimensions, positioned before
// point 0. It panics if dims is not in [1, maxSobolDims].
func newSobolSeq(dims int) *sobolSeq {
	if dims < 1 || dims > maxSobolDims {
		panic("design: Sobol sequence dimension out of range")
	}
	s := &sobolSeq{v: make([][sobolBits]uint32, dims), x: make([]uint32, dims)}
	for j := range sobolBits {
		s.v[0][j] = 1 << (sobolBits - 1 - j) // m_j = 1 for every j
	}
	for d := 1; d < dims; d++ {
		jk := joeKuo[d-1]
		v, deg := &s.v[d], int(jk.s)
		for j := range sobolBits {
			if j < deg {
				v[j] = jk.m[j] << (sobolBits - 1 - j)
				continue
			}
			// Bratley & Fox (1988): v_j = v_{j-s} ⊕ (v_{j-s} >> s) ⊕ ⊕_k a_k v_{j-k}.
			w := v[j-deg] ^ (v[j-deg] >> deg)
			for k := 1; k < deg; k++ {
				if (jk.a>>(deg-1-k))&1 == 1 {
					w ^= v[j-k]
				}
			}
			v[j] = w
		}
	}
	return s
}

// next returns the next point of the sequence as integers: coordinate d
// is the point's coordinate times 2^32. The slice belongs to s and is
// overwritten by the following call. next panics after 2^32 points.
func (s *sobolSeq) next() []uint32 {
	if s.i > 0 {
		c := bits.TrailingZeros64(^(s.i - 1)) // lowest zero bit of i-1
		if c >= sobolBits {
			panic("design: Sobol sequence exhausted after 2^32 points")
		}
		for d := range s.x {
			s.x[d] ^= s.v[d][c]
		}
	}
	s.i++
	return s.x
}
