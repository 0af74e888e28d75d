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

// TestBankIDKeysAreTheDesks: the screen's keys are the desk's settings.
func TestBankIDKeysAreTheDesks(t *testing.T) {
	tests := []struct{ screen, desk string }{
		{settingBankIDHosts, desk.SettingBankIDHosts},
		{settingBankIDURL, desk.SettingBankIDURL},
		{settingBankIDOIDCURL, desk.SettingBankIDOIDCURL},
		{settingBankIDClientID, desk.SettingBankIDClientID},
		{settingBankIDSecret, desk.SettingBankIDSecret},
		{settingBankIDAuth, desk.SettingBankIDAuth},
		{settingBankIDCertificate, desk.SettingBankIDCertificate},
		{settingBankIDOFAC, desk.SettingBankIDOFAC},
		{settingBankIDCallbackURL, desk.SettingBankIDCallbackURL},
		{settingBankIDWebhookSecret, desk.SettingBankIDWebhookSecret},
		{settingSCBCertificate, desk.SettingSCBCertificate},
		{settingSCBURL, desk.SettingSCBURL},
	}
	secret := map[string]bool{}
	for _, info := range desk.Settings() {
		secret[info.Key] = info.Secret
	}
	for _, tt := range tests {
		if tt.screen != tt.desk {
			t.Errorf("the screen saves %q, the desk knows %q", tt.screen, tt.desk)
		}
	}
	if !secret[settingBankIDSecret] || !secret[settingBankIDWebhookSecret] {
		t.Error("the desk does not keep BankID's secrets as secrets")
	}
}

// TestBankIDSavedInTheVault fills the BankID section on the real desk,
// saves, and reads each value back from the vault; a screen opened again
// shows the secrets as stored, never their text.
func TestBankIDSavedInTheVault(t *testing.T) {
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

	b := s.bankID
	b.clientID.SetText("motpart-aml")
	b.secret.SetText("client-s3cret")
	b.ofac.SetChecked(true)
	b.hosts.SetSelected("Current (BankID's stable test)")
	b.auth.SetSelectedIndex(1)
	b.apiURL.SetText("https://proxy.example/aml")
	b.oidcURL.SetText("https://proxy.example/oidc")
	b.callbackURL.SetText("https://motpart.example.no/aml")
	b.webhookSecret.SetText("hmac-key")
	test.Tap(s.saveRegs)
	if s.regsMessage.Text != "Saved. The next lookup uses these settings." {
		t.Fatalf("Save says %q", s.regsMessage.Text)
	}
	want := map[string]string{
		desk.SettingBankIDClientID: "motpart-aml", desk.SettingBankIDSecret: "client-s3cret", desk.SettingBankIDOFAC: "on",
		desk.SettingBankIDHosts: "current", desk.SettingBankIDAuth: "client_secret_post", desk.SettingBankIDCertificate: "",
		desk.SettingBankIDURL: "https://proxy.example/aml", desk.SettingBankIDOIDCURL: "https://proxy.example/oidc",
		desk.SettingBankIDCallbackURL: "https://motpart.example.no/aml", desk.SettingBankIDWebhookSecret: "hmac-key",
	}
	for key, value := range want {
		if got, err := d.Setting(key); err != nil || got != value {
			t.Errorf("%s = %q (%v), want %q", key, got, err, value)
		}
	}
	again := New(h, d, nil, nil)
	if again.bankID.secret.Text != "" || again.bankID.secret.PlaceHolder != "Stored; type to replace" ||
		again.bankID.webhookSecret.Text != "" || again.bankID.webhookSecret.PlaceHolder != "Stored; type to replace" {
		t.Errorf("opened again, the secrets show %q/%q and %q/%q", again.bankID.secret.Text, again.bankID.secret.PlaceHolder,
			again.bankID.webhookSecret.Text, again.bankID.webhookSecret.PlaceHolder)
	}
	if again.bankID.clientID.Text != "motpart-aml" || !again.bankID.ofac.Checked || again.bankID.auth.SelectedIndex() != 1 {
		t.Errorf("opened again: client %q, OFAC %v, method %q", again.bankID.clientID.Text, again.bankID.ofac.Checked, again.bankID.auth.Selected)
	}
}
