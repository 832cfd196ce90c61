package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest scenario file Load accepts, in bytes.
const MaxFileSize = 1 << 20

// maxExtendsDepth bounds chains of variants.
const maxExtendsDepth = 8

// Source is a scenario file: the name to report it by and its contents.
type Source struct {
	Name string
	Data []byte
}

// Resolver returns the scenario that a variant names in extends: ref as
// written there, from the name of the file that names it.
type Resolver func(ref, from string) (Source, error)

// variantFields are the only fields a variant may have.
var variantFields = []string{"name", "summary", "description", "extends", "overrides", "scale"}

// Load parses, resolves and validates a scenario. A variant's extends is
// looked up with resolve, which may be nil when the source has none. On
// failure the error is an ErrorList holding every problem found.
func Load(src Source, resolve Resolver) (*Scenario, error) {
	d := &decoder{file: src.Name, origin: map[*yaml.Node]string{}, badRange: map[int]bool{}}
	root := d.resolveTree(src, resolve, nil)
	if root == nil {
		return nil, sortErrors(d.errs)
	}
	s := d.decodeScenario(root)
	if len(d.errs) > 0 {
		return nil, sortErrors(d.errs)
	}
	return s, nil
}

// parse reads one YAML document into a node tree and records the file
// every node came from.
func (d *decoder) parse(src Source) *yaml.Node {
	fail := func(line int, msg string) *yaml.Node {
		d.errs = append(d.errs, &Error{File: src.Name, Line: line, Column: min(line, 1), Msg: msg})
		return nil
	}
	if len(src.Data) > MaxFileSize {
		return fail(0, fmt.Sprintf("file is %d bytes; want at most %d", len(src.Data), MaxFileSize))
	}
	if bytes.IndexByte(src.Data, 0) >= 0 {
		return fail(0, "file contains a NUL byte; want a YAML text file")
	}
	dec := yaml.NewDecoder(bytes.NewReader(src.Data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fail(0, "file is empty; want a scenario mapping with name, description, horizon, issues and actors")
		}
		line, msg := yamlErrorLine(err)
		return fail(line, "invalid YAML: "+msg)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line, _ = yamlErrorLine(err)
		}
		return fail(line, "more than one YAML document; want exactly one")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d.mark(root, src.Name, 0)
	return root
}

// mark records the origin of every node of a freshly parsed tree.
func (d *decoder) mark(n *yaml.Node, file string, depth int) {
	if n == nil || d.origin[n] != "" || depth > 10000 {
		return
	}
	d.origin[n] = file
	for _, c := range n.Content {
		d.mark(c, file, depth+1)
	}
}

// yamlErrorLine splits a yaml error of the form "yaml: line N: msg".
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, text
			}
		}
	}
	return 0, msg
}

// resolveTree returns the scenario tree of src with its variant chain
// applied. chain holds the files already on the chain, to catch cycles.
func (d *decoder) resolveTree(src Source, resolve Resolver, chain []string) *yaml.Node {
	root := d.parse(src)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.errs = append(d.errs, &Error{File: src.Name, Line: root.Line, Column: root.Column,
			Msg: describe(root) + "; want a scenario mapping with name, description, horizon, issues and actors"})
		return nil
	}
	ext := lookup(root, "extends")
	if ext == nil {
		return root
	}
	saved := d.file
	d.file = src.Name
	defer func() { d.file = saved }()
	v := d.mapping(root, "", variantFields...)
	named := d.require(v, "name", "description")
	ref := d.text(ext, "extends")
	if en := deref(ext); ref == "" && en.Kind == yaml.ScalarNode {
		d.errorf(en, "extends", "empty; want the name of an embedded scenario or a file path")
	}
	if !named || ref == "" {
		return nil
	}
	chain = append(chain, src.Name)
	switch {
	case len(chain) > maxExtendsDepth:
		d.errorf(deref(ext), "extends", "variants nest more than %d deep; want a shorter chain", maxExtendsDepth)
		return nil
	case resolve == nil:
		d.errorf(deref(ext), "extends", "cannot look up %q here", ref)
		return nil
	}
	base, err := resolve(ref, src.Name)
	if err != nil {
		d.errorf(deref(ext), "extends", "%v", err)
		return nil
	}
	if slices.Contains(chain, base.Name) {
		d.errorf(deref(ext), "extends", "%q makes a cycle %s → %s; want a chain that ends in a scenario without extends", ref, strings.Join(chain, " → "), base.Name)
		return nil
	}
	tree := d.resolveTree(base, resolve, chain)
	if tree == nil {
		return nil
	}
	for _, k := range []string{"name", "description"} {
		setKey(tree, v.key[k], v.val[k])
	}
	if v.has("summary") {
		setKey(tree, v.key["summary"], v.val["summary"])
	} else {
		deleteKey(tree, "summary") // the baseline's summary does not describe the variant
	}
	for _, k := range []string{"overrides", "scale"} {
		if n := deref(v.val[k]); n != nil && n.Kind != yaml.MappingNode {
			d.errorf(n, k, "%s; want a mapping from field paths to values", describe(n))
		}
	}
	for _, kv := range pairs(v.val["overrides"]) {
		d.override(tree, kv[0], kv[1])
	}
	for _, kv := range pairs(v.val["scale"]) {
		d.scale(tree, kv[0], kv[1])
	}
	return tree
}

// pairs returns the key and value nodes of a mapping node.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{deref(n.Content[i]), n.Content[i+1]})
	}
	return out
}

// setKey sets key to val in mapping m, appending the key if it is new.
func setKey(m, key, val *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if deref(m.Content[i]).Value == key.Value {
			m.Content[i+1] = val
			return
		}
	}
	m.Content = append(m.Content, key, val)
}

// deleteKey removes key from mapping m.
func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if deref(m.Content[i]).Value == key {
			m.Content = append(m.Content[:i:i], m.Content[i+2:]...)
			return
		}
	}
}

// parent walks a dotted path in tree to the mapping that holds its last
// key, reporting at at when a step is missing.
func (d *decoder) parent(tree *yaml.Node, at *yaml.Node, section, path string) (*yaml.Node, string) {
	steps := strings.Split(path, ".")
	m := tree
	for i, step := range steps[:len(steps)-1] {
		next := deref(lookup(m, step))
		if next == nil || next.Kind != yaml.MappingNode {
			what := "no such field"
			if next != nil {
				what = describe(next) + ", not a mapping"
			}
			d.errorf(at, join(section, path), "%s is %s in the scenario extended; want a path to an existing field or a new key of an existing mapping",
				strings.Join(steps[:i+1], "."), what)
			return nil, ""
		}
		m = next
	}
	return m, steps[len(steps)-1]
}

// override replaces the subtree at a dotted path (null removes it).
func (d *decoder) override(tree, key, val *yaml.Node) {
	if key.Kind != yaml.ScalarNode || key.Value == "" {
		d.errorf(key, "overrides", "%s; want a dotted field path", describe(key))
		return
	}
	m, last := d.parent(tree, key, "overrides", key.Value)
	if m == nil {
		return
	}
	if isNull(deref(val)) {
		deleteKey(m, last)
		return
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: last, Line: key.Line, Column: key.Column}
	d.origin[k] = d.file
	setKey(m, k, val)
}

// scale multiplies every number of the param at a dotted path by a factor.
func (d *decoder) scale(tree, key, val *yaml.Node) {
	path := join("scale", key.Value)
	f, ok := d.number(val, path)
	if !ok {
		return
	}
	if f <= 0 {
		d.errorf(deref(val), path, "%s; want a factor > 0", fmtNum(f))
		return
	}
	m, last := d.parent(tree, key, "scale", key.Value)
	if m == nil {
		return
	}
	target := deref(lookup(m, last))
	if target == nil {
		d.errorf(key, path, "no such field in the scenario extended; want the path of a number or distribution")
		return
	}
	scaled, ok := scaleNode(target, f)
	if !ok {
		d.errorf(key, path, "%s is not a number or distribution; want the path of a param", describe(target))
		return
	}
	pos := deref(val)
	var relabel func(n *yaml.Node)
	relabel = func(n *yaml.Node) {
		n.Line, n.Column = pos.Line, pos.Column
		d.origin[n] = d.file
		for _, c := range n.Content {
			relabel(c)
		}
	}
	relabel(scaled)
	setKey(m, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: last}, scaled)
}

// scaleNode returns a copy of a number or distribution node multiplied by f.
func scaleNode(n *yaml.Node, f float64) (*yaml.Node, bool) {
	num := func(n *yaml.Node) (*yaml.Node, bool) {
		n = deref(n)
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			return nil, false
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			return nil, false
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: fmtNum(x * f)}, true
	}
	if n.Kind == yaml.ScalarNode {
		return num(n)
	}
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return nil, false
	}
	args := deref(n.Content[1])
	if _, ok := distFields[deref(n.Content[0]).Value]; !ok || args.Kind != yaml.SequenceNode {
		return nil, false
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, c := range args.Content {
		x, ok := num(c)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, x)
	}
	key := *deref(n.Content[0])
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Content: []*yaml.Node{&key, seq}}, true
}
