package stats

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestStateRoundTrip checks that the JSON of a Moments and of a
// Histogram decodes to the same accumulator, bit for bit, and that
// merging decoded parts in order gives what merging the originals does.
func TestStateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		h    *Histogram
		draw func() float64
	}{
		{"continuous", NewHistogram(-1, 1, 2000), func() float64 { return rng.NormFloat64() / 3 }},
		{"discrete", NewCounts(40), func() float64 { return float64(rng.IntN(45)) }},
		{"empty", NewHistogram(0, 1, 10), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var parts []*Sample
			for range 3 {
				s := NewSample(cloneLayout(tc.h))
				for range 300 {
					if tc.draw != nil {
						s.Add(tc.draw())
					}
				}
				parts = append(parts, s)
			}
			for _, s := range parts {
				var m Moments
				roundTrip(t, s.Moments(), &m)
				if m != s.Moments() {
					t.Errorf("moments %+v decoded as %+v", s.Moments(), m)
				}
				var h Histogram
				roundTrip(t, s.Histogram(), &h)
				if !reflect.DeepEqual(&h, s.Histogram()) {
					t.Errorf("histogram %+v decoded as %+v", s.Histogram(), &h)
				}
			}
			// One process merges the parts in order; another replays the
			// moments in order and adds up the histograms in reverse.
			want := NewSample(cloneLayout(tc.h))
			for _, s := range parts {
				want.Merge(s)
			}
			got := NewSample(cloneLayout(tc.h))
			for _, s := range parts {
				got.MergeMoments(s.Moments())
			}
			for i := len(parts) - 1; i >= 0; i-- {
				got.Histogram().Merge(parts[i].Histogram())
			}
			if got.Summarize() != want.Summarize() || got.Moments() != want.Moments() {
				t.Errorf("replayed merge %+v, want %+v", got.Summarize(), want.Summarize())
			}
		})
	}
}

// cloneLayout returns an empty Histogram of h's layout.
func cloneLayout(h *Histogram) *Histogram {
	if h.discrete {
		return NewCounts(len(h.counts) - 1)
	}
	return NewHistogram(h.lo, h.hi, len(h.counts))
}

func roundTrip(t *testing.T, v any, into any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
}

// TestStateRefused checks that damaged states are errors, not panics.
func TestStateRefused(t *testing.T) {
	for _, tc := range []struct {
		json, want string
		into       any
	}{
		{`{"n":-1,"mean":0,"m2":0,"min":0,"max":0}`, "n -1", new(Moments)},
		{`{"n":2,"mean":0,"m2":-1,"min":0,"max":0}`, "m2 -1", new(Moments)},
		{`{"n":2,"mean":0,"m2":1,"min":1,"max":0}`, "min 1 above max 0", new(Moments)},
		{`{"lo":0,"hi":1,"bins":0,"n":0,"min":0,"max":0,"counts":[]}`, "0 bins", new(Histogram)},
		{`{"lo":1,"hi":0,"bins":3,"n":0,"min":0,"max":0,"counts":[]}`, "over [1, 0]", new(Histogram)},
		{`{"lo":0,"hi":1,"bins":2000000,"n":0,"min":0,"max":0,"counts":[]}`, "want 1 … 1048576 bins", new(Histogram)},
		{`{"lo":0,"hi":3,"bins":3,"discrete":true,"n":0,"min":0,"max":0,"counts":[]}`, "want [−0.5, 2.5]", new(Histogram)},
		{`{"lo":0,"hi":1,"bins":3,"n":1,"min":0,"max":0,"counts":[[3,1]]}`, "counts[0] is bin 3", new(Histogram)},
		{`{"lo":0,"hi":1,"bins":3,"n":2,"min":0,"max":0,"counts":[[1,1],[0,1]]}`, "counts[1] is bin 0", new(Histogram)},
		{`{"lo":0,"hi":1,"bins":3,"n":2,"min":0,"max":0,"counts":[[1,1]]}`, "add up to 1, n is 2", new(Histogram)},
		{`{"lo":0,"hi":1,"bins":3,"n":1,"min":1,"max":0,"counts":[[1,1]]}`, "min 1 above max 0", new(Histogram)},
	} {
		err := json.Unmarshal([]byte(tc.json), tc.into)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.json, err, tc.want)
		}
	}
}

// ExampleMoments_MarshalJSON carries a Moments to another process and
// merges it there.
func ExampleMoments_MarshalJSON() {
	var a, b Moments
	for _, x := range []float64{1, 2, 3} {
		a.Add(x)
	}
	b.Add(10)
	data, _ := json.Marshal(a)
	fmt.Println(string(data))
	var back Moments
	_ = json.Unmarshal(data, &back)
	back.Merge(b)
	fmt.Println(back.N(), back.Mean())
	// Output:
	// {"n":3,"mean":2,"m2":2,"min":1,"max":3}
	// 4 4
}
