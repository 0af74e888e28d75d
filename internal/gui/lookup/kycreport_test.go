package lookup

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

func TestReportDialogMakes(t *testing.T) {
	tests := []struct {
		name     string
		language int // -1 keeps the preselected one
		fullIDs  bool
		want     dossier.ReportOptions
	}{
		{"window's language, masked", -1, false, dossier.ReportOptions{Language: "en"}},
		{"Swedish", 1, false, dossier.ReportOptions{Language: "sv"}},
		{"Norwegian, full numbers", 2, true, dossier.ReportOptions{Language: "nb", FullIDs: true}},
		{"Finnish", 3, false, dossier.ReportOptions{Language: "fi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			open(s, amlNO, 3)
			b := s.dossier.reportButton
			if b == nil || b.Disabled() {
				t.Fatal("no enabled Make KYC report… button")
			}
			test.Tap(b)
			r := s.reportShown
			if r == nil {
				t.Fatal("no report dialog")
			}
			if r.language.Selected != "English" || r.fullIDs.Checked {
				t.Errorf("dialog opens on %q, full numbers %v; want English, masked", r.language.Selected, r.fullIDs.Checked)
			}
			if texts := textsDeep(s.host.Win.Canvas().Overlays().Top()); !contains(texts, "The choice is written to the audit log and printed on the report.") ||
				!contains(texts, "EKSEMPELBYRÅ AS (923609016)") {
				t.Errorf("dialog says %q", texts)
			}
			if tt.language >= 0 {
				r.language.SetSelectedIndex(tt.language)
			}
			if tt.fullIDs {
				test.Tap(r.fullIDs)
			}
			test.Tap(r.Make)
			s.host.WaitIdle()
			if want := []reportCall{{amlNO, tt.want}}; !slices.Equal(d.reports, want) {
				t.Fatalf("made %+v, want %+v", d.reports, want)
			}
			tab := s.dossier.documents
			if len(tab.rows) != 1 || tab.rows[0].doc.ID != "kyc-1" || !contains(labelsIn(tab.box), "KYC report") {
				t.Errorf("the Documents tab lists %q", labelsIn(tab.box))
			}
			m := s.reportMade
			if m == nil || m.doc.ID != "kyc-1" {
				t.Fatal("no dialog says the report was made")
			}
			if texts := textsDeep(s.host.Win.Canvas().Overlays().Top()); !contains(texts, "The KYC report of EKSEMPELBYRÅ AS (923609016) is in the vault, listed under Documents.") {
				t.Errorf("the made dialog says %q", texts)
			}
		})
	}
}

// TestReportMadeOpenAndSave: the dialog that says the report was made
// opens it in the viewer and saves a copy where the user chooses.
func TestReportMadeOpenAndSave(t *testing.T) {
	s, d, _, opened := newAMLScreen(t)
	open(s, amlNO, 0)
	onUI(s.MakeReport) // Ctrl+Shift+K
	if s.reportShown == nil {
		t.Fatal("MakeReport opened no dialog")
	}
	test.Tap(s.reportShown.Make)
	s.host.WaitIdle()
	m := s.reportMade
	if m == nil {
		t.Fatal("no dialog says the report was made")
	}
	test.Tap(m.Open)
	s.host.WaitIdle()
	if !slices.Equal(d.opened, []string{"kyc-1"}) || !slices.Equal(*opened, []string{"file:///tmp/motpart-docs/kyc-1.pdf"}) {
		t.Errorf("opened %q as %q", d.opened, *opened)
	}
	var suggested string
	s.chooseFile = func(name string, done func(string)) {
		suggested = name
		done("/home/anna/Nedlastinger/kyc.pdf")
	}
	test.Tap(m.Save)
	s.host.WaitIdle()
	if want := "KYC report 923609016 " + fakeTime.Local().Format("2006-01-02") + ".pdf"; suggested != want {
		t.Errorf("suggested %q, want %q", suggested, want)
	}
	if len(d.saves) != 1 || d.saves[0] != [2]string{"kyc-1", "/home/anna/Nedlastinger/kyc.pdf"} {
		t.Errorf("saved %q", d.saves)
	}
}

// TestReportCancel: Cancel while the report is made stops it; nothing
// is said and no report is listed.
func TestReportCancel(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	d.reportGate = make(chan struct{})
	open(s, amlNO, 3)
	test.Tap(s.dossier.reportButton)
	r := s.reportShown
	test.Tap(r.Make)
	if !r.Make.Disabled() || r.Cancel.Disabled() {
		t.Errorf("while making: Make disabled %v, Cancel disabled %v", r.Make.Disabled(), r.Cancel.Disabled())
	}
	// the report's goroutine ends on the UI goroutine once cancelled
	onUI(func() { test.Tap(r.Cancel) })
	s.host.WaitIdle()
	if len(d.reports) != 0 || s.reportMade != nil || len(s.dossier.documents.rows) != 0 {
		t.Errorf("after Cancel: %d reports, made dialog %v, %d rows", len(d.reports), s.reportMade != nil, len(s.dossier.documents.rows))
	}
	if top := s.host.Win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is open after Cancel: %q", textsDeep(top))
	}
}

func TestReportErrorShown(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	d.reportErr = problem.New(problem.CodeNoDossier, nil)
	open(s, amlNO, 0)
	test.Tap(s.dossier.reportButton)
	test.Tap(s.reportShown.Make)
	s.host.WaitIdle()
	texts := textsDeep(s.host.Win.Canvas().Overlays().Top())
	if !contains(texts, "This organisation has not been looked up yet. Look it up first.") {
		t.Errorf("error dialog says %q", texts)
	}
	if s.reportMade != nil {
		t.Error("a failed report is said to be made")
	}
}

// TestReportButtonDisabledWithReason: a report is made from the dossier
// the vault keeps; without one, or with the vault locked, the button says
// why not and Ctrl+Shift+K does nothing.
func TestReportButtonDisabledWithReason(t *testing.T) {
	tests := []struct {
		name       string
		saved      error // what SavedDossier answers; nil keeps the lookup's
		wantReason string
	}{
		{"saved", nil, ""},
		{"not saved", problem.New(problem.CodeNoDossier, nil), "This organisation has not been looked up yet. Look it up first."},
		{"locked", problem.New(problem.CodeLocked, nil), "The vault is locked. Unlock it first."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			open(s, amlNO, 0)
			if tt.saved != nil {
				delete(d.saved, amlNO)
				d.savedErr = tt.saved
				onUI(func() { s.showDossier(s.current, false, 0) })
			}
			b := s.dossier.reportButton
			if b.Disabled() != (tt.saved != nil) {
				t.Errorf("button disabled %v", b.Disabled())
			}
			reason := ""
			if s.dossier.reportReason.Visible() {
				reason = s.dossier.reportReason.Text
			}
			if reason != tt.wantReason {
				t.Errorf("reason %q, want %q", reason, tt.wantReason)
			}
			onUI(s.MakeReport)
			if (s.reportShown != nil) != (tt.saved == nil) {
				t.Errorf("Ctrl+Shift+K opened a dialog: %v", s.reportShown != nil)
			}
		})
	}
}

// TestDocumentsTabKYCReport: a KYC report is listed in words, made by
// Motpart: no session, no expiry.
func TestDocumentsTabKYCReport(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	kyc := dossier.Document{ID: "kyc-1", OrgNr: amlNO, Kind: dossier.DocumentKYC, Country: "NO", OrderedAt: fakeTime, ReadyAt: fakeTime, Size: 20480, SHA256: strings.Repeat("ef", 32)}
	d.docs = map[string][]dossier.Document{amlNO: append([]dossier.Document{kyc}, testDocuments(amlNO)...)}
	open(s, amlNO, 3)
	tab := s.dossier.documents
	texts := labelsIn(tab.box)
	for _, want := range []string{"KYC report", "Made " + fakeTime.Local().Format("2006-01-02 15:04") + " · expires –", "Norway · 20.0\u00a0KB · session –", "SHA-256 efefefefefefefef…",
		"AML report", "Certificate of registration"} {
		if !contains(texts, want) {
			t.Errorf("the tab does not say %q: %q", want, texts)
		}
	}
	if len(tab.rows) != 3 || tab.rows[0].doc.Kind != dossier.DocumentKYC {
		t.Errorf("%d rows", len(tab.rows))
	}
}

func TestSaveKYCBundle(t *testing.T) {
	tests := []struct {
		name      string
		path      string // "" cancels the save dialog
		bundleErr error
		want      [][2]string
		message   string
	}{
		{"saved", "/home/anna/Nedlastinger/kyc.zip", nil, [][2]string{{amlNO, "/home/anna/Nedlastinger/kyc.zip"}}, "KYC bundle saved to /home/anna/Nedlastinger/kyc.zip."},
		{"cancelled", "", nil, nil, ""},
		{"failed", "/home/anna/Nedlastinger/kyc.zip", problem.New(problem.CodeLocked, nil), [][2]string{{amlNO, "/home/anna/Nedlastinger/kyc.zip"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			d.bundleErr = tt.bundleErr
			open(s, amlNO, 3)
			tab := s.dossier.documents
			tab.now = func() time.Time { return fakeTime }
			var suggested string
			tab.chooseBundle = func(name string, done func(string)) {
				suggested = name
				if tt.path != "" {
					done(tt.path)
				}
			}
			test.Tap(tab.Bundle)
			s.host.WaitIdle()
			if suggested != "KYC bundle 923609016 "+fakeTime.Local().Format("2006-01-02")+".zip" {
				t.Errorf("suggested %q", suggested)
			}
			if !slices.Equal(d.bundles, tt.want) {
				t.Errorf("bundles %q, want %q", d.bundles, tt.want)
			}
			message := ""
			if tab.bundleMessage.Visible() {
				message = tab.bundleMessage.Text
			}
			if message != tt.message || tab.Bundle.Disabled() || tab.bundleBusy.Running() {
				t.Errorf("message %q (want %q), button disabled %v, busy %v", message, tt.message, tab.Bundle.Disabled(), tab.bundleBusy.Running())
			}
			if tt.bundleErr != nil {
				if texts := textsDeep(s.host.Win.Canvas().Overlays().Top()); !contains(texts, "The vault is locked. Unlock it first.") {
					t.Errorf("error dialog says %q", texts)
				}
			}
		})
	}
}
