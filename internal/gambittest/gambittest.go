// Package gambittest locates the Gambit test games for tests: the twenty
// two-player games with every equilibrium computed exactly, and the
// malformed files, in ../shared/gambit beside the module root. They are
// read in place, never copied; CI has them and a user's clone does not,
// so tests that need them skip where they are absent.
package gambittest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Games is the number of games in games/expected.json, as the suite's
// README lists them.
const Games = 20

// Find returns the suite's folder, ../shared/gambit from the module root
// (found by walking up from the working directory to go.mod), and whether
// it holds games/expected.json.
func Find() (dir string, ok bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			gambit := filepath.Join(dir, "..", "shared", "gambit")
			_, err := os.Stat(filepath.Join(gambit, "games", "expected.json"))
			return gambit, err == nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Dir returns the suite's folder, or skips t with a message saying why
// when it is absent.
func Dir(t testing.TB) string {
	t.Helper()
	dir, ok := Find()
	if !ok {
		t.Skip("Gambit test games not found at ../shared/gambit beside the module root: only CI has them")
	}
	return dir
}

// Expected decodes games/expected.json of the suite in dir into v, a
// pointer to a slice of the caller's own description of a game, and fails
// t unless it holds the Games games.
func Expected(t testing.TB, dir string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "games", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var games []json.RawMessage
	if err := json.Unmarshal(data, &games); err != nil {
		t.Fatal(err)
	}
	if len(games) != Games {
		t.Fatalf("expected.json holds %d games; the README lists %d", len(games), Games)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}
