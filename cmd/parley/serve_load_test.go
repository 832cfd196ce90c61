package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// loadStudents is the class the load test serves: 30, the class
// on one laptop.
const loadStudents = 30

// loadLimit is the longest any request of the load test may take: a
// slider change answered within 2 s (issue #15).
const loadLimit = 2 * time.Second

// loadBursts is how many times the load test lets the class try: the
// machine is shared, and another engineer's full test suite can take
// most of it for a few seconds; a server too slow fails every burst.
const loadBursts = 3

// TestServeLoad has a class move a slider at once: 30 students, each
// sending the five requests one slider change makes on the page (the
// comparison at the page's default episodes, each setting's structure
// and episode) to a server on the loopback address, and checks that
// none takes over loadLimit, in one of loadBursts bursts, each to a
// fresh server and bounded by 10 s.
//
// The 2-core machine is shared by five engineers, whose test suites can
// leave this process less than one core (a load average of 8 was seen).
// A burst that got less than a core on average while the machine's load
// exceeded its CPUs is judged by its worst latency scaled to one whole
// core (worst × cores got): a conservative estimate of the machine to
// itself, which has two. A server too slow for one core, or one that
// idles on a quiet machine, fails either way.
func TestServeLoad(t *testing.T) {
	for burst := range loadBursts {
		worst, cores := classBurst(t, burst)
		if t.Failed() {
			return
		}
		if worst <= loadLimit {
			return
		}
		load, busy := machineBusy()
		if scaled := time.Duration(float64(worst) * cores); busy && cores < 1 && scaled <= loadLimit {
			t.Logf("burst %d had %.2f cores of a machine at load %.1f on average: its worst, %v, is %v on one whole core", burst+1, cores, load, worst, scaled)
			return
		}
	}
	t.Errorf("in each of %d bursts a request took over %v, even scaled to one whole core", loadBursts, loadLimit)
}

// machineBusy returns the machine's load average over the last minute
// and whether it exceeds its CPUs: only then may a burst that got less
// than a core be excused, so that a server which idles (waiting on a lock,
// say) rather than computes still fails. Where /proc/loadavg cannot be
// read, the machine counts as quiet.
func machineBusy() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	load, err := strconv.ParseFloat(f[0], 64)
	return load, err == nil && load > float64(runtime.NumCPU())
}

// cpuTime returns the CPU time this process has used, user and system.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// classBurst serves one burst of the load test and returns the longest
// any of its requests took, and the cores the process had on average
// meanwhile (CPU time over wall time).
func classBurst(t *testing.T, burst int) (time.Duration, float64) {
	srv := httptest.NewServer(newClassroom())
	cpu0, wall0 := cpuTime(t), time.Now()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var mu sync.Mutex
	var latencies []time.Duration
	var wg sync.WaitGroup
	for s := range loadStudents {
		// Each student a different position of Oman's credibility slider in B.
		b := fmt.Sprintf("actors.oman.credibility=%.2f", 0.3+0.02*float64(s))
		seed := fmt.Sprint(burst + 1)
		for _, target := range []string{
			"/api/compare?" + url.Values{"scenario": {"muscat"}, "seed": {seed}, "episodes": {fmt.Sprint(serveDefaultEpisodes)}, "versus-set": {b}}.Encode(),
			"/api/explain?scenario=muscat",
			"/api/explain?" + url.Values{"scenario": {"muscat"}, "set": {b}}.Encode(),
			"/api/trace?scenario=muscat&seed=" + seed,
			"/api/trace?" + url.Values{"scenario": {"muscat"}, "seed": {seed}, "set": {b}}.Encode(),
		} {
			wg.Go(func() {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+target, nil)
				start := time.Now()
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(start)
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d, %v", target, resp.StatusCode, err)
				}
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	cores := float64(cpuTime(t)-cpu0) / float64(time.Since(wall0))
	slices.Sort(latencies)
	if len(latencies) == 0 {
		t.Fatal("no request answered")
	}
	worst := latencies[len(latencies)-1]
	t.Logf("burst %d: %d requests from %d students: median %v, 95th percentile %v, worst %v, on %.2f cores", burst+1,
		len(latencies), loadStudents, latencies[len(latencies)/2], latencies[len(latencies)*95/100], worst, cores)
	return worst, cores
}
