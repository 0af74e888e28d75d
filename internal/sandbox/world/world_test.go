package world

import (
	"github.com/motpart/motpart/internal/testclock"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/ident"
)

func TestWorldNumbersAreValid(t *testing.T) {
	w := testWorld(t)
	for _, u := range w.Units {
		n, err := ident.Parse(u.OrgNr, ident.Options{Country: ident.CountryNO})
		if err != nil || n.Kind() != ident.NOOrgNr {
			t.Errorf("unit %s %s: not a valid organisasjonsnummer: %v", u.OrgNr, u.Name, err)
		}
		if !ValidOrgNr(u.OrgNr) {
			t.Errorf("unit %s: the simulators' own MOD11 disagrees with ident", u.OrgNr)
		}
	}
	for _, n := range []string{NeverCreatedOrgNr, FailureOrgNr} {
		if _, err := ident.Parse(n, ident.Options{Country: ident.CountryNO}); err != nil {
			t.Errorf("%s: %v", n, err)
		}
		if _, ok := w.Unit(n); ok {
			t.Errorf("%s must not be a unit of the world", n)
		}
	}
	dnr := 0
	for _, p := range w.Persons {
		n, err := ident.Parse(p.ID, ident.Options{Country: ident.CountryNO, AllowTestData: true})
		if err != nil {
			t.Errorf("person %s: %v", p.Name(), err)
			continue
		}
		if !n.Synthetic() {
			t.Errorf("person %s: not a synthetic (Tenor) number", p.Name())
		}
		if n.Kind() == ident.NODnr {
			dnr++
		}
		if _, err := ident.Parse(p.ID, ident.Options{Country: ident.CountryNO}); err == nil {
			t.Errorf("person %s: accepted without AllowTestData", p.Name())
		}
	}
	if dnr == 0 {
		t.Error("no person with a D-nummer")
	}
	for _, f := range w.Foreign {
		opt := ident.Options{}
		switch f.Country {
		case "SE":
			opt.Country = ident.CountrySE
		case "FI":
			opt.Country = ident.CountryFI
		default:
			continue // a German HRB number has no check digit
		}
		n, err := ident.ParseOrgNr(f.Number, opt)
		if err != nil || n.String() != f.Number {
			t.Errorf("foreign %s %q: %v (canonical %q)", f.Name, f.Number, err, n.String())
		}
	}
	if n, err := ident.Parse(w.Firm.YTunnus, ident.Options{}); err != nil || n.Kind() != ident.FIYTunnus {
		t.Errorf("firm Y-tunnus %s: %v", w.Firm.YTunnus, err)
	}
}

func TestWorldReferencesResolve(t *testing.T) {
	w := testWorld(t)
	// index checks every reference; run it again on a fresh world.
	fresh, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh.Units) != len(w.Units) {
		t.Fatal("the world is not the same twice")
	}
	for _, u := range w.Units {
		if u.IsSubUnit() {
			p, ok := w.Unit(u.Parent)
			if !ok || p.IsSubUnit() {
				t.Errorf("sub-unit %s: overordnetEnhet %q is not a main unit", u.OrgNr, u.Parent)
			}
		}
		if u.DeletedAs != DeletedPlain {
			if !u.IsDeleted() || u.ReplacedBy == "" {
				t.Errorf("%s: deleted as duplicate/merged needs slettedato and ReplacedBy", u.OrgNr)
			}
		}
		for _, r := range u.Roles {
			if r.Unit != "" {
				if h, _ := w.Unit(r.Unit); h.IsSubUnit() {
					t.Errorf("%s: role %s held by a sub-unit", u.OrgNr, r.Type)
				}
			}
		}
	}
	if w.Firm.OrgNr != FirmOrgNr {
		t.Error("firm orgnr")
	}
	if u, ok := w.Unit(w.Firm.OrgNr); !ok || u.Name != w.Firm.Name {
		t.Error("the firm is not a unit of the world")
	}
	for _, sc := range w.Showcase() {
		if sc.Description == "" {
			t.Errorf("showcase %s: no description", sc.Number)
		}
		if _, ok := w.Unit(sc.Number); !ok && sc.Number != NeverCreatedOrgNr {
			t.Errorf("showcase %s: not in the world", sc.Number)
		}
	}
}

func TestWorldCoverage(t *testing.T) {
	w := testWorld(t)
	main := 0
	forms := map[string]bool{}
	for _, u := range w.Units {
		forms[u.Form] = true
		if !u.IsSubUnit() {
			main++
		}
	}
	if main < 30 {
		t.Errorf("%d Norwegian main units, want at least 30", main)
	}
	for _, f := range []string{"AS", "ASA", "ENK", "NUF", "ANS", "DA", "STI", "FLI", "BEDR", "AAFY"} {
		if !forms[f] {
			t.Errorf("no unit of form %s", f)
		}
	}

	byPerson, byUnit := map[string]bool{}, map[string]bool{}
	for _, u := range w.Units {
		for _, r := range u.Roles {
			if r.Person != "" {
				byPerson[r.Type] = true
			} else {
				byUnit[r.Type] = true
			}
		}
	}
	for _, rt := range []string{"DAGL", "LEDE", "NEST", "MEDL", "VARA", "KONT", "DTSO", "INNH"} {
		if !byPerson[rt] {
			t.Errorf("no role %s held by a person", rt)
		}
	}
	for _, rt := range []string{"REVI", "REGN", "DTPR"} {
		if !byUnit[rt] {
			t.Errorf("no role %s held by a unit", rt)
		}
	}

	has := func(what string, f func(u *Unit) bool) {
		t.Helper()
		for i := range w.Units {
			if f(&w.Units[i]) {
				return
			}
		}
		t.Errorf("no unit that is %s", what)
	}
	replacedBy := func(u *Unit) *Unit { r, _ := w.Unit(u.ReplacedBy); return r }
	has("deleted", func(u *Unit) bool { return u.IsDeleted() && u.DeletedAs == DeletedPlain && !u.IsSubUnit() })
	has("deleted as a duplicate of an active unit", func(u *Unit) bool {
		return u.DeletedAs == DeletedDuplicate && !replacedBy(u).IsDeleted()
	})
	has("merged into an active unit", func(u *Unit) bool { return u.DeletedAs == DeletedMerged && !replacedBy(u).IsDeleted() })
	has("merged into a deleted unit", func(u *Unit) bool { return u.DeletedAs != DeletedPlain && replacedBy(u).IsDeleted() })
	has("a deleted sub-unit", func(u *Unit) bool { return u.IsSubUnit() && u.IsDeleted() && u.Closed != "" })
	has("a registration unit's principal", func(u *Unit) bool { return u.RegistrationUnit != "" })
	has("bankrupt", func(u *Unit) bool { return u.Bankrupt && u.BankruptDate != "" })
	has("under liquidation", func(u *Unit) bool { return u.Liquidation })
	has("under forced dissolution", func(u *Unit) bool { return u.ForcedDissolution })
	has("removed", func(u *Unit) bool { return u.Removed })
	has("without a postal address", func(u *Unit) bool { return !u.IsSubUnit() && u.Postal == nil && !u.IsDeleted() })
	has("without a business address", func(u *Unit) bool { return !u.IsSubUnit() && u.Business == nil })
	has("without a phone", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && u.Phone == "" })
	has("without an e-mail", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && u.Email == "" })
	has("without a homepage", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && u.Homepage == "" })
	has("without a NACE code", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && len(u.NACE) == 0 })
	has("without a sector code", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && u.Sector == nil })
	has("without roles", func(u *Unit) bool { return !u.IsSubUnit() && !u.IsDeleted() && len(u.Roles) == 0 })
	has("with a resigned role", func(u *Unit) bool { return slices.ContainsFunc(u.Roles, func(r Role) bool { return r.Resigned }) })

	rich, ok := w.Unit(RichestOrgNr)
	if !ok {
		t.Fatal("no richest unit")
	}
	if len(rich.NACE) != 3 || rich.Capital == nil || len(rich.Purpose) == 0 || rich.Business == nil || rich.Postal == nil ||
		rich.Phone == "" || rich.Mobile == "" || rich.Fax == "" || rich.Email == "" || rich.Homepage == "" || rich.Sector == nil {
		t.Errorf("the richest unit lacks something: %+v", rich)
	}
	if n := len(w.SubUnits(RichestOrgNr)); n < 3 {
		t.Errorf("the richest unit has %d sub-units, want several", n)
	}
	if len(rich.Roles) < 10 {
		t.Errorf("the richest unit has %d roles, want many", len(rich.Roles))
	}

	// Ownership: multi-level, a cross-holding, foreign owners, a minor.
	owns := func(owner Party, company string) bool {
		return slices.ContainsFunc(w.Ownerships, func(o Ownership) bool { return o.Owner == owner && o.Company == company })
	}
	if !owns(Party{OrgNr: CrossHoldingAOrgNr}, CrossHoldingBOrgNr) || !owns(Party{OrgNr: CrossHoldingBOrgNr}, CrossHoldingAOrgNr) {
		t.Error("no cross-holding")
	}
	if !owns(Party{OrgNr: "310165352"}, RichestOrgNr) || !owns(Party{OrgNr: RichestOrgNr}, "310191493") {
		t.Error("no three-level ownership chain")
	}
	foreign := map[string]bool{}
	for _, o := range w.Ownerships {
		if f, ok := w.ForeignEntity(o.Owner.Foreign); ok {
			foreign[f.Country+" "+f.Form] = true
		}
	}
	if !foreign["SE AB"] || !foreign["DE GmbH"] {
		t.Errorf("foreign owners %v, want a Swedish AB and a German GmbH", foreign)
	}
	minor := false
	// A pinned clock, not the real one: the world's people do not age.
	now := testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	for _, o := range w.Ownerships {
		p, ok := w.Person(o.Owner.PersonID)
		if !ok {
			continue
		}
		n, _ := ident.Parse(p.ID, ident.Options{AllowTestData: true})
		born, _ := n.BirthDate()
		if p.ExemptFromDisclosure && born.AddDate(18, 0, 0).After(now) {
			minor = true
		}
	}
	if !minor {
		t.Error("no minor exempt from disclosure among the owners")
	}
	dead := slices.ContainsFunc(w.Persons, func(p Person) bool { return p.Dead })
	if !dead {
		t.Error("no dead person")
	}
}

func TestNameLines(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"SOLSTRAND INDUSTRIER ASA", []string{"SOLSTRAND INDUSTRIER ASA"}},
		{"FJORDVIK KOMMUNE SENTRALADMINISTRASJON", []string{"FJORDVIK KOMMUNE", "SENTRALADMINISTRASJON"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		if got := NameLines(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("NameLines(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// testWorld builds a fresh world for a test.
func testWorld(t *testing.T) *World {
	t.Helper()
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestAMLCompanies: the Swedish and Finnish companies have valid numbers,
// roles and owners; the screenings name companies of the world; the Sámi
// name holds Sámi letters.
func TestAMLCompanies(t *testing.T) {
	w := testWorld(t)
	tests := []struct {
		number    string
		country   ident.Country
		name      string
		roles     int
		owners    int
		sanctions int
		pep       int
	}{
		{SEOrgNr, ident.CountrySE, "Norrsken Kapital AB", 3, 1, 0, 0},
		{SESanctionsOrgNr, ident.CountrySE, "Kallvik Handel AB", 3, 2, 3, 0},
		{SEFirmOrgNr, ident.CountrySE, "Fjordlys Redovisning AB", 3, 0, 0, 0},
		{FIPEPYTunnus, ident.CountryFI, "Revontuli Metsä Oy", 3, 2, 0, 1},
		{FIYTunnus, ident.CountryFI, "Pohjoistuuli Energia Oy", 3, 2, 0, 0},
		{FIFirmYTunnus, ident.CountryFI, "Fjordlys Tilitoimisto Oy", 2, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ident.Parse(tt.number, ident.Options{Country: tt.country}); err != nil {
				t.Fatalf("%s: %v", tt.number, err)
			}
			f, ok := w.ForeignEntity(tt.number)
			if !ok || f.Name != tt.name {
				t.Fatalf("%s: %+v", tt.number, f)
			}
			if got := len(w.ForeignRolesOf(tt.number)); got != tt.roles {
				t.Errorf("%d roles, want %d", got, tt.roles)
			}
			if got := len(w.ForeignBeneficialOwners(tt.number)); got != tt.owners {
				t.Errorf("%d beneficial owners, want %d", got, tt.owners)
			}
			s, _ := w.ScreeningOf(string(tt.country), tt.number)
			if len(s.Sanctions) != tt.sanctions || len(s.PEP) != tt.pep {
				t.Errorf("screening %+v, want %d sanctions and %d PEP hits", s, tt.sanctions, tt.pep)
			}
		})
	}
	for _, n := range []string{SanctionsOrgNr, PEPOrgNr, SamiOrgNr} {
		if _, ok := w.Unit(n); !ok {
			t.Errorf("%s is no unit", n)
		}
	}
	if s, _ := w.ScreeningOf("NO", SanctionsOrgNr); len(s.Sanctions) == 0 {
		t.Error("no Norwegian sanctions hit")
	}
	if s, _ := w.ScreeningOf("NO", PEPOrgNr); len(s.PEP) == 0 {
		t.Error("no Norwegian PEP hit")
	}
	u, _ := w.Unit(SamiOrgNr)
	p, _ := w.Person(u.Roles[0].Person)
	letters := u.Name + " " + p.Name()
	for _, r := range "ÁČĐŊŠŦŽ" {
		if !strings.ContainsRune(strings.ToUpper(letters), r) {
			t.Errorf("no %c in %q", r, letters)
		}
	}
}
