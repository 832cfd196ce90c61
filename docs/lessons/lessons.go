// Package lessons embeds the lessons of docs/lessons/, so that the parley
// binary can print them (parley lessons) with the scenario files their
// commands use: one copy of each page, the one in this folder.
package lessons

import (
	"embed"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed [0-9]*.md *.yaml
var files embed.FS

// Dir is the folder the lessons live in, relative to the repository's
// root: their commands name their scenario files under it.
const Dir = "docs/lessons"

// A Lesson is one page of docs/lessons/.
type Lesson struct {
	Number   int    `json:"number"`   // its place in the course, from 1
	Name     string `json:"name"`     // its file name without the number and .md: "patience"
	File     string `json:"file"`     // its file name: "01-patience.md"
	Title    string `json:"title"`    // its heading, without "Lesson N: "
	Question string `json:"question"` // the question it answers, on one line
	Text     string `json:"-"`        // the page, Markdown
}

// pageName matches a lesson's file name: its number and its name. It
// and the other regular expressions here are compiled at their first use,
// not at the start of every command.
var pageName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]+)-([a-z0-9-]+)\.md$`) })

// scenarioFile matches a scenario file a lesson's commands name.
var scenarioFile = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(Dir) + `/([a-z0-9-]+\.yaml)`)
})

// All returns the lessons in their order.
func All() []Lesson {
	var list []Lesson
	pages, _ := fs.Glob(files, "[0-9]*.md") // the pattern is valid
	for _, page := range pages {
		m := pageName().FindStringSubmatch(page)
		if m == nil {
			continue
		}
		data, _ := files.ReadFile(page) // embedded: it is there
		n, _ := strconv.Atoi(m[1])
		l := Lesson{Number: n, Name: m[2], File: page, Text: string(data)}
		l.Title, l.Question = heading(l.Text)
		list = append(list, l)
	}
	return list
}

// heading returns a page's title, without "Lesson N: ", and the quoted
// question under "## The question", joined into one line.
func heading(text string) (title, question string) {
	lines := strings.Split(text, "\n")
	var quote []string
	inQuestion := false
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "# ") && title == "":
			title = strings.TrimPrefix(line, "# ")
			if _, rest, ok := strings.Cut(title, ": "); ok && strings.HasPrefix(title, "Lesson ") {
				title = rest
			}
		case strings.HasPrefix(line, "## "):
			inQuestion = line == "## The question"
		case inQuestion && strings.HasPrefix(line, ">"):
			quote = append(quote, strings.TrimSpace(strings.TrimPrefix(line, ">")))
		}
	}
	return title, strings.Join(quote, " ")
}

// Find returns the lesson a key names: its number ("1" or "01"), its name
// ("patience") or its file name ("01-patience.md").
func Find(key string) (Lesson, bool) {
	n, numeric := strconv.Atoi(key)
	for _, l := range All() {
		if numeric == nil && l.Number == n || key == l.Name || key == l.File || key == strings.TrimSuffix(l.File, ".md") {
			return l, true
		}
	}
	return Lesson{}, false
}

// ScenarioFiles returns the scenario files the lesson's commands use, by
// their paths under Dir, and their contents.
func (l Lesson) ScenarioFiles() (paths []string, contents [][]byte) {
	seen := map[string]bool{}
	for _, m := range scenarioFile().FindAllStringSubmatch(l.Text, -1) {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		data, err := files.ReadFile(m[1])
		if err != nil {
			continue // a file the page names but does not ship; TestScenarioFiles fails on it
		}
		paths, contents = append(paths, Dir+"/"+m[1]), append(contents, data)
	}
	return paths, contents
}
