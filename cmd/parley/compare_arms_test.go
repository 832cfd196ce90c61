package main

import (
	"strings"
	"testing"
)

// TestCompareArmScenario checks that --arm refuses an empty scenario=
// and a second scenario=NAME with a usage error naming the spec. Before,
// both exited 0: scenario= played the baseline's scenario again, and
// the second name silently replaced the first.
func TestCompareArmScenario(t *testing.T) {
	tests := []struct {
		name, arm string
		want      string // in the message; "" for a run that succeeds
	}{
		{"empty", "scenario=", "scenario= names no scenario"},
		{"empty-with-strategy", "us=hold-out/fixed,scenario=", "scenario= names no scenario"},
		{"twice", "scenario=muscat,scenario=jpoa-2013", "scenario given twice (muscat and jpoa-2013)"},
		{"twice-same", "scenario=muscat,scenario=muscat", "scenario given twice"},
		{"once", "us=hold-out/fixed,scenario=jpoa-2013", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := invoke("compare", "-q", "-n", "5", "--arm", tt.arm)
			if tt.want == "" {
				if code != exitOK {
					t.Fatalf("exit %d, stderr %q; want exit %d", code, stderr, exitOK)
				}
				return
			}
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, "parley compare: --arm "+tt.arm+": ") || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and a message naming --arm %s: %s", code, stdout, stderr, exitUsage, tt.arm, tt.want)
			}
		})
	}
}
