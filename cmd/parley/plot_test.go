package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-sim/parley/cmd/parley/chart/charttest"
)

// TestPlotsReadable draws a picture of each command's result and checks
// that a reader finds in it what the picture is about: a title naming
// the scenario, the seed and the episodes, the axes with their units,
// and a legend naming each series.
func TestPlotsReadable(t *testing.T) {
	sobol := []string{"sweep", "rubinstein", "--design", "sobol", "--samples", "8", "--episodes", "50", "--bootstrap", "20",
		"--range", "actors.first.discount=0.8:0.95", "--range", "actors.second.discount=0.8:0.95", "--metrics", "utilities"}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"run", []string{"run", "muscat", "--episodes", "400", "--seed", "3"},
			[]string{"muscat · seed 3 · 400 episodes", "probability (%)", "comprehensive", "path: upgrade",
				"round (1 round = 1 month)", "realized utility (1 = the side's best deal at once and for good)", "count", "iran", "us"}},
		{"compare", []string{"compare", "muscat", "--episodes", "400", "--versus", "us=comprehensive-only/conceder", "--arm", "iran=interim-first/conceder"},
			[]string{"muscat · seed 1 · 400 paired episodes", "baseline: iran step-by-step/boulware, us interim-first/conceder",
				"difference in probability (percentage points)", "difference in months", "difference in realized utility",
				"us comprehensive-only/conceder", "iran interim-first/conceder", "breakdown"}},
		{"sweep, one field", []string{"sweep", "muscat", "--episodes", "200", "--param", "actors.iran.discount=0.95,0.97,0.99"},
			[]string{"muscat · grid design, 3 points · seed 1 · 200 episodes per point", "actors.iran.discount", "probability (%)",
				"outcomes.comprehensive", "outcomes.interim", "paths.upgrade", "0.96", "0.98"}},
		{"sweep, two fields", []string{"sweep", "muscat", "--episodes", "100", "--metrics", "paths.upgrade",
			"--param", "actors.iran.discount=0.95,0.99", "--param", "actors.oman.credibility=0.3,0.6,0.9"},
			[]string{"muscat · grid design, 6 points · seed 1 · 100 episodes per point", "paths.upgrade (every episode; each cell's 95% interval within ±1.8)",
				"actors.iran.discount", "actors.oman.credibility", "probability (%)", "0.95", "0.99", "0.3", "0.9"}},
		{"sweep, Sobol", sobol,
			[]string{"rubinstein · sobol design, 32 points · seed 1 · 50 episodes per point", "Sobol indices of utilities.first (95% bootstrap intervals)",
				"share of the variance of utilities.first", "total", "first-order", "actors.first.discount", "actors.second.discount"}},
		{"game", []string{"game", "muscat", "--episodes", "60", "--strategies", "iran=interim-first/boulware,hold-out/boulware",
			"--strategies", "us=interim-first/conceder,comprehensive-only/conceder"},
			[]string{"muscat · seed 1 · 60 episodes per cell", "iran's mean realized utility in each cell", "us's strategy", "iran's strategy",
				"iran's utility", "interim-first/boulware", "comprehensive-only/conceder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "picture.svg")
			if _, stderr, code := invoke(append(tt.args, "--plot", path)...); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			svg, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			texts, err := charttest.SVGTexts(svg)
			if err != nil {
				t.Fatalf("the SVG does not parse: %v", err)
			}
			for _, w := range tt.want {
				if !slices.Contains(texts, w) {
					t.Errorf("the picture has no text %q; it has %q", w, texts)
				}
			}
		})
	}
}

// TestPlotRefusedBeforeWork checks that a --plot that cannot be drawn or
// written is refused before any episode is played: each command asks for
// an hour of work, which a late check would spend first.
func TestPlotRefusedBeforeWork(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.svg")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--episodes", "1000000000", "--plot", filepath.Join(dir, "r.pdf")}, "extension .pdf; valid: .svg, .png"},
		{[]string{"run", "--episodes", "1000000000", "--plot", filepath.Join(dir, "r")}, "no extension; valid: .svg, .png"},
		{[]string{"run", "--episodes", "1000000000", "--plot", "-"}, "a picture goes to a file"},
		{[]string{"run", "--episodes", "1000000000", "--plot", filepath.Join(dir, "no", "r.svg")}, "does not exist; create it first"},
		{[]string{"run", "--episodes", "1000000000", "--out", out, "--plot", out}, "the same file; want two different files"},
		{[]string{"compare", "--episodes", "1000000000", "--versus", "us=hold-out/fixed", "--plot", dir + "/"}, "no extension"},
		{[]string{"game", "--episodes", "40000000", "--nfg", out, "--plot", out}, "the same file; want two different files"},
		{[]string{"sweep", "--episodes", "1000000", "--design", "lhs", "--samples", "900", "--range", "actors.iran.discount=0.9:0.99", "--plot", out},
			"a Latin hypercube's points are for --format csv or jsonl"},
		{[]string{"sweep", "--episodes", "1000000", "--param", "actors.iran.discount=0.9,0.99", "--param", "actors.us.discount=0.9,0.99",
			"--param", "horizon=30,40", "--plot", out}, "a grid over one or two fields, not 3"},
		{[]string{"sweep", "--episodes", "1000000", "--param", "actors.iran.discount=0.9,0.9,0.99", "--plot", out}, "a value given twice"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := invoke(tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitUsage, tt.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("%s holds %d files; want none written", dir, len(entries))
	}
}
