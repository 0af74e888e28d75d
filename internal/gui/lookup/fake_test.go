package lookup

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/ownership"
	"github.com/motpart/motpart/internal/problem"
)

// fakeTime is the moment every fake dossier and note is from.
var fakeTime = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// fakeDesk answers the Lookup screen from memory: every valid organisation
// number is a company named after it, found by one source; notes are kept
// in a map. It counts the lookups it was asked for.
type fakeDesk struct {
	names   map[string]string // organisation number -> company name
	lookups []string          // the numbers Lookup was asked, in order
	notes   map[string][]dossier.Note
	drafts  map[string]string // organisation number -> the note being written
	saved   map[string]*dossier.Dossier
	// savedErr, when set, is SavedDossier's answer for a number not saved.
	savedErr error
	nextID   int
	// dossiers, when they hold a number, are what Lookup answers for it.
	dossiers map[string]*dossier.Dossier
	// searches are the names SearchByName was asked, in order; searchErr,
	// when set, is its answer, and searchGate, when set, holds it until
	// closed or cancelled. examples are what Examples answers.
	searches   []string
	searchErr  error
	searchGate chan struct{}
	examples   []dossier.Example
	// fakeAML answers the AML use cases (fakeaml_test.go).
	fakeAML
	// fakeReports answers the KYC report use cases (fakereport_test.go).
	fakeReports
	// fakeClients answers the client portfolio's (client_test.go).
	fakeClients
}

func newFakeDesk() *fakeDesk {
	return &fakeDesk{
		names:  map[string]string{"923609016": "EKSEMPELBYRÅ AS", "974760673": "REGISTERENHETEN I BRØNNØYSUND"},
		notes:  map[string][]dossier.Note{},
		drafts: map[string]string{},
		saved:  map[string]*dossier.Dossier{},
	}
}

func (d *fakeDesk) Identify(input string, country ident.Country) (ident.Number, error) {
	return ident.Parse(input, ident.Options{Country: country, Now: fakeTime})
}

func (d *fakeDesk) Lookup(_ context.Context, number string) (*dossier.Dossier, error) {
	d.lookups = append(d.lookups, number)
	if dos, ok := d.dossiers[number]; ok {
		d.saved[number] = dos
		return dos, nil
	}
	dos := &dossier.Dossier{Number: number, Country: "NO", Fetched: fakeTime}
	if name, ok := d.names[number]; ok {
		dos.Company = &dossier.Company{Number: number, Name: name}
		dos.Sources = []dossier.Source{{ID: "brreg", Status: dossier.StatusFound, Fetched: fakeTime}}
	} else {
		dos.Sources = []dossier.Source{{ID: "brreg", Status: dossier.StatusNotFound, Fetched: fakeTime}}
	}
	d.saved[number] = dos
	return dos, nil
}

func (d *fakeDesk) RefreshSource(ctx context.Context, number, _ string) (*dossier.Dossier, error) {
	return d.Lookup(ctx, number)
}

func (d *fakeDesk) History() ([]dossier.HistoryEntry, error) { return nil, nil }

func (d *fakeDesk) SavedDossier(number string) (*dossier.Dossier, error) {
	if dos, ok := d.saved[number]; ok {
		return dos, nil
	}
	if d.savedErr != nil {
		return nil, d.savedErr
	}
	return nil, problem.New(problem.CodeNoDossier, nil)
}

func (d *fakeDesk) OwnershipGraph(dos *dossier.Dossier) *ownership.Graph {
	g := &ownership.Graph{Focus: dos.Number}
	g.AddNode(ownership.Node{ID: dos.Number, Kind: ownership.Entity, Label: dos.Number, Number: dos.Number})
	return g
}

func (d *fakeDesk) RevealOwnerID(string, int) (string, error) { return "", nil }

func (d *fakeDesk) Notes(orgnr string) ([]dossier.Note, error) { return d.notes[orgnr], nil }

func (d *fakeDesk) AddNote(orgnr, text string) (dossier.Note, error) {
	if text == "" {
		return dossier.Note{}, problem.New(problem.CodeNoteEmpty, nil)
	}
	d.nextID++
	n := dossier.Note{ID: strconv.Itoa(d.nextID), Created: fakeTime, Text: text}
	d.notes[orgnr] = append(d.notes[orgnr], n)
	return n, nil
}

func (d *fakeDesk) EditNote(orgnr, id, text string) error {
	for i, n := range d.notes[orgnr] {
		if n.ID == id {
			d.notes[orgnr][i].Text = text
			return nil
		}
	}
	return problem.New(problem.CodeNoteNotFound, nil)
}

func (d *fakeDesk) RemoveNote(orgnr, id string) error {
	for i, n := range d.notes[orgnr] {
		if n.ID == id {
			d.notes[orgnr] = append(d.notes[orgnr][:i], d.notes[orgnr][i+1:]...)
			return nil
		}
	}
	return problem.New(problem.CodeNoteNotFound, nil)
}

func (d *fakeDesk) SaveDraft(orgnr, text string) error {
	if text == "" {
		delete(d.drafts, orgnr)
	} else {
		d.drafts[orgnr] = text
	}
	return nil
}

func (d *fakeDesk) Draft(orgnr string) (string, error) { return d.drafts[orgnr], nil }

func (d *fakeDesk) ClearDraft(orgnr string) error {
	delete(d.drafts, orgnr)
	return nil
}

// newFakeScreen is the Lookup screen on d in an English 900×640 window.
func newFakeScreen(t *testing.T, d *fakeDesk) (*Screen, fyne.Window) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	// Fyne stamps new renderers with the time of its last cache clean (a
	// capture), and a capture destroys those stamped over a minute ago: in
	// a package that draws nothing for a minute (slow under -race), the
	// golden images' widgets would lose their insides. Capturing the empty
	// window brings the clock up to date first.
	win.Canvas().Capture()
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	s := New(h, d)
	win.SetContent(s.Content())
	win.Resize(fyne.NewSize(900, 640))
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	return s, win
}

func TestLookupFlowOnFake(t *testing.T) {
	d := newFakeDesk()
	s, _ := newFakeScreen(t, d)
	steps := []struct {
		typed       string
		wantVerdict string
		wantCompany string // "" when no company is shown
	}{
		{"923 609 016", "Norwegian organisation number: valid.", "EKSEMPELBYRÅ AS"},
		{"974760673", "Norwegian organisation number: valid.", "REGISTERENHETEN I BRØNNØYSUND"},
		{"123456785", "Norwegian organisation number: valid.", ""},
	}
	for _, st := range steps {
		s.Search.SetText("")
		test.Type(s.Search, st.typed)
		if s.Verdict.Text != st.wantVerdict {
			t.Errorf("%s: verdict %q, want %q", st.typed, s.Verdict.Text, st.wantVerdict)
		}
		onUI(func() { s.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
		s.host.WaitIdle()
		got := ""
		if s.current != nil && s.current.Company != nil {
			got = s.current.Company.Name
		}
		if got != st.wantCompany {
			t.Errorf("%s: company %q, want %q", st.typed, got, st.wantCompany)
		}
		if st.wantCompany != "" && !contains(labelsIn(s.dossier.box), st.wantCompany) {
			t.Errorf("%s: the dossier view does not name %q", st.typed, st.wantCompany)
		}
	}
	if want := []string{"923609016", "974760673", "123456785"}; len(d.lookups) != len(want) || d.lookups[0] != want[0] || d.lookups[1] != want[1] || d.lookups[2] != want[2] {
		t.Errorf("lookups %v, want %v", d.lookups, want)
	}
	// Back shows the saved dossier without asking the registers again.
	test.Tap(s.back)
	if s.current.Number != "974760673" || len(d.lookups) != 3 {
		t.Errorf("back: %s after %d lookups", s.current.Number, len(d.lookups))
	}
}

func TestNotesOnFake(t *testing.T) {
	d := newFakeDesk()
	s, _ := newFakeScreen(t, d)
	p := s.notes
	test.Type(s.Search, "923609016")
	tests := []struct {
		text        string
		wantRows    int
		wantMessage string
	}{
		{"", 0, "Write something in the note first."},
		{"Ny revisor fra mars.", 1, ""},
		{"Firmaattest hentet.", 2, ""},
	}
	for _, tt := range tests {
		p.entry.SetText("")
		test.Type(p.entry, tt.text)
		test.Tap(p.add)
		if len(p.list.Objects) != tt.wantRows || len(d.notes["923609016"]) != tt.wantRows {
			t.Errorf("%q: %d rows, %d stored, want %d", tt.text, len(p.list.Objects), len(d.notes["923609016"]), tt.wantRows)
		}
		if tt.wantMessage != "" && p.message.Text != tt.wantMessage {
			t.Errorf("%q: message %q, want %q", tt.text, p.message.Text, tt.wantMessage)
		}
	}
	p.removeNote("1")
	if got := labelsIn(p.list); len(d.notes["923609016"]) != 1 || contains(got, "Ny revisor fra mars.") {
		t.Errorf("after removing: %q", got)
	}
}

func TestLookupGolden(t *testing.T) {
	tests := []struct {
		typed  string
		golden string
	}{
		{"", "empty.png"},
		{"923 609 016", "typed-orgnr.png"},
		{"811218-9875", "typed-invalid.png"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			s, win := newFakeScreen(t, newFakeDesk())
			test.Type(s.Search, tt.typed)
			// lay the window out again, as the driver does before drawing
			test.AssertImageMatches(t, tt.golden, guitest.Capture(win, fyne.NewSize(900, 640)))
		})
	}
}

// CanAnswer answers for Norwegian organisation numbers, as the desk does
// with Enhetsregisteret alone connected, and for Swedish and Finnish ones
// when BankID is connected.
func (d *fakeDesk) CanAnswer(n ident.Number) error {
	switch {
	case !n.IsValid():
		return problem.New(problem.CodeInvalidNumber, nil)
	case n.IsPersonal():
		return problem.New(problem.CodePersonalNumber, nil)
	case n.Country() == ident.CountryNO:
		return nil
	case (n.Country() == ident.CountrySE || n.Country() == ident.CountryFI) && d.connected:
		return nil // BankID answers, as the desk has it
	}
	return problem.New(problem.CodeCountryNotConnected, nil)
}

// SearchByName finds the fake companies whose name holds name, in number
// order; it counts the searches, and waits for searchGate when set.
func (d *fakeDesk) SearchByName(ctx context.Context, name string) (*dossier.SearchResult, error) {
	d.searches = append(d.searches, name)
	if d.searchGate != nil {
		select {
		case <-d.searchGate:
		case <-ctx.Done():
			return nil, problem.New(problem.CodeCanceled, ctx.Err())
		}
	}
	if d.searchErr != nil {
		return nil, d.searchErr
	}
	res := &dossier.SearchResult{Name: name}
	for number, company := range d.names {
		if strings.Contains(strings.ToLower(company), strings.ToLower(name)) {
			res.Hits = append(res.Hits, dossier.SearchHit{Number: number, Country: "NO", Name: company, Form: dossier.Code{Code: "AS"}, Municipality: "BERGEN"})
		}
	}
	if len(res.Hits) == 0 {
		return nil, problem.New(problem.CodeNoHits, nil)
	}
	slices.SortFunc(res.Hits, func(a, b dossier.SearchHit) int { return strings.Compare(a.Number, b.Number) })
	res.Total = len(res.Hits)
	return res, nil
}

// Examples are the fake's examples.
func (d *fakeDesk) Examples() []dossier.Example { return d.examples }
