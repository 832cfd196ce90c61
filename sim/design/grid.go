package design

// Grid returns the full-factorial design of the given per-input values:
// every combination of one value of each input, row-major with the last
// input varying fastest, so point p has input i at
// values[i][(p / Π_{j>i} len(values[j])) mod len(values[i])].
//
// The design has Π len(values[i]) points; it is empty if any input has no
// values, and it is the single point with no coordinates if there are no
// inputs (the empty product). The points share one backing array; the
// values are copied, not referenced.
func Grid(values [][]float64) [][]float64 {
	n := 1
	for _, v := range values {
		n *= len(v)
	}
	k := len(values)
	flat := make([]float64, n*k)
	points := make([][]float64, n)
	for p := range points {
		points[p] = flat[p*k : (p+1)*k : (p+1)*k]
	}
	stride := 1 // product of the lengths of the inputs after i
	for i := k - 1; i >= 0; i-- {
		v := values[i]
		for p, x := range points {
			x[i] = v[(p/stride)%len(v)]
		}
		stride *= len(v)
	}
	return points
}
