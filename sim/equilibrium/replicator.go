package equilibrium

import (
	"fmt"
	"math"
)

// State is the two populations' strategy shares at time T of replicator
// dynamics: X over player 1's strategies, Y over player 2's, each summing
// to 1.
type State struct {
	T    float64
	X, Y []float64
}

// simplexTolerance is how far from 1 the sum of initial shares may be; the
// shares are then rescaled to sum to 1.
const simplexTolerance = 1e-9

// Replicator runs two-population replicator dynamics from shares (x0, y0)
// for steps steps of length dt and returns the steps+1 states, the first
// being the (rescaled) start. Player 1's population plays rows with
// fitness f = A y, player 2's plays columns with fitness g = Bᵀx, and both
// update at once from the same state by the exponential step
//
//	x_i ← x_i·exp(dt·f_i) / Σ_k x_k·exp(dt·f_k),  y_j likewise with g.
//
// Its derivative in dt at dt = 0 is the replicator equation
// ẋ_i = x_i (f_i − xᵀf) (Weibull 1995, ch. 5), so for small dt it follows
// the continuous dynamics; unlike an Euler step it keeps every share in
// [0, 1] summing to 1 for any dt, keeps absent strategies absent, and, like
// the continuous dynamics, is unchanged by adding a constant to a player's
// payoffs. Rest points of the replicator equation (equilibria among them)
// are fixed points of the step. Around a mixed equilibrium whose continuous
// orbits are closed, such as matching pennies', the discrete orbits spiral
// slowly outward.
//
// It returns an error if the matrices are empty, ragged or differ in shape,
// a payoff is not finite, a start is not a probability vector (nonnegative,
// the right length, summing to 1 within 1e-9), dt is not positive and
// finite, or steps is negative.
func Replicator(a, b [][]float64, x0, y0 []float64, dt float64, steps int) ([]State, error) {
	ra, err := Rats(a)
	if err != nil {
		return nil, fmt.Errorf("payoff matrix a: %w", err)
	}
	rb, err := Rats(b)
	if err != nil {
		return nil, fmt.Errorf("payoff matrix b: %w", err)
	}
	m, n, err := checkGame(ra, rb)
	if err != nil {
		return nil, err
	}
	if !(dt > 0) || math.IsInf(dt, 0) {
		return nil, fmt.Errorf("time step %v: want a positive finite number", dt)
	}
	if steps < 0 {
		return nil, fmt.Errorf("steps %d: want 0 or more", steps)
	}
	x, err := distribution("x0", x0, m)
	if err != nil {
		return nil, err
	}
	y, err := distribution("y0", y0, n)
	if err != nil {
		return nil, err
	}
	out := make([]State, 0, steps+1)
	out = append(out, State{X: x, Y: y})
	for s := 1; s <= steps; s++ {
		f := make([]float64, m)
		for i := range m {
			for j := range n {
				f[i] += a[i][j] * y[j]
			}
		}
		g := make([]float64, n)
		for j := range n {
			for i := range m {
				g[j] += b[i][j] * x[i]
			}
		}
		x, y = expStep(x, f, dt), expStep(y, g, dt)
		out = append(out, State{T: float64(s) * dt, X: x, Y: y})
	}
	return out, nil
}

// expStep returns x_i·exp(dt·f_i) normalised to sum to 1. Subtracting the
// largest fitness first keeps every exponential in (0, 1].
func expStep(x, f []float64, dt float64) []float64 {
	top := math.Inf(-1)
	for i, v := range f {
		if x[i] > 0 {
			top = max(top, v)
		}
	}
	out := make([]float64, len(x))
	sum := 0.0
	for i, v := range x {
		if v > 0 {
			out[i] = v * math.Exp(dt*(f[i]-top))
			sum += out[i]
		}
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// distribution checks that the start called name is a probability vector
// of length k and returns a copy rescaled to sum to 1.
func distribution(name string, p []float64, k int) ([]float64, error) {
	if len(p) != k {
		return nil, fmt.Errorf("%s has %d shares; the game gives this player %d strategies", name, len(p), k)
	}
	sum := 0.0
	for i, v := range p {
		if !(v >= 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s[%d] = %v: a share must be a finite number ≥ 0", name, i, v)
		}
		sum += v
	}
	if math.Abs(sum-1) > simplexTolerance {
		return nil, fmt.Errorf("%s sums to %v: shares must sum to 1", name, sum)
	}
	out := make([]float64, k)
	for i, v := range p {
		out[i] = v / sum
	}
	return out, nil
}
