package model

import (
	"fmt"
	"strings"
)

// Error is one problem in a scenario file: where it is and what is wrong.
type Error struct {
	File   string // the file's name as the user gave it
	Line   int    // 1-based line, 0 when unknown
	Column int    // 1-based column, 0 when unknown
	Path   string // dotted field path, e.g. actors.iran.discount; empty for the whole file
	Msg    string // what is wrong and what would be valid
}

// Error formats the problem as FILE:LINE:COL: PATH: MSG.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in a scenario, in file order.
type ErrorList []*Error

// Error joins the problems one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors, for errors.As and errors.Is.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
