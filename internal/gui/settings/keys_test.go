package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// TestFieldsPassWindowShortcutsOn: the window's shortcuts (Ctrl+1/2/3,
// Ctrl+L...) work while a Settings field has the focus.
func TestFieldsPassWindowShortcutsOn(t *testing.T) {
	s, win, _, _ := newTestScreen(t, newFakeDesk())
	ctrl2 := &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault}
	handled := 0
	s.host.AddShortcut(ctrl2, func(fyne.Shortcut) { handled++ })
	s.advanced.Open(0) // the technical fields are under Advanced
	fields := []struct {
		name  string
		entry *guikit.Entry
	}{
		{"Enhetsregisteret address", s.brregURL},
		{"grunndataWS address", s.grunndataURL},
		{"grunndataWS user", s.grunndataID},
		{"grunndataWS password", s.grunndataPW},
		{"Maskinporten client id", s.mpClientID},
	}
	for i, f := range fields {
		win.Canvas().Focus(f.entry)
		focused, ok := win.Canvas().Focused().(fyne.Shortcutable)
		if !ok {
			t.Fatalf("%s: focused %T takes no shortcuts", f.name, win.Canvas().Focused())
		}
		focused.TypedShortcut(ctrl2)
		if handled != i+1 {
			t.Errorf("%s: Ctrl+2 reached the window %d times in all, want %d", f.name, handled, i+1)
		}
	}
}
