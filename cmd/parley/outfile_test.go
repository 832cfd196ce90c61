//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputThroughLinksAndDevices checks that --out writes through a
// symbolic link and into a FIFO instead of replacing them (issue #13,
// failure 4: --out /dev/null as root replaced /dev/null with a file).
func TestOutputThroughLinksAndDevices(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target.json"), filepath.Join(dir, "link.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.json", link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := invoke("run", "rubinstein", "--episodes", "10", "--format", "json", "--out", link); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link: %v, %v", link, info, err)
	}
	if data, err := os.ReadFile(target); err != nil || !strings.HasPrefix(string(data), "{") {
		t.Errorf("the link's target holds %.20q, %v; want the JSON report", data, err)
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		got <- string(data)
	}()
	if _, stderr, code := invoke("run", "rubinstein", "--episodes", "10", "--format", "csv", "--out", fifo); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data := <-got; !strings.HasPrefix(data, "scenario,seed,") {
		t.Errorf("the FIFO's reader got %.30q; want the CSV report", data)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a FIFO: %v, %v", fifo, info, err)
	}
}

// TestOutputRefused checks that outputs that cannot be written are
// refused before any episode is played (issue #13, failure 4: --out /tmp
// failed after the whole simulation, naming a hidden temporary file) and
// that two outputs naming one file are refused (failure 7: game --out g
// --nfg ./g lost one of them).
func TestOutputRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "report")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("report", filepath.Join(dir, "alias")); err != nil {
		t.Fatal(err)
	}
	// Each run asks for 10⁹ episodes: an hour of work if a check came too late.
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--episodes", "1000000000", "--out", dir}, "--out " + dir + ": a directory; want the path of a file"},
		{[]string{"run", "--episodes", "1000000000", "--out", filepath.Join(dir, "no", "such", "r.json")},
			"folder " + filepath.Join(dir, "no", "such") + " does not exist; create it first"},
		{[]string{"compare", "--episodes", "1000000000", "--versus", "us=hold-out/fixed", "--out", filepath.Join(dir, "dangling")},
			"a symbolic link to a file that does not exist"},
		{[]string{"game", "--episodes", "40000000", "--nfg", dir}, "--nfg " + dir + ": a directory"},
		{[]string{"game", "--episodes", "40000000", "--out", file, "--nfg", filepath.Join(dir, ".", "report")}, "the same file; want two different files"},
		{[]string{"game", "--episodes", "40000000", "--out", file, "--nfg", filepath.Join(dir, "alias")}, "the same file; want two different files"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := invoke(tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitUsage, tt.want)
			}
		})
	}
}
