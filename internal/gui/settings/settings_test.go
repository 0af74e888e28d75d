package settings

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/problem"
)

// uiThread stands in for the UI goroutine the test driver lacks.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// fakeDesk keeps settings in a map and the vault password in a string; it
// has an offline copy when copyDate is set.
type fakeDesk struct {
	// backups are the paths BackupVault wrote; restored the backups
	// RestoreVault took; due says a backup is due.
	backups  []string
	restored []string
	due      bool
	password string
	settings map[string]string
	copyDate string
	imports  []string // the paths ImportOwnersCopy was asked to read
	smaller  int      // when set, imports hold this many organisations, under half the copy's 20
	saves    int      // calls of SetSettings
}

func newFakeDesk() *fakeDesk {
	return &fakeDesk{password: "correct horse battery", settings: map[string]string{}}
}

func (d *fakeDesk) VaultPath() string { return "/home/anna/.config/Motpart/vault.db" }

func (d *fakeDesk) ChangePassword(oldPassword, newPassword []byte) error {
	if string(oldPassword) != d.password {
		return problem.New(problem.CodeWrongPassword, nil)
	}
	d.password = string(newPassword)
	return nil
}

func (d *fakeDesk) Setting(key string) (string, error) { return d.settings[key], nil }

func (d *fakeDesk) SetSettings(values map[string]string) error {
	d.saves++
	for key, value := range values {
		if value == "" {
			delete(d.settings, key)
			continue
		}
		d.settings[key] = value
	}
	return nil
}

func (d *fakeDesk) Certificates() ([]certinfo.Stored, error) {
	return []certinfo.Stored{{Name: "Maskinporten (Buypass)", Info: &certinfo.Info{Holder: "EKSEMPELBYRÅ AS"}}}, nil
}

func (d *fakeDesk) ImportOwnersCopy(_ context.Context, path, _ string, replaceSmaller func(registrations, current int) bool, progress func(read, total int64, registrations int)) (dossier.OwnersCopy, error) {
	d.imports = append(d.imports, path)
	progress(50, 100, 10)
	if d.smaller > 0 {
		if !replaceSmaller(d.smaller, 20) {
			return dossier.OwnersCopy{}, problem.New(problem.CodeSmallerImport, nil)
		}
		d.copyDate = "2026-03-02"
		return dossier.OwnersCopy{Date: d.copyDate, Registrations: d.smaller}, nil
	}
	d.copyDate = "2026-03-01"
	return dossier.OwnersCopy{Date: d.copyDate, Registrations: 20}, nil
}

func (d *fakeDesk) RefreshOwnersCopy(context.Context) (int, error) { return 3, nil }

func (d *fakeDesk) OwnersCopy() (dossier.OwnersCopy, bool, error) {
	if d.copyDate == "" {
		return dossier.OwnersCopy{}, false, nil
	}
	return dossier.OwnersCopy{Date: d.copyDate, Registrations: 20}, true, nil
}

func (d *fakeDesk) OwnerScopes() []string { return []string{"brreg:reelle/forvaltning"} }

func (d *fakeDesk) BackupVault(_ context.Context, path string) (int64, error) {
	d.backups = append(d.backups, path)
	d.due = false
	return 4 << 20, nil
}

func (d *fakeDesk) RestoreVault(path string, password []byte) (string, error) {
	if string(password) != d.password {
		return "", problem.New(problem.CodeWrongPassword, nil)
	}
	d.restored = append(d.restored, path)
	return "/home/anna/.config/Motpart/vault.db.before-restore-20261203-173000", nil
}

func (d *fakeDesk) LastBackup() (time.Time, bool, error) {
	if len(d.backups) == 0 {
		return time.Time{}, false, nil
	}
	return time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC), true, nil
}

func (d *fakeDesk) BackupDue() (bool, error)    { return d.due, nil }
func (d *fakeDesk) SuggestedBackupName() string { return "Motpart-backup-2026-12-03.vault" }

// BankIDAddresses answers as the desk's table does (registries.md §5.2).
func (d *fakeDesk) BankIDAddresses(hosts string) (string, string) {
	prefix := "-" + hosts
	if hosts == "prod" {
		prefix = ""
	}
	return "https://aml" + prefix + ".bankidapis.no", "https://oidc" + prefix + ".bankidapis.no/auth/realms/" + hosts
}

// newTestScreen is the Settings screen on d in an English 900×900 window;
// languages and autoLocks record the callbacks.
func newTestScreen(t *testing.T, d *fakeDesk) (s *Screen, win fyne.Window, languages *[]string, autoLocks *int) {
	t.Helper()
	return newTestScreenOn(t, d)
}

// newTestScreenOn is newTestScreen on any Desk.
func newTestScreenOn(t *testing.T, d Desk) (s *Screen, win fyne.Window, languages *[]string, autoLocks *int) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win = fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	languages, autoLocks = new([]string), new(int)
	s = New(h, d, func(code string) { *languages = append(*languages, code) }, func() { *autoLocks++ })
	win.SetContent(s.Content())
	win.Resize(fyne.NewSize(900, 900))
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	return s, win, languages, autoLocks
}

func TestLanguageAndAutoLockChoices(t *testing.T) {
	s, _, languages, autoLocks := newTestScreen(t, newFakeDesk())
	for i, want := range []string{"sv", "nb", "fi"} {
		s.Language.SetSelectedIndex(i + 2)
		if got := (*languages)[len(*languages)-1]; got != want {
			t.Errorf("choice %d: language %q, want %q", i+2, got, want)
		}
	}
	tests := []struct {
		choice string
		want   int
	}{{"1 min", 1}, {"30 min", 30}, {"60 min", 60}}
	for i, tt := range tests {
		s.AutoLock.SetSelected(tt.choice)
		if got := s.host.Prefs.AutoLockMinutes(); got != tt.want || *autoLocks != i+1 {
			t.Errorf("%s: stored %d (want %d), told %d times", tt.choice, got, tt.want, *autoLocks)
		}
	}
}

func TestChangePasswordOnFake(t *testing.T) {
	d := newFakeDesk()
	s, _, _, _ := newTestScreen(t, d)
	s.OpenPasswordDialog()
	p := s.PasswordDialog()
	tests := []struct {
		current, fresh, repeat string
		wantMessage            string // "" when the dialog closes
	}{
		{"not it", "battery staple horse", "battery staple horse", "The password is wrong. Check Caps Lock and the keyboard language, then try again."},
		{"correct horse battery", "battery staple horse", "battery staple horsE", "The two new passwords differ."},
		{"correct horse battery", "battery staple horse", "battery staple horse", ""},
	}
	for _, tt := range tests {
		p.Current.SetText(tt.current)
		p.Fresh.SetText(tt.fresh)
		p.Repeat.SetText(tt.repeat)
		onUI(func() { test.Tap(p.Change) })
		s.host.WaitIdle()
		if tt.wantMessage == "" {
			if s.PasswordDialog() != nil || d.password != tt.fresh {
				t.Errorf("dialog open %v, password %q", s.PasswordDialog() != nil, d.password)
			}
			continue
		}
		if p.Message.Text != tt.wantMessage {
			t.Errorf("message %q, want %q", p.Message.Text, tt.wantMessage)
		}
	}
}

func TestSaveRegistersOnFake(t *testing.T) {
	d := newFakeDesk()
	s, _, _, _ := newTestScreen(t, d)
	s.environment.SetSelectedIndex(1)
	s.grunndataID.SetText("ekstern")
	s.grunndataPW.SetText("hemmelig")
	s.mpCertificate.SetSelected("Maskinporten (Buypass)")
	test.Tap(s.saveRegs)
	want := map[string]string{
		settingEnvironment: "test", settingGrunndataUser: "ekstern", settingGrunndataPassword: "hemmelig",
		settingMPCertificate: "Maskinporten (Buypass)",
	}
	for k, v := range want {
		if d.settings[k] != v {
			t.Errorf("%s = %q, want %q", k, d.settings[k], v)
		}
	}
	if s.grunndataPW.Text != "" || s.regsMessage.Text != "Saved. The next lookup uses these settings." {
		t.Errorf("password field %q, message %q", s.grunndataPW.Text, s.regsMessage.Text)
	}
	if d.saves != 1 {
		t.Errorf("Save stored the page in %d calls, want 1 (one vault transaction)", d.saves)
	}
	if _, ok := d.settings[settingOwnersAPI]; ok {
		t.Errorf("the default Partner API was stored as %q", d.settings[settingOwnersAPI])
	}
	// Choosing the experimental v1 API is stored; choosing the Partner API
	// again removes the setting.
	s.ownersAPI.SetSelected(ownersAPINames()[1])
	test.Tap(s.saveRegs)
	if d.settings[settingOwnersAPI] != "v1" {
		t.Errorf("v1 chosen: %s = %q", settingOwnersAPI, d.settings[settingOwnersAPI])
	}
	s.ownersAPI.SetSelected(ownersAPINames()[0])
	test.Tap(s.saveRegs)
	if v, ok := d.settings[settingOwnersAPI]; ok {
		t.Errorf("the Partner API chosen again: %s = %q, want no setting", settingOwnersAPI, v)
	}
}

func TestImportCopyOnFake(t *testing.T) {
	d := newFakeDesk()
	s, _, _, _ := newTestScreen(t, d)
	if want := "No offline copy. Import the register's full download (totalbestand) to look owners up when the register cannot be reached."; s.copyInfo.Text != want {
		t.Errorf("before: %q", s.copyInfo.Text)
	}
	onUI(func() { s.importFrom("/tmp/totalbestand.zip") })
	s.host.WaitIdle()
	if want := "Offline copy of 2026-03-01: 20 organisations."; s.copyInfo.Text != want || len(d.imports) != 1 || s.importBar.Visible() {
		t.Errorf("after: %q, imports %v, bar visible %v", s.copyInfo.Text, d.imports, s.importBar.Visible())
	}
}

func TestImportSmallerCopyAsks(t *testing.T) {
	tests := []struct {
		name   string
		answer func(q *ReplaceQuestion)
		info   string
	}{
		{"replace", func(q *ReplaceQuestion) { test.Tap(q.Replace) }, "Offline copy of 2026-03-02: 20 organisations."},
		{"keep", func(q *ReplaceQuestion) { test.Tap(q.Keep) }, "The download holds far fewer organisations than the offline copy, so it did not replace it. The copy is kept as it was."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			d.copyDate, d.smaller = "2026-03-01", 4
			s, _, _, _ := newTestScreen(t, d)
			onUI(func() { s.importFrom("/tmp/totalbestand.zip") })
			var q *ReplaceQuestion
			guitest.Eventually(t, "the question", func() bool {
				onUI(func() { q = s.ReplaceQuestion() })
				return q != nil
			})
			var msg string
			var buttons []string
			onUI(func() { msg, buttons = q.Message.Text, []string{q.Keep.Text, q.Replace.Text} })
			if want := "The new download has 4 organisations, the copy has 20. Replace it?"; msg != want {
				t.Errorf("question %q, want %q", msg, want)
			}
			if want := []string{"Keep the copy", "Replace the copy"}; fmt.Sprint(buttons) != fmt.Sprint(want) {
				t.Errorf("buttons %q, want %q", buttons, want)
			}
			onUI(func() { tt.answer(q) })
			s.host.WaitIdle()
			var info string
			onUI(func() { info = s.copyInfo.Text })
			if info != tt.info || s.ReplaceQuestion() != nil {
				t.Errorf("after the answer: %q (question open: %v), want %q", info, s.ReplaceQuestion() != nil, tt.info)
			}
		})
	}
}

func TestSettingsGolden(t *testing.T) {
	_, win, _, _ := newTestScreen(t, newFakeDesk())
	test.AssertImageMatches(t, "settings.png", guitest.Capture(win, fyne.NewSize(900, 900)))
}
