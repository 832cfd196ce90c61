package main

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-sim/parley/model"
	"github.com/parley-sim/parley/scenarios"
)

// The classroom server's bounds, so that a class of 30 on one laptop
// does not exhaust it.
const (
	serveDefaultEpisodes = 500              // the page's default: ±4.4 pp at worst (Wilson, p = 0.5), paired differences far tighter; 30 students well within 2 s on 2 cores (TestServeLoad)
	serveMaxEpisodes     = 20000            // the most episodes one request plays
	serveTimeout         = 10 * time.Second // the longest one request waits and computes
	serveMaxValues       = 32               // the most values of one query parameter
)

//go:embed serve_page/index.html
var servePage embed.FS

// A classroom serves the page and its API. At most one computation per
// CPU runs at a time, each on one worker; the others queue in order.
// Identical requests share one computation, and the last serveRecent
// results are kept for requests that ask again (see shared).
type classroom struct {
	mux      *http.ServeMux
	slots    chan struct{}
	computed atomic.Int64 // computations run, which the tests count

	mu      sync.Mutex
	cache   map[string]*model.Scenario // the embedded scenarios, loaded once
	flights map[string]*flight         // computations in flight, by key
	recent  map[string]any             // finished results, by key
	order   []string                   // recent's keys, oldest first
	derived map[derivation]*model.Scenario
}

func newClassroom() *classroom {
	mux := http.NewServeMux()
	c := &classroom{mux: mux, slots: make(chan struct{}, runtime.NumCPU()), cache: map[string]*model.Scenario{},
		flights: map[string]*flight{}, recent: map[string]any{}, derived: map[derivation]*model.Scenario{}}
	mux.HandleFunc("GET /{$}", c.page)
	mux.HandleFunc("GET /api/scenarios", c.handle(c.scenarios))
	mux.HandleFunc("GET /api/scenario", c.handle(c.scenario))
	mux.HandleFunc("GET /api/compare", c.handle(c.compare))
	mux.HandleFunc("GET /api/explain", c.handle(c.explain))
	mux.HandleFunc("GET /api/trace", c.handle(c.trace))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeAPIError(w, http.StatusNotFound, fmt.Sprintf("%s %s: no such page; want GET / or /api/scenarios, /api/scenario, /api/compare, /api/explain, /api/trace", r.Method, r.URL.Path))
	})
	return c
}

// ServeHTTP serves the page and its API.
func (c *classroom) ServeHTTP(w http.ResponseWriter, r *http.Request) { c.mux.ServeHTTP(w, r) }

func (c *classroom) page(w http.ResponseWriter, _ *http.Request) {
	data, _ := servePage.ReadFile("serve_page/index.html") // embedded: it is there
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")
	w.Write(data)
}

// apiError is an API request's error, with its status.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

// badRequest is a request's mistake: status 400.
func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// handle wraps an endpoint: it bounds the request by serveTimeout,
// writes the result as JSON or the error with its status, and turns a
// panic into a 500 rather than a dropped connection.
func (c *classroom) handle(f func(ctx context.Context, q url.Values) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				writeAPIError(w, http.StatusInternalServerError, fmt.Sprintf("internal error: %v; please report it with the page's command", p))
			}
		}()
		ctx, cancel := context.WithTimeout(r.Context(), serveTimeout)
		defer cancel()
		v, err := f(ctx, r.URL.Query())
		var ae *apiError
		var ue *usageError
		switch {
		case ctx.Err() != nil:
			writeContextError(w, ctx)
		case errors.As(err, &ae):
			writeAPIError(w, ae.status, ae.msg)
		case errors.As(err, &ue):
			writeAPIError(w, http.StatusBadRequest, ue.msg)
		case err != nil:
			writeAPIError(w, http.StatusBadRequest, err.Error())
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-store")
			json.NewEncoder(w).Encode(v)
		}
	}
}

// writeContextError answers a request whose context ended: the client
// that left gets nothing (it no longer listens), a request out of time
// a 503.
func writeContextError(w http.ResponseWriter, ctx context.Context) {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		writeAPIError(w, http.StatusServiceUnavailable, fmt.Sprintf("busy: no result within %s; try again, or with fewer episodes", serveTimeout))
		return
	}
	w.WriteHeader(499) // client closed the request, as nginx logs it
}

func writeAPIError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": "parley: " + msg})
}

// query reads a request's parameters, refusing any but those allowed and
// more than serveMaxValues values of one.
type query struct {
	q url.Values
}

func readQuery(q url.Values, allowed ...string) (query, error) {
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if !slices.Contains(allowed, k) {
			return query{}, badRequest("unknown parameter %q; want %s", k, strings.Join(allowed, ", "))
		}
		if len(q[k]) > serveMaxValues {
			return query{}, badRequest("%s given %d times; want at most %d", k, len(q[k]), serveMaxValues)
		}
	}
	return query{q}, nil
}

// one returns the single value of key, def when absent.
func (q query) one(key, def string) (string, error) {
	switch v := q.q[key]; len(v) {
	case 0:
		return def, nil
	case 1:
		return v[0], nil
	}
	return "", badRequest("%s given %d times; want it once", key, len(q.q[key]))
}

// integer returns the value of key as an integer in lo … hi.
func (q query) integer(key string, def, lo, hi int64) (int64, error) {
	s, err := q.one(key, strconv.FormatInt(def, 10))
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%s: want a whole number, %d … %d", key, s, lo, hi)
	}
	return n, nil
}

// loadScenario returns the embedded scenario the query's scenario names,
// loaded once per server. Files are never read: the page serves what the
// binary embeds.
func (c *classroom) loadScenario(q query) (*model.Scenario, error) {
	name, err := q.one("scenario", scenarios.Default)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.cache[name]; ok {
		return s, nil
	}
	if _, ok := scenarios.Source(name); !ok {
		return nil, badRequest("scenario=%s: no embedded scenario of that name; want one of %s", name, strings.Join(scenarios.Names(), ", "))
	}
	s, err := scenarios.Load(name)
	if err != nil {
		return nil, err
	}
	c.cache[name] = s
	return s, nil
}

// scenarioSummaries is /api/scenarios: the embedded scenarios.
func (c *classroom) scenarios(_ context.Context, q url.Values) (any, error) {
	if _, err := readQuery(q); err != nil {
		return nil, err
	}
	var list []scenarioSummary
	for _, name := range scenarios.Names() {
		s, err := c.loadScenario(query{url.Values{"scenario": {name}}})
		if err != nil {
			return nil, err
		}
		list = append(list, summarize(s))
	}
	return list, nil
}

// classroomScenario is /api/scenario: what the page offers for one
// scenario. Its JSON field names are stable.
type classroomScenario struct {
	Name       string               `json:"name"`
	Summary    string               `json:"summary"`
	Round      string               `json:"round"`
	Principals []classroomPrincipal `json:"principals"`
	Sliders    []slider             `json:"sliders"`
	Episodes   int                  `json:"episodes"`     // the page's default
	MaxEpisode int                  `json:"max_episodes"` // the most one request plays
}

// classroomPrincipal is a principal and the strategies it may play.
type classroomPrincipal struct {
	Name       string   `json:"name"`
	Label      string   `json:"label"`
	Strategy   string   `json:"strategy"` // its default
	Strategies []string `json:"strategies"`
}

func (c *classroom) scenario(_ context.Context, values url.Values) (any, error) {
	q, err := readQuery(values, "scenario")
	if err != nil {
		return nil, err
	}
	s, err := c.loadScenario(q)
	if err != nil {
		return nil, err
	}
	out := classroomScenario{Name: s.Name, Summary: s.Summary, Round: s.Round, Sliders: sliders(s),
		Episodes: serveDefaultEpisodes, MaxEpisode: serveMaxEpisodes}
	for _, a := range s.Principals() {
		actor := s.Actors[a]
		p := classroomPrincipal{Name: actor.Name, Label: actor.Label, Strategy: actor.Strategy.String()}
		for _, st := range actor.Strategies {
			p.Strategies = append(p.Strategies, st.String())
		}
		out.Principals = append(out.Principals, p)
	}
	return out, nil
}
