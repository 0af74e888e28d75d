package guikit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// typeShortcut sends s to the focused object as the desktop driver does:
// a focused object that takes shortcuts gets them all, the canvas none.
func typeShortcut(t *testing.T, c fyne.Canvas, s fyne.Shortcut) {
	t.Helper()
	focused, ok := c.Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("focused object %T takes no shortcuts", c.Focused())
	}
	focused.TypedShortcut(s)
}

func TestEntryPassesWindowShortcutsOn(t *testing.T) {
	ctrl := fyne.KeyModifierShortcutDefault
	tests := []struct {
		name     string
		shortcut fyne.Shortcut
		window   bool // the window's handler runs
	}{
		{"Ctrl+L", &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl}, true},
		{"Ctrl+F", &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}, true},
		{"Ctrl+R", &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: ctrl}, true},
		{"Ctrl+2", &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: ctrl}, true},
		{"Alt+Left", &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, true},
		{"Alt+Right", &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}, true},
		{"Ctrl+Left moves by word", &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: ctrl}, false},
		{"Ctrl+Backspace deletes a word", &desktop.CustomShortcut{KeyName: fyne.KeyBackspace, Modifier: ctrl}, false},
		{"select all", &fyne.ShortcutSelectAll{}, false},
		{"undo", &fyne.ShortcutUndo{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa := test.NewTempApp(t)
			w := test.NewWindow(nil)
			defer w.Close()
			h := NewHost(fa, w)
			entry := NewEntry(h)
			entry.SetText("one two")
			w.SetContent(entry)
			handled := 0
			h.AddShortcut(tt.shortcut, func(fyne.Shortcut) { handled++ })
			w.Canvas().Focus(entry)
			typeShortcut(t, w.Canvas(), tt.shortcut)
			want := 0
			if tt.window {
				want = 1
			}
			if handled != want {
				t.Errorf("window handler ran %d times, want %d", handled, want)
			}
			if entry.Text != "one two" && tt.window {
				t.Errorf("text = %q, a passed-on shortcut changed it", entry.Text)
			}
		})
	}
}

func TestEntryKeepsItsOwnShortcuts(t *testing.T) {
	fa := test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	h := NewHost(fa, w)
	h.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) { t.Error("select all reached the window") })
	entry := NewEntry(h)
	entry.SetText("one two")
	w.SetContent(entry)
	w.Canvas().Focus(entry)
	typeShortcut(t, w.Canvas(), &fyne.ShortcutSelectAll{})
	if got := entry.SelectedText(); got != "one two" {
		t.Errorf("selected after select all = %q, want %q", got, "one two")
	}
}

func TestEntryTabMovesOn(t *testing.T) {
	for _, e := range []*Entry{NewEntry(nil), NewMultiLineEntry(nil), NewPasswordEntry(nil)} {
		if e.AcceptsTab() {
			t.Errorf("entry (multi-line %v) takes Tab as text", e.MultiLine)
		}
	}
}
