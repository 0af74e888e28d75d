package gui

// The tests here build every screen of the screenshot set in Swedish,
// Norwegian and Finnish on fake desks, walk what each shows and check that
// no English reaches the user.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// newFakeAppIn is the window on d in language, at 1280×800.
func newFakeAppIn(t *testing.T, d Desk, language string) *App {
	t.Helper()
	t.Setenv("LANGUAGE", language)
	fa := test.NewTempApp(t)
	guikit.NewPreferences(fa.Preferences()).SetLanguage(language)
	a := New(fa, d)
	a.host.SetDo(onUI)
	a.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		a.host.WaitIdle()
		a.stopAutoLock()
		a.win.Close()
		_, _ = guikit.ApplyLanguage("en")
	})
	return a
}

// shownTexts returns every text c shows or offers: what its labels,
// buttons, rich texts and every other widget draw (found through the
// widgets' renderers), the titles of all tabs and the content of the
// unselected ones, form labels and hints, the options and placeholder of
// selects, radio groups and checks, and the placeholders of entries (not
// what was typed in them). Dialogs and pop-ups are included.
func shownTexts(c fyne.Canvas) []string {
	var out []string
	seen := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || seen[o] || !o.Visible() {
			return
		}
		seen[o] = true
		switch w := o.(type) {
		case *canvas.Text:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
			return // the rest is what the user typed
		case *widget.Select:
			if w.Selected == "" {
				out = append(out, w.PlaceHolder)
			}
			out = append(out, w.Options...)
		case *widget.RadioGroup:
			out = append(out, w.Options...)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Form:
			for _, it := range w.Items {
				out = append(out, it.Text, it.HintText)
				walk(it.Widget)
			}
		case *widget.Accordion:
			for _, it := range w.Items {
				out = append(out, it.Title)
				walk(it.Detail)
			}
		case *container.AppTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Content)
			}
		case *container.DocTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Content)
			}
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Hyperlink:
			out = append(out, w.Text)
		case *widget.RichText:
			for _, seg := range w.Segments {
				if tx, ok := seg.(interface{ Textual() string }); ok {
					out = append(out, tx.Textual())
				}
			}
		}
		if cont, ok := o.(*fyne.Container); ok {
			for _, child := range cont.Objects {
				walk(child)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// fragment is English that must not reach a user of another language.
type fragment struct {
	text string
	// word: the text matches only as whole words, with the same case;
	// otherwise anywhere, in any case.
	word bool
}

// alwaysEnglish are fragments Fyne, the clients and the formatting of
// numbers and units have let through before.
var alwaysEnglish = []fragment{
	{"(Select one)", false}, {"Something went wrong", false}, {"offline", false},
	{"Scope", true}, {"KB", true}, {"bit", true}, {"bits", true},
}

// placeholderRE matches a translation's {{.Placeholder}}.
var placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)

// englishFragments lists the English texts of en.json that language says
// otherwise: each text's literal parts (around its placeholders) of at
// least six letters, plus alwaysEnglish.
func englishFragments(t *testing.T, language string) []fragment {
	t.Helper()
	en, tr := loadTranslation(t, "en"), loadTranslation(t, language)
	seen := map[string]bool{}
	frags := append([]fragment(nil), alwaysEnglish...)
	for key, english := range en {
		if tr[key] == english && sameInEveryLanguage[english] {
			continue
		}
		for _, part := range placeholderRE.Split(english, -1) {
			part = strings.TrimFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			letters := 0
			for _, r := range part {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			if letters < 6 || seen[part] || tr[key] != english && strings.Contains(tr[key], part) {
				continue
			}
			seen[part] = true
			frags = append(frags, fragment{part, true})
		}
	}
	return frags
}

// sameInEveryLanguage are the English texts that Swedish, Norwegian and
// Finnish write the same: names, and units every language shares.
var sameInEveryLanguage = map[string]bool{
	"Brønnøysund, Enhetsregisteret": true,
	"Brønnøysund, grunndataWS":      true,
	"BankID":                        true,
	"Finland":                       true,
	"TEST":                          true, // the test environment's band (Swedish and Norwegian)
	"{{.Count}} min":                true,
	"TransferID":                    true, // the names of Vero's transfer codes
	"TransferPassword":              true,
	"Motpart":                       true, // the program's name
}

// TestNoTranslationIsTheEnglish: a Swedish, Norwegian or Finnish text that
// is the English one is a translation left undone, unless the languages
// write it alike.
func TestNoTranslationIsTheEnglish(t *testing.T) {
	en := loadTranslation(t, "en")
	for _, language := range []string{"sv", "nb", "fi"} {
		for key, text := range loadTranslation(t, language) {
			if text == en[key] && !sameInEveryLanguage[text] && key != "en" {
				t.Errorf("%s.json: %q is the English text", language, key)
			}
		}
	}
}

// findEnglish returns the first fragment text holds, or "".
func findEnglish(text string, frags []fragment) string {
	for _, f := range frags {
		if !f.word {
			if strings.Contains(strings.ToLower(text), strings.ToLower(f.text)) {
				return f.text
			}
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], f.text)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(f.text)
			if !letterAt(text, start-1, true) && !letterAt(text, end, false) {
				return f.text
			}
			i = start + 1
		}
	}
	return ""
}

// letterAt reports whether the rune that ends at i (before) or starts at
// i (!before) in s is a letter or a digit.
func letterAt(s string, i int, before bool) bool {
	if i < 0 || i >= len(s) && !before || i > len(s) {
		return false
	}
	var r rune
	if before {
		rs := []rune(s[:i+1])
		r = rs[len(rs)-1]
	} else {
		r = []rune(s[i:])[0]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func TestFindEnglish(t *testing.T) {
	frags := []fragment{{"Scope", true}, {"offline", false}, {"Valid until", true}}
	tests := []struct {
		text, want string
	}{
		{"Scope i Maskinporten", "Scope"},
		{"Scopet är inte registrerat", ""},
		{"tilgang (scope)", ""},
		{"Offlinekopia från 2026-03-02", "offline"},
		{"Gyldig til 2026-03-02", ""},
		{"Key: Valid until 2026-03-02.", "Valid until"},
		{"Ävalid until", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := findEnglish(tt.text, frags); got != tt.want {
			t.Errorf("findEnglish(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNoEnglishOnScreens builds each screen of the screenshot set in
// Swedish, Norwegian and Finnish and checks that no text on it holds an
// English fragment.
func TestNoEnglishOnScreens(t *testing.T) {
	certFile := filepath.Join(t.TempDir(), "Maskinporten Buypass.p12")
	if err := os.WriteFile(certFile, []byte("not read by the fake desk"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, language := range []string{"sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			frags := englishFragments(t, language)
			checked := 0
			check := func(a *App, screen string) {
				t.Helper()
				a.host.WaitIdle()
				var texts []string
				onUI(func() { texts = shownTexts(a.win.Canvas()) })
				if len(texts) < 3 {
					t.Errorf("%s: only %d texts found: %q", screen, len(texts), texts)
				}
				if os.Getenv("MOTPART_SHOW_TEXTS") != "" {
					t.Logf("%s: %q", screen, texts)
				}
				reported := map[string]bool{}
				for _, text := range texts {
					if reported[text] {
						continue
					}
					reported[text] = true
					if f := findEnglish(text, frags); f != "" {
						t.Errorf("%s: %q holds the English %q", screen, text, f)
					}
				}
				checked++
			}

			// First start: create the vault.
			a := newFakeAppIn(t, &fakeDesk{}, language)
			check(a, "create")
			test.Type(a.gate.Password, "short")
			check(a, "create, short password")
			a.gate.Password.SetText("")
			test.Type(a.gate.Password, testPassword)
			test.Type(a.gate.Repeat, testPassword+"x")
			check(a, "create, differing passwords")

			// Later starts: unlock, with a wrong password first.
			d := newRichDesk(t)
			a = newFakeAppIn(t, d, language)
			test.Type(a.gate.Password, "wrong password")
			onUI(func() { test.Tap(a.gate.Submit) })
			check(a, "unlock, wrong password")
			if err := a.Unlock([]byte(testPassword)); err != nil {
				t.Fatal(err)
			}
			check(a, "lookup, empty")
			test.Type(a.lookup.Search, "811218-9875")
			check(a, "lookup, invalid number")
			for _, tt := range []struct {
				number string
				tab    int
			}{
				{"923609016", 0}, {"923609016", 1}, {"923609016", 2}, {"923609016", 3},
				{"974760673", 0}, {"974760673", 1}, {"974760673", 3},
				{"5560747569", 0}, {"123456785", 0},
			} {
				onUI(func() { a.lookup.Open(tt.number, tt.tab) })
				check(a, "lookup "+tt.number+" tab "+string(rune('0'+tt.tab)))
			}

			onUI(func() { a.lookup.Open("923609016", 0) })
			a.host.WaitIdle()
			onUI(a.lookup.OrderAML)
			check(a, "order AML documents")
			if cancel := findButton(a.win.Canvas(), "Cancel"); cancel != nil {
				onUI(func() { test.Tap(cancel) })
			} else {
				t.Error("the order dialog has no Cancel button")
			}
			onUI(a.lookup.MakeReport)
			check(a, "make KYC report")
			if makeButton := findButton(a.win.Canvas(), "Make"); makeButton != nil {
				onUI(func() { test.Tap(makeButton) })
			} else {
				t.Error("the report dialog has no Make button")
			}
			check(a, "KYC report made")
			if closeButton := findButton(a.win.Canvas(), "Close"); closeButton != nil {
				onUI(func() { test.Tap(closeButton) })
			} else {
				t.Error("the report made dialog has no Close button")
			}

			a.showScreen(ScreenCertificates)
			check(a, "certificates")
			a.showScreen(ScreenImport)
			check(a, "wizard, file step")
			onUI(func() { a.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(certFile)}) })
			check(a, "wizard, password step")
			password := findPasswordEntry(a.win.Canvas())
			if password == nil {
				t.Fatal("the wizard shows no password field")
			}
			test.Type(password, "pin-4711")
			next := findButton(a.win.Canvas(), "Next")
			if next == nil {
				t.Fatal("the wizard has no Next button")
			}
			onUI(func() { test.Tap(next) })
			check(a, "wizard, summary")
			onUI(func() { test.Tap(next) })
			check(a, "wizard, name")
			a.certificates.CloseWizard()

			a.showScreen(ScreenSettings)
			check(a, "settings")
			a.settings.OpenPasswordDialog()
			check(a, "settings, change password")
			if checked < 20 {
				t.Errorf("only %d screens checked", checked)
			}
		})
	}
}

// findPasswordEntry returns the first password entry on c's top overlay
// (a dialog), or on c when there is none.
func findPasswordEntry(c fyne.Canvas) *widget.Entry {
	var found *widget.Entry
	visit(topOf(c), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password && found == nil && e.Visible() {
			found = e
		}
	})
	return found
}

// findButton returns the button on c's top overlay (or c) whose text is
// the translation of english.
func findButton(c fyne.Canvas, english string) *widget.Button {
	want := lang.L(english)
	var found *widget.Button
	visit(topOf(c), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == want && found == nil {
			found = b
		}
	})
	return found
}

// topOf is c's top overlay, or its content.
func topOf(c fyne.Canvas) fyne.CanvasObject {
	if top := c.Overlays().Top(); top != nil {
		return top
	}
	return c.Content()
}

// visit calls f on o and everything under it, through containers and the
// widgets' renderers.
func visit(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	seen := map[fyne.CanvasObject]bool{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || seen[o] {
			return
		}
		seen[o] = true
		f(o)
		if cont, ok := o.(*fyne.Container); ok {
			for _, child := range cont.Objects {
				walk(child)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
}
