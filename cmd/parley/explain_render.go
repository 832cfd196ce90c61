package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
)

// write renders the explanation as text or Markdown.
func (x *explanation) write(w io.Writer, l layout) error {
	o := newProseWriter(w, l)
	o.title(x.Scenario + ": " + x.Summary)
	o.para("The structure of the negotiation, before any simulation: every uncertain number is at its central value, and reservation values are as of round 1. Each side's utility runs from 0 (its worst package) to 1 (its best), on its own scale.")
	x.writeActors(o)
	x.writeIssues(o)
	x.writeRedLines(o)
	x.writeZOPA(o)
	x.writeSolutions(o)
	x.writeLogrolling(o)
	x.writeStrategies(o)
	return o.close()
}

func (x *explanation) writeActors(o *proseWriter) {
	o.heading("Who is at the table")
	for _, a := range x.Actors {
		who := a.Label + ", " + roleArticles[a.Role] + " " + a.Role
		if a.Ratifies != "" {
			who += " that must approve the comprehensive deals of " + x.scenario.Actors[x.scenario.Actor(a.Ratifies)].Label
		}
		if len(a.Objectives) == 0 {
			o.para(who + ".")
			continue
		}
		o.para(who + ", wants:")
		o.bullets(a.Objectives)
	}
}

func (x *explanation) writeIssues(o *proseWriter) {
	o.heading("What each side wants from each issue")
	o.para("Weight: the share of a side's utility that the issue carries (each side's weights add up to 1). Prefers: more or less of the issue, or a level it likes best, valuing levels less the further they are from it. An audience cost is utility a side loses at home for conceding, per whole range of the issue.")
	t := &table{header: []string{"issue", "range"}}
	p := x.analysis.Principals
	for _, l := range x.labels {
		t.header = append(t.header, l+"\nweight", l+"\nprefers")
	}
	for _, is := range x.Issues {
		row := []string{is.Name, strings.TrimSpace(fmtLevel(is.Min) + " to " + fmtLevel(is.Max) + " " + is.Unit)}
		for _, ai := range p {
			a := x.Actors[ai]
			row = append(row, fmtUtility(a.Weights[is.Name]), preference(a, is))
		}
		t.rows = append(t.rows, row)
	}
	o.table(t)
}

func (x *explanation) writeRedLines(o *proseWriter) {
	o.heading("Red lines and fallbacks")
	o.para("A red line is the least favourable level a side accepts on an issue, whatever the rest of the deal. The reservation value is what no deal is worth to a side (its BATNA): it accepts no package worth less. The discount factor is how much a side still values a deal delayed by one " + x.Round + ": the closer to 1, the more patient it is.")
	t := &table{header: []string{"issue"}}
	for _, l := range x.labels {
		t.header = append(t.header, l+"\nred line")
	}
	t.header = append(t.header, "levels both\naccept")
	p := x.analysis.Principals
	for k, is := range x.Issues {
		row := []string{is.Name}
		for _, ai := range p {
			row = append(row, redLine(x.Actors[ai].RedLines, is.Name))
		}
		r := x.analysis.Ranges[k]
		switch {
		case r.Lo > r.Hi:
			row = append(row, "none: the red lines clash")
		case r.Lo == r.Hi:
			row = append(row, "only "+fmtLevel(r.Lo))
		default:
			row = append(row, fmtLevel(r.Lo)+" to "+fmtLevel(r.Hi))
		}
		t.rows = append(t.rows, row)
	}
	o.table(t)
	var fallbacks []string
	for i, ai := range p {
		a := x.Actors[ai]
		fallbacks = append(fallbacks, fmt.Sprintf("%s: reservation value %s, discount factor %s per %s",
			x.labels[i], fmtUtility(*a.Reservation), fmtLevel(a.Discount), x.Round))
	}
	o.bullets(fallbacks)
	if x.RedLinesCompatible {
		o.para("The red lines are compatible: some packages respect all of them.")
		return
	}
	o.para("The red lines clash on " + x.clashes() + ": no package respects all of them, so no comprehensive deal is possible however the other issues are settled.")
}

func (x *explanation) clashes() string {
	var names []string
	for _, k := range x.analysis.Clash {
		names = append(names, x.Issues[k].Name)
	}
	return strings.Join(names, " and ")
}

func (x *explanation) writeZOPA(o *proseWriter) {
	o.heading("Zone of possible agreement (ZOPA)")
	o.para("The ZOPA is the set of packages that both sides prefer to no deal (Raiffa 1982). Without one, no deal is possible however well the sides bargain.")
	a, l := x.analysis, x.labels
	switch {
	case !a.Compatible():
		o.para("There is none: the red lines clash on " + x.clashes() + ".")
	case a.ZOPA == nil:
		d := a.Disagreement
		if best, ok := a.BestFor(0, d[1]); ok {
			o.para(fmt.Sprintf("There is none. When %s gets its reservation value %s, the most %s can get is %s, short of its own %s.",
				l[1], fmtUtility(d[1]), l[0], fmtUtility(best.Utility[0]), fmtUtility(d[0])))
		} else {
			o.para(fmt.Sprintf("There is none. No package gives %s its reservation value %s: the most it can get is %s.",
				l[1], fmtUtility(d[1]), fmtUtility(a.Ideal[1].Utility[1])))
		}
	default:
		z := a.ZOPA
		o.para(fmt.Sprintf("There is one. In it %s gets from %s (its reservation value) up to %s, and %s from %s up to %s. Any package on the Pareto frontier between these ends is a deal both would sign; where in the zone they land is what the solutions below try to predict.",
			l[0], fmtUtility(a.Disagreement[0]), fmtUtility(z.Best[0].Utility[0]), l[1], fmtUtility(a.Disagreement[1]), fmtUtility(z.Best[1].Utility[1])))
	}
}

func (x *explanation) writeSolutions(o *proseWriter) {
	o.heading("What bargaining theory predicts")
	a, l := x.analysis, x.labels
	if !a.Compatible() {
		o.para("Nothing: without a feasible package there is nothing to bargain over.")
		return
	}
	o.para(fmt.Sprintf("Ideal packages, the best one side could get if the other had to accept anything within its red lines: %s %s, %s %s.",
		l[0], fmtUtility(a.Ideal[0].Utility[0]), l[1], fmtUtility(a.Ideal[1].Utility[1])))
	if a.ZOPA == nil {
		o.para("Without a ZOPA the bargaining solutions are not defined: each side does better with no deal.")
		return
	}
	o.para("Each column is one package inside the ZOPA: the terms per issue, then what each side gets.")
	cols := []struct {
		name string
		p    *bargainPackage
	}{
		{"Nash", x.NashBargaining}, {"Kalai–\nSmorodinsky", x.KalaiSmorodinsky}, {"utilitarian", x.Utilitarian},
		{"best for\n" + l[0], x.ZOPA.Best[x.name(0)]}, {"best for\n" + l[1], x.ZOPA.Best[x.name(1)]},
	}
	if x.Rubinstein != nil {
		cols = append(cols[:3:3], append([]struct {
			name string
			p    *bargainPackage
		}{{"Rubinstein", x.Rubinstein.Package}}, cols[3:]...)...)
	}
	t := &table{header: []string{""}}
	for _, c := range cols {
		t.header = append(t.header, c.name)
	}
	for _, is := range x.Issues {
		row := []string{is.Name}
		for _, c := range cols {
			row = append(row, fmtLevel(c.p.Terms[is.Name]))
		}
		t.rows = append(t.rows, row)
	}
	for i, lab := range l {
		row := []string{lab + " utility"}
		for _, c := range cols {
			row = append(row, fmtUtility(c.p.Utilities[x.name(i)]))
		}
		t.rows = append(t.rows, row)
	}
	o.table(t)
	notes := []string{
		"Nash bargaining (Nash 1950): the package that maximizes the product of the two sides' gains over their reservation values; the answer of symmetric, efficient bargaining.",
		"Kalai–Smorodinsky (1975): the efficient package that gives each side the same fraction of the most it could gain in the ZOPA, the two ends of the ZOPA together making its reference, the utopia point.",
		"Utilitarian: the package with the largest sum of utilities, however it is shared.",
		"Best for one side: the most it can get while the other still gets its reservation value; the two ends of the ZOPA.",
	}
	if r := x.Rubinstein; r != nil {
		prop := x.scenario.Actors[x.scenario.Actor(r.Proposer)]
		notes = append(notes[:3:3], append([]string{fmt.Sprintf("Rubinstein (1982): when the sides alternate offers and delay costs both, the first proposer, %s, gets at once the share (1−δ2)/(1−δ1·δ2) = %s of what there is to gain, δ1 being its discount factor and δ2 the other's.",
			prop.Label, fmtLevel(r.Share))}, notes[3:]...)...)
	}
	o.bullets(notes)
}

func (x *explanation) writeLogrolling(o *proseWriter) {
	o.heading("Logrolling: who cares more about what")
	l := x.labels
	o.para(fmt.Sprintf("Wants: the level each side likes best within the red lines. Value: the marginal value of the issue to a side, the utility it gains per whole range of the issue as the level moves from what the other side wants to what it wants. The ratio divides the value to %s by the value to %s: above 1 the issue matters more to %s, below 1 more to %s. An issue cheap for one side and dear to the other is worth trading: each side having its way on what it values more creates value for both (Raiffa 1982).",
		l[0], l[1], l[0], l[1]))
	t := &table{header: []string{"issue", l[0] + "\nwants", l[1] + "\nwants", "value to\n" + l[0], "value to\n" + l[1], "ratio", "matters\nmore to"}}
	for _, iv := range x.Logrolling {
		row := []string{iv.Issue, fmtLevel(iv.Best[x.name(0)]), fmtLevel(iv.Best[x.name(1)]),
			fmtUtility(iv.MarginalValue[x.name(0)]), fmtUtility(iv.MarginalValue[x.name(1)])}
		switch {
		case iv.Ratio == nil:
			row = append(row, "—", "neither")
		case iv.ValuesMore == "":
			row = append(row, strconv.FormatFloat(*iv.Ratio, 'f', 2, 64), "both alike")
		default:
			row = append(row, strconv.FormatFloat(*iv.Ratio, 'f', 2, 64), x.scenario.Actors[x.scenario.Actor(iv.ValuesMore)].Label)
		}
		t.rows = append(t.rows, row)
	}
	o.table(t)
	if len(x.Trades) == 0 {
		o.para("No trade between issues creates joint value: the sides rank the contested issues alike.")
		return
	}
	o.para("Trades that create joint value, the most valuable first (gain: the first issue's ratio over the second's; the larger, the more a swap is worth to both):")
	var items []string
	for _, t := range x.Trades {
		items = append(items, fmt.Sprintf("%s has its way on %s, %s on %s (gain %s)",
			l[0], t.Gets[x.name(0)], l[1], t.Gets[x.name(1)], strconv.FormatFloat(t.Gain, 'f', 1, 64)))
	}
	o.bullets(items)
}

func (x *explanation) writeStrategies(o *proseWriter) {
	o.heading("Strategies available")
	o.para("A strategy is a deal-structure policy and a concession tactic. The simulation plays each side's default unless told otherwise (`parley run --strategy ACTOR=POLICY/TACTIC`).")
	t := &table{header: []string{"side", "strategy", "what it means", "default"}, meaning: 2}
	for _, ai := range x.analysis.Principals {
		a := &x.scenario.Actors[ai]
		for _, st := range a.Strategies {
			def := ""
			if st == a.Strategy {
				def = "yes"
			}
			t.rows = append(t.rows, []string{a.Label, st.String(), policyMeanings[st.Policy] + "; " + tacticMeanings[st.Tactic], def})
		}
	}
	o.table(t)
}

// roleArticles introduces an actor's role: there are two principals and at
// most one mediator.
var roleArticles = map[string]string{"principal": "a", "mediator": "the", "ratifier": "a"}

var policyMeanings = map[model.Policy]string{
	model.ComprehensiveOnly: "settles everything at once or nothing",
	model.InterimFirst:      "takes an interim deal first, then pushes to upgrade it",
	model.StepByStep:        "phased reciprocal steps, each conditional on the other's verified step",
	model.HoldOut:           "strategic patience: no concession for a while",
}

var tacticMeanings = map[model.Tactic]string{
	model.Boulware:       "concedes late",
	model.LinearTactic:   "concedes at a steady pace",
	model.Conceder:       "concedes early",
	model.TitForTat:      "mirrors the other side's last concession or hardening; withholds concessions for a while after a reneging",
	model.FixedTactic:    "never concedes",
	model.SubgamePerfect: "offers and accepts by backward induction",
}

// name returns principal i's actor name, the key of the JSON maps.
func (x *explanation) name(i int) string { return x.scenario.Actors[x.analysis.Principals[i]].Name }

// preference says in words how a principal values an issue.
func preference(a explainedActor, is explainedIssue) string {
	v, ok := a.Values[is.Name]
	var s string
	switch {
	case !ok:
		s = "indifferent"
	case v.Shape == model.SinglePeaked.String():
		s = "peaks at " + fmtLevel(v.Ideal)
		if *v.Low > is.Min {
			s += "; nothing below " + fmtLevel(*v.Low)
		}
		if *v.High < is.Max {
			s += "; nothing above " + fmtLevel(*v.High)
		}
	case v.Ideal == is.Max:
		s = "more"
	default:
		s = "less"
	}
	if c, ok := a.AudienceCosts[is.Name]; ok {
		s += "; audience cost " + fmtUtility(c)
	}
	return s
}

func redLine(lines map[string]explainedLine, issue string) string {
	rl, ok := lines[issue]
	switch {
	case !ok:
		return "—"
	case rl.Bound == "at_least":
		return "at least " + fmtLevel(rl.Level)
	}
	return "at most " + fmtLevel(rl.Level)
}

// fmtLevel writes an issue level or a parameter with at most three
// decimals; a level too large for thousandths to matter, as it is.
func fmtLevel(v float64) string {
	if math.Abs(v) < 1e15 {
		v = math.Round(v*1000)/1000 + 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// fmtUtility writes a utility with three decimals.
func fmtUtility(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
