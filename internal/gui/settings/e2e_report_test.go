package settings

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// TestReportKeysAreTheDesks: the screen's keys are the desk's settings.
func TestReportKeysAreTheDesks(t *testing.T) {
	tests := []struct{ screen, desk string }{
		{settingReportFirm, desk.SettingReportFirm},
		{settingReportPerson, desk.SettingReportPerson},
	}
	for _, tt := range tests {
		if tt.screen != tt.desk {
			t.Errorf("the screen saves %q, the desk knows %q", tt.screen, tt.desk)
		}
	}
}

// TestReportSavedInTheVault types the firm and the person on the real
// desk, saves, and reads them back from the vault and on a screen opened
// again.
func TestReportSavedInTheVault(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	fast := vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	d, _ := setup.NewDesk(setup.Config{Desk: desk.Config{
		VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:  fast,
		VaultOptions: vault.OpenOptions{MinParams: fast},
	}})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	s := New(h, d, nil, nil)
	win.SetContent(s.Content())
	win.Resize(fyne.NewSize(900, 900))

	test.Type(s.report.firm, "Eksempelbyrå AS")
	test.Type(s.report.person, "Áile Čiekča Đuolbmá")
	test.Tap(s.saveRegs)
	if s.regsMessage.Text != "Saved. The next lookup uses these settings." {
		t.Fatalf("Save says %q", s.regsMessage.Text)
	}
	want := map[string]string{desk.SettingReportFirm: "Eksempelbyrå AS", desk.SettingReportPerson: "Áile Čiekča Đuolbmá"}
	for key, value := range want {
		if got, err := d.Setting(key); err != nil || got != value {
			t.Errorf("%s = %q (%v), want %q", key, got, err, value)
		}
	}
	again := New(h, d, nil, nil)
	if again.report.firm.Text != want[desk.SettingReportFirm] || again.report.person.Text != want[desk.SettingReportPerson] {
		t.Errorf("opened again: firm %q, person %q", again.report.firm.Text, again.report.person.Text)
	}
}
