package lookup

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestSearchByNameOnTheSandbox searches the sandbox's Enhetsregisteret by
// name from the screen, over TLS, and opens a hit with the keyboard; the
// first screen offers the sandbox's numbers.
func TestSearchByNameOnTheSandbox(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	win := a.host.Win
	p := s.Search.hits
	if b := findButton(p.examples, "SOLSTRAND INDUSTRIER ASA · "+world.RichestOrgNr); b == nil || !p.examples.Visible() {
		t.Fatalf("the sandbox's examples are not offered: %q", buttonTexts(p.examples))
	}

	s.Focus()
	test.Type(s.Search, "solstrand industrier")
	press(t, win, fyne.KeyReturn)
	a.waitIdle()
	if s.message.Visible() {
		t.Fatalf("search: %s", s.message.Text)
	}
	var numbers []string
	for _, h := range p.hits {
		numbers = append(numbers, h.Number)
	}
	if len(numbers) < 2 || numbers[0] != world.RichestOrgNr || !slices.Contains(numbers, world.SubUnitOrgNr) || p.hits[0].SubUnit {
		t.Fatalf("hits %v", numbers)
	}
	press(t, win, fyne.KeyDown)
	press(t, win, fyne.KeyReturn)
	a.waitIdle()
	if s.current == nil || s.current.Number != world.RichestOrgNr || s.current.Company == nil || s.current.Company.Name != "SOLSTRAND INDUSTRIER ASA" {
		t.Fatalf("after Enter on the first hit: %+v", s.current)
	}

	// An example opens its dossier with one click.
	onUI(func() { s.Search.SetText("") })
	b := findButton(p.examples, "STORMKAST MEDIA AS · "+world.BankruptOrgNr)
	if b == nil {
		t.Fatalf("no example of a bankrupt company among %q", buttonTexts(p.examples))
	}
	onUI(func() { test.Tap(b) })
	a.waitIdle()
	if s.current == nil || s.current.Number != world.BankruptOrgNr {
		t.Errorf("after the example's click: %+v", s.current)
	}
}
