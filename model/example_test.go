package model_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/parley-sim/parley/model"
)

const pie = `name: pie
description: Two sides split a pie; the first is more patient.
horizon: 10
issues:
  share: {min: 0, max: 1}
actors:
  first:
    role: principal
    discount: {triangular: [0.85, 0.9, 0.95]}
    reservation: {value: 0}
    utility:
      weights: {share: 1}
      values: {share: {shape: linear, ideal: 1}}
  second:
    role: principal
    discount: 0.8
    reservation: {value: 0}
    utility:
      weights: {share: 1}
      values: {share: {shape: linear, ideal: 0}}
`

func ExampleLoad() {
	s, err := model.Load(model.Source{Name: "pie.yaml", Data: []byte(pie)}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name, s.Horizon, s.Actors[0].Discount)

	_, err = model.Load(model.Source{Name: "bad.yaml", Data: []byte(pie + "colour: blue\n")}, nil)
	fmt.Println(err)
	// Output:
	// pie 10 {triangular: [0.85, 0.9, 0.95]}
	// bad.yaml:21:1: colour: unknown field; valid fields here: name, summary, description, extends, start, round, horizon, issues, actors, deals, shocks, protocol
}

func ExampleScenario_Sample() {
	s, err := model.Load(model.Source{Name: "pie.yaml", Data: []byte(pie)}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var w model.World
	s.Sample(&w, rand.New(rand.NewPCG(1, 0))) // episode 0 of seed 1
	first := w.Actors[0]
	fmt.Printf("δ = %.4f\n", first.Discount)
	fmt.Printf("u(0.7) = %.2f\n", first.Utility(s.Issues, []float64{0.7}))
	// Output:
	// δ = 0.8858
	// u(0.7) = 0.70
}

func ExampleParseStrategy() {
	st, err := model.ParseStrategy("interim-first/boulware")
	fmt.Println(st.Policy, st.Tactic, err)
	_, err = model.ParseStrategy("interim-first/stubborn")
	fmt.Println(err)
	// Output:
	// interim-first boulware <nil>
	// unknown tactic "stubborn"; want one of boulware, linear, conceder, tit-for-tat, fixed, subgame-perfect
}

func ExampleErrorList() {
	bad := strings.Replace(pie, "discount: 0.8", "discount: 1.5", 1) + "colour: blue\n"
	_, err := model.Load(model.Source{Name: "bad.yaml", Data: []byte(bad)}, nil)
	var list model.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("line %d, %s: %s\n", e.Line, e.Path, e.Msg)
		}
	}
	// Output:
	// line 16, actors.second.discount: 1.5 is out of range; want a number in (0, 1]
	// line 21, colour: unknown field; valid fields here: name, summary, description, extends, start, round, horizon, issues, actors, deals, shocks, protocol
}

// A horizon given on the command line is checked as the file's would be:
// pie's walk-away patience of 6 rounds does not fit in 3.
func ExampleLoadWithHorizon() {
	patient := pie + "protocol:\n  walk_away: {patience: 6}\n"
	s, err := model.LoadWithHorizon(model.Source{Name: "pie.yaml", Data: []byte(patient)}, nil, 20)
	fmt.Println(s.Horizon, err)
	_, err = model.LoadWithHorizon(model.Source{Name: "pie.yaml", Data: []byte(patient)}, nil, 3)
	fmt.Println(err)
	// Output:
	// 20 <nil>
	// pie.yaml:22:25: protocol.walk_away.patience: 6 is out of range; want a whole number in [1, 3]
}
