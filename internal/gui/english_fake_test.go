package gui

// The fake desk with full dossiers, stored certificates and a certificate
// file that english_test.go fills every screen with.

import (
	"context"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/ownership"
	"github.com/motpart/motpart/internal/problem"
)

// shotTime is the moment every fake dossier, note and certificate is from.
var shotTime = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// richDesk is fakeDesk with a few dossiers as full as the registers give
// them, stored certificates and a certificate file to import: enough to
// fill every screen of the screenshot set.
type richDesk struct {
	*fakeDesk
	dossiers map[string]*dossier.Dossier
	certs    []certinfo.Stored
	fileInfo *certinfo.Info
}

func newRichDesk(t *testing.T) *richDesk {
	t.Helper()
	orgnr, err := ident.Parse("923609016", ident.Options{Now: shotTime})
	if err != nil {
		t.Fatal(err)
	}
	info := func(holder string, days int, status certinfo.Status, uses []certinfo.Use, warnings []certinfo.Warning) *certinfo.Info {
		return &certinfo.Info{
			Holder: holder, CommonName: holder, Organization: holder,
			Subject:   "CN=" + holder + ",O=" + holder + ",C=NO",
			Issuer:    "CN=Buypass Class 3 CA 2,O=Buypass AS-983163327,C=NO",
			Serial:    "0A1B2C3D",
			NotBefore: shotTime.AddDate(-1, 0, 0), NotAfter: shotTime.AddDate(0, 0, days), Now: shotTime,
			DaysLeft: days, Status: status, KeyType: certinfo.KeyRSA, KeyBits: 2048,
			ClientAuth: true, ChainLength: 1, ChainComplete: true,
			Identity: certinfo.Identity{Country: "NO", OrgNumber: orgnr, SCBAPIID: "A04711"},
			Uses:     uses, Warnings: warnings,
		}
	}
	d := &richDesk{
		fakeDesk: &fakeDesk{password: testPassword},
		dossiers: map[string]*dossier.Dossier{"923609016": fullDossier(), "974760673": troubledDossier(), "5560747569": notAskedDossier()},
		certs: []certinfo.Stored{
			{Name: "Maskinporten (Buypass)", Info: info("EKSEMPELBYRÅ AS", 29, certinfo.StatusExpiring, []certinfo.Use{certinfo.UseMaskinporten}, []certinfo.Warning{certinfo.WarnExpiringSoon})},
			{Name: "SCB", Info: info("Exempelbyrån Redovisning AB", 400, certinfo.StatusValid, []certinfo.Use{certinfo.UseSCB}, []certinfo.Warning{})},
			{Name: "Gammel", Info: info("EKSEMPELBYRÅ AS", -3, certinfo.StatusExpired, []certinfo.Use{}, []certinfo.Warning{})},
		},
		fileInfo: info("EKSEMPELBYRÅ AS", 45, certinfo.StatusExpiring, []certinfo.Use{certinfo.UseMaskinporten, certinfo.UseSCB},
			[]certinfo.Warning{certinfo.WarnExpiringSoon, certinfo.WarnChainIncomplete, certinfo.WarnNotClientAuth}),
	}
	d.expiring = d.certs[:1]
	d.dossiers["923609016"].AML = richAML("923609016") // english_aml_test.go
	return d
}

func (d *richDesk) Lookup(_ context.Context, number string) (*dossier.Dossier, error) {
	if dos, ok := d.dossiers[number]; ok {
		return dos, nil
	}
	return &dossier.Dossier{Number: number, Country: "NO", Fetched: shotTime, Sources: []dossier.Source{
		{ID: "brreg", Status: dossier.StatusNotFound, Code: "not_found", Problem: string(problem.CodeUnitNotFound), Fetched: shotTime},
	}}, nil
}

func (d *richDesk) RefreshSource(ctx context.Context, number, _ string) (*dossier.Dossier, error) {
	return d.Lookup(ctx, number)
}

func (d *richDesk) SavedDossier(number string) (*dossier.Dossier, error) {
	if dos, ok := d.dossiers[number]; ok {
		return dos, nil
	}
	return nil, problem.New(problem.CodeNoDossier, nil)
}

func (d *richDesk) History() ([]dossier.HistoryEntry, error) {
	return []dossier.HistoryEntry{
		{Number: "923609016", Name: "EKSEMPELBYRÅ AS", Fetched: shotTime},
		{Number: "974760673", Name: "EKSEMPELBYRÅ AS AVD BERGEN", Fetched: shotTime.Add(-time.Hour)},
	}, nil
}

func (d *richDesk) Notes(string) ([]dossier.Note, error) {
	return []dossier.Note{{ID: "1", Created: shotTime, Updated: shotTime.Add(time.Hour), Text: "Styret byttes i mars; hent ny firmaattest."}}, nil
}

func (d *richDesk) OwnershipGraph(dos *dossier.Dossier) *ownership.Graph {
	g := &ownership.Graph{Focus: dos.Number}
	g.AddNode(ownership.Node{ID: dos.Number, Kind: ownership.Entity, Label: "EKSEMPELBYRÅ AS", Number: dos.Number})
	g.AddNode(ownership.Node{ID: "p1", Kind: ownership.Person, Label: "Kari Nordmann", Detail: "1971"})
	g.AddNode(ownership.Node{ID: "999999999", Kind: ownership.Entity, Label: "EKSEMPEL HOLDING AS", Number: "999999999"})
	g.AddNode(ownership.Node{ID: "x", Kind: ownership.Exempt, Label: ""})
	g.AddNode(ownership.Node{ID: "974760673", Kind: ownership.Entity, Label: "DATTER AS", Number: "974760673"})
	g.AddEdge(ownership.Edge{From: "p1", To: "999999999", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 80, Max: 80}})
	g.AddEdge(ownership.Edge{From: "999999999", To: dos.Number, Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 74.99, Max: 74.99}})
	g.AddEdge(ownership.Edge{From: "p1", To: dos.Number, Interest: ownership.Owns, Direct: false, Share: ownership.Share{Min: 50, Max: 74.99}})
	g.AddEdge(ownership.Edge{From: "x", To: dos.Number, Interest: ownership.Controls, Direct: true})
	g.AddEdge(ownership.Edge{From: dos.Number, To: "974760673", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 100, Max: 100}})
	return g
}

func (d *richDesk) Certificates() ([]certinfo.Stored, error)         { return d.certs, nil }
func (d *richDesk) ExpiringCertificates() ([]certinfo.Stored, error) { return d.expiring, nil }
func (d *richDesk) SuggestCertificateName(*certinfo.Info) string     { return "Maskinporten (Buypass)" }

func (d *richDesk) InspectCertificate(_ []byte, _, password string) (*certinfo.Info, error) {
	if password == "" {
		return nil, &certinfo.CodeError{Code: certinfo.CodeWrongPassword}
	}
	return d.fileInfo, nil
}

func (d *richDesk) OwnerScopes() []string                   { return nil }
func (d *richDesk) BankIDAddresses(string) (string, string) { return "", "" }

// fullDossier is a Norwegian company as every register answers it, in
// the registers' own (Norwegian) words.
func fullDossier() *dossier.Dossier {
	seven := 7
	const n = "923609016"
	person := func(name, birth string) *dossier.Person { return &dossier.Person{Name: name, BirthDate: birth} }
	role := func(group, groupText, typ, typeText string, p *dossier.Person, u *dossier.UnitRef) dossier.Role {
		return dossier.Role{Group: dossier.Code{Code: group, Description: groupText}, Type: dossier.Code{Code: typ, Description: typeText}, Person: p, Unit: u}
	}
	return &dossier.Dossier{
		Number: n, Country: "NO", Fetched: shotTime,
		Company: &dossier.Company{
			Number: n, Name: "EKSEMPELBYRÅ AS",
			Form:            dossier.Code{Code: "AS", Description: "Aksjeselskap"},
			BusinessAddress: &dossier.Address{Lines: []string{"Storgata 1"}, PostalCode: "0155", City: "OSLO", Municipality: "OSLO", MunicipalityNumber: "0301", Country: "Norge", CountryCode: "NO"},
			PostalAddress:   &dossier.Address{Lines: []string{"Postboks 4711"}, PostalCode: "0105", City: "OSLO", Country: "Norge", CountryCode: "NO"},
			Industry:        []dossier.Code{{Code: "69.201", Description: "Regnskapsføring"}},
			Sector:          &dossier.Code{Code: "2100", Description: "Private aksjeselskaper mv."},
			Registered:      "2019-11-04", Founded: "2019-10-01", Employees: &seven,
			Email: "post@eksempelbyraa.no", Phone: "22 00 00 00", Mobile: "900 00 000", Website: "www.eksempelbyraa.no",
			Purpose:            []string{"Regnskapsføring, rådgivning og annen virksomhet som naturlig hører sammen med dette."},
			Capital:            "30000",
			InBusinessRegister: true, InVATRegister: true,
		},
		Roles: []dossier.Role{
			role("DAGL", "Daglig leder/ adm.direktør", "DAGL", "Daglig leder/ adm.direktør", person("Kari Nordmann", "1971-05-17"), nil),
			role("STYR", "Styre", "LEDE", "Styrets leder", person("Ola Nordmann", "1968-01-02"), nil),
			role("STYR", "Styre", "MEDL", "Styremedlem", person("Per Hansen", "1980-12-24"), nil),
			role("STYR", "Styre", "VARA", "Varamedlem", person("Anne Berg", "1990-06-30"), nil),
			role("REVI", "Revisor", "REVI", "Revisor", nil, &dossier.UnitRef{Number: "974760673", Name: "REVISJON AS", Form: "AS"}),
		},
		SubUnits: []dossier.UnitRef{{Number: "974760673", Name: "EKSEMPELBYRÅ AS AVD BERGEN", Form: "BEDR"}},
		Owners: &dossier.Owners{
			Number: n, Status: dossier.Code{Code: dossier.OwnersSomeIdentified, Description: "Noen reelle rettighetshavere kan ikke identifiseres"},
			Registered: shotTime.AddDate(0, -2, 0), Source: "rrh",
			Owners: []dossier.BeneficialOwner{
				{Name: "Kari Nordmann", BirthYear: "1971", Citizenships: []dossier.Code{{Code: "NOR", Description: "Norge"}}, Residence: &dossier.Code{Code: "NOR", Description: "Norge"},
					Positions: []dossier.Position{
						{Type: dossier.Code{Code: "posisjontype.eier", Description: "Eierskap"}, Interval: &dossier.Code{Code: "stoerrelseintervall.int2", Description: "50 til 74,99 prosent"}, Basis: []dossier.Code{{Code: "grunnlagtype.indi", Description: "Indirekte"}}},
						{Type: dossier.Code{Code: "posisjontype.ruas", Description: "Rett til å utpeke eller avsette halvparten eller flere av styremedlemmene"}, Basis: []dossier.Code{{Code: "grunnlagtype.enav", Description: "Gjennom avtale eller arrangement"}}},
					}},
				{Exempt: true},
			},
		},
		Sources: []dossier.Source{
			{ID: "brreg", Status: dossier.StatusFound, Fetched: shotTime, Notes: []dossier.SourceNote{
				{Code: "sub_units_cut", Message: "Enhetsregisteret lists 1200 sub-units; only the first 1000 are shown."},
			}},
			{ID: "grunndata", Status: dossier.StatusNoAccess, Code: "no_account", Problem: string(problem.CodeNoGrunndataAccount), Fetched: shotTime},
			{ID: "rrh", Status: dossier.StatusFound, Fetched: shotTime},
		},
	}
}

// troubledDossier is a unit deleted as a duplicate whose registers failed
// in every way a client has words for, and some it has none for.
func troubledDossier() *dossier.Dossier {
	const n = "974760673"
	return &dossier.Dossier{
		Number: n, Country: "NO", Fetched: shotTime,
		Company: &dossier.Company{Number: n, Name: "EKSEMPELBYRÅ AS AVD BERGEN", Form: dossier.Code{Code: "BEDR", Description: "Underenhet til næringsdrivende og offentlig forvaltning"},
			SubUnit: true, Parent: "923609016", Deleted: true, DeletedDate: "2017-10-20"},
		Sources: []dossier.Source{
			{ID: "brreg", Status: dossier.StatusDeleted, Date: "2017-10-20", Fetched: shotTime,
				Redirect: &dossier.Redirect{Reason: "duplicate", Number: "923609016", Name: "EKSEMPELBYRÅ AS"},
				Notes: []dossier.SourceNote{
					{Code: "1999", Message: "Some information is not registered (code 1999)."},
					{Code: dossier.NoteRolesUnread, Problem: string(problem.CodeRolesUnread), Cause: string(problem.CodeTimeout), Message: "the roles could not be read"},
				}},
			{ID: "grunndata", Status: dossier.StatusFailed, Code: "weird_client_code", Message: "grunndataWS: the answer could not be parsed: XML syntax error on line 1", Fetched: shotTime},
			{ID: "rrh", Status: dossier.StatusNotFound, Code: "not_required", Problem: string(problem.CodeOwnersNotRegistered), Fetched: shotTime,
				RegisterText: "Enheten har ikke registrert reelle rettighetshavere.",
				FollowUp:     &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered, Message: "Find out whether the company must register beneficial owners."}},
		},
		Carried: []dossier.Carried{{Part: dossier.PartRoles, Source: "brreg", Fetched: shotTime.AddDate(0, 0, -3)}},
	}
}

// notAskedDossier is a Swedish company no connected register could be
// asked about.
func notAskedDossier() *dossier.Dossier {
	return &dossier.Dossier{Number: "5560747569", Country: "SE", Fetched: shotTime, Sources: []dossier.Source{
		{ID: "registers", Status: dossier.StatusSkipped, Code: string(problem.CodeCountryNotConnected), Problem: string(problem.CodeCountryNotConnected), Fetched: shotTime},
	}}
}
