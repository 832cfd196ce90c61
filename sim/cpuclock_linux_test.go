package sim

import "golang.org/x/sys/unix"

// processCPU returns the CPU time the test process has used, in
// nanoseconds (CLOCK_PROCESS_CPUTIME_ID), and whether it could be read.
func processCPU() (int64, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return ts.Nano(), true
}
