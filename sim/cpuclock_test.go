package sim

import "testing"

// A cpuClock measures the CPU time of a benchmark's loop, to report
// beside its wall time: on a machine shared with other work, wall time
// also counts the waits for a core, CPU time only the benchmark's own
// work. The benchmarks that use it run nothing else meanwhile.
type cpuClock struct {
	start int64
	ok    bool
}

// startCPU starts a cpuClock.
func startCPU() cpuClock {
	t, ok := processCPU()
	return cpuClock{t, ok}
}

// report reports the CPU time since the clock started divided by n, as
// the metric "cpu-ns/"+unit, when the system has a CPU clock.
func (c cpuClock) report(b *testing.B, n float64, unit string) {
	if t, ok := processCPU(); ok && c.ok {
		b.ReportMetric(float64(t-c.start)/n, "cpu-ns/"+unit)
	}
}
