package main

import (
	"fmt"
	"slices"

	"github.com/parley-sim/parley/model"
)

// A slider is one input of a scenario the classroom page lets a student
// move: a numeric field, as --set and parley sweep --list-params name it,
// with the range the page offers. Its JSON field names are stable.
type slider struct {
	Path  string  `json:"path"`
	Label string  `json:"label"`
	Value float64 `json:"value"`          // the scenario's value; for a distribution, its central value
	Dist  string  `json:"dist,omitempty"` // the distribution it is drawn from; "" for a fixed number
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
	Step  float64 `json:"step"`
}

// sliderKind is a field every actor of a role may have, and its range on
// the page: within what the scenario format accepts
// (docs/scenario-format.md), narrowed to where the outcomes move.
type sliderKind struct {
	role           model.Role
	field, label   string // the field under actors.NAME, and its label with %s for the actor's label
	min, max, step float64
}

// sliderKinds are the actors' inputs the page offers, in its order.
var sliderKinds = []sliderKind{
	{model.Principal, "discount", "%s: patience (discount per round)", 0.5, 0.999, 0.001},
	{model.Principal, "reservation.value", "%s: fallback (utility of no deal)", 0, 1, 0.01},
	{model.Principal, "reneging.guarantee_protection", "%s: guarantees' protection against its reneging", 0, 1, 0.01},
	{model.Principal, "reneging.hazard", "%s: reneging hazard per round", 0, 0.1, 0.001},
	{model.Principal, "distrust", "%s: distrust of the other side", 0, 5, 0.05},
	{model.Mediator, "credibility", "%s: credibility as mediator", 0, 1, 0.01},
	{model.Ratifier, "bar", "%s: ratification bar", 0, 1, 0.01},
}

// protocolSliders are the scenario-wide inputs the page offers.
var protocolSliders = []slider{
	{Path: "protocol.escalation.hazard", Label: "strike hazard per round", Min: 0, Max: 0.2, Step: 0.001},
	{Path: "protocol.red_lines.correlation", Label: "correlation of the two sides' red lines", Min: 0, Max: 1, Step: 0.01},
	{Path: "deals.interim.guarantee", Label: "guarantee written into interim deals", Min: 0, Max: 1, Step: 0.01},
}

// sliders returns the inputs of s the page offers: those of sliderKinds
// and protocolSliders that are numeric fields of s, with their values.
func sliders(s *model.Scenario) []slider {
	fields := s.Fields()
	field := func(path string) (model.Field, bool) {
		i := slices.IndexFunc(fields, func(f model.Field) bool { return f.Path == path })
		if i < 0 {
			return model.Field{}, false
		}
		return fields[i], true
	}
	var out []slider
	add := func(sl slider) {
		if f, ok := field(sl.Path); ok {
			sl.Value, sl.Dist = f.Value, f.Dist
			sl.Min, sl.Max = min(sl.Min, f.Value), max(sl.Max, f.Value) // the scenario's own value is always on the scale
			out = append(out, sl)
		}
	}
	for _, k := range sliderKinds {
		for _, a := range s.Actors {
			if a.Role == k.role {
				add(slider{Path: "actors." + a.Name + "." + k.field, Label: fmt.Sprintf(k.label, a.Label), Min: k.min, Max: k.max, Step: k.step})
			}
		}
	}
	for _, sl := range protocolSliders {
		add(sl)
	}
	return out
}
