package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"
)

var versionCmd = &command{
	name:  "version",
	short: "print parley's version and the revision it was built from",
	long: `Print the module version of this parley binary and, when it was built from
a version-controlled checkout, the revision (and "modified" if the checkout
had uncommitted changes), as Go's build information records them. Every
JSON result carries the same version in its "version" field. 'parley
--version' prints the same line.`,
	examples: []string{
		"parley version",
		"parley --version",
		"parley version --format json",
	},
	flags: func(fs *pflag.FlagSet) any { return formatFlag(fs, "table", "json") },
	run:   runVersion,
}

// buildVersion is what parley knows of its own build; its JSON field
// names are stable.
type buildVersion struct {
	Version  string `json:"version"`            // the module version, "(devel)" for a build inside the module
	Revision string `json:"revision,omitempty"` // the VCS revision, when the build recorded one
	Modified bool   `json:"modified,omitempty"` // the checkout had uncommitted changes
	Go       string `json:"go"`                 // the Go release it was built with
}

// readVersion reads the binary's build information.
func readVersion() buildVersion {
	v := buildVersion{Version: "(devel)"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Version = info.Main.Version
	}
	v.Go = info.GoVersion
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String writes the version as one line: parley VERSION (revision R, modified).
func (v buildVersion) String() string {
	s := "parley " + v.Version
	if v.Revision != "" {
		s += " (revision " + v.Revision
		if v.Modified {
			s += ", modified"
		}
		s += ")"
	}
	if v.Go != "" {
		s += ", built with " + v.Go
	}
	return s
}

func runVersion(e *env, opts any, args []string) error {
	if len(args) > 0 {
		return usagef("takes no arguments, got %q", args)
	}
	v := readVersion()
	if opts.(*outputFormat).name == "json" {
		return writeJSON(e.stdout, v)
	}
	_, err := fmt.Fprintln(e.stdout, v)
	return err
}
