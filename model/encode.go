package model

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/text"
	"go.yaml.in/yaml/v3"
)

// MarshalYAML implements yaml.Marshaler: the scenario as resolved, every
// default filled in, in the scenario file format. Load reads it back to
// the same Scenario.
func (s *Scenario) MarshalYAML() (any, error) { return s.document(proseNode), nil }

// YAML returns the scenario as MarshalYAML describes it, indented by two
// spaces.
func (s *Scenario) YAML() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(s.document(proseNode)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// MarshalJSON implements json.Marshaler: the scenario as resolved, with
// the same fields and order as MarshalYAML; distributions are objects such as
// {"triangular": [0.93, 0.97, 0.99]}.
func (s *Scenario) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	writeJSON(&b, s.document(strNode))
	return b.Bytes(), nil
}

// document builds the scenario's YAML tree in the order of the format
// documentation, writing descriptions with prose.
func (s *Scenario) document(prose func(string) *yaml.Node) *yaml.Node {
	top := mapNode()
	put(top, "name", strNode(s.Name))
	put(top, "summary", strNode(s.Summary))
	put(top, "description", prose(s.Description))
	if s.Start != "" {
		put(top, "start", strNode(s.Start))
	}
	put(top, "round", strNode(s.Round))
	put(top, "horizon", intNode(s.Horizon))

	issues := mapNode()
	for _, is := range s.Issues {
		m := mapNode()
		put(m, "description", prose(is.Description))
		put(m, "unit", strNode(is.Unit))
		put(m, "min", numNode(is.Min))
		put(m, "max", numNode(is.Max))
		put(m, "status_quo", numNode(is.StatusQuo))
		put(m, "role", strNode(is.Role.String()))
		put(issues, is.Name, m)
	}
	put(top, "issues", issues)

	actors := mapNode()
	for i := range s.Actors {
		put(actors, s.Actors[i].Name, s.actorNode(&s.Actors[i]))
	}
	put(top, "actors", actors)

	deals := mapNode()
	comp := mapNode()
	put(comp, "ratification", boolNode(s.Deals.Ratification))
	put(deals, "comprehensive", comp)
	if it := s.Deals.Interim; it != nil {
		m := mapNode()
		list := seqNode()
		for _, k := range it.Issues {
			list.Content = append(list.Content, strNode(s.Issues[k].Name))
		}
		put(m, "issues", list)
		put(m, "scope", paramNode(it.Scope))
		scopes := mapNode()
		for j, k := range it.Issues {
			if it.Scopes[j] != it.Scope {
				put(scopes, s.Issues[k].Name, paramNode(it.Scopes[j]))
			}
		}
		if len(scopes.Content) > 0 {
			put(m, "scopes", scopes)
		}
		put(m, "term", paramNode(it.Term))
		put(m, "renewal", paramNode(it.Renewal))
		put(m, "guarantee", paramNode(it.Guarantee))
		put(m, "leverage", paramNode(it.Leverage))
		if it.Lever >= 0 {
			put(m, "lever", strNode(s.Actors[it.Lever].Name))
			put(m, "snapback", paramNode(it.Snapback))
		}
		put(deals, "interim", m)
	}
	put(top, "deals", deals)

	shocks := mapNode()
	for _, sh := range s.Shocks {
		m := mapNode()
		put(m, "description", prose(sh.Description))
		if sh.At > 0 {
			put(m, "at", intNode(sh.At))
		} else {
			put(m, "hazard", paramNode(sh.Hazard))
		}
		if st := sh.State; st != nil {
			state := mapNode()
			put(state, "rise", paramNode(st.Rise))
			put(state, "decay", paramNode(st.Decay))
			put(m, "state", state)
		}
		put(m, "effects", s.effectsNode(sh.Effects))
		put(shocks, sh.Name, m)
	}
	put(top, "shocks", shocks)

	p := s.Protocol
	proto := mapNode()
	put(proto, "first_proposer", strNode(s.Actors[p.FirstProposer].Name))
	put(proto, "information", strNode(p.Information.String()))
	if p.RedLineCorrelation != 0 {
		rl := mapNode()
		put(rl, "correlation", paramNode(FixedParam(p.RedLineCorrelation)))
		put(proto, "red_lines", rl)
	}
	esc := mapNode()
	put(esc, "hazard", paramNode(p.EscalationHazard))
	put(esc, "deadline", intNode(p.Deadline))
	put(esc, "deadline_multiplier", paramNode(p.DeadlineMultiplier))
	put(esc, "deadline_decay", paramNode(p.DeadlineDecay))
	put(esc, "cost", s.shiftsNode(p.EscalationCost))
	put(esc, "progress", paramNode(p.Progress))
	lat := mapNode()
	put(lat, "start", paramNode(p.Latency.Start))
	put(lat, "weight", paramNode(p.Latency.Weight))
	put(lat, "rollback", paramNode(p.Latency.Rollback))
	put(lat, "setback", paramNode(p.Latency.Setback))
	put(esc, "latency", lat)
	put(esc, "ceasefire", paramNode(p.Ceasefire))
	if r := p.Resumption; r.Reservation != nil || r.RedLines != nil || r.Pause != nil {
		put(esc, "resumption", s.effectsNode(r))
	}
	put(proto, "escalation", esc)
	walk := mapNode()
	put(walk, "patience", intNode(p.WalkAwayPatience))
	put(proto, "walk_away", walk)
	det := mapNode()
	put(det, "base", paramNode(p.DetectionBase))
	put(det, "verification", paramNode(p.DetectionVerification))
	put(proto, "detection", det)
	put(top, "protocol", proto)
	return top
}

func (s *Scenario) actorNode(a *Actor) *yaml.Node {
	m := mapNode()
	put(m, "role", strNode(a.Role.String()))
	put(m, "label", strNode(a.Label))
	objectives := seqNode()
	for _, o := range a.Objectives {
		objectives.Content = append(objectives.Content, strNode(o))
	}
	put(m, "objectives", objectives)
	switch a.Role {
	case Principal:
		put(m, "discount", paramNode(a.Discount))
		r := mapNode()
		put(r, "value", paramNode(a.Reservation.Value))
		put(r, "drift", paramNode(a.Reservation.Drift))
		put(m, "reservation", r)
		put(m, "utility", s.utilityNode(a.Utility))
		lines := mapNode()
		for _, rl := range a.RedLines {
			put(lines, s.Issues[rl.Issue].Name, paramNode(rl.Level))
		}
		put(m, "red_lines", lines)
		if a.Distrust.Dist != Fixed || a.Distrust.Value != 0 {
			put(m, "distrust", paramNode(a.Distrust))
		}
		if a.RedLineYield != nil {
			put(m, "red_line_yield", paramNode(*a.RedLineYield))
		}
		put(m, "belief_noise", paramNode(a.BeliefNoise))
		c := mapNode()
		put(c, "boulware", paramNode(a.Concession.Boulware))
		put(c, "conceder", paramNode(a.Concession.Conceder))
		put(m, "concession", c)
		rn := mapNode()
		put(rn, "hazard", paramNode(a.Reneging.Hazard))
		put(rn, "guarantee_protection", paramNode(a.Reneging.GuaranteeProtection))
		put(rn, "temptation", paramNode(a.Reneging.Temptation))
		put(m, "reneging", rn)
		put(m, "hold_out", paramNode(a.HoldOut))
		list := seqNode()
		for _, st := range a.Strategies {
			list.Content = append(list.Content, strNode(st.String()))
		}
		put(m, "strategies", list)
		put(m, "strategy", strNode(a.Strategy.String()))
	case Mediator:
		put(m, "credibility", paramNode(a.Credibility))
		put(m, "noise_reduction", paramNode(a.NoiseReduction))
		b := mapNode()
		put(b, "base", paramNode(a.BridgingBase))
		put(b, "slope", paramNode(a.BridgingSlope))
		put(m, "bridging", b)
		put(m, "mediated_reneging", paramNode(a.MediatedReneging))
	case Ratifier:
		put(m, "ratifies", strNode(a.Ratifies))
		put(m, "bar", paramNode(a.Bar))
		if a.OwnUtility {
			put(m, "utility", s.utilityNode(a.Utility))
		}
	}
	return m
}

func (s *Scenario) utilityNode(u Utility) *yaml.Node {
	m, w, v, ac := mapNode(), mapNode(), mapNode(), mapNode()
	for k, is := range s.Issues {
		put(w, is.Name, paramNode(u.Weights[k]))
		if vf := u.Values[k]; vf.set {
			f := mapNode()
			put(f, "shape", strNode(vf.Shape.String()))
			put(f, "ideal", paramNode(vf.Ideal))
			if vf.Shape == SinglePeaked {
				put(f, "low", paramNode(vf.Low))
				put(f, "high", paramNode(vf.High))
			}
			put(v, is.Name, f)
		}
		if _, hi := u.AudienceCosts[k].Support(); hi != 0 {
			put(ac, is.Name, paramNode(u.AudienceCosts[k]))
		}
	}
	put(m, "weights", w)
	put(m, "values", v)
	put(m, "audience_costs", ac)
	return m
}

func (s *Scenario) effectsNode(e Effects) *yaml.Node {
	m := mapNode()
	if e.Reservation != nil {
		put(m, "reservation", s.shiftsNode(e.Reservation))
	}
	if e.RedLines != nil {
		lines := mapNode()
		for _, rl := range e.RedLines {
			name := s.Actors[rl.Actor].Name
			actor := deref(lookup(lines, name))
			if actor == nil {
				actor = mapNode()
				put(lines, name, actor)
			}
			put(actor, s.Issues[rl.Issue].Name, paramNode(rl.By))
		}
		put(m, "red_lines", lines)
	}
	if e.RatificationBar != nil {
		put(m, "ratification_bar", s.shiftsNode(e.RatificationBar))
	}
	optional := func(key string, p *Param) {
		if p != nil {
			put(m, key, paramNode(*p))
		}
	}
	optional("escalation", e.Escalation)
	if e.Reneging != nil {
		put(m, "reneging", s.shiftsNode(e.Reneging))
	}
	optional("pause", e.Pause)
	optional("void_interim", e.VoidInterim)
	optional("duration", e.Duration)
	optional("latency", e.Latency)
	return m
}

func (s *Scenario) shiftsNode(shifts []ActorShift) *yaml.Node {
	m := mapNode()
	for _, sh := range shifts {
		put(m, s.Actors[sh.Actor].Name, paramNode(sh.By))
	}
	return m
}

// proseWidth is where shown descriptions wrap.
const proseWidth = 76

// proseNode writes a description as a block of wrapped lines; loading
// folds them back into one paragraph.
func proseNode(p string) *yaml.Node {
	n := strNode(text.Wrap(p, proseWidth))
	if strings.Contains(n.Value, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }
func seqNode() *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
}
func strNode(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}
func numNode(x float64) *yaml.Node {
	tag := "!!float"
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: fmtNum(x)}
}
func intNode(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}
func boolNode(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func put(m *yaml.Node, key string, val *yaml.Node) {
	m.Content = append(m.Content, strNode(key), val)
}

// paramNode writes a Param as a number or a flow-style distribution.
func paramNode(p Param) *yaml.Node {
	if p.Dist == Fixed {
		return numNode(p.Value)
	}
	args := seqNode()
	var xs []float64
	switch p.Dist {
	case Uniform:
		xs = []float64{p.Lo, p.Hi}
	case Triangular, PERT:
		xs = []float64{p.Lo, p.Mode, p.Hi}
	default:
		xs = []float64{p.Mean, p.SD, p.Lo, p.Hi}
	}
	for _, x := range xs {
		args.Content = append(args.Content, numNode(x))
	}
	m := mapNode()
	m.Style = yaml.FlowStyle
	put(m, p.Dist.String(), args)
	return m
}

// writeJSON writes a node tree as indented JSON, keeping mapping order.
func writeJSON(b *bytes.Buffer, n *yaml.Node) {
	var walk func(n *yaml.Node, indent string)
	walk = func(n *yaml.Node, indent string) {
		inner := indent + "  "
		switch n.Kind {
		case yaml.MappingNode, yaml.SequenceNode:
			open, close, step := "[", "]", 1
			if n.Kind == yaml.MappingNode {
				open, close, step = "{", "}", 2
			}
			if len(n.Content) == 0 {
				b.WriteString(open + close)
				return
			}
			if n.Kind == yaml.SequenceNode && allScalars(n.Content) {
				b.WriteString(open)
				for i, c := range n.Content {
					if i > 0 {
						b.WriteString(", ")
					}
					walk(c, inner)
				}
				b.WriteString(close)
				return
			}
			b.WriteString(open)
			for i := 0; i < len(n.Content); i += step {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString("\n" + inner)
				if step == 2 {
					key, _ := json.Marshal(n.Content[i].Value)
					b.Write(key)
					b.WriteString(": ")
				}
				walk(n.Content[i+step-1], inner)
			}
			b.WriteString("\n" + indent + close)
		default:
			switch n.Tag {
			case "!!float", "!!int", "!!bool":
				b.WriteString(n.Value)
			default:
				s, _ := json.Marshal(n.Value)
				b.Write(s)
			}
		}
	}
	walk(n, "")
	b.WriteByte('\n')
}

func allScalars(nodes []*yaml.Node) bool {
	for _, n := range nodes {
		if n.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}
