package design

import (
	"fmt"
	"slices"
	"testing"
)

func TestGrid(t *testing.T) {
	tests := []struct {
		name   string
		values [][]float64
		want   [][]float64
	}{
		{"no inputs is the empty product", nil, [][]float64{{}}},
		{"one input", [][]float64{{3, 1, 2}}, [][]float64{{3}, {1}, {2}}},
		{"an input without values", [][]float64{{1, 2}, {}}, [][]float64{}},
		{"last input fastest", [][]float64{{0.95, 0.98}, {1, 2, 3}}, [][]float64{
			{0.95, 1}, {0.95, 2}, {0.95, 3},
			{0.98, 1}, {0.98, 2}, {0.98, 3},
		}},
		{"three inputs", [][]float64{{0, 1}, {5}, {7, 8}}, [][]float64{
			{0, 5, 7}, {0, 5, 8}, {1, 5, 7}, {1, 5, 8},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Grid(tt.values)
			if !slices.EqualFunc(got, tt.want, slices.Equal[[]float64]) {
				t.Errorf("Grid(%v) = %v, want %v", tt.values, got, tt.want)
			}
		})
	}
}

// Every combination appears exactly once, and the point count is the
// product of the level counts, for designs of up to four inputs.
func TestGridFactorial(t *testing.T) {
	for _, sizes := range [][]int{{1}, {4}, {2, 3}, {3, 1, 2}, {2, 2, 2, 5}} {
		values := make([][]float64, len(sizes))
		want := 1
		for i, s := range sizes {
			for l := range s {
				values[i] = append(values[i], float64(10*i+l))
			}
			want *= s
		}
		got := Grid(values)
		if len(got) != want {
			t.Fatalf("sizes %v: %d points, want %d", sizes, len(got), want)
		}
		seen := map[string]bool{}
		for p, x := range got {
			if len(x) != len(sizes) {
				t.Fatalf("sizes %v: point %d has %d coordinates", sizes, p, len(x))
			}
			for i, v := range x {
				if !slices.Contains(values[i], v) {
					t.Fatalf("sizes %v: point %d input %d = %g is not a level", sizes, p, i, v)
				}
			}
			key := fmt.Sprint(x)
			if seen[key] {
				t.Fatalf("sizes %v: point %d %v repeats", sizes, p, x)
			}
			seen[key] = true
		}
	}
}

// Appending to one point must not overwrite the next, and the levels are
// copied.
func TestGridPointsIndependent(t *testing.T) {
	values := [][]float64{{1, 2}, {3, 4}}
	got := Grid(values)
	_ = append(got[0], 99)
	values[0][0] = -1
	if got[1][0] != 1 || got[0][0] != 1 {
		t.Errorf("Grid points alias their neighbours or the levels: %v", got)
	}
}
