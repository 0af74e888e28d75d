package settings

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/motpart/motpart/internal/portfolio"
)

// clientsFakeDesk adds the client portfolio's settings to the fake.
type clientsFakeDesk struct {
	*fakeDesk
	mu          sync.Mutex
	atStart     bool
	concurrency int
	sets        int
}

func (d *clientsFakeDesk) ClientSettings() (portfolio.Settings, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return portfolio.Settings{CheckAtStart: d.atStart, Concurrency: d.concurrency}, nil
}

func (d *clientsFakeDesk) SetClientSettings(s portfolio.Settings) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.atStart, d.concurrency = s.CheckAtStart, s.Concurrency
	d.sets++
	return nil
}

func TestClientsSection(t *testing.T) {
	tests := []struct {
		name        string
		stored      int
		shown       string
		tap         bool
		choose      string
		wantAtStart bool
		wantConc    int
	}{
		{"turn the check at start on", 0, "8", true, "", true, 8},
		{"fewer at once", 4, "4", false, "2", false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &clientsFakeDesk{fakeDesk: newFakeDesk(), concurrency: tt.stored}
			base, _, _, _ := newTestScreen(t, d.fakeDesk)
			base.host.WaitIdle()
			if base.clients != nil {
				t.Fatal("a Clients section on a desk without the client settings")
			}
			s, _, _, _ := newTestScreenOn(t, d)
			s.host.WaitIdle()
			c := s.clients
			if c == nil {
				t.Fatal("no Clients section")
			}
			if c.Concurrency.Selected != tt.shown || c.AtStart.Checked || d.sets != 0 {
				t.Fatalf("shown %q, checked %v, sets %d", c.Concurrency.Selected, c.AtStart.Checked, d.sets)
			}
			onUI(func() {
				if tt.tap {
					test.Tap(c.AtStart)
				}
				if tt.choose != "" {
					c.Concurrency.SetSelected(tt.choose)
				}
			})
			s.host.WaitIdle()
			if d.atStart != tt.wantAtStart || d.concurrency != tt.wantConc || d.sets != 1 {
				t.Errorf("stored %v %d after %d sets, want %v %d", d.atStart, d.concurrency, d.sets, tt.wantAtStart, tt.wantConc)
			}
		})
	}
}
