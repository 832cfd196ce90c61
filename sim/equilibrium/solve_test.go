package equilibrium

import (
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"
)

// rats parses a matrix of fraction strings for a test.
func rats(t testing.TB, rows ...string) [][]*big.Rat {
	t.Helper()
	var out [][]*big.Rat
	for _, r := range rows {
		out = append(out, ratVector(t, strings.Fields(r)))
	}
	return out
}

// eq is an expected equilibrium: strategies and payoffs as fraction strings.
type eq struct{ p1, p2, payoff string }

func TestSolveHandDerived(t *testing.T) {
	tests := []struct {
		name       string
		a, b       [][]*big.Rat
		want       []eq // in Solve's order: player 1's strategy, then player 2's, larger probabilities first
		degenerate bool
		components []Component // nil: one per equilibrium, in order
	}{
		{
			// Prisoner's dilemma (C, D): defecting pays 2 more than
			// cooperating against C (5 > 3) and 1 more against D (1 > 0), for
			// both players, so (D, D) is the unique equilibrium, paying 1 each.
			name: "prisoner's dilemma",
			a:    rats(t, "3 0", "5 1"),
			b:    rats(t, "3 5", "0 1"),
			want: []eq{{"0 1", "0 1", "1 1"}},
		},
		{
			// Matching pennies: no pure equilibrium; each player mixes to make
			// the other indifferent, y − (1 − y) = −y + (1 − y) ⇒ y = 1/2 and
			// likewise x = 1/2. Zero-sum and symmetric: the value is 0.
			name: "matching pennies",
			a:    rats(t, "1 -1", "-1 1"),
			b:    rats(t, "-1 1", "1 -1"),
			want: []eq{{"1/2 1/2", "1/2 1/2", "0 0"}},
		},
		{
			// Battle of the sexes: two pure equilibria paying (2, 1) and (1, 2).
			// Mixed: player 2 is indifferent when x·1 = (1 − x)·2 ⇒ x = 2/3;
			// player 1 when 2y = 1 − y ⇒ y = 1/3; payoffs 2y = 2/3 and x = 2/3.
			name: "battle of the sexes",
			a:    rats(t, "2 0", "0 1"),
			b:    rats(t, "1 0", "0 2"),
			want: []eq{
				{"1 0", "1 0", "2 1"},
				{"2/3 1/3", "1/3 2/3", "2/3 2/3"},
				{"0 1", "0 1", "1 2"},
			},
		},
		{
			// Chicken (swerve, straight), crash −10: two pure equilibria in
			// which one swerves (payoffs −1 and 1). Mixed: swerving pays
			// q·0 − (1 − q) and going straight q − 10(1 − q), equal at q = 9/10;
			// by symmetry p = 9/10, and each gets 9/10 − 1 = −1/10.
			name: "chicken",
			a:    rats(t, "0 -1", "1 -10"),
			b:    rats(t, "0 1", "-1 -10"),
			want: []eq{
				{"1 0", "0 1", "-1 1"},
				{"9/10 1/10", "9/10 1/10", "-1/10 -1/10"},
				{"0 1", "1 0", "1 -1"},
			},
		},
		{
			// Coordination on the diagonal with weights 1, 2, 3: for each of
			// the 7 nonempty supports S both players mix over S so that the
			// other is indifferent, w_i·x_i equal on S, so x_i ∝ 1/w_i, and
			// each gets 1/Σ_{i∈S} 1/w_i: {1,2} → (2/3, 1/3) paying 2/3;
			// {1,3} → (3/4, 1/4) paying 3/4; {2,3} → (3/5, 2/5) paying 6/5;
			// {1,2,3} → (6, 3, 2)/11 paying 6/11.
			name: "3×3 weighted coordination",
			a:    rats(t, "1 0 0", "0 2 0", "0 0 3"),
			b:    rats(t, "1 0 0", "0 2 0", "0 0 3"),
			want: []eq{
				{"1 0 0", "1 0 0", "1 1"},
				{"3/4 0 1/4", "3/4 0 1/4", "3/4 3/4"},
				{"2/3 1/3 0", "2/3 1/3 0", "2/3 2/3"},
				{"6/11 3/11 2/11", "6/11 3/11 2/11", "6/11 6/11"},
				{"0 1 0", "0 1 0", "2 2"},
				{"0 3/5 2/5", "0 3/5 2/5", "6/5 6/5"},
				{"0 0 1", "0 0 1", "3 3"},
			},
		},
		{
			// Entry deterrence (player 1: out, in; player 2: fight,
			// accommodate). Staying out pays (0, 2) whatever player 2 does, so
			// against "out" player 2 has two best responses: degenerate. "Out"
			// is a best response when fighting with probability q gives
			// −q + (1 − q) ≤ 0, i.e. q ≥ 1/2: a continuum whose extreme points
			// are q = 1 and q = 1/2. Besides it, (in, accommodate) pays (1, 1).
			name:       "entry deterrence (degenerate)",
			a:          rats(t, "0 0", "-1 1"),
			b:          rats(t, "2 2", "-1 1"),
			degenerate: true,
			want: []eq{
				{"1 0", "1 0", "0 2"},
				{"1 0", "1/2 1/2", "0 2"},
				{"0 1", "0 1", "1 1"},
			},
			// P1Vertices (1,0), (0,1); P2Vertices (1,0), (1/2,1/2), (0,1).
			components: []Component{{P1: []int{0}, P2: []int{0, 1}}, {P1: []int{1}, P2: []int{2}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sol, err := Solve(tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			var got []eq
			for _, e := range sol.Equilibria {
				got = append(got, eq{vecString(e.P1), vecString(e.P2), vecString(e.Payoff[:])})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("equilibria:\n got %v\nwant %v", got, tt.want)
			}
			if sol.Degenerate != tt.degenerate {
				t.Errorf("Degenerate = %v, want %v", sol.Degenerate, tt.degenerate)
			}
			want := tt.components
			if want == nil {
				for i := range tt.want {
					want = append(want, Component{P1: []int{sol.Equilibria[i].Vertex[0]}, P2: []int{sol.Equilibria[i].Vertex[1]}})
				}
			}
			if !slices.EqualFunc(sol.Components, want, func(c, d Component) bool {
				return slices.Equal(c.P1, d.P1) && slices.Equal(c.P2, d.P2)
			}) {
				t.Errorf("Components = %v, want %v", sol.Components, want)
			}
		})
	}
}

// vecString writes a vector as space-separated reduced fractions.
func vecString(v []*big.Rat) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = x.RatString()
	}
	return strings.Join(parts, " ")
}

func TestSolveErrors(t *testing.T) {
	ok := rats(t, "1 2", "3 4")
	square := func(n int, entry func(i, j int) *big.Rat) [][]*big.Rat {
		m := make([][]*big.Rat, n)
		for i := range m {
			m[i] = make([]*big.Rat, n)
			for j := range m[i] {
				m[i][j] = entry(i, j)
			}
		}
		return m
	}
	zero := func(int, int) *big.Rat { return new(big.Rat) }
	big33 := square(33, zero) // 33 + 33 strategies: more than the 64 labels of a uint64
	big11 := square(11, zero) // C(22, 11) = 705432 systems per player, over the 10×10's 184756
	// Entries 1/(2¹²⁰⁰ + 2k + 1), k = 0 … 3: odd numbers that differ by
	// at most 6, so nearly coprime, and their common denominator has about
	// 4·1200 bits.
	long := square(2, func(i, j int) *big.Rat {
		d := new(big.Int).Lsh(big.NewInt(1), 1200)
		d.Add(d, big.NewInt(int64(2*(2*i+j)+1)))
		return new(big.Rat).SetFrac(big.NewInt(1), d)
	})
	// issue #13: a 10×10 game of 1200-digit payoffs passed the guards and
	// had no answer after 900 s. Entries (10i + j + 2)⁶⁰⁰, up to 1203 digits.
	digits1200 := square(10, func(i, j int) *big.Rat {
		return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(int64(10*i+j+2)), big.NewInt(600), nil))
	})
	tests := []struct {
		name string
		a, b [][]*big.Rat
		want string
	}{
		{"empty", nil, nil, "payoff matrix a is empty; each player needs at least one strategy"},
		{"no columns", [][]*big.Rat{{}}, [][]*big.Rat{{}}, "payoff matrix a is empty; each player needs at least one strategy"},
		{"ragged", rats(t, "1 2", "3"), ok, "payoff matrix a is ragged: row 1 has 1 entries, row 0 has 2"},
		{"nil entry", ok, [][]*big.Rat{{nil, big.NewRat(1, 1)}, {big.NewRat(1, 1), big.NewRat(1, 1)}}, "payoff matrix b: entry [0][0] is nil"},
		{"shapes differ", ok, rats(t, "1 2 3", "4 5 6"), "payoff matrices differ in shape: a is 2×2, b is 2×3"},
		{"too large", big33, big33, "game is 33×33; vertex enumeration takes at most 64 strategies in all"},
		{"too costly", big11, big11, "game is 11×11: vertex enumeration would solve C(22, 11) = 705432 linear systems per player; want at most 184756, as in a 10×10 game (a few seconds)"},
		{"too costly for its digits", digits1200, digits1200, "game is 10×10 with payoffs of 1202 digits over a common denominator: vertex enumeration would take about 72 minutes; want at most about a minute (fewer strategies, or shorter decimals or fractions)"},
		{"fractions too long", long, long, "payoffs: their exact fractions over a common denominator need 4801 bits; want at most 4096 (shorter decimals or fractions)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Solve(tt.a, tt.b)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestEnumerationCost checks the estimate against the times measured on
// the 2-core machine (in the comments): within a factor of about 10 and,
// for the games Solve accepts, never far below.
func TestEnumerationCost(t *testing.T) {
	tests := []struct {
		m, n, digits int
		lo, hi       time.Duration
	}{
		{5, 5, 2, 500 * time.Microsecond, 50 * time.Millisecond}, // measured 0.95 ms
		{7, 7, 1200, 5 * time.Second, 5 * time.Minute},           // measured 11.3 s
		{8, 8, 100, time.Second, 30 * time.Second},               // measured 2.3 s
		{10, 10, 2, 3 * time.Second, 30 * time.Second},           // measured 4.8 s
		{10, 10, 20, 10 * time.Second, 2 * time.Minute},          // measured 23.8 s
		{10, 10, 1200, time.Hour, 1000 * time.Hour},              // over 900 s, unfinished
	}
	for _, tt := range tests {
		bits := int(float64(tt.digits) / math.Log10(2))
		if got := enumerationCost(tt.m, tt.n, bits); got < tt.lo || got > tt.hi {
			t.Errorf("%d×%d, %d digits: estimate %v, want %v … %v", tt.m, tt.n, tt.digits, got, tt.lo, tt.hi)
		}
	}
}

func TestRats(t *testing.T) {
	got, err := Rats([][]float64{{0.1, -2.5}, {1e300, 0}})
	if err != nil {
		t.Fatal(err)
	}
	// 0.1 is the double nearest 1/10, 3602879701896397/2^55; the others are exact.
	want := []string{"3602879701896397/36028797018963968", "-5/2", new(big.Rat).SetFloat64(1e300).RatString(), "0"}
	flat := []*big.Rat{got[0][0], got[0][1], got[1][0], got[1][1]}
	for i, r := range flat {
		if r.RatString() != want[i] {
			t.Errorf("entry %d = %s, want %s", i, r.RatString(), want[i])
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		if _, err := Rats([][]float64{{1, bad}}); err == nil || !strings.Contains(err.Error(), "entry [0][1]") {
			t.Errorf("Rats with %v: error %v, want one naming entry [0][1]", bad, err)
		}
	}
}
