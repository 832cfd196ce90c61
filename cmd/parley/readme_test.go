package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeExamples runs every `$ parley …` line of the README: each must
// succeed, except the validation of a deliberately broken file, which must
// fail with exit status 1.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		cmdline, ok := strings.CutPrefix(line, "$ parley ")
		if !ok {
			continue
		}
		n++
		args := strings.Fields(cmdline)
		want := exitOK
		if strings.Contains(cmdline, "testdata/invalid/") {
			want = exitFail
		}
		if _, stderr, code := invoke(args...); code != want {
			t.Errorf("%s: exit %d, want %d\n%s", line, code, want, stderr)
		}
	}
	if n == 0 {
		t.Fatal("found no `$ parley` examples in README.md")
	}
}
