package brreg

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// recordedDir holds responses recorded from the live open API
// (/work/shared/reference, outside the module).
const recordedDir = "../../../../shared/reference/enhetsregisteret-recorded"

// recorded returns the recorded response name, skipping the test when the
// reference folder is absent.
func recorded(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(recordedDir, name))
	if os.IsNotExist(err) {
		tb.Skipf("reference data absent: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func addr(lines []string, postal, city, kommunenr string) *dossier.Address {
	return &dossier.Address{Lines: lines, PostalCode: postal, City: city, Municipality: city,
		MunicipalityNumber: kommunenr, Country: "Norge", CountryCode: "NO"}
}

// The expected parse of every recorded file, by name.
var recordedWant = map[string]any{
	"enheter-details-response.json": &dossier.Company{
		Number:             "112233445",
		Name:               "SESAM STASJON",
		Form:               dossier.Code{Code: "AS", Description: "Aksjeselskap"},
		PostalAddress:      addr([]string{"c/o reder K. Rusing", "Postboks 1752 Vika"}, "0122", "OSLO", "0301"),
		BusinessAddress:    addr([]string{"Tyvholmen 1"}, "0101", "OSLO", "0301"),
		Industry:           []dossier.Code{{Code: "52.292", Description: "Skipsmegling"}},
		Registered:         "2017-10-20",
		Founded:            "2017-10-20",
		Employees:          new(50),
		InBusinessRegister: true,
		InVATRegister:      true,
	},
	"enheter-details-deleted-response.json": &dossier.Company{
		Number:      "123456789",
		Name:        "SLETTET ENHET AS",
		Form:        dossier.Code{Code: "UTBG", Description: "Frivillig registrert utleiebygg"},
		Deleted:     true,
		DeletedDate: "2017-10-20",
	},
	"underenheter-details-response.json": &dossier.Company{
		Number:          "776655441",
		Name:            "SESAM STASJON",
		Form:            dossier.Code{Code: "BEDR", Description: "Bedrift"},
		PostalAddress:   addr([]string{"c/o reder K. Rusing", "Postboks 1752 Vika"}, "0122", "OSLO", "0301"),
		LocationAddress: addr([]string{"Tyvholmen 1"}, "0122", "OSLO", "0301"),
		Industry:        []dossier.Code{{Code: "52.292", Description: "Skipsmegling"}},
		Registered:      "2017-10-20",
		Employees:       new(50),
		InVATRegister:   true,
		SubUnit:         true,
		Parent:          "112233445",
		ClosedDate:      "2018-10-20", // nedleggelsesdato, ignored before issue 11
	},
	"underenheter-details-deleted-response.json": &dossier.Company{
		Number:      "987123456",
		Name:        "SLETTET UNDERENHET AS",
		Form:        dossier.Code{Code: "AAFY", Description: "Virksomhet til ikke-næringsdrivende person"},
		Deleted:     true,
		DeletedDate: "2017-10-20",
		SubUnit:     true,
		ClosedDate:  "2017-10-05", // nedleggelsesdato, ignored before issue 11
	},
	"enheter-roller-enhet-response.json": []dossier.Role{
		{
			Group: dossier.Code{Code: "DELT", Description: "Deltakere"},
			Type:  dossier.Code{Code: "DTPR", Description: "Deltaker med delt ansvar"},
			Unit:  &dossier.UnitRef{Number: "810006242", Name: "Rolfsens Deltakerorganisasjon AS", Form: "AS"},
			Share: "50%",
			Since: "2021-02-01", // the group's sistEndret
		},
		{
			Group: dossier.Code{Code: "DELT", Description: "Deltakere"},
			Type:  dossier.Code{Code: "DTPR", Description: "Deltaker med delt ansvar"},
			Unit:  &dossier.UnitRef{Number: "810004282", Name: "Sult AS", Form: "AS"},
			Share: "50%",
			Since: "2021-02-01", // the group's sistEndret
		},
	},
	"enheter-roller-person-response.json": []dossier.Role{{
		Group:     dossier.Code{Code: "STYR", Description: "Styre"},
		Type:      dossier.Code{Code: "LEDE", Description: "Styrets leder"},
		Person:    &dossier.Person{Name: "Ove Olsen", BirthDate: "1981-01-01"},
		ElectedBy: "Representant for A-aksjonærene",
		Since:     "2019-01-01", // the group's sistEndret
	}},
	"enheter-search-empty-response.json":      SearchPage{Page: 0, Size: 20},
	"underenheter-search-empty-response.json": SearchPage{Page: 0, Size: 20},
	"enheter-search-page1-response.json": SearchPage{Page: 0, Size: 2, TotalElements: 3, TotalPages: 2, Units: []dossier.Company{
		{
			Number:             "976030788",
			Name:               "SESAM AS",
			Form:               dossier.Code{Code: "AS", Description: "Aksjeselskap"},
			BusinessAddress:    addr([]string{"Elgeseter gate 1"}, "7030", "TRONDHEIM", "5001"),
			Industry:           []dossier.Code{{Code: "56.101", Description: "Drift av restauranter og kafeer"}},
			Sector:             &dossier.Code{Code: "2100", Description: "Private aksjeselskaper mv."},
			Registered:         "1996-01-25",
			Founded:            "1995-12-12",
			Employees:          new(10), // no harRegistrertAntallAnsatte in this older answer
			InBusinessRegister: true,
			InVATRegister:      true,
		},
		{
			Number:          "971497017",
			Name:            "SESAM FAMILIEBARNEHAGE",
			Form:            dossier.Code{Code: "FLI", Description: "Forening/lag/innretning"},
			BusinessAddress: addr([]string{"Colletts gate 44"}, "0169", "OSLO", "0301"),
			Industry:        []dossier.Code{{Code: "88.911", Description: "Barnehager"}},
			Sector:          &dossier.Code{Code: "2100", Description: "Private aksjeselskaper mv."},
			Registered:      "1995-02-20",
			Founded:         "1995-02-20",
		},
	}},
	"enheter-search-page2-response.json": SearchPage{Page: 1, Size: 1, TotalElements: 3, TotalPages: 2, Units: []dossier.Company{{
		Number:          "988879134",
		Name:            "SESAM FILMKLUBB",
		Form:            dossier.Code{Code: "FLI", Description: "Forening/lag/innretning"},
		Website:         "www.sesam.filmklubb.blogspot.com",
		PostalAddress:   addr([]string{"FVS", "Boks 40"}, "1751", "HALDEN", "3101"),
		BusinessAddress: addr([]string{"Frivilligsentralen", "Violgata 14"}, "1776", "HALDEN", "3101"),
		Industry:        []dossier.Code{{Code: "94.991", Description: "Aktiviteter i andre interesseorganisasjoner ikke nevnt annet sted"}},
		Sector:          &dossier.Code{Code: "7000", Description: "Ideelle organisasjoner"},
		Registered:      "2005-11-12",
		Founded:         "2005-06-20",
	}}},
	"enheter-search-response.json": SearchPage{Page: 0, Size: 1, TotalElements: 1, TotalPages: 1, Units: []dossier.Company{{
		Number:             "112233445",
		Name:               "SESAM STASJON",
		Form:               dossier.Code{Code: "AS", Description: "Aksjeselskap"},
		PostalAddress:      addr([]string{"c/o reder K. Rusing", "Postboks 1752 Vika"}, "0122", "OSLO", "0301"),
		BusinessAddress:    addr([]string{"Tyvholmen 1"}, "0101", "OSLO", "0301"),
		Industry:           []dossier.Code{{Code: "52.292", Description: "Skipsmegling"}},
		Registered:         "2017-10-20",
		Founded:            "2017-10-20",
		Employees:          new(50),
		InBusinessRegister: true,
		InVATRegister:      true,
	}}},
	"underenheter-search-response.json": SearchPage{Page: 0, Size: 1, TotalElements: 1, TotalPages: 1, Units: []dossier.Company{{
		Number:          "334455660",
		Name:            "TRYLLEBUTIKKEN SESAM",
		Form:            dossier.Code{Code: "BEDR", Description: "Bedrift"},
		LocationAddress: addr([]string{"Sagstua"}, "2120", "NORD-ODAL", "0418"),
		Industry:        []dossier.Code{{Code: "90.012", Description: "Utøvende kunstnere og underholdsningsvirksomhet innen scenekunst"}},
		Registered:      "2017-10-20",
		InVATRegister:   true,
		SubUnit:         true,
		Parent:          "443322119",
	}}},
}

// parseRecorded parses a recorded file by what its name says it is.
func parseRecorded(name string, data []byte) (any, error) {
	sub := strings.HasPrefix(name, "underenheter-")
	switch {
	case strings.Contains(name, "-roller-"):
		return parseRoles(data)
	case strings.Contains(name, "-search"):
		return parseSearch(data, sub)
	case strings.Contains(name, "-details"):
		return parseUnit(data, sub)
	}
	return nil, nil
}

func TestRecordedResponses(t *testing.T) {
	entries, err := os.ReadDir(recordedDir)
	if os.IsNotExist(err) {
		t.Skipf("reference data absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			got, err := parseRecorded(name, recorded(t, name))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			want, ok := recordedWant[name]
			if !ok || got == nil {
				t.Fatalf("no expectation for %s: add one", name)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", "  ")
				w, _ := json.MarshalIndent(want, "", "  ")
				t.Errorf("parse mismatch\n got: %s\nwant: %s", g, w)
			}
		})
		checked++
	}
	if checked != len(recordedWant) {
		t.Errorf("checked %d recorded files, expected %d", checked, len(recordedWant))
	}
}

func TestRecordedSubUnitRefs(t *testing.T) {
	refs, total, pages, err := parseSubUnitRefs(recorded(t, "underenheter-search-response.json"))
	want := []dossier.UnitRef{{Number: "334455660", Name: "TRYLLEBUTIKKEN SESAM", Form: "BEDR",
		Address: &dossier.Address{Lines: []string{"Sagstua"}, PostalCode: "2120", City: "NORD-ODAL", Municipality: "NORD-ODAL", MunicipalityNumber: "0418", Country: "Norge", CountryCode: "NO"}}}
	if err != nil || !reflect.DeepEqual(refs, want) || total != 1 || pages != 1 {
		t.Errorf("got %+v, %d, %d, %v", refs, total, pages, err)
	}
	refs, total, pages, err = parseSubUnitRefs(recorded(t, "underenheter-search-empty-response.json"))
	if err != nil || refs != nil || total != 0 || pages != 0 {
		t.Errorf("empty: got %+v, %d, %d, %v", refs, total, pages, err)
	}
}

func TestParseUnitFields(t *testing.T) {
	// The members the recorded files lack, as §3.2 describes them.
	data := `{
	  "organisasjonsnummer": "313513408", "navn": "TENOR REGNSKAP AS",
	  "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
	  "naeringskode1": {"kode": "69.201", "beskrivelse": "Regnskap og bokføring"},
	  "naeringskode2": {"kode": "62.010", "beskrivelse": "Programmeringstjenester"},
	  "naeringskode3": {"kode": "", "beskrivelse": ""},
	  "institusjonellSektorkode": {"kode": "2100", "beskrivelse": "Private aksjeselskaper mv."},
	  "antallAnsatte": 0, "harRegistrertAntallAnsatte": true,
	  "epostadresse": "post@tenor.example", "telefon": "22 00 00 00", "mobil": "900 00 000",
	  "hjemmeside": "www.tenor.example",
	  "kapital": {"belop": 30000.0, "valuta": "NOK", "type": "Aksjekapital"},
	  "vedtektsfestetFormaal": ["Regnskapsføring", null, "", "Regnskapsføring"],
	  "aktivitet": ["Rådgivning"],
	  "konkurs": true, "konkursdato": "2024-02-29",
	  "underAvvikling": true, "underTvangsavviklingEllerTvangsopplosning": true,
	  "overordnetEnhet": "310219622",
	  "forretningsadresse": {"adresse": [null, "", "  "], "land": "", "landkode": ""}
	}`
	c, err := parseUnit([]byte(data), false)
	if err != nil {
		t.Fatal(err)
	}
	want := &dossier.Company{
		Number: "313513408", Name: "TENOR REGNSKAP AS",
		Form: dossier.Code{Code: "AS", Description: "Aksjeselskap"},
		Industry: []dossier.Code{
			{Code: "69.201", Description: "Regnskap og bokføring"},
			{Code: "62.010", Description: "Programmeringstjenester"},
		},
		Sector:    &dossier.Code{Code: "2100", Description: "Private aksjeselskaper mv."},
		Employees: new(0),
		Email:     "post@tenor.example", Phone: "22 00 00 00", Mobile: "900 00 000", Website: "www.tenor.example",
		Capital:                "30000 NOK",
		Purpose:                []string{"Regnskapsføring", "Rådgivning"},
		Bankrupt:               true,
		BankruptDate:           "2024-02-29",
		UnderLiquidation:       true,
		UnderForcedDissolution: true,
		// overordnetEnhet of a legal unit is not a Parent; the empty
		// address is no address.
	}
	if !reflect.DeepEqual(c, want) {
		g, _ := json.MarshalIndent(c, "", "  ")
		t.Errorf("got %s", g)
	}
}

func TestParseUnitRejects(t *testing.T) {
	for name, data := range map[string]string{
		"empty":             ``,
		"array":             `[]`,
		"html":              `<html>Service Unavailable</html>`,
		"cut":               `{"organisasjonsnummer": "112233445", "navn": "SES`,
		"no number":         `{"navn": "SESAM"}`,
		"short number":      `{"organisasjonsnummer": "1122"}`,
		"number as number":  `{"organisasjonsnummer": 112233445}`,
		"bad date":          `{"organisasjonsnummer": "112233445", "stiftelsesdato": "20.10.2017"}`,
		"impossible date":   `{"organisasjonsnummer": "112233445", "slettedato": "2017-02-30"}`,
		"bad capital":       `{"organisasjonsnummer": "112233445", "kapital": {"belop": "mye"}}`,
		"trailing data":     `{"organisasjonsnummer": "112233445"} {}`,
		"address not array": `{"organisasjonsnummer": "112233445", "postadresse": {"adresse": "Gate 1"}}`,
	} {
		if c, err := parseUnit([]byte(data), false); err == nil {
			t.Errorf("%s: accepted: %+v", name, c)
		}
	}
}

func TestParseRolesShapes(t *testing.T) {
	roles, err := parseRoles([]byte(`{"rollegrupper": [{"type": {"kode": "DAGL", "beskrivelse": "Daglig leder/ adm.direktør"},
	  "roller": [
	    {"type": {"kode": "DAGL", "beskrivelse": "Daglig leder/ adm.direktør"},
	     "person": {"fodselsdato": "1950-06-01", "navn": {"fornavn": "Kari", "mellomnavn": "Nordmann", "etternavn": "Hansen"}, "erDoed": true},
	     "avregistrert": true},
	    {"type": {"kode": "REVI", "beskrivelse": "Revisor"},
	     "enhet": {"organisasjonsnummer": "310219622", "navn": ["REVISJON", null, "OG RÅD AS"], "erSlettet": true}}
	  ]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) != 2 {
		t.Fatalf("got %d roles", len(roles))
	}
	if p := roles[0].Person; p == nil || p.Name != "Kari Nordmann Hansen" || !p.Deceased || p.BirthDate != "1950-06-01" || !roles[0].Resigned {
		t.Errorf("person role: %+v %+v", roles[0], p)
	}
	if u := roles[1].Unit; u == nil || u.Name != "REVISJON OG RÅD AS" || !u.Deleted || u.Number != "310219622" {
		t.Errorf("unit role: %+v", u)
	}
	roles, err = parseRoles([]byte(`{"rollegrupper": [], "_links": {}}`))
	if err != nil || roles != nil {
		t.Errorf("no roles: %v %v", roles, err)
	}
	for name, data := range map[string]string{
		"neither": `{"rollegrupper": [{"type": {"kode": "STYR"}, "roller": [{"type": {"kode": "LEDE"}}]}]}`,
		"both":    `{"rollegrupper": [{"type": {"kode": "STYR"}, "roller": [{"type": {"kode": "LEDE"}, "person": {}, "enhet": {"organisasjonsnummer": "310219622"}}]}]}`,
		"no type": `{"rollegrupper": [{"type": {"kode": ""}, "roller": []}]}`,
		"bad nr":  `{"rollegrupper": [{"type": {"kode": "REVI"}, "roller": [{"type": {"kode": "REVI"}, "enhet": {"organisasjonsnummer": "31"}}]}]}`,
		"navn":    `{"rollegrupper": [{"type": {"kode": "REVI"}, "roller": [{"type": {"kode": "REVI"}, "enhet": {"organisasjonsnummer": "310219622", "navn": 5}}]}]}`,
	} {
		if _, err := parseRoles([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestProblemMessage(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"timestamp":"2026-03-15T10:00:00.000+00:00","status":400,"error":"Bad Request","message":"Ugyldig organisasjonsnummer","path":"/enhetsregisteret/api/enheter/12345"}`, "Ugyldig organisasjonsnummer"},
		{`{"status":400,"error":"Bad Request","valideringsfeil":[{"feilmelding":"Organisasjonsnummer må bestå av 9 siffer","parametere":["organisasjonsnummer"]}]}`, "Organisasjonsnummer må bestå av 9 siffer"},
		{`{"status":404,"error":"Not Found"}`, "Not Found"},
		{`<html>nope</html>`, ""},
		{``, ""},
	}
	for _, tt := range tests {
		if got := problemMessage([]byte(tt.body)); got != tt.want {
			t.Errorf("problemMessage(%s) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestFormatAmount(t *testing.T) {
	for in, want := range map[string]string{"30000.0": "30000", "30000": "30000", "1500.50": "1500.5", "1e6": "1000000", "0.00": "0"} {
		if got, err := formatAmount(json.Number(in)); err != nil || got != want {
			t.Errorf("formatAmount(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestOrgNumber(t *testing.T) {
	for in, want := range map[string]string{"923609016": "923609016", "923 609 016": "923609016", " 923.609.016 ": "923609016", "123456789": "123456789"} {
		if got, err := orgNumber(in); err != nil || got != want {
			t.Errorf("orgNumber(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "12345678", "1234567890", "92360901x", "../../admin", "923609016?x=1", "９２３６０９０１６"} {
		if _, err := orgNumber(in); ErrorCode(err) != CodeInvalidNumber {
			t.Errorf("orgNumber(%q) = %v, want invalid_number", in, err)
		}
	}
}

func BenchmarkParseUnitAndRoles(b *testing.B) {
	unit := recorded(b, "enheter-details-response.json")
	roles := recorded(b, "enheter-roller-enhet-response.json")
	b.SetBytes(int64(len(unit) + len(roles)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseUnit(unit, false); err != nil {
			b.Fatal(err)
		}
		if _, err := parseRoles(roles); err != nil {
			b.Fatal(err)
		}
	}
}
