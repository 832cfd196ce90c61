package main

import (
	"context"
	"errors"
	"strings"

	"github.com/parley-sim/parley/model"
)

// serveRecent is how many finished results a classroom keeps for
// requests that ask again: a class's worth of distinct settings.
const serveRecent = 64

// A flight is one computation, which every identical request shares:
// done is closed when val and err are set.
type flight struct {
	done chan struct{}
	val  any
	err  error
}

// shared returns what f computes for key: a result kept from an earlier
// request of the same key, or the one a request in flight computes,
// waited for, or else f's own, run in a slot (waiting for one in turn).
// Equal keys must give equal results: a key is the command line that
// reproduces them, which fixes them bit for bit. When the request that
// computes leaves before its end, a request still waiting computes
// again; ctx ends this request's waiting and, for the request that
// computes, f.
func (c *classroom) shared(ctx context.Context, key string, f func(context.Context) (any, error)) (any, error) {
	for {
		c.mu.Lock()
		if v, ok := c.recent[key]; ok {
			c.mu.Unlock()
			return v, nil
		}
		if fl, ok := c.flights[key]; ok {
			c.mu.Unlock()
			select {
			case <-fl.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if fl.err != nil && isContextError(fl.err) && ctx.Err() == nil {
				continue // its client left; this one is still here
			}
			return fl.val, fl.err
		}
		fl := &flight{done: make(chan struct{})}
		c.flights[key] = fl
		c.mu.Unlock()

		fl.val, fl.err = c.inSlot(ctx, f)
		c.mu.Lock()
		delete(c.flights, key)
		if fl.err == nil {
			c.keep(key, fl.val)
		}
		c.mu.Unlock()
		close(fl.done)
		return fl.val, fl.err
	}
}

// inSlot runs f once a slot is free, or returns ctx's error first.
func (c *classroom) inSlot(ctx context.Context, f func(context.Context) (any, error)) (any, error) {
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.slots }()
	c.computed.Add(1)
	return f(ctx)
}

// keep remembers a result, forgetting the oldest beyond serveRecent.
// The caller holds c.mu.
func (c *classroom) keep(key string, v any) {
	c.recent[key] = v
	c.order = append(c.order, key)
	if len(c.order) > serveRecent {
		delete(c.recent, c.order[0])
		c.order = c.order[1:]
	}
}

// A derivation is a scenario with fields set, as a key: the scenario it
// is derived from and the canonical --set values, one a line.
type derivation struct {
	from *model.Scenario
	sets string
}

// withSets returns s with the fields specs set, as withSets does, kept
// for the requests that set the same (a setting's comparison, structure
// and episode each need it; model.Scenario.With parses the scenario
// again, the costliest part of a request after the episodes). specs are
// canonical: canonicalSets wrote them.
func (c *classroom) withSets(s *model.Scenario, flag string, specs []string) (*model.Scenario, error) {
	if len(specs) == 0 {
		return s, nil
	}
	key := derivation{s, strings.Join(specs, "\n")}
	c.mu.Lock()
	w, ok := c.derived[key]
	c.mu.Unlock()
	if ok {
		return w, nil
	}
	w, err := withSets(s, flag, specs)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.derived) >= serveRecent {
		clear(c.derived) // a class's settings since: they come back in one computation each
	}
	c.derived[key] = w
	c.mu.Unlock()
	return w, nil
}

// isContextError reports whether err is a context's end.
func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
