package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/model"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran and found a problem
	exitUsage = 2 // the command line was wrong
)

// command is one parley subcommand.
type command struct {
	name     string
	args     string // the positional arguments, for the usage line
	short    string // one line for the command list
	long     string // a paragraph for --help
	examples []string
	flags    func(fs *pflag.FlagSet) any // declares the flags, returns the options they fill
	run      func(env *env, opts any, args []string) error
	// writes says the command writes a result on standard output, which
	// --out, declared for it, redirects to a file.
	writes bool
	// fits says its table format fits a width: --width, declared for it,
	// or the terminal's.
	fits bool
	// plays says it plays many episodes and shows their progress on a
	// terminal, which --quiet, declared for it, turns off.
	plays bool
}

// layout is how a result in format is laid out: in e.width columns.
func (e *env) layout(format string) layout { return layout{format, e.width} }

// env is what a command writes to. A command writes its result to stdout,
// a buffer the caller sends to standard output or to the --out file once
// the command has succeeded, and may add files to write with it.
type env struct {
	stdin  io.Reader // read once, for a scenario given as -
	input  *model.Source
	stdout *bytes.Buffer
	stderr io.Writer
	out    string       // the --out file, "" or "-" for standard output
	width  int          // the columns text output fits
	quiet  bool         // --quiet: no progress bar
	files  []outputFile // written atomically, all or none, with the result
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

// Error returns the message without the command's name.
func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errReported is an error already reported in full: exit status 1, nothing more printed.
var errReported = errors.New("reported")

var commands []*command

func init() {
	commands = []*command{runCmd, compareCmd, sweepCmd, discoverCmd, gameCmd, mergeCmd, backtestCmd, explainCmd, traceCmd, scenariosCmd, lessonsCmd, showCmd, validateCmd, equilibriaCmd, serveCmd, completionCmd, versionCmd}
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commandNames returns the commands' names, in the list's order.
func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// flagHint suggests the flag an unknown one was probably meant to be.
func flagHint(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if hint := suggest.Hint(name, names); hint != "" {
		return strings.Replace(hint, "mean ", "mean --", 1)
	}
	return ""
}

// run runs the command line args and returns the exit status. A failed
// write to standard output is an error in every command, --help
// included: the output the user asked for is lost.
func run(args []string, stdout, stderr io.Writer) int {
	return runStdin(args, os.Stdin, stdout, stderr)
}

// runStdin is run reading a scenario given as - from stdin.
func runStdin(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	code := dispatch(args, stdin, out, stderr)
	if out.err != nil {
		fmt.Fprintf(stderr, "parley: cannot write to standard output: %v\n", out.err)
		return max(code, exitFail)
	}
	return code
}

// A checkedWriter keeps the first error of the writer it wraps and
// writes nothing after it.
type checkedWriter struct {
	w   io.Writer
	err error
}

// Write writes p, or returns the first error again.
func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.err = err
	return n, err
}

// dispatch runs a command and reports its error, except a failed write
// to stdout, which run reports.
func dispatch(args []string, stdin io.Reader, stdout *checkedWriter, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: new(bytes.Buffer), stderr: stderr}
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	if args[0] == "help" && len(args) == 1 || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		return exitOK
	}
	name, rest := args[0], args[1:]
	if name == "help" {
		name, rest = args[1], []string{"--help"}
	}
	c := lookupCommand(name)
	if c == nil {
		fmt.Fprintf(stderr, "parley: unknown command %q%s\nrun 'parley --help' for the list\n", name, suggest.Hint(name, commandNames()))
		return exitUsage
	}
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	var opts any
	if c.flags != nil {
		opts = c.flags(fs)
	}
	var out string
	if c.writes {
		outFlag(fs, &out)
	}
	var width int
	if c.fits {
		widthFlag(fs, &width)
	}
	if c.plays {
		quietFlag(fs, &e.quiet)
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printCommandHelp(stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "parley %s: %v%s\nrun 'parley %s --help' for usage\n", c.name, err, flagHint(fs, err), c.name)
		return exitUsage
	}
	e.out = out
	err := checkOutput("--out", out)
	if err == nil {
		e.width, err = resolveWidth(width, stdout.w, e.toFile())
	}
	if err == nil {
		err = c.run(e, opts, fs.Args())
	}
	if err == nil || errors.Is(err, errReported) || keptWork(err) {
		if werr := e.emit(stdout); werr != nil {
			err = werr
		}
	}
	var ue *usageError
	var intr *interruption
	switch {
	case err == nil:
		return exitOK
	case stdout.err != nil:
		return exitFail
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "parley %s: %s\nrun 'parley %s --help' for usage\n", c.name, ue.msg, c.name)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFail
	case errors.As(err, &intr):
		fmt.Fprintf(stderr, "parley %s: %v\n", c.name, intr)
		return intr.exitCode()
	case errors.As(err, new(model.ErrorList)):
		printErrors(stderr, err) // one located error per line, as validate prints them
		return exitFail
	default:
		printErrors(stderr, err)
		return exitFail
	}
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `Parley simulates hard negotiations — interim versus comprehensive deals,
shocks, mediators and domestic ratification — and estimates how they end.

Usage:
  parley COMMAND [ARGUMENTS] [FLAGS]

Commands:
`)
	pad := 0
	for _, c := range commands {
		pad = max(pad, len(c.name)+1)
	}
	for _, c := range commands {
		fmt.Fprintf(w, "  %-*s %s\n", pad, c.name, c.short)
	}
	fmt.Fprint(w, `
A SCENARIO is the name of an embedded scenario (see 'parley scenarios'),
the path of a scenario file, or - for one on standard input.

Examples:
  parley explain muscat
  parley run
  parley run muscat --strategy iran=comprehensive-only/boulware
  parley compare muscat --versus us=comprehensive-only/conceder
  parley trace muscat --seed 1
  parley game muscat
  parley backtest jpoa-2013
  parley scenarios
  parley lessons patience
  parley show muscat
  parley validate my-scenario.yaml
  parley equilibria game.nfg
  parley completion bash
  parley --version

Run 'parley COMMAND --help' for a command's flags and examples.
`)
	fmt.Fprintln(w, glossaryLine)
}

// glossaryPath is the glossary of the terms parley uses, relative to the
// repository's root.
const glossaryPath = "docs/glossary.md"

// glossaryLine ends every command's help.
var glossaryLine = "Terms (aspiration, ZOPA, Pareto frontier, …) are defined in " + glossaryPath + "."

// helpWidth is the width --help wraps the flags' descriptions at.
const helpWidth = 80

func printCommandHelp(w io.Writer, c *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage: parley %s", c.name)
	if c.args != "" {
		fmt.Fprintf(w, " %s", c.args)
	}
	fmt.Fprintf(w, " [FLAGS]\n\n%s\n", strings.TrimSpace(c.long))
	fs.Bool("help", false, "show this help")
	fs.Lookup("help").Shorthand = "h"
	fmt.Fprintf(w, "\nFlags:\n%s", strings.ReplaceAll(fs.FlagUsagesWrapped(helpWidth), "[=true|false]", strings.Repeat(" ", len("[=true|false]"))))
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
	}
	fmt.Fprintf(w, "\n%s\n", glossaryLine)
}

// printErrors prints an error, one line per located problem, each line
// starting with "parley: ".
func printErrors(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "parley: %s\n", line)
	}
}
