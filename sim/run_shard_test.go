package sim

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
)

// shardsOf plays shards 1/count … count/count, each carried through its
// JSON as from another process.
func shardsOf[P any](t *testing.T, count int, play func(Shard) (*P, error)) []*P {
	t.Helper()
	var parts []*P
	for k := 1; k <= count; k++ {
		p, err := play(Shard{Index: k, Count: count})
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		back := new(P)
		if err := json.Unmarshal(data, back); err != nil {
			t.Fatalf("shard %d/%d: %v", k, count, err)
		}
		parts = append(parts, back)
	}
	return parts
}

func runShards(t *testing.T, s *model.Scenario, cfg Config, count int) []*RunPartial {
	t.Helper()
	return shardsOf(t, count, func(sh Shard) (*RunPartial, error) { return RunShard(context.Background(), s, cfg, sh) })
}

// TestMergeRunIsRun checks that the merge of a run's shards, each
// through its JSON, is the Result of one process, bit for bit: with 1500
// episodes (6 blocks, the last short) in 1, 4 (which does not divide 6)
// and 9 shards (more than the blocks, so some play none).
func TestMergeRunIsRun(t *testing.T) {
	s := load(t, "muscat")
	cfg := config(1500)
	cfg.Workers = 2
	one := run(t, s, cfg)
	want, err := json.Marshal(one)
	if err != nil {
		t.Fatal(err)
	}
	for _, count := range []int{1, 4, 9} {
		r, err := MergeRun(s, cfg, runShards(t, s, cfg, count))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := json.Marshal(r); string(got) != string(want) {
			t.Errorf("%d shards: merged result differs from the run's:\n got %s\nwant %s", count, got, want)
		}
		for k, f := range r.Figures {
			o := one.Figures[k]
			if f.Key != o.Key || !reflect.DeepEqual(f.Estimate, o.Estimate) || !reflect.DeepEqual(f.Summary, o.Summary) {
				t.Errorf("%d shards: figure %d is %s %v %v; the run's %s %v %v", count, k, f.Key, f.Estimate, f.Summary, o.Key, o.Estimate, o.Summary)
			}
		}
	}
}

// TestShardSpan checks that the shards cover every item once, in order,
// with sizes one apart at most.
func TestShardSpan(t *testing.T) {
	for _, tc := range []struct{ n, count int }{{6, 4}, {6, 9}, {157, 4}, {0, 3}, {100000, 7}} {
		next, least, most := 0, tc.n, 0
		for k := 1; k <= tc.count; k++ {
			lo, hi := Shard{Index: k, Count: tc.count}.Span(tc.n)
			if lo != next || hi < lo {
				t.Fatalf("n %d, shard %d/%d: span %d … %d after %d", tc.n, k, tc.count, lo, hi, next)
			}
			next, least, most = hi, min(least, hi-lo), max(most, hi-lo)
		}
		if next != tc.n || most-least > 1 {
			t.Errorf("n %d in %d shards: covers %d, sizes %d … %d", tc.n, tc.count, next, least, most)
		}
	}
}

// TestMergeRunRefuses checks that shards of another run, missing or
// repeated shards and damaged figures are errors.
func TestMergeRunRefuses(t *testing.T) {
	s := load(t, "muscat")
	cfg := config(1500)
	parts := runShards(t, s, cfg, 4)
	other := config(1200)
	tamper := func(f func(p []*RunPartial)) []*RunPartial {
		data, _ := json.Marshal(parts)
		var c []*RunPartial
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		f(c)
		return c
	}
	for _, tc := range []struct {
		name  string
		cfg   Config
		parts []*RunPartial
		want  string
	}{
		{"missing", cfg, parts[:3], "3 shards of 4; want all 4"},
		{"repeated", cfg, []*RunPartial{parts[0], parts[1], parts[1], parts[3]}, "shard 3 of the list is 2/4"},
		{"other run", other, parts, "shard 2/4: blocks 1 … 2; a run of 1200 episodes gives this shard blocks 1 … 1"},
		{"bad shard", cfg, tamper(func(p []*RunPartial) { p[0].Shard.Index = 0 }), "shard 0/4: want I/N"},
		{"episodes", cfg, tamper(func(p []*RunPartial) { p[1].Episodes++ }), "shard 2/4: 513 episodes; its blocks hold 512"},
		{"key", cfg, tamper(func(p []*RunPartial) { p[0].Metrics[0].Key = "x" }), "metrics[0] (x): key x; want outcomes.comprehensive"},
		{"counts", cfg, tamper(func(p []*RunPartial) { p[0].Metrics[0].K = p[0].Metrics[0].N + 1 }), "want 0 ≤ k ≤ n ≤ 256"},
		{"moments", cfg, tamper(func(p []*RunPartial) { p[2].Metrics[6].Moments = nil }), "shard 3/4: metrics[6] (timing.first_agreement): moments of 0 blocks; want 1"},
		{"metrics", cfg, tamper(func(p []*RunPartial) { p[2].Metrics = p[2].Metrics[1:] }), "metrics; a run of this scenario has"},
	} {
		_, err := MergeRun(s, tc.cfg, tc.parts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
