package lessons_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parley-sim/parley/docs/lessons"
)

// TestAll checks that every page of the folder is a lesson with a
// number, a name, a title and a question, numbered 1, 2, … in order.
func TestAll(t *testing.T) {
	pages, _ := filepath.Glob("[0-9]*.md")
	list := lessons.All()
	if len(list) != len(pages) || len(list) == 0 {
		t.Fatalf("All() returned %d lessons; the folder has %d pages", len(list), len(pages))
	}
	for i, l := range list {
		if l.Number != i+1 {
			t.Errorf("%s: number %d; want %d", l.File, l.Number, i+1)
		}
		if l.Name == "" || l.Title == "" || strings.HasPrefix(l.Title, "Lesson") || l.Question == "" || strings.Contains(l.Question, ">") {
			t.Errorf("%s: name %q, title %q, question %q; want all three, without the heading's prefix or the quote marks", l.File, l.Name, l.Title, l.Question)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		key  string
		want string // the file, "" for none
	}{
		{"1", "01-patience.md"},
		{"01", "01-patience.md"},
		{"patience", "01-patience.md"},
		{"01-patience.md", "01-patience.md"},
		{"01-patience", "01-patience.md"},
		{"7", "07-backtest.md"},
		{"0", ""},
		{"8", ""},
		{"patienc", ""},
		{"", ""},
	}
	for _, tt := range tests {
		l, ok := lessons.Find(tt.key)
		if ok != (tt.want != "") || l.File != tt.want {
			t.Errorf("Find(%q) = %q, %v; want %q", tt.key, l.File, ok, tt.want)
		}
	}
}

// TestScenarioFiles checks that every scenario file a lesson names under
// docs/lessons/ is embedded with it, as it is on disk.
func TestScenarioFiles(t *testing.T) {
	named := regexp.MustCompile(`docs/lessons/[a-z0-9-]+\.yaml`)
	for _, l := range lessons.All() {
		paths, contents := l.ScenarioFiles()
		want := map[string]bool{}
		for _, p := range named.FindAllString(l.Text, -1) {
			want[p] = true
		}
		if len(paths) != len(want) {
			t.Errorf("%s: %d scenario files embedded, %v; the page names %d", l.File, len(paths), paths, len(want))
		}
		for i, p := range paths {
			disk, err := os.ReadFile(filepath.Base(p))
			if err != nil || string(disk) != string(contents[i]) {
				t.Errorf("%s: %s: embedded copy differs from the file (%v)", l.File, p, err)
			}
		}
	}
}

func ExampleFind() {
	l, _ := lessons.Find("patience")
	fmt.Println(l.Number, l.Title)
	// Output: 1 patience is bargaining power
}
