package stats_test

import (
	"encoding/json"
	"fmt"

	"github.com/parley-sim/parley/sim/stats"
)

// The engine fills one accumulator per block of episodes and merges the
// blocks in a fixed order.
func ExampleProportion() {
	var blocks [2]stats.Proportion
	for i := range 263 {
		blocks[i/150].Add(i < 81) // 81 deals in 263 episodes
	}
	var deals stats.Proportion
	for _, b := range blocks {
		deals.Merge(b)
	}
	lo, hi := deals.Wilson(stats.Z95)
	fmt.Printf("%d/%d = %.4f [%.4f, %.4f]\n", deals.K, deals.N, deals.P(), lo, hi)
	// Output:
	// 81/263 = 0.3080 [0.2553, 0.3662]
}

func ExampleProportion_Estimate() {
	var none stats.Proportion
	b, _ := json.Marshal(none.Estimate())
	fmt.Println(string(b))
	// Output:
	// {"p":0,"ci95":[0,1],"n":0,"k":0}
}

func ExampleSample() {
	rounds := stats.NewSample(stats.NewCounts(20)) // rounds to a deal, 0..20
	for _, r := range []float64{3, 5, 4, 6, 5, 9, 4, 5, 7, 5} {
		rounds.Add(r)
	}
	s := rounds.Summarize()
	fmt.Printf("n=%d mean=%.2f sd=%.2f ci95=[%.2f, %.2f] p5=%g p50=%g p95=%g\n",
		s.N, s.Mean, s.SD, s.CI95[0], s.CI95[1], s.P5, s.P50, s.P95)
	// Output:
	// n=10 mean=5.30 sd=1.70 ci95=[4.08, 6.52] p5=3 p50=5 p95=9
}

// Two strategies played on the same episodes (common random numbers):
// the shared variation cancels in the differences.
func ExamplePaired() {
	var gain stats.Paired
	tough := []float64{102, 87, 140, 95, 120, 111}
	soft := []float64{100, 84, 139, 91, 118, 110}
	for i := range tough {
		gain.Add(tough[i], soft[i])
	}
	d := gain.Summary()
	fmt.Printf("%+.2f [%+.2f, %+.2f] (p=%.3f n=%d)\n", d.Mean, d.CI95[0], d.CI95[1], d.PValue, d.N)
	// Output:
	// +2.17 [+0.94, +3.39] (p=0.006 n=6)
}

func ExamplePairedProportion() {
	var deal stats.PairedProportion
	for i := range 1000 {
		deal.Add(i%10 < 6, i%10 < 5) // a closes a deal whenever b does, and more
	}
	a, b, d := deal.A().Estimate(), deal.B().Estimate(), deal.Summary()
	fmt.Printf("a %.3f, b %.3f, a−b %+.3f [%+.3f, %+.3f] (p=%.3f)\n", a.P, b.P, d.Mean, d.CI95[0], d.CI95[1], d.PValue)
	// Output:
	// a 0.600, b 0.500, a−b +0.100 [+0.081, +0.119] (p=0.000)
}
