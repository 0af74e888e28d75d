package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/desk"
)

// newTestApp builds Motpart's window on a headless Fyne test app in the
// given interface language.
func newTestApp(t *testing.T, language string) *App {
	t.Helper()
	t.Setenv("LANGUAGE", language)
	fa := test.NewTempApp(t)
	NewPreferences(fa.Preferences()).SetLanguage(language)
	a := New(fa, desk.New(desk.Config{AllowTestData: false}))
	t.Cleanup(func() {
		a.win.Close()
		// leave English behind for the next test
		_, _ = applyLanguage("en")
	})
	return a
}

func TestLookupSaysWhatIsTyped(t *testing.T) {
	a := newTestApp(t, "en")
	tests := []struct {
		typed       string
		country     int // index in the country filter
		wantVerdict string
		wantNumber  string // the details' Number row; "" when hidden
	}{
		{"923 609 016", 0, "Norwegian organisation number: valid.", "923609016"},
		{"923609017", 0, "Norwegian organisation number: the check digit is wrong.", ""},
		{"556074-7569", 0, "Swedish organisation number: valid.", "556074-7569"},
		{"811218-9875", 0, "Swedish personal identity number: the check digit is wrong.", ""},
		{"0116297-6", 0, "Finnish business ID: valid.", "0116297-6"},
		{"0116297-5", 0, "Finnish business ID: the check digit is wrong.", ""},
		{"12345", 0, "No Nordic number has this many digits.", ""},
		{"ABC-DEF", 0, "This is not a number Motpart knows: use digits, with spaces or hyphens if you like.", ""},
		{"923609016", 3, "No Nordic number has this many digits.", ""},
		{"", 0, "Type a Norwegian, Swedish or Finnish number.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			s := a.lookup
			s.country.SetSelectedIndex(tt.country)
			s.search.SetText("")
			test.Type(s.search, tt.typed)
			if got := s.verdict.Text; got != tt.wantVerdict {
				t.Errorf("verdict = %q, want %q", got, tt.wantVerdict)
			}
			if tt.wantNumber == "" {
				if s.details.Visible() {
					t.Errorf("details shown for %q", tt.typed)
				}
				return
			}
			if !s.details.Visible() {
				t.Fatalf("details hidden for %q", tt.typed)
			}
			if got := formValue(s.details, "Number"); got != tt.wantNumber {
				t.Errorf("Number row = %q, want %q", got, tt.wantNumber)
			}
		})
	}
}

func TestLookupMasksPersonalNumbers(t *testing.T) {
	a := newTestApp(t, "en")
	test.Type(a.lookup.search, "19811218-9876")
	if got := a.lookup.verdict.Text; got != "Swedish personal identity number: valid." {
		t.Fatalf("verdict = %q", got)
	}
	got := formValue(a.lookup.details, "Number")
	if got == "" || got == "19811218-9876" {
		t.Errorf("Number row = %q, want the personal number masked", got)
	}
}

func TestSearchIsFocusedAtStart(t *testing.T) {
	a := newTestApp(t, "en")
	if a.win.Canvas().Focused() != a.lookup.search {
		t.Errorf("focused = %v, want the search field", a.win.Canvas().Focused())
	}
}

func TestLanguageSwitchRedrawsEveryScreen(t *testing.T) {
	a := newTestApp(t, "en")
	tests := []struct {
		language    string
		choice      int // index in the language select; 0 is the system language
		wantLookup  string
		wantInvalid string
	}{
		{"sv", 2, "Sök", "Personnummer: kontrollsiffran är fel."},
		{"nb", 3, "Oppslag", "Svensk personnummer: kontrollsifferet er feil."},
		{"fi", 4, "Haku", "Ruotsalainen henkilötunnus: tarkistusmerkki on väärä."},
		{"en", 1, "Look up", "Swedish personal identity number: the check digit is wrong."},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			if !a.ShowScreen(ScreenSettings) {
				t.Fatal("no Settings screen")
			}
			sel := findSelect(t, a.tabs.Selected().Content)
			sel.SetSelectedIndex(tt.choice)
			if a.language != tt.language {
				t.Fatalf("language = %q, want %q", a.language, tt.language)
			}
			if got := a.prefs.Language(); got != tt.language {
				t.Errorf("stored language = %q, want %q", got, tt.language)
			}
			if got := a.tabs.Items[0].Text; got != tt.wantLookup {
				t.Errorf("Lookup tab = %q, want %q", got, tt.wantLookup)
			}
			if a.tabs.Selected() != a.tabs.Items[1] {
				t.Errorf("left Settings after switching language")
			}
			a.ShowScreen(ScreenLookup)
			test.Type(a.lookup.search, "811218-9875")
			if got := a.lookup.verdict.Text; got != tt.wantInvalid {
				t.Errorf("verdict = %q, want %q", got, tt.wantInvalid)
			}
		})
	}
}

func TestShowScreen(t *testing.T) {
	a := newTestApp(t, "en")
	for i, name := range screenNames() {
		if !a.ShowScreen(name) || a.tabs.SelectedIndex() != i {
			t.Errorf("ShowScreen(%q) did not select tab %d", name, i)
		}
	}
	if a.ShowScreen("nonsense") {
		t.Error("ShowScreen accepted an unknown screen")
	}
}

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
}

// formValue returns the text of the label in form's row called label.
func formValue(f *widget.Form, label string) string {
	for _, it := range f.Items {
		if it.Text == label {
			if l, ok := it.Widget.(*widget.Label); ok {
				return l.Text
			}
		}
	}
	return ""
}

// findSelect returns the first Select in o's tree.
func findSelect(t *testing.T, o fyne.CanvasObject) *widget.Select {
	t.Helper()
	var found *widget.Select
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch w := o.(type) {
		case *widget.Select:
			found = w
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		}
	}
	walk(o)
	if found == nil {
		t.Fatal("no Select on the screen")
	}
	return found
}
