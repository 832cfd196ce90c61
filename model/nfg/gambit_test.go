package nfg

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
)

// expectedGame is one entry of games/expected.json, the parts that
// describe the file.
type expectedGame struct {
	File           string      `json:"file"`
	Title          string      `json:"title"`
	Format         string      `json:"format"`
	StrategyHeader string      `json:"strategy_header"`
	Players        [2]string   `json:"players"`
	Strategies     [2][]string `json:"strategies"`
	Shape          [2]int      `json:"shape"`
	A, B           [][]string
}

// loadExpected reads games/expected.json of the suite in gambit.
func loadExpected(t testing.TB, gambit string) []expectedGame {
	t.Helper()
	var games []expectedGame
	gambittest.Expected(t, gambit, &games)
	return games
}

// readFile reads a .nfg file from disk.
func readFile(t testing.TB, path string) (*Game, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f, filepath.Base(path))
}

// TestGambitGames reads every game of the Gambit suite and compares it
// with expected.json: title, players, strategy labels and the exact A and
// B. expected.json gives player names as written in the file, so they are
// compared after Gambit 17's renaming (sww1.nfg's { "" "" } reads as _1, _2).
func TestGambitGames(t *testing.T) {
	gambit := gambittest.Dir(t)
	for _, want := range loadExpected(t, gambit) {
		t.Run(filepath.Base(want.File), func(t *testing.T) {
			g, err := readFile(t, filepath.Join(gambit, want.File))
			if err != nil {
				t.Fatal(err)
			}
			if g.Title != want.Title {
				t.Errorf("title %q, want %q", g.Title, want.Title)
			}
			if players := [2]string(NormalizeLabels(want.Players[:])); g.Players != players {
				t.Errorf("players %q, want %q", g.Players, players)
			}
			for p := range g.Strategies {
				if !equalStrings(g.Strategies[p], want.Strategies[p]) {
					t.Errorf("player %d's strategies %q, want %q", p+1, g.Strategies[p], want.Strategies[p])
				}
			}
			if m, n := g.Shape(); m != want.Shape[0] || n != want.Shape[1] {
				t.Errorf("shape %d×%d, want %d×%d", m, n, want.Shape[0], want.Shape[1])
			}
			for name, pair := range map[string][2][][]*big.Rat{"A": {g.A, exactMatrix(t, want.A)}, "B": {g.B, exactMatrix(t, want.B)}} {
				if !equalMatrix(pair[0], pair[1]) {
					t.Errorf("%s = %s, want %s", name, showMatrix(pair[0]), showMatrix(pair[1]))
				}
			}
		})
	}
}

// exactMatrix converts expected.json's fraction strings.
func exactMatrix(t testing.TB, m [][]string) [][]*big.Rat {
	t.Helper()
	out := make([][]*big.Rat, len(m))
	for i, row := range m {
		for _, s := range row {
			x, ok := new(big.Rat).SetString(s)
			if !ok {
				t.Fatalf("expected.json: bad number %q", s)
			}
			out[i] = append(out[i], x)
		}
	}
	return out
}

// TestGambitInvalid checks that every malformed file of the suite is
// rejected with a located error saying what is wrong.
func TestGambitInvalid(t *testing.T) {
	gambit := gambittest.Dir(t)
	// want is the error each file must give: the file, position and message.
	// The files are the cases of Gambit's tests/test_file.py.
	want := map[string]string{
		"not_nfg.nfg":             `not_nfg.nfg:1:1: not a .nfg file: found word "EFG"; expected NFG, the word that starts a .nfg file; this is an extensive-form game, which parley does not read`,
		"outcomes_not_enough.nfg": "outcomes_not_enough.nfg:15:1: found end of file; expected an outcome index (profile (2,2), index 4 of 4)",
		"payoffs_not_enough.nfg":  "payoffs_not_enough.nfg:3:1: found end of file; expected a numerical payoff (player 1's at profile (3,2), payoff 11 of 12)",
		"payoffs_too_many.nfg":    "payoffs_too_many.nfg:2:25: unexpected data after the last payoff: found number 5; expected end of file (a 3×2 game has 12 payoffs)",
		"title_missing.nfg":       "title_missing.nfg:1:9: game title missing: found '{'; expected the title as a quoted string",
		"wrong_version.nfg":       "wrong_version.nfg:1:5: unsupported .nfg version: found number 2; expected 1, the only version",
	}
	files, err := filepath.Glob(filepath.Join(gambit, "games", "invalid", "*.nfg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(want) {
		t.Errorf("found %d invalid files, want the README's %d", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			g, err := readFile(t, path)
			if err == nil {
				t.Fatalf("accepted as %s", show(g))
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is a %T, not an *Error", err, err)
			}
			if err.Error() != want[name] {
				t.Errorf("error %q\nwant  %q", err, want[name])
			}
		})
	}
}
