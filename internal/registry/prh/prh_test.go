package prh

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// documented are the fields of the YTJ API's answer and its parts, as
// PRH's OpenAPI description names them (see the package documentation).
var documented = map[string][]string{
	"":                  {"totalResults", "companies"},
	"company":           {"businessId", "euId", "names", "mainBusinessLine", "website", "companyForms", "companySituations", "registeredEntries", "addresses", "tradeRegisterStatus", "status", "registrationDate", "endDate", "lastModified"},
	"businessId":        {"value", "registrationDate", "source"},
	"euId":              {"value", "source"},
	"names":             {"name", "type", "registrationDate", "endDate", "version", "source"},
	"mainBusinessLine":  {"type", "descriptions", "typeCodeSet", "registrationDate", "source"},
	"website":           {"url", "registrationDate", "source"},
	"companyForms":      {"type", "descriptions", "registrationDate", "endDate", "version", "source"},
	"companySituations": {"type", "registrationDate", "endDate", "source"},
	"registeredEntries": {"type", "descriptions", "registrationDate", "endDate", "register", "authority"},
	"addresses":         {"type", "street", "postCode", "postOffices", "postOfficeBox", "buildingNumber", "entrance", "apartmentNumber", "apartmentIdSuffix", "co", "country", "freeAddressLine", "registrationDate", "source"},
	"postOffices":       {"city", "languageCode", "municipalityCode"},
	"descriptions":      {"languageCode", "description"},
}

// keys returns the keys of the JSON object m, sorted.
func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// checkFields fails when an object of part in v has a field the
// documentation does not name.
func checkFields(t *testing.T, part string, v any) {
	t.Helper()
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			checkFields(t, part, e)
		}
	case map[string]any:
		want, ok := documented[part]
		if !ok {
			return
		}
		for _, k := range keys(x) {
			if !slices.Contains(want, k) {
				t.Errorf("%s: field %q is not documented", part, k)
			}
			sub := k
			if part == "" && k == "companies" {
				sub = "company"
			}
			checkFields(t, sub, x[k])
		}
	}
}

// TestFixtureFieldsDocumented checks that the fixture holds only the
// documented fields, and every documented field of a company.
func TestFixtureFieldsDocumented(t *testing.T) {
	b, err := os.ReadFile("testdata/company.json")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	checkFields(t, "", v)
	co := v["companies"].([]any)[0].(map[string]any)
	want := slices.Clone(documented["company"])
	slices.Sort(want)
	if got := keys(co); !slices.Equal(got, want) {
		t.Errorf("company fields = %v, want %v", got, want)
	}
	// The client's types name the same fields: what it reads back and
	// writes again holds no other.
	res, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var w map[string]any
	if err := json.Unmarshal(again, &w); err != nil {
		t.Fatal(err)
	}
	checkFields(t, "", w)
}

func TestToCompany(t *testing.T) {
	b, err := os.ReadFile("testdata/company.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	got := toCompany(&res.Companies[0])
	tests := []struct {
		what      string
		got, want any
	}{
		{"number", got.Number, "0116297-6"},
		{"name", got.Name, "Kuusiston Kone Oy"},
		{"form", got.Form, dossier.Code{Code: "16", Description: "Osakeyhtiö"}},
		{"industry", got.Industry, []dossier.Code{{Code: "28220", Description: "Nosto- ja siirtolaitteiden valmistus"}}},
		{"website", got.Website, "www.kuusistonkone.example.fi"},
		{"registered", got.Registered, "1978-04-12"},
		{"business address", *got.BusinessAddress, dossier.Address{Lines: []string{"c/o Matti Kuusisto", "Teollisuuskatu 21 B 4"}, PostalCode: "00510", City: "HELSINKI", MunicipalityNumber: "091"}},
		{"postal address", *got.PostalAddress, dossier.Address{Lines: []string{"PL 112"}, PostalCode: "00511", City: "HELSINKI", MunicipalityNumber: "091"}},
		{"in business register", got.InBusinessRegister, true},
		{"in VAT register", got.InVATRegister, true},
		{"under liquidation", got.UnderLiquidation, true},
		{"bankrupt", got.Bankrupt, false},
		{"deleted", got.Deleted, false},
		{"standing", got.Standing(), dossier.StandingLiquidation},
		{"EU ID", got.Finnish.EUID, "FIFPRO.0116297-6"},
		{"names", got.Finnish.Names, []dossier.FinnishName{
			{Name: "Kuusiston Konepaja Oy", Kind: dossier.NameTrade, Type: "1", From: "1978-04-12", To: "2009-12-31"},
			{Name: "Kuusiston Kone Oy", Kind: dossier.NameTrade, Type: "1", From: "2010-01-01"},
			{Name: "Kuusisto Maskin Ab", Kind: dossier.NameParallel, Type: "2", From: "1995-09-01"},
		}},
		{"situations", got.Finnish.Situations, []dossier.FinnishSituation{
			{Kind: dossier.SituationRestructuring, Type: "SANE", From: "2020-01-10", To: "2021-02-01"},
			{Kind: dossier.SituationLiquidation, Type: "SELTILA", From: "2026-05-04"},
		}},
		{"registers", len(got.Finnish.Registers), 2},
		{"trade register status", got.Finnish.TradeRegisterStatus, "1"},
		{"last modified", got.Finnish.LastModified, "2026-03-02 09:14:07"},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.what, tt.got, tt.want)
		}
	}
}

func TestCurrentName(t *testing.T) {
	tests := []struct {
		names []name
		want  string
	}{
		{nil, ""},
		{[]name{{Name: "A", Type: "2"}}, "A"},
		{[]name{{Name: "Old", Type: "1", EndDate: "2001-01-01"}, {Name: "Older", Type: "1", EndDate: "1999-01-01"}}, "Old"},
		{[]name{{Name: "Par", Type: "2"}, {Name: "Now", Type: "1"}}, "Now"},
	}
	for _, tt := range tests {
		if got := currentName(tt.names); got != tt.want {
			t.Errorf("currentName(%v) = %q, want %q", tt.names, got, tt.want)
		}
	}
}
