package main

import (
	"encoding/json"
	"io"
	"math"
	"math/big"
	"strconv"
)

// writeEquilibriaJSON writes the equilibria as writeJSON would, indented
// JSON, without its reflection and second pass over the text: a 6×6 game
// has 75 equilibria of some 1,100 numbers. TestEquilibriaJSONMatches
// holds it to writeJSON's output.
func writeEquilibriaJSON(w io.Writer, eqs []equilibriumJSON) error {
	b := make([]byte, 0, 64+700*len(eqs))
	b = appendJSONArray(b, "", eqs, appendEquilibriumJSON)
	_, err := w.Write(append(b, '\n'))
	return err
}

// appendEquilibriumJSON appends eq, an element of the top-level array.
func appendEquilibriumJSON(b []byte, eq equilibriumJSON) []byte {
	b = append(b, "{\n"...)
	b = appendJSONField(b, "p1", eq.P1, appendJSONNumber)
	b = appendJSONField(b, "p2", eq.P2, appendJSONNumber)
	b = appendJSONField(b, "p1_exact", eq.P1Exact, appendJSONString)
	b = appendJSONField(b, "p2_exact", eq.P2Exact, appendJSONString)
	b = appendJSONField(b, "payoffs", eq.Payoffs, appendJSONNumber)
	b = appendJSONField(b, "payoffs_exact", eq.PayoffsExact, appendJSONString)
	b = appendJSONField(b, "components", eq.Components, appendJSONInt)
	b = append(b, `    "degenerate": `...)
	b = strconv.AppendBool(b, eq.Degenerate)
	return append(b, "\n  }"...)
}

// appendJSONField appends `"name": [values],`, a field of an element of
// the top-level array but its last.
func appendJSONField[T any](b []byte, name string, values []T, value func([]byte, T) []byte) []byte {
	b = append(b, `    "`...)
	b = append(b, name...)
	b = append(b, `": `...)
	b = appendJSONArray(b, "    ", values, value)
	return append(b, ",\n"...)
}

// appendJSONArray appends values as a JSON array indented as json.Indent
// indents it, two spaces a level, its closing bracket at indent: null for
// nil, [] when empty.
func appendJSONArray[T any](b []byte, indent string, values []T, value func([]byte, T) []byte) []byte {
	switch {
	case values == nil:
		return append(b, "null"...)
	case len(values) == 0:
		return append(b, "[]"...)
	}
	b = append(b, "[\n"...)
	for k, v := range values {
		b = append(b, indent...)
		b = append(b, "  "...)
		b = value(b, v)
		if k < len(values)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	b = append(b, indent...)
	return append(b, ']')
}

// appendJSONNumber appends x as encoding/json writes a float64, or null
// when it is not finite (see jsonNumber).
func appendJSONNumber(b []byte, x jsonNumber) []byte {
	f := float64(x)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...)
	}
	// encoding/json's floatEncoder: ES6 number formatting, an exponent
	// only for tiny and huge magnitudes, written without a leading zero.
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONInt appends n as a JSON number.
func appendJSONInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// appendJSONString appends s quoted as encoding/json quotes it: as it is
// when it needs no escape (an exact rational always), else by
// encoding/json itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// ratString writes r as big.Rat's RatString does, an integer or a reduced
// fraction, without its general conversion when both parts fit an int64.
func ratString(r *big.Rat) string {
	return string(appendRat(make([]byte, 0, 24), r))
}

// appendRat appends r as ratString writes it.
func appendRat(b []byte, r *big.Rat) []byte {
	num := r.Num()
	if !num.IsInt64() {
		return append(b, r.RatString()...)
	}
	if r.IsInt() {
		return strconv.AppendInt(b, num.Int64(), 10)
	}
	den := r.Denom()
	if !den.IsInt64() {
		return append(b, r.RatString()...)
	}
	b = strconv.AppendInt(b, num.Int64(), 10)
	b = append(b, '/')
	return strconv.AppendInt(b, den.Int64(), 10)
}

// ratFloat returns the float64 nearest r, ±Inf beyond float64's range, as
// r.Float64 does; a quotient of two integers exact in float64 is, as
// IEEE 754 division rounds it correctly.
func ratFloat(r *big.Rat) float64 {
	const exact = 1 << 53 // integers up to this are exact in float64
	if num := r.Num(); num.IsInt64() {
		if n := num.Int64(); -exact <= n && n <= exact {
			if r.IsInt() {
				return float64(n)
			}
			if den := r.Denom(); den.IsInt64() && den.Int64() <= exact {
				return float64(n) / float64(den.Int64())
			}
		}
	}
	f, _ := r.Float64()
	return f
}
