package nfg

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"
)

// tokenKind is the kind of a lexical token of a .nfg file.
type tokenKind int

const (
	tokEOF tokenKind = iota
	tokLBrace
	tokRBrace
	tokComma
	tokString
	tokNumber
	tokWord
)

// pos is a position in a file: 1-based line and column, in characters.
type pos struct{ line, col int }

// token is one lexical token: its kind, its text (a string's contents
// without quotes and escapes, a number's or word's characters as written),
// a number's value and where it starts.
type token struct {
	kind tokenKind
	text string
	num  *big.Rat
	at   pos
}

// describe names the token for an error message's "found" part.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of file"
	case tokLBrace:
		return "'{'"
	case tokRBrace:
		return "'}'"
	case tokComma:
		return "','"
	case tokString:
		return "string " + quoteShort(t.text)
	case tokNumber:
		return "number " + shorten(t.text)
	}
	return "word " + quoteShort(t.text)
}

// shortLen is how many characters of a token an error message shows.
const shortLen = 40

// shorten cuts s to shortLen characters, marking the cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= shortLen {
		return s
	}
	return string([]rune(s)[:shortLen]) + "…"
}

// quoteShort quotes s, cut to shortLen characters.
func quoteShort(s string) string {
	short := shorten(s)
	if short == s {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q…", strings.TrimSuffix(short, "…"))
}

// lexer splits a .nfg file into tokens, one at a time.
type lexer struct {
	name string
	src  []byte
	off  int // byte offset of the next character
	at   pos // position of the next character
}

// newLexer returns a lexer at the start of src, past any UTF-8 byte-order
// mark.
func newLexer(name string, src []byte) *lexer {
	l := &lexer{name: name, src: src, at: pos{1, 1}}
	if strings.HasPrefix(string(src[:min(len(src), 3)]), "\uFEFF") {
		l.off = 3
	}
	return l
}

// errorAt returns a located error.
func (l *lexer) errorAt(at pos, format string, args ...any) *Error {
	return &Error{File: l.name, Line: at.line, Column: at.col, Msg: fmt.Sprintf(format, args...)}
}

// isSpace reports whether c is white space as C's isspace has it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// endsRun reports whether c ends a number or a bare word.
func endsRun(c byte) bool {
	return isSpace(c) || c == '{' || c == '}' || c == ',' || c == '"'
}

// step moves past the next character, which must exist, and returns it.
func (l *lexer) step() (rune, error) {
	r, size := utf8.DecodeRune(l.src[l.off:])
	if r == utf8.RuneError && size == 1 {
		return r, l.errorAt(l.at, "found the byte 0x%02x, which is not UTF-8; expected UTF-8 text", l.src[l.off])
	}
	l.off += size
	if r == '\n' {
		l.at = pos{l.at.line + 1, 1}
	} else {
		l.at.col++
	}
	return r, nil
}

// next returns the next token, or an error for a malformed number, an
// unterminated string or a byte that is not UTF-8.
func (l *lexer) next() (token, error) {
	for l.off < len(l.src) && isSpace(l.src[l.off]) {
		if _, err := l.step(); err != nil {
			return token{}, err
		}
	}
	start := l.at
	if l.off == len(l.src) {
		return token{kind: tokEOF, at: start}, nil
	}
	switch l.src[l.off] {
	case '{':
		return l.punct(tokLBrace), nil
	case '}':
		return l.punct(tokRBrace), nil
	case ',':
		return l.punct(tokComma), nil
	case '"':
		return l.quoted()
	}
	begin := l.off
	for l.off < len(l.src) && !endsRun(l.src[l.off]) {
		if _, err := l.step(); err != nil {
			return token{}, err
		}
	}
	text := string(l.src[begin:l.off])
	if !strings.ContainsRune("0123456789+-.", rune(text[0])) {
		return token{kind: tokWord, text: text, at: start}, nil
	}
	num, err := parseNumber(text)
	if err != nil {
		return token{}, l.errorAt(start, "%v", err)
	}
	return token{kind: tokNumber, text: text, num: num, at: start}, nil
}

// punct returns the one-character token the lexer is on, of the given
// kind, and moves past it.
func (l *lexer) punct(kind tokenKind) token {
	t := token{kind: kind, text: string(l.src[l.off]), at: l.at}
	l.off++
	l.at.col++
	return t
}

// quoted reads a quoted string, the lexer being on its opening quote.
// Inside it \" stands for a quote and \\ for a backslash; any other
// character, a lone backslash included, stands for itself.
func (l *lexer) quoted() (token, error) {
	start := l.at
	l.off++
	l.at.col++
	var b strings.Builder
	for {
		if l.off == len(l.src) {
			return token{}, l.errorAt(l.at, "found end of file inside the string that starts at %d:%d; expected a closing '\"'", start.line, start.col)
		}
		r, err := l.step()
		if err != nil {
			return token{}, err
		}
		switch {
		case r == '"':
			return token{kind: tokString, text: b.String(), at: start}, nil
		case r == '\\' && l.off < len(l.src) && (l.src[l.off] == '"' || l.src[l.off] == '\\'):
			b.WriteByte(l.src[l.off])
			l.off++
			l.at.col++
		default:
			b.WriteRune(r)
		}
	}
}
