package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var screenshot = flag.String("screenshot", "", "with TestClassroomInBrowser, write a PNG of the page to `FILE` (docs/classroom.png)")

// browsers are the names a headless Chromium goes by, in the order looked for.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// findBrowser returns the path of a Chromium on PATH, or skips the test
// saying what it looked for.
func findBrowser(t *testing.T) string {
	for _, name := range browsers {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skipf("no browser for the end-to-end test of parley serve: none of %s is on PATH; install one (Debian: apt-get install chromium; .ci/run does) to run it",
		strings.Join(browsers, ", "))
	return ""
}

// distRow is a row of the page's outcome table: a metric's key and the
// numbers each setting's cell carries.
type distRow struct {
	Key  string    `json:"key"`
	Vals []float64 `json:"vals"`
	Text []string  `json:"text"`
}

// readDist is JavaScript that reads the outcome table as distRows.
const readDist = `[...document.querySelectorAll("#dist tr[data-key]")].map(r => ({
	key: r.dataset.key,
	vals: [...r.querySelectorAll("td[data-value]")].map(c => Number(c.dataset.value)),
	text: [...r.querySelectorAll("td[data-value]")].map(c => c.textContent)}))`

// TestClassroomInBrowser drives headless Chromium against a real parley
// serve on a loopback port: it loads the page, moves a slider of setting
// B with the keyboard, checks that B's outcome distribution changes, and
// runs the command the page shows through the CLI to check that it
// prints exactly the numbers the page shows. With -screenshot FILE it
// writes a picture of the page.
func TestClassroomInBrowser(t *testing.T) {
	path := findBrowser(t)
	base := startServe(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1400, 1750))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second) // the whole test, browser and all
	defer cancel()

	// distReady waits for a distribution drawn after generation after.
	distReady := func(after int) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](`(() => { const d = document.querySelector("#dist");
			return Number(d.dataset.generation || 0) > `+strconv.Itoa(after)+` && !d.classList.contains("busy") && !document.querySelector("#status.error"); })()`,
			chromedp.WithPollingTimeout(20*time.Second))
	}
	generation := `Number(document.querySelector("#dist").dataset.generation)`
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), distReady(0)); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	before := inBrowser(t, ctx, "reading the outcomes", chromedp.Evaluate[[]distRow](readDist))
	gen := inBrowser(t, ctx, "reading the generation", chromedp.Evaluate[int](generation))
	if len(before) == 0 {
		t.Fatal("the page shows no outcome table")
	}

	// Oman's credibility in B to the slider's end, as a student's keyboard would.
	slider := chromedp.CSS(`#side-B input[data-path="actors.oman.credibility"]`)
	if err := chromedp.Do(ctx, chromedp.Focus(slider), chromedp.KeyEvent(kb.End), distReady(gen)); err != nil {
		t.Fatalf("moving the slider: %v", err)
	}
	after := inBrowser(t, ctx, "reading the outcomes", chromedp.Evaluate[[]distRow](readDist))
	cmd := inBrowser(t, ctx, "reading the command", chromedp.TextContent(chromedp.CSS("#cmd-compare")))
	t.Logf("after the slider moved: %s", inBrowser(t, ctx, "reading the status", chromedp.TextContent(chromedp.CSS("#status"))))
	line, _, _ := strings.Cut(cmd, "\n")
	if want := "--versus-set actors.oman.credibility=1"; !strings.Contains(line, want) {
		t.Fatalf("the shown command is %q; want it to hold %s", line, want)
	}

	changed := false
	for i := range after {
		if i < len(before) && strings.HasPrefix(after[i].Key, "outcomes.") && after[i].Vals[1] != before[i].Vals[1] {
			changed = true
		}
	}
	if !changed {
		t.Errorf("B's outcome distribution did not change when its slider moved:\nbefore %v\nafter  %v", before, after)
	}

	// The command, run in the terminal, prints the numbers on the page.
	res := runShown(t, line)
	figures := map[string][]any{}
	for _, m := range res["metrics"].([]any) {
		m := m.(map[string]any)
		figures[m["key"].(string)] = m["arms"].([]any)
	}
	for _, row := range after {
		arms, ok := figures[row.Key]
		if !ok || len(row.Vals) != 2 {
			t.Errorf("%s: the page shows %v, %s prints no such metric", row.Key, row.Vals, line)
			continue
		}
		for a, arm := range arms {
			f := arm.(map[string]any)
			want, ok := f["p"].(float64)
			if !ok {
				want = f["mean"].(float64)
			}
			if row.Vals[a] != want {
				t.Errorf("%s, setting %c: the page shows %v (%s); %s prints %v", row.Key, 'A'+a, row.Vals[a], row.Text[a], line, want)
			}
		}
	}

	if *screenshot != "" {
		if err := chromedp.Do(ctx,
			chromedp.Sleep(4*time.Second), // the offers' walk across the plane
			chromedp.Evaluate[chromedp.Void](`document.querySelector("#dist details").open = true`),
		); err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		png := inBrowser(t, ctx, "taking the screenshot", chromedp.FullScreenshot(100))
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// inBrowser runs a on the browser of ctx and returns its value, failing
// the test, saying what it was doing, on an error.
func inBrowser[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}
