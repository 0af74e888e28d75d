package lookup

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	bankidsim "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestOrderAMLOverTheSandbox orders AML documents in the window from the
// real desk and the sandbox's BankID (sessions done at once), for a
// Norwegian company with a sanctions hit and a Swedish one only BankID
// answers for: the notification comes once, the Documents tab lists both
// PDFs, Open hands the viewer a private file that is a PDF, and the red
// banner names the hit.
func TestOrderAMLOverTheSandbox(t *testing.T) {
	a := newUnlockedAppWith(t, "en", sandbox.Config{BankIDDelays: bankidsim.ZeroDelays()})
	ready := make(chan string, 10)
	var opened []string
	a.host.SetNotifier(func(n *fyne.Notification) { ready <- n.Content })
	a.host.SetURLOpener(func(u *url.URL) error { opened = append(opened, u.Path); return nil })
	s := a.lookup
	for _, tt := range []struct {
		number     string
		wantBanner string
	}{
		{world.SanctionsOrgNr, "Sanctions hit: "},
		{world.SESanctionsOrgNr, "Sanctions hit: "},
	} {
		t.Run(tt.number, func(t *testing.T) {
			lookUp(t, a, tt.number)
			if s.dossier.orderButton.Disabled() {
				t.Fatalf("ordering is disabled: %s", s.dossier.orderReason.Text)
			}
			test.Tap(s.dossier.orderButton)
			test.Tap(s.orderShown.Order)
			a.waitIdle()
			select {
			case text := <-ready:
				if !strings.Contains(text, "the documents are in the vault") {
					t.Errorf("notification %q", text)
				}
			case <-time.After(time.Minute): // a guard, not a wait: the notification ends it
				t.Fatal("no notification that the order is ready")
			}
			a.waitIdle()
			if len(ready) != 0 {
				t.Errorf("%d notifications more", len(ready))
			}
			alarm, ok := s.dossier.banner.(*alarmBanner)
			if !ok || !strings.HasPrefix(alarm.Text(), tt.wantBanner) {
				t.Errorf("banner %v", s.dossier.banner)
			}
			docs := s.dossier.documents
			if len(docs.rows) != 2 {
				t.Fatalf("%d documents listed, want 2", len(docs.rows))
			}
			kinds := map[string]bool{}
			for _, r := range docs.rows {
				kinds[r.doc.Kind] = true
			}
			if !kinds[dossier.DocumentAML] || !kinds[dossier.DocumentRegistration] {
				t.Errorf("kinds %v", kinds)
			}
			opened = nil
			test.Tap(docs.rows[0].Open)
			a.waitIdle()
			if len(opened) != 1 {
				t.Fatalf("opened %v", opened)
			}
			fi, err := os.Stat(opened[0])
			if err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("the viewer's file: %v, %v", fi, err)
			}
			head := make([]byte, 5)
			if f, err := os.Open(opened[0]); err != nil {
				t.Fatal(err)
			} else {
				_, _ = f.Read(head)
				_ = f.Close()
			}
			if string(head) != "%PDF-" {
				t.Errorf("the viewer's file starts %q", head)
			}
		})
	}
}
