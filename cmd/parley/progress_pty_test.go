//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-sim/parley/sim"
)

// screen collects what a program writes to a pseudo-terminal.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	done chan struct{}
}

// watch reads p's master until p's terminal side is closed.
func watch(p pty) *screen {
	s := &screen{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		b := make([]byte, 4096)
		for {
			n, err := p.master.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s
}

// String returns what was written so far.
func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits up to 10 s for what was written to contain want.
func (s *screen) waitFor(want string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(s.String(), want) {
			return true
		}
	}
	return false
}

// closed closes p's terminal side and returns all that was written.
func (s *screen) closed(p pty) string {
	p.tty.Close()
	<-s.done
	return s.String()
}

// eraseLine is what the bar writes to erase its line: the cursor up a
// line, the screen cleared below it.
const eraseLine = "\x1b[1A\x1b[J"

// withProgressDelay sets progressDelay for the test, and a refresh of
// 10 ms.
func withProgressDelay(t *testing.T, d time.Duration) {
	delay, refresh := progressDelay, progressRefresh
	progressDelay, progressRefresh = d, 10*time.Millisecond
	t.Cleanup(func() { progressDelay, progressRefresh = delay, refresh })
}

// TestProgressBarOnTerminal checks the bar on a pseudo-terminal: it
// shows the count, the percentage, the rate and the time left, and its
// hide erases it (cursor up, clear below) as the last thing written.
func TestProgressBarOnTerminal(t *testing.T) {
	withProgressDelay(t, 0)
	p := openPty(t, 100)
	s := watch(p)
	e := &env{stderr: p.tty}
	var cfg sim.Config
	hide := e.showProgress(&cfg, "episodes")
	if cfg.Progress == nil {
		t.Fatal("no Progress set for a terminal")
	}
	cfg.Progress(512, 2000)
	if !s.waitFor("512/2000 episodes") {
		t.Fatalf("no bar after 10 s; the terminal shows %q", s.String())
	}
	hide()
	out := s.closed(p)
	line := out[strings.LastIndex(out, "512/2000"):]
	for _, want := range []string{"26%", "/s", "ETA "} { // 512/2000 = 25.6%
		if !strings.Contains(line, want) {
			t.Errorf("the bar %q lacks %q", line, want)
		}
	}
	if !strings.HasSuffix(out, eraseLine) {
		t.Errorf("the terminal's last bytes are %q; want the bar erased, %q", out[max(0, len(out)-40):], eraseLine)
	}
}

// TestProgressBarDelay checks that a run shorter than the delay writes
// nothing to the terminal, so that short runs never flash a bar.
func TestProgressBarDelay(t *testing.T) {
	withProgressDelay(t, time.Hour)
	p := openPty(t, 100)
	s := watch(p)
	e := &env{stderr: p.tty}
	var cfg sim.Config
	hide := e.showProgress(&cfg, "episodes")
	for done := int64(256); done <= 2000; done += 256 {
		cfg.Progress(done, 2000)
		time.Sleep(20 * time.Millisecond) // two refreshes
	}
	cfg.Progress(2000, 2000)
	hide()
	if out := s.closed(p); out != "" {
		t.Errorf("a run shorter than the delay wrote %q to the terminal; want nothing", out)
	}
}

// TestProgressOff checks that no bar is set up for standard error that
// is not a terminal (a buffer, a pipe, a file) or with --quiet.
func TestProgressOff(t *testing.T) {
	withProgressDelay(t, 0)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file, err := os.Create(t.TempDir() + "/stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, c := range []struct {
		name  string
		w     io.Writer
		quiet bool
	}{
		{"buffer", new(bytes.Buffer), false},
		{"pipe", w, false},
		{"file", file, false},
		{"terminal --quiet", openPty(t, 100).tty, true},
	} {
		e := &env{stderr: c.w, quiet: c.quiet}
		var cfg sim.Config
		e.showProgress(&cfg, "episodes")()
		if cfg.Progress != nil {
			t.Errorf("%s: a Progress is set; want none", c.name)
		}
	}
}

// TestRunProgress runs parley run with standard error on a terminal: the
// bar appears, is erased before the command returns, and the result on
// standard output is byte-identical to that of the same run with
// standard error a buffer, and to that of the run with --quiet, which
// writes nothing to the terminal.
func TestRunProgress(t *testing.T) {
	withProgressDelay(t, 0)
	// 20000 episodes on one worker take 76 ms or more at 3.8 µs an
	// episode (docs/performance.md): seven refreshes of the bar or more.
	args := []string{"run", "muscat", "--episodes", "20000", "--workers", "1", "--format", "json"}
	var plain, stderr bytes.Buffer
	if code := run(args, &plain, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, c := range []struct {
		name  string
		extra []string
		bar   bool
	}{
		{"terminal", nil, true},
		{"terminal --quiet", []string{"--quiet"}, false},
	} {
		p := openPty(t, 100)
		s := watch(p)
		var stdout bytes.Buffer
		code := run(append(args, c.extra...), &stdout, p.tty)
		out := s.closed(p)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %q", c.name, code, out)
		}
		if stdout.String() != plain.String() {
			t.Errorf("%s: the result differs from the one with standard error a buffer", c.name)
		}
		switch {
		case c.bar && (!strings.Contains(out, "/20000 episodes") || !strings.HasSuffix(out, eraseLine)):
			t.Errorf("%s: the terminal shows %q; want a bar of 20000 episodes, erased at the end", c.name, out)
		case !c.bar && out != "":
			t.Errorf("%s: the terminal shows %q; want nothing", c.name, out)
		}
	}
}
