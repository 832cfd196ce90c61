package nfg

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
)

// TestWriteLayout checks the writer's output byte for byte against the
// layout of Gambit's writer (GameTableRep::WriteNfgFile, README §1
// "Writer"): outcomes listed in profile order, player 1 fastest.
func TestWriteLayout(t *testing.T) {
	g := &Game{
		Title:      `Chicken "2"`,
		Comment:    `a\b`,
		Players:    [2]string{"Row", "Column"},
		Strategies: [2][]string{{"Swerve", "Straight"}, {"Swerve", "Straight"}},
		A:          rats(t, "0 -1", "1 -10"),
		B:          rats(t, "0 1", "-1 -21/2"),
	}
	const want = `NFG 1 R "Chicken \"2\"" { "Row" "Column" }

{ { "Swerve" "Straight" }
{ "Swerve" "Straight" }
}
"a\\b"

{
{ "" 0, 0 }
{ "" 1, -1 }
{ "" -1, 1 }
{ "" -10, -21/2 }
}
1 2 3 4 
`
	var b bytes.Buffer
	if err := Write(&b, g); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
}

// TestWriteRejects checks that Write refuses games it cannot write so that
// they read back the same, and writes nothing for them.
func TestWriteRejects(t *testing.T) {
	valid := func() *Game {
		return &Game{Players: [2]string{"a", "b"}, Strategies: [2][]string{{"1", "2"}, {"1"}},
			A: rats(t, "1", "2"), B: rats(t, "3", "4")}
	}
	huge := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), MaxNumberBits)) // 2^MaxNumberBits has one bit too many
	tests := []struct {
		name   string
		change func(g *Game)
		want   string
	}{
		{"no strategies", func(g *Game) { g.Strategies[1] = nil; g.A = [][]*big.Rat{{}, {}}; g.B = g.A }, "game has 2×0 strategies"},
		{"empty player name", func(g *Game) { g.Players[0] = "" }, "player name 1 is empty"},
		{"repeated strategy label", func(g *Game) { g.Strategies[0][1] = "1" }, `player 1's strategy label 2, "1", repeats player 1's strategy label 1`},
		{"title not UTF-8", func(g *Game) { g.Title = "\xff" }, "the title"},
		{"label not UTF-8", func(g *Game) { g.Strategies[1][0] = "\xff" }, "player 2's strategy label 1"},
		{"missing row", func(g *Game) { g.B = g.B[:1] }, "B has 1 rows; player 1 has 2 strategies"},
		{"short row", func(g *Game) { g.A[1] = nil }, "A row 2 has 0 entries; player 2 has 1 strategies"},
		{"nil payoff", func(g *Game) { g.B[0][0] = nil }, "B[0][0] is nil"},
		{"huge payoff", func(g *Game) { g.A[1][0] = huge }, "A[1][0] has a numerator or denominator of more than 32768 bits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := valid()
			tt.change(g)
			var b bytes.Buffer
			err := Write(&b, g)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %d bytes for an invalid game", b.Len())
			}
		})
	}
}

// roundTrip writes g and reads it back.
func roundTrip(t testing.TB, g *Game) *Game {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := Read(&b, "written.nfg")
	if err != nil {
		t.Fatalf("Read(Write(g)): %v\n%s", err, b.String())
	}
	return back
}

// TestRoundTripGambit writes every game of the Gambit suite and reads it
// back unchanged.
func TestRoundTripGambit(t *testing.T) {
	gambit := gambittest.Dir(t)
	for _, want := range loadExpected(t, gambit) {
		t.Run(filepath.Base(want.File), func(t *testing.T) {
			g, err := readFile(t, filepath.Join(gambit, want.File))
			if err != nil {
				t.Fatal(err)
			}
			if d := diffGames(roundTrip(t, g), g); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestRoundTripRandom is a property test: Read(Write(g)) equals g for
// random small games with awkward labels and payoffs.
func TestRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2)) // any fixed seed: the property must hold for all
	for range 500 {
		g := randomGame(rng)
		if d := diffGames(roundTrip(t, g), g); d != "" {
			t.Fatal(d)
		}
	}
}

// randomGame draws a game of up to 5×5 strategies whose labels mix quotes,
// backslashes, braces, newlines and non-ASCII text, and whose payoffs are
// integers, fractions and large or tiny numbers.
func randomGame(rng *rand.Rand) *Game {
	pieces := []string{"a", " ", `"`, `\`, "{", "}", ",", "\n", "é", "1", "NFG", "_"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	labels := func(n int) []string {
		l := make([]string, n)
		for i := range l {
			l[i] = text()
		}
		return NormalizeLabels(l)
	}
	bits := func() *big.Int { // up to 64 random bits, shifted up to 100 places
		x := new(big.Int).SetUint64(rng.Uint64() >> rng.IntN(64))
		return x.Lsh(x, uint(rng.IntN(100)))
	}
	number := func() *big.Rat {
		num, den := bits(), bits()
		if rng.IntN(2) == 0 {
			num.Neg(num)
		}
		return new(big.Rat).SetFrac(num, den.Add(den, big.NewInt(1)))
	}
	m, n := rng.IntN(5)+1, rng.IntN(5)+1
	g := &Game{Title: text(), Comment: text(), Strategies: [2][]string{labels(m), labels(n)}}
	g.Players = [2]string(labels(2))
	g.A, g.B = make([][]*big.Rat, m), make([][]*big.Rat, m)
	for i := range m {
		for range n {
			g.A[i] = append(g.A[i], number())
			g.B[i] = append(g.B[i], number())
		}
	}
	return g
}
