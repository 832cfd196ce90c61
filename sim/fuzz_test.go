package sim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// FuzzParseStrategyFlag checks that the command line's strategy parser
// never panics, and that what it accepts prints back as what it parses.
func FuzzParseStrategyFlag(f *testing.F) {
	for _, s := range []string{"iran=step-by-step/boulware", "us=interim-first/conceder", "=a/b", "x=", "a=b", "a==/", "us=hold-out/subgame-perfect"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		actor, st, err := ParseStrategyFlag(s)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		again := actor + "=" + st.String()
		if a2, st2, err := ParseStrategyFlag(again); err != nil || a2 != actor || st2 != st {
			t.Errorf("%q parses as %q, which parses as %q, %v, %v", s, again, a2, st2, err)
		}
		if actor == "" || strings.Contains(actor, "=") {
			t.Errorf("%q: actor %q", s, actor)
		}
	})
}

// FuzzEpisode checks that no scenario the loader accepts, played under any
// pair of strategies, makes an episode panic or break its invariants
// (see checkEpisode). It is seeded with the shipped scenarios.
func FuzzEpisode(f *testing.F) {
	files, _ := filepath.Glob("../scenarios/*.yaml")
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(i), uint8(3*i))
	}
	all := allStrategies()
	f.Fuzz(func(t *testing.T, data []byte, a, b uint8) {
		s, err := model.Load(model.Source{Name: "fuzz.yaml", Data: data}, scenarios.Resolve)
		if err != nil {
			return
		}
		who := s.Principals()
		cfg := config(2)
		cfg.Strategies = map[string]model.Strategy{
			s.Actors[who[0]].Name: all[int(a)%len(all)],
			s.Actors[who[1]].Name: all[int(b)%len(all)],
		}
		for i := range cfg.Episodes {
			e, err := Play(s, cfg, i)
			if err != nil {
				t.Fatal(err)
			}
			checkEpisode(t, s, &e)
		}
	})
}
