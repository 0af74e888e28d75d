package lookup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonsIn returns every button in o's tree, through containers and
// the objects of widgets' renderers (dialogs).
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	switch w := o.(type) {
	case *widget.Button:
		return []*widget.Button{w}
	case *fyne.Container:
		var out []*widget.Button
		for _, c := range w.Objects {
			out = append(out, buttonsIn(c)...)
		}
		return out
	case fyne.Widget:
		var out []*widget.Button
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, buttonsIn(c)...)
		}
		return out
	}
	return nil
}

func TestRemoveNoteAsksWithTheAction(t *testing.T) {
	tests := []struct {
		tap  string
		left int // notes left
	}{
		{"Cancel", 1},
		{"Remove note", 0},
	}
	for _, tt := range tests {
		t.Run(tt.tap, func(t *testing.T) {
			d := newFakeDesk()
			s, win := newFakeScreen(t, d)
			p := s.notes
			test.Type(s.Search, "923609016")
			test.Type(p.entry, "Ny revisor fra mars.")
			test.Tap(p.add)
			if len(d.notes["923609016"]) != 1 {
				t.Fatalf("%d notes stored", len(d.notes["923609016"]))
			}
			p.confirmRemove(d.notes["923609016"][0])
			var texts []string
			var tap *widget.Button
			for _, b := range buttonsIn(win.Canvas().Overlays().Top()) {
				texts = append(texts, b.Text)
				if b.Text == tt.tap {
					tap = b
				}
			}
			if len(texts) != 2 || texts[0] != "Cancel" || texts[1] != "Remove note" {
				t.Fatalf("buttons %q, want Cancel and Remove note", texts)
			}
			test.Tap(tap)
			if n := len(d.notes["923609016"]); n != tt.left {
				t.Errorf("%d notes left, want %d", n, tt.left)
			}
		})
	}
}
