package nfg

import (
	"errors"
	"strings"
	"testing"
)

// selten is the README's example of the payoff version (Selten, IJGT 1975,
// figure 2, as in Gambit's doc/formats.nfgpay.rst): a 3×2 game whose
// profiles are listed with player 1's strategy changing fastest.
const selten = `NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" } { 3 2 }
1 1 0 2 0 2 1 1 0 3 2 0
`

// TestRead reads small inline files, one per feature of the format.
func TestRead(t *testing.T) {
	p12 := [2]string{"Player 1", "Player 2"}
	s12 := []string{"1", "2"}
	// seltenA and seltenB are the matrices the README derives from the
	// Selten profile list: (1,1)→1,1; (2,1)→0,2; (3,1)→0,2; (1,2)→1,1;
	// (2,2)→0,3; (3,2)→2,0.
	seltenA := rats(t, "1 1", "0 0", "0 2")
	seltenB := rats(t, "1 1", "2 3", "2 0")
	tests := []struct {
		name string
		src  string
		want Game
	}{
		{"payoff version, strategy counts, player 1 fastest", selten, Game{
			Title: "Selten (IJGT, 75), Figure 2, normal form", Players: p12,
			Strategies: [2][]string{{"1", "2", "3"}, s12}, A: seltenA, B: seltenB}},
		{"outcome version, label lists, same game", `NFG 1 R "Selten" { "Player 1" "Player 2" }
{ { "T" "M" "B" } { "L" "R" } }
""
{ { "" 1, 1 } { "" 0, 2 } { "" 0, 3 } { "" 2, 0 } }
1 2 2 1 3 4
`, Game{Title: "Selten", Players: p12,
			Strategies: [2][]string{{"T", "M", "B"}, {"L", "R"}}, A: seltenA, B: seltenB}},
		{"payoff version with label lists", `NFG 1 R "t" { "a" "b" } { { "U" "D" } { "L" } } 1 2 3 4`,
			Game{Title: "t", Players: [2]string{"a", "b"}, Strategies: [2][]string{{"U", "D"}, {"L"}},
				A: rats(t, "1", "3"), B: rats(t, "2", "4")}},
		{"outcome version with strategy counts", `NFG 1 R "t" { "a" "b" } { 1 2 } { { "" 1, 2 } { "" 3, 4 } } 2 1`,
			Game{Title: "t", Players: [2]string{"a", "b"}, Strategies: [2][]string{{"1"}, s12},
				A: rats(t, "3 1"), B: rats(t, "4 2")}},
		{"braces touching tokens, no final newline (Gambit's test_file.py)", "NFG 1 R \"prisoners dilemma\"\n {\"Player 1\" \"Player 2\"} {2 2}\n -6 -6 -10 0 0 -10 -1 -1.0",
			Game{Title: "prisoners dilemma", Players: p12, Strategies: [2][]string{s12, s12},
				A: rats(t, "-6 0", "-10 -1"), B: rats(t, "-6 -10", "0 -1")}},
		{"nothing but braces between tokens", `NFG 1 R"t"{"a""b"}{{"x""y"}{"z"}}{{"o"1,2}{"p"3 4}}2 1`,
			Game{Title: "t", Players: [2]string{"a", "b"}, Strategies: [2][]string{{"x", "y"}, {"z"}},
				A: rats(t, "3", "1"), B: rats(t, "4", "2")}},
		{"every number form", `NFG 1 R "n" { "a" "b" } { 2 4 } -3 2.5 .5 -1.0 5/2 1e-3 +2 1E2 -.25 2.5e+1 0.1 3. -7/4 0e9 12E-1 00`,
			// profile k is row k mod 2, column k div 2; each value is the
			// literal read exactly: 1e-3 = 1/1000, 2.5e+1 = 25, 12E-1 = 6/5
			Game{Title: "n", Players: [2]string{"a", "b"}, Strategies: [2][]string{s12, {"1", "2", "3", "4"}},
				A: rats(t, "-3 5/2 -1/4 -7/4", "1/2 2 1/10 6/5"), B: rats(t, "5/2 1/1000 25 0", "-1 100 3 0"),
			}},
		{"D number type, comment spanning lines", "NFG 1 D \"t\" { \"a\" \"b\" } { 1 1 }\n\"line one\nline two\"\n\n4 5\n",
			Game{Title: "t", Comment: "line one\nline two", Players: [2]string{"a", "b"},
				Strategies: [2][]string{{"1"}, {"1"}}, A: rats(t, "4"), B: rats(t, "5")}},
		{"escaped quotes and backslashes", `NFG 1 R "say \"hi\", a\\b, c\d" { "\"" "\\" } { 1 1 } 0 0`,
			Game{Title: `say "hi", a\b, c\d`, Players: [2]string{`"`, `\`},
				Strategies: [2][]string{{"1"}, {"1"}}, A: rats(t, "0"), B: rats(t, "0")}},
		{"null outcome 0, optional and trailing commas", `NFG 1 R "t" { "a" "b" } { 2 2 }
{ { "x" 1 2 } { "y" 3, 4, } }
0 1 2 0`,
			Game{Title: "t", Players: [2]string{"a", "b"}, Strategies: [2][]string{s12, s12},
				A: rats(t, "0 3", "1 0"), B: rats(t, "0 4", "2 0")}},
		{"empty and repeated labels renamed as Gambit 17 does", `NFG 1 R "" { "" "" } { { "a" "a" "" "a_1" } { "x" } } 1 1 2 2 3 3 4 4`,
			Game{Players: [2]string{"_1", "_2"}, Strategies: [2][]string{{"a_2", "a_3", "_1", "a_1"}, {"x"}},
				A: rats(t, "1", "2", "3", "4"), B: rats(t, "1", "2", "3", "4")}},
		{"UTF-8 labels, byte-order mark, CRLF and tabs", "\uFEFFNFG\t1 R \"Négociation\"\r\n{ \"Iran\" \"États-Unis\" }\r\n{ 1 1 }\r\n1\t-1\r\n",
			Game{Title: "Négociation", Players: [2]string{"Iran", "États-Unis"},
				Strategies: [2][]string{{"1"}, {"1"}}, A: rats(t, "1"), B: rats(t, "-1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readString(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if d := diffGames(got, &tt.want); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestReadErrors checks that each malformed file is rejected with an
// *Error at the right place saying what was found and what was expected.
func TestReadErrors(t *testing.T) {
	const head = `NFG 1 R "t" { "a" "b" } ` // 24 characters: a body starts at column 25
	tests := []struct {
		name, src string
		at        string // "line:col"
		want      string // a part of the message
	}{
		{"empty file", "", "1:1", "not a .nfg file: found end of file; expected NFG"},
		// issue #13 deliverable 6: equilibria /etc/shadow quoted its first word.
		{"not a .nfg file", "root:$6$SECRET:19000:0:99999:7:::\n", "1:1", "not a .nfg file: it does not start with NFG, the word that starts a .nfg file (its content is not shown)"},
		{"extensive form", `EFG 2 R "t" { "a" "b" } ""`, "1:1", `found word "EFG"; expected NFG, the word that starts a .nfg file; this is an extensive-form game`},
		{"wrong version", `NFG 2 R "t"`, "1:5", "unsupported .nfg version: found number 2; expected 1"},
		{"wrong number type", `NFG 1 Q "t"`, "1:7", `found word "Q"; expected R or D`},
		{"title missing", `NFG 1 R { "a" "b" } { 1 1 } 0 0`, "1:9", "game title missing: found '{'; expected the title as a quoted string"},
		{"three players", `NFG 1 R "t" { "a" "b" "c" } { 1 1 1 } 0 0 0`, "1:13", "found 3 players; expected 2: only two-player games are supported"},
		{"one player", `NFG 1 R "t" { "a" } { 1 } 0`, "1:13", "found 1 players; expected 2"},
		{"player name not a string", `NFG 1 R "t" { "a" b }`, "1:19", `found word "b"; expected a player name as a quoted string, or '}'`},
		{"zero strategies", head + "{ 0 2 } 1 2", "1:27", "found number 0; expected player 1's number of strategies, a whole number from 1 to 262144"},
		{"fractional strategy count", head + "{ 2 2.5 } 1 2", "1:29", "found number 2.5; expected player 2's number of strategies"},
		{"one count for two players", head + "{ 2 } 1 2", "1:29", "found '}'; expected player 2's number of strategies"},
		{"three counts", head + "{ 1 1 1 } 1 2", "1:31", "found number 1; expected '}' closing the strategies"},
		{"profile count too large", head + "{ 100000 100000 } 1", "1:25", "found 100000×100000 = 10000000000 strategy profiles; expected at most 262144"},
		{"empty label list", head + "{ { } { \"x\" } } 1 2", "1:29", "found '}'; expected a strategy label of player 1 as a quoted string (each player needs at least one strategy)"},
		{"label not a string", head + "{ { \"x\" 3 } { \"x\" } } 1 2", "1:33", "found number 3; expected a strategy label as a quoted string, or '}' closing player 1's strategies"},
		{"no body", head + "{ 1 1 } \"comment\"", "1:42", "found end of file; expected the payoffs (a number) or the list of outcomes ('{')"},
		{"too few payoffs", head + "{ 2 1 }\n1 2 3", "2:6", "found end of file; expected a numerical payoff (player 2's at profile (2,1), payoff 4 of 4)"},
		{"word among payoffs", head + "{ 2 1 } 1 x 3 4", "1:35", `found word "x"; expected a numerical payoff (player 2's at profile (1,1), payoff 2 of 4)`},
		{"too many payoffs", head + "{ 1 1 } 1 2 3", "1:37", "unexpected data after the last payoff: found number 3; expected end of file (a 1×1 game has 2 payoffs)"},
		{"number with trailing letters", head + "{ 1 1 } 1x 2", "1:33", `malformed number "1x"`},
		{"zero denominator", head + "{ 1 1 } 1/0 2", "1:33", `malformed number "1/0": zero denominator`},
		{"absurd exponent", head + "{ 1 1 } 1e999999999 2", "1:33", `malformed number "1e999999999": exponent 999999999 out of range ±400`},
		{"exponent just out of range", head + "{ 1 1 } 1e-401 2", "1:33", "exponent -401 out of range ±400"},
		{"double sign", head + "{ 1 1 } --1 2", "1:33", `malformed number "--1"`},
		{"two points", head + "{ 1 1 } 1.2.3 2", "1:33", `malformed number "1.2.3"`},
		{"lone point", head + "{ 1 1 } . 2", "1:33", `malformed number "."`},
		{"exponent without digits", head + "{ 1 1 } 1e 2", "1:33", `malformed number "1e"`},
		{"unterminated string", "NFG 1 R \"title\n{ 1 1 }", "2:8", "found end of file inside the string that starts at 1:9; expected a closing '\"'"},
		{"string ending in an escaped quote", `NFG 1 R "a\"`, "1:13", "found end of file inside the string"},
		{"invalid UTF-8", "NFG 1 R \"caf\xe9\" { \"a\" \"b\" } { 1 1 } 1 2", "1:13", "found the byte 0xe9, which is not UTF-8; expected UTF-8 text"},
		{"outcome without name", head + "{ 1 1 } { { 1 2 } } 1", "1:37", "found number 1; expected outcome 1's name as a quoted string"},
		{"outcome with one payoff", head + "{ 1 1 } { { \"\" 1 } } 1", "1:42", "found '}'; expected a numerical payoff (player 2's in outcome 1)"},
		{"outcome with three payoffs", head + "{ 1 1 } { { \"\" 1, 2, 3 } } 1", "1:46", "found number 3; expected '}' closing outcome 1 (an outcome of a two-player game has 2 payoffs)"},
		{"outcome list not closed", head + "{ 1 1 } { { \"\" 1 2 } 1", "1:46", "found number 1; expected '{' starting an outcome or '}' closing the list of outcomes"},
		{"outcome index out of range", head + "{ 2 1 } { { \"\" 1 2 } } 1 2", "1:50", "found number 2; expected an outcome index from 0 (the null outcome) to 1, the number of outcomes (profile (2,1))"},
		{"negative outcome index", head + "{ 1 1 } { { \"\" 1 2 } } -1", "1:48", "found number -1; expected an outcome index from 0"},
		{"fractional outcome index", head + "{ 1 1 } { { \"\" 1 2 } } 1/2", "1:48", "found number 1/2; expected an outcome index from 0"},
		{"too few outcome indices", head + "{ 2 2 } { { \"\" 1 2 } }\n1 1 1", "2:6", "found end of file; expected an outcome index (profile (2,2), index 4 of 4)"},
		{"too many outcome indices", head + "{ 1 1 } { { \"\" 1 2 } } 1 1", "1:50", "unexpected data after the last outcome index: found number 1; expected end of file (a 1×1 game has 1 profiles)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := readString(tt.src)
			if err == nil {
				t.Fatalf("accepted %q as %s", tt.src, show(g))
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T, not an *Error", err, err)
			}
			prefix := "test.nfg:" + tt.at + ": "
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant %q…%q", err, prefix, tt.want)
			}
		})
	}
}
