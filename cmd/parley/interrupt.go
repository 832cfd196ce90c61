package main

import (
	"context"
	"os"
	"os/signal"
)

// interruptible returns a context that the first interrupt (Ctrl-C)
// cancels, so a long computation stops cleanly; once it has, a second
// interrupt kills the process as usual. Call stop when done.
func interruptible() (ctx context.Context, stop context.CancelFunc) {
	ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}
