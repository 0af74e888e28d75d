package lookup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

func TestCancelTakesLookUpsPlace(t *testing.T) {
	// In Swedish and Finnish Cancel is wider than Look up.
	for _, language := range []string{"en", "sv", "fi"} {
		t.Run(language, func(t *testing.T) {
			s, win := newFlowScreen(t, newFakeDesk(), fyne.NewSize(800, 600))
			if _, err := guikit.ApplyLanguage(language); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _, _ = guikit.ApplyLanguage("en") })
			// build it again in language
			s.Close()
			s = New(s.host, s.desk)
			win.SetContent(s.Content())
			test.Type(s.Search, "923609016")
			relayout(win)
			width, at := s.Search.Size().Width, s.lookupButton.Position()
			if h := s.busy.MinSize().Height; h > 4 || s.busy.Running() {
				t.Errorf("busy line %v high, running %v; want a slim stopped line", h, s.busy.Running())
			}
			s.startWork()
			relayout(win)
			if !s.cancelButton.Visible() || s.lookupButton.Visible() || !s.busy.Running() {
				t.Errorf("working: cancel shown %v, look up shown %v, busy %v", s.cancelButton.Visible(), s.lookupButton.Visible(), s.busy.Running())
			}
			if got := s.Search.Size().Width; got != width {
				t.Errorf("search field %v wide with Cancel, %v without", got, width)
			}
			if got := s.cancelButton.Position(); got != at {
				t.Errorf("Cancel at %v, Look up was at %v", got, at)
			}
			s.endWork()
			relayout(win)
			if s.cancelButton.Visible() || !s.lookupButton.Visible() || s.busy.Running() || s.Search.Size().Width != width {
				t.Error("the bar is not as it was after the work")
			}
			s.Close()
		})
	}
}

func TestIconButtonsSayWhatTheyDo(t *testing.T) {
	s, _ := newFlowScreen(t, newFakeDesk(), fyne.NewSize(900, 640))
	tests := []struct {
		button *guikit.IconButton
		want   string
	}{
		{s.back, "Back to the previous company (Alt+Left)"},
		{s.forward, "Forward to the next company (Alt+Right)"},
		{s.reload, "Look up again in the registers (Ctrl+R)"},
		{s.copyNum, "Copy the organisation number"},
	}
	for _, tt := range tests {
		if tt.button.Text != "" || tt.button.Hint != tt.want {
			t.Errorf("button %q with hint %q, want hint %q", tt.button.Text, tt.button.Hint, tt.want)
		}
		tt.button.MouseIn(&desktop.MouseEvent{})
		if got := s.hints.Label.Text; got != tt.want {
			t.Errorf("hovering: hint line %q, want %q", got, tt.want)
		}
		tt.button.MouseOut()
		if got := s.hints.Label.Text; got != "" {
			t.Errorf("after hovering: hint line %q", got)
		}
		tt.button.FocusGained()
		if got := s.hints.Label.Text; got != tt.want {
			t.Errorf("focused: hint line %q, want %q", got, tt.want)
		}
		tt.button.FocusLost()
	}
}

// focusChain is every object Tab reaches from the search field, in order,
// starting with it.
func focusChain(t *testing.T, c fyne.Canvas, s *Screen) []fyne.Focusable {
	t.Helper()
	c.Focus(s.Search)
	chain := []fyne.Focusable{s.Search}
	for range 200 {
		c.FocusNext()
		if c.Focused() == s.Search {
			return chain
		}
		chain = append(chain, c.Focused())
	}
	t.Fatal("Tab never comes back to the search field")
	return nil
}

func TestTabReachesEveryControlInOrder(t *testing.T) {
	d := newHistoryDesk()
	d.dossiers = d.saved
	s, win := newFlowScreen(t, d, fyne.NewSize(900, 400))
	enter(s, "974760673")
	s.Search.SetText("")
	test.Tap(historyButton(t, s, "EKSEMPELBYRÅ AS"))
	chain := focusChain(t, win.Canvas(), s)
	index := func(f fyne.Focusable) int {
		for i, o := range chain {
			if o == f {
				return i
			}
		}
		return -1
	}
	order := []struct {
		name string
		obj  fyne.Focusable
	}{
		{"search", s.Search}, {"country", s.country}, {"look up", s.lookupButton},
		{"reload", s.reload}, {"copy", s.copyNum}, {"look up again", s.again}, {"back", s.back},
	}
	last := -1
	for _, o := range order {
		i := index(o.obj)
		if i < 0 {
			t.Errorf("Tab never reaches %s", o.name)
			continue
		}
		if i < last && o.name != "back" {
			t.Errorf("Tab reaches %s at %d, before the control before it (%d)", o.name, i, last)
		}
		last = i
	}
	// back is last in the chain from the search field: it comes first on
	// the screen, so Tab wraps to it.
	if i := index(s.back); i != len(chain)-2 && i != len(chain)-1 {
		t.Errorf("back at %d of %d; want it just before the search field", i, len(chain))
	}
}

func TestFocusedControlIsScrolledIntoView(t *testing.T) {
	d := newHistoryDesk()
	d.dossiers = d.saved
	s, win := newFlowScreen(t, d, fyne.NewSize(900, 400))
	enter(s, "123456785") // twenty roles: taller than the window
	c := win.Canvas()
	chain := focusChain(t, c, s)
	visible := 0
	for _, f := range chain[1:] {
		obj, ok := f.(fyne.CanvasObject)
		if !ok || !s.dossier.box.Visible() || !inside(s.scroll.Content, obj) {
			continue
		}
		c.Focus(f)
		s.follower.Follow()
		drv := fyne.CurrentApp().Driver()
		y := drv.AbsolutePositionForObject(obj).Y - drv.AbsolutePositionForObject(s.scroll.Content).Y
		top, bottom := s.scroll.Offset.Y, s.scroll.Offset.Y+s.scroll.Size().Height
		if y < top || y+obj.Size().Height > bottom+0.5 {
			t.Errorf("focused %T at %v–%v, shown %v–%v", f, y, y+obj.Size().Height, top, bottom)
		}
		visible++
	}
	if visible < 2 {
		t.Errorf("Tab reached only %d controls in the scrolled part", visible)
	}
	if s.scroll.Offset.Y == 0 {
		t.Error("the view never scrolled")
	}
}

// inside reports whether obj is in root's tree of containers and tabs.
func inside(root, obj fyne.CanvasObject) bool {
	if root == obj {
		return true
	}
	switch r := root.(type) {
	case *fyne.Container:
		for _, o := range r.Objects {
			if inside(o, obj) {
				return true
			}
		}
	case *container.AppTabs:
		return inside(r.Selected().Content, obj)
	}
	return false
}

// allButtonsIn returns every button in o's tree, plain and icon-only, looking
// through containers, tabs, scrolls and splits.
func allButtonsIn(o fyne.CanvasObject) (plain []*widget.Button, icons []*guikit.IconButton) {
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			plain = append(plain, w)
		case *guikit.IconButton:
			icons = append(icons, w)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		case *container.Scroll:
			walk(w.Content)
		case *container.Split:
			walk(w.Leading)
			walk(w.Trailing)
		}
	}
	walk(o)
	return plain, icons
}

func TestNoButtonIsOnlyAnIcon(t *testing.T) {
	d := newFakeDesk()
	s, _ := newFlowScreen(t, d, fyne.NewSize(900, 640))
	enter(s, "923609016")
	test.Type(s.notes.entry, "Ny revisor fra mars.")
	test.Tap(s.notes.add)
	plain, icons := allButtonsIn(s.Content())
	for _, b := range plain {
		if b.Text == "" {
			t.Errorf("a button shows only an icon (%v) and says nothing", b.Icon.Name())
		}
	}
	// back, forward, reload, copy, a note's edit and remove
	if len(icons) < 6 {
		t.Errorf("%d icon buttons, want at least 6", len(icons))
	}
	for _, b := range icons {
		if b.Hint == "" {
			t.Errorf("the icon button %v has no hint", b.Icon.Name())
		}
		b.MouseIn(&desktop.MouseEvent{})
		if s.hints.Label.Text != b.Hint {
			t.Errorf("hovering %v: the hint line says %q, want %q", b.Icon.Name(), s.hints.Label.Text, b.Hint)
		}
		b.MouseOut()
	}
}
