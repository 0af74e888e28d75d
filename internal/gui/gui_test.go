package gui

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

const testPassword = "correct horse battery"

// uiThread stands in for the UI goroutine the test driver lacks: work that
// finishes in the background and the test's own steps that race with it
// (onUI) take turns holding it.
var uiThread sync.Mutex

// onUI runs f as if on the UI goroutine.
func onUI(f func()) {
	uiThread.Lock()
	defer uiThread.Unlock()
	f()
}

// newTestDesk is a Desk on a vault path in a fresh folder.
func newTestDesk(t *testing.T) *desk.Desk {
	t.Helper()
	d, _ := setup.NewDesk(setup.Config{Desk: desk.Config{
		VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
	}})
	t.Cleanup(func() { _ = d.Close() })
	return d
}

// newTestApp builds Motpart's window on a headless Fyne test app in the
// given interface language, on d.
func newTestApp(t *testing.T, language string, d *desk.Desk) *App {
	t.Helper()
	t.Setenv("LANGUAGE", language)
	fa := test.NewTempApp(t)
	NewPreferences(fa.Preferences()).SetLanguage(language)
	a := New(fa, d)
	a.do = onUI
	t.Cleanup(func() {
		a.waitIdle()
		a.stopAutoLock()
		a.win.Close()
		// leave English behind for the next test
		_, _ = applyLanguage("en")
	})
	return a
}

// newUnlockedApp is newTestApp with a vault created and unlocked.
func newUnlockedApp(t *testing.T, language string) *App {
	t.Helper()
	d := newTestDesk(t)
	if err := d.CreateVault([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	_ = d.Lock()
	a := newTestApp(t, language, d)
	if err := a.Unlock([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	return a
}

// eventually waits up to 5 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestLookupSaysWhatIsTyped(t *testing.T) {
	a := newUnlockedApp(t, "en")
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
	a := newUnlockedApp(t, "en")
	test.Type(a.lookup.search, "19811218-9876")
	if got := a.lookup.verdict.Text; got != "Swedish personal identity number: valid." {
		t.Fatalf("verdict = %q", got)
	}
	if got := formValue(a.lookup.details, "Number"); got != "19811218-****" {
		t.Errorf("Number row = %q, want the personal number masked", got)
	}
	if a.lookup.notes.box.Visible() {
		t.Error("notes offered on a personal number")
	}
}

func TestSearchIsFocusedAtStart(t *testing.T) {
	a := newUnlockedApp(t, "en")
	if a.win.Canvas().Focused() != a.lookup.search {
		t.Errorf("focused = %v, want the search field", a.win.Canvas().Focused())
	}
}

func TestLanguageSwitchRedrawsEveryScreen(t *testing.T) {
	a := newUnlockedApp(t, "en")
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
			a.settings.language.SetSelectedIndex(tt.choice)
			if a.language != tt.language {
				t.Fatalf("language = %q, want %q", a.language, tt.language)
			}
			if got := a.prefs.Language(); got != tt.language {
				t.Errorf("stored language = %q, want %q", got, tt.language)
			}
			if got := a.tabs.Items[0].Text; got != tt.wantLookup {
				t.Errorf("Lookup tab = %q, want %q", got, tt.wantLookup)
			}
			if a.tabs.Selected() != a.tabs.Items[2] {
				t.Errorf("left Settings after switching language")
			}
			a.ShowScreen(ScreenLookup)
			a.lookup.search.SetText("")
			test.Type(a.lookup.search, "811218-9875")
			if got := a.lookup.verdict.Text; got != tt.wantInvalid {
				t.Errorf("verdict = %q, want %q", got, tt.wantInvalid)
			}
		})
	}
}

func TestShowScreen(t *testing.T) {
	a := newUnlockedApp(t, "en")
	for i, name := range screenNames() {
		if !a.ShowScreen(name) || a.tabs.SelectedIndex() != i || a.Screen() != name {
			t.Errorf("ShowScreen(%q) did not select tab %d", name, i)
		}
	}
	if a.ShowScreen("nonsense") {
		t.Error("ShowScreen accepted an unknown screen")
	}
}

func TestCreateLockAndUnlock(t *testing.T) {
	d := newTestDesk(t)
	a := newTestApp(t, "en", d)
	if a.Screen() != ScreenCreate {
		t.Fatalf("first start shows %q, want the create screen", a.Screen())
	}
	g := a.gate
	if a.ShowScreen(ScreenLookup) {
		t.Error("Lookup reachable before the vault exists")
	}

	test.Type(g.password, "short")
	test.Type(g.repeat, "short")
	if !g.submit.Disabled() || g.hint.Text != "Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess." {
		t.Errorf("short password: submit disabled %v, hint %q", g.submit.Disabled(), g.hint.Text)
	}
	g.password.SetText("")
	g.repeat.SetText("")
	test.Type(g.password, testPassword)
	test.Type(g.repeat, testPassword+"x")
	if !g.submit.Disabled() || !g.message.Visible() || g.message.Text != "The two passwords differ." {
		t.Errorf("differing passwords: submit disabled %v, message %q", g.submit.Disabled(), g.message.Text)
	}
	if g.hint.Text != "Strong." {
		t.Errorf("hint for %q = %q", testPassword, g.hint.Text)
	}
	g.repeat.SetText(testPassword)
	if g.submit.Disabled() {
		t.Fatal("Create disabled for two equal good passwords")
	}
	onUI(func() { test.Tap(g.submit) })
	a.waitIdle()
	if a.Screen() != ScreenLookup || !d.VaultExists() {
		t.Fatalf("after Create: screen %q, vault exists %v", a.Screen(), d.VaultExists())
	}

	test.Tap(a.lockButton)
	if a.Screen() != ScreenUnlock || d.Unlocked() {
		t.Fatalf("after Lock: screen %q, unlocked %v", a.Screen(), d.Unlocked())
	}
	g = a.gate
	if a.win.Canvas().Focused() != g.password {
		t.Error("the password field is not focused on the unlock screen")
	}
	test.Type(g.password, "wrong password")
	onUI(func() { test.Tap(g.submit) })
	a.waitIdle()
	if a.Screen() != ScreenUnlock {
		t.Fatalf("wrong password unlocked the vault")
	}
	if want := "The password is wrong. Check Caps Lock and the keyboard language, then try again."; g.message.Text != want || !g.message.Visible() {
		t.Errorf("message = %q, want %q", g.message.Text, want)
	}
	if g.password.Text != "" || g.password.Disabled() {
		t.Errorf("password field after a wrong password: %q, disabled %v", g.password.Text, g.password.Disabled())
	}
	test.Type(g.password, testPassword)
	onUI(func() { g.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	a.waitIdle()
	if a.Screen() != ScreenLookup || !d.Unlocked() {
		t.Fatalf("right password: screen %q, unlocked %v", a.Screen(), d.Unlocked())
	}
}

func TestAutoLock(t *testing.T) {
	a := newUnlockedApp(t, "en")
	a.mu.Lock()
	a.idleLimit = 300 * time.Millisecond
	a.mu.Unlock()
	a.startAutoLock()
	// Typing keeps it open...
	for range 6 {
		time.Sleep(100 * time.Millisecond)
		onUI(func() { test.Type(a.lookup.search, "9") })
		if a.Screen() != ScreenLookup {
			t.Fatal("locked while the user was typing")
		}
	}
	// ...and leaving it alone locks it.
	eventually(t, "auto-lock", func() bool { return a.Screen() == ScreenUnlock })
	if a.desk.(*desk.Desk).Unlocked() {
		t.Error("the window shows the unlock screen but the vault is open")
	}
}

func TestAutoLockPreference(t *testing.T) {
	a := newUnlockedApp(t, "en")
	a.ShowScreen(ScreenSettings)
	if got := a.settings.autoLock.Selected; got != "10 min" {
		t.Errorf("auto-lock shows %q, want the default 10 min", got)
	}
	a.settings.autoLock.SetSelected("30 min")
	if got := a.prefs.AutoLockMinutes(); got != 30 {
		t.Errorf("stored auto-lock = %d, want 30", got)
	}
	if got := a.idleLimitNow(); got != 30*time.Minute {
		t.Errorf("idle limit = %v, want 30m", got)
	}
}

func TestChangePassword(t *testing.T) {
	a := newUnlockedApp(t, "en")
	d := a.desk.(*desk.Desk)
	a.ShowScreen(ScreenSettings)
	a.settings.openPasswordDialog()
	p := a.settings.passwordDialog
	if p == nil {
		t.Fatal("no dialog")
	}

	test.Type(p.current, "not the password")
	test.Type(p.fresh, "battery staple horse")
	test.Type(p.repeat, "battery staple horse")
	onUI(func() { test.Tap(p.change) })
	a.waitIdle()
	if want := "The password is wrong. Check Caps Lock and the keyboard language, then try again."; p.message.Text != want {
		t.Errorf("wrong current password: message %q", p.message.Text)
	}

	p.current.SetText(testPassword)
	p.repeat.SetText("battery staple horsE")
	test.Tap(p.change)
	if p.message.Text != "The two new passwords differ." {
		t.Errorf("differing new passwords: message %q", p.message.Text)
	}
	p.repeat.SetText("battery staple horse")
	onUI(func() { test.Tap(p.change) })
	a.waitIdle()
	if a.settings.passwordDialog != nil {
		t.Fatalf("dialog still open: %q", p.message.Text)
	}

	test.Tap(a.lockButton)
	if err := d.Unlock([]byte(testPassword)); err == nil {
		t.Error("the old password still opens the vault")
	}
	test.Type(a.gate.password, "battery staple horse")
	onUI(func() { test.Tap(a.gate.submit) })
	a.waitIdle()
	if a.Screen() != ScreenLookup {
		t.Errorf("the new password does not unlock: %q", a.gate.message.Text)
	}
}

func TestNotesOnLookup(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	p := s.notes
	test.Type(s.search, "923 609 016")
	if !p.box.Visible() || !p.empty.Visible() || len(p.list.Objects) != 0 {
		t.Fatalf("notes on a new client: visible %v, empty %v, rows %d", p.box.Visible(), p.empty.Visible(), len(p.list.Objects))
	}
	test.Tap(p.add)
	if p.message.Text != "Write something in the note first." {
		t.Errorf("empty note: %q", p.message.Text)
	}
	test.Type(p.entry, "Kunden har bytt revisor.")
	test.Tap(p.add)
	test.Type(p.entry, "Styret byttes i mars.")
	test.Tap(p.add)
	if len(p.list.Objects) != 2 || p.empty.Visible() || p.entry.Text != "" {
		t.Fatalf("after two notes: rows %d, empty %v, entry %q", len(p.list.Objects), p.empty.Visible(), p.entry.Text)
	}
	if got := labelsIn(p.list); !contains(got, "Kunden har bytt revisor.") || !contains(got, "Styret byttes i mars.") {
		t.Errorf("rows show %q", got)
	}

	// Another company has its own notes; coming back shows these again.
	s.search.SetText("")
	test.Type(s.search, "556074-7569")
	if len(p.list.Objects) != 0 {
		t.Errorf("another company shows %d notes", len(p.list.Objects))
	}
	s.search.SetText("")
	test.Type(s.search, "923609016")
	if len(p.list.Objects) != 2 {
		t.Fatalf("back on the first company: %d notes", len(p.list.Objects))
	}
	p.removeNote(p.notes[0].ID)
	if got := labelsIn(p.list); len(p.list.Objects) != 1 || contains(got, "Kunden har bytt revisor.") {
		t.Errorf("after removing: %q", got)
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

// labelsIn returns the text of every label in o's tree.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}
