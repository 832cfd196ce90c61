// Package suggest finds the valid name a mistyped one was probably meant
// to be, for "did you mean" hints in error messages.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to name by edit distance, ignoring
// case, and whether it is near enough to suggest: at most 1 + n/4 edits
// and fewer than n (n the length of name in runes; at most 3 edits, and
// one letter is never taken for another), an edit being an
// insertion, deletion, substitution or swap of two adjacent characters
// (the optimal string alignment distance). Ties go to the earlier
// candidate. An exact match is not a suggestion, and a name longer than
// maxName runes gets none, which bounds the cost of a hostile input.
func Closest(name string, candidates []string) (string, bool) {
	n := utf8.RuneCountInString(name)
	if n > maxName {
		return "", false
	}
	lower := strings.ToLower(name)
	limit := min(1+n/4, 3, n-1)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name {
			continue
		}
		if d := Distance(lower, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

// maxName is the longest name Closest looks for a match to: longer than
// any name parley knows.
const maxName = 100

// Hint returns "; did you mean X?" for the candidate closest to name, or
// "" when none is near enough; error messages append it.
func Hint(name string, candidates []string) string {
	if c, ok := Closest(name, candidates); ok {
		return "; did you mean " + c + "?"
	}
	return ""
}

// Near reports whether name is one of candidates, or close enough to one
// for Closest to suggest it: whether an unknown-field error for it would
// help. A file none of whose keys is near a valid field is likely not
// the kind of file wanted at all.
func Near(name string, candidates []string) bool {
	for _, c := range candidates {
		if c == name {
			return true
		}
	}
	_, ok := Closest(name, candidates)
	return ok
}

// Distance is the optimal string alignment distance between a and b, in
// runes: the fewest insertions, deletions, substitutions and swaps of
// adjacent runes that turn a into b, no rune edited twice.
func Distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// d[i][j] is the distance between s[:i] and t[:j]; three rows suffice.
	prev2, prev, cur := make([]int, len(t)+1), make([]int, len(t)+1), make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
