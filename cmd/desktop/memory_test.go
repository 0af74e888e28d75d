package main

import (
	"runtime/debug"
	"testing"
)

func TestCalmReleasesAfterOneAndTwoCalmMinutes(t *testing.T) {
	tests := []struct {
		name   string
		cycles []uint64 // the count of collections at each tick, 30 s apart
		want   []bool   // whether to release at each tick
	}{
		{"busy", []uint64{1, 2, 3, 4, 5}, []bool{false, false, false, false, false}},
		{"calm from the start", []uint64{0, 0, 0, 0, 0, 0}, []bool{false, true, false, true, false, false}},
		{"calm after a burst", []uint64{3, 7, 7, 7, 7, 7, 7}, []bool{false, false, false, true, false, true, false}},
		{"a burst resets", []uint64{1, 1, 1, 2, 2, 2}, []bool{false, false, true, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c calm
			for i, n := range tt.cycles {
				if got := c.tick(n); got != tt.want[i] {
					t.Errorf("tick %d (count %d): release %v, want %v", i, n, got, tt.want[i])
				}
			}
		})
	}
}

// TestReleaseOwnCollectionIsNotWork checks that the collection a release
// runs does not count as the window's work: the second release still comes
// two ticks after the first.
func TestReleaseOwnCollectionIsNotWork(t *testing.T) {
	var c calm
	got := []bool{}
	cycles := uint64(5)
	for range 5 {
		r := c.tick(cycles)
		got = append(got, r)
		if r {
			cycles++ // the release's own collection
			c.released(cycles)
		}
	}
	want := []bool{false, false, true, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tick %d: release %v, want %v (all: %v)", i, got[i], want[i], got)
		}
	}
}

func TestTuneCollectorLeavesGOGCToTheUser(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tests := []struct {
		name string
		env  map[string]string
		want int
	}{
		{"no GOGC", nil, gcPercent},
		{"GOGC set", map[string]string{"GOGC": "100"}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(100)
			tuneCollector(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
			if got := debug.SetGCPercent(100); got != tt.want {
				t.Errorf("GC percent %d, want %d", got, tt.want)
			}
		})
	}
}
