package lookup

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// newSearchScreen is the Lookup screen on a fake desk that knows three
// companies, two of them named EKSEMPEL..., with the focus in the field.
func newSearchScreen(t *testing.T) (*Screen, fyne.Window, *fakeDesk) {
	t.Helper()
	d := newFakeDesk()
	d.names["123456785"] = "EKSEMPEL HOLDING AS"
	s, win := newFakeScreen(t, d)
	s.Focus()
	return s, win, d
}

// press types key into whatever has the focus, as the window does, on
// the UI goroutine (work it starts finishes there too).
func press(t *testing.T, win fyne.Window, key fyne.KeyName) {
	t.Helper()
	f := win.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the focus for %s", key)
	}
	onUI(func() { f.TypedKey(&fyne.KeyEvent{Name: key}) })
}

// searchFor types name into the empty field and presses Enter.
func searchFor(t *testing.T, s *Screen, win fyne.Window, name string) {
	t.Helper()
	s.Search.SetText("")
	test.Type(s.Search, name)
	press(t, win, fyne.KeyReturn)
	s.host.WaitIdle()
	layOutAgain(win)
}

// layOutAgain lays the window out again, as the driver does before drawing.
func layOutAgain(win fyne.Window) {
	size := win.Canvas().Size()
	win.Resize(size.AddWidthHeight(1, 0))
	win.Resize(size)
}

func TestSearchByNameWithTheKeyboard(t *testing.T) {
	tests := []struct {
		name       string
		keys       []fyne.KeyName // pressed after the search, from the field
		wantLookup string         // the number looked up; "" none
		wantOpen   bool           // the list is still open
		wantInList bool           // the focus is in the list
	}{
		{"Down and Enter open the first", []fyne.KeyName{fyne.KeyDown, fyne.KeyReturn}, "123456785", false, false},
		{"Down twice and Enter open the second", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn}, "923609016", false, false},
		{"Down past the end stays on the last", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyEnter}, "923609016", false, false},
		{"Down then Up goes back to the second, Space opens", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeySpace}, "123456785", false, false},
		{"Up from the first goes back to the field", []fyne.KeyName{fyne.KeyDown, fyne.KeyUp}, "", true, false},
		{"Escape in the field closes", []fyne.KeyName{fyne.KeyEscape}, "", false, false},
		{"Escape in the list closes", []fyne.KeyName{fyne.KeyDown, fyne.KeyEscape}, "", false, false},
		{"Down alone moves into the list", []fyne.KeyName{fyne.KeyDown}, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win, d := newSearchScreen(t)
			searchFor(t, s, win, "eksempel")
			p := s.Search.hits
			if !slices.Equal(d.searches, []string{"eksempel"}) || len(d.lookups) != 0 {
				t.Fatalf("searches %v, lookups %v", d.searches, d.lookups)
			}
			if !p.listBox.Visible() || len(p.hits) != 2 {
				t.Fatalf("the list: visible %v, %d hits", p.listBox.Visible(), len(p.hits))
			}
			if got := rowTexts(p.list); !contains(got, "EKSEMPEL HOLDING AS") || !contains(got, "EKSEMPELBYRÅ AS") || !contains(got, "923609016 · AS · BERGEN") {
				t.Errorf("the list shows %q", got)
			}
			for _, k := range tt.keys {
				press(t, win, k)
			}
			s.host.WaitIdle()
			got := ""
			if len(d.lookups) > 0 {
				got = d.lookups[len(d.lookups)-1]
			}
			if got != tt.wantLookup || len(d.lookups) > 1 {
				t.Errorf("looked up %v, want %q", d.lookups, tt.wantLookup)
			}
			if tt.wantLookup != "" && (s.current == nil || s.current.Number != tt.wantLookup || s.Search.Text != tt.wantLookup) {
				t.Errorf("after opening: field %q, dossier %+v", s.Search.Text, s.current)
			}
			if p.listBox.Visible() != tt.wantOpen {
				t.Errorf("list visible %v, want %v", p.listBox.Visible(), tt.wantOpen)
			}
			if closed := tt.wantLookup == "" && !tt.wantOpen; closed && (p.heading.Visible() || !p.hint.Visible()) {
				t.Errorf("closed: heading %q shown, hint %q", shownText(p.heading), shownText(p.hint))
			}
			wantFocus := fyne.Focusable(s.Search)
			if tt.wantInList {
				wantFocus = p.list
			}
			if f := win.Canvas().Focused(); f != wantFocus {
				t.Errorf("focus on %T, want %T", f, wantFocus)
			}
		})
	}
}

func TestSearchByNameClickOpens(t *testing.T) {
	s, win, d := newSearchScreen(t)
	searchFor(t, s, win, "EKSEMPEL")
	p := s.Search.hits
	// The second row's name, where a click lands.
	var target fyne.CanvasObject
	walk(p.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "EKSEMPELBYRÅ AS" && target == nil {
			target = o
		}
	})
	if target == nil {
		t.Fatal("no row shows EKSEMPELBYRÅ AS")
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(target)
	onUI(func() { test.TapCanvas(win.Canvas(), pos.AddXY(2, 2)) })
	s.host.WaitIdle()
	if !slices.Equal(d.lookups, []string{"923609016"}) || s.current == nil || s.current.Company == nil || s.current.Company.Name != "EKSEMPELBYRÅ AS" {
		t.Errorf("after the click: lookups %v, dossier %+v", d.lookups, s.current)
	}
	if p.listBox.Visible() {
		t.Error("the list stays open after a hit was opened")
	}
}

func TestSearchButtonAndHints(t *testing.T) {
	tests := []struct {
		typed       string
		wantButton  string
		wantEnabled bool
		wantVerdict bool   // the verdict is shown
		wantHint    string // "" hidden
		wantWhy     string // "" hidden
	}{
		{"", "Look up", false, true, "Organisation numbers have 9 digits in Norway", ""},
		{"solstrand", "Search", true, false, "Press Enter to search Enhetsregisteret for “solstrand”.", ""},
		{"  fjord   lys ", "Search", true, false, "for “fjord lys”", ""},
		{"923609016", "Look up", true, true, "", ""},
		{"556074-7569", "Look up", false, true, "", "No register for Swedish numbers is connected yet, so Motpart cannot look this number up."},
		{"0116297-6", "Look up", false, true, "", "No register for Finnish numbers is connected yet, so Motpart cannot look this number up."},
		{"19811218-9876", "Look up", false, true, "", "This is a person's identity number. Motpart looks up organisations"},
		{"92360901", "Look up", false, true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			s, win, d := newSearchScreen(t)
			test.Type(s.Search, tt.typed)
			p := s.Search.hits
			if s.lookupButton.Text != tt.wantButton || s.lookupButton.Disabled() == tt.wantEnabled {
				t.Errorf("button %q enabled %v, want %q %v", s.lookupButton.Text, !s.lookupButton.Disabled(), tt.wantButton, tt.wantEnabled)
			}
			if s.Verdict.Visible() != tt.wantVerdict {
				t.Errorf("verdict visible %v", s.Verdict.Visible())
			}
			if got := shownText(p.hint); !strings.Contains(got, tt.wantHint) || (tt.wantHint == "") != (got == "") {
				t.Errorf("hint %q, want %q", got, tt.wantHint)
			}
			if got := shownText(p.why); !strings.HasPrefix(got, tt.wantWhy) || (tt.wantWhy == "") != (got == "") {
				t.Errorf("why %q, want %q", got, tt.wantWhy)
			}
			// Enter does what the button would, and nothing when it is
			// disabled.
			press(t, win, fyne.KeyReturn)
			s.host.WaitIdle()
			asked := len(d.lookups) + len(d.searches)
			if want := map[bool]int{true: 1, false: 0}[tt.wantEnabled]; asked != want {
				t.Errorf("Enter asked the desk %d times (lookups %v, searches %v), want %d", asked, d.lookups, d.searches, want)
			}
		})
	}
}

// shownText is a label's text when it is shown, else "".
func shownText(l *widget.Label) string {
	if !l.Visible() {
		return ""
	}
	return l.Text
}

// walk calls f on o and everything drawn inside it, widgets' insides too.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walk(c, f)
		}
	}
}

// rowTexts are the texts of the labels shown in o, widgets' insides too.
func rowTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// findButton is the button in o with text, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var b *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if w, ok := o.(*widget.Button); ok && w.Text == text && b == nil {
			b = w
		}
	})
	return b
}

func TestSearchByNameProblems(t *testing.T) {
	tests := []struct {
		name        string
		err         error
		wantMessage string // the red message; "" hidden
		wantHeading string // the line above the hits; "" hidden
	}{
		{"no hits", problem.New(problem.CodeNoHits, nil), "", "No company with this name was found. Check the spelling, or search with fewer words."},
		{"unreachable", problem.New(problem.CodeRegisterFailed, problem.New(problem.CodeUnreachable, nil)), "Motpart could not reach the register. Check the internet connection, or the address in Settings.", ""},
		{"timeout", problem.New(problem.CodeRegisterFailed, problem.New(problem.CodeTimeout, nil)), "The register did not answer in time. Try again in a moment.", ""},
		{"too short", problem.New(problem.CodeNameTooShort, nil), "Type at least two letters of the name to search.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win, d := newSearchScreen(t)
			d.searchErr = tt.err
			searchFor(t, s, win, "solstrand")
			p := s.Search.hits
			if got := shownText(s.message); got != tt.wantMessage {
				t.Errorf("message %q, want %q", got, tt.wantMessage)
			}
			if got := shownText(p.heading); got != tt.wantHeading {
				t.Errorf("heading %q, want %q", got, tt.wantHeading)
			}
			if p.listBox.Visible() || s.lookupButton.Disabled() || s.cancelButton.Visible() {
				t.Errorf("list %v, button disabled %v, cancel %v", p.listBox.Visible(), s.lookupButton.Disabled(), s.cancelButton.Visible())
			}
		})
	}
}

func TestSearchByNameShowsProgressAndCancels(t *testing.T) {
	s, win, d := newSearchScreen(t)
	d.searchGate = make(chan struct{})
	test.Type(s.Search, "eksempel")
	press(t, win, fyne.KeyReturn)
	// The progress and Cancel are the screen's, as for a lookup.
	if !s.cancelButton.Visible() || !s.lookupButton.Disabled() {
		t.Errorf("while searching: cancel %v, button disabled %v", s.cancelButton.Visible(), s.lookupButton.Disabled())
	}
	onUI(func() { test.Tap(s.cancelButton) })
	s.host.WaitIdle()
	p := s.Search.hits
	if s.cancelButton.Visible() || s.lookupButton.Disabled() || s.message.Visible() || p.listBox.Visible() || p.heading.Visible() {
		t.Errorf("after Cancel: cancel %v, button disabled %v, message %q, list %v, heading %v",
			s.cancelButton.Visible(), s.lookupButton.Disabled(), shownText(s.message), p.listBox.Visible(), p.heading.Visible())
	}
	// Searching again works.
	close(d.searchGate)
	s.Focus()
	press(t, win, fyne.KeyReturn)
	s.host.WaitIdle()
	if len(d.searches) != 2 || len(p.hits) != 2 {
		t.Errorf("searches %v, %d hits", d.searches, len(p.hits))
	}
}

func TestSearchHitsAreDroppedWhenTheNameChanges(t *testing.T) {
	s, win, _ := newSearchScreen(t)
	searchFor(t, s, win, "eksempel")
	p := s.Search.hits
	test.Type(s.Search, "x")
	if p.listBox.Visible() || len(p.hits) != 0 {
		t.Errorf("hits of “eksempel” still shown for %q", s.Search.Text)
	}
}

func TestExamplesAreClickable(t *testing.T) {
	tests := []struct {
		name     string
		examples []dossier.Example
		want     []string // the buttons
	}{
		{"the sandbox", []dossier.Example{{Number: "923609016", Name: "EKSEMPELBYRÅ AS"}, {Number: "974760673"}},
			[]string{"EKSEMPELBYRÅ AS · 923609016", "974760673"}},
		{"elsewhere none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			d.examples = tt.examples
			s, _ := newFakeScreen(t, d)
			p := s.Search.hits
			got := buttonTexts(p.examples)
			if p.examples.Visible() != (len(tt.want) > 0) || !slices.Equal(got, tt.want) {
				t.Fatalf("examples visible %v: %q, want %q", p.examples.Visible(), got, tt.want)
			}
			if len(tt.want) == 0 {
				return
			}
			b := findButton(p.examples, tt.want[0])
			onUI(func() { test.Tap(b) })
			s.host.WaitIdle()
			if !slices.Equal(d.lookups, []string{tt.examples[0].Number}) || s.Search.Text != tt.examples[0].Number || s.current == nil {
				t.Errorf("after the click: lookups %v, field %q", d.lookups, s.Search.Text)
			}
			if p.examples.Visible() {
				t.Error("the examples stay while a number is typed")
			}
		})
	}
}
