package lookup

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestLookupSaysWhatIsTyped(t *testing.T) {
	a := newUnlockedApp(t, "en")
	tests := []struct {
		typed       string
		country     int // index in the country filter
		wantVerdict string
		wantNumber  string // the details' Number row; "" when hidden
	}{
		{"923 609 016", 0, "Norwegian organisation number: valid.", "923609016"},
		{"923609017", 0, "Norwegian organisation number: the check digit is wrong.", ""},
		{"556074-7569", 0, "Swedish organisation number: valid.", "556074-7569"},
		{"811218-9875", 0, "Swedish personal identity number: the check digit is wrong.", ""},
		{"0116297-6", 0, "Finnish business ID: valid.", "0116297-6"},
		{"0116297-5", 0, "Finnish business ID: the check digit is wrong.", ""},
		{"12345", 0, "No Nordic number has this many digits.", ""},
		{"ABC-DEF", 0, "This is not a number Motpart knows: use digits, with spaces or hyphens if you like.", ""},
		{"923609016", 3, "No Nordic number has this many digits.", ""},
		{"", 0, "Type a Norwegian, Swedish or Finnish number.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			s := a.lookup
			s.country.SetSelectedIndex(tt.country)
			s.Search.SetText("")
			test.Type(s.Search, tt.typed)
			if got := s.Verdict.Text; got != tt.wantVerdict {
				t.Errorf("verdict = %q, want %q", got, tt.wantVerdict)
			}
			if tt.wantNumber == "" {
				if s.details.Visible() {
					t.Errorf("details shown for %q", tt.typed)
				}
				return
			}
			if !s.details.Visible() {
				t.Fatalf("details hidden for %q", tt.typed)
			}
			if got := formValue(s.details, "Number"); got != tt.wantNumber {
				t.Errorf("Number row = %q, want %q", got, tt.wantNumber)
			}
		})
	}
}

func TestLookupMasksPersonalNumbers(t *testing.T) {
	a := newUnlockedApp(t, "en")
	test.Type(a.lookup.Search, "19811218-9876")
	if got := a.lookup.Verdict.Text; got != "Swedish personal identity number: valid." {
		t.Fatalf("verdict = %q", got)
	}
	if got := formValue(a.lookup.details, "Number"); got != "19811218-****" {
		t.Errorf("Number row = %q, want the personal number masked", got)
	}
	if a.lookup.notes.box.Visible() {
		t.Error("notes offered on a personal number")
	}
}

func TestNotesOnLookup(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	p := s.notes
	test.Type(s.Search, "923 609 016")
	if !p.box.Visible() || !p.empty.Visible() || len(p.list.Objects) != 0 {
		t.Fatalf("notes on a new client: visible %v, empty %v, rows %d", p.box.Visible(), p.empty.Visible(), len(p.list.Objects))
	}
	test.Tap(p.add)
	if p.message.Text != "Write something in the note first." {
		t.Errorf("empty note: %q", p.message.Text)
	}
	test.Type(p.entry, "Kunden har bytt revisor.")
	test.Tap(p.add)
	test.Type(p.entry, "Styret byttes i mars.")
	test.Tap(p.add)
	if len(p.list.Objects) != 2 || p.empty.Visible() || p.entry.Text != "" {
		t.Fatalf("after two notes: rows %d, empty %v, entry %q", len(p.list.Objects), p.empty.Visible(), p.entry.Text)
	}
	if got := labelsIn(p.list); !contains(got, "Kunden har bytt revisor.") || !contains(got, "Styret byttes i mars.") {
		t.Errorf("rows show %q", got)
	}

	// Another company has its own notes; coming back shows these again.
	s.Search.SetText("")
	test.Type(s.Search, "556074-7569")
	if len(p.list.Objects) != 0 {
		t.Errorf("another company shows %d notes", len(p.list.Objects))
	}
	s.Search.SetText("")
	test.Type(s.Search, "923609016")
	if len(p.list.Objects) != 2 {
		t.Fatalf("back on the first company: %d notes", len(p.list.Objects))
	}
	p.removeNote(p.notes[0].ID)
	if got := labelsIn(p.list); len(p.list.Objects) != 1 || contains(got, "Kunden har bytt revisor.") {
		t.Errorf("after removing: %q", got)
	}
}
