package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLimits checks that every flag that sizes work or memory is refused
// beyond its limit with a usage error that states the limit; the goldens
// hold the messages. Each case is a failure of issue #13 (its number in
// the comment): a panic, an overflow, or hours of work started silently.
func TestLimits(t *testing.T) {
	const maxInt = "9223372036854775807"
	tests := []struct {
		golden string
		args   []string
	}{
		{"run-episodes-max-int", []string{"run", "--episodes", maxInt}},                                                                                           // 2: makechan: size out of range
		{"run-episodes-too-many", []string{"run", "--episodes", "1000000000000"}},                                                                                 // 2: two months of CPU
		{"compare-episodes-max-int", []string{"compare", "--episodes", maxInt, "--versus", "us=interim-first/conceder"}},                                          // 2
		{"game-episodes-max-int", []string{"game", "--episodes", maxInt}},                                                                                         // 2
		{"game-episodes-too-many", []string{"game", "--episodes", "100000000"}},                                                                                   // 2: 25 cells × 10⁸
		{"game-bootstrap-max-int", []string{"game", "--bootstrap", maxInt}},                                                                                       // 3: panic
		{"game-bootstrap-too-many", []string{"game", "--bootstrap", "100000000"}},                                                                                 // 3: out of memory
		{"run-workers-too-many", []string{"run", "--workers", "100000"}},                                                                                          // 3: 7.8 GB in 15 s
		{"game-workers-too-many", []string{"game", "--workers", "100000"}},                                                                                        // 3
		{"run-horizon-one", []string{"run", "--horizon", "1"}},                                                                                                    // 7: accepted, while horizon: 1 in the file is refused
		{"trace-horizon-two", []string{"trace", "--horizon", "2"}},                                                                                                // 7
		{"trace-episode-max-int", []string{"trace", "--episode", maxInt}},                                                                                         // 7: "episodes: -9223372036854775808"
		{"run-strategy-twice", []string{"run", "--strategy", "iran=interim-first/boulware", "--strategy", "iran=hold-out/fixed"}},                                 // 7: the last silently won
		{"compare-versus-twice", []string{"compare", "--versus", "us=interim-first/boulware", "--versus", "us=hold-out/fixed"}},                                   // 7
		{"compare-arms-too-many", append([]string{"compare"}, slices.Repeat([]string{"--arm", "us=hold-out/fixed"}, 32)...)},                                      // 3: each arm a tally per worker, unbounded
		{"compare-arms-episodes", []string{"compare", "--versus", "us=hold-out/fixed", "--arm", "us=hold-out/linear", "--episodes", "400000000"}},                 // 2: 10⁹ episodes per arm were accepted
		{"backtest-window-max-int", []string{"backtest", "jpoa-2013", "--window", maxInt}},                                                                        // 7: round + window overflowed, every score 0%, the reference -Inf%
		{"sweep-grid-too-large", []string{"sweep", "--param", "actors.iran.discount=0.9:0.99:200", "--param", "actors.us.discount=0.9:0.99:200"}},                 // 3: 10⁵ points were accepted, about 11 GB
		{"sweep-samples-too-many", []string{"sweep", "--design", "sobol", "--range", "actors.iran.discount=0.9:0.99", "--samples", "4096"}},                       // 3
		{"trace-search-max-int", []string{"trace", "--search", maxInt}},                                                                                           // 7: ignored without --outcome
		{"sweep-bootstrap-max-int", []string{"sweep", "--design", "sobol", "--range", "actors.iran.discount=0.9:0.99", "--samples", "64", "--bootstrap", maxInt}}, // 3
		{"sweep-workers-too-many", []string{"sweep", "--param", "actors.iran.discount=0.9,0.95", "--workers", "100000"}},                                          // 3
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			stdout, stderr, code := invoke(tt.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, "want") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and a message saying what is valid", code, stdout, stderr, exitUsage)
			}
			checkGolden(t, filepath.Join("testdata", "cli", "limit-"+tt.golden+".golden"), transcript(tt.args))
		})
	}
}

// failingWriter fails every write, as standard output does on a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestStdoutWriteFails checks that every command, --help included, exits
// 1 with a message when standard output cannot be written (issue #13,
// failure 5: validate, scenarios, equilibria and --help exited 0), the
// commands added since included.
func TestStdoutWriteFails(t *testing.T) {
	dir := t.TempDir()
	shards := []string{filepath.Join(dir, "1.json"), filepath.Join(dir, "2.json")}
	for i, path := range shards {
		if _, stderr, code := invoke("run", "rubinstein", "--episodes", "10", "--shard", strconv.Itoa(i+1)+"/2", "--out", path); code != exitOK {
			t.Fatalf("shard %d: exit %d: %s", i+1, code, stderr)
		}
	}
	tests := [][]string{
		append([]string{"merge"}, shards...),
		{"--help"},
		{"run", "--help"},
		{"scenarios"},
		{"scenarios", "--format", "json"},
		{"validate", "scenarios/muscat.yaml"},
		{"show", "rubinstein"},
		{"explain", "rubinstein"},
		{"trace", "rubinstein"},
		{"equilibria", "testdata/nfg/meeting.nfg"},
		{"run", "rubinstein", "--episodes", "10"},
		{"compare", "rubinstein", "--episodes", "10", "--versus", "first=comprehensive-only/boulware"},
		{"game", "rubinstein", "--episodes", "10", "--bootstrap", "0"},
		{"help", "sweep"},
		{"version"},
		{"--version"},
		{"lessons"},
		{"lessons", "patience"},
		{"lessons", "--format", "json"},
		{"sweep", "rubinstein", "--episodes", "10", "--param", "actors.first.discount=0.8,0.9"},
		{"sweep", "rubinstein", "--list-params"},
		{"discover", "rubinstein", "--episodes", "10", "--range", "actors.first.discount=0.8:0.9", "--samples", "4", "--where", "paths.deal.p >= 0.5"},
		{"backtest", "jpoa-2013", "--episodes", "10"},
		{"completion", "bash"},
		{"game", "rubinstein", "--episodes", "10", "--bootstrap", "0", "--out", os.DevNull, "--nfg", "-"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr strings.Builder
			code := run(args, failingWriter{}, &stderr)
			want := "parley: cannot write to standard output: no space left on device\n"
			if code != exitFail || !strings.HasSuffix(stderr.String(), want) || strings.Count(stderr.String(), "no space") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and stderr ending %q, once", code, stderr.String(), exitFail, want)
			}
		})
	}
}

// TestFmtLevelHuge checks that a level too large to round to thousandths
// prints as itself (issue #13, failure 7: it printed as "+Inf").
func TestFmtLevelHuge(t *testing.T) {
	tests := []struct {
		level float64
		want  string
	}{
		{0.12345, "0.123"},
		{-2.5, "-2.5"},
		{1e15, "1000000000000000"},
		{-9e307, "-9" + strings.Repeat("0", 307)},
	}
	for _, tt := range tests {
		if got := fmtLevel(tt.level); got != tt.want {
			t.Errorf("fmtLevel(%g) = %.40q…, want %.40q…", tt.level, got, tt.want)
		}
	}
}
