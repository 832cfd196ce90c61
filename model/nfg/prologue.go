package nfg

import (
	"math/big"
	"strconv"
)

// prologue reads everything before the body: the magic word, version,
// number type, title, players, strategies and optional comment, and
// renames labels as Gambit does.
func (p *parser) prologue(g *Game) error {
	switch {
	case p.tok.kind == tokWord && p.tok.text == "EFG":
		return p.fail("not a .nfg file", "NFG, the word that starts a .nfg file; this is an extensive-form game, which parley does not read")
	case p.tok.kind == tokEOF:
		return p.fail("not a .nfg file", "NFG")
	case p.tok.kind != tokWord || p.tok.text != "NFG":
		// Quoting what it found would show a file that may be anything
		// (equilibria /etc/shadow).
		return p.lex.errorAt(p.tok.at, "not a .nfg file: it does not start with NFG, the word that starts a .nfg file (its content is not shown)")
	}
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tokNumber || p.tok.text != "1" {
		return p.fail("unsupported .nfg version", "1, the only version")
	}
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tokWord || p.tok.text != "R" && p.tok.text != "D" {
		return p.fail("", "R or D, the number type")
	}
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tokString {
		return p.fail("game title missing", "the title as a quoted string")
	}
	g.Title = p.tok.text
	if err := p.advance(); err != nil {
		return err
	}
	if err := p.players(g); err != nil {
		return err
	}
	if err := p.strategies(g); err != nil {
		return err
	}
	if p.tok.kind == tokString {
		g.Comment = p.tok.text
		if err := p.advance(); err != nil {
			return err
		}
	}
	g.Players = [2]string(NormalizeLabels(g.Players[:]))
	return nil
}

// players reads { "name" "name" }, which must name exactly two players.
func (p *parser) players(g *Game) error {
	open, err := p.expect(tokLBrace, "'{' opening the list of player names")
	if err != nil {
		return err
	}
	var names []string
	for p.tok.kind == tokString {
		names = append(names, p.tok.text)
		if err := p.advance(); err != nil {
			return err
		}
	}
	if _, err := p.expect(tokRBrace, "a player name as a quoted string, or '}' closing the list of players"); err != nil {
		return err
	}
	if len(names) != 2 {
		return p.lex.errorAt(open.at, "found %d players; expected 2: only two-player games are supported", len(names))
	}
	copy(g.Players[:], names)
	return nil
}

// strategies reads either the strategy counts, { 3 2 }, or the label lists,
// { { "a" "b" "c" } { "x" "y" } }, into p.size, and checks the number of
// profiles. It stores label lists, renamed as Gambit does, in g; the
// labels "1", "2", … of counts wait for countLabels, so that a tiny file
// giving large counts and no body costs nothing.
func (p *parser) strategies(g *Game) error {
	open, err := p.expect(tokLBrace, "'{' opening the strategies: counts such as { 3 2 } or label lists such as { { \"U\" \"D\" } { \"L\" \"R\" } }")
	if err != nil {
		return err
	}
	for pl := range g.Strategies {
		if p.tok.kind == tokLBrace {
			labels, err := p.labelList(pl)
			if err != nil {
				return err
			}
			g.Strategies[pl] = NormalizeLabels(labels)
			p.size[pl] = len(labels)
		} else {
			n, err := p.count(pl)
			if err != nil {
				return err
			}
			p.size[pl] = n
		}
	}
	if _, err := p.expect(tokRBrace, "'}' closing the strategies (a two-player game has 2 lists or counts)"); err != nil {
		return err
	}
	if m, n := p.size[0], p.size[1]; m*n > MaxProfiles {
		return p.lex.errorAt(open.at, "found %d×%d = %d strategy profiles; expected at most %d", m, n, m*n, MaxProfiles)
	}
	return nil
}

// labelList reads player pl's (0-based) { "label" … }, which must not be
// empty.
func (p *parser) labelList(pl int) ([]string, error) {
	if err := p.advance(); err != nil {
		return nil, err
	}
	var labels []string
	for p.tok.kind == tokString {
		if len(labels) == MaxProfiles {
			return nil, p.fail("too many strategies", "at most %d per player", MaxProfiles)
		}
		labels = append(labels, p.tok.text)
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	if len(labels) == 0 {
		return nil, p.fail("", "a strategy label of player %d as a quoted string (each player needs at least one strategy)", pl+1)
	}
	if _, err := p.expect(tokRBrace, "a strategy label as a quoted string, or '}' closing player %d's strategies", pl+1); err != nil {
		return nil, err
	}
	return labels, nil
}

// count reads player pl's (0-based) number of strategies.
func (p *parser) count(pl int) (int, error) {
	t := p.tok
	if t.kind != tokNumber || !t.num.IsInt() || t.num.Sign() <= 0 || t.num.Cmp(big.NewRat(MaxProfiles, 1)) > 0 {
		return 0, p.fail("", "player %d's number of strategies, a whole number from 1 to %d (or a list of labels in braces)", pl+1, MaxProfiles)
	}
	return int(t.num.Num().Int64()), p.advance()
}

// countLabels returns the labels "1", "2", … "n" of a player whose
// strategies the file counts.
func countLabels(n int) []string {
	labels := make([]string, n)
	for i := range labels {
		labels[i] = strconv.Itoa(i + 1)
	}
	return labels
}
