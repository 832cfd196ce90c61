//go:build unix

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
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
// count in the table, the JSON and the tidy CSV, and exits 130 or 143
// (issue #13, failure 8: Ctrl-C exited 1 with "interrupted; nothing
// written").
func TestInterruptKeepsWork(t *testing.T) {
	dir := t.TempDir()
	compareOut, sweepOut, shardOut := filepath.Join(dir, "compare.json"), filepath.Join(dir, "sweep.jsonl"), filepath.Join(dir, "shard.json")
	// 4 cells: a block of 64 would not end within the first second on a loaded machine.
	game := []string{"game", "muscat", "--episodes", "40000000", "--bootstrap", "0",
		"--strategies", "iran=step-by-step/boulware,interim-first/boulware", "--strategies", "us=interim-first/conceder,comprehensive-only/conceder"}
	// 1000 points of 5000 episodes: minutes of work, a point in about
	// 0.1 s of CPU, so that a loaded machine finishes some within the
	// wait (100 points of 20000 episodes once finished none there).
	sweep := []string{"sweep", "muscat", "--param", "actors.iran.discount=0.9:0.99:1000", "--episodes", "5000"}
	tests := []struct {
		name   string
		signal syscall.Signal
		args   []string
		code   int
		check  func(data []byte) error // nil: a table, whose title says it is partial
		file   string                  // where the result goes, "" for standard output
		wait   time.Duration           // before the signal: 0 for a second
	}{
		{"run SIGINT", syscall.SIGINT, []string{"run", "muscat", "--episodes", "1000000000", "--format", "json"}, 130, topLevel, "", 0},
		{"run SIGINT csv", syscall.SIGINT, []string{"run", "muscat", "--episodes", "1000000000", "--format", "csv"}, 130, tidyCSV, "", 0},
		{"compare SIGTERM --out", syscall.SIGTERM, []string{"compare", "muscat", "--episodes", "500000000",
			"--versus", "us=hold-out/fixed", "--format", "json", "--out", compareOut}, 143, topLevel, compareOut, 0},
		{"compare SIGINT csv", syscall.SIGINT, []string{"compare", "muscat", "--episodes", "500000000",
			"--versus", "us=hold-out/fixed", "--format", "csv"}, 130, tidyCSV, "", 0},
		{"game SIGINT", syscall.SIGINT, append(game, "--format", "json"), 130, inGame, "", 0},
		{"game SIGTERM csv", syscall.SIGTERM, append(game, "--format", "csv"), 143, cellsCSV, "", 0},
		{"sweep SIGINT", syscall.SIGINT, append(sweep, "--format", "json"), 130, sweepJSON, "", 3 * time.Second},
		{"sweep SIGTERM jsonl --out", syscall.SIGTERM, append(sweep, "--format", "jsonl", "--out", sweepOut), 143, sweepJSONLines, sweepOut, 3 * time.Second},
		{"run SIGTERM table", syscall.SIGTERM, []string{"run", "rubinstein", "--episodes", "1000000000"}, 143, nil, "", 0},
		{"sweep SIGINT table", syscall.SIGINT, sweep, 130, nil, "", 3 * time.Second},
		{"backtest SIGINT", syscall.SIGINT, []string{"backtest", "jpoa-2013", "--episodes", "1000000000"}, 130, nil, "", 0},
		{"run --shard SIGINT", syscall.SIGINT, []string{"run", "muscat", "--episodes", "1000000000", "--shard", "1/2", "--out", shardOut}, 130, nil, shardOut, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := interruptChild(t, tt.signal, tt.args, max(tt.wait, time.Second))
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			// backtest keeps nothing yet, and a shard nothing that merge
			// could mistake for the whole shard; each says so and exits as
			// the others do.
			if tt.args[0] == "backtest" || slices.Contains(tt.args, "--shard") {
				_, err := os.Stat(tt.file)
				if stdout != "" || tt.file != "" && err == nil || !strings.Contains(stderr, "interrupted (SIGINT) before a result; nothing written") {
					t.Errorf("stdout %q, stderr %q, %s written: %v", stdout, stderr, tt.file, err == nil)
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
			if tt.check == nil {
				if first, _, _ := strings.Cut(stdout, "\n"); !strings.Contains(first+" "+afterFirst(stdout), partialMark[1:]) {
					t.Errorf("table title %q; want it to end %q", first, partialMark)
				}
				return
			}
			if err := tt.check(data); err != nil {
				t.Error(err)
			}
		})
	}
}

// afterFirst returns the second line of s: a long title wraps onto it.
func afterFirst(s string) string {
	_, rest, _ := strings.Cut(s, "\n")
	line, _, _ := strings.Cut(rest, "\n")
	return line
}

// interruptChild runs parley with args in a child process, sends it sig
// after wait and returns what it printed and its exit status. A child
// the signal killed before parley was listening is run again with a
// longer wait.
func interruptChild(t *testing.T, sig syscall.Signal, args []string, wait time.Duration) (stdout, stderr string, code int) {
	t.Helper()
	for _, wait := range []time.Duration{wait, 3 * wait, 8 * wait} {
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

// partialEpisodes checks the episode count of a partial result: whole
// blocks of 256 episodes (sim's blockSize) are kept, and none of the
// 10⁹ (4·10⁷ per game cell) asked for could have been played in the
// time given.
func partialEpisodes(episodes int64, partial bool) error {
	if !partial || episodes <= 0 || episodes%256 != 0 || episodes >= 40000000 {
		return fmt.Errorf("episodes %d, partial %v; want a partial result of whole blocks", episodes, partial)
	}
	return nil
}

// topLevel checks the episodes and partial fields of run's and compare's JSON.
func topLevel(data []byte) error {
	var r struct {
		Episodes int64 `json:"episodes"`
		Partial  bool  `json:"partial"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	return partialEpisodes(r.Episodes, r.Partial)
}

// inGame checks them in game's JSON.
func inGame(data []byte) error {
	var g struct {
		Game struct {
			Episodes int64 `json:"episodes"`
			Partial  bool  `json:"partial"`
		} `json:"game"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return err
	}
	return partialEpisodes(g.Game.Episodes, g.Game.Partial)
}

// readPartialCSV reads a CSV whose last column must be partial, true in
// every row, and returns its header and rows.
func readPartialCSV(data []byte) ([]string, [][]string, error) {
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(records) < 2 {
		return nil, nil, fmt.Errorf("%d records, %v; want a header and rows", len(records), err)
	}
	header := records[0]
	if header[len(header)-1] != "partial" {
		return nil, nil, fmt.Errorf("header %q; want partial as the last column", header)
	}
	for _, row := range records[1:] {
		if row[len(row)-1] != "true" {
			return nil, nil, fmt.Errorf("row %q; want partial true", row)
		}
	}
	return header, records[1:], nil
}

// tidyCSV checks run's and compare's tidy CSV: every row partial, and
// every count (n, run's; n_baseline, compare's) a partial run's.
func tidyCSV(data []byte) error {
	header, rows, err := readPartialCSV(data)
	if err != nil {
		return err
	}
	col := slices.Index(header, "n")
	if k := slices.Index(header, "n_baseline"); k >= 0 {
		col = k
	}
	for _, row := range rows {
		n, err := strconv.ParseInt(row[col], 10, 64)
		if err != nil {
			return err
		}
		if n == 0 {
			continue // a figure over episodes in which something never happened
		}
		if err := partialEpisodes(n, true); err != nil && strings.HasPrefix(row[slices.Index(header, "metric")], "outcomes.") {
			return fmt.Errorf("%s: %v", row[slices.Index(header, "metric")], err)
		}
	}
	return nil
}

// cellsCSV checks game's CSV, one row per table cell, every row partial.
func cellsCSV(data []byte) error {
	_, _, err := readPartialCSV(data)
	return err
}

// sweepJSON checks sweep's JSON: partial, with some of its 100 points.
func sweepJSON(data []byte) error {
	var sw struct {
		Partial bool              `json:"partial"`
		Points  []json.RawMessage `json:"points"`
	}
	if err := json.Unmarshal(data, &sw); err != nil {
		return err
	}
	if !sw.Partial || len(sw.Points) == 0 || len(sw.Points) >= 100 {
		return fmt.Errorf("partial %v, %d points; want a partial result of 1 to 99", sw.Partial, len(sw.Points))
	}
	return nil
}

// sweepJSONLines checks sweep's JSON Lines: rows, each with "partial": true.
func sweepJSONLines(data []byte) error {
	if len(data) == 0 {
		return errors.New("no rows; want the finished points'")
	}
	for line := range strings.Lines(string(data)) {
		var row struct {
			Partial *bool `json:"partial"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			return err
		}
		if row.Partial == nil || !*row.Partial {
			return fmt.Errorf("row %.200s; want \"partial\":true", line)
		}
	}
	return nil
}
