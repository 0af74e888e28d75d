package gui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/ownership"
	"github.com/motpart/motpart/internal/problem"
)

// fakeDesk is the whole Desk in memory, for the window's own tests: a
// vault that opens with one password, no lookups, and the certificates in
// expiring (which the banner reads).
type fakeDesk struct {
	password string
	unlocked bool
	locks    int
	expiring []certinfo.Stored
	// env is the environment while unlocked; lockedEnv while locked.
	env, lockedEnv string
	// checkDue is CheckDue's answer; checksRun counts CheckClients
	// (fakeclients_test.go).
	checkDue  bool
	checksRun atomic.Int32
}

func (d *fakeDesk) Identify(input string, country ident.Country) (ident.Number, error) {
	return ident.Parse(input, ident.Options{Country: country, Now: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
}
func (d *fakeDesk) VaultPath() string { return "/home/anna/.config/Motpart/vault.db" }
func (d *fakeDesk) VaultExists() bool { return d.password != "" }
func (d *fakeDesk) EnvironmentName() string {
	if d.unlocked {
		return d.env
	}
	return d.lockedEnv
}
func (d *fakeDesk) CreateVault(password []byte) error {
	d.password, d.unlocked = string(password), true
	return nil
}
func (d *fakeDesk) Unlock(password []byte) error {
	if string(password) != d.password {
		return problem.New(problem.CodeWrongPassword, nil)
	}
	d.unlocked = true
	return nil
}
func (d *fakeDesk) Lock() error {
	d.unlocked = false
	d.locks++
	return nil
}
func (d *fakeDesk) ChangePassword(_, newPassword []byte) error {
	d.password = string(newPassword)
	return nil
}
func (d *fakeDesk) PasswordStrength(password string) int         { return min(len(password)/5, 3) }
func (d *fakeDesk) Notes(string) ([]dossier.Note, error)         { return nil, nil }
func (d *fakeDesk) AddNote(string, string) (dossier.Note, error) { return dossier.Note{}, nil }
func (d *fakeDesk) EditNote(string, string, string) error        { return nil }
func (d *fakeDesk) RemoveNote(string, string) error              { return nil }
func (d *fakeDesk) SaveDraft(string, string) error               { return nil }
func (d *fakeDesk) Draft(string) (string, error)                 { return "", nil }
func (d *fakeDesk) ClearDraft(string) error                      { return nil }
func (d *fakeDesk) InspectCertificate([]byte, string, string) (*certinfo.Info, error) {
	return nil, &certinfo.CodeError{Code: certinfo.CodeNotPKCS12}
}
func (d *fakeDesk) SuggestCertificateName(*certinfo.Info) string { return "" }
func (d *fakeDesk) ImportCertificate(string, []byte, string, string) (*certinfo.Info, error) {
	return nil, &certinfo.CodeError{Code: certinfo.CodeNotPKCS12}
}
func (d *fakeDesk) Certificates() ([]certinfo.Stored, error)         { return d.expiring, nil }
func (d *fakeDesk) ExpiringCertificates() ([]certinfo.Stored, error) { return d.expiring, nil }
func (d *fakeDesk) RemoveCertificate(string) error                   { return nil }
func (d *fakeDesk) OrderFICertificate(context.Context, dossier.FIOrder, []byte, func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeCertNotFound, nil)
}
func (d *fakeDesk) PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error) {
	return dossier.FIOrder{}, dossier.FIOrderState{}, false, nil
}
func (d *fakeDesk) ResumeFIOrder(context.Context, func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeCertNotFound, nil)
}
func (d *fakeDesk) CanRenewFI(string) error { return problem.New(problem.CodeCertNotFound, nil) }
func (d *fakeDesk) RenewFICertificate(context.Context, string, func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeCertNotFound, nil)
}
func (d *fakeDesk) ExportCertificate(string, string) ([]byte, error) { return nil, nil }
func (d *fakeDesk) Lookup(context.Context, string) (*dossier.Dossier, error) {
	return nil, problem.New(problem.CodeNoAccess, nil)
}
func (d *fakeDesk) RefreshSource(context.Context, string, string) (*dossier.Dossier, error) {
	return nil, problem.New(problem.CodeNoAccess, nil)
}
func (d *fakeDesk) History() ([]dossier.HistoryEntry, error) { return nil, nil }
func (d *fakeDesk) CanAnswer(ident.Number) error             { return nil }
func (d *fakeDesk) Examples() []dossier.Example              { return nil }
func (d *fakeDesk) SearchByName(context.Context, string) (*dossier.SearchResult, error) {
	return nil, problem.New(problem.CodeNoHits, nil)
}
func (d *fakeDesk) SavedDossier(string) (*dossier.Dossier, error) {
	return nil, problem.New(problem.CodeNoDossier, nil)
}
func (d *fakeDesk) Setting(string) (string, error)            { return "", nil }
func (d *fakeDesk) SetSettings(map[string]string) error       { return nil }
func (d *fakeDesk) RepairVault([]byte) error                  { return nil }
func (d *fakeDesk) RevealOwnerID(string, int) (string, error) { return "", nil }
func (d *fakeDesk) ImportOwnersCopy(context.Context, string, string, func(int, int) bool, func(int64, int64, int)) (dossier.OwnersCopy, error) {
	return dossier.OwnersCopy{}, nil
}
func (d *fakeDesk) RefreshOwnersCopy(context.Context) (int, error) { return 0, nil }
func (d *fakeDesk) OwnersCopy() (dossier.OwnersCopy, bool, error) {
	return dossier.OwnersCopy{}, false, nil
}
func (d *fakeDesk) OwnerScopes() []string                              { return nil }
func (d *fakeDesk) BankIDAddresses(string) (string, string)            { return "", "" }
func (d *fakeDesk) BackupVault(context.Context, string) (int64, error) { return 0, nil }
func (d *fakeDesk) RestoreVault(string, []byte) (string, error)        { return "", nil }
func (d *fakeDesk) LastBackup() (time.Time, bool, error)               { return time.Time{}, false, nil }
func (d *fakeDesk) BackupDue() (bool, error)                           { return false, nil }
func (d *fakeDesk) SuggestedBackupName() string                        { return "Motpart-backup.vault" }
func (d *fakeDesk) OwnershipGraph(*dossier.Dossier) *ownership.Graph   { return &ownership.Graph{} }

// newFakeApp is the window on d, in English, on a headless test app.
func newFakeApp(t *testing.T, d *fakeDesk) *App {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	guikit.NewPreferences(fa.Preferences()).SetLanguage("en")
	// Fyne stamps new renderers with the time of its last cache clean (a
	// capture) and a capture destroys those stamped over a minute ago, so
	// a golden image drawn after a minute without one loses its widgets'
	// insides: a capture of an empty window brings the clock up to date.
	clock := fa.NewWindow("")
	clock.Canvas().Capture()
	clock.Close()
	a := New(fa, d)
	a.host.SetDo(onUI)
	t.Cleanup(func() {
		a.host.WaitIdle()
		a.stopAutoLock()
		a.win.Close()
	})
	return a
}

func TestNavigationOnFake(t *testing.T) {
	d := &fakeDesk{password: "correct horse battery"}
	a := newFakeApp(t, d)
	if a.Screen() != ScreenUnlock || a.showScreen(ScreenLookup) {
		t.Fatalf("locked window: screen %q, or Lookup reachable", a.Screen())
	}
	test.Type(a.gate.Password, "correct horse battery")
	onUI(func() { test.Tap(a.gate.Submit) })
	a.host.WaitIdle()
	tests := []struct {
		name    string
		wantTab int
	}{
		{ScreenCertificates, 1},
		{ScreenSettings, 2},
		{ScreenLookup, 0},
	}
	for _, tt := range tests {
		if !a.showScreen(tt.name) || a.tabs.SelectedIndex() != tt.wantTab || a.Screen() != tt.name {
			t.Errorf("showScreen(%q): tab %d, screen %q", tt.name, a.tabs.SelectedIndex(), a.Screen())
		}
	}
	if a.win.Canvas().Focused() != a.lookup.Search {
		t.Errorf("focus on %v, want the search field", a.win.Canvas().Focused())
	}
	test.Tap(a.lockButton)
	if a.Screen() != ScreenUnlock || d.unlocked || d.locks != 1 {
		t.Errorf("after Lock: screen %q, unlocked %v, locks %d", a.Screen(), d.unlocked, d.locks)
	}
}

func TestMainWindowGolden(t *testing.T) {
	d := &fakeDesk{password: "correct horse battery", expiring: []certinfo.Stored{
		{Name: "Maskinporten (Buypass)", Info: &certinfo.Info{Holder: "EKSEMPELBYRÅ AS", DaysLeft: 29, Status: certinfo.StatusExpiring}},
	}}
	a := newFakeApp(t, d)
	if err := a.Unlock([]byte(d.password)); err != nil {
		t.Fatal(err)
	}
	test.AssertImageMatches(t, "main-lookup.png", guitest.Capture(a.win, fyne.NewSize(980, 680)))
}
