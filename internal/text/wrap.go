// Package text holds small helpers for the words Parley writes: counted
// nouns with their plurals, and prose laid out in terminal output
// and in the scenario files Parley writes.
package text

import (
	"strings"
	"unicode/utf8"
)

// Wrap breaks text into lines of at most width runes at spaces; a word
// longer than width gets a line of its own. Runs of white space, line
// breaks included, become single spaces first.
func Wrap(text string, width int) string {
	if wrapped(text, width) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	line, first := 0, true
	for word := range strings.FieldsSeq(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case first:
			first = false
		case line+1+n > width:
			b.WriteByte('\n')
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}

// wrapped reports whether Wrap would return text as it is: ASCII words
// separated by single spaces on one line of at most width, the common
// case of a short cell or a line wrapped already.
func wrapped(text string, width int) bool {
	if len(text) > width {
		return false
	}
	prev := byte(' ') // a leading space is not kept
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ':
			if prev == ' ' {
				return false
			}
		case c <= ' ' || c >= utf8.RuneSelf:
			return false // other white space, or a rune to count (and maybe a Unicode space)
		}
		prev = c
	}
	return prev != ' ' || len(text) == 0
}
