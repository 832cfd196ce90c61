//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtendsSafely checks that extends resolves relative to the file
// that names it, refuses a FIFO, a device, a directory and a path outside
// the variant's folder without hanging, and never prints the content of
// a file that is not a scenario (issue #13, failure 6: extends:
// /etc/shadow printed its lines, a FIFO hung forever).
func TestExtendsSafely(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	base, err := os.ReadFile("testdata/variants/patient-iran.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(sub, "base.yaml"), string(base))
	write(filepath.Join(dir, "secret.txt"), "root:$6$SECRET:19000:0:99999:7:::\n")
	write(filepath.Join(sub, "notes.txt"), "root:$6$SECRET:19000:0:99999:7:::\n")
	if err := syscall.Mkfifo(filepath.Join(sub, "fifo"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(sub, "zero")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret.txt", filepath.Join(sub, "linked.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		extends string
		want    string // "" for a valid scenario
	}{
		{"base.yaml", ""}, // relative to sub/, not to the working directory
		{"./fifo", "sub/fifo: a named pipe (FIFO); want a scenario file"},
		{"./zero", "sub/zero: a device; want a scenario file"},
		{"./", "a directory; want a scenario file"},
		{"../secret.txt", "extends: ../secret.txt is outside the folder of "},
		{"/etc/passwd", "extends: /etc/passwd is outside the folder of "},
		{"./notes.txt", "is not a scenario file; want a YAML mapping"},
		{"./linked.txt", "is not a scenario file; want a YAML mapping"}, // a link made in the folder is followed
	}
	for _, tt := range tests {
		t.Run(tt.extends, func(t *testing.T) {
			variant := filepath.Join(sub, "v.yaml")
			write(variant, "name: v\ndescription: d\nextends: "+tt.extends+"\n")
			var stdout, stderr string
			var code int
			done := make(chan bool)
			go func() { stdout, stderr, code = invoke("validate", variant); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("validate did not return within 10 s")
			}
			switch {
			case tt.want == "" && code != exitOK:
				t.Errorf("exit %d: %s", code, stderr)
			case tt.want != "" && (code != exitFail || !strings.Contains(stderr, tt.want)):
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitFail, tt.want)
			case strings.Contains(stdout+stderr, "SECRET"):
				t.Errorf("the output quotes a file that is not a scenario: %q", stdout+stderr)
			}
		})
	}
	// The scenario itself: a FIFO given as the file to load.
	if _, stderr, code := invoke("validate", filepath.Join(sub, "fifo")); code != exitFail || !strings.Contains(stderr, "a named pipe (FIFO)") {
		t.Errorf("validate FIFO: exit %d, stderr %q", code, stderr)
	}
}

// TestInputsReadSafely checks that every other file parley reads — a
// scenario, a --history file, a .nfg game, a shard's partial result — is
// refused without hanging
// when it is a FIFO or a device, and without quoting it when it is not
// the kind of file wanted (issue #13 deliverable 6: equilibria and merge
// on a FIFO hung for ever; validate, backtest --history and equilibria
// quoted /etc/shadow).
func TestInputsReadSafely(t *testing.T) {
	dir := t.TempDir()
	secret, fifo := filepath.Join(dir, "secret.txt"), filepath.Join(dir, "fifo")
	if err := os.WriteFile(secret, []byte("root:$6$SECRET:19000:0:99999:7:::\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"equilibria", fifo}, "fifo: a named pipe (FIFO); want a .nfg file"},
		{[]string{"equilibria", "/dev/zero"}, "/dev/zero: a device; want a .nfg file"},
		{[]string{"equilibria", secret}, "not a .nfg file: it does not start with NFG"},
		{[]string{"backtest", "jpoa-2013", "--history", fifo}, "fifo: a named pipe (FIFO); want a history file"},
		{[]string{"backtest", "jpoa-2013", "--history", secret}, "not a history file"},
		{[]string{"validate", secret}, "not a scenario file"},
		{[]string{"run", "/dev/zero"}, "/dev/zero: a device; want a scenario file"},
		{[]string{"merge", fifo}, "fifo: a named pipe (FIFO); want a partial result"},
		{[]string{"merge", "/dev/zero"}, "/dev/zero: a device; want a partial result"}, // read a gigabyte first
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr string
			var code int
			done := make(chan bool)
			go func() { stdout, stderr, code = invoke(tt.args...); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("did not return within 10 s")
			}
			if code != exitFail || !strings.Contains(stderr, tt.want) || strings.Contains(stdout+stderr, "SECRET") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q, the file not quoted", code, stdout, stderr, exitFail, tt.want)
			}
		})
	}
}
