package rrh

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// partnerDoc is the Partner API's documented example (spec §4.2), with
// the synthetic values of the docs.
const partnerDoc = `{
  "registreringId": "3b0f7c1e-2a44-4e1e-9a51-5d8d2f0b9c11",
  "registreringStatus": { "kode": "registreringstatus.regi", "kodetekst": "Reelle rettighetshavere er registrert" },
  "registrertDato": "2025-11-03T10:15:42.123456Z",
  "reelleRettighetshavereStatus": { "kode": "reellerettighetshaverestatus.arid", "kodetekst": "…alle reelle rettighetshavere er identifisert" },
  "registreringspliktigVirksomhet": { "organisasjonsnummer": "313513408" },
  "regulertMarked": { "type": "markedtype.oslo", "navn": "Oslo Børs", "landkode": {"landkode": "NOR", "land": "Norge"} },
  "reelleRettighetshavere": [
    {
      "folkeregistrertPerson": {
        "foedselsEllerDNummer": "05910298382", "foedselsdato": "2002-11-05", "foedselsaar": "2002",
        "navn": { "fornavn": "STOLT EFFEKTIV", "mellomnavn": "KUL", "etternavn": "PARASOLL" }, "erDoed": false,
        "statsborgerskap": [ { "landkode": "NOR", "land": "Norge" }, { "landkode": "MEX", "land": "Mexico" } ]
      },
      "bostedsland": { "landkode": "NOR", "land": "Norge" },
      "erUnntattFraInnsyn": false,
      "posisjoner": [
        { "type": { "kode": "posisjontype.eier", "kodetekst": "Eierskap" },
          "stoerrelseIntervall": { "kode": "stoerrelseintervall.int2", "kodetekst": "50% - 74,99%" },
          "grunnlag": [ { "kode": "grunnlagtype.dire", "kodetekst": "Direkte" } ],
          "mellomliggendeVirksomheter": [] }
      ],
      "foerstRegistrertDato": "2025-11-03T10:15:40.001Z", "endretDato": "2025-11-03T10:15:40.001Z"
    },
    {
      "utenlandskPerson": { "foedselsdato": "1983-03-24", "foedselsaar": "1983", "fulltNavn": "GILL BATES",
        "statsborgerskap": [ { "landkode": "DEU", "land": "Tyskland" } ] },
      "bostedsland": { "landkode": "USA", "land": "USA" },
      "erUnntattFraInnsyn": false,
      "posisjoner": [
        { "type": { "kode": "posisjontype.kont" },
          "stoerrelseIntervall": { "kode": "STOERRELSEINTERVALL.INT1" },
          "grunnlag": [ { "kode": "grunnlagtype.indi", "kodetekst": "Indirekte" } ],
          "mellomliggendeVirksomheter": [
            { "virksomhet": { "organisasjonsnummer": 974760673 } },
            { "utenlandskVirksomhet": { "registreringsnummerIHjemlandet": "556074-7569", "navn": "HOLDING AB",
              "internasjonalAdresse": { "friAdressetekst": "Storgatan 1", "landkode": { "landkode": "SWE", "land": "Sverige" } } } }
          ] },
        { "type": { "kode": "posisjontype.anne", "kodetekst": "Kontroll på annen måte" }, "grunnlag": [],
          "beskrivelseAnnenMaate": "Vetorett etter aksjonæravtale.\nLinje to." }
      ]
    }
  ]
}`

// v1Doc is a v1 "Virksomheter" answer [U], in the shape of the public
// example: two registrations, the current one second.
const v1Doc = `{
  "organisasjonsnummer": "310219622",
  "foerstRegistrertIRegisterOverReelleRettighetshavere": "2024-09-26T10:22:02.634Z",
  "registreringer": [
    {
      "registreringsid": "0198c614-dfcc-4e65-bc96-4fdaf2c2c22b",
      "registreringsstatus": { "kode": "registreringsstatus.rettighetsinformasjonErRegistrert", "kodenavn": "Rettighetsinformasjon er registrert" },
      "registrert": "2024-10-08T13:11:28.956Z",
      "erGjeldendeRegistrering": true,
      "reelleRettighetshaverestatus": { "kode": "reellerettighetshaverestatus.harReelleRettighetshavere",
        "kodenavn": "Virksomheten har meldt at de har reelle rettighetshavere, og at alle reelle rettighetshavere er identifisert" },
      "reelleRettighetshavere": [
        {
          "folkeregistrertPerson": {
            "foedselsEllerDNummer": "26920296504", "foedselsdato": "2002-12-26", "foedselsaar": "2002",
            "navn": { "fornavn": "KORT FORNØYD", "mellomnavn": "DEIG", "etternavn": "SKYVEDØR" }, "erDoed": false,
            "bostedsland": { "landkode": "NOR", "navn": "Norge" },
            "statsborgerskap": [ { "landkode": "NOR", "navn": "Norge" } ]
          },
          "erUnntattFraInnsyn": false, "foerstRegistrert": "2024-10-08T13:11:28.657Z", "endret": "2024-10-08T13:11:28.657Z",
          "posisjoner": [
            { "posisjonstype": { "kode": "posisjonstype.eierskap", "kodenavn": "Eierskap" },
              "stoerrelsesintervall": { "kode": "stoerrelsesintervall.intervall1", "kodenavn": "25,01% - 49,99%" },
              "grunnlagstyper": [ { "kode": "grunnlagstype.indirekte", "kodenavn": "Indirekte" } ],
              "mellomliggendeVirksomheter": [ { "norskVirksomhet": { "organisasjonsnummer": "921903766", "navn": "HOLDING AS" } } ] }
          ]
        },
        {
          "utenlandskPerson": { "foedselsdato": "1960-01-01", "foedselsaar": "1960", "fulltNavn": "SLETTET PERSON",
            "bostedsland": { "landkode": "XUK", "navn": "Uoppgitt" } },
          "erUnntattFraInnsyn": false, "slettet": "2024-10-01T00:00:00Z",
          "posisjoner": []
        }
      ]
    },
    {
      "registreringsid": "0000aaaa-dfcc-4e65-bc96-4fdaf2c2c22b",
      "registreringsstatus": { "kode": "registreringsstatus.rettighetsinformasjonErRegistrert" },
      "registrert": "2024-09-26T10:22:02.634Z",
      "erGjeldendeRegistrering": false,
      "reelleRettighetshaverestatus": { "kode": "reellerettighetshaverestatus.rknv" },
      "reelleRettighetshavere": []
    }
  ]
}`

func TestParsePartner(t *testing.T) {
	o, err := ParseRegistration([]byte(partnerDoc))
	if err != nil {
		t.Fatal(err)
	}
	if o.Number != "313513408" || o.Status.Code != dossier.OwnersAllIdentified || len(o.Owners) != 2 {
		t.Fatalf("%+v", o)
	}
	if want := time.Date(2025, 11, 3, 10, 15, 42, 123456000, time.UTC); !o.Registered.Equal(want) {
		t.Errorf("registered %v", o.Registered)
	}
	s := o.Owners[0]
	want := dossier.BeneficialOwner{
		Name: "STOLT EFFEKTIV KUL PARASOLL", NationalID: "05910298382", BirthDate: "2002-11-05", BirthYear: "2002",
		Citizenships: []dossier.Code{{Code: "NOR", Description: "Norge"}, {Code: "MEX", Description: "Mexico"}},
		Residence:    &dossier.Code{Code: "NOR", Description: "Norge"},
		Positions: []dossier.Position{{
			Type:     dossier.Code{Code: PositionOwnership, Description: "Eierskap"},
			Interval: &dossier.Code{Code: Interval2, Description: "50% - 74,99%"},
			Basis:    []dossier.Code{{Code: BasisDirect, Description: "Direkte"}},
		}},
	}
	if !ownerEqual(s, want) {
		t.Errorf("owner\n got %+v\nwant %+v", s, want)
	}
	g := o.Owners[1]
	if !g.Foreign || g.Name != "GILL BATES" || g.Residence.Code != "USA" || len(g.Positions) != 2 {
		t.Fatalf("%+v", g)
	}
	p := g.Positions[0]
	if p.Type != (dossier.Code{Code: PositionVotes, Description: "Kontroll over stemmerettigheter"}) ||
		*p.Interval != (dossier.Code{Code: Interval1, Description: "25,01% - 49,99%"}) {
		t.Errorf("texts not filled in: %+v %+v", p.Type, p.Interval)
	}
	wantInter := []dossier.UnitRef{{Number: "974760673"}, {ForeignNumber: "556074-7569", Name: "HOLDING AB", Country: "SWE"}}
	if !slices.Equal(p.Intermediates, wantInter) {
		t.Errorf("intermediates %+v", p.Intermediates)
	}
	if other := g.Positions[1]; other.Type.Code != PositionOther || other.Other != "Vetorett etter aksjonæravtale.\nLinje to." || other.Basis != nil {
		t.Errorf("other means: %+v", other)
	}
}

func ownerEqual(a, b dossier.BeneficialOwner) bool {
	if a.Name != b.Name || a.NationalID != b.NationalID || a.BirthDate != b.BirthDate || a.BirthYear != b.BirthYear ||
		a.Foreign != b.Foreign || a.Exempt != b.Exempt || a.Deceased != b.Deceased ||
		!slices.Equal(a.Citizenships, b.Citizenships) || (a.Residence == nil) != (b.Residence == nil) ||
		(a.Residence != nil && *a.Residence != *b.Residence) || len(a.Positions) != len(b.Positions) {
		return false
	}
	for i := range a.Positions {
		p, q := a.Positions[i], b.Positions[i]
		if p.Type != q.Type || p.Other != q.Other || (p.Interval == nil) != (q.Interval == nil) ||
			(p.Interval != nil && *p.Interval != *q.Interval) || !slices.Equal(p.Basis, q.Basis) || !slices.Equal(p.Intermediates, q.Intermediates) {
			return false
		}
	}
	return true
}

func TestParseV1(t *testing.T) {
	o, err := ParseRegistration([]byte(v1Doc))
	if err != nil {
		t.Fatal(err)
	}
	// The current registration, its v1 codes mapped onto the Partner
	// API's; the deleted owner left out.
	if o.Number != "310219622" || o.Status.Code != dossier.OwnersAllIdentified || len(o.Owners) != 1 {
		t.Fatalf("%+v", o)
	}
	if !o.Registered.Equal(time.Date(2024, 10, 8, 13, 11, 28, 956000000, time.UTC)) {
		t.Errorf("registered %v", o.Registered)
	}
	k := o.Owners[0]
	want := dossier.BeneficialOwner{
		Name: "KORT FORNØYD DEIG SKYVEDØR", NationalID: "26920296504", BirthDate: "2002-12-26", BirthYear: "2002",
		Citizenships: []dossier.Code{{Code: "NOR", Description: "Norge"}},
		Residence:    &dossier.Code{Code: "NOR", Description: "Norge"},
		Positions: []dossier.Position{{
			Type:          dossier.Code{Code: PositionOwnership, Description: "Eierskap"},
			Interval:      &dossier.Code{Code: Interval1, Description: "25,01% - 49,99%"},
			Basis:         []dossier.Code{{Code: BasisIndirect, Description: "Indirekte"}},
			Intermediates: []dossier.UnitRef{{Number: "921903766", Name: "HOLDING AS"}},
		}},
	}
	if !ownerEqual(k, want) {
		t.Errorf("owner\n got %+v\nwant %+v", k, want)
	}

	// Without erGjeldendeRegistrering, the latest registration is used.
	latest := strings.ReplaceAll(v1Doc, `"erGjeldendeRegistrering": true,`, "")
	latest = strings.ReplaceAll(latest, `"erGjeldendeRegistrering": false,`, "")
	o, err = ParseRegistration([]byte(latest))
	if err != nil || o.Status.Code != dossier.OwnersAllIdentified {
		t.Errorf("latest: %+v, %v", o, err)
	}
}

func TestParseCases(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		check     func(*dossier.Owners) bool
		err       string
	}{
		{"minimal", `{"registreringspliktigVirksomhet":{"organisasjonsnummer":"999999998"}}`,
			func(o *dossier.Owners) bool { return o.Number == "999999998" && len(o.Owners) == 0 }, ""},
		{"nulls", `{"registreringspliktigVirksomhet":{"organisasjonsnummer":"923609016"},"registrertDato":null,
			"reelleRettighetshavereStatus":null,"reelleRettighetshavere":[{"folkeregistrertPerson":null,"bostedsland":null,"posisjoner":null}]}`,
			func(o *dossier.Owners) bool {
				return len(o.Owners) == 1 && o.Owners[0].Residence == nil && o.Registered.IsZero()
			}, ""},
		{"status as text only", `{"organisasjonsnummer":"923609016","reelleRettighetshavereStatus":{"kodetekst":"Virksomhet har meldt at de ikke har reelle rettighetshavere fordi en utenlandsk offentlig virksomhet eier eller kontrollerer over 75 % av virksomheten"}}`,
			func(o *dossier.Owners) bool { return o.Status.Code == dossier.OwnersForeignState }, ""},
		{"unknown code kept lower case", `{"organisasjonsnummer":"923609016","reelleRettighetshavereStatus":{"kode":"reellerettighetshaverestatus.NYKODE","kodetekst":"Ny"}}`,
			func(o *dossier.Owners) bool {
				return o.Status == dossier.Code{Code: "reellerettighetshaverestatus.nykode", Description: "Ny"}
			}, ""},
		{"v1 not reported yet", `{"organisasjonsnummer":"923609016","registreringer":[{"registreringsstatus":{"kode":"registreringsstatus.rettighetsinformasjonErIkkeMeldt"},"erGjeldendeRegistrering":true}]}`,
			func(o *dossier.Owners) bool {
				return o.Status.Code == RegistrationNotReported && StatusText(o.Status.Code) != "" && len(o.Owners) == 0
			}, ""},
		{"escapes", `{"organisasjonsnummer":"923609016","reelleRettighetshavere":[{"utenlandskPerson":{"fulltNavn":"J\u00d8RGEN \"JR\" \ud83d\ude00 \ud800"}}]}`,
			func(o *dossier.Owners) bool { return o.Owners[0].Name == "JØRGEN \"JR\" 😀 \ufffd" }, ""},
		{"strings for booleans", `{"organisasjonsnummer":"923609016","reelleRettighetshavere":[{"erUnntattFraInnsyn":"true","folkeregistrertPerson":{"erDoed":true,"foedselsdato":"1950-02-03"}}]}`,
			func(o *dossier.Owners) bool {
				b := o.Owners[0]
				return b.Exempt && b.Deceased && b.BirthYear == "1950"
			}, ""},
		{"wrong types skipped", `{"organisasjonsnummer":"923609016","reelleRettighetshavere":{"a":1},"registrertDato":[1,2]}`,
			func(o *dossier.Owners) bool { return len(o.Owners) == 0 }, ""},
		{"no number", `{"reelleRettighetshavere":[]}`, nil, "no organisation number"},
		{"not an object", `[1]`, nil, "not a JSON object"},
		{"trailing data", `{"organisasjonsnummer":"923609016"} x`, nil, "after the value"},
		{"bad literal", `{"organisasjonsnummer":"923609016","erGjeldendeRegistrering":tru}`, nil, "invalid literal"},
		{"control char", "{\"organisasjonsnummer\":\"92360\x019016\"}", nil, "control character"},
		{"bad escape", `{"organisasjonsnummer":"9236\x09016"}`, nil, "invalid escape"},
		{"cut short", `{"organisasjonsnummer":"923609016",`, nil, "member name"},
		{"deep", `{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `,"organisasjonsnummer":"923609016"}`, nil, "nested deeper than 64"},
		{"bad number", `{"organisasjonsnummer":-01}`, nil, "expected ',' or '}'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := ParseRegistration([]byte(tc.doc))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(o) {
				t.Errorf("%+v", o)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	owner := `{"utenlandskPerson":{"fulltNavn":"A"},"posisjoner":[` + strings.Repeat(`{"type":{"kode":"posisjontype.eier"}},`, 150) + `{}]}`
	doc := `{"organisasjonsnummer":"923609016","reelleRettighetshavere":[` + owner + `]}`
	_, err := ParseRegistration([]byte(doc))
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != LimitPositions {
		t.Errorf("positions: %v", err)
	}
	doc = `{"organisasjonsnummer":"923609016","reelleRettighetshavere":[` + strings.Repeat(`{"utenlandskPerson":{"fulltNavn":"A"}},`, DefaultMaxOwners) + `{}]}`
	if _, err := ParseRegistration([]byte(doc)); !errors.As(err, &le) || le.Limit != LimitOwners {
		t.Errorf("owners: %v", err)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2022-03-28T11:18:41.867822Z":       time.Date(2022, 3, 28, 11, 18, 41, 867822000, time.UTC),
		"2022-02-07T06:07:50.072Z":          time.Date(2022, 2, 7, 6, 7, 50, 72000000, time.UTC),
		"2023-04-25T14:36:24.39155Z":        time.Date(2023, 4, 25, 14, 36, 24, 391550000, time.UTC),
		"2022-02-14T09:13:45Z":              time.Date(2022, 2, 14, 9, 13, 45, 0, time.UTC),
		"2022-02-14T09:13:45.123456789123Z": time.Date(2022, 2, 14, 9, 13, 45, 123456789, time.UTC),
		"2022-02-14T10:13:45.5+01:00":       time.Date(2022, 2, 14, 9, 13, 45, 500000000, time.UTC),
		"2022-02-14T09:13:45":               time.Date(2022, 2, 14, 9, 13, 45, 0, time.UTC),
		"2022-02-14":                        time.Date(2022, 2, 14, 0, 0, 0, 0, time.UTC),
	} {
		if got, ok := parseTime([]byte(in)); !ok || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("parseTime(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2022", "2022-13-01", "2022-02-14T25:00:00Z", "2022-02-14T09:13:45.Z", "2022-02-14T09:13:45+1", "i dag"} {
		if _, ok := parseTime([]byte(in)); ok {
			t.Errorf("parseTime(%q) ok", in)
		}
	}
}

func TestCodes(t *testing.T) {
	for _, tc := range []struct{ in, canonical, en string }{
		{"reellerettighetshaverestatus.arid", dossier.OwnersAllIdentified, "The company has beneficial owners, and all of them are identified"},
		{"REELLERETTIGHETSHAVERESTATUS.NRKI", dossier.OwnersSomeIdentified, "The company has beneficial owners, but some of them cannot be identified"},
		{"reellerettighetshaverestatus.irki", dossier.OwnersNoneIdentified, "The company has beneficial owners, but none of them can be identified"},
		{"reellerettighetshaverestatus.rikv", dossier.OwnersNone, "The company has no beneficial owners, and is not owned or controlled by a public body"},
		{"reellerettighetshaverestatus.rknv", dossier.OwnersNorwegianState, "The company has no beneficial owners, because a Norwegian public body owns or controls more than 75 % of it"},
		{"reellerettighetshaverestatus.rkuv", dossier.OwnersForeignState, "The company has no beneficial owners, because a foreign public body owns or controls more than 75 % of it"},
		{"reellerettighetshaverestatus.harReelleRettighetshavere", dossier.OwnersAllIdentified, "The company has beneficial owners, and all of them are identified"},
		{"registreringsstatus.rettighetsinformasjonErIkkeMeldt", RegistrationNotReported, "The company must register its beneficial owners but has not reported them yet"},
	} {
		if got := CanonicalCode(tc.in); got != tc.canonical {
			t.Errorf("CanonicalCode(%q) = %q", tc.in, got)
		}
		if got := StatusText(tc.in); got != tc.en {
			t.Errorf("StatusText(%q) = %q", tc.in, got)
		}
	}
	for in, want := range map[string]string{
		"posisjontype.eier": "Ownership", "posisjonstype.kontrollOverStemmerettigheter": "Control of voting rights",
		"posisjontype.ruas": "Right to appoint or remove at least half of the board members", "grunnlagtype.anne": "Control by other means",
	} {
		if got := PositionText(in); got != want {
			t.Errorf("PositionText(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]string{"stoerrelseIntervall.int1": "25.01–49.99 %", "stoerrelsesintervall.intervall2": "50–74.99 %", "stoerrelseintervall.int3": "75–100 %"} {
		if got := IntervalText(in); got != want {
			t.Errorf("IntervalText(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]string{"grunnlagtype.dire": "Direct", "grunnlagstype.indirekte": "Indirect", "GRUNNLAGTYPE.ENAV": "Agreement or arrangement"} {
		if got := BasisText(in); got != want {
			t.Errorf("BasisText(%q) = %q", in, got)
		}
	}
	if StatusText("posisjontype.eier") != "" || PositionText("nonsense") != "" {
		t.Error("texts for codes of another kind")
	}
	// From texts only (the CSV).
	for _, tc := range []struct {
		k         codeKind
		txt, want string
	}{
		{kindBasis, "Direkte", BasisDirect},
		{kindBasis, "Indirekte", BasisIndirect},
		{kindBasis, "Enighet eller avtale", BasisAgreement},
		{kindPosition, "Kontroll på annen måte", PositionOther},
		{kindInterval, "75% - 100%", Interval3},
		{kindStatus, "Virksomheten har meldt at de ikke har reelle rettighetshavere, og at de ikke er eid eller kontrollert av offentlig virksomhet", dossier.OwnersNone},
		{kindStatus, "Something else", ""},
	} {
		if got := normCode(tc.k, "", tc.txt); got.Code != tc.want || got.Description != tc.txt {
			t.Errorf("normCode(%q) = %+v, want %q", tc.txt, got, tc.want)
		}
	}
}

func TestSplitMulti(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                     nil,
		"Norge":                                {"Norge"},
		"Norge,Mexico":                         {"Norge", "Mexico"},
		"Tyskland,Sverige,USA":                 {"Tyskland", "Sverige", "USA"},
		"Direkte,Enighet eller avtale":         {"Direkte", "Enighet eller avtale"},
		"Kongo, Den demokratiske republikken":  {"Kongo, Den demokratiske republikken"},
		"Norge,Kongo, Den demokratiske rep.,,": {"Norge", "Kongo, Den demokratiske rep."},
	} {
		if got := splitMulti(in); !slices.Equal(got, want) {
			t.Errorf("splitMulti(%q) = %q, want %q", in, got, want)
		}
	}
}
