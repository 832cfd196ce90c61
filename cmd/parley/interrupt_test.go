//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childArgs is the environment variable that makes the test binary run
// parley with its value, the arguments one per line.
const childArgs = "PARLEY_TEST_CHILD_ARGS"

// TestInterruptKeepsWork sends SIGINT and SIGTERM to real parley
// processes in the middle of long runs and checks that each prints (or
// writes to --out) the result so far, marked partial with its episode
// count, and exits 130 or 143 (issue #13, failure 8: Ctrl-C exited 1
// with "interrupted; nothing written").
func TestInterruptKeepsWork(t *testing.T) {
	out := filepath.Join(t.TempDir(), "compare.json")
	tests := []struct {
		name   string
		signal syscall.Signal
		args   []string
		code   int
		json   func(data []byte) (episodes int64, partial bool, err error)
		file   string // where the result goes, "" for standard output
	}{
		{"run SIGINT", syscall.SIGINT, []string{"run", "muscat", "--episodes", "1000000000", "--format", "json"}, 130, topLevel, ""},
		{"compare SIGTERM --out", syscall.SIGTERM, []string{"compare", "muscat", "--episodes", "1000000000",
			"--versus", "us=hold-out/fixed", "--format", "json", "--out", out}, 143, topLevel, out},
		{"game SIGINT", syscall.SIGINT, []string{"game", "muscat", "--episodes", "40000000", "--bootstrap", "0", "--format", "json",
			"--strategies", "iran=step-by-step/boulware,interim-first/boulware", "--strategies", "us=interim-first/conceder,comprehensive-only/conceder"}, 130, inGame, ""}, // 4 cells: a block of 64 would not end within the first second on a loaded machine
		{"run SIGTERM table", syscall.SIGTERM, []string{"run", "rubinstein", "--episodes", "1000000000"}, 143, nil, ""},
		{"backtest SIGINT", syscall.SIGINT, []string{"backtest", "jpoa-2013", "--episodes", "1000000000"}, 130, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := interruptChild(t, tt.signal, tt.args)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if tt.args[0] == "backtest" { // keeps nothing yet, but says so and exits as the others do
				if stdout != "" || !strings.Contains(stderr, "interrupted (SIGINT) before a result; nothing written") {
					t.Errorf("stdout %q, stderr %q", stdout, stderr)
				}
				return
			}
			if !strings.Contains(stderr, "marked partial, holds the first ") {
				t.Errorf("stderr %q does not say what the result holds", stderr)
			}
			data := []byte(stdout)
			if tt.file != "" {
				if stdout != "" {
					t.Errorf("stdout %q; want the result in %s only", stdout, tt.file)
				}
				var err error
				if data, err = os.ReadFile(tt.file); err != nil {
					t.Fatal(err)
				}
			}
			if tt.json == nil {
				if first, _, _ := strings.Cut(stdout, "\n"); !strings.HasSuffix(first, partialMark) {
					t.Errorf("table title %q; want it to end %q", first, partialMark)
				}
				return
			}
			episodes, partial, err := tt.json(data)
			// Whole blocks of 256 episodes (sim's blockSize) are kept, and
			// none of the 10⁹ could have been played in the time given.
			if err != nil || !partial || episodes <= 0 || episodes%256 != 0 || episodes >= 40000000 {
				t.Errorf("episodes %d, partial %v, %v; want a partial result of whole blocks", episodes, partial, err)
			}
		})
	}
}

// interruptChild runs parley with args in a child process, sends it sig
// once it is under way and returns what it printed and its exit status.
// A child the signal killed before parley was listening is run again
// with a longer wait.
func interruptChild(t *testing.T, sig syscall.Signal, args []string) (stdout, stderr string, code int) {
	t.Helper()
	for _, wait := range []time.Duration{time.Second, 3 * time.Second, 8 * time.Second} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\n"))
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("parley %s did not stop within 30 s of %v", strings.Join(args, " "), sig)
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signaled() {
			continue // killed before it was listening
		}
		return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
	}
	t.Fatalf("parley %s was killed by %v every time, never caught it", strings.Join(args, " "), sig)
	return "", "", 0
}

// topLevel reads the episodes and partial fields of run's and compare's JSON.
func topLevel(data []byte) (int64, bool, error) {
	var r struct {
		Episodes int64 `json:"episodes"`
		Partial  bool  `json:"partial"`
	}
	err := json.Unmarshal(data, &r)
	return r.Episodes, r.Partial, err
}

// inGame reads them from game's JSON.
func inGame(data []byte) (int64, bool, error) {
	var g struct {
		Game struct {
			Episodes int64 `json:"episodes"`
			Partial  bool  `json:"partial"`
		} `json:"game"`
	}
	err := json.Unmarshal(data, &g)
	return g.Game.Episodes, g.Game.Partial, err
}
