// The tests in the e2e_*_test.go files drive the whole window against the
// real desk: a vault in a temporary folder and the sandbox's simulated
// registers. The widget tests in fake_test.go use fakeDesk.

package gui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

const testPassword = "correct horse battery"

// uiThread stands in for the UI goroutine the test driver lacks: work that
// finishes in the background and the test's own steps that race with it
// (onUI) take turns holding it.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

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
	guikit.NewPreferences(fa.Preferences()).SetLanguage(language)
	a := New(fa, d)
	a.host.SetDo(onUI)
	t.Cleanup(func() {
		a.host.WaitIdle()
		a.stopAutoLock()
		a.win.Close()
		// leave English behind for the next test
		_, _ = guikit.ApplyLanguage("en")
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
	guitest.Eventually(t, what, cond)
}

func TestSearchIsFocusedAtStart(t *testing.T) {
	a := newUnlockedApp(t, "en")
	if a.win.Canvas().Focused() != a.lookup.Search {
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
			if !a.showScreen(ScreenSettings) {
				t.Fatal("no Settings screen")
			}
			a.settings.Language.SetSelectedIndex(tt.choice)
			if a.language != tt.language {
				t.Fatalf("language = %q, want %q", a.language, tt.language)
			}
			if got := a.host.Prefs.Language(); got != tt.language {
				t.Errorf("stored language = %q, want %q", got, tt.language)
			}
			if got := a.tabs.Items[0].Text; got != tt.wantLookup {
				t.Errorf("Lookup tab = %q, want %q", got, tt.wantLookup)
			}
			if a.tabs.Selected() != a.tabs.Items[2] {
				t.Errorf("left Settings after switching language")
			}
			a.showScreen(ScreenLookup)
			a.lookup.Search.SetText("")
			test.Type(a.lookup.Search, "811218-9875")
			if got := a.lookup.Verdict.Text; got != tt.wantInvalid {
				t.Errorf("verdict = %q, want %q", got, tt.wantInvalid)
			}
		})
	}
}

func TestShowScreen(t *testing.T) {
	a := newUnlockedApp(t, "en")
	for i, name := range screenNames() {
		if !a.showScreen(name) || a.tabs.SelectedIndex() != i || a.Screen() != name {
			t.Errorf("ShowScreen(%q) did not select tab %d", name, i)
		}
	}
	if a.showScreen("nonsense") {
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
	if a.showScreen(ScreenLookup) {
		t.Error("Lookup reachable before the vault exists")
	}

	test.Type(g.Password, "short")
	test.Type(g.Repeat, "short")
	if !g.Submit.Disabled() || g.Hint.Text != "Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess." {
		t.Errorf("short password: submit disabled %v, hint %q", g.Submit.Disabled(), g.Hint.Text)
	}
	g.Password.SetText("")
	g.Repeat.SetText("")
	test.Type(g.Password, testPassword)
	test.Type(g.Repeat, testPassword+"x")
	if !g.Submit.Disabled() || !g.Message.Visible() || g.Message.Text != "The two passwords differ." {
		t.Errorf("differing passwords: submit disabled %v, message %q", g.Submit.Disabled(), g.Message.Text)
	}
	if g.Hint.Text != "Strong." {
		t.Errorf("hint for %q = %q", testPassword, g.Hint.Text)
	}
	g.Repeat.SetText(testPassword)
	if g.Submit.Disabled() {
		t.Fatal("Create disabled for two equal good passwords")
	}
	onUI(func() { test.Tap(g.Submit) })
	a.host.WaitIdle()
	if a.Screen() != ScreenLookup || !d.VaultExists() {
		t.Fatalf("after Create: screen %q, vault exists %v", a.Screen(), d.VaultExists())
	}

	test.Tap(a.lockButton)
	if a.Screen() != ScreenUnlock || d.Unlocked() {
		t.Fatalf("after Lock: screen %q, unlocked %v", a.Screen(), d.Unlocked())
	}
	g = a.gate
	if a.win.Canvas().Focused() != g.Password {
		t.Error("the password field is not focused on the unlock screen")
	}
	test.Type(g.Password, "wrong password")
	onUI(func() { test.Tap(g.Submit) })
	a.host.WaitIdle()
	if a.Screen() != ScreenUnlock {
		t.Fatalf("wrong password unlocked the vault")
	}
	if want := "The password is wrong. Check Caps Lock and the keyboard language, then try again."; g.Message.Text != want || !g.Message.Visible() {
		t.Errorf("message = %q, want %q", g.Message.Text, want)
	}
	if g.Password.Text != "" || g.Password.Disabled() {
		t.Errorf("password field after a wrong password: %q, disabled %v", g.Password.Text, g.Password.Disabled())
	}
	test.Type(g.Password, testPassword)
	onUI(func() { g.Password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	a.host.WaitIdle()
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
	// Typing keeps it open... The sleeps are the behaviour under test:
	// the user's pauses between keys (bounded: 6 × 100 ms, each shorter
	// than the 300 ms idle limit), on the real clock the auto-lock timer
	// runs on.
	for range 6 {
		time.Sleep(100 * time.Millisecond)
		onUI(func() { test.Type(a.lookup.Search, "9") })
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
	a.showScreen(ScreenSettings)
	if got := a.settings.AutoLock.Selected; got != "10 min" {
		t.Errorf("auto-lock shows %q, want the default 10 min", got)
	}
	a.settings.AutoLock.SetSelected("30 min")
	if got := a.host.Prefs.AutoLockMinutes(); got != 30 {
		t.Errorf("stored auto-lock = %d, want 30", got)
	}
	if got := a.idleLimitNow(); got != 30*time.Minute {
		t.Errorf("idle limit = %v, want 30m", got)
	}
}

func TestChangePassword(t *testing.T) {
	a := newUnlockedApp(t, "en")
	d := a.desk.(*desk.Desk)
	a.showScreen(ScreenSettings)
	a.settings.OpenPasswordDialog()
	p := a.settings.PasswordDialog()
	if p == nil {
		t.Fatal("no dialog")
	}

	test.Type(p.Current, "not the password")
	test.Type(p.Fresh, "battery staple horse")
	test.Type(p.Repeat, "battery staple horse")
	onUI(func() { test.Tap(p.Change) })
	a.host.WaitIdle()
	if want := "The password is wrong. Check Caps Lock and the keyboard language, then try again."; p.Message.Text != want {
		t.Errorf("wrong current password: message %q", p.Message.Text)
	}

	p.Current.SetText(testPassword)
	p.Repeat.SetText("battery staple horsE")
	test.Tap(p.Change)
	if p.Message.Text != "The two new passwords differ." {
		t.Errorf("differing new passwords: message %q", p.Message.Text)
	}
	p.Repeat.SetText("battery staple horse")
	onUI(func() { test.Tap(p.Change) })
	a.host.WaitIdle()
	if a.settings.PasswordDialog() != nil {
		t.Fatalf("dialog still open: %q", p.Message.Text)
	}

	test.Tap(a.lockButton)
	if err := d.Unlock([]byte(testPassword)); err == nil {
		t.Error("the old password still opens the vault")
	}
	test.Type(a.gate.Password, "battery staple horse")
	onUI(func() { test.Tap(a.gate.Submit) })
	a.host.WaitIdle()
	if a.Screen() != ScreenLookup {
		t.Errorf("the new password does not unlock: %q", a.gate.Message.Text)
	}
}
