package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestServeShares checks that a class asking the same thing at once (the
// page's first load, say) costs one computation, and asking again none.
func TestServeShares(t *testing.T) {
	c := newClassroom()
	target := "/api/compare?episodes=2000&versus-set=actors.oman.credibility=0.9"
	bodies := make([]string, 30)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Go(func() {
			status, body := get(t, c, target)
			if status != 200 {
				t.Errorf("status %d: %.200s", status, body)
			}
			bodies[i] = body
		})
	}
	wg.Wait()
	get(t, c, target)
	if n := c.computed.Load(); n != 1 {
		t.Errorf("31 identical requests ran %d computations; want 1", n)
	}
	for i, b := range bodies {
		if b != bodies[0] {
			t.Fatalf("request %d was answered otherwise than request 0", i)
		}
	}
}

// TestServeSharedLeaderLeaves checks that when the request computing a
// result leaves, a request waiting for the same result still gets it.
func TestServeSharedLeaderLeaves(t *testing.T) {
	c := newClassroom()
	target := "/api/compare?episodes=20000&versus-set=actors.oman.credibility=0.9" // about 1 s of one CPU
	ctx, cancel := context.WithCancel(context.Background())
	left := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil).WithContext(ctx))
		left <- rec.Code
	}()
	time.Sleep(20 * time.Millisecond)
	stayed := make(chan int)
	go func() { status, _ := get(t, c, target); stayed <- status }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if code := <-left; code != 499 {
		t.Errorf("the request that left: status %d; want 499", code)
	}
	if code := <-stayed; code != 200 {
		t.Errorf("the request that stayed: status %d; want 200", code)
	}
	if n := c.computed.Load(); n != 2 {
		t.Errorf("%d computations; want 2, the abandoned one and the one that finished", n)
	}
}

// TestServeKeepsRecent checks that the classroom remembers serveRecent
// results, forgetting the oldest first.
func TestServeKeepsRecent(t *testing.T) {
	c := newClassroom()
	for i := range serveRecent + 3 {
		c.keep(fmt.Sprint(i), i)
	}
	if len(c.recent) != serveRecent || len(c.order) != serveRecent {
		t.Errorf("keeps %d results (%d keys); want %d", len(c.recent), len(c.order), serveRecent)
	}
	for i, want := range map[int]bool{0: false, 2: false, 3: true, serveRecent + 2: true} {
		if _, ok := c.recent[fmt.Sprint(i)]; ok != want {
			t.Errorf("result %d kept: %v; want %v", i, ok, want)
		}
	}
}
