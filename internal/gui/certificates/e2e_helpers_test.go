package certificates

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/testclock"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// The tests in the e2e_*_test.go files drive the screen against the real desk (a vault
// in a temporary folder); the widget tests beside them use fakeDesk.

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

const testPassword = "correct horse battery"

// ScreenCertificates is the name e2eApp.Screen gives this screen, as the
// window does.
const ScreenCertificates = "certificates"

// uiThread stands in for the UI goroutine the test driver lacks.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// e2eApp is the Certificates screen and its banner in a window, on the
// real desk.
type e2eApp struct {
	certificates *Screen
	host         *guikit.Host
	desk         *desk.Desk
	// screen is "certificates" once the screen asked to be shown.
	screen string
}

// waitIdle waits until no background work runs.
func (a *e2eApp) waitIdle() { a.host.WaitIdle() }

// Screen is the screen the window would show.
func (a *e2eApp) Screen() string { return a.screen }

// ShowScreen shows the screen called name, as the window does.
func (a *e2eApp) ShowScreen(name string) bool {
	a.screen = name
	return name == ScreenCertificates
}

// newUnlockedApp is the Certificates screen in a window on a headless
// Fyne test app in language, on a real desk with a new unlocked vault.
// e2eNow is the clock of the desk and the banner in these tests: pinned,
// so that nothing depends on the real date (see internal/testclock).
var e2eNow = testclock.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

func newUnlockedApp(t *testing.T, language string) *e2eApp {
	t.Helper()
	t.Setenv("LANGUAGE", language)
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage(language); err != nil {
		t.Fatal(err)
	}
	d, _ := setup.NewDesk(setup.Config{Desk: desk.Config{
		VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
		Now:          testclock.Clock(e2eNow),
	}})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	a := &e2eApp{host: h, desk: d}
	a.certificates = New(h, a.desk, func() { a.ShowScreen(ScreenCertificates) })
	a.certificates.banner.now = testclock.Clock(e2eNow)
	win.SetContent(container.NewBorder(a.certificates.Banner(), nil, nil, nil, a.certificates.Content()))
	win.Resize(fyne.NewSize(980, 680))
	t.Cleanup(func() {
		h.WaitIdle()
		win.Close()
		_, _ = guikit.ApplyLanguage("en")
	})
	return a
}

// labelsIn and contains read what the widgets show.
var (
	labelsIn = guitest.LabelsIn
	contains = guitest.Contains
)
