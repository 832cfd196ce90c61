package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/parley-sim/parley/docs/lessons"
	"github.com/parley-sim/parley/scenarios"
	"github.com/spf13/pflag"
)

var completionCmd = &command{
	name:  "completion",
	args:  "bash|zsh|fish",
	short: "print a shell completion script for parley",
	long: `Print a script that completes parley's commands, flags, --format values,
embedded scenario names or file paths, and lesson names in bash, zsh or
fish. Load it in the current shell, or install it where the shell looks for
completions.`,
	examples: []string{
		"source <(parley completion bash)      # bash, this shell",
		"parley completion bash > /etc/bash_completion.d/parley",
		"parley completion zsh > \"${fpath[1]}/_parley\"",
		"parley completion fish > ~/.config/fish/completions/parley.fish",
	},
	run:    runCompletion,
	writes: true,
}

// completionFlag is what a shell needs to know of one flag.
type completionFlag struct {
	name, short, usage string
	values             []string // the values to offer, for --format
	file               bool     // the value is a file name
	takesValue         bool
}

// completionCommand is what a shell needs to know of one command.
type completionCommand struct {
	name, short string
	flags       []completionFlag
	scenario    bool // its positional arguments are scenarios or files
	lesson      bool // its positional argument is a lesson
}

// lessonNames returns the names of the embedded lessons, for completion.
func lessonNames() string {
	var names []string
	for _, l := range lessons.All() {
		names = append(names, l.Name)
	}
	return strings.Join(names, " ")
}

// completionModel describes every command for the shells, from the
// command table and the flags each declares.
func completionModel() []completionCommand {
	var list []completionCommand
	for _, c := range commands {
		fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
		if c.flags != nil {
			c.flags(fs)
		}
		if c.writes {
			var out string
			outFlag(fs, &out)
		}
		cc := completionCommand{name: c.name, short: c.short, scenario: strings.Contains(c.args, "SCENARIO") || c.name == "validate",
			lesson: c == lessonsCmd}
		fs.VisitAll(func(f *pflag.Flag) {
			_, usage := pflag.UnquoteUsage(f) // without the `NAME` quotes
			usage, _, _ = strings.Cut(usage, ";")
			cf := completionFlag{name: f.Name, short: f.Shorthand, usage: usage, takesValue: f.NoOptDefVal == ""}
			if of, ok := f.Value.(*outputFormat); ok {
				cf.values = of.allowed
			}
			cf.file = f.Name == "out" || f.Name == "nfg"
			cc.flags = append(cc.flags, cf)
		})
		list = append(list, cc)
	}
	return list
}

func runCompletion(e *env, _ any, args []string) error {
	if len(args) != 1 {
		return usagef("want one shell: bash, zsh or fish")
	}
	write, ok := map[string]func(io.Writer, []completionCommand){"bash": writeBash, "zsh": writeZsh, "fish": writeFish}[args[0]]
	if !ok {
		return usagef("%q: want bash, zsh or fish", args[0])
	}
	write(e.stdout, completionModel())
	return nil
}

func writeBash(w io.Writer, cmds []completionCommand) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for parley; load with: source <(parley completion bash)
_parley() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%s help --help --version" -- "$cur"))
        return
    fi
    local flags="" formats="" scenario="" lesson=""
    case ${COMP_WORDS[1]} in
`, strings.Join(names, " "))
	for _, c := range cmds {
		var flags, formats []string
		for _, f := range c.flags {
			flags = append(flags, "--"+f.name)
			if f.values != nil {
				formats = f.values
			}
		}
		flags = append(flags, "--help")
		fmt.Fprintf(w, "        %s) flags=%q formats=%q scenario=%v lesson=%v ;;\n", c.name, strings.Join(flags, " "), strings.Join(formats, " "), c.scenario, c.lesson)
	}
	fmt.Fprintf(w, `        help) COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;
    esac
    case $prev in
        --format|-f) COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
        --out|-o|--nfg) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    elif [[ ${COMP_WORDS[1]} == completion ]]; then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
    elif [[ $scenario == true ]]; then
        COMPREPLY=($(compgen -W "%s" -- "$cur") $(compgen -f -- "$cur"))
    elif [[ $lesson == true ]]; then
        COMPREPLY=($(compgen -W "%s" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -F _parley parley
`, strings.Join(names, " "), strings.Join(scenarios.Names(), " "), lessonNames())
}

// zshQuote escapes a description for an _arguments or _describe spec
// inside single quotes.
func zshQuote(s string) string {
	return strings.NewReplacer("'", `'\''`, "[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

func writeZsh(w io.Writer, cmds []completionCommand) {
	fmt.Fprint(w, "#compdef parley\n# zsh completion for parley; install as _parley in a directory of $fpath\n_parley() {\n    local -a commands\n    commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "        '%s:%s'\n", c.name, zshQuote(c.short))
	}
	fmt.Fprintf(w, `    )
    if (( CURRENT == 2 )); then
        _describe 'command' commands
        return
    fi
    local scenario='*:scenario:{_alternative "scenarios:embedded scenario:(%s)" "files:file:_files"}'
    case $words[2] in
`, strings.Join(scenarios.Names(), " "))
	for _, c := range cmds {
		fmt.Fprintf(w, "        %s) _arguments", c.name)
		for _, f := range c.flags {
			spec := "--" + f.name
			if f.short != "" {
				spec = "{-" + f.short + ",--" + f.name + "}"
			}
			arg := ""
			switch {
			case f.values != nil:
				arg = ":format:(" + strings.Join(f.values, " ") + ")"
			case f.file:
				arg = ":file:_files"
			case f.takesValue:
				arg = ":" + f.name + ":"
			}
			fmt.Fprintf(w, " \\\n            %s'[%s]%s'", spec, zshQuote(f.usage), arg)
		}
		switch {
		case c.name == "completion":
			fmt.Fprint(w, " \\\n            '1:shell:(bash zsh fish)'")
		case c.scenario:
			fmt.Fprint(w, " \\\n            \"$scenario\"")
		case c.lesson:
			fmt.Fprintf(w, " \\\n            '1:lesson:(%s)'", lessonNames())
		case c.name == "equilibria":
			fmt.Fprint(w, " \\\n            '1:game:_files -g \"*.nfg\"'")
		}
		fmt.Fprint(w, " ;;\n")
	}
	fmt.Fprint(w, "    esac\n}\ncompdef _parley parley\n")
}

// fishQuote quotes a string for fish, in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFish(w io.Writer, cmds []completionCommand) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprint(w, "# fish completion for parley; install as ~/.config/fish/completions/parley.fish\ncomplete -c parley -f\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c parley -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.short))
	}
	for _, c := range cmds {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range c.flags {
			line := "complete -c parley -n " + cond + " -l " + f.name
			if f.short != "" {
				line += " -s " + f.short
			}
			switch {
			case f.values != nil:
				line += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case f.file:
				line += " -r -F"
			case f.takesValue:
				line += " -x"
			}
			fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(f.usage))
		}
		switch {
		case c.name == "completion":
			fmt.Fprintf(w, "complete -c parley -n %s -a 'bash zsh fish'\n", cond)
		case c.scenario:
			fmt.Fprintf(w, "complete -c parley -n %s -a %s -F\n", cond, fishQuote(strings.Join(scenarios.Names(), " ")))
		case c.lesson:
			fmt.Fprintf(w, "complete -c parley -n %s -a %s\n", cond, fishQuote(lessonNames()))
		default:
			fmt.Fprintf(w, "complete -c parley -n %s -F\n", cond)
		}
	}
}
