package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/spf13/pflag"
)

var validateCmd = &command{
	name:  "validate",
	args:  "FILE...",
	short: "check scenario files and list every error",
	long: `Load each scenario file (or embedded scenario name), resolve its extends,
and check it strictly: unknown fields, wrong types, values out of range,
weights that do not sum to 1, references to issues or actors that do not
exist. Every error is listed on standard error as
parley: FILE:LINE:COLUMN: FIELD.PATH: problem; want. --format csv and json
give every file's result on standard output instead, one row per error in
CSV. Exits 0 when every file is valid and 1 otherwise.`,
	examples: []string{
		"parley validate my-scenario.yaml",
		"parley validate scenarios/*.yaml",
		"parley validate --format json broken.yaml",
	},
	flags:  func(fs *pflag.FlagSet) any { return formatFlag(fs, "table", "csv", "json") },
	run:    runValidate,
	writes: true,
}

// validation is the JSON form of one file's result; its field names are stable.
type validation struct {
	File   string           `json:"file"`
	Valid  bool             `json:"valid"`
	Errors []validationItem `json:"errors"`
}

type validationItem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

func runValidate(e *env, opts any, args []string) error {
	format := opts.(*outputFormat).name
	if len(args) == 0 {
		return usagef("want at least one FILE")
	}
	results := make([]validation, 0, len(args))
	failed := false
	for _, arg := range args {
		v := validation{File: arg, Valid: true, Errors: []validationItem{}}
		s, err := e.loadScenario(arg)
		if err != nil {
			v.Valid, failed = false, true
			var list model.ErrorList
			if !errors.As(err, &list) {
				list = model.ErrorList{{File: arg, Msg: err.Error()}}
			}
			for _, e := range list {
				v.Errors = append(v.Errors, validationItem{e.File, e.Line, e.Column, e.Path, e.Msg})
			}
		}
		results = append(results, v)
		if format != "table" {
			continue
		}
		if err != nil {
			printErrors(e.stderr, err)
		} else {
			fmt.Fprintf(e.stdout, "%s: ok (scenario %s: %s, %s, %s)\n", arg, s.Name,
				text.Count(len(s.Actors), "actor"), text.Count(len(s.Issues), "issue"), text.Count(len(s.Shocks), "shock"))
		}
	}
	var err error
	switch format {
	case "json":
		err = writeJSON(e.stdout, results)
	case "csv":
		err = validationTable(results).write(e.stdout, layout{format: format})
	}
	if err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

// validationTable lays the results out one row per error, and one row
// with empty location and message for a valid file.
func validationTable(results []validation) *table {
	t := &table{header: []string{"file", "valid", "error_file", "line", "column", "path", "message"}}
	for _, v := range results {
		valid := strconv.FormatBool(v.Valid)
		if len(v.Errors) == 0 {
			t.rows = append(t.rows, []string{v.File, valid, "", "", "", "", ""})
		}
		for _, it := range v.Errors {
			t.rows = append(t.rows, []string{v.File, valid, it.File, strconv.Itoa(it.Line), strconv.Itoa(it.Column), it.Path, it.Message})
		}
	}
	return t
}
