package text

import (
	"strconv"
	"strings"
)

// Count writes n and a noun, plural unless n is 1: "1 episode",
// "2 episodes", "3 extreme equilibria". Every message that counts a noun
// counts it with Count.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + Plural(noun)
}

// CountIs writes a count as the subject of "is" or "are": "1 equilibrium
// is", "2 equilibria are".
func CountIs(n int, noun string) string {
	if n == 1 {
		return Count(n, noun) + " is"
	}
	return Count(n, noun) + " are"
}

// irregular holds the plurals the rules in Plural do not make.
var irregular = map[string]string{"equilibrium": "equilibria"}

// Plural returns the plural of a noun phrase: its last word made
// plural, and a parenthesized last word too ("subset (component)").
func Plural(noun string) string {
	if head, inner, ok := strings.Cut(noun, " ("); ok && strings.HasSuffix(inner, ")") {
		return Plural(head) + " (" + Plural(strings.TrimSuffix(inner, ")")) + ")"
	}
	i := strings.LastIndexByte(noun, ' ') + 1
	head, word := noun[:i], noun[i:]
	switch {
	case irregular[word] != "":
		word = irregular[word]
	case strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ay") && !strings.HasSuffix(word, "ey") && !strings.HasSuffix(word, "oy"):
		word = strings.TrimSuffix(word, "y") + "ies"
	case strings.HasSuffix(word, "s") || strings.HasSuffix(word, "x") || strings.HasSuffix(word, "ch") || strings.HasSuffix(word, "sh"):
		word += "es"
	default:
		word += "s"
	}
	return head + word
}
