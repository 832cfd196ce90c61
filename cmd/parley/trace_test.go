package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestTraceOutcomeIsRunOutcome checks that the outcome trace reports for
// episode i of a seed is the one run counts for that episode: run over
// i + 1 episodes counts one more episode of that outcome than run over i.
func TestTraceOutcomeIsRunOutcome(t *testing.T) {
	for _, c := range []struct {
		scenario, seed string
		episode        int
		strategies     []string
	}{
		{"muscat", "1", 0, nil},
		{"muscat", "1", 14, nil}, // a comprehensive deal after four bridging packages
		{"muscat", "7", 300, []string{"--strategy", "us=comprehensive-only/conceder"}},
		{"jpoa-2013", "3", 5, nil},
		{"vienna-2021", "2", 700, nil},
		{"islamabad-2026", "1", 41, nil},
	} {
		args := append([]string{"trace", c.scenario, "--seed", c.seed, "--episode", strconv.Itoa(c.episode), "--format", "json"}, c.strategies...)
		var tr struct {
			Result struct{ Outcome string }
		}
		decode(t, args, &tr)
		counts := func(n int) map[string]int {
			if n == 0 {
				return map[string]int{}
			}
			var r struct {
				Outcomes map[string]struct{ K int }
			}
			decode(t, append([]string{"run", c.scenario, "--seed", c.seed, "--episodes", strconv.Itoa(n), "--format", "json"}, c.strategies...), &r)
			k := map[string]int{}
			for o, p := range r.Outcomes {
				k[o] = p.K
			}
			return k
		}
		before, after := counts(c.episode), counts(c.episode+1)
		for o := range after {
			want := 0
			if o == tr.Result.Outcome {
				want = 1
			}
			if after[o]-before[o] != want {
				t.Errorf("%s seed %s episode %d: trace says %s; run counts %d more %s", c.scenario, c.seed, c.episode, tr.Result.Outcome, after[o]-before[o], o)
			}
		}
	}
}

// decode runs parley with args and decodes its JSON output into v.
func decode(t *testing.T, args []string, v any) {
	t.Helper()
	stdout, stderr, code := invoke(args...)
	if code != exitOK {
		t.Fatalf("parley %v: exit %d: %s", args, code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), v); err != nil {
		t.Fatalf("parley %v: %v", args, err)
	}
}

// TestTraceFindsFirst checks that trace --outcome interim tells the first
// interim episode of the seed from --episode on, on muscat and jpoa-2013:
// run counts no interim deal between --episode and it, and one with it.
func TestTraceFindsFirst(t *testing.T) {
	for _, c := range []struct {
		scenario string
		from     int
	}{{"muscat", 0}, {"jpoa-2013", 1}} {
		scenario := c.scenario
		var tr struct {
			Episode int
			Result  struct{ Outcome string }
			Search  struct{ From, Searched int }
		}
		decode(t, []string{"trace", scenario, "--outcome", "interim", "--episode", strconv.Itoa(c.from), "--format", "json"}, &tr)
		if tr.Result.Outcome != "interim" || tr.Search.From != c.from || tr.Search.Searched != tr.Episode-c.from+1 {
			t.Fatalf("%s: found episode %d, outcome %s, search %+v", scenario, tr.Episode, tr.Result.Outcome, tr.Search)
		}
		interim := func(n int) int {
			if n == 0 {
				return 0
			}
			var r struct {
				Outcomes map[string]struct{ K int }
			}
			decode(t, []string{"run", scenario, "--episodes", strconv.Itoa(n), "--format", "json"}, &r)
			return r.Outcomes["interim"].K
		}
		start, before, after := interim(c.from), interim(tr.Episode), interim(tr.Episode+1)
		if before != start || after != start+1 {
			t.Errorf("%s: trace finds episode %d searching from %d; run counts %d interim episodes from %d to it and %d with it, want 0 and 1",
				scenario, tr.Episode, c.from, before-start, c.from, after-start)
		}
		text, _, _ := invoke("trace", scenario, "--outcome", "interim", "--episode", strconv.Itoa(c.from))
		if want := "Episode " + strconv.Itoa(tr.Episode) + " is the first episode of seed 1"; !strings.Contains(text, want) {
			t.Errorf("%s: the account does not say %q", scenario, want)
		}
	}
}
