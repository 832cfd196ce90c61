package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTidyCSVLoadsInPython checks that a sweep's tidy CSV loads with
// Python's csv module without cleaning: the columns are the documented
// ones, every row has all of them, estimates parse as numbers and a
// figure resting on no episode has an empty estimate, never 0.
func TestTidyCSVLoadsInPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; the tidy CSV is checked with Python's csv module")
	}
	out, stderr, code := invoke("sweep", "muscat", "--episodes", "200", "--format", "csv",
		"--param", "actors.iran.discount=0.95,0.98,0.995", "--param", "actors.oman.credibility=0.3:0.9:3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "sweep.csv")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
want = ["scenario", "seed", "strategies", "point", "actors.iran.discount", "actors.oman.credibility",
        "metric", "kind", "estimate", "ci95_lo", "ci95_hi", "sd", "p5", "p50", "p95", "n"]
assert list(rows[0].keys()) == want, list(rows[0].keys())
points = {r["point"] for r in rows}
assert len(points) == 9, points
metrics = {r["metric"] for r in rows}
assert len(rows) == 9 * len(metrics), (len(rows), len(metrics))
for r in rows:
    n = int(r["n"])
    if n == 0:
        assert r["estimate"] == "" and r["ci95_lo"] == "", r
    else:
        float(r["estimate"]); float(r["actors.iran.discount"])
    if r["kind"] == "probability":
        assert r["sd"] == "", r
print(len(rows), len(metrics))
`
	cmd := exec.Command(python, "-c", script, file)
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, got)
	}
	if fields := strings.Fields(string(got)); len(fields) != 2 || fields[0] == "0" {
		t.Errorf("python read %q; want rows and metrics", got)
	}
}
