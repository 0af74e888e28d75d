package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestSandboxBand walks from the gate to the main window and back in each
// environment: the band is on both screens while the environment is known
// there (or was known before: the unlock screen after a lock shows the
// last one), says which one, and is gone in production.
func TestSandboxBand(t *testing.T) {
	const sandbox = "SANDBOX · Practice data: not real companies"
	tests := []struct {
		name        string
		locked, env string // the environment before and after unlocking
		gate, main  string // the band on each screen, "" for none
	}{
		{"sandbox, known on the gate", "sandbox", "sandbox", sandbox, sandbox},
		{"test, not known while locked", "", "test", "", "TEST · Test registers: not for real work"},
		{"production", "production", "production", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{password: "correct horse battery", env: tt.env, lockedEnv: tt.locked}
			a := newFakeApp(t, d)
			if got := a.host.Band().Text(); got != tt.gate {
				t.Errorf("gate band %q, want %q", got, tt.gate)
			}
			if bandShown(a) != (tt.gate != "") {
				t.Errorf("band shown %v on the gate, want %v", bandShown(a), tt.gate != "")
			}
			test.Type(a.gate.Password, "correct horse battery")
			onUI(func() { test.Tap(a.gate.Submit) })
			a.host.WaitIdle()
			if a.Screen() != ScreenLookup {
				t.Fatalf("screen %q after unlocking", a.Screen())
			}
			if got := a.host.Band().Text(); got != tt.main {
				t.Errorf("main band %q, want %q", got, tt.main)
			}
			if bandShown(a) != (tt.main != "") {
				t.Errorf("band shown %v in the main window, want %v", bandShown(a), tt.main != "")
			}
			test.Tap(a.lockButton)
			if a.Screen() != ScreenUnlock || a.host.Band().Text() != tt.main || bandShown(a) != (tt.main != "") {
				t.Errorf("after locking: screen %q, band %q, want %q", a.Screen(), a.host.Band().Text(), tt.main)
			}
		})
	}
}

// bandShown reports whether the window shows the band the host holds, at
// its top, with some height.
func bandShown(a *App) bool {
	b := a.host.Band()
	if b == nil || !b.Visible() || b.Size().Height < 20 {
		return false
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	return at.Y <= theme.Padding() && b.Size().Width >= a.win.Canvas().Size().Width-2*theme.Padding()-1
}
