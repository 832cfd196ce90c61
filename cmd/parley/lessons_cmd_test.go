package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLessonsPrintsThePage checks that parley lessons KEY prints the page
// of docs/lessons/ byte for byte, whichever way the key names it.
func TestLessonsPrintsThePage(t *testing.T) {
	want, err := os.ReadFile("docs/lessons/02-zopa.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"2", "02", "zopa", "02-zopa.md"} {
		for _, format := range []string{"table", "markdown"} {
			stdout, stderr, code := invoke("lessons", key, "--format", format)
			if code != exitOK || stdout != string(want) {
				t.Errorf("parley lessons %s --format %s: exit %d, %d bytes, want the %d of the page\n%s", key, format, code, len(stdout), len(want), stderr)
			}
		}
	}
}

// TestLessonsFiles checks that --files writes the scenario files a
// lesson's commands use where the commands look for them, that the
// commands then run from that folder, and that a file already there with
// other contents is left alone and reported.
func TestLessonsFiles(t *testing.T) {
	root, _ := os.Getwd()
	dir := t.TempDir()
	t.Chdir(dir)
	_, stderr, code := invoke("lessons", "patience", "--files")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"patient-second.yaml", "equal-patience.yaml"} {
		got, err := os.ReadFile(filepath.Join(dir, "docs/lessons", name))
		want, _ := os.ReadFile(filepath.Join(root, "docs/lessons", name))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: %v; want the lesson's file", name, err)
		}
	}
	if _, stderr, code := invoke("trace", "docs/lessons/equal-patience.yaml"); code != exitOK {
		t.Errorf("the lesson's command in the folder --files wrote: exit %d\n%s", code, stderr)
	}
	if _, _, code := invoke("lessons", "patience", "--files"); code != exitOK {
		t.Errorf("--files again, with the same files there: exit %d; want 0", code)
	}
	mine := filepath.Join(dir, "docs/lessons/patient-second.yaml")
	if err := os.WriteFile(mine, []byte("my own\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = invoke("lessons", "patience", "--files")
	if got, _ := os.ReadFile(mine); code != exitFail || string(got) != "my own\n" || !strings.Contains(stderr, "already exists") {
		t.Errorf("--files over a file of other contents: exit %d, file %q, stderr %q; want exit 1, the file kept and why", code, got, stderr)
	}
}
