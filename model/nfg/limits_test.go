package nfg

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestReadLimits checks the size bounds: each oversized input is rejected
// with a clear error. The inputs of several megabytes are skipped in short
// mode.
func TestReadLimits(t *testing.T) {
	const head = `NFG 1 R "t" { "a" "b" } `
	tests := []struct {
		name  string
		src   func() io.Reader
		large bool
		want  string
	}{
		{"file too large", func() io.Reader {
			return io.MultiReader(strings.NewReader(head+"{ 1 1 } 1 2"), &spaces{n: MaxFileSize})
		}, true, "test.nfg: file larger than 67108864 bytes"},
		{"too many labels", func() io.Reader {
			return strings.NewReader(head + "{ { " + strings.Repeat(`"" `, MaxProfiles+1) + "} { \"x\" } }")
		}, true, "too many strategies: found string \"\"; expected at most 262144 per player"},
		{"too many outcomes", func() io.Reader {
			return strings.NewReader(head + "{ 1 1 } { " + strings.Repeat(`{ "" 1 2 } `, MaxProfiles+1) + "} 1")
		}, true, "too many outcomes: found '{'; expected at most 262144"},
		{"count too large", func() io.Reader {
			return strings.NewReader(head + "{ 262145 1 } 1 2")
		}, false, "found number 262145; expected player 1's number of strategies, a whole number from 1 to 262144"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.large && testing.Short() {
				t.Skip("reads megabytes")
			}
			g, err := Read(tt.src(), "test.nfg")
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Read = %v, %v; want an *Error containing %q", g, err, tt.want)
			}
		})
	}
}

// spaces is a reader of n spaces.
type spaces struct{ n int }

// Read fills p with spaces until n are given.
func (s *spaces) Read(p []byte) (int, error) {
	if s.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), s.n)
	for i := range p[:k] {
		p[i] = ' '
	}
	s.n -= k
	return k, nil
}

// TestReadSmallFileSmallCost checks that a file of a few bytes cannot make
// Read allocate much: a 262144×1 game header with one payoff is rejected
// before any per-strategy or per-profile allocation.
func TestReadSmallFileSmallCost(t *testing.T) {
	const src = `NFG 1 R "t" { "a" "b" } { 262144 1 } 1 2`
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := readString(src); err == nil {
		t.Fatal("accepted a 512×512 game with one payoff")
	}
	runtime.ReadMemStats(&after)
	// 64 KiB is far below the 4 MiB that the 262144 string headers of
	// labels "1" … "262144" alone would take (16 bytes each), and far
	// above the few hundred bytes of tokens and the error
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<10 {
		t.Errorf("reading %d bytes allocated %d bytes", len(src), alloc)
	}
}
