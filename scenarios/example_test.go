package scenarios_test

import (
	"fmt"

	"github.com/parley-sim/parley/scenarios"
)

func ExampleLoad() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		fmt.Println(err)
		return
	}
	first, second := s.Actors[0], s.Actors[1]
	fmt.Println(s.Summary)
	fmt.Println(first.Name, first.Discount, second.Name, second.Discount)
	// Output:
	// Teaching: Rubinstein’s alternating offers over a pie, δ = 0.9 and 0.8
	// first 0.9 second 0.8
}

func ExampleNames() {
	fmt.Println(scenarios.Names()[0] == scenarios.Default, len(scenarios.Names()))
	// Output: true 11
}
