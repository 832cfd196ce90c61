package analytics_test

import (
	"fmt"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/parley-sim/parley/scenarios"
)

func ExampleAnalyze() {
	s, err := scenarios.Load("rubinstein")
	if err != nil {
		fmt.Println(err)
		return
	}
	var w model.World
	s.Central(&w)
	a, err := analytics.Analyze(&w)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("disagreement %.2f, ZOPA: %v\n", a.Disagreement, a.ZOPA != nil)
	fmt.Printf("Nash: share %.3f, utilities %.3f\n", a.Nash.Terms[0], a.Nash.Utility)
	fmt.Printf("Kalai–Smorodinsky: share %.3f\n", a.KalaiSmorodinsky.Terms[0])
	r := a.Rubinstein
	fmt.Printf("Rubinstein: %s proposes and gets %.4f\n", s.Actors[a.Principals[r.Proposer]].Name, r.Share)
	// Output:
	// disagreement [0.00 0.00], ZOPA: true
	// Nash: share 0.500, utilities [0.500 0.500]
	// Kalai–Smorodinsky: share 0.500
	// Rubinstein: first proposes and gets 0.7143
}

const trade = `name: trade
description: Each side cares most about a different issue.
horizon: 10
issues:
  price: {min: 0, max: 100}
  delivery: {min: 1, max: 12}
actors:
  seller:
    role: principal
    discount: 0.9
    reservation: {value: 0.3}
    utility:
      weights: {price: 0.8, delivery: 0.2}
      values: {price: {shape: linear, ideal: 100}, delivery: {shape: linear, ideal: 12}}
  buyer:
    role: principal
    discount: 0.9
    reservation: {value: 0.3}
    utility:
      weights: {price: 0.3, delivery: 0.7}
      values: {price: {shape: linear, ideal: 0}, delivery: {shape: linear, ideal: 1}}
`

func ExampleAnalysis_logrolling() {
	s, err := model.Load(model.Source{Name: "trade.yaml", Data: []byte(trade)}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var w model.World
	s.Central(&w)
	a, err := analytics.Analyze(&w)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range a.Issues {
		fmt.Printf("%s: seller %.1f, buyer %.1f, ratio %.2f\n", s.Issues[iv.Issue].Name, iv.Marginal[0], iv.Marginal[1], iv.Ratio)
	}
	for _, t := range a.Trades {
		fmt.Printf("the seller gets its way on %s, the buyer on %s (×%.2f)\n", s.Issues[t.Gets[0]].Name, s.Issues[t.Gets[1]].Name, t.Gain)
	}
	fmt.Printf("Nash: price %.0f, delivery in %.0f weeks\n", a.Nash.Terms[0], a.Nash.Terms[1])
	// Output:
	// price: seller 0.8, buyer 0.3, ratio 2.67
	// delivery: seller 0.2, buyer 0.7, ratio 0.29
	// the seller gets its way on price, the buyer on delivery (×9.33)
	// Nash: price 100, delivery in 1 weeks
}
