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
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case i == 0:
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
