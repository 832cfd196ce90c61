package design

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The sequence equals SciPy's unscrambled Sobol sequence (same direction
// numbers, same Gray-code order) at the points of testdata/sobol-scipy.txt,
// in all 64 dimensions; the file says how it was made.
func TestSobolSeqMatchesSciPy(t *testing.T) {
	f, err := os.Open("testdata/sobol-scipy.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[uint64][]uint32{}
	last := uint64(0)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Fields(sc.Text())
		i, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil || len(fields) != 1+maxSobolDims {
			t.Fatalf("bad line %q", sc.Text())
		}
		for _, f := range fields[1:] {
			v, err := strconv.ParseUint(f, 10, 32)
			if err != nil {
				t.Fatal(err)
			}
			want[i] = append(want[i], uint32(v))
		}
		last = max(last, i)
	}
	if len(want) < 10 {
		t.Fatalf("only %d reference points", len(want))
	}
	s := newSobolSeq(maxSobolDims)
	for i := range last + 1 {
		x := s.next()
		w, ok := want[i]
		if !ok {
			continue
		}
		for d := range x {
			if x[d] != w[d] {
				t.Errorf("point %d dimension %d = %d, SciPy %d", i, d+1, x[d], w[d])
			}
		}
	}
}

// The first 2^m points stratify every dimension: each of the 2^m intervals
// [j/2^m, (j+1)/2^m) holds one point. For two dimensions whose polynomials
// have degrees s1 and s2, the projection is a (t, m, 2)-net with
// t <= s1 + s2 - 2 (Sobol' 1967: t = Σ (s_j - 1)): every
// elementary box of area 2^(t-m) holds exactly 2^t points. Checked for
// the first 40 dimensions, which a 20-input Saltelli design uses.
func TestSobolSeqNets(t *testing.T) {
	const m, dims = 10, 40
	n := 1 << m
	s := newSobolSeq(dims)
	pts := make([][]uint32, n)
	for i := range pts {
		pts[i] = append([]uint32(nil), s.next()...)
	}
	degree := func(d int) int {
		if d == 0 {
			return 1 // dimension 1 behaves as x + 1: t contribution 0
		}
		return int(joeKuo[d-1].s)
	}
	for d := range dims {
		seen := make([]bool, n)
		for _, p := range pts {
			j := p[d] >> (sobolBits - m)
			if seen[j] {
				t.Fatalf("dimension %d: two of the first %d points in interval %d", d+1, n, j)
			}
			seen[j] = true
		}
	}
	for d1 := range dims {
		for d2 := d1 + 1; d2 < dims; d2++ {
			tq := degree(d1) + degree(d2) - 2
			if tq >= m {
				continue
			}
			// Every split of the m - t bits between the two axes.
			for b1 := 0; b1 <= m-tq; b1++ {
				b2 := m - tq - b1
				count := make(map[[2]uint32]int)
				for _, p := range pts {
					count[[2]uint32{p[d1] >> (sobolBits - b1) & (1<<b1 - 1), p[d2] >> (sobolBits - b2) & (1<<b2 - 1)}]++
				}
				for box, c := range count {
					if c != 1<<tq {
						t.Fatalf("dimensions %d, %d: box %v of %d×%d holds %d points, want 2^%d", d1+1, d2+1, box, 1<<b1, 1<<b2, c, tq)
					}
				}
			}
		}
	}
}

func TestSobolSeqDimensions(t *testing.T) {
	for _, dims := range []int{0, maxSobolDims + 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newSobolSeq(%d) did not panic", dims)
				}
			}()
			newSobolSeq(dims)
		}()
	}
}
