package history_test

import (
	"fmt"

	"github.com/parley-sim/parley/model/history"
)

// A history lists what happened and in which round; First finds the
// first event of a kind, and an invalid file reports where it is wrong.
func ExampleParse() {
	h, err := history.Parse("jpoa.yaml", []byte(`scenario: jpoa-2013
observed: 72
events:
  - {kind: interim, round: 4, note: the JPOA}
`))
	if err != nil {
		panic(err)
	}
	e, _ := h.First(history.Interim)
	fmt.Println(h.Scenario, e.Kind, e.Round)

	_, err = history.Parse("bad.yaml", []byte("scenario: x\nobserved: 12\nevents:\n  - {kind: deal, round: 3, note: n}\n"))
	fmt.Println(err)
	// Output:
	// jpoa-2013 interim 4
	// bad.yaml:4:12: events[0].kind: "deal" is not a milestone; want one of interim, comprehensive, collapse, walkaway, strike, resumption
}
