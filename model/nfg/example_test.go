package nfg_test

import (
	"fmt"
	"log"
	"math/big"
	"os"
	"strings"

	"github.com/parley-sim/parley/model/nfg"
)

// ExampleRead reads the README's Selten game: profiles are listed with
// player 1's strategy changing fastest.
func ExampleRead() {
	const file = `NFG 1 R "Selten (IJGT, 75), Figure 2" { "Player 1" "Player 2" } { 3 2 }
1 1 0 2 0 2 1 1 0 3 2 0.5`
	g, err := nfg.Read(strings.NewReader(file), "selten.nfg")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Players, g.Strategies)
	for i := range g.A {
		cells := make([]string, len(g.A[i]))
		for j := range g.A[i] {
			cells[j] = g.A[i][j].RatString() + "," + g.B[i][j].RatString()
		}
		fmt.Println(strings.Join(cells, "  "))
	}
	// Output:
	// [Player 1 Player 2] [[1 2 3] [1 2]]
	// 1,1  1,1
	// 0,2  0,3
	// 0,2  2,1/2
}

// ExampleRead_error shows the located error for a file that ends early.
func ExampleRead_error() {
	const file = `NFG 1 R "short" { "Player 1" "Player 2" } { 2 2 }
1 1 0 2 0 2`
	_, err := nfg.Read(strings.NewReader(file), "short.nfg")
	fmt.Println(err)
	// Output:
	// short.nfg:2:12: found end of file; expected a numerical payoff (player 1's at profile (2,2), payoff 7 of 8)
}

// ExampleWrite writes matching pennies in the outcome version.
func ExampleWrite() {
	one, minus := big.NewRat(1, 1), big.NewRat(-1, 1)
	g := &nfg.Game{
		Title:      "Matching pennies",
		Players:    [2]string{"Even", "Odd"},
		Strategies: [2][]string{{"Heads", "Tails"}, {"Heads", "Tails"}},
		A:          [][]*big.Rat{{one, minus}, {minus, one}},
		B:          [][]*big.Rat{{minus, one}, {one, minus}},
	}
	if err := nfg.Write(os.Stdout, g); err != nil {
		log.Fatal(err)
	}
	// Output:
	// NFG 1 R "Matching pennies" { "Even" "Odd" }
	//
	// { { "Heads" "Tails" }
	// { "Heads" "Tails" }
	// }
	// ""
	//
	// {
	// { "" 1, -1 }
	// { "" -1, 1 }
	// { "" -1, 1 }
	// { "" 1, -1 }
	// }
	// 1 2 3 4
}
