package nfg

import "fmt"

// Error is one problem in a .nfg file: where it is and what is wrong.
type Error struct {
	File   string // the name given to Read
	Line   int    // 1-based line, 0 when the problem concerns the whole file
	Column int    // 1-based column in characters, 0 when Line is 0
	Msg    string // what was found and what was expected
}

// Error formats the problem as FILE:LINE:COL: MSG, or FILE: MSG when it
// has no position.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}
