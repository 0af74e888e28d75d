package lookup

import (
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestDossierInNorwegianOverTheSandbox looks units up in bokmål on the
// real desk and the sandbox's registers: the amounts, dates and role words
// of the wire reach the Company tab in the user's language, the legal unit
// of a sub-unit has its name, and the correct unit of a duplicate is on
// top.
func TestDossierInNorwegianOverTheSandbox(t *testing.T) {
	a := newUnlockedApp(t, "nb")
	sawNoFax := false
	for _, tt := range []struct {
		number string
		want   []string
		first  string // a text that must come before...
		then   string // ...this one
	}{
		{world.RichestOrgNr, []string{nb("10_000_000_NOK"), "Daglig leder", "Styrets leder", "Siden", "01.01.2016", "Mobil"},
			"Organisasjonsnummer", "Roller"},
		{world.SubUnitOrgNr, []string{"SOLSTRAND INDUSTRIER ASA (" + world.RichestOrgNr + ")"}, "Juridisk enhet", "Kilder"},
		{world.DuplicateOrgNr, []string{"Slettet 15.03.2019"}, "Slettet som duplikat: åpne riktig enhet FJELLHEIM BYGGSERVICE AS (" + world.DuplicateOfOrgNr + ")", "Organisasjonsnummer"},
	} {
		t.Run(tt.number, func(t *testing.T) {
			lookUp(t, a, tt.number)
			texts := guitest.TextsIn(a.lookup.dossier.tabs.Items[0].Content)
			for _, w := range append(tt.want, tt.first, tt.then) {
				if !slices.Contains(texts, w) {
					t.Errorf("no %q in\n%s", w, strings.Join(texts, "\n"))
				}
			}
			if i, j := slices.Index(texts, tt.first), slices.Index(texts, tt.then); i > j {
				t.Errorf("%q comes after %q", tt.first, tt.then)
			}
			// grunndataWS says when a unit has no fax; the dossier does not.
			for _, s := range a.lookup.current.Sources {
				for _, n := range s.Notes {
					sawNoFax = sawNoFax || n.Problem == "no_fax"
				}
			}
			for _, text := range texts {
				if strings.Contains(text, "faks") || strings.Contains(text, "fax") {
					t.Errorf("fax noise: %q", text)
				}
			}
		})
	}
	if !sawNoFax {
		t.Error("the sandbox said of no unit that it has no fax: the test of the noise proves nothing")
	}
}
