package main

import (
	"math"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/model/analytics"
	"github.com/spf13/pflag"
)

var explainCmd = &command{
	name:  "explain",
	args:  "[SCENARIO|FILE]",
	short: "explain the bargaining structure: ZOPA, solutions, logrolling",
	long: `Explain the structure of a negotiation before simulating it: who is at the
table and what each side wants, how much each issue weighs, the red lines and
fallbacks (reservation values), whether a zone of possible agreement (ZOPA)
exists, what the classic solutions predict (Nash bargaining, Kalai–Smorodinsky,
utilitarian, and Rubinstein's alternating offers for one-issue scenarios),
which trades between issues create joint value, and the strategies on offer.

Every uncertain number is taken at its central value and reservation values
as of round 1. The solutions are exact: docs/model.md gives the method.
Without an argument, explains the default scenario, muscat.`,
	examples: []string{
		"parley explain muscat",
		"parley explain rubinstein --format json",
		"parley explain my-scenario.yaml --format markdown > handout.md",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &explainOptions{format: formatFlag(fs, "table", "csv", "json", "markdown")}
		fs.StringArrayVar(&o.sets, "set", nil, setUsage)
		return o
	},
	run:    runExplain,
	writes: true,
	fits:   true,
}

type explainOptions struct {
	format *outputFormat
	sets   []string
}

func runExplain(e *env, opts any, args []string) error {
	o := opts.(*explainOptions)
	format := o.format.name
	s, err := e.loadScenarioArg(args)
	if err == nil {
		s, err = withSets(s, "--set", o.sets)
	}
	if err != nil {
		return err
	}
	var w model.World
	s.Central(&w)
	a, err := analytics.Analyze(&w)
	if err != nil {
		return err
	}
	x := newExplanation(s, &w, a)
	if format == "json" {
		return writeJSON(e.stdout, x)
	}
	return x.write(e.stdout, e.layout(format))
}

// explanation is what `parley explain` reports; its JSON field names are
// stable. Fields that need a feasible package are null when the red lines
// clash, and those that need a ZOPA when there is none.
type explanation struct {
	Scenario           string                     `json:"scenario"`
	Summary            string                     `json:"summary"`
	Round              string                     `json:"round"`
	Actors             []explainedActor           `json:"actors"`
	Issues             []explainedIssue           `json:"issues"`
	RedLinesCompatible bool                       `json:"red_lines_compatible"`
	Disagreement       map[string]float64         `json:"disagreement"`
	Ideal              map[string]float64         `json:"ideal"`
	Utopia             map[string]float64         `json:"utopia"` // the Kalai–Smorodinsky reference point: the most each side gets in the ZOPA; null without one
	IdealPackages      map[string]*bargainPackage `json:"ideal_packages"`
	Frontier           []frontierSegment          `json:"frontier"`
	ZOPA               *explainedZOPA             `json:"zopa"`
	NashBargaining     *bargainPackage            `json:"nash_bargaining"`
	KalaiSmorodinsky   *bargainPackage            `json:"kalai_smorodinsky"`
	Utilitarian        *bargainPackage            `json:"utilitarian"`
	Rubinstein         *explainedRubinstein       `json:"rubinstein,omitempty"`
	Logrolling         []explainedIssueValue      `json:"logrolling"`
	Trades             []explainedTrade           `json:"trades"`

	scenario *model.Scenario
	analysis *analytics.Analysis
	labels   [2]string // the principals' display names
}

// explainedActor is an actor with its central parameters; the principals'
// fields are empty for the mediator and ratifiers.
type explainedActor struct {
	Name            string                    `json:"name"`
	Label           string                    `json:"label"`
	Role            string                    `json:"role"`
	Objectives      []string                  `json:"objectives"`
	Ratifies        string                    `json:"ratifies,omitempty"`
	Discount        float64                   `json:"discount,omitempty"`
	Reservation     *float64                  `json:"reservation,omitempty"`
	Weights         map[string]float64        `json:"weights,omitempty"`
	Values          map[string]explainedValue `json:"values,omitempty"`
	AudienceCosts   map[string]float64        `json:"audience_costs,omitempty"`
	RedLines        map[string]explainedLine  `json:"red_lines,omitempty"`
	Strategies      []string                  `json:"strategies,omitempty"`
	DefaultStrategy string                    `json:"default_strategy,omitempty"`
}

// explainedValue is a value function: its shape, ideal level and, for a
// single-peaked one, where it falls to 0.
type explainedValue struct {
	Shape string   `json:"shape"`
	Ideal float64  `json:"ideal"`
	Low   *float64 `json:"low,omitempty"`
	High  *float64 `json:"high,omitempty"`
}

// explainedLine is a red line: the level and whether it is the least
// ("at_least") or the most ("at_most") the actor accepts.
type explainedLine struct {
	Level float64 `json:"level"`
	Bound string  `json:"bound"`
}

type explainedIssue struct {
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Unit        string      `json:"unit,omitempty"`
	Min         float64     `json:"min"`
	Max         float64     `json:"max"`
	Feasible    *levelRange `json:"feasible"` // the levels both sides' red lines allow; null when they clash on this issue
	StatusQuo   float64     `json:"status_quo"`
}

type levelRange struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// bargainPackage is a package with the principals' utilities for it.
type bargainPackage struct {
	Terms     map[string]float64 `json:"terms"`
	Utilities map[string]float64 `json:"utilities"`
}

type frontierSegment struct {
	From *bargainPackage `json:"from"`
	To   *bargainPackage `json:"to"`
}

// explainedZOPA is the ZOPA's extent: each principal's utility from its
// reservation value to the most it can get, and the package at each end.
type explainedZOPA struct {
	Range map[string]levelRange      `json:"range"`
	Best  map[string]*bargainPackage `json:"best"`
}

type explainedRubinstein struct {
	Proposer string          `json:"proposer"`
	Share    float64         `json:"share"`
	Package  *bargainPackage `json:"package"`
}

type explainedIssueValue struct {
	Issue         string             `json:"issue"`
	Best          map[string]float64 `json:"best"`
	Stake         map[string]float64 `json:"stake"`
	MarginalValue map[string]float64 `json:"marginal_value"`
	Ratio         *float64           `json:"ratio"`                 // first principal's marginal value over the second's; null when uncontested
	ValuesMore    string             `json:"values_more,omitempty"` // the principal to whom the issue matters more; none when the ratio is 1 or null
}

type explainedTrade struct {
	Gets map[string]string `json:"gets"`
	Gain float64           `json:"gain"`
}

// newExplanation gathers the scenario's structure and its analytics.
func newExplanation(s *model.Scenario, w *model.World, a *analytics.Analysis) *explanation {
	x := &explanation{Scenario: s.Name, Summary: s.Summary, Round: s.Round, scenario: s, analysis: a}
	p := a.Principals
	for i, ai := range p {
		x.labels[i] = s.Actors[ai].Label
	}
	for k, is := range s.Issues {
		xi := explainedIssue{Name: is.Name, Description: is.Description, Unit: is.Unit,
			Min: is.Min, Max: is.Max, StatusQuo: is.StatusQuo}
		if r := a.Ranges[k]; r.Lo <= r.Hi {
			xi.Feasible = &levelRange{round6(r.Lo), round6(r.Hi)}
		}
		x.Issues = append(x.Issues, xi)
	}
	for ai, actor := range s.Actors {
		x.Actors = append(x.Actors, explainActor(s, &w.Actors[ai], actor))
	}
	x.RedLinesCompatible = a.Compatible()
	x.Disagreement = x.byPrincipal(a.Disagreement)
	if a.Compatible() {
		x.Ideal = x.byPrincipal([2]float64{a.Ideal[0].Utility[0], a.Ideal[1].Utility[1]})
		x.IdealPackages = map[string]*bargainPackage{s.Actors[p[0]].Name: x.pkg(&a.Ideal[0]), s.Actors[p[1]].Name: x.pkg(&a.Ideal[1])}
	}
	for _, sg := range a.Frontier {
		x.Frontier = append(x.Frontier, frontierSegment{x.pkg(&sg.A), x.pkg(&sg.B)})
	}
	if z := a.ZOPA; z != nil {
		x.ZOPA = &explainedZOPA{Range: map[string]levelRange{}, Best: map[string]*bargainPackage{}}
		for i, ai := range p {
			name := s.Actors[ai].Name
			x.ZOPA.Range[name] = levelRange{round6(a.Disagreement[i]), round6(z.Best[i].Utility[i])}
			x.ZOPA.Best[name] = x.pkg(&z.Best[i])
		}
		x.Utopia = x.byPrincipal([2]float64{z.Best[0].Utility[0], z.Best[1].Utility[1]})
	}
	x.NashBargaining, x.KalaiSmorodinsky, x.Utilitarian = x.pkg(a.Nash), x.pkg(a.KalaiSmorodinsky), x.pkg(a.Utilitarian)
	if r := a.Rubinstein; r != nil {
		x.Rubinstein = &explainedRubinstein{Proposer: s.Actors[p[r.Proposer]].Name, Share: round6(r.Share), Package: x.pkg(r.Point)}
	}
	for _, iv := range a.Issues {
		xv := explainedIssueValue{Issue: s.Issues[iv.Issue].Name, Best: x.byPrincipal(iv.Best),
			Stake: x.byPrincipal(iv.Stake), MarginalValue: x.byPrincipal(iv.Marginal)}
		if iv.Contested() {
			r := round6(iv.Ratio)
			xv.Ratio = &r
			switch {
			case r > 1:
				xv.ValuesMore = s.Actors[p[0]].Name
			case r < 1:
				xv.ValuesMore = s.Actors[p[1]].Name
			}
		}
		x.Logrolling = append(x.Logrolling, xv)
	}
	x.Trades = []explainedTrade{}
	for _, t := range a.Trades {
		x.Trades = append(x.Trades, explainedTrade{Gets: map[string]string{
			s.Actors[p[0]].Name: s.Issues[t.Gets[0]].Name, s.Actors[p[1]].Name: s.Issues[t.Gets[1]].Name}, Gain: round6(t.Gain)})
	}
	return x
}

func explainActor(s *model.Scenario, aw *model.ActorWorld, a model.Actor) explainedActor {
	xa := explainedActor{Name: a.Name, Label: a.Label, Role: a.Role.String(), Objectives: a.Objectives}
	if xa.Objectives == nil {
		xa.Objectives = []string{}
	}
	if a.Role == model.Ratifier {
		xa.Ratifies = a.Ratifies
	}
	if a.Role != model.Principal {
		return xa
	}
	r := round6(aw.Reservation)
	xa.Discount, xa.Reservation = round6(aw.Discount), &r
	xa.Weights, xa.Values = map[string]float64{}, map[string]explainedValue{}
	for k, is := range s.Issues {
		xa.Weights[is.Name] = round6(aw.Weights[k])
		if aw.Weights[k] != 0 {
			v := aw.Values[k]
			xv := explainedValue{Shape: v.Shape.String(), Ideal: round6(v.Ideal)}
			if v.Shape == model.SinglePeaked {
				lo, hi := round6(v.Low), round6(v.High)
				xv.Low, xv.High = &lo, &hi
			}
			xa.Values[is.Name] = xv
		}
		if c := aw.AudienceCosts[k]; c != 0 {
			if xa.AudienceCosts == nil {
				xa.AudienceCosts = map[string]float64{}
			}
			xa.AudienceCosts[is.Name] = round6(c)
		}
	}
	for j, rl := range a.RedLines {
		if xa.RedLines == nil {
			xa.RedLines = map[string]explainedLine{}
		}
		level, bound := aw.RedLines[j], "at_most"
		if model.RedLineIsFloor(aw.Values[rl.Issue], level) {
			bound = "at_least"
		}
		xa.RedLines[s.Issues[rl.Issue].Name] = explainedLine{round6(level), bound}
	}
	for _, st := range a.Strategies {
		xa.Strategies = append(xa.Strategies, st.String())
	}
	xa.DefaultStrategy = a.Strategy.String()
	return xa
}

// byPrincipal keys a pair of numbers by the principals' names.
func (x *explanation) byPrincipal(v [2]float64) map[string]float64 {
	p := x.analysis.Principals
	return map[string]float64{x.scenario.Actors[p[0]].Name: round6(v[0]), x.scenario.Actors[p[1]].Name: round6(v[1])}
}

// pkg turns a point into a package keyed by issue and principal; nil stays nil.
func (x *explanation) pkg(p *analytics.Point) *bargainPackage {
	if p == nil {
		return nil
	}
	b := &bargainPackage{Terms: map[string]float64{}, Utilities: x.byPrincipal(p.Utility)}
	for k, is := range x.scenario.Issues {
		b.Terms[is.Name] = round6(p.Terms[k])
	}
	return b
}

// round6 rounds to six decimals, so that the last bits of floating-point
// arithmetic, which may differ between machines, never show.
func round6(v float64) float64 {
	r := math.Round(v*1e6) / 1e6
	if r == 0 {
		return 0 // no -0
	}
	return r
}
