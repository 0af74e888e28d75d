package lookup

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/ownership"
)

// dossierOnlyDesk is a Desk that can only draw a dossier: the methods the
// dossier view calls. Any other call panics (nil embedded interface).
type dossierOnlyDesk struct{ Desk }

func (dossierOnlyDesk) OwnershipGraph(*dossier.Dossier) *ownership.Graph { return &ownership.Graph{} }
func (dossierOnlyDesk) RevealOwnerID(string, int) (string, error)        { return "", nil }

// TestDossierSaysWhatTheRegistersSaid draws dossiers with the facts issue
// 11 found hidden or told wrongly: a 404 from the owners register told as
// "does not have to register" under a green check, resigned role holders
// without the register's code and text, closed units shown as active, and
// owners read with the guessed v1 shape without saying so.
func TestDossierSaysWhatTheRegistersSaid(t *testing.T) {
	rrh404 := dossier.Source{ID: "rrh", Status: dossier.StatusNotFound, Code: "not_required",
		Problem:      "owners_not_registered", // as the rrh client sets it
		RegisterText: "Virksomheten har ikke registrert reelle rettighetshavere",
		FollowUp:     &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered}}
	company := &dossier.Company{Number: "313513408", Name: "TENOR AS"}
	for _, tc := range []struct {
		name   string
		dos    dossier.Dossier
		tab    int // 0 company, 1 beneficial owners
		want   []string
		absent []string
	}{
		{name: "owners 404: both readings, the register's text, a follow-up", tab: 1,
			dos: dossier.Dossier{Number: "313513408", Company: company, Sources: []dossier.Source{rrh404}},
			want: []string{
				"Register of beneficial owners: not registered",
				"The register has no beneficial owners for this company: either the company has not registered them, or it does not have to. Follow this up in the AML check.",
				"The register said: “Virksomheten har ikke registrert reelle rettighetshavere”",
				"Follow up in the AML check: find out whether the company must register beneficial owners, and identify them yourself.",
			},
			absent: []string{"The company does not have to register beneficial owners."}},
		{name: "owners 404 in the sources list", tab: 0,
			dos: dossier.Dossier{Number: "313513408", Company: company, Sources: []dossier.Source{rrh404}},
			want: []string{
				"The register said: “Virksomheten har ikke registrert reelle rettighetshavere”",
				"Follow up in the AML check: find out whether the company must register beneficial owners, and identify them yourself.",
			}},
		{name: "resigned holders with the register's code and text", tab: 0,
			dos: dossier.Dossier{Number: "313513408", Company: company, Roles: []dossier.Role{
				{Type: dossier.Code{Code: "MEDL", Description: "Styremedlem"}, Person: &dossier.Person{Name: "Ola Olsen"},
					Resigned: true, ResignedCode: "K", ResignedText: "Fratrådt"},
				{Type: dossier.Code{Code: "VARA", Description: "Varamedlem"}, Person: &dossier.Person{Name: "Kari Nordmann"}, Resigned: true},
				{Type: dossier.Code{Code: "LEDE", Description: "Styrets leder"}, Person: &dossier.Person{Name: "Per Hansen"}},
			}},
			want: []string{
				"Styremedlem (resigned; register code K, whose meaning is not documented) “Fratrådt”",
				"Varamedlem (resigned)",
				"Styrets leder",
			}},
		{name: "a closed sub-unit and a closed sub-unit in the list", tab: 0,
			dos: dossier.Dossier{Number: "974760673",
				Company:  &dossier.Company{Number: "974760673", Name: "AVDELING", SubUnit: true, ClosedDate: "2024-05-31"},
				SubUnits: []dossier.UnitRef{{Number: "310219622", Name: "FILIAL", ClosedDate: "2023-01-31"}, {Number: "923609016", Name: "ÅPEN"}}},
			want: []string{"Closed on 2024-05-31", "FILIAL (310219622) – closed on 2023-01-31", "ÅPEN (923609016)"}},
		{name: "owners read with the v1 shape say so", tab: 1,
			dos: dossier.Dossier{Number: "313513408", Company: company,
				Owners: &dossier.Owners{Number: "313513408", Source: "online", Status: dossier.Code{Code: dossier.OwnersNone}},
				Sources: []dossier.Source{{ID: "rrh", Status: dossier.StatusFound,
					Notes: []dossier.SourceNote{{Code: dossier.NoteOwnersShapeUnconfirmed, Message: "English"}}}}},
			want: []string{"• Read with the experimental v1 answer shape, which is not confirmed: check the owners against the register before relying on them."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fa := test.NewTempApp(t)
			v := newDossierView(guikit.NewHost(fa, fa.NewWindow("Motpart")), dossierOnlyDesk{}, func(string) {})
			v.show(&tc.dos)
			texts := guitest.TextsIn(v.tabs.Items[tc.tab].Content)
			for _, w := range tc.want {
				if !slices.Contains(texts, w) {
					t.Errorf("no %q in\n%s", w, strings.Join(texts, "\n"))
				}
			}
			for _, a := range tc.absent {
				if slices.Contains(texts, a) {
					t.Errorf("%q shown", a)
				}
			}
		})
	}
}

// TestFollowUpIsNoGoodNews: a source whose answer must be followed up gets
// the warning icon, never the green check of good news.
func TestFollowUpIsNoGoodNews(t *testing.T) {
	fa := test.NewTempApp(t)
	v := newDossierView(guikit.NewHost(fa, fa.NewWindow("Motpart")), dossierOnlyDesk{}, func(string) {})
	v.sourceButtons = map[string]*widget.Button{}
	for _, tc := range []struct {
		name string
		src  dossier.Source
		want string
	}{
		{name: "found", src: dossier.Source{ID: "brreg", Status: dossier.StatusFound}, want: "success"},
		{name: "owners 404", src: dossier.Source{ID: "rrh", Status: dossier.StatusNotFound, Code: "not_required",
			FollowUp: &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered}}, want: "warning"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := v.source(tc.src).(*fyne.Container)
			var icon *widget.Icon
			for _, o := range row.Objects {
				if c, ok := o.(*fyne.Container); ok {
					for _, k := range c.Objects {
						if i, ok := k.(*widget.Icon); ok {
							icon = i
						}
					}
				}
			}
			if icon == nil || icon.Resource == nil {
				t.Fatal("no icon")
			}
			if got := icon.Resource.Name(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("icon %q, want a %s icon", got, tc.want)
			}
		})
	}
}
