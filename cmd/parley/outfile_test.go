//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestLessonFilesRefused checks that lessons --files neither hangs on a
// FIFO where a lesson's scenario file goes nor lets --out name one of
// those files (issue #13, failures 6 and 7: reading the FIFO blocked for
// ever, and the lesson's text silently replaced its scenario file).
func TestLessonFilesRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("docs/lessons", 0o755); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := invoke("lessons", "patience", "--files", "--out", "docs/lessons/./equal-patience.yaml")
	if _, err := os.Stat("docs/lessons/equal-patience.yaml"); code != exitUsage || err == nil ||
		!strings.Contains(stderr, "--out docs/lessons/./equal-patience.yaml and --files: the same file") {
		t.Errorf("exit %d, stderr %q, file written: %v; want exit %d, nothing written and why", code, stderr, err == nil, exitUsage)
	}
	if err := syscall.Mkfifo("docs/lessons/equal-patience.yaml", 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan bool)
	go func() { _, stderr, code = invoke("lessons", "patience", "--files"); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("lessons --files did not return within 10 s of a FIFO in its way")
	}
	if info, err := os.Lstat("docs/lessons/equal-patience.yaml"); code != exitFail || !strings.Contains(stderr, "a named pipe (FIFO), not a scenario file") ||
		err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("exit %d, stderr %q; want exit %d, the FIFO kept and why", code, stderr, exitFail)
	}
}

// TestNFGToStandardOutput checks that game --nfg - writes the game to
// standard output when --out takes the result, and is refused when
// standard output already does (issue #13, failure 4: --nfg - wrote a
// file named "-").
func TestNFGToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	args := []string{"game", "rubinstein", "--episodes", "10", "--bootstrap", "0", "--nfg", "-"}
	stdout, stderr, code := invoke(append(args, "--out", "game.txt")...)
	result, err := os.ReadFile("game.txt")
	if code != exitOK || !strings.HasPrefix(stdout, "NFG 1 R ") || err != nil || !strings.HasPrefix(string(result), "rubinstein strategy game") {
		t.Errorf("exit %d, stdout %.20q, game.txt %.30q (%v), stderr %q; want the game on stdout, the result in game.txt", code, stdout, result, err, stderr)
	}
	stdout, stderr, code = invoke(args...)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "--nfg -: standard output takes the result") {
		t.Errorf("without --out: exit %d, stdout %.20q, stderr %q; want exit %d and why", code, stdout, stderr, exitUsage)
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
}
