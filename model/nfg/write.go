package nfg

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// Write writes g in the outcome version, as Gambit's own writer does, so
// Read(Write(g)) gives back the same game. It writes one unnamed outcome
// per profile, numbered in profile order (player 1's strategy changing
// fastest). It first checks g with Validate and writes nothing if g is
// invalid.
func Write(w io.Writer, g *Game) error {
	if err := g.Validate(); err != nil {
		return err
	}
	m, n := g.Shape()
	bw := bufio.NewWriter(w)
	bw.WriteString("NFG 1 R " + quote(g.Title) + " " + quoteList(g.Players[:]) + "\n\n")
	bw.WriteString("{ ")
	for _, labels := range g.Strategies {
		bw.WriteString(quoteList(labels) + "\n")
	}
	bw.WriteString("}\n" + quote(g.Comment) + "\n\n{\n")
	for j := range n {
		for i := range m {
			bw.WriteString(`{ "" ` + g.A[i][j].RatString() + ", " + g.B[i][j].RatString() + " }\n")
		}
	}
	bw.WriteString("}\n")
	for k := range m * n {
		bw.WriteString(strconv.Itoa(k+1) + " ")
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// quote writes s as a .nfg string: in double quotes, with \" for a quote
// and \\ for a backslash.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// quoteList writes { "a" "b" … }.
func quoteList(labels []string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for _, l := range labels {
		b.WriteString(quote(l) + " ")
	}
	b.WriteString("}")
	return b.String()
}
