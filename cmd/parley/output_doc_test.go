package main

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-sim/parley/sim"
)

// TestOutputDocCoversEveryField checks that docs/output.md names every
// JSON field that run, compare, backtest, trace, game and lessons print, and every kind of
// trace event.
func TestOutputDocCoversEveryField(t *testing.T) {
	doc, err := os.ReadFile("docs/output.md")
	if err != nil {
		t.Fatal(err)
	}
	seen, fields := map[reflect.Type]bool{}, 0
	var visit func(reflect.Type)
	visit = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map || typ.Kind() == reflect.Array {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for f := range typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields++
			if !strings.Contains(string(doc), name) {
				t.Errorf("docs/output.md does not mention %s.%s (%q)", typ, f.Name, name)
			}
			visit(f.Type)
		}
	}
	visit(reflect.TypeFor[sim.Result]())
	visit(reflect.TypeFor[sim.Comparison]())
	visit(reflect.TypeFor[sim.BacktestReport]())
	visit(reflect.TypeFor[sim.EpisodeTrace]())
	visit(reflect.TypeFor[gameOutput]())
	visit(reflect.TypeFor[buildVersion]())
	visit(reflect.TypeFor[foundTrace]())
	visit(reflect.TypeFor[explanation]())
	visit(reflect.TypeFor[printedLesson]())
	visit(reflect.TypeFor[partialFile]())
	if fields < 30 {
		t.Fatalf("found only %d JSON fields; the walk is broken", fields)
	}
	for _, k := range sim.EventKinds() {
		if !strings.Contains(string(doc), "`"+string(k)+"`") {
			t.Errorf("docs/output.md does not name event kind %s", k)
		}
	}
	for _, o := range sim.Outcomes() {
		if !strings.Contains(string(doc), "`"+o.String()+"`") {
			t.Errorf("docs/output.md does not name outcome %s", o)
		}
	}
}
