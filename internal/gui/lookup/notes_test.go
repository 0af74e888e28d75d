package lookup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressTab does with Tab what the desktop window does (glfw's
// capturesTab): a focused field that accepts tabs is given the key,
// otherwise the focus moves to the next control. Fyne's test canvas has
// no keyboard of its own.
func pressTab(c fyne.Canvas) {
	if f, ok := c.Focused().(fyne.Tabbable); ok && f.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

func TestTabLeavesTheNotesField(t *testing.T) {
	tests := []struct {
		name string
		// field is the field to type in, on s's window; next is where
		// Tab should take the focus, nil when it should stay.
		field     func(s *Screen, win fyne.Window) (field *widget.Entry, focus fyne.Focusable, next fyne.Focusable)
		wantText  string
		wantMoved bool
	}{
		// The yardstick: Fyne's own multi-line entry keeps Tab and types it.
		{"plain multi-line entry", func(_ *Screen, win fyne.Window) (*widget.Entry, fyne.Focusable, fyne.Focusable) {
			e := widget.NewMultiLineEntry()
			win.SetContent(container.NewVBox(e, widget.NewButton("Add", func() {})))
			return e, e, nil
		}, "Ny revisor\t", false},
		{"notes field", func(s *Screen, _ fyne.Window) (*widget.Entry, fyne.Focusable, fyne.Focusable) {
			return &s.notes.entry.Entry, s.notes.entry, s.notes.add
		}, "Ny revisor", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win := newFakeScreen(t, newFakeDesk())
			test.Type(s.Search, "923609016")
			entry, field, next := tt.field(s, win)
			c := win.Canvas()
			c.Focus(field)
			if c.Focused() != field {
				t.Fatalf("focus on %T, want the field", c.Focused())
			}
			test.Type(c.Focused(), "Ny revisor") // to whatever has the focus
			pressTab(c)
			if entry.Text != tt.wantText {
				t.Errorf("text %q, want %q", entry.Text, tt.wantText)
			}
			if moved := c.Focused() != field; moved != tt.wantMoved {
				t.Errorf("focus moved %v, want %v (focus on %T)", moved, tt.wantMoved, c.Focused())
			}
			if next != nil && c.Focused() != next {
				t.Errorf("focus on %T, want the Add note button", c.Focused())
			}
		})
	}
}

func TestNoteDraftFollowsTheClient(t *testing.T) {
	d := newFakeDesk()
	s, _ := newFakeScreen(t, d)
	p := s.notes
	steps := []struct {
		name         string
		typedNumber  string // typed into the search field ("" to keep it)
		typedNote    string // typed into the notes field afterwards
		wantEntry    string // the notes field before typing
		wantRestored bool
		wantDrafts   map[string]string
	}{
		{"first client", "923609016", "Ny revisor fra", "", false, map[string]string{}},
		{"another client keeps it", "974760673", "", "", false, map[string]string{"923609016": "Ny revisor fra"}},
		{"back again brings it back", "923609016", " mars.", "Ny revisor fra", true, map[string]string{"923609016": "Ny revisor fra"}},
		{"no client keeps the longer one", "12", "", "", false, map[string]string{"923609016": "Ny revisor fra mars."}},
	}
	for _, st := range steps {
		if st.typedNumber != "" {
			s.Search.SetText("")
			test.Type(s.Search, st.typedNumber)
		}
		if p.entry.Text != st.wantEntry || p.restored.Visible() != st.wantRestored {
			t.Errorf("%s: field %q, restored shown %v; want %q, %v", st.name, p.entry.Text, p.restored.Visible(), st.wantEntry, st.wantRestored)
		}
		if st.typedNote != "" {
			p.entry.CursorRow, p.entry.CursorColumn = 0, len([]rune(p.entry.Text))
			test.Type(p.entry, st.typedNote)
		}
		if len(d.drafts) != len(st.wantDrafts) {
			t.Errorf("%s: drafts %q, want %q", st.name, d.drafts, st.wantDrafts)
		}
		for k, v := range st.wantDrafts {
			if d.drafts[k] != v {
				t.Errorf("%s: draft of %s %q, want %q", st.name, k, d.drafts[k], v)
			}
		}
	}
	// Adding the note forgets the draft.
	s.Search.SetText("")
	test.Type(s.Search, "923609016")
	test.Tap(p.add)
	if len(d.notes["923609016"]) != 1 || d.notes["923609016"][0].Text != "Ny revisor fra mars." || len(d.drafts) != 0 || p.restored.Visible() || p.entry.Text != "" {
		t.Errorf("after Add: notes %+v, drafts %q, restored shown %v, field %q", d.notes["923609016"], d.drafts, p.restored.Visible(), p.entry.Text)
	}
	// Leaving the field keeps what is typed, and KeepDraft says so.
	test.Type(p.entry, "Styret")
	p.entry.FocusLost()
	if d.drafts["923609016"] != "Styret" {
		t.Errorf("after the field lost the focus: drafts %q", d.drafts)
	}
	if !s.KeepDraft() {
		t.Error("KeepDraft says no note is being written")
	}
	p.entry.SetText("")
	if s.KeepDraft() || len(d.drafts) != 0 {
		t.Errorf("KeepDraft of an empty field: drafts %q", d.drafts)
	}
	// Emptying a note that came back takes its remark away too.
	d.drafts["974760673"] = "Halvskrevet"
	s.Search.SetText("")
	test.Type(s.Search, "974760673")
	if !p.restored.Visible() || p.entry.Text != "Halvskrevet" {
		t.Fatalf("kept note: field %q, restored shown %v", p.entry.Text, p.restored.Visible())
	}
	p.entry.SetText("")
	if p.restored.Visible() {
		t.Error("the remark on a kept note stays after the field was emptied")
	}
}

func TestNotesFieldPassesWindowShortcutsOn(t *testing.T) {
	ctrl := fyne.KeyModifierShortcutDefault
	tests := []struct {
		name       string
		shortcut   fyne.Shortcut
		wantWindow bool   // the window's handler runs
		wantSel    string // the field's selected text afterwards
	}{
		{"Ctrl+L locks", &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl}, true, ""},
		{"Ctrl+R looks up again", &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: ctrl}, true, ""},
		{"Alt+Left goes back", &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, true, ""},
		{"select all stays in the field", &fyne.ShortcutSelectAll{}, false, "Ny revisor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win := newFakeScreen(t, newFakeDesk())
			handled := 0
			s.host.AddShortcut(tt.shortcut, func(fyne.Shortcut) { handled++ })
			test.Type(s.Search, "923609016")
			win.Canvas().Focus(s.notes.entry)
			test.Type(s.notes.entry, "Ny revisor")
			win.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(tt.shortcut) // as the desktop driver does
			if (handled == 1) != tt.wantWindow || handled > 1 {
				t.Errorf("window handler ran %d times, want it %v", handled, tt.wantWindow)
			}
			if s.notes.entry.Text != "Ny revisor" || s.notes.entry.SelectedText() != tt.wantSel {
				t.Errorf("field %q, selected %q; want %q selected", s.notes.entry.Text, s.notes.entry.SelectedText(), tt.wantSel)
			}
		})
	}
}
