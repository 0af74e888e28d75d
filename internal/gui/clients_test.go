package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func TestClientsScreenAndCheckAtUnlock(t *testing.T) {
	tests := []struct {
		name       string
		due        bool
		wantChecks int32
	}{
		{"check due", true, 1},
		{"not due", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{password: "correct horse battery", checkDue: tt.due}
			a := newFakeApp(t, d)
			onUI(func() {
				if err := a.Unlock([]byte(d.password)); err != nil {
					t.Fatal(err)
				}
			})
			a.host.WaitIdle()
			a.host.WaitIdle()
			if got := d.checksRun.Load(); got != tt.wantChecks {
				t.Errorf("checks at unlock %d, want %d", got, tt.wantChecks)
			}
			onUI(func() {
				a.host.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key5, Modifier: fyne.KeyModifierShortcutDefault})
			})
			if a.Screen() != ScreenClients || a.tabs.Selected() != a.clientsTab {
				t.Errorf("Ctrl+5: screen %q", a.Screen())
			}
			onUI(func() { a.checkProgress("143 of 300") })
			if got := a.clientsTab.Text; got != "Clients · 143 of 300" {
				t.Errorf("tab title %q", got)
			}
			onUI(func() { a.checkProgress("") })
			if got := a.clientsTab.Text; got != "Clients" {
				t.Errorf("tab title %q after the check", got)
			}
		})
	}
}
