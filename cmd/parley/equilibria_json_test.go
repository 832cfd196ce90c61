package main

import (
	"bytes"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
	"github.com/parley-sim/parley/sim/equilibrium"
)

// TestEquilibriaJSONMatches checks writeEquilibriaJSON against writeJSON,
// encoding/json's rendering of the same values, on the games of
// testdata/nfg (huge.nfg's payoffs are beyond float64: nulls) and, where
// present, the Gambit test games.
func TestEquilibriaJSONMatches(t *testing.T) {
	files, _ := filepath.Glob("testdata/nfg/*.nfg")
	if dir, ok := gambittest.Find(); ok {
		more, _ := filepath.Glob(filepath.Join(dir, "games", "*.nfg"))
		files = append(files, more...)
	}
	solved := 0
	for _, path := range files {
		g, err := readGame(path)
		if err != nil {
			continue // truncated.nfg
		}
		sol, err := equilibrium.Solve(g.A, g.B)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		solved++
		eqs := equilibriaJSON(sol)
		var got, want bytes.Buffer
		if err := writeEquilibriaJSON(&got, eqs); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&want, eqs); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n%s", path, lineDiff(want.String(), got.String()))
		}
	}
	if solved < 3 {
		t.Fatalf("%d games solved, want testdata/nfg's 3 at least", solved)
	}
	for _, eqs := range [][]equilibriumJSON{nil, {{}}, {{P1: []jsonNumber{}, P1Exact: []string{"<&>\"\\\n"}, Payoffs: []jsonNumber{1e-7, 1e21, 123456789e300, -0.0000015}}}} {
		var got, want bytes.Buffer
		writeEquilibriaJSON(&got, eqs)
		writeJSON(&want, eqs)
		if got.String() != want.String() {
			t.Errorf("%#v:\n%s", eqs, lineDiff(want.String(), got.String()))
		}
	}
}

// TestRatFormats checks ratString and ratFloat against big.Rat's own
// RatString and Float64, at the edges of their int64 and float64 paths.
func TestRatFormats(t *testing.T) {
	for _, s := range []string{
		"0", "1", "-1", "7/32", "-275/289",
		"9007199254740992", "9007199254740993", "-9007199254740993", // 2^53, 2^53+1: no longer exact in float64
		"1/9007199254740993", "9007199254740993/3",
		"9223372036854775807", "-9223372036854775808", "9223372036854775808", // int64's limits and past them
		"1/9223372036854775808", "12345678901234567890123/7",
		strings.Repeat("9", 400), // beyond float64: +Inf
	} {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad rational %q", s)
		}
		if got, want := ratString(r), r.RatString(); got != want {
			t.Errorf("ratString(%s) = %q, want %q", s, got, want)
		}
		want, _ := r.Float64()
		if got := ratFloat(r); got != want {
			t.Errorf("ratFloat(%s) = %v, want %v", s, got, want)
		}
	}
	if got := ratString(new(big.Rat)); got != "0" {
		t.Errorf("ratString(zero Rat) = %q, want 0", got)
	}
}
