package sim

import (
	"strings"
	"testing"
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
