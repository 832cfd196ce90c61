package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// maxExtendsDepth bounds chains of variants.
const maxExtendsDepth = 8

// variantFields are the only fields a variant may have.
var variantFields = []string{"name", "summary", "description", "extends", "overrides", "scale"}

// edit is one override or scale a variant applied: the field path it
// changed and the key that named it, so that errors the change causes
// can be reported where the user wrote it.
type edit struct {
	path string
	key  *yaml.Node
	file string
}

// resolveTree returns the scenario tree of src with its variant chain
// applied. chain holds the files already on the chain, to catch cycles;
// by is the extends value that named src, nil for the file loaded.
func (d *decoder) resolveTree(src Source, resolve Resolver, chain []string, by *yaml.Node) *yaml.Node {
	root := d.parse(src) // its errors say where the YAML breaks, not what the file holds
	if root == nil {
		return nil
	}
	if by != nil && !scenarioLike(root) {
		// Decoding it would quote a file that may be anything (extends:
		// /etc/shadow): report it as a whole, at the extends that named it.
		d.errorf(by, "extends", "%s is not a scenario file; want a YAML mapping with name, description and horizon or extends (its content is not shown)", src.Name)
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.errs = append(d.errs, &Error{File: src.Name, Line: root.Line, Column: root.Column,
			Msg: describe(root) + "; want a scenario mapping with name, description, horizon, issues and actors"})
		return nil
	}
	if by == nil && !scenarioKeys(root) {
		// Each unknown key would be quoted (validate /etc/shadow printed
		// every line): report the file as a whole.
		d.errs = append(d.errs, &Error{File: src.Name, Line: root.Line, Column: root.Column,
			Msg: "not a scenario file: none of its top-level keys is a scenario field or close to one; want a scenario mapping with name, description, horizon, issues and actors (its content is not shown)"})
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
	d.require(v, "name", "description")
	ref := d.text(ext, "extends")
	if en := deref(ext); ref == "" && en.Kind == yaml.ScalarNode {
		d.errorf(en, "extends", "empty; want the name of an embedded scenario or a file path")
	}
	if ref == "" {
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
	tree := d.resolveTree(base, resolve, chain, deref(ext))
	if tree == nil {
		return nil
	}
	for _, k := range []string{"name", "description"} {
		if v.has(k) {
			setKey(tree, v.key[k], v.val[k])
		}
	}
	if v.has("summary") {
		setKey(tree, v.key["summary"], v.val["summary"])
	} else {
		deleteKey(tree, "summary") // the baseline's summary does not describe the variant
	}
	for _, kv := range d.edits(v, "overrides") {
		d.override(tree, kv[0], kv[1])
	}
	for _, kv := range d.edits(v, "scale") {
		d.scale(tree, kv[0], kv[1])
	}
	return tree
}

// scenarioLike reports whether root, a parsed file, looks like a
// scenario: a mapping with a name, a description and a horizon or an
// extends.
func scenarioLike(root *yaml.Node) bool {
	return root != nil && root.Kind == yaml.MappingNode && lookup(root, "name") != nil && lookup(root, "description") != nil &&
		(lookup(root, "horizon") != nil || lookup(root, "extends") != nil)
}

// scenarioKeys reports whether a mapping has no keys, or a top-level key
// that is a scenario field or a near miss of one that an unknown-field
// error would help correct (Name, descripton).
func scenarioKeys(root *yaml.Node) bool {
	if len(root.Content) == 0 {
		return true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := deref(root.Content[i]); k.Kind != yaml.ScalarNode || suggest.Near(k.Value, topFields) {
			return true
		}
	}
	return false
}

// edits returns the key and value nodes of a variant's overrides or scale
// mapping, reporting one that is not a mapping and duplicate paths.
func (d *decoder) edits(v *object, section string) [][2]*yaml.Node {
	n := deref(v.val[section])
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, section, "%s; want a mapping from field paths to values", describe(n))
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := deref(n.Content[i]), n.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.Value == "" || key.Tag == "!!merge" {
			d.errorf(key, section, "%s; want a dotted field path", describe(key))
			continue
		}
		if first, dup := seen[key.Value]; dup {
			d.errorf(key, join(section, key.Value), "duplicate key; it was first given on line %d", first.Line)
			continue
		}
		seen[key.Value] = key
		out = append(out, [2]*yaml.Node{key, val})
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
// key, reporting at key when a step is missing. Each mapping on the way is
// copied, so that an edit through an anchored mapping changes this path
// only and not the other places that alias it.
func (d *decoder) parent(tree, key *yaml.Node, section string) (*yaml.Node, string) {
	steps := strings.Split(key.Value, ".")
	m := tree
	for i, step := range steps[:len(steps)-1] {
		at := -1
		var keys []string
		for j := 0; j+1 < len(m.Content); j += 2 {
			keys = append(keys, deref(m.Content[j]).Value)
			if keys[len(keys)-1] == step {
				at = j + 1
			}
		}
		var next *yaml.Node
		if at >= 0 {
			next = deref(m.Content[at])
		}
		if next == nil || next.Kind != yaml.MappingNode {
			what, hint := "no such field", suggest.Hint(step, keys)
			if next != nil {
				what, hint = describe(next)+", not a mapping", ""
			}
			d.errorf(key, join(section, key.Value), "%s is %s in the scenario extended; want a path to an existing field or a new key of an existing mapping%s",
				strings.Join(steps[:i+1], "."), what, hint)
			return nil, ""
		}
		own := *next
		own.Content = slices.Clone(next.Content)
		d.origin[&own] = d.origin[next]
		m.Content[at] = &own
		m = &own
	}
	d.changed = append(d.changed, edit{path: key.Value, key: key, file: d.file})
	return m, steps[len(steps)-1]
}

// override replaces the subtree at a dotted path (null removes it).
func (d *decoder) override(tree, key, val *yaml.Node) {
	m, last := d.parent(tree, key, "overrides")
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
	m, last := d.parent(tree, key, "scale")
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
		x, problem := parseNumber(deref(n))
		if problem != "" {
			return nil, false
		}
		return numNode(x * f), true
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
	seq := seqNode()
	for _, c := range args.Content {
		x, ok := num(c)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, x)
	}
	m := mapNode()
	m.Style = yaml.FlowStyle
	put(m, deref(n.Content[0]).Value, seq)
	return m, true
}

// relocate moves the errors that a variant's edits caused in the files it
// extends to the edit that caused them, so the user sees their own line.
func (d *decoder) relocate(top string) {
	for _, e := range d.errs {
		if e.File == top {
			continue
		}
		for i := len(d.changed) - 1; i >= 0; i-- {
			c := d.changed[i]
			if !overlaps(c.path, e.Path) {
				continue
			}
			e.Msg += fmt.Sprintf(" (at %s:%d:%d in the scenario extended)", e.File, e.Line, e.Column)
			e.File, e.Line, e.Column = c.file, c.key.Line, c.key.Column
			break
		}
	}
}

// overlaps reports whether one dotted path is the other or lies under it.
func overlaps(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return b == a || strings.HasPrefix(b, a+".") || strings.HasPrefix(b, a+"[")
}
