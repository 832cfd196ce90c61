package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest scenario file Load accepts, in bytes.
const MaxFileSize = 1 << 20

// Source is a scenario file: the name to report it by and its contents.
type Source struct {
	Name string
	Data []byte
}

// Resolver returns the scenario that a variant names in extends: ref as
// written there, from the name of the file that names it.
type Resolver func(ref, from string) (Source, error)

// Load parses, resolves and validates a scenario. A variant's extends is
// looked up with resolve, which may be nil when the source has none. On
// failure the error is an ErrorList holding every problem found.
func Load(src Source, resolve Resolver) (*Scenario, error) {
	return LoadWithHorizon(src, resolve, 0)
}

// LoadWithHorizon is Load with the scenario's horizon replaced by horizon
// rounds (none for 0) before validation: every field measured in rounds
// is checked against it, as if the file said horizon: N.
func LoadWithHorizon(src Source, resolve Resolver, horizon int) (*Scenario, error) {
	if horizon < 0 || horizon > MaxHorizon {
		return nil, ErrorList{&Error{File: src.Name, Path: "horizon", Msg: fmt.Sprintf("%d; want 1 … %d rounds, or 0 for the file's", horizon, MaxHorizon)}}
	}
	d := &decoder{file: src.Name, origin: map[*yaml.Node]string{}, badRange: map[int]bool{}, horizon: horizon}
	root := d.resolveTree(src, resolve, nil, nil)
	var s *Scenario
	if root != nil {
		s = d.decodeScenario(root)
		d.relocate(src.Name)
	}
	if len(d.errs) == 0 {
		return s, nil
	}
	errs := sortErrors(d.errs)
	if d.dropped > 0 {
		errs = append(errs, &Error{File: src.Name, Msg: fmt.Sprintf("%d more errors not shown; fix these first", d.dropped)})
	}
	return nil, errs
}

// aliasAllowance is how many times its own size a file may grow to when
// its aliases are followed, before the decoder stops reading it.
const aliasAllowance = 10

// parse reads one YAML document into a node tree and records the file
// every node came from.
func (d *decoder) parse(src Source) *yaml.Node {
	fail := func(line, column int, msg string) *yaml.Node {
		d.errs = append(d.errs, &Error{File: src.Name, Line: line, Column: column, Msg: msg})
		return nil
	}
	if len(src.Data) > MaxFileSize {
		return fail(0, 0, fmt.Sprintf("file is larger than %d bytes (1 MiB); want a smaller scenario", MaxFileSize))
	}
	if i := bytes.IndexByte(src.Data, 0); i >= 0 {
		line, column := position(src.Data, i)
		return fail(line, column, "a NUL byte; want a YAML text file")
	}
	dec := yaml.NewDecoder(bytes.NewReader(src.Data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fail(0, 0, "file is empty; want a scenario mapping with name, description, horizon, issues and actors")
		}
		line, msg := yamlErrorLine(err)
		if line > 0 {
			return fail(line, 1, "invalid YAML: "+msg)
		}
		line, column := position(src.Data, badByte(src.Data))
		return fail(line, column, "invalid YAML: "+msg)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line, _ = yamlErrorLine(err)
		}
		return fail(line, min(line, 1), "more than one YAML document; want exactly one")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d.budget += aliasAllowance * d.mark(root, src.Name)
	return root
}

// mark records the origin of every node of a freshly parsed tree, reports
// merge keys, and returns the number of nodes.
func (d *decoder) mark(root *yaml.Node, file string) int {
	count := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || d.origin[n] != "" {
			return
		}
		d.origin[n] = file
		count++
		for i, c := range n.Content {
			walk(c)
			if n.Kind == yaml.MappingNode && i%2 == 0 && c.Tag == "!!merge" {
				d.errorf(c, "", "merge keys (<<) are not supported; write the fields out, or use a variant (extends)")
			}
		}
	}
	walk(root)
	return count
}

// position returns the 1-based line and column of a byte offset, or 0, 0
// for a negative offset.
func position(data []byte, offset int) (line, column int) {
	if offset < 0 {
		return 0, 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	column = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, column
}

// badByte returns the offset of the first byte YAML rejects: invalid
// UTF-8 or a control character other than tab, line feed and carriage
// return; -1 if there is none.
func badByte(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return i
		}
		i += size
	}
	return -1
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
