package settings

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSCBSavesCertificateAndAddressAndReadsThemBack chooses the SCB
// certificate among the stored ones, types the address, saves the page and
// opens the screen again on what the fake desk stored.
func TestSCBSavesCertificateAndAddressAndReadsThemBack(t *testing.T) {
	const stored = "Maskinporten (Buypass)" // the fake desk's one certificate
	tests := []struct {
		name              string
		choose            int // index in the select: 0 is the sandbox's demo certificate
		url               string
		wantCert, wantURL string
		wantSelected      string
	}{
		{"a stored certificate", 1, "https://proxy.example/scb", stored, "https://proxy.example/scb", stored},
		{"the sandbox's demo", 0, "", "", "", "The sandbox's demo certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			s, _, _, _ := newTestScreen(t, d)
			if got := s.scb.certificate.Options; len(got) != 2 || got[1] != stored {
				t.Fatalf("certificates offered %q", got)
			}
			s.scb.certificate.SetSelectedIndex(tt.choose)
			test.Type(s.scb.url, tt.url)
			test.Tap(s.saveRegs)
			if d.saves != 1 || d.settings[settingSCBCertificate] != tt.wantCert || d.settings[settingSCBURL] != tt.wantURL {
				t.Errorf("after %d saves: certificate %q, address %q; want %q, %q after 1", d.saves,
					d.settings[settingSCBCertificate], d.settings[settingSCBURL], tt.wantCert, tt.wantURL)
			}
			again, _, _, _ := newTestScreen(t, d)
			if again.scb.certificate.Selected != tt.wantSelected || again.scb.url.Text != tt.wantURL {
				t.Errorf("opened again: %q, %q; want %q, %q", again.scb.certificate.Selected, again.scb.url.Text, tt.wantSelected, tt.wantURL)
			}
		})
	}
}
