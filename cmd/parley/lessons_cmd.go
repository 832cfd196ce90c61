package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/docs/lessons"
	"github.com/parley-sim/parley/internal/suggest"
	"github.com/spf13/pflag"
)

var lessonsCmd = &command{
	name:  "lessons",
	args:  "[NUMBER|NAME]",
	short: "list the lessons, or print one",
	long: `Without an argument, list the lessons built into parley: each one's number,
name, title and the question it answers. With a lesson's number or name,
print that lesson, in Markdown: the question, the idea from the literature,
the commands to type and the output they print, what to look for, and two
exercises. The lessons are the pages of docs/lessons/, embedded in the
binary, so a student needs nothing else.

Some lessons run scenario files of their own, under docs/lessons/; --files
writes them there, in the working directory, so that every command of the
lesson runs as printed.`,
	examples: []string{
		"parley lessons",
		"parley lessons 1",
		"parley lessons patience | less",
		"parley lessons zopa --files",
		"parley lessons --format json",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &lessonsOptions{}
		o.format = formatFlag(fs, "table", "csv", "json", "markdown")
		fs.BoolVar(&o.files, "files", false, "with a lesson, also write the scenario files its commands use under "+lessons.Dir+"/")
		return o
	},
	run:    runLessons,
	writes: true,
	fits:   true,
}

type lessonsOptions struct {
	format *outputFormat
	files  bool
}

// printedLesson is `parley lessons NAME --format json`: the lesson and its
// text; its JSON field names are stable.
type printedLesson struct {
	lessons.Lesson
	Text string `json:"text"`
}

func runLessons(e *env, opts any, args []string) error {
	o := opts.(*lessonsOptions)
	switch {
	case len(args) > 1:
		return usagef("want at most one lesson, by NUMBER or NAME, got %d arguments", len(args))
	case len(args) == 0 && o.files:
		return usagef("--files writes a lesson's scenario files; name the lesson: parley lessons NAME --files")
	case len(args) == 0:
		return listLessons(e, o.format.name)
	}
	l, ok := lessons.Find(args[0])
	if !ok {
		return unknownLesson(args[0])
	}
	if o.files {
		if err := e.addLessonFiles(l); err != nil {
			return err
		}
	}
	switch o.format.name {
	case "json":
		return writeJSON(e.stdout, printedLesson{l, l.Text})
	case "csv":
		return usagef("--format csv lists the lessons; a lesson prints as table (its Markdown), markdown or json")
	}
	_, err := e.stdout.WriteString(l.Text)
	return err
}

// listLessons writes the lessons' list in format.
func listLessons(e *env, format string) error {
	list := lessons.All()
	if format == "json" {
		return writeJSON(e.stdout, list)
	}
	t := &table{header: []string{"number", "name", "title", "question"}, meaning: 3}
	for _, l := range list {
		t.rows = append(t.rows, []string{strconv.Itoa(l.Number), l.Name, l.Title, l.Question})
	}
	return t.write(e.stdout, e.layout(format))
}

// unknownLesson says that key names no lesson, and what does.
func unknownLesson(key string) error {
	var names []string
	for _, l := range lessons.All() {
		names = append(names, l.Name)
	}
	return fmt.Errorf("lesson %q: no such lesson; want a number, 1 … %d, or a name: %s%s",
		key, len(names), strings.Join(names, ", "), suggest.Hint(key, names))
}

// addLessonFiles adds the lesson's scenario files to the files the
// command writes, making their folder; a file already there with other
// contents, or that is not a regular file, is an error, not overwritten,
// and so is --out naming one of them.
func (e *env) addLessonFiles(l lessons.Lesson) error {
	paths, contents := l.ScenarioFiles()
	for i, path := range paths {
		if e.toFile() && sameFile(path, e.out) {
			return usagef("--out %s and --files: the same file as the lesson's %s; want the lesson's text elsewhere", e.out, path)
		}
		if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
			return fmt.Errorf("%s: %s, not a scenario file; remove it, or run parley lessons --files in another folder", path, fileKind(info.Mode()))
		}
		old, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(old, contents[i]):
			continue // already there
		case err == nil:
			return fmt.Errorf("%s: already exists, with other contents; remove it, or run parley lessons --files in another folder", path)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: %w", path, pathError(err))
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("%s: cannot make its folder: %w", path, pathError(err))
		}
		e.files = append(e.files, outputFile{path, contents[i]})
		fmt.Fprintf(e.stderr, "parley: writing %s\n", path)
	}
	return nil
}
