package history

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/model"
	"go.yaml.in/yaml/v3"
)

// Limits on a history file, so that no input can make Parse costly.
const (
	MaxSize   = 1 << 20 // bytes
	MaxEvents = 1000
)

// month matches a calendar month, YYYY-MM; compiled at its first use.
var month = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`) })

var (
	topFields   = []string{"scenario", "description", "start", "observed", "events", "state", "state_note"}
	eventFields = []string{"kind", "round", "date", "note"}
)

// parser collects every problem of one file.
type parser struct {
	file string
	errs model.ErrorList
	h    *History
}

func (p *parser) errorf(n *yaml.Node, path, format string, args ...any) {
	e := &model.Error{File: p.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// Parse reads the history in data, from the file named file, and
// validates it on its own (Check validates it against a scenario). Its
// error is a model.ErrorList of every problem found, in file order.
func Parse(file string, data []byte) (*History, error) {
	p := &parser{file: file, h: &History{File: file, pos: map[string]Pos{}}}
	if len(data) > MaxSize {
		p.errorf(nil, "", "the file is %d bytes; a history may have at most %d", len(data), MaxSize)
		return nil, p.errs
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.errorf(nil, "", "not YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, p.errs
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		p.errorf(nil, "", "empty file; want a mapping with fields %s", strings.Join(topFields, ", "))
		return nil, p.errs
	}
	p.top(doc.Content[0])
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *model.Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		return nil, p.errs
	}
	return p.h, nil
}

// top reads the top-level mapping.
func (p *parser) top(n *yaml.Node) {
	if !p.mapping(n, "") {
		return
	}
	if !historyKeys(n) {
		// Each unknown key would be quoted (--history /etc/shadow printed
		// every line): report the file as a whole.
		p.errorf(n, "", "not a history file: none of its top-level keys is a history field or close to one; want a mapping with fields %s (its content is not shown)",
			strings.Join(topFields, ", "))
		return
	}
	h := p.h
	seen := map[string]bool{}
	var events *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.fieldName(k, "", topFields, seen) {
			continue
		}
		h.pos[k.Value] = Pos{v.Line, v.Column}
		switch k.Value {
		case "scenario":
			h.Scenario = p.name(v, "scenario")
		case "description":
			h.Description = p.text(v, "description")
		case "start":
			h.Start = p.month(v, "start")
		case "observed":
			h.Observed = p.round(v, "observed", model.MaxHorizon)
		case "events":
			events = v
		case "state":
			h.State = p.name(v, "state")
		case "state_note":
			h.StateNote = p.text(v, "state_note")
		}
	}
	for _, f := range []string{"scenario", "observed"} {
		if !seen[f] {
			p.errorf(n, f, "missing; a history needs scenario (the scenario it is the history of) and observed (the rounds observed)")
		}
	}
	if events != nil {
		p.events(events)
	}
}

// events reads the event list, once observed is known.
func (p *parser) events(n *yaml.Node) {
	if n.Kind == yaml.AliasNode {
		p.errorf(n, "events", "aliases are not supported; write the events out")
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "events", "want a list of events, each {kind, round, date, note}")
		return
	}
	if len(n.Content) > MaxEvents {
		p.errorf(n, "events", "%d events; a history may list at most %d", len(n.Content), MaxEvents)
		return
	}
	struck, last := 0, 0
	for i, c := range n.Content {
		path := fmt.Sprintf("events[%d]", i)
		e, ok := p.event(c, path)
		if !ok {
			continue
		}
		if e.Round < last {
			p.errorf(c, path+".round", "round %d comes after an event of round %d; list events in order of round", e.Round, last)
		}
		last = max(last, e.Round)
		if e.Kind == Strike && struck == 0 {
			struck = e.Round
		}
		if e.Kind == Resumption && (struck == 0 || struck > e.Round) {
			p.errorf(c, path+".kind", "resumption with no strike before it; talks resume only after a strike")
		}
		p.h.Events = append(p.h.Events, e)
	}
}

// event reads one event.
func (p *parser) event(n *yaml.Node, path string) (Event, bool) {
	e := Event{At: Pos{n.Line, n.Column}}
	if !p.mapping(n, path) {
		return e, false
	}
	seen := map[string]bool{}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.fieldName(k, path, eventFields, seen) {
			ok = false
			continue
		}
		fp := path + "." + k.Value
		switch k.Value {
		case "kind":
			name := p.name(v, fp)
			kind, known := ParseKind(name)
			if !known && name != "" {
				p.errorf(v, fp, "%q is not a milestone; want one of %s%s", name, strings.Join(KindNames(), ", "), suggest.Hint(name, KindNames()))
			}
			ok = ok && known
			e.Kind = kind
		case "round":
			limit := p.h.Observed
			if limit == 0 {
				limit = model.MaxHorizon
			}
			e.Round = p.round(v, fp, limit)
			ok = ok && e.Round > 0
		case "date":
			e.Date = p.month(v, fp)
			if e.Date != "" && p.h.Start != "" && e.Date < p.h.Start {
				p.errorf(v, fp, "%s is before the history's start %s; want a month from the start on", e.Date, p.h.Start)
			}
		case "note":
			e.Note = p.text(v, fp)
		}
	}
	for _, f := range []string{"kind", "round", "note"} {
		if !seen[f] {
			p.errorf(n, path+"."+f, "missing; an event needs kind, round and note (what happened, with its source)")
			ok = false
		}
	}
	return e, ok
}

// mapping reports whether n is a mapping, reporting it when not.
func (p *parser) mapping(n *yaml.Node, path string) bool {
	switch n.Kind {
	case yaml.MappingNode:
		return true
	case yaml.AliasNode:
		p.errorf(n, path, "aliases are not supported; write the fields out")
	default:
		p.errorf(n, path, "want a mapping of fields")
	}
	return false
}

// historyKeys reports whether a mapping has no keys, or a key that is a
// history field or a near miss of one.
func historyKeys(n *yaml.Node) bool {
	if len(n.Content) == 0 {
		return true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || suggest.Near(k.Value, topFields) {
			return true
		}
	}
	return false
}

// fieldName checks a mapping key against the valid fields, once each.
func (p *parser) fieldName(k *yaml.Node, path string, valid []string, seen map[string]bool) bool {
	fp := k.Value
	if path != "" {
		fp = path + "." + k.Value
	}
	switch {
	case k.Kind != yaml.ScalarNode:
		p.errorf(k, path, "a field name must be a plain word; valid fields here: %s", strings.Join(valid, ", "))
		return false
	case !slices.Contains(valid, k.Value):
		p.errorf(k, fp, "unknown field; valid fields here: %s%s", strings.Join(valid, ", "), suggest.Hint(k.Value, valid))
		return false
	case seen[k.Value]:
		p.errorf(k, fp, "given twice; give each field once")
		return false
	}
	seen[k.Value] = true
	return true
}

// scalar returns n's text, reporting a value that is not a scalar.
func (p *parser) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, path, "want %s", want)
		return "", false
	}
	return n.Value, true
}

// text reads free text.
func (p *parser) text(n *yaml.Node, path string) string {
	s, _ := p.scalar(n, path, "text")
	return s
}

// name reads a non-empty word.
func (p *parser) name(n *yaml.Node, path string) string {
	s, ok := p.scalar(n, path, "a name")
	if ok && strings.TrimSpace(s) == "" {
		p.errorf(n, path, "empty; want a name")
	}
	return s
}

// month reads a calendar month.
func (p *parser) month(n *yaml.Node, path string) string {
	s, ok := p.scalar(n, path, "a month, YYYY-MM")
	if ok && !month().MatchString(s) {
		p.errorf(n, path, "%q is not a month; want YYYY-MM, e.g. 2013-11", s)
		return ""
	}
	return s
}

// round reads a round number in 1 … limit.
func (p *parser) round(n *yaml.Node, path string, limit int) int {
	s, ok := p.scalar(n, path, "a round number")
	if !ok {
		return 0
	}
	r, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" || r < 1 || r > limit {
		what := "the rounds observed"
		if path == "observed" {
			what = "the largest horizon"
		}
		p.errorf(n, path, "%q is not a round in 1 … %d (%s); want a whole number in that range", s, limit, what)
		return 0
	}
	return r
}
