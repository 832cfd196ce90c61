package nfg

import (
	"fmt"
	"io"
	"math/big"
)

// Read parses a two-player .nfg file (payoff or outcome version; R or D).
// name is used in errors. Empty or repeated player names and strategy
// labels are renamed as Gambit 17 renames them (see NormalizeLabels). Every
// problem in the file is an *Error; a failure to read r is returned wrapped.
func Read(r io.Reader, name string) (*Game, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(src) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file larger than %d bytes; expected a .nfg file of at most that size", MaxFileSize)}
	}
	p := &parser{lex: newLexer(name, src)}
	if err := p.advance(); err != nil {
		return nil, err
	}
	g, err := p.game()
	if err != nil {
		return nil, err
	}
	return g, nil
}

// parser reads a game from a lexer, one token ahead.
type parser struct {
	lex  *lexer
	tok  token  // the current token
	size [2]int // each player's number of strategies, once read
}

// advance moves to the next token.
func (p *parser) advance() error {
	t, err := p.lex.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

// fail returns an error at the current token: what was found, then what
// was expected. A non-empty what goes first, as in "game title missing:
// found …".
func (p *parser) fail(what, expected string, args ...any) *Error {
	msg := fmt.Sprintf("found %s; expected %s", p.tok.describe(), fmt.Sprintf(expected, args...))
	if what != "" {
		msg = what + ": " + msg
	}
	return p.lex.errorAt(p.tok.at, "%s", msg)
}

// expect checks that the current token has the given kind, moves past it
// and returns it; otherwise it fails with expected.
func (p *parser) expect(kind tokenKind, expected string, args ...any) (token, error) {
	t := p.tok
	if t.kind != kind {
		return t, p.fail("", expected, args...)
	}
	return t, p.advance()
}

// game parses a whole file.
func (p *parser) game() (*Game, error) {
	g := &Game{}
	if err := p.prologue(g); err != nil {
		return nil, err
	}
	m, n := p.size[0], p.size[1]
	var payoffs []*big.Rat
	var err error
	switch p.tok.kind {
	case tokNumber:
		payoffs, err = p.payoffBody(m, n)
	case tokLBrace:
		payoffs, err = p.outcomeBody(m, n)
	default:
		err = p.fail("", "the payoffs (a number) or the list of outcomes ('{')")
	}
	if err != nil {
		return nil, err
	}
	g.A, g.B = matrices(payoffs, m, n)
	for pl, labels := range g.Strategies {
		if labels == nil {
			g.Strategies[pl] = countLabels(p.size[pl])
		}
	}
	return g, nil
}

// matrices arranges the payoffs, two per profile with player 1's strategy
// changing fastest, into A and B.
func matrices(payoffs []*big.Rat, m, n int) (a, b [][]*big.Rat) {
	a, b = make([][]*big.Rat, m), make([][]*big.Rat, m)
	for i := range m {
		a[i], b[i] = make([]*big.Rat, n), make([]*big.Rat, n)
		for j := range n {
			k := j*m + i
			a[i][j], b[i][j] = payoffs[2*k], payoffs[2*k+1]
		}
	}
	return a, b
}

// profileName names the k-th profile of an m-row game, 1-based, as
// "(row,column)".
func profileName(k, m int) string {
	return fmt.Sprintf("(%d,%d)", k%m+1, k/m+1)
}

// payoffBody reads the payoff version's body: two payoffs per profile.
func (p *parser) payoffBody(m, n int) ([]*big.Rat, error) {
	total := 2 * m * n
	payoffs := make([]*big.Rat, 0, min(total, 1024))
	for len(payoffs) < total {
		k := len(payoffs) / 2
		t, err := p.expect(tokNumber, "a numerical payoff (player %d's at profile %s, payoff %d of %d)",
			len(payoffs)%2+1, profileName(k, m), len(payoffs)+1, total)
		if err != nil {
			return nil, err
		}
		payoffs = append(payoffs, t.num)
	}
	if p.tok.kind != tokEOF {
		return nil, p.fail("unexpected data after the last payoff", "end of file (a %d×%d game has %d payoffs)", m, n, total)
	}
	return payoffs, nil
}

// outcomeBody reads the outcome version's body: the list of outcomes, then
// one outcome index per profile. Each profile gets its own copy of its
// outcome's payoffs.
func (p *parser) outcomeBody(m, n int) ([]*big.Rat, error) {
	outcomes, err := p.outcomeList()
	if err != nil {
		return nil, err
	}
	payoffs := make([]*big.Rat, 0, 2*min(m*n, 1024))
	for k := range m * n {
		t := p.tok
		if t.kind != tokNumber {
			return nil, p.fail("", "an outcome index (profile %s, index %d of %d)", profileName(k, m), k+1, m*n)
		}
		if !t.num.IsInt() || t.num.Sign() < 0 || t.num.Cmp(big.NewRat(int64(len(outcomes)), 1)) > 0 {
			return nil, p.fail("", "an outcome index from 0 (the null outcome) to %d, the number of outcomes (profile %s)", len(outcomes), profileName(k, m))
		}
		var x, y big.Rat
		if o := int(t.num.Num().Int64()); o > 0 {
			x.Set(outcomes[o-1][0])
			y.Set(outcomes[o-1][1])
		}
		payoffs = append(payoffs, &x, &y)
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	if p.tok.kind != tokEOF {
		return nil, p.fail("unexpected data after the last outcome index", "end of file (a %d×%d game has %d profiles)", m, n, m*n)
	}
	return payoffs, nil
}

// outcomeList reads { { "name" p1, p2 } … }, commas being optional, and
// returns each outcome's two payoffs.
func (p *parser) outcomeList() ([][2]*big.Rat, error) {
	if err := p.advance(); err != nil { // past the list's '{'
		return nil, err
	}
	var outcomes [][2]*big.Rat
	for p.tok.kind == tokLBrace {
		if len(outcomes) == MaxProfiles {
			return nil, p.fail("too many outcomes", "at most %d", MaxProfiles)
		}
		number := len(outcomes) + 1
		if err := p.advance(); err != nil {
			return nil, err
		}
		if _, err := p.expect(tokString, "outcome %d's name as a quoted string (\"\" for none)", number); err != nil {
			return nil, err
		}
		var o [2]*big.Rat
		for pl := range o {
			t, err := p.expect(tokNumber, "a numerical payoff (player %d's in outcome %d)", pl+1, number)
			if err != nil {
				return nil, err
			}
			o[pl] = t.num
			if p.tok.kind == tokComma {
				if err := p.advance(); err != nil {
					return nil, err
				}
			}
		}
		if _, err := p.expect(tokRBrace, "'}' closing outcome %d (an outcome of a two-player game has 2 payoffs)", number); err != nil {
			return nil, err
		}
		outcomes = append(outcomes, o)
	}
	if _, err := p.expect(tokRBrace, "'{' starting an outcome or '}' closing the list of outcomes"); err != nil {
		return nil, err
	}
	return outcomes, nil
}
