package lookup

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// The tests in the e2e_*_test.go files drive the screen against the real
// desk: a vault in a temporary folder and the sandbox's simulated
// registers over TLS. The widget tests beside them use fakeDesk.

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

const testPassword = "correct horse battery"

// uiThread stands in for the UI goroutine the test driver lacks.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// e2eApp is the Lookup screen in a window, on the real desk.
type e2eApp struct {
	lookup *Screen
	host   *guikit.Host
	desk   *desk.Desk
	conn   *setup.Connector // the desk's registers, with the sandbox
}

// waitIdle waits until no background work runs.
func (a *e2eApp) waitIdle() { a.host.WaitIdle() }

// newUnlockedApp is the Lookup screen in a window on a headless Fyne test
// app in language, on a real desk with a new unlocked vault.
func newUnlockedApp(t *testing.T, language string) *e2eApp {
	t.Helper()
	return newUnlockedAppWith(t, language, sandbox.Config{})
}

// newUnlockedAppWith is newUnlockedApp with the simulators configured by
// sb.
func newUnlockedAppWith(t *testing.T, language string, sb sandbox.Config) *e2eApp {
	t.Helper()
	t.Setenv("LANGUAGE", language)
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage(language); err != nil {
		t.Fatal(err)
	}
	d, conn := setup.NewDesk(setup.Config{Desk: desk.Config{
		VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
	}, Sandbox: sb})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	s := New(h, d)
	win.SetContent(s.Content())
	win.Resize(fyne.NewSize(980, 680))
	t.Cleanup(func() {
		h.WaitIdle()
		win.Close()
		_, _ = guikit.ApplyLanguage("en")
	})
	return &e2eApp{lookup: s, host: h, desk: d, conn: conn}
}

// formValue, labelsIn and buttonTexts read what the widgets show.
var (
	formValue   = guitest.FormValue
	labelsIn    = guitest.LabelsIn
	buttonTexts = guitest.ButtonTexts
)
