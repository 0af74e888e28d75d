package lookup

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
)

// nb makes expected Norwegian texts readable: "_" is the no-break space
// between digit groups and before a unit.
func nb(s string) string { return strings.ReplaceAll(s, "_", "\u00a0") }

// richDossier is a company with most of what Enhetsregisteret and
// grunndataWS can say, including the "not registered" notes of optional
// fields.
func richDossier() *dossier.Dossier {
	employees := 1234
	return &dossier.Dossier{Number: "311111116", Country: "NO", Fetched: fakeTime,
		Company: &dossier.Company{Number: "311111116", Name: "SOLSTRAND INDUSTRIER ASA",
			Form:            dossier.Code{Code: "ASA", Description: "Allmennaksjeselskap"},
			BusinessAddress: &dossier.Address{Lines: []string{"Strandveien 1"}, PostalCode: "5003", City: "BERGEN", CountryCode: "NO", Country: "Norge"},
			PostalAddress:   &dossier.Address{Lines: []string{"Postboks 9"}, PostalCode: "11122", City: "STOCKHOLM", CountryCode: "SE", Country: "Sverige"},
			Industry:        []dossier.Code{{Code: "10.200", Description: "Bearbeiding og konservering av fisk"}},
			Registered:      "2007-12-19", Employees: &employees, Capital: "10000000 NOK",
			Phone: "51 00 11 22", Mobile: "905 73 014", Email: "post@solstrand.example"},
		Roles: []dossier.Role{
			{Type: dossier.Code{Code: "DAGL", Description: "Daglig leder"}, Person: &dossier.Person{Name: "Ingrid Solstrand", BirthDate: "1968-03-12"}, Since: "2019-06-23"},
			{Type: dossier.Code{Code: "LEDE", Description: "Styrets leder"}, Person: &dossier.Person{Name: "Per Hansen", BirthDate: "1970-01-01"}, Since: "2020-01-02"},
			{Type: dossier.Code{Code: "REVI", Description: "Revisor"}, Unit: &dossier.UnitRef{Number: "310219622", Name: "NORDKAPP REVISJON AS"}},
			{Type: dossier.Code{Code: "DTPR", Description: "Deltaker med delt ansvar"}, Unit: &dossier.UnitRef{Number: "810006242", Name: "ROLFSENS DELTAKER AS"}, Share: "50%"},
		},
		Sources: []dossier.Source{
			{ID: "brreg", Status: dossier.StatusFound, Fetched: fakeTime},
			{ID: "grunndata", Status: dossier.StatusFound, Fetched: fakeTime, Notes: []dossier.SourceNote{
				{Code: "1116", Problem: "no_fax", Message: "No fax number registered."},
				{Code: "1119", Problem: "no_website", Message: "No website registered."},
				{Code: "1180", Problem: "no_role_block", Message: "A block of roles (a set of roles) is not registered."},
			}},
		},
	}
}

// showIn draws dos in a dossier view in language lng and returns the
// view; the language is English again after the test.
func showIn(t *testing.T, lng string, dos *dossier.Dossier) *dossierView {
	t.Helper()
	t.Setenv("LANGUAGE", lng)
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage(lng); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = guikit.ApplyLanguage("en") })
	win := fa.NewWindow("Motpart")
	v := newDossierView(guikit.NewHost(fa, win), dossierOnlyDesk{}, func(string) {})
	v.show(dos)
	win.SetContent(v.box)
	win.Resize(fyne.NewSize(800, 600))
	return v
}

// roleTable is the table of roles in the Company tab: its cells' texts,
// row by row.
func roleTable(t *testing.T, v *dossierView) [][]string {
	t.Helper()
	table := v.roleTable
	if table == nil || !slices.Contains(v.tabs.Items[0].Content.(*fyne.Container).Objects, fyne.CanvasObject(table)) {
		t.Fatal("no role table in the Company tab")
	}
	var rows [][]string
	for i := 0; i+2 < len(table.Objects); i += 3 {
		var row []string
		for _, cell := range table.Objects[i : i+3] {
			row = append(row, strings.Join(guitest.TextsIn(cell), " | "))
		}
		rows = append(rows, row)
	}
	return rows
}

func TestCompanyTabInNorwegian(t *testing.T) {
	v := showIn(t, "nb", richDossier())
	company := v.tabs.Items[0].Content
	texts := guitest.TextsIn(company)
	for _, want := range []string{
		nb("10_000_000_NOK"), nb("1_234"), "19.12.2007",
		"51 00 11 22", "905 73 014", // phone and mobile, each on its own line
		"Telefon", "Mobil",
		"Allmennaksjeselskap (ASA)",
		"Postboks 9\n11122 STOCKHOLM\nSverige",
		"10.200 Bearbeiding og konservering av fisk",
		"Kursiv tekst er registerets egen ordlyd og er ikke oversatt.",
		"• Noen rolleblokker er ikke registrert.",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in\n%s", want, strings.Join(texts, "\n"))
		}
	}
	for _, text := range texts {
		for _, noise := range []string{"faks", "fax", "hjemmeside", "nettsted", "51 00 11 22 905 73 014"} {
			if strings.Contains(strings.ToLower(text), noise) {
				t.Errorf("noise %q shown: %q", noise, text)
			}
		}
	}
	rows := roleTable(t, v)
	want := [][]string{
		{"Rolle", "Navn", "Siden"},
		{"Daglig leder", "Ingrid Solstrand (født 12.03.1968)", "23.06.2019"},
		{"Styrets leder", "Per Hansen (født 01.01.1970)", "02.01.2020"},
		{"Revisor", "NORDKAPP REVISJON AS (310219622)", ""},
		{"Deltaker med delt ansvar", "ROLFSENS DELTAKER AS (810006242) | " + nb("Ansvarsandel: 50_%"), ""},
	}
	if !slices.EqualFunc(rows, want, slices.Equal[[]string]) {
		t.Errorf("role table\n%q\nwant\n%q", rows, want)
	}
	if _, ok := v.units["310219622"]; !ok {
		t.Error("the auditor is no link")
	}
}

func TestCompanyTabShowsTheUnitsItPointsTo(t *testing.T) {
	sub := &dossier.Dossier{Number: "310126144", Country: "NO", Fetched: fakeTime,
		Company: &dossier.Company{Number: "310126144", Name: "SOLSTRAND INDUSTRIER ASA AVD BERGEN", SubUnit: true, Parent: "311111116"},
		Sources: []dossier.Source{{ID: "brreg", Status: dossier.StatusFound,
			Redirect: &dossier.Redirect{Reason: "sub_unit", Number: "311111116", Name: "SOLSTRAND INDUSTRIER ASA"}}}}
	dup := &dossier.Dossier{Number: "310322199", Country: "NO", Fetched: fakeTime,
		Company: &dossier.Company{Number: "310322199", Name: "FJELLHEIM BYGG AS", Deleted: true, DeletedDate: "2019-03-15"},
		Sources: []dossier.Source{
			{ID: "brreg", Status: dossier.StatusDeleted, Date: "2019-03-15"},
			{ID: "grunndata", Status: dossier.StatusFound, Code: "1",
				Redirect: &dossier.Redirect{Reason: "duplicate", Code: "1", Number: "310335266", Name: "FJELLHEIM BYGG NY AS"}},
		}}
	for _, tt := range []struct {
		name   string
		dos    *dossier.Dossier
		link   string // the number the link opens
		want   string // its text
		before string // a text the link comes before
		times  int    // how often the number is shown
	}{
		// In the facts, and again under the source that says the legal
		// unit is named below.
		{"a sub-unit's legal unit, by name", sub, "311111116", "SOLSTRAND INDUSTRIER ASA (311111116)", "Kilder", 2},
		{"the correct unit of a duplicate, on top", dup, "310335266",
			"Slettet som duplikat: åpne riktig enhet FJELLHEIM BYGG NY AS (310335266)", "Organisasjonsnummer", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := showIn(t, "nb", tt.dos)
			l, ok := v.units[tt.link]
			if !ok {
				t.Fatalf("no link to %s", tt.link)
			}
			if l.Text != tt.want {
				t.Errorf("link %q, want %q", l.Text, tt.want)
			}
			texts := guitest.TextsIn(v.tabs.Items[0].Content)
			at, before := slices.Index(texts, tt.want), slices.Index(texts, tt.before)
			if at < 0 || before < 0 || at > before {
				t.Errorf("the link is at %d, %q at %d:\n%s", at, tt.before, before, strings.Join(texts, "\n"))
			}
			if n := strings.Count(strings.Join(texts, "\n"), tt.link); n != tt.times {
				t.Errorf("%s shown %d times, want %d", tt.link, n, tt.times)
			}
		})
	}
}

func TestOwnersTabInFinnish(t *testing.T) {
	dos := richDossier()
	dos.Owners = &dossier.Owners{Number: dos.Number, Source: "online", Status: dossier.Code{Code: dossier.OwnersAllIdentified},
		Owners: []dossier.BeneficialOwner{{Name: "Ingrid Solstrand", BirthYear: "1968",
			Residence:    &dossier.Code{Code: "SWE", Description: "Sverige"},
			Citizenships: []dossier.Code{{Code: "NOR", Description: "Norge"}, {Code: "SWE", Description: "Sverige"}},
			Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.eier"},
				Interval: &dossier.Code{Code: "stoerrelseintervall.int2"}, Basis: []dossier.Code{{Code: "grunnlagtype.indi"}},
				Intermediates: []dossier.UnitRef{{Name: "NORDIC HOLD AB", ForeignNumber: "556000-0001", Country: "SE"}}}}}}}
	v := showIn(t, "fi", dos)
	texts := guitest.TextsIn(v.tabs.Items[1].Content)
	for _, want := range []string{
		"Asuu maassa Ruotsi",
		"Kansalaisuus: Norja, Ruotsi",
		"Omistaa " + nb("50–74,99_%") + " (välillisesti)",
		"NORDIC HOLD AB (Ruotsi 556000-0001)",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in\n%s", want, strings.Join(texts, "\n"))
		}
	}
}
