package lookup

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestKYCReportOverTheSandbox makes a KYC report in the window from the
// real desk and the sandbox: a company with Sámi letters in its name is
// looked up, its report made in Norwegian with full identity numbers; it
// is listed in the Documents tab, Open hands the viewer a private file
// that is a PDF, and Save KYC bundle… writes a zip where the user chose.
func TestKYCReportOverTheSandbox(t *testing.T) {
	a := newUnlockedApp(t, "en")
	var opened []string
	a.host.SetURLOpener(func(u *url.URL) error { opened = append(opened, u.Path); return nil })
	s := a.lookup
	lookUp(t, a, world.SamiOrgNr)
	if s.dossier.reportButton.Disabled() {
		t.Fatalf("the report is disabled: %s", s.dossier.reportReason.Text)
	}
	test.Tap(s.dossier.reportButton)
	r := s.reportShown
	r.language.SetSelected("Norsk bokmål")
	test.Tap(r.fullIDs)
	test.Tap(r.Make)
	a.waitIdle()
	m := s.reportMade
	if m == nil {
		t.Fatalf("no report made: %q", textsDeep(s.host.Win.Canvas().Overlays().Top()))
	}
	if m.doc.Kind != dossier.DocumentKYC || m.doc.OrgNr != world.SamiOrgNr {
		t.Errorf("made %+v", m.doc)
	}
	docs := s.dossier.documents
	if len(docs.rows) != 1 || docs.rows[0].doc.ID != m.doc.ID || !contains(labelsIn(docs.box), "KYC report") {
		t.Fatalf("the Documents tab lists %q", labelsIn(docs.box))
	}
	test.Tap(m.Open)
	a.waitIdle()
	if len(opened) != 1 {
		t.Fatalf("opened %v", opened)
	}
	fi, err := os.Stat(opened[0])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the viewer's file: %v, %v", fi, err)
	}
	if head := readHead(t, opened[0], 5); head != "%PDF-" {
		t.Errorf("the viewer's file starts %q", head)
	}

	zip := filepath.Join(t.TempDir(), "kyc.zip")
	docs.chooseBundle = func(_ string, done func(string)) { done(zip) }
	test.Tap(docs.Bundle)
	a.waitIdle()
	if head := readHead(t, zip, 4); head != "PK\x03\x04" {
		t.Errorf("the bundle starts %q", head)
	}
	if want := "KYC bundle saved to " + zip + "."; docs.bundleMessage.Text != want {
		t.Errorf("message %q, want %q", docs.bundleMessage.Text, want)
	}
}

// readHead is the first n bytes of the file at path.
func readHead(t *testing.T, path string, n int) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	head := make([]byte, n)
	_, _ = f.Read(head)
	return string(head)
}
