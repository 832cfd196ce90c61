package history

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-sim/parley/model"
)

// Check reports whether h can be compared with scenario s played to
// horizon rounds: the same start, no more rounds observed than played, a
// state only once the horizon is observed and one of outcomes (the
// outcome classes), and, with monthly rounds, each event's round matching
// its date. Its error is a model.ErrorList located in h's file.
func (h *History) Check(s *model.Scenario, horizon int, outcomes []string) error {
	var errs model.ErrorList
	at := func(field string, p Pos, format string, args ...any) {
		errs = append(errs, &model.Error{File: h.File, Line: p.Line, Column: p.Column, Path: field, Msg: fmt.Sprintf(format, args...)})
	}
	if h.Start != "" && s.Start != "" && h.Start != s.Start {
		at("start", h.pos["start"], "%s, but scenario %s starts in %s; a history starts at its scenario's round 1", h.Start, s.Name, s.Start)
	}
	if h.Observed > horizon {
		at("observed", h.pos["observed"], "%d rounds, beyond the %d rounds played; want at most %d (or a longer --horizon)", h.Observed, horizon, horizon)
	}
	if h.State != "" {
		switch {
		case !slices.Contains(outcomes, h.State):
			at("state", h.pos["state"], "%q is not an outcome class; want one of %s", h.State, strings.Join(outcomes, ", "))
		case h.Observed != horizon:
			at("state", h.pos["state"], "the outcome at the horizon (round %d), but %d rounds are observed; leave state out until the horizon is observed", horizon, h.Observed)
		}
	}
	start := s.Start
	if start == "" {
		start = h.Start
	}
	if s.Round == "month" && start != "" && (h.Start == "" || h.Start == start) {
		for i, e := range h.Events {
			if e.Date == "" {
				continue
			}
			if want := months(start, e.Date) + 1; want != e.Round {
				at(fmt.Sprintf("events[%d].round", i), e.At, "round %d, but %s is round %d of a scenario that starts in %s; want %d", e.Round, e.Date, want, start, want)
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// months returns the number of months from a to b, both YYYY-MM.
func months(a, b string) int {
	return monthIndex(b) - monthIndex(a)
}

func monthIndex(m string) int {
	y, _ := strconv.Atoi(m[:4])
	mo, _ := strconv.Atoi(m[5:])
	return 12*y + mo - 1
}
