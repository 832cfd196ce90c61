// Package history reads back-test histories: what happened in a
// negotiation and in which round, to compare with what a scenario's model
// says. A history file is YAML (docs/history-format.md):
//
//	scenario: jpoa-2013
//	start: 2013-08
//	observed: 72
//	events:
//	  - {kind: interim, round: 4, date: 2013-11, note: "JPOA agreed [S2]"}
//	state: collapsed
//
// Parse reads and validates a file, reporting every problem as
// FILE:LINE:COL: FIELD: what is wrong; what is valid. Check matches a
// history against the scenario it is compared with, and Rates pools
// several histories into the naive reference forecast that back-tests are
// scored against. The package never prints.
package history
