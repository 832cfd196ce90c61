package model

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/parley-sim/parley/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// decoder walks a YAML node tree into Go values, collecting every problem
// it meets instead of stopping at the first.
type decoder struct {
	file   string                // the file named when a node has no origin
	origin map[*yaml.Node]string // the file each node came from
	errs   ErrorList

	// dropped counts the errors past maxErrors, which are not kept.
	dropped int
	// changed lists the edits of the variants applied, in order.
	changed []edit

	// budget is how many more mapping entries and list items the decoder
	// may visit; aliases can make a small file expand into a huge tree,
	// and the budget stops that. exhausted is set once it runs out.
	budget    int
	exhausted bool

	// horizon, when not 0, replaces the scenario's horizon.
	horizon int

	// badRange marks issues whose min and max are wrong, so that levels
	// on them are not checked against a range that means nothing.
	badRange map[int]bool
}

// levels returns the valid range of levels of is, the k-th issue; for an
// issue whose range is wrong, any level.
func (d *decoder) levels(is Issue, k int) span {
	if d.badRange[k] {
		return span{lo: math.Inf(-1), hi: math.Inf(1)}
	}
	return closed(is.Min, is.Max)
}

// maxErrors is the most errors a file reports; the rest are counted.
const maxErrors = 100

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	if d.exhausted {
		return
	}
	if len(d.errs) >= maxErrors {
		d.dropped++
		return
	}
	e := &Error{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
		if f, ok := d.origin[n]; ok {
			e.File = f
		}
	}
	d.errs = append(d.errs, e)
}

// spend charges n visits to the budget and reports false once it is spent.
func (d *decoder) spend(n *yaml.Node, path string, visits int) bool {
	if d.exhausted {
		return false
	}
	d.budget -= visits
	if d.budget < 0 {
		d.dropped += max(0, len(d.errs)-maxErrors+1)
		d.errs = d.errs[:min(len(d.errs), maxErrors-1)] // keep room: this error must show
		d.errorf(n, path, "the file expands through aliases into more fields than it could hold written out; want fewer aliases of large mappings or lists")
		d.exhausted = true
		return false
	}
	return true
}

// sortErrors orders the errors by file, then position, dropping exact
// repeats (an aliased node is decoded once per use).
func sortErrors(errs ErrorList) ErrorList {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	out := errs[:0]
	for i, e := range errs {
		if i > 0 && *e == *errs[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// maxAliasHops bounds alias chains; yaml itself rejects cycles.
const maxAliasHops = 64

// deref follows aliases to the node they stand for.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxAliasHops; i++ {
		n = n.Alias
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// object is a decoded YAML mapping: its keys in file order and the nodes
// under them.
type object struct {
	node *yaml.Node
	path string
	keys []string
	key  map[string]*yaml.Node // the key nodes, for positions
	val  map[string]*yaml.Node
}

func (o *object) has(k string) bool { return o.val[k] != nil }

// mapping decodes a mapping node. With fields given, any other key is an
// unknown field; with none, keys are user names and must be valid names.
// A nil or null node gives an empty object.
func (d *decoder) mapping(n *yaml.Node, path string, fields ...string) *object {
	o := &object{node: n, path: path, key: map[string]*yaml.Node{}, val: map[string]*yaml.Node{}}
	n = deref(n)
	if n == nil || isNull(n) {
		return o
	}
	o.node = n
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "%s; want a mapping", describe(n))
		return o
	}
	if !d.spend(n, path, len(n.Content)/2+1) {
		return o
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := deref(n.Content[i]), n.Content[i+1]
		if kn.Tag == "!!merge" {
			continue // reported when the file was parsed
		}
		if kn.Kind != yaml.ScalarNode {
			d.errorf(kn, path, "%s as a key; want a plain field name", describe(kn))
			continue
		}
		k := kn.Value
		switch {
		case o.val[k] != nil:
			d.errorf(kn, join(path, k), "duplicate key; it was first given on line %d", o.key[k].Line)
			continue
		case fields != nil && !slices.Contains(fields, k):
			d.errorf(kn, join(path, k), "unknown field; valid fields here: %s%s", strings.Join(fields, ", "), suggest.Hint(k, fields))
			continue
		case fields == nil && !validName(k):
			d.errorf(kn, join(path, k), "%q is not a valid name; want a lower-case letter followed by letters, digits, '-' or '_'", k)
			continue
		}
		o.keys = append(o.keys, k)
		o.key[k] = kn
		o.val[k] = vn
	}
	return o
}

// nameRE matches a name (an actor's, an issue's), compiled at its
// first use, not at the start of every command.
var nameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_-]*$`) })

func validName(s string) bool { return len(s) <= 64 && nameRE().MatchString(s) }

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// describe names what a node is, for "found X; want Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "an empty value"
		}
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return strconv.Quote(v)
	default:
		return "an empty value"
	}
}

// require reports the listed fields that the object lacks.
func (d *decoder) require(o *object, fields ...string) bool {
	ok := true
	for _, f := range fields {
		if !o.has(f) {
			d.errorf(o.node, join(o.path, f), "missing; this field is required")
			ok = false
		}
	}
	return ok
}

func (d *decoder) text(n *yaml.Node, path string) string {
	n = deref(n)
	if n == nil || isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "%s; want text", describe(n))
		return ""
	}
	return n.Value
}

func (d *decoder) texts(n *yaml.Node, path string) []string {
	n = deref(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "%s; want a list of text", describe(n))
		return nil
	}
	if !d.spend(n, path, len(n.Content)+1) {
		return nil
	}
	var out []string
	for i, c := range n.Content {
		out = append(out, d.text(c, fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

func (d *decoder) boolean(n *yaml.Node, path string, def bool) bool {
	n = deref(n)
	if n == nil {
		return def
	}
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && strings.EqualFold(n.Value, "true"):
		return true
	case n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && strings.EqualFold(n.Value, "false"):
		return false
	}
	d.errorf(n, path, "%s; want true or false", describe(n))
	return def
}

// number decodes a finite number.
func (d *decoder) number(n *yaml.Node, path string) (float64, bool) {
	n = deref(n)
	if n == nil {
		d.errorf(n, path, "missing; want a number")
		return 0, false
	}
	x, problem := parseNumber(n)
	if problem != "" {
		d.errorf(n, path, "%s; want %s", describe(n), problem)
		return 0, false
	}
	return x, true
}

// leadingZero matches an integer with a leading zero, which YAML may
// read as octal; compiled at its first use.
var leadingZero = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?0[0-9_]`) })

// parseNumber reads a YAML number scalar; on failure it says what a valid
// one looks like.
func parseNumber(n *yaml.Node) (float64, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		if _, err := strconv.ParseFloat(n.Value, 64); n.Kind == yaml.ScalarNode && n.Style == 0 && errors.Is(err, strconv.ErrRange) {
			return 0, "a number of magnitude below 1.8e308, the largest a float64 holds" // YAML reads an overflowing number as a string
		}
		return 0, "a number"
	}
	text := strings.ReplaceAll(n.Value, "_", "")
	if n.Tag == "!!int" {
		if leadingZero().MatchString(text) {
			return 0, "a number without a leading zero (YAML may read 010 as octal 8)"
		}
		i, err := strconv.ParseInt(text, 0, 64)
		if err != nil || i > 1<<53 || i < -1<<53 {
			return 0, "a number of at most 15 digits"
		}
		return float64(i), ""
	}
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, "a finite number"
	}
	return x, ""
}

// integer decodes a whole number in [lo, hi].
func (d *decoder) integer(n *yaml.Node, path string, lo, hi int, def int) int {
	if deref(n) == nil {
		return def
	}
	x, ok := d.number(n, path)
	if !ok {
		return def
	}
	if x != math.Trunc(x) || x < float64(lo) || x > float64(hi) {
		d.errorf(deref(n), path, "%s is out of range; want a whole number in [%d, %d]", fmtNum(x), lo, hi)
		return def
	}
	return int(x)
}

// choice decodes one of names and returns its index.
func (d *decoder) choice(n *yaml.Node, path string, names []string, def int) int {
	n = deref(n)
	if n == nil {
		return def
	}
	if n.Kind == yaml.ScalarNode {
		if i := slices.Index(names, n.Value); i >= 0 {
			return i
		}
	}
	d.errorf(n, path, "%s; want one of %s", describe(n), strings.Join(names, ", "))
	return def
}

// fmtNum formats a number as briefly as it round-trips, whole numbers
// without an exponent.
func fmtNum(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// span is the range of valid values of a numeric field, closed unless
// openLo says its lower end is excluded.
type span struct {
	lo, hi float64
	openLo bool
}

func closed(lo, hi float64) span { return span{lo: lo, hi: hi} }

func (s span) contains(x float64) bool {
	return (x > s.lo || !s.openLo && x == s.lo) && x <= s.hi
}

// String writes the span in interval notation, e.g. (0, 1].
func (s span) String() string {
	l := "["
	if s.openLo {
		l = "("
	}
	return l + fmtNum(s.lo) + ", " + fmtNum(s.hi) + "]"
}

// lookup returns the value under key in a mapping node, or nil, without
// reporting anything.
func lookup(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := deref(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
