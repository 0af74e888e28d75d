package gui

import (
	"runtime"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestRepeatedLookupsLeaveNoGoroutines looks up the sandbox's units again
// and again through the whole window and the real desk (TLS to the
// simulators, the vault), switching the dossier's tabs and the window's
// screens as a person would, and checks that no goroutine is left behind:
// a leak of one per lookup would be fifty here. The first round warms the
// connections up, so the count after it is the steady state.
func TestRepeatedLookupsLeaveNoGoroutines(t *testing.T) {
	numbers := []string{world.RichestOrgNr, world.CrossHoldingAOrgNr, world.FamilyOwnedOrgNr,
		world.PartnershipDAOrgNr, world.CrossHoldingBOrgNr, world.SubUnitOrgNr, world.DuplicateOfOrgNr}
	tests := []struct {
		name    string
		screens []string // visited after each lookup
	}{
		{"lookups only", nil},
		{"lookups and screen switches", []string{ScreenCertificates, ScreenSettings, ScreenLookup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newUnlockedApp(t, "en")
			round := func(n int) {
				for i := range n {
					onUI(func() { a.lookup.Open(numbers[i%len(numbers)], i%3) })
					a.host.WaitIdle()
					for _, s := range tt.screens {
						onUI(func() { a.showScreen(s) })
					}
				}
			}
			round(len(numbers))
			before := settledGoroutines(runtime.NumGoroutine())
			round(50)
			after := settledGoroutines(before)
			if after > before {
				t.Errorf("goroutines: %d after 50 lookups, %d before", after, before)
			}
			if a.lookup.Search.Text != numbers[49%len(numbers)] {
				t.Errorf("search field %q after the last lookup, want %q", a.lookup.Search.Text, numbers[49%len(numbers)])
			}
		})
	}
}

// settledGoroutines returns the number of goroutines once it is at most
// want, or after a second: a background job's goroutine ends just after it
// says it is done.
func settledGoroutines(want int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(time.Second); n > want && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	return n
}
