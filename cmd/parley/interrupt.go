package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/parley-sim/parley/internal/text"
)

// interruptible returns a context that the first SIGINT (Ctrl-C) or
// SIGTERM cancels with an *interruption as its cause, so that a long
// computation stops cleanly and keeps what it has done; once it has, a
// second signal kills the process as usual. Call stop when done.
func interruptible() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer signal.Stop(signals)
		select {
		case s := <-signals:
			cancel(&interruption{signal: s.(syscall.Signal)})
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(nil) }
}

// An interruption is the signal that stopped a command, and what of its
// work the command kept in its result.
type interruption struct {
	signal syscall.Signal
	kept   string // e.g. "the first 2560 episodes of 40000"; "" when nothing was kept
}

// Error says what stopped the command and what its result holds.
func (i *interruption) Error() string {
	name := map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[i.signal]
	if i.kept == "" {
		return fmt.Sprintf("interrupted (%s) before a result; nothing written", name)
	}
	return fmt.Sprintf("interrupted (%s); the result, marked partial, holds %s", name, i.kept)
}

// exitCode is 128 plus the signal's number, as a shell reports a process
// the signal ended: 130 for SIGINT, 143 for SIGTERM.
func (i *interruption) exitCode() int { return 128 + int(i.signal) }

// interrupted returns err, or when a signal cancelled ctx, the
// interruption with what the result kept ("" for nothing).
func interrupted(ctx context.Context, err error, kept string) error {
	var i *interruption
	if errors.As(context.Cause(ctx), &i) {
		return &interruption{signal: i.signal, kept: kept}
	}
	return err
}

// keptWork reports whether err is an interruption after which the command
// has a partial result to write.
func keptWork(err error) bool {
	var i *interruption
	return errors.As(err, &i) && i.kept != ""
}

// firstOf says how many of the episodes asked for a partial result holds.
func firstOf(played int64, asked int, noun string) string {
	if int(played) == asked {
		return "all " + text.Count(asked, noun)
	}
	return fmt.Sprintf("the first %s of %d", text.Count(int(played), noun), asked)
}
