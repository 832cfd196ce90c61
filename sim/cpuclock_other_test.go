//go:build !linux

package sim

// processCPU reports that no CPU clock is read on this system: the
// benchmarks then report wall time only.
func processCPU() (int64, bool) { return 0, false }
