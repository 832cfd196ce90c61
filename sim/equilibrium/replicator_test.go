package equilibrium

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestReplicatorDominatedDecays runs the prisoner's dilemma A = [[9, 0],
// [10, 1]] (Gambit's pd.nfg): defecting earns exactly 1 more than
// cooperating against any mix, so each exponential step multiplies the
// ratio x_C/x_D by exp(−dt), and after s steps it is (x_C/x_D)(0)·exp(−s·dt).
func TestReplicatorDominatedDecays(t *testing.T) {
	a := [][]float64{{9, 0}, {10, 1}}
	b := [][]float64{{9, 10}, {0, 1}}
	const dt, steps = 0.1, 100
	states, err := Replicator(a, b, []float64{0.9, 0.1}, []float64{0.5, 0.5}, dt, steps)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != steps+1 {
		t.Fatalf("%d states, want steps+1 = %d", len(states), steps+1)
	}
	const tol = 1e-12 // relative; float rounding over 100 steps
	for s, st := range states {
		want := 9 * math.Exp(-float64(s)*dt) // initial ratio 0.9/0.1
		if got := st.X[0] / st.X[1]; math.Abs(got-want) > tol*want {
			t.Fatalf("step %d: x_C/x_D = %v, want %v", s, got, want)
		}
		if s > 0 && st.X[0] >= states[s-1].X[0] {
			t.Fatalf("step %d: cooperation's share did not decay", s)
		}
	}
	if last := states[steps]; last.X[0] > 1e-3 || math.Abs(last.T-steps*dt) > 1e-12 {
		t.Errorf("after %d steps: cooperation %v at time %v, want below 1e-3 (9·e^−10 ≈ 4e-4) at %v", steps, last.X[0], last.T, steps*dt)
	}
}

// TestReplicatorRestPoint checks that matching pennies' interior
// equilibrium (1/2, 1/2) is a fixed point: both strategies earn 0 there.
func TestReplicatorRestPoint(t *testing.T) {
	a := [][]float64{{1, -1}, {-1, 1}}
	b := [][]float64{{-1, 1}, {1, -1}}
	states, err := Replicator(a, b, []float64{0.5, 0.5}, []float64{0.5, 0.5}, 0.5, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for s, st := range states {
		if st.X[0] != 0.5 || st.Y[0] != 0.5 {
			t.Fatalf("step %d: moved to x = %v, y = %v", s, st.X, st.Y)
		}
	}
}

// TestReplicatorSimplex checks on random games that the shares stay
// nonnegative and sum to 1, even with large steps.
func TestReplicatorSimplex(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 31))
	for range 20 {
		m, n := 1+rng.IntN(5), 1+rng.IntN(5)
		a, b := randomFloatGame(rng, m, n)
		x0, y0 := randomSimplex(rng, m), randomSimplex(rng, n)
		states, err := Replicator(a, b, x0, y0, 5, 50) // dt = 5: an Euler step would leave the simplex
		if err != nil {
			t.Fatal(err)
		}
		for s, st := range states {
			for _, p := range [][]float64{st.X, st.Y} {
				sum := 0.0
				for _, v := range p {
					if v < 0 || v > 1 {
						t.Fatalf("step %d: share %v outside [0, 1]", s, v)
					}
					sum += v
				}
				if math.Abs(sum-1) > 1e-12 { // a few ulps of rounding
					t.Fatalf("step %d: shares sum to %v", s, sum)
				}
			}
		}
	}
}

func randomSimplex(rng *rand.Rand, k int) []float64 {
	p := make([]float64, k)
	sum := 0.0
	for i := range p {
		p[i] = rng.Float64() + 0.01
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}

func TestReplicatorErrors(t *testing.T) {
	a := [][]float64{{1, 0}, {0, 1}}
	half := []float64{0.5, 0.5}
	tests := []struct {
		name   string
		a      [][]float64
		x0     []float64
		dt     float64
		steps  int
		substr string
	}{
		{"NaN payoff", [][]float64{{1, math.NaN()}, {0, 1}}, half, 0.1, 1, "payoff matrix a: entry [0][1] is NaN"},
		{"zero dt", a, half, 0, 1, "time step 0: want a positive finite number"},
		{"infinite dt", a, half, math.Inf(1), 1, "time step +Inf"},
		{"negative steps", a, half, 0.1, -1, "steps -1: want 0 or more"},
		{"short start", a, []float64{1}, 0.1, 1, "x0 has 1 shares; the game gives this player 2 strategies"},
		{"negative share", a, []float64{1.5, -0.5}, 0.1, 1, "x0[1] = -0.5"},
		{"not summing to 1", a, []float64{0.5, 0.6}, 0.1, 1, "x0 sums to 1.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Replicator(tt.a, a, tt.x0, half, tt.dt, tt.steps)
			if err == nil || !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error %v, want one containing %q", err, tt.substr)
			}
		})
	}
}
