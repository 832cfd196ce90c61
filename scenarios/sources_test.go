package scenarios

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/parley-sim/parley/model"
	"go.yaml.in/yaml/v3"
)

// sourcesDoc is the page every scenario cites, from this package's folder.
const sourcesDoc = "../docs/sources.md"

var (
	// fileRef matches what reads as a file name in a comment or description.
	fileRef = regexp.MustCompile(`[\w./-]*\w\.(?:md|txt|yaml|yml|go|nfg|csv|json)\b`)
	// keyRef matches a source key such as [S12] or [A1].
	keyRef = regexp.MustCompile(`\[([A-Z]\d+)\]`)
	// sectionRef matches "calibration §3" or "calibration Alternatives".
	sectionRef = regexp.MustCompile(`calibration (?:§(\d+)|"?(Alternatives))`)
)

// missingFiles returns the file names text cites that do not exist under
// root, the repository's folder.
func missingFiles(text, root string) []string {
	var missing []string
	for _, ref := range fileRef.FindAllString(text, -1) {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(ref))); err != nil || filepath.IsAbs(ref) || ref[0] == '/' {
			missing = append(missing, ref)
		}
	}
	return missing
}

func TestMissingFiles(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"see docs/sources.md, section muscat", nil},
		{"numbers from shared/calibration.md section 3", []string{"shared/calibration.md"}},
		{"# Sources: /work/shared/seed/muscat-talks-article.txt (DID Press)", []string{"/work/shared/seed/muscat-talks-article.txt"}},
		{"as scenarios/muscat.yaml and calibration.md say", []string{"calibration.md"}},
		{"0.5 a month, 3.67% enrichment", nil},
	} {
		if got := missingFiles(c.text, ".."); !slices.Equal(got, c.want) {
			t.Errorf("missingFiles(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCitationsResolve checks that every shipped scenario and history cites only
// files in the repository, source keys that docs/sources.md defines and
// sections of it that exist: users have the repository, not the team's
// notes.
func TestCitationsResolve(t *testing.T) {
	doc, err := os.ReadFile(sourcesDoc)
	if err != nil {
		t.Fatal(err)
	}
	var files []model.Source
	for _, name := range Names() {
		src, _ := Source(name)
		files = append(files, src)
	}
	for _, name := range HistoryNames() {
		src, _ := History(name)
		files = append(files, src)
	}
	for _, src := range files {
		text := string(src.Data)
		for _, ref := range missingFiles(text, "..") {
			t.Errorf("%s cites %s, which is not a file of the repository; cite docs/sources.md", src.Name, ref)
		}
		for _, m := range keyRef.FindAllStringSubmatch(text, -1) {
			if !regexp.MustCompile(`(?m)^\| \[` + m[1] + `\] \|`).Match(doc) {
				t.Errorf("%s cites [%s], which docs/sources.md does not define", src.Name, m[1])
			}
		}
		for _, m := range sectionRef.FindAllStringSubmatch(text, -1) {
			heading := `(?m)^## ` + m[1] + `\. `
			if m[2] != "" {
				heading = `(?m)^### Alternatives`
			}
			if !regexp.MustCompile(heading).Match(doc) {
				t.Errorf("%s cites %q, which is not a section of docs/sources.md", src.Name, m[0])
			}
		}
	}
}

// TestHistoricalScenariosHaveADerivation checks that docs/sources.md has
// a section deriving each historical scenario's numbers from what was
// public at its start.
func TestHistoricalScenariosHaveADerivation(t *testing.T) {
	doc, err := os.ReadFile(sourcesDoc)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range Names() {
		src, _ := Source(name)
		var top map[string]any
		if err := yaml.Unmarshal(src.Data, &top); err != nil {
			t.Fatal(err)
		}
		if top["start"] == nil || top["extends"] != nil {
			continue // a teaching scenario, or a variant stating only its difference
		}
		checked++
		if !regexp.MustCompile("(?m)^### `" + regexp.QuoteMeta(name) + "`").Match(doc) {
			t.Errorf("docs/sources.md has no section ### `%s` deriving its numbers from what was public at its start (%v)", name, top["start"])
		}
	}
	if checked < 4 {
		t.Errorf("found %d historical scenarios, want at least muscat, jpoa-2013, vienna-2021 and islamabad-2026", checked)
	}
}
