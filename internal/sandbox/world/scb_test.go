package world

import (
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/ident"
)

func TestSECompanies(t *testing.T) {
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cs := w.SECompanies()
	forms := map[string]int{}
	sectors := map[string]bool{}
	for _, c := range cs {
		if !LuhnSE(c.Digits()) {
			t.Errorf("%s fails the Luhn check", c.OrgNr)
		}
		want := ident.SEOrgNr
		if c.Century != "" {
			want = ident.SEPnr
		}
		if n, err := ident.Parse(c.PeOrgNr(), ident.Options{Country: ident.CountrySE}); err != nil || n.Kind() != want {
			t.Errorf("%s: ident says %v, %v; want %s", c.PeOrgNr(), n.Kind(), err, want)
		}
		forms[c.LegalForm]++
		sectors[c.Sector] = true
		if got, ok := w.SECompany(c.PeOrgNr()); !ok || got.OrgNr != c.OrgNr {
			t.Errorf("SECompany(%s) = %v, %v", c.PeOrgNr(), got, ok)
		}
	}
	for _, f := range SELegalForms() {
		if forms[f.Code] == 0 {
			t.Errorf("no unit of legal form %s %s", f.Code, f.Description)
		}
	}
	if forms["10"] < 3 || len(sectors) < 8 {
		t.Errorf("%d sole traders, %d sectors", forms["10"], len(sectors))
	}
	// The Swedish companies BankID serves have the same names at SCB.
	for _, n := range []string{SEOrgNr, SESanctionsOrgNr, SEFirmOrgNr, "559012-3450"} {
		f, ok1 := w.ForeignEntity(n)
		c, ok2 := w.SECompany(n)
		if !ok1 || !ok2 || f.Name != c.Name {
			t.Errorf("%s: BankID %v, SCB %v", n, f, c)
		}
	}
	// The Swedish owner of a Norwegian unit.
	owns := false
	for _, o := range w.Ownerships {
		owns = owns || o.Owner.Foreign == SEHoldingOrgNr && o.Company == RichestOrgNr
	}
	if !owns {
		t.Error("SEHoldingOrgNr owns no part of RichestOrgNr")
	}
	tests := []struct {
		number, name, peOrgNr string
	}{
		{SESoleTraderPNr, "Åsa Ekström", "198112189876"},
		{SESoleTrader2000PNr, "Elin Öhman", "200109234567"},
		{"5566778899", "Norrsken Kapital AB", "165566778899"},
		{"169696543215", "Café Åkerblom HB", "169696543215"},
		{SEUmlautOrgNr, "Müller & Söner KB", "169165234569"},
	}
	for _, tt := range tests {
		c, ok := w.SECompany(tt.number)
		if !ok || c.Name != tt.name || c.PeOrgNr() != tt.peOrgNr {
			t.Errorf("SECompany(%s) = %+v, %v", tt.number, c, ok)
		}
	}
	if _, ok := w.SECompany(SENotInRegisterOrgNr); ok || !LuhnSE(strings.ReplaceAll(SENotInRegisterOrgNr, "-", "")) {
		t.Error("SENotInRegisterOrgNr")
	}
	latin := ""
	for _, c := range cs {
		latin += c.Name
	}
	for _, r := range "ÅÄÖÉÜåäöéü" {
		if !strings.ContainsRune(latin, r) {
			t.Errorf("no %c in the Swedish names", r)
		}
	}
}

func TestLuhnSE(t *testing.T) {
	tests := []struct {
		d  string
		ok bool
	}{
		{"5560747569", true}, {"5562529155", true}, {"5560743089", true}, {"2021005489", true}, {"8112189876", true},
		{"5565631157", false}, {"556074756", false}, {"556074756x", false},
	}
	for _, tt := range tests {
		if got := LuhnSE(tt.d); got != tt.ok {
			t.Errorf("LuhnSE(%s) = %v", tt.d, got)
		}
		if len(tt.d) == 10 && tt.ok && LuhnCheckDigit(tt.d[:9]) != tt.d[9] {
			t.Errorf("LuhnCheckDigit(%s)", tt.d[:9])
		}
	}
}
