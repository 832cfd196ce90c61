package nfg

import (
	"math/big"
	"strings"
	"testing"
	"time"
)

// TestParseNumber checks each number form against its exact value, worked
// by hand from the literal.
func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"-3", "-3"},
		{"+3", "3"},
		{"007", "7"},
		{"2.5", "5/2"},
		{".5", "1/2"},
		{"-.5", "-1/2"},
		{"-1.0", "-1"},
		{"3.", "3"},
		{"0.1", "1/10"}, // exactly a tenth, not the float64 nearest it
		{"5/2", "5/2"},
		{"-10/4", "-5/2"},
		{"0/7", "0"},
		{"1e-3", "1/1000"},
		{"1E3", "1000"},
		{"2.5e+1", "25"},
		{"-1.25e-2", "-1/80"},
		{"1e400", "1" + strings.Repeat("0", 400)}, // MaxExponent itself
		{"1e-0400", "1/1" + strings.Repeat("0", 400)},
		{"0.000000", "0"},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in)
		if err != nil {
			t.Errorf("parseNumber(%q): %v", tt.in, err)
			continue
		}
		want, _ := new(big.Rat).SetString(tt.want)
		if got.Cmp(want) != 0 {
			t.Errorf("parseNumber(%q) = %s, want %s", tt.in, got.RatString(), tt.want)
		}
	}
}

// TestParseNumberRejects checks malformed and absurd numbers, including
// ones that would take a naive parser (big.Rat.SetString) minutes and
// gigabytes, are rejected at once.
func TestParseNumberRejects(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "malformed"},
		{"-", "malformed"},
		{"+-1", "malformed"},
		{"1-", "malformed"},
		{"1x", "malformed"},
		{"1.2.3", "malformed"},
		{"1/2/3", "malformed"},
		{"1/-2", "malformed"},
		{"1.5/2", "malformed"},
		{"1/0", "zero denominator"},
		{"1e", "malformed"},
		{"1e+", "malformed"},
		{"1e--2", "malformed"},
		{"1e2.5", "malformed"},
		{"e5", "malformed"},
		{"1e401", "exponent 401 out of range ±400"},
		{"1e999999999", "out of range"},
		{"1e-99999999999999999999999", "out of range"},
		{"9" + strings.Repeat("9", MaxNumberLength), "characters; expected at most 20000"},
		{"1" + strings.Repeat("0", 9900), "too large"},          // 10^9900 > 2^32768 ≈ 10^9864
		{"1/1" + strings.Repeat("0", 9900), "too large"},        // so is its reciprocal
		{"0." + strings.Repeat("0", 9899) + "1", "too large"},   // 10^-9900
		{"1" + strings.Repeat("0", 9800) + "e100", "too large"}, // 10^9900 again
	}
	for _, tt := range tests {
		start := time.Now()
		got, err := parseNumber(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseNumber(%.30q) = %v, %v; want an error containing %q", tt.in, got, err, tt.want)
		}
		// a second is far above the microseconds a rejection takes: longer
		// means the bound is checked after the work, not before
		if d := time.Since(start); d > time.Second {
			t.Errorf("parseNumber(%.30q) took %v", tt.in, d)
		}
	}
}
