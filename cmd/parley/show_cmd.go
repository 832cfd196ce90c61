package main

import (
	"github.com/spf13/pflag"
)

var showCmd = &command{
	name:  "show",
	args:  "[SCENARIO|FILE]",
	short: "print a scenario as resolved, with every default filled in",
	long: `Print a scenario after resolving its extends, overrides and scales and filling
in every default, in the scenario file format (YAML) or as JSON with the same
field names. The YAML output is itself a valid scenario file. Without an
argument, shows the default scenario, muscat.`,
	examples: []string{
		"parley show muscat",
		"parley show hawkish-congress --format json",
		"parley show my-variant.yaml > resolved.yaml",
	},
	flags:  func(fs *pflag.FlagSet) any { return formatFlag(fs, "yaml", "json") },
	run:    runShow,
	writes: true,
}

func runShow(e *env, opts any, args []string) error {
	format := opts.(*outputFormat).name
	s, err := e.loadScenarioArg(args)
	if err != nil {
		return err
	}
	var out []byte
	if format == "json" {
		out, err = s.MarshalJSON()
	} else {
		out, err = s.YAML()
	}
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}
