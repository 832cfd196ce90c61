package scenarios

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
	"go.yaml.in/yaml/v3"
)

// shipped are the scenarios issue #2 asks for, and muscat-hindsight (issue #11).
var shipped = []string{
	"muscat", "hawkish-congress", "islamabad-2026", "jpoa-2013", "maximum-pressure",
	"muscat-hindsight", "no-zopa", "regional-linkage", "rubinstein", "strong-mediator", "vienna-2021",
}

func TestNames(t *testing.T) {
	got := Names()
	want := slices.Clone(shipped)
	slices.Sort(want[1:])
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}

func TestShippedScenariosLoad(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			s, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if s.Name != name {
				t.Errorf("name %q, want the file name %q", s.Name, name)
			}
			if len(strings.Fields(s.Description)) < 15 {
				t.Errorf("description %q is too short to say what the scenario represents and where its numbers come from", s.Description)
			}
		})
	}
}

// TestEveryNumberHasASource checks that every number in a shipped file has
// a comment on its line giving its source or rationale.
func TestEveryNumberHasASource(t *testing.T) {
	for _, name := range Names() {
		src, _ := Source(name)
		var doc yaml.Node
		if err := yaml.Unmarshal(src.Data, &doc); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src.Data), "\n")
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
				if !strings.Contains(lines[n.Line-1][n.Column-1:], "#") {
					t.Errorf("%s:%d: %s has no comment giving its source or rationale", src.Name, n.Line, n.Value)
				}
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(&doc)
	}
}

// TestUnknownFieldIsReported appends an unknown top-level field to every
// shipped scenario and expects it reported with its line and name.
func TestUnknownFieldIsReported(t *testing.T) {
	for _, name := range Names() {
		src, _ := Source(name)
		data := string(src.Data)
		if !strings.HasSuffix(data, "\n") {
			data += "\n"
		}
		line := strings.Count(data, "\n") + 1
		src.Data = []byte(data + "surprise: 1\n")
		_, err := model.Load(src, Resolve)
		want := fmt.Sprintf("%s:%d:1: surprise: unknown field", src.Name, line)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got %v, want an error starting %q", name, err, want)
		}
	}
}

// TestSampleIsReproducible checks that the same seed samples the same world,
// bit for bit, for every shipped scenario.
func TestSampleIsReproducible(t *testing.T) {
	for _, name := range Names() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var a, b model.World
		for episode := range uint64(20) {
			s.Sample(&a, rand.New(rand.NewChaCha8(seedKey(99, episode))))
			s.Sample(&b, rand.New(rand.NewChaCha8(seedKey(99, episode))))
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s episode %d: the same seed sampled different worlds", name, episode)
			}
		}
	}
}

func seedKey(seed, episode uint64) (k [32]byte) {
	for i := range 8 {
		k[i] = byte(seed >> (8 * i))
		k[8+i] = byte(episode >> (8 * i))
	}
	return k
}

// TestShowRoundTrip checks that `parley show` output loads back to the
// same scenario, so it can serve as a starting point for a new file.
func TestShowRoundTrip(t *testing.T) {
	for _, name := range Names() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := model.Load(model.Source{Name: s.File, Data: out}, nil)
		if err != nil {
			t.Fatalf("%s: shown scenario does not load: %v", name, err)
		}
		if !reflect.DeepEqual(s, back) {
			t.Errorf("%s: round trip through show changed the scenario", name)
		}
	}
}

// TestVariantsStateOnlyTheirDifference checks that the variant scenarios
// extend muscat rather than copy it.
func TestVariantsStateOnlyTheirDifference(t *testing.T) {
	for _, name := range []string{"maximum-pressure", "hawkish-congress", "muscat-hindsight", "strong-mediator", "regional-linkage"} {
		src, _ := Source(name)
		var top map[string]any
		if err := yaml.Unmarshal(src.Data, &top); err != nil {
			t.Fatal(err)
		}
		if top["extends"] != "muscat" {
			t.Errorf("%s: extends %v, want muscat", name, top["extends"])
		}
	}
}
