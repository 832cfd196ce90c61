package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/parley-sim/parley/internal/suggest"
	"github.com/parley-sim/parley/internal/text"
	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// stdinName is what errors call a scenario read from standard input.
const stdinName = "<stdin>"

// loadScenario loads an embedded scenario by name, a scenario file by
// path, or with - the scenario on standard input (whose extends are
// relative to the working directory).
func (e *env) loadScenario(arg string) (*model.Scenario, error) {
	return e.loadScenarioAt(arg, 0)
}

// loadScenarioAt is loadScenario with the horizon --horizon sets (0 for
// the scenario's): the scenario is checked as if its file said so, so
// that --horizon 1 is refused where horizon: 1 would be.
func (e *env) loadScenarioAt(arg string, horizon int) (*model.Scenario, error) {
	src, resolve, err := e.source(arg)
	if err != nil {
		return nil, err
	}
	s, err := model.LoadWithHorizon(src, resolve, horizon)
	if err != nil && horizon != 0 {
		if plain, perr := model.Load(src, resolve); perr == nil {
			return nil, usagef("--horizon %d: %s does not fit in %s; its file with horizon: %d would be refused for:\n%v",
				horizon, plain.Name, text.Count(horizon, plain.Round), horizon, err)
		}
	}
	return s, err
}

// scenarioFile is what a scenario argument or extends should name.
const scenarioFile = "a scenario file"

// source finds the scenario arg names, and how to resolve its extends.
func (e *env) source(arg string) (model.Source, model.Resolver, error) {
	if src, ok := scenarios.Source(arg); ok {
		return src, scenarios.Resolve, nil
	}
	if arg == stdioName {
		src, err := e.readStdin()
		return src, resolveFile, err
	}
	src, err := readSource(arg, scenarioFile)
	if errors.Is(err, fs.ErrNotExist) {
		return src, nil, notFound(arg, err)
	}
	return src, resolveFile, err
}

// notFound explains a scenario argument that is neither an embedded
// scenario nor a file: the near embedded name, or for a missing NAME.yaml
// whose NAME is embedded, that it is.
func notFound(arg string, err error) error {
	if scenarios.IsName(arg) {
		return fmt.Errorf("%s: no embedded scenario or file of that name; embedded scenarios: %s%s",
			arg, strings.Join(scenarios.Names(), ", "), suggest.Hint(arg, scenarios.Names()))
	}
	if name, ok := strings.CutSuffix(filepath.Base(arg), ".yaml"); ok {
		if _, embedded := scenarios.Source(name); embedded {
			return fmt.Errorf("%w; %s is also the name of an embedded scenario: give it without .yaml to use it", err, name)
		}
	}
	// A misspelled file: the nearest scenario file beside where it would be.
	dir := filepath.Dir(arg)
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	if near, ok := suggest.Closest(filepath.Base(arg), names); ok {
		return fmt.Errorf("%w; did you mean %s?", err, filepath.Join(dir, near))
	}
	return err
}

// loadScenarioArg loads the scenario a command's optional SCENARIO|FILE
// argument names, the default scenario when there is none.
func (e *env) loadScenarioArg(args []string) (*model.Scenario, error) {
	return e.loadScenarioArgAt(args, 0)
}

// loadScenarioArgAt is loadScenarioArg with the horizon --horizon sets,
// as loadScenarioAt takes it.
func (e *env) loadScenarioArgAt(args []string, horizon int) (*model.Scenario, error) {
	switch len(args) {
	case 0:
		return e.loadScenarioAt(scenarios.Default, horizon)
	case 1:
		return e.loadScenarioAt(args[0], horizon)
	}
	return nil, usagef("want at most one SCENARIO or FILE, got %d arguments", len(args))
}

// readSource reads a scenario file, refusing to read more than
// model.MaxFileSize+1 bytes of it (the loader reports it as too large)
// and anything but a regular file (see openRegular); what names what the
// file should be, "a scenario file" or "a history file", for the message.
func readSource(path, what string) (model.Source, error) {
	f, err := openRegular(path, what)
	if err != nil {
		return model.Source{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.MaxFileSize+1))
	if err != nil {
		return model.Source{}, fmt.Errorf("%s: %w", path, pathError(err))
	}
	return model.Source{Name: path, Data: data}, nil
}

// openRegular opens a file to read, refusing anything but a regular file
// with a message saying it wants what: a FIFO or a terminal would block
// the read forever, a device like /dev/zero never ends.
func openRegular(path, what string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0) // opening a FIFO does not wait for a writer
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", path, pathError(err))
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = fmt.Errorf("%s: %s; want %s", path, fileKind(info.Mode()), what)
	} else if err != nil {
		err = fmt.Errorf("%s: cannot read: %w", path, pathError(err))
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readStdin reads the scenario on standard input, once however many
// arguments name it, refusing more than model.MaxFileSize+1 bytes.
func (e *env) readStdin() (model.Source, error) {
	if e.input == nil {
		data, err := io.ReadAll(io.LimitReader(e.stdin, model.MaxFileSize+1))
		if err != nil {
			return model.Source{}, fmt.Errorf("%s: %w", stdinName, err)
		}
		e.input = &model.Source{Name: stdinName, Data: data}
	}
	return *e.input, nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// resolveFile finds what a file's extends names: an embedded scenario when
// the reference is a bare name, otherwise a file in the folder of the
// file that names it, or below, the path relative to that folder. A path
// outside the folder is refused, so that a scenario received from
// someone else cannot read the reader's other files; a symbolic link
// made in the folder is how to allow one.
func resolveFile(ref, from string) (model.Source, error) {
	if scenarios.IsName(ref) {
		return scenarios.Resolve(ref, from)
	}
	dir := filepath.Dir(from)
	path := ref
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	if !inside(path, dir) {
		return model.Source{}, fmt.Errorf("%s is outside the folder of %s; want a file in that folder or below (to use this one, copy it there or link to it from there with ln -s)",
			ref, from)
	}
	src, err := readSource(path, scenarioFile)
	if name := strings.TrimSuffix(filepath.Base(path), ".yaml"); err != nil && name != filepath.Base(path) {
		if _, embedded := scenarios.Source(name); embedded {
			err = fmt.Errorf("%w (for the embedded scenario, write extends: %s)", err, name)
		}
	}
	return src, err
}

// inside reports whether path lies in the folder dir or below it, as
// written: symbolic links are not followed.
func inside(path, dir string) bool {
	absPath, err1 := filepath.Abs(path)
	absDir, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absPath)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
