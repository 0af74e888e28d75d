package lookup

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// lookUp types number, presses Enter and waits for the dossier.
func lookUp(t *testing.T, a *e2eApp, number string) {
	t.Helper()
	s := a.lookup
	s.Search.SetText("")
	test.Type(s.Search, number)
	onUI(func() { s.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	a.waitIdle()
	if s.message.Visible() {
		t.Fatalf("lookup of %s: %s", number, s.message.Text)
	}
}

func TestLookupShowsTheCompanyAndOpensARoleHolder(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	if !s.lookupButton.Disabled() {
		t.Error("Look up is enabled with nothing typed")
	}
	lookUp(t, a, world.RichestOrgNr)
	if s.current == nil || s.current.Company == nil || s.current.Company.Name != "SOLSTRAND INDUSTRIER ASA" {
		t.Fatalf("dossier %+v", s.current)
	}
	labels := labelsIn(s.dossier.box)
	for _, want := range []string{"SOLSTRAND INDUSTRIER ASA", "Roles", "Sub-units", "Sources", "Brønnøysund, Enhetsregisteret: found", "Brønnøysund, grunndataWS: found", "Daglig leder"} {
		if !contains(labels, want) {
			t.Errorf("the dossier view lacks %q", want)
		}
	}
	// No national identity number is shown in full.
	for _, r := range s.current.Roles {
		if r.Person == nil || r.Person.NationalID == "" {
			continue
		}
		for _, l := range labels {
			if strings.Contains(l, r.Person.NationalID) {
				t.Errorf("a national identity number is shown: %s", l)
			}
		}
	}

	// The auditor is a unit: a click opens its dossier.
	auditor, ok := s.dossier.units[world.AuditorOrgNr]
	if !ok {
		t.Fatalf("no link to the auditor %s among %v", world.AuditorOrgNr, s.dossier.units)
	}
	// A link reacts to a tap on its text, not on its padding.
	onUI(func() { test.TapAt(auditor, fyne.NewPos(theme.InnerPadding(), theme.InnerPadding())) })
	a.waitIdle()
	if s.Search.Text != world.AuditorOrgNr || s.current == nil || s.current.Number != world.AuditorOrgNr || s.current.Company == nil {
		t.Fatalf("after the click: search %q, dossier %+v", s.Search.Text, s.current)
	}

	// Earlier lookups are listed when the field is empty.
	s.Search.SetText("")
	hist := buttonTexts(s.history)
	if !s.history.Visible() || len(hist) != 2 || !strings.HasPrefix(hist[0], "NORDKAPP REVISJON AS ("+world.AuditorOrgNr+") · ") {
		t.Errorf("history shows %q", hist)
	}
}

func TestLookupShowsRedirectsAndFailures(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.DuplicateOrgNr)
	if _, ok := s.dossier.units[world.DuplicateOfOrgNr]; !ok {
		t.Errorf("no link to the correct unit %s", world.DuplicateOfOrgNr)
	}
	if labels := labelsIn(s.dossier.box); !contains(labels, "Deleted 2019-03-15") {
		t.Errorf("no deletion badge in %q", labels)
	}
	lookUp(t, a, world.NeverCreatedOrgNr)
	if s.current.Company != nil || !contains(labelsIn(s.dossier.box), "No register found this organisation. See what each source answered below.") {
		t.Errorf("never-created unit: %+v", s.current)
	}
	if src := s.current.Sources[0]; src.Status != dossier.StatusNotFound {
		t.Errorf("source %+v", src)
	}
}

func TestBackForwardAndCopy(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	if !s.back.Disabled() || !s.forward.Disabled() || !s.copyNum.Disabled() {
		t.Error("navigation enabled before any lookup")
	}
	lookUp(t, a, world.RichestOrgNr)
	lookUp(t, a, world.AuditorOrgNr)
	lookUp(t, a, world.BankruptOrgNr)
	test.Tap(s.back)
	if s.current.Number != world.AuditorOrgNr || s.Search.Text != world.AuditorOrgNr {
		t.Fatalf("back shows %s", s.current.Number)
	}
	test.Tap(s.back)
	if s.current.Number != world.RichestOrgNr || !s.back.Disabled() || s.forward.Disabled() {
		t.Fatalf("second back: %s, back disabled %v, forward disabled %v", s.current.Number, s.back.Disabled(), s.forward.Disabled())
	}
	test.Tap(s.forward)
	if s.current.Number != world.AuditorOrgNr {
		t.Fatalf("forward shows %s", s.current.Number)
	}
	// A new lookup drops what was ahead.
	lookUp(t, a, world.DeletedOrgNr)
	if !s.forward.Disabled() || len(s.visited) != 3 {
		t.Errorf("visited %v, forward disabled %v", s.visited, s.forward.Disabled())
	}
	test.Tap(s.copyNum)
	if got := a.host.App.Clipboard().Content(); got != world.DeletedOrgNr {
		t.Errorf("clipboard %q", got)
	}
}

func TestAskOneSourceAgain(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	b, ok := s.dossier.sourceButtons["grunndata"]
	if !ok {
		t.Fatalf("no Ask again button for grunndata: %v", s.dossier.sourceButtons)
	}
	before := s.current.Fetched
	onUI(func() { test.Tap(b) })
	a.waitIdle()
	if s.message.Visible() || !s.current.Fetched.After(before) || s.current.Company == nil {
		t.Errorf("after asking again: message %q, fetched %v (before %v)", s.message.Text, s.current.Fetched, before)
	}
}
