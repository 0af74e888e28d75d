package lookup

import (
	"slices"

	"testing"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/problem"
)

// TestEditNoteDialog changes a note through its dialog, and shows a
// failure inside the dialog, above its buttons, with the text kept.
func TestEditNoteDialog(t *testing.T) {
	tests := []struct {
		name     string
		note     func(stored dossier.Note) dossier.Note
		wantText string // the stored note's text afterwards
		wantOpen bool   // the dialog is still open, showing the error
	}{
		{"saved", func(n dossier.Note) dossier.Note { return n }, "Ny revisor fra april.", false},
		{"removed meanwhile", func(dossier.Note) dossier.Note { return dossier.Note{ID: "gone", Text: "borte"} }, "Ny revisor fra mars.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			s, win := newFakeScreen(t, d)
			p := s.notes
			test.Type(s.Search, "923609016")
			test.Type(p.entry, "Ny revisor fra mars.")
			test.Tap(p.add)
			p.editNote(tt.note(d.notes["923609016"][0]))
			top := win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog")
			}
			entry, ok := win.Canvas().Focused().(*noteEntry)
			if !ok {
				t.Fatalf("focus on %T, want the note's field", win.Canvas().Focused())
			}
			if w := entry.Size().Width; w < guikit.MinFieldWidth {
				t.Errorf("note field %v wide, want at least %v", w, guikit.MinFieldWidth)
			}
			entry.SetText("Ny revisor fra april.")
			var save *widget.Button
			for _, b := range buttonsIn(top) {
				if b.Text == "Save" {
					save = b
				}
			}
			if save == nil {
				t.Fatalf("no Save button in %q", guitest.ButtonTexts(top))
			}
			test.Tap(save)
			if got := d.notes["923609016"][0].Text; got != tt.wantText {
				t.Errorf("stored note %q, want %q", got, tt.wantText)
			}
			open := win.Canvas().Overlays().Top() != nil
			if open != tt.wantOpen {
				t.Fatalf("dialog open %v, want %v", open, tt.wantOpen)
			}
			if tt.wantOpen {
				want := guikit.ProblemText(problem.New(problem.CodeNoteNotFound, nil))
				if !slices.Contains(shownLabels(top), want) {
					t.Errorf("dialog shows %q, want the error %q", shownLabels(top), want)
				}
				if entry.Text != "Ny revisor fra april." {
					t.Errorf("the text typed became %q", entry.Text)
				}
				if p.message.Visible() {
					t.Error("the error is shown on the panel behind the dialog too")
				}
			}
		})
	}
}

// shownLabels returns the text of every visible label in o's tree, through
// containers and the objects of widgets' renderers (dialogs).
func shownLabels(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	switch w := o.(type) {
	case *widget.Label:
		return []string{w.Text}
	case *fyne.Container:
		var out []string
		for _, c := range w.Objects {
			out = append(out, shownLabels(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, shownLabels(c)...)
		}
		return out
	}
	return nil
}
