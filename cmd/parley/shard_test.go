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

// sweepGrid and gameSmall are a small sweep and a small game, quick to
// shard.
var (
	sweepGrid = []string{"sweep", "muscat", "--param", "actors.iran.discount=0.95:0.995:3", "--param", "actors.us.discount=0.95,0.99", "--episodes", "300"}
	gameSmall = []string{"game", "muscat", "--strategies", "iran=comprehensive-only/boulware,interim-first/conceder",
		"--strategies", "us=comprehensive-only/fixed,interim-first/linear", "--episodes", "700", "--bootstrap", "20"}
)

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
		// 6 points: 4 shards of 1, 2, 1 and 2 points; 7 shards, one of none.
		{"sweep grid", sweepGrid, []int{4, 7}, []string{"json", "table", "csv", "jsonl", "markdown"}, nil},
		{"sweep lhs", []string{"sweep", "muscat", "--design", "lhs", "--samples", "5", "--range", "actors.iran.discount=0.9:0.99", "--episodes", "200", "--seed", "3"}, []int{4}, []string{"json", "csv"}, nil},
		// 4·(2+2) = 16 points.
		{"sweep sobol", []string{"sweep", "muscat", "--design", "sobol", "--samples", "4", "--range", "actors.iran.discount=0.9:0.99",
			"--range", "actors.us.discount=0.9:0.99", "--episodes", "100", "--bootstrap", "50", "--metrics", "outcomes"}, []int{4, 5}, []string{"json", "table"}, nil},
		// 700 episodes: 3 blocks, the last short; 4 shards, one of none.
		{"game", gameSmall, []int{4, 2}, []string{"json", "table", "csv", "markdown"}, nil},
		{"game dynamics", append(gameSmall[:len(gameSmall):len(gameSmall)], "--dynamics", "--horizon", "16"), []int{4}, []string{"json"}, nil},
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
	sweep := writeShards(t, sweepGrid, 4)
	game := writeShards(t, gameSmall, 3)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"mixed commands", []string{"merge", files[0], sweep[1]}, exitFail, files[0] + " and " + sweep[1] + " are shards of different runs: command run in " + files[0] + ", sweep in " + sweep[1]},
		{"sweep missing", []string{"merge", sweep[0], sweep[1], sweep[3]}, exitFail, "1 of 4 shards missing: 2/4; want every shard of the run (given 3 files)"},
		{"sweep other design", append([]string{"merge", sweep[0], sweep[1], sweep[2]}, writeShards(t, append(sweepGrid[:len(sweepGrid):len(sweepGrid)], "--metrics", "outcomes"), 4)[0]), exitFail, "are shards of different runs: options"},
		{"game twice", []string{"merge", game[0], game[1], game[0], game[2]}, exitFail, game[0] + " and " + game[0] + " are both shard 3/3; want each shard once"},
		{"game other episodes", []string{"merge", game[0], game[1], writeShards(t, append(gameSmall[:len(gameSmall):len(gameSmall)], "--episodes", "600"), 3)[2]}, exitFail, "are shards of different runs: episodes 700 in"},
		{"sweep shard plot", append(sweepGrid, "--shard", "1/2", "--plot", "x.svg"), exitUsage, "--shard with --plot: give --plot to parley merge"},
		{"game shard nfg", append(gameSmall, "--shard", "1/2", "--nfg", "x.nfg"), exitUsage, "--shard with --nfg: give --nfg to parley merge"},
		{"sweep shard jsonl", append(sweepGrid, "--shard", "1/2", "--format", "jsonl"), exitUsage, "give --format jsonl to parley merge"},
		{"run merge jsonl", append([]string{"merge", "--format", "jsonl"}, files...), exitUsage, "--format jsonl: run has table, csv, json, markdown"},
		{"run merge nfg", append([]string{"merge", "--nfg", filepath.Join(dir, "g.nfg")}, files...), exitUsage, "--nfg goes with the shards of parley game; these are of parley run"},
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

// TestShardOutChecked checks that a shard's --out, and merge's --plot
// and --nfg, are checked before anything is played or merged.
func TestShardOutChecked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "shard.json")
	files := writeShards(t, gameSmall, 2)
	for _, args := range [][]string{
		{"run", "muscat", "--shard", "1/2", "--out", out},
		append(sweepGrid, "--shard", "1/2", "--out", out),
		append(gameSmall, "--shard", "1/2", "--out", out),
		append([]string{"merge", "--plot", filepath.Join(filepath.Dir(out), "game.svg")}, files...),
		append([]string{"merge", "--nfg", filepath.Join(filepath.Dir(out), "game.nfg")}, files...),
	} {
		_, stderr, code := invoke(args...)
		if code != exitUsage || !strings.Contains(stderr, "folder "+filepath.Dir(out)+" does not exist") {
			t.Errorf("parley %s: exit %d, stderr %s; want a usage error naming the folder", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestMergePlot checks that merge --plot and game's --nfg write what
// one process writes.
func TestMergePlot(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		args  []string
		files []string // merge's flags, each with its file
	}{
		{"run", []string{"run", "muscat", "--episodes", "600"}, []string{"--plot", "run.svg"}},
		{"game", gameSmall, []string{"--plot", "game.svg", "--nfg", "game.nfg"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shards := writeShards(t, tc.args, 3)
			at := func(where string) []string {
				flags := append([]string{}, tc.files...)
				for k := 1; k < len(flags); k += 2 {
					flags[k] = filepath.Join(dir, where+"-"+flags[k])
				}
				return flags
			}
			if _, stderr, code := invoke(append(append([]string{}, tc.args...), at("one")...)...); code != exitOK {
				t.Fatalf("one process: exit %d\n%s", code, stderr)
			}
			if _, stderr, code := invoke(append(append([]string{"merge"}, shards...), at("merged")...)...); code != exitOK {
				t.Fatalf("merge: exit %d\n%s", code, stderr)
			}
			for k := 1; k < len(tc.files); k += 2 {
				one, err1 := os.ReadFile(at("one")[k])
				merged, err2 := os.ReadFile(at("merged")[k])
				if err1 != nil || err2 != nil || len(one) == 0 || string(one) != string(merged) {
					t.Errorf("%s %s: merge's file differs from one process's (%v, %v)", tc.files[k-1], tc.files[k], err1, err2)
				}
			}
		})
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
