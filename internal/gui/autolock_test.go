package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

// TestNoteSurvivesLock: a note being written when the vault locks, by the
// Lock button or by itself, is kept sealed in the vault and is back in
// the field when the client is opened after unlocking; no dialog stays over
// the unlock screen; an auto-lock says on the unlock screen that it
// happened and why.
func TestNoteSurvivesLock(t *testing.T) {
	tests := []struct {
		name       string
		lock       func(a *App)
		wantNotice string
	}{
		{"Lock button", func(a *App) { test.Tap(a.lockButton) }, ""},
		{"auto-lock", func(a *App) {
			// Eleven minutes without use, with the default ten-minute
			// limit: idleCheck is what the idle timer runs.
			a.mu.Lock()
			a.lastActivity = time.Now().Add(-11 * time.Minute)
			a.mu.Unlock()
			onUI(a.idleCheck)
		}, "Motpart locked itself after 10 min without use, so that nobody else can read the vault. Your unfinished note is kept: open the client again to finish it."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newUnlockedApp(t, "en")
			d := a.desk
			test.Type(a.lookup.Search, "923 609 016")
			field := a.lookup.NoteField()
			test.Type(field, "Kunden har bytt revisor;\nny avtale kommer")
			dialog.ShowInformation("Kunden", "Kunden har bytt revisor", a.win) // something of the vault in a dialog
			tt.lock(a)
			if a.Screen() != ScreenUnlock {
				t.Fatalf("screen %q after locking", a.Screen())
			}
			if _, err := d.Notes("923609016"); err == nil {
				t.Error("the vault is still open")
			}
			if top := a.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("a dialog stays over the unlock screen: %T", top)
			}
			if got := a.gate.Notice.Text; got != tt.wantNotice {
				t.Errorf("notice %q, want %q", got, tt.wantNotice)
			}

			test.Type(a.gate.Password, testPassword)
			onUI(func() { a.gate.Password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
			a.host.WaitIdle()
			if a.Screen() != ScreenLookup {
				t.Fatalf("screen %q after unlocking", a.Screen())
			}
			if got := a.lookup.NoteField().Text; got != "" {
				t.Errorf("notes field %q before the client is opened", got)
			}
			test.Type(a.lookup.Search, "923609016")
			if got := a.lookup.NoteField().Text; got != "Kunden har bytt revisor;\nny avtale kommer" {
				t.Errorf("notes field after unlocking %q, want the note being written", got)
			}
			if notes, err := d.Notes("923609016"); err != nil || len(notes) != 0 {
				t.Errorf("notes %+v, %v: a draft is not a note until it is added", notes, err)
			}
		})
	}
}
