package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRunWorkers checks that the JSON report is byte-identical for any
// number of workers.
func TestRunWorkers(t *testing.T) {
	args := []string{"run", "muscat", "--seed", "7", "--episodes", "3000", "--format", "json"}
	want, _, code := invoke(append(args, "--workers", "1")...)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, w := range []string{"2", "8"} {
		if got, _, _ := invoke(append(args, "--workers", w)...); got != want {
			t.Errorf("--workers %s gives a different report from --workers 1", w)
		}
	}
}

// TestRunOut checks that --out writes the report to the file and nothing
// to standard output, leaves no temporary file behind, and writes nothing
// when the run fails.
func TestRunOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	stdout, stderr, code := invoke("run", "rubinstein", "--episodes", "10", "--format", "json", "--out", out)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want, _, _ := invoke("run", "rubinstein", "--episodes", "10", "--format", "json")
	if got, err := os.ReadFile(out); err != nil || string(got) != want {
		t.Errorf("file holds %q (%v); want the report", got, err)
	}
	bad := filepath.Join(dir, "bad.json")
	if _, _, code := invoke("run", "no/such/scenario.yaml", "--out", bad); code != exitFail {
		t.Errorf("exit %d for a missing scenario; want %d", code, exitFail)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries; want only report.json", len(entries))
	}
}
