package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// lessonBlock matches a command and its output in a lesson: a console
// block whose first line is the command, `$ parley ...`, and whose other
// lines are what it prints.
var lessonBlock = regexp.MustCompile("(?ms)^```console\n\\$ parley ([^\n]*)\n(.*?)^```$")

// TestLessons checks that every lesson in docs/lessons/ has the parts a
// lesson must have and that every command in it prints today what the
// page shows, so the lessons cannot go stale as the model changes
// (go test ./cmd/parley -run TestLessons -update refreshes them; then
// reread the prose around the outputs).
func TestLessons(t *testing.T) {
	pages, _ := filepath.Glob("docs/lessons/[0-9]*.md")
	if len(pages) == 0 {
		t.Fatal("no lessons in docs/lessons/")
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			checkEmbedded(t, page, lessonBlock)
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			for _, part := range []string{"## The question", "## The idea", "## What to look for", "## Exercises", "## Answer to exercise 1", "../sources.md"} {
				if !strings.Contains(text, part) {
					t.Errorf("%s lacks %q", page, part)
				}
			}
		})
	}
}
