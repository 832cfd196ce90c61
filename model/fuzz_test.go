package model

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// loadTimeout is far above the milliseconds any scenario takes to load: a
// load that takes longer is a hang.
const loadTimeout = 10 * time.Second

// corpus returns the scenario files the fuzz target is seeded with: this
// package's test data, the shipped scenarios and the CLI's broken examples.
func corpus(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"testdata/*.yaml", "../scenarios/*.yaml", "../testdata/invalid/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// resolveShipped resolves extends against the shipped scenario files.
func resolveShipped(ref, _ string) (Source, error) {
	path := filepath.Join("..", "scenarios", filepath.Base(ref)+".yaml")
	data, err := os.ReadFile(path)
	return Source{Name: path, Data: data}, err
}

// FuzzLoad checks that no input makes Load panic or hang, that every
// failure is a list of located errors, and that every scenario it accepts
// survives a round trip through MarshalYAML.
func FuzzLoad(f *testing.F) {
	for _, file := range corpus(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nname: *c\n"))
	f.Add([]byte(strings.Repeat("[", 5000)))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s *Scenario
		var err error
		done := make(chan struct{})
		go func() {
			s, err = Load(Source{Name: "fuzz.yaml", Data: data}, resolveShipped)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(loadTimeout):
			t.Fatalf("Load did not return within %v", loadTimeout)
		}
		if err != nil {
			list, ok := err.(ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
			}
			for _, e := range list {
				if e.File == "" || e.Msg == "" || e.Line < 0 || e.Column < 0 {
					t.Fatalf("malformed error %#v", e)
				}
			}
			return
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Load(Source{Name: s.File, Data: out}, nil)
		if err != nil {
			t.Fatalf("shown scenario does not load: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(s, back) {
			t.Fatalf("round trip changed the scenario:\n%s", out)
		}
	})
}
