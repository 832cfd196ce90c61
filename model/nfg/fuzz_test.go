package nfg

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-sim/parley/internal/gambittest"
)

// FuzzRead checks that no input makes Read panic, that every rejection is
// a located *Error, and that every game Read accepts survives a round trip
// through Write and Read. It is seeded with the inline cases of this
// package's tests and, where present, the Gambit suite's files.
func FuzzRead(f *testing.F) {
	f.Add([]byte(selten))
	f.Add([]byte(`NFG 1 R"t"{"a""b"}{{"x""y"}{"z"}}{{"o"1,2}{"p"3 4}}2 1`))
	f.Add([]byte(`NFG 1 R "say \"hi\", a\\b" { "" "" } { { "a" "a" "" } { "x" } } .5 -1.0 5/2 1e-3 +2 1E2`))
	f.Add([]byte("\uFEFFNFG 1 D \"t\" { \"a\" \"b\" } { 2 2 }\r\n\"c\"\r\n{ { \"x\" 1 2, } }\t0 1 1 0"))
	if dir, ok := gambittest.Find(); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "games", "*.nfg"))
		invalid, _ := filepath.Glob(filepath.Join(dir, "games", "invalid", "*.nfg"))
		for _, path := range append(files, invalid...) {
			data, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Read(bytes.NewReader(data), "fuzz.nfg")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line == 0 {
				t.Fatalf("error %v is not a located *Error", err)
			}
			return
		}
		var b bytes.Buffer
		if err := Write(&b, g); err != nil {
			t.Fatalf("Write of an accepted game: %v", err)
		}
		back, err := Read(&b, "written.nfg")
		if err != nil {
			t.Fatalf("Read(Write(g)): %v\n%s", err, b.String())
		}
		if d := diffGames(back, g); d != "" {
			t.Fatal(d)
		}
	})
}
