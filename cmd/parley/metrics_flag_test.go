package main

import (
	"strings"
	"testing"
)

// TestMetricsFlagUnknown checks that a --metrics key selecting no metric
// is a usage error naming it and the valid groups. Before, sweep and
// compare exited 0 with the metric's columns silently missing (a sweep's
// table held only its points' fields).
func TestMetricsFlagUnknown(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the message; "" for a run that succeeds
	}{
		{"sweep-unknown", []string{"sweep", "-q", "-n", "5", "--param", "horizon=30,36", "--metrics", "bogus"}, `--metrics "bogus"`},
		{"sweep-empty-key", []string{"sweep", "-q", "-n", "5", "--param", "horizon=30,36", "--metrics", "outcomes,,"}, `--metrics ""`},
		{"sweep-trailing-dot-prefix", []string{"sweep", "-q", "-n", "5", "--param", "horizon=30,36", "--metrics", "outcome"}, `--metrics "outcome"`},
		{"sweep-group", []string{"sweep", "-q", "-n", "5", "--param", "horizon=30,36", "--metrics", "outcomes,paths.upgrade"}, ""},
		{"sweep-group-dot", []string{"sweep", "-q", "-n", "5", "--param", "horizon=30,36", "--metrics", "outcomes."}, ""},
		{"compare-unknown", []string{"compare", "-q", "-n", "5", "--versus", "us=hold-out/fixed", "--metrics", "outcomes,bogus.key"}, `--metrics "bogus.key"`},
		{"compare-key", []string{"compare", "-q", "-n", "5", "--versus", "us=hold-out/fixed", "--metrics", "outcomes.interim"}, ""},
		{"discover-unknown", []string{"discover", "-q", "-n", "5", "--where", "outcomes.interim.p >= 0.1", "--design", "lhs", "--samples", "4", "--range", "actors.iran.discount=0.9:0.99", "--metrics", "bogus"}, `--metrics "bogus"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := invoke(tt.args...)
			if tt.want == "" {
				if code != exitOK {
					t.Fatalf("exit %d, stderr %q; want exit %d", code, stderr, exitOK)
				}
				return
			}
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, "parley") || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "want keys or the groups outcomes") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and a message naming %s and the valid groups", code, stdout, stderr, exitUsage, tt.want)
			}
		})
	}
}
