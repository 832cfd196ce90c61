package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeShards runs args with --shard k/n --out DIR/shard-k.json for
// every k and returns the files, last shard first, so that merge must
// put them in order.
func writeShards(t *testing.T, args []string, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for k := n; k >= 1; k-- {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d.json", k))
		shard := append(append([]string{}, args...), "--shard", fmt.Sprintf("%d/%d", k, n), "--out", out)
		if stdout, stderr, code := invoke(shard...); code != exitOK || stdout != "" {
			t.Fatalf("parley %s: exit %d, stdout %.40q\n%s", strings.Join(shard, " "), code, stdout, stderr)
		}
		files = append(files, out)
	}
	return files
}

// TestMergeIsOneProcess checks that merging the shards of a run prints
// what one process prints, byte for byte, in every format: with 4
// shards, with a shard count that does not divide the blocks (or
// points) evenly and with more shards than blocks, so that some play
// none.
func TestMergeIsOneProcess(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		shards  []int
		formats []string
		display []string // flags merge takes for the printed result
	}{
		// 1300 episodes: 6 blocks, the last short.
		{"run", []string{"run", "muscat", "--episodes", "1300", "--seed", "5"}, []int{4, 5, 8}, []string{"json", "table", "csv", "markdown"}, nil},
		{"run strategy", []string{"run", "muscat", "--episodes", "600", "--strategy", "us=comprehensive-only/conceder", "--horizon", "12"}, []int{2}, []string{"json"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, n := range tc.shards {
				files := writeShards(t, tc.args, n)
				for _, format := range tc.formats {
					one := append(append(append([]string{}, tc.args...), tc.display...), "--format", format)
					want, stderr, code := invoke(one...)
					if code != exitOK {
						t.Fatalf("parley %s: exit %d\n%s", strings.Join(one, " "), code, stderr)
					}
					merge := append(append(append([]string{"merge"}, files...), tc.display...), "--format", format)
					got, stderr, code := invoke(merge...)
					if code != exitOK {
						t.Fatalf("%d shards: parley merge: exit %d\n%s", n, code, stderr)
					}
					if got != want {
						t.Errorf("%d shards, --format %s: merge differs from one process:\n%s", n, format, lineDiff(want, got))
					}
				}
			}
		})
	}
}

// TestMergeRefuses checks the errors of --shard and merge: each names
// the flag or the files at fault and what is wanted.
func TestMergeRefuses(t *testing.T) {
	run := []string{"run", "rubinstein", "--episodes", "600"}
	files := writeShards(t, run, 3) // shard-3, shard-2, shard-1
	other := writeShards(t, []string{"run", "rubinstein", "--episodes", "600", "--seed", "2"}, 3)
	dir := filepath.Dir(files[0])
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"scenario": "muscat"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.json")
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte(strings.Replace(string(data), `"version": "(devel)"`, `"version": "v0.1.0"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"shard syntax", append(run, "--shard", "2"), exitUsage, "--shard 2: want I/N, shard I of N, with 1 ≤ I ≤ N ≤ 100000"},
		{"shard zero", append(run, "--shard", "0/4"), exitUsage, "--shard 0/4: want I/N"},
		{"shard beyond", append(run, "--shard", "5/4"), exitUsage, "--shard 5/4: want I/N"},
		{"shard too many", append(run, "--shard", "1/100001"), exitUsage, "--shard 1/100001: want I/N"},
		{"shard format", append(run, "--shard", "1/2", "--format", "csv"), exitUsage, "--shard writes a partial result as JSON, for parley merge; give --format csv to parley merge"},
		{"no files", []string{"merge"}, exitUsage, "want the partial results of every shard of a run: parley merge FILE..."},
		{"missing", []string{"merge", files[0], files[2]}, exitFail, "1 of 3 shards missing: 2/3; want every shard of the run (given 2 files)"},
		{"twice", []string{"merge", files[0], files[1], files[1], files[2]}, exitFail, files[1] + " and " + files[1] + " are both shard 2/3; want each shard once"},
		{"other run", []string{"merge", files[0], other[1], files[2]}, exitFail, files[0] + " and " + other[1] + " are shards of different runs: seed 1 in " + files[0] + ", 2 in " + other[1]},
		{"not partial", []string{"merge", bad}, exitFail, bad + ": not a partial result; want a file that parley run, sweep or game wrote with --shard"},
		{"other version", []string{"merge", old, files[1], files[2]}, exitFail, old + ": written by parley v0.1.0; this is parley (devel)"},
		{"unreadable", []string{"merge", filepath.Join(dir, "none.json")}, exitFail, "none.json: cannot read: no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := invoke(tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || !strings.HasPrefix(stderr, "parley") {
				t.Errorf("parley %s: exit %d, stderr:\n%s\nwant exit %d and %q", strings.Join(tc.args, " "), code, stderr, tc.code, tc.want)
			}
		})
	}
}

// TestShardOutChecked checks that a shard's --out is checked before
// anything is played.
func TestShardOutChecked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "shard.json")
	_, stderr, code := invoke("run", "muscat", "--shard", "1/2", "--out", out)
	if code != exitUsage || !strings.Contains(stderr, "folder "+filepath.Dir(out)+" does not exist") {
		t.Errorf("exit %d, stderr %s; want a usage error naming the folder", code, stderr)
	}
}

// TestShardGolden checks the partial results of a small run's two
// shards, which testdata/shards keeps for the tests that merge them,
// and merge's transcripts.
func TestShardGolden(t *testing.T) {
	for k := 1; k <= 2; k++ {
		stdout, stderr, code := invoke("run", "rubinstein", "--episodes", "300", "--shard", fmt.Sprintf("%d/2", k))
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		checkGolden(t, fmt.Sprintf("testdata/shards/rubinstein-%d.json", k), stdout)
	}
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"merge-help", []string{"merge", "--help"}},
		{"merge-rubinstein", []string{"merge", "testdata/shards/rubinstein-2.json", "testdata/shards/rubinstein-1.json"}},
		{"merge-missing", []string{"merge", "testdata/shards/rubinstein-2.json"}},
	} {
		checkGolden(t, "testdata/cli/"+tc.golden+".golden", transcript(tc.args))
	}
}
