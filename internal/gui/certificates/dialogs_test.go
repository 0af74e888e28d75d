package certificates

import (
	"bytes"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/problem"
)

// entriesIn returns every entry in o's tree.
var entriesIn = guitest.EntriesIn

// topEntries are the entries of the dialog on top of win.
func topEntries(t *testing.T, win fyne.Window) []*widget.Entry {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	return entriesIn(top)
}

// importFake runs the wizard on d through to saving a certificate of
// holder under name; the file's password is "pw".
func importFake(t *testing.T, s *Screen, holder, name string) *certWizard {
	t.Helper()
	test.Tap(s.add)
	w := s.wizard
	onUI(func() { w.load("buypass.p12", bytes.NewReader([]byte("pw|"+holder))) })
	s.host.WaitIdle()
	test.Type(w.password, "pw")
	onUI(func() { test.Tap(w.next) })
	s.host.WaitIdle()
	if w.step != stepSummary {
		t.Fatalf("step %d after the password, message %q", w.step, w.message.Text)
	}
	return w
}

func TestWizardConfirmsTheImport(t *testing.T) {
	d := &fakeDesk{days: 400}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	w := importFake(t, s, "Exempelbyrån AB", "")
	test.Tap(w.next)
	w.name.SetText("SCB Exempelbyrån")
	onUI(func() { test.Tap(w.next) })
	s.host.WaitIdle()
	want := "Stored: SCB Exempelbyrån, valid until " + fakeNow.AddDate(0, 0, 400).Local().Format(guikit.DateLayout) + "."
	if s.notice.Text != want || !s.notice.Visible() {
		t.Errorf("notice %q (shown %v), want %q", s.notice.Text, s.notice.Visible(), want)
	}
	if s.confirm != nil {
		t.Errorf("an SCB certificate was offered for Maskinporten: %q", s.confirm.Message.Text)
	}
}

func TestWizardWarnsOfTheSameCertificate(t *testing.T) {
	tests := []struct {
		name   string
		holder string
		want   string // "" for no warning
	}{
		{"same", "EKSEMPELBYRÅ AS", "This certificate is already stored as “Maskinporten (Buypass)”. Storing it again keeps two copies of the same certificate."},
		{"other", "ANNEN AS", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{days: 400}
			s, _, _ := newFakeScreen(t, d, fakeNow)
			info, err := d.InspectCertificate([]byte("|EKSEMPELBYRÅ AS"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			d.stored = []certinfo.Stored{{Name: "Maskinporten (Buypass)", Info: info}}
			w := importFake(t, s, tt.holder, "")
			if got := w.duplicate.Visible(); got != (tt.want != "") || (got && w.duplicate.Text != tt.want) {
				t.Errorf("summary: warning shown %v %q, want %q", got, w.duplicate.Text, tt.want)
			}
			test.Tap(w.next)
			if w.step != stepName || w.duplicate.Visible() != (tt.want != "") {
				t.Errorf("name step %d: warning shown %v", w.step, w.duplicate.Visible())
			}
			w.close()
		})
	}
}

func TestImportOffersMaskinporten(t *testing.T) {
	tests := []struct {
		name    string
		uses    []certinfo.Use
		current string // the signing certificate chosen before
		message string // "" when nothing is offered
		accept  bool
		want    string // the signing certificate after
	}{
		{"first", []certinfo.Use{certinfo.UseMaskinporten}, "",
			"Motpart can sign in to Maskinporten and the Register of beneficial owners with “Maskinporten 2027”.", true, "Maskinporten 2027"},
		{"replaces", []certinfo.Use{certinfo.UseMaskinporten}, "Maskinporten 2026",
			"Motpart signs in to Maskinporten with “Maskinporten 2026” now. Use “Maskinporten 2027” instead?", true, "Maskinporten 2027"},
		{"declined", []certinfo.Use{certinfo.UseMaskinporten}, "Maskinporten 2026",
			"Motpart signs in to Maskinporten with “Maskinporten 2026” now. Use “Maskinporten 2027” instead?", false, "Maskinporten 2026"},
		{"not for Maskinporten", []certinfo.Use{certinfo.UseSCB}, "", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{days: 400, uses: tt.uses}
			if tt.current != "" {
				d.settings = map[string]string{settingMPCertificate: tt.current}
			}
			s, _, _ := newFakeScreen(t, d, fakeNow)
			changes := 0
			s.SetOnChanged(func() { changes++ })
			w := importFake(t, s, "EKSEMPELBYRÅ AS", "")
			test.Tap(w.next)
			w.name.SetText("Maskinporten 2027")
			onUI(func() { test.Tap(w.next) })
			s.host.WaitIdle()
			c := s.confirm
			if (c != nil) != (tt.message != "") || (c != nil && c.Message.Text != tt.message) {
				t.Fatalf("offer %v, want %q", c != nil, tt.message)
			}
			if c != nil {
				if c.Action.Text != "Use for Maskinporten" || c.Cancel.Text != "Cancel" {
					t.Errorf("buttons %q and %q", c.Cancel.Text, c.Action.Text)
				}
				if tt.accept {
					test.Tap(c.Action)
				} else {
					test.Tap(c.Cancel)
				}
			}
			if got := d.settings[settingMPCertificate]; got != tt.want {
				t.Errorf("signing certificate %q, want %q", got, tt.want)
			}
			wantChanges := 1
			if tt.accept {
				wantChanges = 2
			}
			if changes != wantChanges {
				t.Errorf("told of %d changes, want %d", changes, wantChanges)
			}
		})
	}
}

func TestRemoveAsksWithTheAction(t *testing.T) {
	d := &fakeDesk{stored: []certinfo.Stored{{Name: "SCB A04711", Info: fakeInfo("Exempelbyrån AB", 400)}}}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	for _, answer := range []string{"Cancel", "Remove certificate"} {
		s.confirmRemove("SCB A04711")
		c := s.confirm
		if got := []string{c.Cancel.Text, c.Action.Text}; got[0] != "Cancel" || got[1] != "Remove certificate" {
			t.Fatalf("buttons %q", got)
		}
		if want := "“SCB A04711” and its key are removed from the vault for good. Export it first if you may need it again."; c.Message.Text != want {
			t.Errorf("message %q", c.Message.Text)
		}
		if answer == "Cancel" {
			test.Tap(c.Cancel)
		} else {
			test.Tap(c.Action)
		}
		if wantLeft := map[string]int{"Cancel": 1, "Remove certificate": 0}[answer]; len(d.stored) != wantLeft {
			t.Errorf("after %s: %d stored, want %d", answer, len(d.stored), wantLeft)
		}
	}
}

// failingExport is a desk whose export fails.
type failingExport struct{ *fakeDesk }

func (failingExport) ExportCertificate(string, string) ([]byte, error) {
	return nil, problem.New(problem.CodeCertNotFound, errors.New("gone"))
}

func TestExportShowsErrorsInside(t *testing.T) {
	stored := []certinfo.Stored{{Name: "SCB A04711", Info: fakeInfo("Exempelbyrån AB", 400)}}
	tests := []struct {
		name     string
		desk     Desk
		password string
		repeat   string
		want     string
	}{
		{"differ", &fakeDesk{stored: stored}, "Sommar-2026", "Sommar-2025", "The two new passwords differ."},
		{"desk fails", failingExport{&fakeDesk{stored: stored}}, "Sommar-2026", "Sommar-2026", "That certificate is no longer in the vault."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win, _ := newFakeScreen(t, tt.desk, fakeNow)
			overlays := win.Canvas().Overlays().List()
			s.openExport("SCB A04711")
			f := s.export
			entries := topEntries(t, win)
			if len(entries) != 2 {
				t.Fatalf("%d entries in the export dialog", len(entries))
			}
			test.Type(entries[0], tt.password)
			test.Type(entries[1], tt.repeat)
			test.Tap(f.Confirm)
			if f.Error.Text != tt.want || !f.Error.Visible() {
				t.Errorf("error %q (shown %v), want %q", f.Error.Text, f.Error.Visible(), tt.want)
			}
			if n := len(win.Canvas().Overlays().List()); n != len(overlays)+1 {
				t.Errorf("%d dialogs open, want only the export dialog", n-len(overlays))
			}
			if f.Confirm.Text != "Export…" {
				t.Errorf("the button says %q", f.Confirm.Text)
			}
		})
	}
}

func TestDialogFieldsAreWideEnough(t *testing.T) {
	d := &fakeDesk{days: 400, stored: []certinfo.Stored{{Name: "SCB A04711", Info: fakeInfo("Exempelbyrån AB", 400)}}}
	tests := []struct {
		name    string
		open    func(s *Screen)
		entries int
	}{
		{"export", func(s *Screen) { s.openExport("SCB A04711") }, 2},
		{"wizard password", func(s *Screen) {
			test.Tap(s.add)
			onUI(func() { s.wizard.load("buypass.p12", bytes.NewReader([]byte("pw|EKSEMPELBYRÅ AS"))) })
			s.host.WaitIdle()
		}, 1},
		{"wizard name", func(s *Screen) {
			w := importFake(t, s, "EKSEMPELBYRÅ AS", "")
			test.Tap(w.next)
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, win, _ := newFakeScreen(t, d, fakeNow)
			win.Resize(fyne.NewSize(800, 600))
			tt.open(s)
			entries := topEntries(t, win)
			var visible []*widget.Entry
			for _, e := range entries {
				if e.Visible() {
					visible = append(visible, e)
				}
			}
			if len(visible) != tt.entries {
				t.Fatalf("%d entries shown, want %d", len(visible), tt.entries)
			}
			for i, e := range visible {
				if w := e.Size().Width; w < guikit.MinFieldWidth {
					t.Errorf("entry %d is %.0f wide, want at least %.0f", i, w, guikit.MinFieldWidth)
				}
			}
		})
	}
}
