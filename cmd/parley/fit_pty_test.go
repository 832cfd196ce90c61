//go:build linux

package main

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// TestResolveWidthTerminal checks that a result bound for a terminal fits
// the terminal's width, and one bound for a file does not, on a
// pseudo-terminal of 123 columns.
func TestResolveWidthTerminal(t *testing.T) {
	tty := openPty(t, 123).tty
	if w, err := resolveWidth(0, tty, false); w != 123 || err != nil {
		t.Errorf("on a 123-column terminal: width %d, %v; want 123", w, err)
	}
	if w, _ := resolveWidth(0, tty, true); w != defaultWidth {
		t.Errorf("with --out a file: width %d; want %d", w, defaultWidth)
	}
	if w, _ := resolveWidth(90, tty, false); w != 90 {
		t.Errorf("with --width 90: width %d; want 90", w)
	}
}

// A pty is a pseudo-terminal: what a program writes to tty, master reads.
type pty struct {
	master, tty *os.File
}

// openPty opens a pseudo-terminal of cols columns, closed when the test
// ends, or skips the test where there is none.
func openPty(t *testing.T, cols uint16) pty {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("cannot unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("no pseudo-terminal number: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: cols}); err != nil {
		t.Fatal(err)
	}
	return pty{master, tty}
}
