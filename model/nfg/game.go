package nfg

import (
	"fmt"
	"math/big"
	"unicode/utf8"
)

// Game is a two-player game in strategic form, as a .nfg file holds it.
type Game struct {
	Title      string
	Comment    string      // may be empty
	Players    [2]string   // player names
	Strategies [2][]string // labels in file order ("1","2",… when the file gives counts)
	// A and B are the payoffs to player 1 and player 2; A[i][j]: player 1
	// plays i, player 2 plays j.
	A, B [][]*big.Rat
}

// Limits on what Read accepts and Write writes, so that a small file cannot
// make the reader allocate without bound.
const (
	// MaxProfiles bounds the number of pure-strategy profiles m·n, and the
	// number of outcomes in an outcome-version file: 512×512.
	MaxProfiles = 1 << 18
	// MaxExponent bounds |e| in a number written as 1e-3: ±400 covers every
	// float64 written in exponent form.
	MaxExponent = 400
	// MaxNumberLength bounds the length in characters of a number token.
	MaxNumberLength = 20000
	// MaxNumberBits bounds the size of a payoff's numerator and of its
	// denominator in lowest terms: 2^32768 is about 10^9864, so a number
	// within the bound is written in fewer than MaxNumberLength characters.
	MaxNumberBits = 32768
	// MaxFileSize bounds the length of a file in bytes: 64 MiB.
	MaxFileSize = 64 << 20
)

// Shape returns the number of strategies of player 1 (rows) and of player 2
// (columns).
func (g *Game) Shape() (m, n int) {
	return len(g.Strategies[0]), len(g.Strategies[1])
}

// Validate reports the first reason g cannot be written as a .nfg file that
// reads back as g: a player without strategies, too many profiles, a
// payoff matrix whose shape differs from the strategy lists, a nil or
// oversized payoff, an empty or repeated label (NormalizeLabels fixes
// those) or text that is not UTF-8.
func (g *Game) Validate() error {
	m, n := g.Shape()
	if m == 0 || n == 0 {
		return fmt.Errorf("nfg: game has %d×%d strategies; each player needs at least one", m, n)
	}
	if m > MaxProfiles || n > MaxProfiles || m*n > MaxProfiles {
		return fmt.Errorf("nfg: game has %d×%d = %d profiles; at most %d are supported", m, n, m*n, MaxProfiles)
	}
	if err := checkText("title", g.Title); err != nil {
		return err
	}
	if err := checkText("comment", g.Comment); err != nil {
		return err
	}
	if err := checkLabels("player name", g.Players[:]); err != nil {
		return err
	}
	for p, labels := range g.Strategies {
		if err := checkLabels(fmt.Sprintf("player %d's strategy label", p+1), labels); err != nil {
			return err
		}
	}
	for p, mat := range [2][][]*big.Rat{g.A, g.B} {
		if err := checkMatrix(p, mat, m, n); err != nil {
			return err
		}
	}
	return nil
}

// checkText reports text that is not valid UTF-8.
func checkText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("nfg: the %s %q is not valid UTF-8", what, s)
	}
	return nil
}

// checkLabels reports an empty, repeated or non-UTF-8 label; what names
// one label, e.g. "player name".
func checkLabels(what string, labels []string) error {
	seen := make(map[string]int, len(labels))
	for i, l := range labels {
		if err := checkText(fmt.Sprintf("%s %d", what, i+1), l); err != nil {
			return err
		}
		if l == "" {
			return fmt.Errorf("nfg: %s %d is empty; labels must be non-empty and distinct (NormalizeLabels makes them so)", what, i+1)
		}
		if j, ok := seen[l]; ok {
			return fmt.Errorf("nfg: %s %d, %q, repeats %s %d; labels must be non-empty and distinct (NormalizeLabels makes them so)", what, i+1, l, what, j+1)
		}
		seen[l] = i
	}
	return nil
}

// checkMatrix reports a payoff matrix of player p (0 or 1) that is not
// m×n or holds a nil or oversized entry.
func checkMatrix(p int, mat [][]*big.Rat, m, n int) error {
	name := [2]string{"A", "B"}[p]
	if len(mat) != m {
		return fmt.Errorf("nfg: %s has %d rows; player 1 has %d strategies", name, len(mat), m)
	}
	for i, row := range mat {
		if len(row) != n {
			return fmt.Errorf("nfg: %s row %d has %d entries; player 2 has %d strategies", name, i+1, len(row), n)
		}
		for j, x := range row {
			if x == nil {
				return fmt.Errorf("nfg: %s[%d][%d] is nil; expected a payoff", name, i, j)
			}
			if tooBig(x) {
				return fmt.Errorf("nfg: %s[%d][%d] has a numerator or denominator of more than %d bits", name, i, j, MaxNumberBits)
			}
		}
	}
	return nil
}

// tooBig reports whether x's numerator or denominator exceeds MaxNumberBits.
func tooBig(x *big.Rat) bool {
	return x.Num().BitLen() > MaxNumberBits || x.Denom().BitLen() > MaxNumberBits
}

// Equal reports whether g and h have the same title, comment, player names,
// strategy labels and payoffs (compared as exact rationals).
func (g *Game) Equal(h *Game) bool {
	if g.Title != h.Title || g.Comment != h.Comment || g.Players != h.Players {
		return false
	}
	for p := range g.Strategies {
		if !equalStrings(g.Strategies[p], h.Strategies[p]) {
			return false
		}
	}
	return equalMatrix(g.A, h.A) && equalMatrix(g.B, h.B)
}

// equalStrings reports whether a and b hold the same strings in order.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// equalMatrix reports whether a and b have the same shape and equal
// entries; a nil entry equals only a nil entry.
func equalMatrix(a, b [][]*big.Rat) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			x, y := a[i][j], b[i][j]
			if (x == nil) != (y == nil) || x != nil && x.Cmp(y) != 0 {
				return false
			}
		}
	}
	return true
}
