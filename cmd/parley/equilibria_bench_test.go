package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
	"github.com/parley-sim/parley/sim/equilibrium"
)

// vonStengelGame returns the path of von Stengel's 6×6 game with 75
// equilibria in the Gambit suite, the game issue #13 times against
// lrsnash, or skips b where the suite is absent.
func vonStengelGame(b *testing.B) string {
	return filepath.Join(gambittest.Dir(b), "games", "vonstengel1999_6x6_75eq.nfg")
}

// BenchmarkEquilibriaRender times `parley equilibria`'s rendering of von
// Stengel's 6×6 game with 75 equilibria (issue #13), in each format at the
// default width; the game is read and solved once, outside the loop.
func BenchmarkEquilibriaRender(b *testing.B) {
	path := vonStengelGame(b)
	g, err := readGame(path)
	if err != nil {
		b.Fatal(err)
	}
	sol, err := equilibrium.Solve(g.A, g.B)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"table", "markdown", "csv", "json"} {
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := renderEquilibria(&buf, layout{format, defaultWidth}, path, g, sol); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
