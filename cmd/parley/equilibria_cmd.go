package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model/nfg"
	"github.com/parley-sim/parley/sim/equilibrium"
	"github.com/spf13/pflag"
)

var equilibriaCmd = &command{
	name:  "equilibria",
	args:  "FILE.nfg",
	short: "list every Nash equilibrium of a two-player game (.nfg file)",
	long: `Read a two-player game in strategic form from a Gambit .nfg file (payoff or
outcome version) and list all its Nash equilibria, computed exactly in
rational arithmetic by enumerating the vertices of the best-response
polytopes (the method of Gambit's enummixed). Each row is one extreme
equilibrium: each player's mixed strategy, as strategy=probability for the
strategies played, the expected payoffs, and the component it belongs to.

When the game is degenerate its equilibria can form continua: the rows are
then the extreme points of the maximal Nash subsets (components), and every
mix of a component's player-1 strategies with its player-2 strategies is an
equilibrium too; the components are listed after the table.

The time grows about fivefold with each strategy added to both players: a
6×6 game takes milliseconds, a 10×10 game seconds. Larger games, C(m+n, m)
above C(20, 10), are refused with a message.`,
	examples: []string{
		"parley equilibria testdata/nfg/meeting.nfg",
		"parley equilibria testdata/nfg/entry.nfg --format json",
		"parley equilibria game.nfg --format markdown",
	},
	flags:  func(fs *pflag.FlagSet) any { return formatFlag(fs, "table", "csv", "json", "markdown") },
	run:    runEquilibria,
	writes: true,
	fits:   true,
}

// equilibriumJSON is one element of `parley equilibria --format json`; its
// field names are stable (docs/output.md).
type equilibriumJSON struct {
	P1           []jsonNumber `json:"p1"`
	P2           []jsonNumber `json:"p2"`
	P1Exact      []string     `json:"p1_exact"`
	P2Exact      []string     `json:"p2_exact"`
	Payoffs      []jsonNumber `json:"payoffs"`
	PayoffsExact []string     `json:"payoffs_exact"`
	Components   []int        `json:"components"`
	Degenerate   bool         `json:"degenerate"`
}

// jsonNumber is a number that marshals as null when it is not finite:
// a payoff beyond float64's range, which the _exact field holds exactly.
type jsonNumber float64

// MarshalJSON writes x as a JSON number, or null, for encoding/json;
// writeEquilibriaJSON writes it the same way itself.
func (x jsonNumber) MarshalJSON() ([]byte, error) {
	if f := float64(x); !math.IsInf(f, 0) && !math.IsNaN(f) {
		return json.Marshal(f)
	}
	return []byte("null"), nil
}

func runEquilibria(e *env, opts any, args []string) error {
	if len(args) != 1 {
		return usagef("want one FILE.nfg, got %d arguments", len(args))
	}
	g, err := readGame(args[0])
	if err != nil {
		return err
	}
	sol, err := equilibrium.Solve(g.A, g.B)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	return renderEquilibria(e.stdout, e.layout(opts.(*outputFormat).name), args[0], g, sol)
}

// renderEquilibria writes the solution of the game read from path in the
// layout's format.
func renderEquilibria(w io.Writer, l layout, path string, g *nfg.Game, sol *equilibrium.Solution) error {
	if l.format == "json" {
		return writeEquilibriaJSON(w, equilibriaJSON(sol))
	}
	return writeEquilibria(w, l, path, g, sol)
}

// readGame reads the .nfg file at path, a regular file (see openRegular).
func readGame(path string) (*nfg.Game, error) {
	f, err := openRegular(path, "a .nfg file")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return nfg.Read(f, path)
}

func equilibriaJSON(sol *equilibrium.Solution) []equilibriumJSON {
	out := make([]equilibriumJSON, len(sol.Equilibria))
	for i, eq := range sol.Equilibria {
		out[i] = equilibriumJSON{
			P1:           floats(eq.P1),
			P2:           floats(eq.P2),
			P1Exact:      exact(eq.P1),
			P2Exact:      exact(eq.P2),
			Payoffs:      floats(eq.Payoff[:]),
			PayoffsExact: exact(eq.Payoff[:]),
			Components:   componentNumbers(sol, i),
			Degenerate:   sol.Degenerate,
		}
	}
	return out
}

// componentNumbers returns the 1-based numbers of the components holding
// equilibrium i.
func componentNumbers(sol *equilibrium.Solution, i int) []int {
	ks := sol.ComponentsOf(i)
	for j := range ks {
		ks[j]++
	}
	return ks
}

// floats returns the nearest float64 to each rational, ±Inf beyond
// float64's range.
func floats(v []*big.Rat) []jsonNumber {
	out := make([]jsonNumber, len(v))
	for i, r := range v {
		out[i] = jsonNumber(ratFloat(r))
	}
	return out
}

// exact writes each rational as an integer or a reduced fraction.
func exact(v []*big.Rat) []string {
	out := make([]string, len(v))
	for i, r := range v {
		out[i] = ratString(r)
	}
	return out
}

// writeEquilibria renders the solution as a heading, a table of extreme
// equilibria and, for a degenerate game, the list of components; as CSV,
// the table alone.
func writeEquilibria(w io.Writer, l layout, path string, g *nfg.Game, sol *equilibrium.Solution) error {
	format := l.format
	t := &table{header: []string{"#", g.Players[0], g.Players[1], "payoff " + g.Players[0], "payoff " + g.Players[1], "component"}}
	for i, eq := range sol.Equilibria {
		comps := make([]string, 0, 1)
		for _, k := range componentNumbers(sol, i) {
			comps = append(comps, strconv.Itoa(k))
		}
		t.rows = append(t.rows, []string{
			strconv.Itoa(i + 1),
			mixed(g.Strategies[0], eq.P1),
			mixed(g.Strategies[1], eq.P2),
			ratString(eq.Payoff[0]),
			ratString(eq.Payoff[1]),
			strings.Join(comps, ", "),
		})
	}
	if format == "csv" {
		return t.write(w, l)
	}
	m, n := g.Shape()
	title := path
	if g.Title != "" {
		title = fmt.Sprintf("%s (%s)", g.Title, path)
	}
	fmt.Fprintf(w, "%s\n", text.Wrap(fmt.Sprintf("%s: %s (rows) against %s (columns), %d×%d", title, g.Players[0], g.Players[1], m, n), l.width))
	if c := strings.TrimSpace(g.Comment); c != "" {
		fmt.Fprintf(w, "%s\n", text.Wrap(c, l.prose()))
	}
	fmt.Fprintln(w)
	listed := text.CountIs(len(sol.Equilibria), "extreme equilibrium") + " listed below"
	var intro string
	if sol.Degenerate {
		intro = fmt.Sprintf("The game is degenerate, so its equilibria may form continua. %s, the vertices of %s: in each, every mix of its strategies for %s against every mix of its strategies for %s is an equilibrium, and there are no others.",
			listed, text.Count(len(sol.Components), "maximal Nash subset (component)"), g.Players[0], g.Players[1])
	} else {
		intro = fmt.Sprintf("The game is nondegenerate, so its equilibria are isolated: %s, and there are no others.", listed)
	}
	fmt.Fprintf(w, "%s\n\n", text.Wrap(intro, l.prose()))
	if err := t.write(w, l); err != nil {
		return err
	}
	if !sol.Degenerate {
		return nil
	}
	fmt.Fprintf(w, "\n%s\n", text.Wrap("Components (any mix of the strategies listed for each player):", l.width))
	for k, c := range sol.Components {
		item := fmt.Sprintf("%d. %s: %s; %s: %s", k+1,
			g.Players[0], vertexList(g.Strategies[0], sol.P1Vertices, c.P1),
			g.Players[1], vertexList(g.Strategies[1], sol.P2Vertices, c.P2))
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(text.Wrap(item, l.width-5), "\n", "\n     "))
	}
	return nil
}

// mixed writes a mixed strategy as label=probability for the strategies
// played with positive probability, in strategy order.
func mixed(labels []string, p []*big.Rat) string {
	var b []byte
	for i, x := range p {
		if x.Sign() > 0 {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, labels[i]...)
			b = append(b, '=')
			b = appendRat(b, x)
		}
	}
	return string(b)
}

// vertexList writes the vertices idx of vs, each as a mixed strategy in
// brackets.
func vertexList(labels []string, vs [][]*big.Rat, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = "[" + mixed(labels, vs[i]) + "]"
	}
	return strings.Join(parts, " ")
}
