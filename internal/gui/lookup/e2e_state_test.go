package lookup

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestStateCarriesOverToANewScreen(t *testing.T) {
	d := newHistoryDesk()
	d.dossiers = d.saved
	s, win := newFlowScreen(t, d, fyne.NewSize(900, 400))
	tests := []struct {
		name      string
		do        func()
		wantSaved bool
		wantTab   int
	}{
		{"a lookup on the owners tab", func() {
			enter(s, "974760673")
			enter(s, "123456785")
			s.dossier.tabs.SelectIndex(1)
		}, false, 1},
		{"back to a saved copy on the graph", func() {
			onUI(s.Back)
			relayout(win)
			s.dossier.tabs.SelectIndex(2)
		}, true, 2},
		{"scrolled down the company", func() {
			onUI(s.Forward)
			relayout(win)
			s.scroll.ScrollToOffset(fyne.NewPos(0, 120))
		}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.do()
			asked := len(d.lookups)
			st := s.State()
			s.Close()
			next := New(s.host, d)
			win.SetContent(next.Content())
			next.Restore(st)
			relayout(win)
			if len(d.lookups) != asked {
				t.Errorf("restoring asked the registers: %v", d.lookups[asked:])
			}
			if next.current != s.current || next.Search.Text != s.Search.Text {
				t.Errorf("shows %+v typed %q, want %+v typed %q", next.current, next.Search.Text, s.current, s.Search.Text)
			}
			if !slices.Equal(next.visited, s.visited) || next.at != s.at {
				t.Errorf("back/forward %v at %d, want %v at %d", next.visited, next.at, s.visited, s.at)
			}
			if next.back.Disabled() != s.back.Disabled() || next.forward.Disabled() != s.forward.Disabled() {
				t.Error("back or forward enabled differently")
			}
			if next.saved != tt.wantSaved || next.savedBar.Visible() != tt.wantSaved {
				t.Errorf("saved %v (bar %v), want %v", next.saved, next.savedBar.Visible(), tt.wantSaved)
			}
			if got := next.dossier.tabs.SelectedIndex(); got != tt.wantTab {
				t.Errorf("tab %d, want %d", got, tt.wantTab)
			}
			if next.scroll.Offset != s.scroll.Offset {
				t.Errorf("scrolled to %v, want %v", next.scroll.Offset, s.scroll.Offset)
			}
			s = next
		})
	}
}

func TestStateKeepsTheNoteBeingWritten(t *testing.T) {
	d := newFakeDesk()
	s, win := newFlowScreen(t, d, fyne.NewSize(900, 640))
	enter(s, "923609016")
	test.Type(s.notes.entry, "Ny revisor fra mars.")
	st := s.State()
	s.Close()
	next := New(s.host, d)
	win.SetContent(next.Content())
	next.Restore(st)
	if got := next.notes.entry.Text; got != "Ny revisor fra mars." {
		t.Errorf("the new screen's note field holds %q", got)
	}
	if len(d.lookups) != 1 {
		t.Errorf("lookups %v, want the one before", d.lookups)
	}
}
