package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"
)

// loadStudents is the class the load test serves: 30, the class
// on one laptop.
const loadStudents = 30

// loadLimit is the longest any request of the load test may take: a
// slider change answered within 2 s (issue #15).
const loadLimit = 2 * time.Second

// TestServeLoad has a class move a slider at once: 30 students, each
// sending the five requests one slider change makes on the page (the
// comparison at the page's default episodes, each setting's structure
// and episode) to a server on the loopback address, and checks that
// none takes over loadLimit. The whole test is bounded by 10 s.
func TestServeLoad(t *testing.T) {
	srv := httptest.NewServer(newClassroom())
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var mu sync.Mutex
	var latencies []time.Duration
	var wg sync.WaitGroup
	for s := range loadStudents {
		// Each student a different position of Oman's credibility slider in B.
		b := fmt.Sprintf("actors.oman.credibility=%.2f", 0.3+0.02*float64(s))
		for _, target := range []string{
			"/api/compare?" + url.Values{"scenario": {"muscat"}, "episodes": {fmt.Sprint(serveDefaultEpisodes)}, "versus-set": {b}}.Encode(),
			"/api/explain?scenario=muscat",
			"/api/explain?" + url.Values{"scenario": {"muscat"}, "set": {b}}.Encode(),
			"/api/trace?scenario=muscat",
			"/api/trace?" + url.Values{"scenario": {"muscat"}, "set": {b}}.Encode(),
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
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
			}()
		}
	}
	wg.Wait()
	slices.Sort(latencies)
	if len(latencies) == 0 {
		t.Fatal("no request answered")
	}
	worst := latencies[len(latencies)-1]
	t.Logf("%d requests from %d students: median %v, 95th percentile %v, worst %v",
		len(latencies), loadStudents, latencies[len(latencies)/2], latencies[len(latencies)*95/100], worst)
	if worst > loadLimit {
		t.Errorf("the slowest request took %v; want every one within %v", worst, loadLimit)
	}
}
