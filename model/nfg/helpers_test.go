package nfg

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// rats builds a matrix from exact strings such as "5/2"; each row is a
// space-separated string.
func rats(t testing.TB, rows ...string) [][]*big.Rat {
	t.Helper()
	m := make([][]*big.Rat, len(rows))
	for i, row := range rows {
		for _, f := range strings.Fields(row) {
			x, ok := new(big.Rat).SetString(f)
			if !ok {
				t.Fatalf("bad test number %q", f)
			}
			m[i] = append(m[i], x)
		}
	}
	return m
}

// readString reads src as a file named "test.nfg".
func readString(src string) (*Game, error) {
	return Read(strings.NewReader(src), "test.nfg")
}

// diffGames describes how got differs from want, or returns "".
func diffGames(got, want *Game) string {
	if got.Equal(want) {
		return ""
	}
	return fmt.Sprintf("got %s\nwant %s", show(got), show(want))
}

// show formats a game on one line, payoffs as exact fractions.
func show(g *Game) string {
	return fmt.Sprintf("{title %q comment %q players %q strategies %q A %s B %s}",
		g.Title, g.Comment, g.Players, g.Strategies, showMatrix(g.A), showMatrix(g.B))
}

// showMatrix formats a matrix of rationals as [[a b] [c d]].
func showMatrix(m [][]*big.Rat) string {
	rows := make([]string, len(m))
	for i, row := range m {
		cells := make([]string, len(row))
		for j, x := range row {
			cells[j] = "nil"
			if x != nil {
				cells[j] = x.RatString()
			}
		}
		rows[i] = "[" + strings.Join(cells, " ") + "]"
	}
	return "[" + strings.Join(rows, " ") + "]"
}
