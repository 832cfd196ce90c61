package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// resultsBlock matches a command's output embedded in a results document:
// an HTML comment with the command line, the output, and an end comment.
var resultsBlock = regexp.MustCompile(`(?s)<!-- \$ parley ([^\n]*?) -->\n(.*?)<!-- end -->`)

// TestResultsDocs checks that every output embedded in docs/results-*.md
// is what the command prints today, so the documents cannot drift from
// the engine. Run go test ./cmd/parley -update to refresh them, then
// reread the prose around them.
func TestResultsDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs full-size simulations; skipped with -short")
	}
	docs, _ := filepath.Glob("docs/results-*.md")
	if len(docs) == 0 {
		t.Fatal("no docs/results-*.md found")
	}
	for _, doc := range docs {
		checkEmbedded(t, doc, resultsBlock)
	}
}

// checkEmbedded checks every command output embedded in doc, each a match
// of block whose first group is the command line after "parley " and
// whose second is its output: the command must succeed and print exactly
// that. With -update it rewrites doc with today's outputs instead.
func checkEmbedded(t *testing.T, doc string, block *regexp.Regexp) {
	t.Helper()
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	blocks := block.FindAllSubmatchIndex(data, -1)
	if len(blocks) == 0 {
		t.Errorf("%s: no embedded outputs", doc)
	}
	var out strings.Builder
	last := 0
	for _, m := range blocks {
		cmdline := string(data[m[2]:m[3]])
		stdout, stderr, code := invoke(strings.Fields(cmdline)...)
		if code != exitOK {
			t.Errorf("%s: parley %s: exit %d\n%s", doc, cmdline, code, stderr)
			continue
		}
		if got := string(data[m[4]:m[5]]); got != stdout && !*update {
			t.Errorf("%s: the output of parley %s has changed:\n%s", doc, cmdline, lineDiff(got, stdout))
		}
		out.Write(data[last:m[4]])
		out.WriteString(stdout)
		last = m[5]
	}
	out.Write(data[last:])
	if *update {
		if err := os.WriteFile(doc, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
