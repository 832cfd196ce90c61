package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-sim/parley/scenarios"
)

// get asks the classroom handler for target and returns the status and
// the body.
func get(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Body.String()
}

func TestServeHandlers(t *testing.T) {
	h := newClassroom()
	for _, tc := range []struct {
		target string
		status int
		want   []string // substrings of the body
	}{
		{"/", 200, []string{"<title>Parley classroom</title>", "show the command", "/api/compare"}},
		{"/api/scenarios", 200, []string{`"name":"muscat"`, `"name":"rubinstein"`}},
		{"/api/scenario?scenario=muscat", 200, []string{`"path":"actors.iran.discount"`, `"path":"actors.oman.credibility"`,
			`"path":"protocol.escalation.hazard"`, `"strategy":"step-by-step/boulware"`, `"max_episodes":20000`}},
		{"/api/scenario?scenario=rubinstein", 200, []string{`"path":"actors.first.discount"`}},
		{"/api/compare?scenario=muscat&episodes=50&versus-set=actors.oman.credibility=0.9", 200,
			[]string{`"compare":"parley compare muscat --seed 1 --episodes 50 --versus-set actors.oman.credibility=0.9"`, `"key":"outcomes.comprehensive"`}},
		{"/api/compare?scenario=muscat&episodes=50", 200, []string{`"compare":"parley run muscat --seed 1 --episodes 50"`}},
		{"/api/explain?scenario=muscat&set=actors.iran.discount=0.9", 200,
			[]string{`"command":"parley explain muscat --set actors.iran.discount=0.9"`, `"nash_bargaining":`, `"frontier":`}},
		{"/api/trace?scenario=muscat&seed=3&episode=2&strategy=us=hold-out/conceder", 200,
			[]string{`"command":"parley trace muscat --seed 3 --episode 2 --strategy us=hold-out/conceder"`, `"events":`}},

		// The request's mistakes: a 400 naming the parameter and what is valid.
		{"/api/compare?scenario=nowhere", 400, []string{"scenario=nowhere: no embedded scenario", "want one of", "muscat"}},
		{"/api/compare?scenario=../../etc/passwd", 400, []string{"no embedded scenario"}},
		{"/api/compare?episodes=0", 400, []string{"episodes=0: want a whole number, 1 … 20000"}},
		{"/api/compare?episodes=1000000", 400, []string{"episodes=1000000: want a whole number, 1 … 20000"}},
		{"/api/compare?seed=-1", 400, []string{"seed=-1: want a whole number"}},
		{"/api/compare?workers=8", 400, []string{`unknown parameter \"workers\"`}},
		{"/api/compare?set=actors.nobody.discount=0.5", 400, []string{"--set actors.nobody.discount=0.5", "not a numeric field of muscat"}},
		{"/api/compare?set=actors.iran.discount=2", 400, []string{"--set"}},
		{"/api/compare?versus=us=bogus", 400, []string{"--versus"}},
		{"/api/compare?scenario=muscat&scenario=rubinstein", 400, []string{"scenario given 2 times; want it once"}},
		{"/api/trace?episode=-1", 400, []string{"episode=-1: want a whole number"}},
		{"/api/explain?strategy=us=hold-out/conceder", 400, []string{`unknown parameter \"strategy\"`}},
		{"/api/compare?" + strings.Repeat("set=a=1&", 33), 400, []string{"set given 33 times; want at most 32"}},
		{"/favicon.ico", 404, []string{"no such page"}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			status, body := get(t, h, tc.target)
			if status != tc.status {
				t.Errorf("status %d; want %d; body %s", status, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%.600s", w, body)
				}
			}
			if tc.status != 200 && !strings.Contains(body, `"error":"parley: `) {
				t.Errorf("an error's body is %.300s; want {\"error\":\"parley: …\"}", body)
			}
		})
	}
}

// TestServePageSelfContained checks that the page loads nothing from
// elsewhere: no absolute URL in a src, href or fetch.
func TestServePageSelfContained(t *testing.T) {
	_, page := get(t, newClassroom(), "/")
	for _, bad := range []string{`src="http`, `href="http`, `src="//`, `href="//`, `fetch("http`, "@import", "<link"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q: it must embed all it needs", bad)
		}
	}
}

// jsonOf decodes data with the CLI's version stamp left out.
func jsonOf(t *testing.T, data string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		t.Fatalf("%v: %.300s", err, data)
	}
	delete(v, "version")
	return v
}

// runShown runs a command line the page shows through the CLI with
// --format json and returns its output decoded.
func runShown(t *testing.T, line string) map[string]any {
	t.Helper()
	args := strings.Fields(line)
	if len(args) < 2 || args[0] != "parley" {
		t.Fatalf("shown command %q does not start with parley", line)
	}
	stdout, stderr, code := invoke(append(args[1:], "--format", "json")...)
	if code != exitOK {
		t.Fatalf("%s: exit %d: %s", line, code, stderr)
	}
	return jsonOf(t, stdout)
}

// TestServeCommandsReproduce checks the page's promise: each command it
// shows, run in the terminal, prints exactly the numbers it drew.
func TestServeCommandsReproduce(t *testing.T) {
	h := newClassroom()
	q := url.Values{
		"scenario": {"muscat"}, "seed": {"7"}, "episodes": {"300"},
		"set":        {"actors.iran.discount=0.9", "protocol.escalation.hazard=0.05"},
		"strategy":   {"iran=hold-out/boulware"},
		"versus-set": {"actors.oman.credibility=0.95", "actors.iran.discount=0.8"},
		"versus":     {"us=comprehensive-only/conceder"},
	}
	status, body := get(t, h, "/api/compare?"+q.Encode())
	if status != 200 {
		t.Fatalf("compare: %d %s", status, body)
	}
	var api struct {
		Commands   struct{ Compare, A, B string }
		Comparison json.RawMessage
	}
	if err := json.Unmarshal([]byte(body), &api); err != nil {
		t.Fatal(err)
	}
	if got, want := runShown(t, api.Commands.Compare), jsonOf(t, string(api.Comparison)); !reflect.DeepEqual(got, want) {
		t.Errorf("%s prints other numbers than the page's", api.Commands.Compare)
	}
	// Each setting alone: its run's every metric is that arm's figure.
	cmp := jsonOf(t, string(api.Comparison))
	for arm, line := range []string{api.Commands.A, api.Commands.B} {
		res := runShown(t, line)
		for _, m := range cmp["metrics"].([]any) {
			m := m.(map[string]any)
			var at any = res
			for _, part := range strings.Split(m["key"].(string), ".") {
				m, _ := at.(map[string]any)
				at = m[part]
			}
			if want := m["arms"].([]any)[arm]; !reflect.DeepEqual(at, want) {
				t.Errorf("%s: %s is %v; the page shows %v", line, m["key"], at, want)
			}
		}
	}

	for _, target := range []string{
		"/api/explain?scenario=muscat&set=actors.iran.discount=0.8&set=actors.iran.reservation.value=0.3",
		"/api/trace?scenario=muscat&seed=7&episode=4&set=actors.iran.discount=0.8&strategy=us=comprehensive-only/conceder",
	} {
		status, body := get(t, h, target)
		if status != 200 {
			t.Fatalf("%s: %d %s", target, status, body)
		}
		var v struct {
			Command     string
			Explanation json.RawMessage
			Trace       json.RawMessage
		}
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		shown := v.Explanation
		if shown == nil {
			shown = v.Trace
		}
		if got, want := runShown(t, v.Command), jsonOf(t, string(shown)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s prints other numbers than the page's", v.Command)
		}
	}
}

// TestServeCancels checks that a request whose client leaves stops its
// computation and frees its slot at once, rather than playing on.
func TestServeCancels(t *testing.T) {
	c := newClassroom()
	// The most episodes: about 2 s of one CPU on the 2-core machine, were
	// it played to the end.
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest(http.MethodGet, "/api/compare?episodes=20000&versus-set=actors.oman.credibility=0.9", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	done := make(chan time.Time)
	go func() { c.ServeHTTP(rec, req); done <- time.Now() }()
	time.Sleep(20 * time.Millisecond) // well before its end
	cancelled := time.Now()
	cancel()
	select {
	case end := <-done:
		if d := end.Sub(cancelled); d > 300*time.Millisecond {
			t.Errorf("the request ended %v after its client left; want it stopped within 300 ms", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request played on for 5 s after its client left")
	}
	if rec.Code != 499 {
		t.Errorf("status %d; want 499, client closed the request", rec.Code)
	}
	if n := len(c.slots); n != 0 {
		t.Errorf("%d slots still held after the request ended; want 0", n)
	}
}

// TestServeQueueTimesOut checks that a request waiting for a slot longer
// than its time gets a 503 saying so, not a hang.
func TestServeQueueTimesOut(t *testing.T) {
	c := newClassroom()
	for range cap(c.slots) {
		c.slots <- struct{}{} // every slot busy
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	rec := httptest.NewRecorder()
	c.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/trace", nil).WithContext(ctx))
	if rec.Code != 499 && rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d; want 503 or 499", rec.Code)
	}
	body, _ := io.ReadAll(rec.Body)
	if rec.Code == http.StatusServiceUnavailable && !strings.Contains(string(body), "busy") {
		t.Errorf("body %s; want it to say the server is busy", body)
	}
}

// TestClassroomDocCoversEveryField checks that docs/classroom.md names
// every JSON field of the API's own answers (those it shares with other
// commands are in docs/output.md).
func TestClassroomDocCoversEveryField(t *testing.T) {
	doc, err := os.ReadFile("docs/classroom.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{classroomScenario{}, classroomPrincipal{}, slider{}, classroomComparison{},
		classroomComparison{}.Commands, classroomExplanation{}, classroomTrace{}} {
		typ := reflect.TypeOf(v)
		for f := range typ.Fields() {
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); !strings.Contains(string(doc), "`"+name+"`") {
				t.Errorf("docs/classroom.md does not name %s.%s (`%s`)", typ, f.Name, name)
			}
		}
	}
}

// TestServeEveryScenario checks that the page can show every embedded
// scenario: each endpoint answers for it.
func TestServeEveryScenario(t *testing.T) {
	h := newClassroom()
	for _, name := range scenarios.Names() {
		for _, target := range []string{"/api/scenario?", "/api/compare?episodes=20&", "/api/explain?", "/api/trace?"} {
			if status, body := get(t, h, target+"scenario="+name); status != 200 {
				t.Errorf("%sscenario=%s: %d %.300s", target, name, status, body)
			}
		}
	}
}
