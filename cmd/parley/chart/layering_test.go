package chart

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSimNeverImportsCmd checks that no package under sim/ or model/
// imports anything under cmd/, so that plotting stays out of the engine
// (conventions: heavy dependencies live under cmd/).
func TestSimNeverImportsCmd(t *testing.T) {
	const module = "github.com/parley-sim/parley/"
	fset := token.NewFileSet()
	files := 0
	for _, dir := range []string{"../../../sim", "../../../model"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			files++
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if strings.HasPrefix(p, module+"cmd/") || strings.HasPrefix(p, "gonum.org/v1/plot") {
					t.Errorf("%s imports %s", path, p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 10 {
		t.Fatalf("read %d Go files under sim/ and model/; the walk missed them", files)
	}
}
