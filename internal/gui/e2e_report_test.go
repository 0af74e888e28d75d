package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestCtrlShiftKOpensTheReportDialog: Ctrl+Shift+K opens the KYC report
// dialog for the dossier shown, also from the focused search field, and
// nothing on another screen or before a lookup.
func TestCtrlShiftKOpensTheReportDialog(t *testing.T) {
	ctrlShiftK := &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	tests := []struct {
		name       string
		lookUp     bool
		screen     string
		wantDialog bool
	}{
		{"no dossier yet", false, ScreenLookup, false},
		{"a dossier shown", true, ScreenLookup, true},
		{"on Certificates", true, ScreenCertificates, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newUnlockedApp(t, "en")
			if tt.lookUp {
				typeNumber(a, world.RichestOrgNr)
				press(a, ctrl(fyne.KeyR))
			}
			a.showScreen(tt.screen)
			if tt.screen == ScreenLookup {
				onUI(func() { a.win.Canvas().Focus(a.lookup.Search) })
			}
			press(a, ctrlShiftK)
			b := findButton(a.win.Canvas(), "Make")
			if (b != nil) != tt.wantDialog {
				t.Fatalf("the report dialog is open: %v, want %v", b != nil, tt.wantDialog)
			}
			if b == nil {
				return
			}
			onUI(func() { test.Tap(b) })
			a.host.WaitIdle()
			if a.win.Canvas().Overlays().Top() == nil || findButton(a.win.Canvas(), "Save as…") == nil {
				t.Error("no dialog says the report was made")
			}
		})
	}
}
