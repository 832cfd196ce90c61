package nfg

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// numberForms lists the number forms Read accepts, for error messages.
const numberForms = "an integer (-3), a decimal (2.5, .5), a fraction (5/2) or an exponent form (1e-3)"

// parseNumber converts a number token to an exact rational:
//
//	[+-] digits [. [digits]] [(e|E) [+-] digits]
//	[+-] . digits [(e|E) [+-] digits]
//	[+-] digits / digits
//
// It bounds the token's length, the exponent and the size of the result so
// that no token costs more than a few milliseconds or kilobytes.
func parseNumber(s string) (*big.Rat, error) {
	if len(s) > MaxNumberLength {
		return nil, fmt.Errorf("number of %d characters; expected at most %d", len(s), MaxNumberLength)
	}
	t := s
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	var r *big.Rat
	var err error
	if num, den, ok := strings.Cut(t, "/"); ok {
		r, err = parseFraction(num, den)
	} else {
		r, err = parseDecimal(t)
	}
	if err != nil {
		return nil, fmt.Errorf("malformed number %q: %v; expected %s", s, err, numberForms)
	}
	if tooBig(r) {
		return nil, fmt.Errorf("number %.20q… too large: its numerator or denominator has more than %d bits", s, MaxNumberBits)
	}
	if neg {
		r.Neg(r)
	}
	return r, nil
}

// parseFraction converts digits/digits.
func parseFraction(num, den string) (*big.Rat, error) {
	if !isDigits(num) || !isDigits(den) {
		return nil, errors.New("a fraction is digits/digits")
	}
	d, _ := new(big.Int).SetString(den, 10)
	if d.Sign() == 0 {
		return nil, errors.New("zero denominator")
	}
	n, _ := new(big.Int).SetString(num, 10)
	return new(big.Rat).SetFrac(n, d), nil
}

// parseDecimal converts an unsigned integer, decimal or exponent form.
func parseDecimal(t string) (*big.Rat, error) {
	mant, exp, hasExp := strings.Cut(strings.ToLower(t), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	if whole+frac == "" || !isDigits(whole) && whole != "" || !isDigits(frac) && frac != "" {
		return nil, errors.New("digits expected around the decimal point")
	}
	e := 0
	if hasExp {
		var err error
		if e, err = parseExponent(exp); err != nil {
			return nil, err
		}
	}
	m, _ := new(big.Int).SetString(whole+frac, 10)
	scale := e - len(frac)
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(scale, -scale))), nil)
	if scale >= 0 {
		return new(big.Rat).SetInt(m.Mul(m, pow)), nil
	}
	return new(big.Rat).SetFrac(m, pow), nil
}

// parseExponent converts the part after e: [+-] digits, at most
// MaxExponent in absolute value.
func parseExponent(exp string) (int, error) {
	digits := strings.TrimLeft(exp, "+-")
	if len(exp)-len(digits) > 1 || !isDigits(digits) {
		return 0, errors.New("an exponent is e, an optional sign and digits")
	}
	trimmed := strings.TrimLeft(digits, "0")
	e, err := strconv.Atoi(trimmed)
	if trimmed == "" {
		e, err = 0, nil
	}
	if err != nil || e > MaxExponent {
		return 0, fmt.Errorf("exponent %s out of range ±%d", exp, MaxExponent)
	}
	if exp[0] == '-' {
		e = -e
	}
	return e, nil
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
