package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/model"
	"github.com/spf13/pflag"
)

// setUsage describes --set and --versus-set.
const setUsage = "set a numeric scenario field, `PATH=VALUE` (repeatable; parley sweep --list-params lists the paths)"

// declareSet declares --set, the scenario fields a command's scenario is
// played with.
func (f *simFlags) declareSet(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.sets, "set", nil, setUsage)
}

// withSets returns s with the fields specs set, as flag gives them
// (PATH=VALUE): s itself for none. A malformed spec, a path that is not a
// numeric field of s, a field given twice or a value the field refuses is
// a usage error naming the flag.
func withSets(s *model.Scenario, flag string, specs []string) (*model.Scenario, error) {
	if len(specs) == 0 {
		return s, nil
	}
	assign, err := parseSets(s, flag, specs)
	if err != nil {
		return nil, err
	}
	w, err := s.With(assign...)
	if err != nil {
		return nil, usagef("%s: %v", flag, err)
	}
	return w, nil
}

// parseSets parses specs, PATH=VALUE, into assignments of s's fields.
func parseSets(s *model.Scenario, flag string, specs []string) ([]model.Assignment, error) {
	var known []string
	for _, f := range s.Fields() {
		known = append(known, f.Path)
	}
	var assign []model.Assignment
	given := map[string]bool{}
	for _, spec := range specs {
		path, value, ok := strings.Cut(spec, "=")
		x, err := parseNumber(value)
		switch {
		case !ok || path == "" || err != nil:
			return nil, usagef("%s %s: want PATH=VALUE, VALUE a number", flag, spec)
		case !slices.Contains(known, path):
			return nil, usagef("%s %s: %s is not a numeric field of %s%s; parley sweep --list-params %s lists them",
				flag, spec, path, s.Name, suggest.Hint(path, known), s.Name)
		case given[path]:
			return nil, usagef("%s %s: %s given twice; want it once", flag, spec, path)
		}
		given[path] = true
		assign = append(assign, model.Assignment{Path: path, Value: x})
	}
	return assign, nil
}

// setSpec writes an assignment as --set takes it.
func setSpec(a model.Assignment) string {
	return a.Path + "=" + strconv.FormatFloat(a.Value, 'g', -1, 64)
}
