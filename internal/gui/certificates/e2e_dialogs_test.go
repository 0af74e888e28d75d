package certificates

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/gui/guikit"
)

func TestWizardOnTheRealDesk(t *testing.T) {
	a := newUnlockedApp(t, "en")
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"), Password: "pin-4711", Now: e2eNow})
	if _, err := a.desk.ImportCertificate("Maskinporten (Buypass)", pfx, "buypass.p12", "pin-4711"); err != nil {
		t.Fatal(err)
	}
	a.certificates.Reload()

	// The same file again: the summary says it is stored already.
	w := a.certificates.openWizard()
	onUI(func() { w.load("buypass.p12", bytes.NewReader(pfx)) })
	a.waitIdle()
	test.Type(w.password, "pin-4711")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	if want := "This certificate is already stored as “Maskinporten (Buypass)”. Storing it again keeps two copies of the same certificate."; w.step != stepSummary || w.duplicate.Text != want || !w.duplicate.Visible() {
		t.Fatalf("step %d, warning %q (shown %v)", w.step, w.duplicate.Text, w.duplicate.Visible())
	}

	// Stored under a second name anyway, it is offered for Maskinporten,
	// in place of no choice yet.
	test.Tap(w.next)
	w.name.SetText("Maskinporten 2027")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	want := "Stored: Maskinporten 2027, valid until " + w.info.NotAfter.Local().Format(guikit.DateLayout) + "."
	if a.certificates.notice.Text != want {
		t.Errorf("notice %q, want %q", a.certificates.notice.Text, want)
	}
	c := a.certificates.confirm
	if c == nil || c.Message.Text != "Motpart can sign in to Maskinporten and the Register of beneficial owners with “Maskinporten 2027”." {
		t.Fatalf("offer: %+v", c)
	}
	test.Tap(c.Action)
	if got, err := a.desk.Setting(settingMPCertificate); err != nil || got != "Maskinporten 2027" {
		t.Errorf("signing certificate %q (%v), want Maskinporten 2027", got, err)
	}
}
