package stats

import (
	"encoding/json"
	"math"
	"testing"
)

func TestSummarize(t *testing.T) {
	s := NewSample(NewCounts(10))
	for _, x := range []float64{2, 4, 4, 4, 5, 5, 7, 9} {
		s.Add(x)
	}
	got := s.Summarize()
	// Mean, SD and half-width as in TestMoments and TestMeanCI (ν = 7).
	// Percentiles by the discrete definition on the sorted data
	// 2 4 4 4 5 5 7 9: p·n = 0.4, 4 and 7.6 are first reached at the 1st,
	// 4th and 8th values.
	const half = 1.7874879182362108950
	want := Summary{N: 8, Mean: 5, SD: 2.1380899352993950775, CI95: [2]float64{5 - half, 5 + half}, P5: 2, P50: 4, P95: 9}
	if got.N != want.N || got.P5 != want.P5 || got.P50 != want.P50 || got.P95 != want.P95 ||
		!close(got.Mean, want.Mean, momentTol) || !close(got.SD, want.SD, momentTol) ||
		!close(got.CI95[0], want.CI95[0], tQuantTol) || !close(got.CI95[1], want.CI95[1], tQuantTol) {
		t.Errorf("Summarize = %+v\nwant        %+v", got, want)
	}
}

// TestSummarizeJSON checks the documented values for 0 and 1 observations
// and that they marshal, which fails on NaN.
func TestSummarizeJSON(t *testing.T) {
	s := NewSample(NewHistogram(0, 100, 10))
	for _, tc := range []struct {
		add  []float64
		want string
	}{
		{nil, `{"n":0,"mean":0,"sd":0,"ci95":[0,0],"p5":0,"p50":0,"p95":0}`},
		{[]float64{42}, `{"n":1,"mean":42,"sd":0,"ci95":[42,42],"p5":42,"p50":42,"p95":42}`},
	} {
		for _, x := range tc.add {
			s.Add(x)
		}
		b, err := json.Marshal(s.Summarize())
		if err != nil {
			t.Fatalf("n=%d: %v", len(tc.add), err)
		}
		if string(b) != tc.want {
			t.Errorf("n=%d: got %s, want %s", len(tc.add), b, tc.want)
		}
	}
}

func TestSampleMergeReset(t *testing.T) {
	mk := func() *Sample { return NewSample(NewHistogram(0, 1, 20)) }
	all, a, b := mk(), mk(), mk()
	for i := range 300 {
		x := float64(i*7%300) / 300 // a permutation of i/300
		all.Add(x)
		if i%3 == 0 {
			a.Add(x)
		} else {
			b.Add(x)
		}
	}
	a.Merge(b)
	got, want := a.Summarize(), all.Summarize()
	if got.N != want.N || got.P5 != want.P5 || got.P50 != want.P50 || got.P95 != want.P95 ||
		!close(got.Mean, want.Mean, mergeTol) || !close(got.SD, want.SD, mergeTol) {
		t.Errorf("merged %+v, want %+v", got, want)
	}

	a.Reset()
	if s := a.Summarize(); s != (Summary{}) {
		t.Errorf("after Reset Summarize = %+v, want zeros", s)
	}

	// A NaN or a layout mismatch panics and leaves the Sample unchanged.
	before := all.Summarize()
	if !panics(func() { all.Add(math.NaN()) }) {
		t.Error("Add(NaN) did not panic")
	}
	if !panics(func() { all.Merge(NewSample(NewHistogram(0, 1, 21))) }) {
		t.Error("Merge of a different layout did not panic")
	}
	if after := all.Summarize(); after != before {
		t.Errorf("failed Add and Merge changed the Sample: %+v, was %+v", after, before)
	}
}
