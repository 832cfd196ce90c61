package history

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, and that what it
// accepts is consistent: every event in 1 … observed, in order of round.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	shipped, _ := filepath.Glob("../../scenarios/history/*.yaml")
	for _, file := range shipped {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("scenario: x\nobserved: 3\nevents:\n  - &e {kind: strike, round: 1, note: n}\n  - *e\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		last := 0
		for _, e := range h.Events {
			if e.Round < 1 || e.Round > h.Observed || e.Round < last || e.Kind >= NumKinds {
				t.Fatalf("accepted event %+v of a history observing %d rounds", e, h.Observed)
			}
			last = e.Round
		}
	})
}
