package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
)

var serveCmd = &command{
	name:  "serve",
	short: "serve the classroom page: sliders, outcomes, frontier, one episode",
	long: `Serve a classroom page on --addr, embedded in the binary: a student picks a
scenario, moves sliders for the inputs that matter (each side's patience and
fallback, guarantees, the mediator's credibility, the strike hazard, …) and
each side's strategy for two settings side by side, and sees within about a
second the outcome distribution of both with 95% intervals and their paired
differences (common random numbers), the Pareto frontier and the ZOPA with
the Nash and Kalai–Smorodinsky points, and one episode of each setting told
round by round, its offers walking across the utility plane. Every picture
shows the parley command that reproduces its numbers exactly.

Requests are bounded so that a class on one laptop does not exhaust it: at
most ` + fmt.Sprint(serveMaxEpisodes) + ` episodes, one computation per CPU at a time (the others
queue), ` + serveTimeout.String() + ` per request; a slider moved again cancels the computation it
supersedes. Only embedded scenarios are served. Ctrl-C stops the server,
letting the requests in flight finish. docs/classroom.md describes the page.`,
	examples: []string{
		"parley serve",
		"parley serve --addr 127.0.0.1:9000",
		"parley serve --addr :8080      # every interface: the class's laptops too",
	},
	flags: func(fs *pflag.FlagSet) any {
		o := &serveOptions{}
		fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the `HOST:PORT` to listen on; port 0 picks a free one")
		return o
	},
	run: runServe,
}

type serveOptions struct {
	addr string
}

// shutdownGrace is how long a stopped server lets requests in flight finish.
const shutdownGrace = 5 * time.Second

func runServe(e *env, opts any, args []string) error {
	o := opts.(*serveOptions)
	if len(args) > 0 {
		return usagef("takes no arguments, got %q; pick the scenario on the page", args)
	}
	ln, err := listen(o.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           newClassroom(),
		ReadHeaderTimeout: 5 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(e.stderr, "parley: serving the classroom page at http://%s/ (Ctrl-C stops)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	stop() // a second Ctrl-C kills at once
	fmt.Fprintln(e.stderr, "parley: stopping; letting the requests in flight finish")
	shut, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// listen listens on --addr. An empty address is refused: net.Listen
// would take it for a free port on every interface, so that a --addr
// "$ADDR" left unset would serve the class's network unasked.
func listen(addr string) (net.Listener, error) {
	if strings.TrimSpace(addr) == "" {
		return nil, usagef("--addr %q: no address; want HOST:PORT, e.g. 127.0.0.1:8080, or :PORT for every interface", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, usagef("--addr %s: %v; want HOST:PORT free to listen on, e.g. 127.0.0.1:8080", addr, err)
	}
	return ln, nil
}
