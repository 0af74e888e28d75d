package lookup

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
)

// testDocuments are the two documents of an order for number.
func testDocuments(number string) []dossier.Document {
	return []dossier.Document{
		{ID: "doc-aml", OrgNr: number, Kind: dossier.DocumentAML, Country: "NO", SessionID: "session-1", OrderedAt: fakeTime, ReadyAt: fakeTime.Add(time.Minute), ExpiresAt: fakeTime.Add(2 * time.Hour), Size: 48213, SHA256: strings.Repeat("ab", 32)},
		{ID: "doc-reg", OrgNr: number, Kind: dossier.DocumentRegistration, Country: "NO", SessionID: "session-1", OrderedAt: fakeTime, ReadyAt: fakeTime.Add(time.Minute), ExpiresAt: fakeTime.Add(2 * time.Hour), Size: 1024, SHA256: strings.Repeat("cd", 32)},
	}
}

func TestDocumentsTab(t *testing.T) {
	s, d, _, opened := newAMLScreen(t)
	d.docs = map[string][]dossier.Document{amlNO: testDocuments(amlNO)}
	open(s, amlNO, 3)
	if s.DossierTab() != 3 || s.dossier.tabs.Items[3].Text != "Documents" {
		t.Fatalf("tab %d shown", s.DossierTab())
	}
	tab := s.dossier.documents
	texts := labelsIn(tab.box)
	for _, want := range []string{"AML report", "Certificate of registration", "Ordered 2026-03-02 09:30 · ready 2026-03-02 09:31 · BankID keeps it until 2026-03-02 11:30", "Norway · 47.1\u00a0KB · session session-1", "SHA-256 abababababababab…"} {
		if !contains(texts, want) {
			t.Errorf("the tab does not say %q: %q", want, texts)
		}
	}
	if len(tab.rows) != 2 {
		t.Fatalf("%d rows, want 2", len(tab.rows))
	}
	steps := []struct {
		name  string
		do    func()
		check func() string // "" when right
	}{
		{"Open", func() { test.Tap(tab.rows[0].Open) }, func() string {
			if !slices.Equal(d.opened, []string{"doc-aml"}) || !slices.Equal(*opened, []string{"file:///tmp/motpart-docs/doc-aml.pdf"}) {
				return "opened " + strings.Join(d.opened, ",") + " as " + strings.Join(*opened, ",")
			}
			return ""
		}},
		{"Copy hash", func() { test.Tap(tab.rows[1].Hash) }, func() string {
			if got := s.host.App.Clipboard().Content(); got != strings.Repeat("cd", 32) {
				return "clipboard " + got
			}
			return ""
		}},
		{"Save as", func() {
			tab.chooseFile = func(name string, done func(string)) {
				if name != "Certificate of registration 923609016 "+fakeTime.Local().Format("2006-01-02")+".pdf" {
					t.Errorf("suggested name %q", name)
				}
				done("/home/anna/Nedlastinger/firmaattest.pdf")
			}
			test.Tap(tab.rows[1].Save)
		}, func() string {
			if len(d.saves) != 1 || d.saves[0] != [2]string{"doc-reg", "/home/anna/Nedlastinger/firmaattest.pdf"} {
				return "saved " + strings.Join(d.saves[0][:], " to ")
			}
			return ""
		}},
		{"Remove asks", func() { test.Tap(tab.rows[0].Remove) }, func() string {
			if tab.confirm == nil || len(d.removed) != 0 {
				return "removed without asking"
			}
			return ""
		}},
		{"Remove", func() { test.Tap(tab.confirm.Action) }, func() string {
			if !slices.Equal(d.removed, []string{"doc-aml"}) || len(tab.rows) != 1 || tab.rows[0].doc.ID != "doc-reg" {
				return "removed " + strings.Join(d.removed, ",")
			}
			return ""
		}},
	}
	for _, st := range steps {
		st.do()
		s.host.WaitIdle()
		if msg := st.check(); msg != "" {
			t.Errorf("%s: %s", st.name, msg)
		}
	}
}

func TestDocumentsTabEmpty(t *testing.T) {
	s, _, _, _ := newAMLScreen(t)
	open(s, amlNO, 3)
	want := "No AML documents yet. Order them with Order AML documents… above the tabs."
	if texts := labelsIn(s.dossier.documents.box); !contains(texts, want) {
		t.Errorf("empty tab says %q", texts)
	}
}
