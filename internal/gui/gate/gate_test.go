package gate

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/problem"
)

// fakeDesk is a vault in memory: it opens with the password it was
// created with, and grades passwords by length alone.
type fakeDesk struct {
	password string
	exists   bool
	unlocks  int // successful Unlock calls
	// damage is the damage Unlock reports until a repair mends it.
	damage  problem.Code
	repairs int // successful RepairVault calls
}

func (d *fakeDesk) VaultPath() string { return "/home/anna/.config/Motpart/vault.db" }

func (d *fakeDesk) CreateVault(password []byte) error {
	if d.exists {
		return problem.New(problem.CodeVaultExists, nil)
	}
	d.password, d.exists = string(password), true
	return nil
}

func (d *fakeDesk) Unlock(password []byte) error {
	if d.damage != "" {
		return problem.New(d.damage, nil)
	}
	if string(password) != d.password {
		return problem.New(problem.CodeWrongPassword, nil)
	}
	d.unlocks++
	return nil
}

func (d *fakeDesk) RepairVault(password []byte) error {
	if string(password) != d.password {
		return problem.New(problem.CodeWrongPassword, nil)
	}
	d.damage = ""
	d.repairs++
	return nil
}

func (d *fakeDesk) PasswordStrength(password string) int {
	switch n := len(password); {
	case n < 8:
		return 0
	case n < 12:
		return 1
	case n < 16:
		return 2
	}
	return 3
}

// uiThread stands in for the UI goroutine the test driver lacks: work that
// finishes in the background and the test's own steps that race with it
// (onUI) take turns holding it.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// newTestScreen is the gate on d in a 600×560 window, English, with a
// count of how often it said the vault is open.
func newTestScreen(t *testing.T, d *fakeDesk, create bool) (*Screen, fyne.Window, *int) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	opened := 0
	g := New(h, d, create, func() { opened++ })
	win.SetContent(g.Content())
	win.Resize(fyne.NewSize(600, 560))
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	return g, win, &opened
}

func TestCreateChecksThePasswords(t *testing.T) {
	tests := []struct {
		password, repeat string
		wantHint         string
		wantMessage      string // "" when hidden
		wantEnabled      bool
	}{
		{"short", "short", "Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess.", "", false},
		{"eightchr", "eightchr", "Weak: make it longer, or mix in more words.", "", true},
		{"twelve chars", "twelve chars", "Fair: a longer password would be stronger.", "", true},
		{"correct horse battery", "correct horse battery", "Strong.", "", true},
		{"correct horse battery", "correct horse batterx", "Strong.", "The two passwords differ.", false},
		{"correct horse battery", "", "Strong.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.password+"/"+tt.repeat, func(t *testing.T) {
			g, _, _ := newTestScreen(t, &fakeDesk{}, true)
			test.Type(g.Password, tt.password)
			test.Type(g.Repeat, tt.repeat)
			if g.Hint.Text != tt.wantHint {
				t.Errorf("hint = %q, want %q", g.Hint.Text, tt.wantHint)
			}
			if got := g.Message.Visible(); got != (tt.wantMessage != "") || (got && g.Message.Text != tt.wantMessage) {
				t.Errorf("message visible %v %q, want %q", got, g.Message.Text, tt.wantMessage)
			}
			if g.Submit.Disabled() == tt.wantEnabled {
				t.Errorf("Create enabled = %v, want %v", !g.Submit.Disabled(), tt.wantEnabled)
			}
		})
	}
}

func TestCreateThenUnlock(t *testing.T) {
	d := &fakeDesk{}
	g, _, opened := newTestScreen(t, d, true)
	test.Type(g.Password, "correct horse battery")
	test.Type(g.Repeat, "correct horse battery")
	onUI(func() { test.Tap(g.Submit) })
	g.host.WaitIdle()
	if !d.exists || d.password != "correct horse battery" || *opened != 1 {
		t.Fatalf("after Create: exists %v, password %q, opened %d", d.exists, d.password, *opened)
	}

	tests := []struct {
		typed       string
		wantOpened  int
		wantMessage string
	}{
		{"wrong password", 0, "The password is wrong. Check Caps Lock and the keyboard language, then try again."},
		{"correct horse battery", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			u, win, opened := newTestScreen(t, d, false)
			if win.Canvas().Focused() != nil && win.Canvas().Focused() != u.Password {
				t.Errorf("focus on %v", win.Canvas().Focused())
			}
			test.Type(u.Password, tt.typed)
			onUI(func() { u.Password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
			u.host.WaitIdle()
			if *opened != tt.wantOpened {
				t.Errorf("opened %d times, want %d", *opened, tt.wantOpened)
			}
			if tt.wantMessage != "" && (u.Message.Text != tt.wantMessage || !u.Message.Visible() || u.Password.Text != "" || u.Password.Disabled()) {
				t.Errorf("message %q (visible %v), field %q disabled %v", u.Message.Text, u.Message.Visible(), u.Password.Text, u.Password.Disabled())
			}
		})
	}
}

// TestRepairADamagedVault: a vault whose header or last change is damaged
// is told as such, a Repair button appears, and repairing with the typed
// password opens it; a wrong password shows no Repair button.
func TestRepairADamagedVault(t *testing.T) {
	for _, damage := range []problem.Code{problem.CodeVaultHeaderDamaged, problem.CodeVaultLastChangeDamaged} {
		t.Run(string(damage), func(t *testing.T) {
			d := &fakeDesk{password: "correct horse battery", exists: true, damage: damage}
			u, _, opened := newTestScreen(t, d, false)
			if u.Repair.Visible() {
				t.Fatal("Repair shown before any damage was found")
			}
			test.Type(u.Password, "correct horse battery")
			onUI(func() { test.Tap(u.Submit) })
			u.host.WaitIdle()
			if *opened != 0 || !u.Repair.Visible() || u.Message.Text != guikit.ProblemText(problem.New(damage, nil)) {
				t.Fatalf("after Unlock: opened %d, Repair visible %v, message %q", *opened, u.Repair.Visible(), u.Message.Text)
			}
			onUI(func() { test.Tap(u.Repair) }) // the field is empty again
			u.host.WaitIdle()
			if d.repairs != 0 || u.Message.Text != "Type the vault password first." {
				t.Errorf("Repair without a password: %d repairs, message %q", d.repairs, u.Message.Text)
			}
			test.Type(u.Password, "correct horse battery")
			onUI(func() { test.Tap(u.Repair) })
			u.host.WaitIdle()
			if d.repairs != 1 || *opened != 1 {
				t.Errorf("after Repair: %d repairs, opened %d", d.repairs, *opened)
			}
		})
	}
	d := &fakeDesk{password: "correct horse battery", exists: true}
	u, _, _ := newTestScreen(t, d, false)
	test.Type(u.Password, "wrong password")
	onUI(func() { test.Tap(u.Submit) })
	u.host.WaitIdle()
	if u.Repair.Visible() {
		t.Error("Repair shown after a wrong password")
	}
}

func TestGateGolden(t *testing.T) {
	tests := []struct {
		name   string
		create bool
		golden string
	}{
		{"create", true, "create.png"},
		{"unlock", false, "unlock.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, win, _ := newTestScreen(t, &fakeDesk{exists: !tt.create, password: "x"}, tt.create)
			// lay the window out again, as the driver does before drawing
			test.AssertImageMatches(t, tt.golden, guitest.Capture(win, fyne.NewSize(600, 560)))
		})
	}
}

func TestAutoLockedNotice(t *testing.T) {
	tests := []struct {
		name     string
		create   bool
		idle     time.Duration
		noteKept bool
		want     string // "" when no notice is shown
	}{
		{"ten minutes", false, 10 * time.Minute, false, "Motpart locked itself after 10 min without use, so that nobody else can read the vault."},
		{"part of a minute counts", false, 90 * time.Second, false, "Motpart locked itself after 2 min without use, so that nobody else can read the vault."},
		{"under a minute", false, 300 * time.Millisecond, false, "Motpart locked itself after 1 min without use, so that nobody else can read the vault."},
		{"with a note kept", false, 30 * time.Minute, true, "Motpart locked itself after 30 min without use, so that nobody else can read the vault. Your unfinished note is kept: open the client again to finish it."},
		{"not on the create screen", true, 10 * time.Minute, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, _ := newTestScreen(t, &fakeDesk{exists: !tt.create, password: "x"}, tt.create)
			if g.notice.Visible() {
				t.Fatal("notice shown before any auto-lock")
			}
			g.AutoLocked(tt.idle, tt.noteKept)
			if g.notice.Visible() != (tt.want != "") || g.Notice.Text != tt.want {
				t.Errorf("notice shown %v %q, want %q", g.notice.Visible(), g.Notice.Text, tt.want)
			}
		})
	}
	// The card grows to hold the notice: the password field and the
	// Unlock button stay inside the window.
	g, win, _ := newTestScreen(t, &fakeDesk{exists: true, password: "x"}, false)
	g.AutoLocked(10*time.Minute, true)
	test.AssertImageMatches(t, "unlock-autolocked.png", guitest.Capture(win, fyne.NewSize(600, 560)))
}
