package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A Field is one numeric field of a scenario that a sweep can set,
// addressed by the dotted path validation errors use.
type Field struct {
	Path  string  `json:"path"`  // e.g. actors.iran.discount or actors.iran.discount.mode
	Value float64 `json:"value"` // the number; for a distribution, its central value
	Dist  string  `json:"dist,omitempty"`
}

// An Assignment sets one field to a value.
type Assignment struct {
	Path  string
	Value float64
}

// Fields returns every numeric field of s in file order: each number, and
// each distribution with, after it, each of its parameters as
// PATH.lo, PATH.mode, PATH.hi, PATH.mean or PATH.sd.
func (s *Scenario) Fields() []Field {
	var fs []Field
	walkNumbers(s.document(strNode), "", func(path string, n *yaml.Node) {
		if dist, args, ok := distribution(n); ok {
			p := paramOf(dist, args)
			fs = append(fs, Field{Path: path, Value: p.Central(), Dist: dist})
			for i, name := range distFields[dist] {
				fs = append(fs, Field{Path: path + "." + name, Value: args[i]})
			}
			return
		}
		x, _ := strconv.ParseFloat(n.Value, 64)
		fs = append(fs, Field{Path: path, Value: x})
	})
	return fs
}

// With returns a copy of s with the assignments made, loaded and
// validated as a file with them would be: a distribution set to a number
// becomes fixed at it; PATH.lo, .mode, .hi, .mean or .sd sets one of its
// parameters. Every parameter keeps the random numbers of its path, so a
// field not assigned draws as it does in s. An unknown path, or a value
// the field does not accept, is an error naming the path and what is
// valid.
func (s *Scenario) With(assign ...Assignment) (*Scenario, error) {
	doc := s.document(strNode)
	fields := s.Fields()
	for _, a := range assign {
		if err := setPath(doc, a, fields); err != nil {
			return nil, err
		}
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	name := s.Name + " with"
	for _, a := range assign {
		name += fmt.Sprintf(" %s=%v", a.Path, a.Value)
	}
	w, err := LoadWithHorizon(Source{Name: name, Data: []byte(b.String())}, nil, 0)
	var errs ErrorList
	if errors.As(err, &errs) {
		for _, e := range errs {
			e.Line, e.Column = 0, 0 // lines of a document the user never saw
		}
	}
	return w, err
}

// setPath makes assignment a in the document tree.
func setPath(doc *yaml.Node, a Assignment, fields []Field) error {
	valid := slices.ContainsFunc(fields, func(f Field) bool { return f.Path == a.Path })
	if !valid {
		return &Error{File: "--param", Path: a.Path, Msg: "no such numeric field" + nearPaths(a.Path, fields)}
	}
	var done bool
	walkNumbers(doc, "", func(path string, n *yaml.Node) {
		switch {
		case done:
		case path == a.Path:
			*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(a.Value, 'g', -1, 64)}
			done = true
		case strings.HasPrefix(a.Path, path+"."):
			dist, _, _ := distribution(n)
			i := slices.Index(distFields[dist], strings.TrimPrefix(a.Path, path+"."))
			n.Content[1].Content[i] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(a.Value, 'g', -1, 64)}
			done = true
		}
	})
	return nil
}

// nearPaths suggests the fields whose paths share the most with path.
func nearPaths(path string, fields []Field) string {
	parts := strings.Split(path, ".")
	best, score := []string(nil), 0
	for _, f := range fields {
		fp := strings.Split(f.Path, ".")
		k := 0
		for k < len(fp) && k < len(parts) && fp[k] == parts[k] {
			k++
		}
		switch {
		case k > score:
			best, score = []string{f.Path}, k
		case k == score && k > 0 && len(best) < 5:
			best = append(best, f.Path)
		}
	}
	if len(best) == 0 {
		return "; see parley sweep --list-params"
	}
	return "; want one of the fields listed by parley sweep --list-params, e.g. " + strings.Join(best, ", ")
}

// walkNumbers calls f on every number and every distribution in the tree
// under n, with its dotted path.
func walkNumbers(n *yaml.Node, path string, f func(path string, n *yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			walkNumbers(c, path, f)
		}
	case yaml.MappingNode:
		if _, _, ok := distribution(n); ok {
			f(path, n)
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkNumbers(n.Content[i+1], join(path, n.Content[i].Value), f)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkNumbers(c, join(path, strconv.Itoa(i)), f)
		}
	case yaml.ScalarNode:
		if _, err := strconv.ParseFloat(n.Value, 64); err == nil && (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "") && n.Style == 0 {
			f(path, n)
		}
	}
}

// distribution reports whether n is a distribution, {NAME: [args]}, and
// its name and arguments.
func distribution(n *yaml.Node) (string, []float64, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 || n.Content[1].Kind != yaml.SequenceNode {
		return "", nil, false
	}
	names, ok := distFields[n.Content[0].Value]
	if !ok || len(n.Content[1].Content) != len(names) {
		return "", nil, false
	}
	args := make([]float64, len(names))
	for i, c := range n.Content[1].Content {
		x, err := strconv.ParseFloat(c.Value, 64)
		if err != nil {
			return "", nil, false
		}
		args[i] = x
	}
	return n.Content[0].Value, args, true
}

// paramOf builds the Param of a distribution's name and arguments.
func paramOf(dist string, args []float64) Param {
	switch dist {
	case "uniform":
		return Param{Dist: Uniform, Lo: args[0], Hi: args[1]}
	case "triangular":
		return Param{Dist: Triangular, Lo: args[0], Mode: args[1], Hi: args[2]}
	case "pert":
		return Param{Dist: PERT, Lo: args[0], Mode: args[1], Hi: args[2]}
	}
	return Param{Dist: TruncNormal, Mean: args[0], SD: args[1], Lo: args[2], Hi: args[3]}
}
