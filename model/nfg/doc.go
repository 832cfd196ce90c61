// Package nfg reads and writes two-player games in Gambit's strategic-form
// file format, .nfg (Gambit 17, doc/formats.rst and src/games/file.cc).
//
// A .nfg file is a stream of whitespace-separated tokens: braces, commas,
// quoted strings, numbers and bare words. It opens with a prologue,
//
//	NFG 1 R "title" { "Player 1" "Player 2" } { 3 2 } "optional comment"
//
// whose strategy part is either a count per player, { 3 2 } (labels "1",
// "2", …), or a label list per player, { { "U" "D" } { "L" "R" } }. The
// body follows in one of two versions. The payoff version lists, for every
// pure-strategy profile, each player's payoff. The outcome version lists
// outcomes, { "name" 1, 2 }, then one outcome index per profile, index 0
// being the null outcome that pays everyone 0. Either way profiles come
// with player 1's strategy changing fastest: for an m×n game the k-th
// profile (from 0) is row k mod m, column k div m.
//
// Numbers are exact: integers, decimals (2.5, .5, -1.0), fractions (5/2)
// and exponent forms (1e-3) all become *big.Rat, so 0.1 is exactly 1/10.
//
// Read follows Gambit 17 in renaming empty or repeated labels, separately
// for the players and for each player's strategies: a label used once and
// not empty is kept, the others become label_1, label_2, … (an empty label
// becomes _1, _2, …), skipping names already in use. NormalizeLabels does
// the renaming.
//
// Where this package differs from Gambit:
//   - Only two-player games are read; other player counts are an error.
//   - Inside a quoted string, \" is a quote and \\ a backslash (as Gambit's
//     writer, std::quoted, writes them); a backslash before any other
//     character stands for itself. Gambit's reader does not undo \\: a
//     label with a backslash does not survive a trip through Gambit, and
//     one ending in a backslash makes Gambit's reader run on past the
//     closing quote.
//   - A strategy header may mix label lists and counts, { { "x" } 2 };
//     Gambit wants one form for all players.
//   - A number token runs to the next whitespace, brace, comma or quote and
//     must be well formed as a whole: 1x is an error, not 1 followed by x.
//   - Strategy counts and outcome indices must be whole numbers, and every
//     outcome index must name an outcome.
//   - Sizes are bounded so a small file cannot exhaust memory: see
//     MaxProfiles, MaxExponent, MaxNumberBits, MaxNumberLength and MaxFileSize.
//   - The file must be UTF-8; a leading byte-order mark is skipped.
//
// Every problem is reported as an *Error giving the file name, line and
// column, what was found and what was expected.
//
// Write writes the outcome version, laid out as Gambit's own writer lays it
// out, with one unnamed outcome per profile, so that Read(Write(g)) gives
// back g.
package nfg
