package sim

import (
	"math"
	"testing"
)

// TestReplicatorDynamics checks the prisoner's dilemma (payoffs 3, 0, 5,
// 1): defection earns 2 more than cooperation against cooperators and 1
// more against defectors, so its share x grows at least as fast as under
// ẋ = x(1 − x)·1, whose solution from 1/2 is the logistic 1/(1 + e^−t):
// above 0.9999 by t = 10. Shares stay in [0, 1] and sum to 1, and the
// times reported are those asked for.
func TestReplicatorDynamics(t *testing.T) {
	g := handGame([][]float64{{3, 0}, {5, 1}}, [][]float64{{3, 5}, {0, 1}}, 0)
	times := []float64{0, 1, 10}
	d, err := ReplicatorDynamics(g, times)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.States) != len(times) {
		t.Fatalf("%d states; want %d", len(d.States), len(times))
	}
	const tol = 1e-12 // rounding of a sum of two shares
	for n, st := range d.States {
		if st.Time != times[n] {
			t.Errorf("state %d at time %v; want %v", n, st.Time, times[n])
		}
		for k, x := range st.Shares {
			if math.Abs(x[0]+x[1]-1) > tol || x[0] < 0 || x[1] < 0 {
				t.Errorf("time %v, player %d: shares %v", st.Time, k, x)
			}
		}
	}
	if x := d.States[0].Shares[0]; x[0] != 0.5 {
		t.Errorf("start %v; want an even mix", x)
	}
	for k := range 2 {
		if x := d.States[2].Shares[k][1]; x < 0.9999 {
			t.Errorf("player %d: defection's share at t = 10 is %v; want above 0.9999", k, x)
		}
	}
}
