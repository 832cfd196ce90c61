package history

import "fmt"

// Kind is a kind of milestone a history records.
type Kind uint8

// The milestones, in the order reports list them.
const (
	Interim       Kind = iota // an interim deal is agreed
	Comprehensive             // a comprehensive deal is agreed
	Collapse                  // a deal in force is reneged on or voided
	WalkAway                  // a side walks away from the talks
	Strike                    // a military strike opens a conflict
	Resumption                // talks resume after a strike
	NumKinds                  // the number of kinds
)

var kindNames = [NumKinds]string{"interim", "comprehensive", "collapse", "walkaway", "strike", "resumption"}

// String returns the kind's name as history files write it.
func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Kinds returns every kind in report order.
func Kinds() []Kind {
	ks := make([]Kind, NumKinds)
	for k := range ks {
		ks[k] = Kind(k)
	}
	return ks
}

// KindNames returns the kinds' names in report order.
func KindNames() []string { return kindNames[:] }

// ParseKind returns the kind of that name.
func ParseKind(name string) (Kind, bool) {
	for k, n := range kindNames {
		if n == name {
			return Kind(k), true
		}
	}
	return 0, false
}

// Pos is where a value stands in its file.
type Pos struct {
	Line, Column int // 1-based; 0 when unknown
}

// Event is one thing that happened.
type Event struct {
	Kind  Kind
	Round int    // the round it happened in, 1 for the scenario's first
	Date  string // calendar month, YYYY-MM; may be empty
	Note  string // what happened, with its source
	At    Pos    // the event's place in the file
}

// History is what happened from a scenario's start to the last round
// observed.
type History struct {
	File        string  // the file's name as given
	Scenario    string  // the scenario it is the history of
	Description string  // what it covers and where it comes from
	Start       string  // calendar month of round 1, YYYY-MM; may be empty
	Observed    int     // rounds observed: events after it are unknown
	Events      []Event // in order of round
	State       string  // the outcome class at the scenario's horizon; empty when the horizon is not yet observed
	StateNote   string  // why that class

	pos map[string]Pos // where each top-level field is, for Check's errors
}

// First returns the first event of kind k, and whether there is one.
func (h *History) First(k Kind) (Event, bool) {
	for _, e := range h.Events {
		if e.Kind == k {
			return e, true
		}
	}
	return Event{}, false
}
