package main

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestSetIsTheFile checks that --set plays exactly what a scenario file
// with the same override plays: lesson 1's patient-second.yaml is
// rubinstein with actors.second.discount at 0.95, so a comparison against
// it and one with --versus-set give the same figures, and run --set gives
// the file's run, not rubinstein's own.
func TestSetIsTheFile(t *testing.T) {
	figures := func(args ...string) map[string]any {
		t.Helper()
		stdout, stderr, code := invoke(append(args, "--episodes", "500", "--format", "json")...)
		if code != exitOK {
			t.Fatalf("parley %v: exit %d\n%s", args, code, stderr)
		}
		var out map[string]any
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		delete(out, "scenario") // the name, not a figure
		delete(out, "arms")     // the arms' names
		return out
	}
	file := figures("compare", "rubinstein", "--versus-scenario", "docs/lessons/patient-second.yaml")
	set := figures("compare", "rubinstein", "--versus-set", "actors.second.discount=0.95")
	if len(file) < 3 || !reflect.DeepEqual(file, set) {
		t.Errorf("compare --versus-set differs from compare --versus-scenario of the same override")
	}
	fromFile := figures("run", "docs/lessons/patient-second.yaml")
	fromSet := figures("run", "rubinstein", "--set", "actors.second.discount=0.95")
	plain := figures("run", "rubinstein")
	if !reflect.DeepEqual(fromFile, fromSet) {
		t.Errorf("run --set differs from the run of the file with the same override")
	}
	if reflect.DeepEqual(fromSet, plain) {
		t.Errorf("run --set gives rubinstein's own figures; the override did nothing")
	}
}
