package main

import (
	"errors"
	"strings"
	"testing"
)

// TestServeListen checks which --addr values serve listens on. Before,
// --addr "" listened on a free port of every interface, not refused.
func TestServeListen(t *testing.T) {
	tests := []struct {
		addr string
		want string // in the usage error; "" to listen
	}{
		{"", `--addr "": no address`},
		{"  ", `--addr "  ": no address`},
		{"bogus", "--addr bogus: listen tcp"},
		{"127.0.0.1:99999", "invalid port"},
		{"127.0.0.1:0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			ln, err := listen(tt.addr)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("listen(%q): %v; want a listener", tt.addr, err)
				}
				ln.Close()
				return
			}
			if ln != nil {
				ln.Close()
			}
			var u *usageError
			if !errors.As(err, &u) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("listen(%q): %v; want a usage error saying %q", tt.addr, err, tt.want)
			}
		})
	}
}
