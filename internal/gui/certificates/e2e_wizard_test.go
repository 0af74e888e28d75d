package certificates

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/gui/guikit"
)

const scbFile = "Certifikat_SokPaVar_A04711_2025-10-06 13-14-52Z.pfx"

func TestWizardImportsACertificate(t *testing.T) {
	a := newUnlockedApp(t, "en")
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A04711"), Password: "hemligt-lösen", Now: e2eNow})

	a.ShowScreen(ScreenCertificates)
	if !a.certificates.empty.Visible() {
		t.Fatal("the empty list says nothing")
	}
	test.Tap(a.certificates.add)
	w := a.certificates.wizard
	if w == nil || w.step != stepFile || !w.next.Disabled() {
		t.Fatalf("wizard not on step 1 with Next disabled: %+v", w)
	}

	// Step 1: the file (as if chosen in the file dialog). It needs a
	// password, so the wizard asks for it without complaining.
	onUI(func() { w.load(scbFile, bytes.NewReader(pfx)) })
	a.waitIdle()
	if w.step != stepPassword || w.message.Visible() {
		t.Fatalf("after choosing the file: step %d, message %q", w.step, w.message.Text)
	}
	if w.hint.Text != "SCB sends the password in a separate e-mail, after the one with the certificate file." {
		t.Errorf("hint = %q", w.hint.Text)
	}

	// Step 2: a wrong password, then the right one.
	test.Type(w.password, "fel lösen")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	if want := "The password does not open this file. SCB sends the password in a separate e-mail."; w.step != stepPassword || w.message.Text != want || !w.message.Visible() {
		t.Fatalf("wrong password: step %d, message %q", w.step, w.message.Text)
	}
	if w.password.Text != "" {
		t.Error("the wrong password is left in the field")
	}
	test.Type(w.password, "hemligt-lösen")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	if w.step != stepSummary {
		t.Fatalf("right password: step %d, message %q", w.step, w.message.Text)
	}

	// Step 3: the summary in plain words.
	want := "This certificate belongs to Exempelbyrån Redovisning AB. Motpart can use it for SCB's business register (API-Id A04711). Valid until "
	if !strings.HasPrefix(w.summary.Text, want) || !strings.HasSuffix(w.summary.Text, "days from now.") {
		t.Errorf("summary = %q", w.summary.Text)
	}
	if len(w.warnings.Objects) != 0 {
		t.Errorf("%d warnings for a good certificate", len(w.warnings.Objects))
	}
	test.Tap(w.next)

	// Step 4: the suggested name, then save.
	if w.step != stepName || w.name.Text != "SCB A04711" {
		t.Fatalf("step %d, name %q", w.step, w.name.Text)
	}
	w.name.SetText("SCB motpartsklassificering")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	if a.certificates.wizard != nil {
		t.Fatalf("wizard still open: %q", w.message.Text)
	}
	if a.Screen() != ScreenCertificates || len(a.certificates.stored) != 1 {
		t.Fatalf("screen %q, %d certificates listed", a.Screen(), len(a.certificates.stored))
	}
	if got := a.certificates.stored[0]; got.Name != "SCB motpartsklassificering" || got.Info.Holder != "Exempelbyrån Redovisning AB" {
		t.Errorf("listed %q / %q", got.Name, got.Info.Holder)
	}
	if labels := labelsIn(a.certificates.list); !contains(labels, "SCB motpartsklassificering") {
		t.Errorf("list shows %q", labels)
	}
	if a.certificates.banner.box.Visible() {
		t.Error("expiry banner shown for a certificate valid for a year")
	}

	// The same name again is refused, in words.
	test.Tap(a.certificates.add)
	w = a.certificates.wizard
	onUI(func() { w.load(scbFile, bytes.NewReader(pfx)) })
	a.waitIdle()
	test.Type(w.password, "hemligt-lösen")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	test.Tap(w.next)
	w.name.SetText("SCB motpartsklassificering")
	onUI(func() { test.Tap(w.next) })
	a.waitIdle()
	if w.message.Text != "A certificate with this name is already stored. Choose another name." {
		t.Errorf("duplicate name: %q", w.message.Text)
	}
	test.Tap(w.cancel)
	if a.certificates.wizard != nil {
		t.Error("Cancel left the wizard open")
	}
}

func TestWizardRefusesBadFiles(t *testing.T) {
	a := newUnlockedApp(t, "en")
	expired := certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"),
		Now: e2eNow, NotBefore: e2eNow.AddDate(-2, 0, 0), NotAfter: e2eNow.AddDate(0, 0, -3)})
	tests := []struct {
		name    string
		data    []byte
		step    int
		message string
	}{
		{"not a certificate", []byte("%PDF-1.7 this is not a certificate"), stepFile,
			"This is not a certificate file (.pfx or .p12). Save the attachment from the register's e-mail and choose that file."},
		{"cut off", certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A00001"), Now: e2eNow})[:300], stepFile,
			"The file is damaged or incomplete. Save the attachment from the e-mail again, or ask the register to send the file again."},
		{"expired", expired, stepSummary,
			"This certificate has expired. Order a new one from the register; an expired certificate cannot be used."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := a.certificates.openWizard()
			onUI(func() { w.load("client.pfx", bytes.NewReader(tt.data)) })
			a.waitIdle()
			if w.step != tt.step || w.message.Text != tt.message || !w.message.Visible() {
				t.Errorf("step %d, message %q", w.step, w.message.Text)
			}
			if !w.next.Disabled() {
				t.Error("Next is enabled on a file that cannot be imported")
			}
			w.close()
		})
	}
}

func TestExpiryBanner(t *testing.T) {
	a := newUnlockedApp(t, "en")
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"), Now: e2eNow, NotAfter: e2eNow.Add(30*24*time.Hour + time.Hour)})
	if _, err := a.desk.ImportCertificate("Maskinporten", pfx, "buypass.p12", ""); err != nil {
		t.Fatal(err)
	}
	a.certificates.Reload()
	if !a.certificates.banner.box.Visible() {
		t.Fatal("no banner for a certificate expiring in 30 days")
	}
	if want := "The certificate “Maskinporten” expires in 30 days. Order a renewal from the register now."; a.certificates.banner.text.Text != want {
		t.Errorf("banner = %q, want %q", a.certificates.banner.text.Text, want)
	}
	if a.host.Prefs.LastExpiryNotice() != e2eNow.Format(guikit.DateLayout) {
		t.Error("no desktop notification recorded today")
	}
}
