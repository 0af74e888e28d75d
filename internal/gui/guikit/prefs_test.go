package guikit

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPreferences(t *testing.T) {
	fa := test.NewTempApp(t)
	p := NewPreferences(fa.Preferences())
	if got := p.AutoLockMinutes(); got != 10 {
		t.Errorf("default auto-lock = %d, want 10", got)
	}
	p.SetAutoLockMinutes(25)
	if got := p.AutoLockMinutes(); got != 25 {
		t.Errorf("auto-lock = %d, want 25", got)
	}
	p.SetAutoLockMinutes(0)
	if got := p.AutoLockMinutes(); got != 10 {
		t.Errorf("auto-lock out of range = %d, want the default 10", got)
	}
	if got := p.Language(); got != "" {
		t.Errorf("default language = %q, want the system's", got)
	}
	p.SetLanguage("fi")
	if got := p.Language(); got != "fi" {
		t.Errorf("language = %q, want fi", got)
	}
}
