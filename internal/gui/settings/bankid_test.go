package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// TestBankIDSavesEachFieldAndReadsItBack sets each BankID field, saves
// the page, and opens the screen again on what the fake desk stored.
func TestBankIDSavesEachFieldAndReadsItBack(t *testing.T) {
	tests := []struct {
		name  string
		set   func(b *bankIDSection)
		key   string
		value string
		shown func(b *bankIDSection) string // what the screen shows when opened again
		want  string
	}{
		{"client id", func(b *bankIDSection) { b.clientID.SetText("4f0c-motpart") }, settingBankIDClientID, "4f0c-motpart",
			func(b *bankIDSection) string { return b.clientID.Text }, "4f0c-motpart"},
		{"client secret", func(b *bankIDSection) { b.secret.SetText("s3cret") }, settingBankIDSecret, "s3cret",
			func(b *bankIDSection) string { return b.secret.Text + "|" + b.secret.PlaceHolder }, "|Stored; type to replace"},
		{"OFAC", func(b *bankIDSection) { b.ofac.SetChecked(true) }, settingBankIDOFAC, "on",
			func(b *bankIDSection) string { return map[bool]string{true: "checked"}[b.ofac.Checked] }, "checked"},
		{"hosts", func(b *bankIDSection) { b.hosts.SetSelected("Pre-production") }, settingBankIDHosts, "preprod",
			func(b *bankIDSection) string { return b.hosts.Selected + "|" + b.hostsInfo.Text },
			"Pre-production|AML service https://aml-preprod.bankidapis.no, sign-in https://oidc-preprod.bankidapis.no/auth/realms/preprod"},
		{"client_secret_post", func(b *bankIDSection) { b.auth.SetSelectedIndex(1) }, settingBankIDAuth, "client_secret_post",
			func(b *bankIDSection) string { return b.auth.Selected }, "Secret in the form (client_secret_post)"},
		{"private_key_jwt", func(b *bankIDSection) {
			b.auth.SetSelectedIndex(2)
			b.certificate.SetSelected("Maskinporten (Buypass)")
		},
			settingBankIDCertificate, "Maskinporten (Buypass)",
			func(b *bankIDSection) string { return b.auth.Selected + "|" + b.certificate.Selected },
			"Certificate signature (private_key_jwt)|Maskinporten (Buypass)"},
		{"AML address", func(b *bankIDSection) { b.apiURL.SetText("https://proxy.example/aml") }, settingBankIDURL, "https://proxy.example/aml",
			func(b *bankIDSection) string { return b.apiURL.Text }, "https://proxy.example/aml"},
		{"sign-in address", func(b *bankIDSection) { b.oidcURL.SetText("https://proxy.example/oidc") }, settingBankIDOIDCURL, "https://proxy.example/oidc",
			func(b *bankIDSection) string { return b.oidcURL.Text }, "https://proxy.example/oidc"},
		{"callback", func(b *bankIDSection) { b.callbackURL.SetText("https://motpart.example.no/aml") }, settingBankIDCallbackURL, "https://motpart.example.no/aml",
			func(b *bankIDSection) string { return b.callbackURL.Text }, "https://motpart.example.no/aml"},
		{"webhook secret", func(b *bankIDSection) { b.webhookSecret.SetText("hmac-key") }, settingBankIDWebhookSecret, "hmac-key",
			func(b *bankIDSection) string { return b.webhookSecret.Text + "|" + b.webhookSecret.PlaceHolder }, "|Stored; type to replace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			s, _, _, _ := newTestScreen(t, d)
			tt.set(s.bankID)
			test.Tap(s.saveRegs)
			if got := d.settings[tt.key]; got != tt.value || d.saves != 1 {
				t.Errorf("%s = %q after %d saves, want %q after 1", tt.key, got, d.saves, tt.value)
			}
			if s.regsMessage.Text != "Saved. The next lookup uses these settings." {
				t.Errorf("message %q", s.regsMessage.Text)
			}
			again, _, _, _ := newTestScreen(t, d)
			if got := tt.shown(again.bankID); got != tt.want {
				t.Errorf("opened again: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBankIDDefaultsStoreNothing: a page left as it is stores no BankID
// setting; the default authentication and hosts are no setting, and a
// secret field left empty keeps the stored secret.
func TestBankIDDefaultsStoreNothing(t *testing.T) {
	d := newFakeDesk()
	d.settings[settingBankIDSecret] = "kept"
	d.settings[settingBankIDAuth] = "private_key_jwt"
	d.settings[settingBankIDCertificate] = "Maskinporten (Buypass)"
	s, _, _, _ := newTestScreen(t, d)
	if s.bankID.secret.PlaceHolder != "Stored; type to replace" || s.bankID.webhookSecret.PlaceHolder != "Not set" {
		t.Errorf("secrets say %q and %q", s.bankID.secret.PlaceHolder, s.bankID.webhookSecret.PlaceHolder)
	}
	if s.bankID.certificate.Disabled() {
		t.Error("the certificate cannot be chosen with private_key_jwt")
	}
	s.bankID.auth.SetSelectedIndex(0) // back to client_secret_basic
	if !s.bankID.certificate.Disabled() {
		t.Error("the certificate can be chosen with client_secret_basic")
	}
	test.Tap(s.saveRegs)
	want := map[string]string{settingEnvironment: "sandbox", settingBankIDSecret: "kept"}
	for k, v := range want {
		if d.settings[k] != v {
			t.Errorf("%s = %q, want %q", k, d.settings[k], v)
		}
	}
	if len(d.settings) != len(want) {
		t.Errorf("stored %v, want only %v", d.settings, want)
	}
}

// TestBankIDFollowsTheEnvironment: with practice data the section says
// the sandbox's BankID needs nothing; the hosts' default follows the
// environment chosen on the page.
func TestBankIDFollowsTheEnvironment(t *testing.T) {
	s, _, _, _ := newTestScreen(t, newFakeDesk())
	tests := []struct {
		env     int
		sandbox bool
		hosts   string
	}{
		{0, true, "With practice data Motpart uses the sandbox's BankID on this computer."},
		{1, false, "AML service https://aml-current.bankidapis.no, sign-in https://oidc-current.bankidapis.no/auth/realms/current"},
		{2, false, "AML service https://aml.bankidapis.no, sign-in https://oidc.bankidapis.no/auth/realms/prod"},
	}
	for _, tt := range tests {
		s.environment.SetSelectedIndex(tt.env)
		if s.bankID.sandbox.Visible() != tt.sandbox || s.bankID.hostsInfo.Text != tt.hosts {
			t.Errorf("environment %d: sandbox note shown %v, hosts %q; want %v, %q", tt.env, s.bankID.sandbox.Visible(), s.bankID.hostsInfo.Text, tt.sandbox, tt.hosts)
		}
	}
	// A host chosen outright wins over the environment's.
	s.bankID.hosts.SetSelected("Current (BankID's stable test)")
	if want := "AML service https://aml-current.bankidapis.no, sign-in https://oidc-current.bankidapis.no/auth/realms/current"; s.bankID.hostsInfo.Text != want {
		t.Errorf("current chosen in production: %q", s.bankID.hostsInfo.Text)
	}
}

// TestBankIDKeyboardOrder: Tab walks the BankID fields in the order they
// stand on the page, the advanced ones after the client.
func TestBankIDKeyboardOrder(t *testing.T) {
	s, win, _, _ := newTestScreen(t, newFakeDesk())
	b := s.bankID
	b.auth.SetSelectedIndex(2) // so the certificate takes the focus too
	b.advanced.Open(0)
	want := []struct {
		name string
		o    fyne.Focusable
	}{
		{"client id", b.clientID}, {"client secret", b.secret}, {"OFAC", b.ofac},
		{"Advanced heading", nil}, // the accordion's button, which opens and closes it
		{"hosts", b.hosts}, {"sign-in method", b.auth},
		{"certificate", b.certificate}, {"AML address", b.apiURL}, {"sign-in address", b.oidcURL},
		{"callback", b.callbackURL}, {"webhook secret", b.webhookSecret},
	}
	c := win.Canvas()
	c.Focus(b.clientID)
	for i, w := range want {
		if i > 0 {
			c.FocusNext()
		}
		if btn, ok := c.Focused().(*widget.Button); w.o == nil && ok && btn.Text == b.advanced.Items[0].Title {
			continue
		}
		if c.Focused() != w.o {
			t.Fatalf("Tab %d: focus on %T, want the %s", i, c.Focused(), w.name)
		}
	}
}

// TestBankIDFitsASmallWindow: with both Advanced sections open the page
// still fits the room an 800 wide window gives it, in every language.
func TestBankIDFitsASmallWindow(t *testing.T) {
	const room = 690
	for _, language := range []string{"en", "sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			s, win, _, _ := newTestScreen(t, newFakeDesk())
			if _, err := guikit.ApplyLanguage(language); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _, _ = guikit.ApplyLanguage("en") })
			page := New(s.host, s.desk, nil, nil)
			content := page.Content()
			page.advanced.Open(0)
			page.bankID.advanced.Open(0)
			page.bankID.auth.SetSelectedIndex(2)
			win.SetContent(content)
			if w := content.MinSize().Width; w > room {
				t.Errorf("the page needs %.0f wide, more than %d", w, room)
			}
		})
	}
}
