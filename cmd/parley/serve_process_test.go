package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startServe starts a real parley serve process on a free loopback port
// and returns its address, http://127.0.0.1:PORT; when the test ends it
// stops the server with SIGINT and checks that it exits 0.
func startServe(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"=serve\n--addr\n127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	var said strings.Builder
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			said.WriteString(sc.Text() + "\n")
			if _, rest, ok := strings.Cut(sc.Text(), "serving the classroom page at "); ok {
				addr <- strings.TrimSuffix(strings.Fields(rest)[0], "/")
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { <-drained; done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("parley serve stopped by SIGINT: %v; want exit 0\n%s", err, said.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("parley serve did not stop within 10 s of SIGINT")
		}
	})
	select {
	case a := <-addr:
		return a
	case <-time.After(10 * time.Second):
		t.Fatalf("parley serve said no address within 10 s")
	}
	return ""
}

// TestServeProcess runs parley serve for real: it serves the page and
// the API on the port it says, and stops cleanly on SIGINT.
func TestServeProcess(t *testing.T) {
	base := startServe(t)
	for path, want := range map[string]string{"/": "Parley classroom", "/api/trace?scenario=rubinstein": `"command":"parley trace rubinstein`} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d %.200s; want 200 with %q", path, resp.StatusCode, body, want)
		}
	}
}

func TestServeUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "muscat"}, "parley serve: takes no arguments"},
		{[]string{"serve", "--addr", "nowhere"}, "--addr nowhere:"},
		{[]string{"serve", "--addr", "127.0.0.1:99999"}, "want HOST:PORT free to listen on"},
	} {
		_, stderr, code := invoke(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("parley %s: exit %d, %q; want exit %d with %q", strings.Join(tc.args, " "), code, stderr, exitUsage, tc.want)
		}
	}
}
