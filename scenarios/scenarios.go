// Package scenarios embeds Parley's shipped scenario files and looks them
// up by name.
package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/parley-sim/parley/model"
)

// Default is the scenario commands use when none is named.
const Default = "muscat"

//go:embed *.yaml
var files embed.FS

//go:embed history/*.yaml
var histories embed.FS

// Names returns the embedded scenarios' names, the default first and the
// rest in alphabetical order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && name != Default {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return append([]string{Default}, names...)
}

// IsName reports whether a scenario reference is a bare name, which names
// an embedded scenario, rather than a file path: a name has no '/', '\'
// or '.'.
func IsName(ref string) bool { return !strings.ContainsAny(ref, `/\.`) }

// Source returns the embedded scenario file of that name, reported as
// scenarios/NAME.yaml.
func Source(name string) (model.Source, bool) {
	if name == "" || !IsName(name) {
		return model.Source{}, false
	}
	file := name + ".yaml"
	data, err := files.ReadFile(file)
	if err != nil {
		return model.Source{}, false
	}
	return model.Source{Name: path.Join("scenarios", file), Data: data}, true
}

// Load loads the embedded scenario of that name; variants of embedded
// scenarios may extend only embedded scenarios.
func Load(name string) (*model.Scenario, error) {
	src, ok := Source(name)
	if !ok {
		return nil, fmt.Errorf("no embedded scenario %q; want one of %s", name, strings.Join(Names(), ", "))
	}
	return model.Load(src, Resolve)
}

// Resolve is a model.Resolver over the embedded scenarios.
func Resolve(ref, _ string) (model.Source, error) {
	if src, ok := Source(ref); ok {
		return src, nil
	}
	return model.Source{}, fmt.Errorf("no embedded scenario %q; want one of %s", ref, strings.Join(Names(), ", "))
}

// HistoryNames returns the names of the scenarios that ship a history of
// what happened, for back-testing, in alphabetical order.
func HistoryNames() []string {
	entries, _ := fs.ReadDir(histories, "history")
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, name)
		}
	}
	return names
}

// History returns the embedded history of the scenario of that name,
// reported as scenarios/history/NAME.yaml.
func History(name string) (model.Source, bool) {
	if name == "" || !IsName(name) {
		return model.Source{}, false
	}
	file := path.Join("history", name+".yaml")
	data, err := histories.ReadFile(file)
	if err != nil {
		return model.Source{}, false
	}
	return model.Source{Name: path.Join("scenarios", file), Data: data}, true
}
