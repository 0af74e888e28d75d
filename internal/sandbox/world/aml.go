package world

import (
	"fmt"
	"slices"
)

// The companies BankID's AML simulator knows besides the Norwegian units:
// Swedish and Finnish companies with roles, owners, shareholders and
// subsidiaries, the sanctions and PEP screenings, and a Norwegian company
// whose name holds Sámi letters. Every number passes its country's check
// (a test checks them).
const (
	// SamiOrgNr is a Norwegian cooperative (samvirkeforetak, SA) whose
	// name, and whose chair's name, hold Sámi letters (Á Č Đ Ŋ Š Ŧ Ž):
	// ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA, chaired by Ánde Ŧuomma Žiiđáš.
	SamiOrgNr = "310700002"
	// SanctionsOrgNr is a Norwegian unit with a sanctions hit: its
	// majority owner Meridian Holdings Ltd is on the EU list (310583596,
	// owned through an English company whose owners are unknown).
	SanctionsOrgNr = "310583596"
	// PEPOrgNr is a Norwegian unit with a PEP hit: its largest owner Guro
	// Moen is a mayor (310609730).
	PEPOrgNr = "310609730"

	// SESanctionsOrgNr is a Swedish company with sanctions hits (EU and
	// UN; OFAC too when the OFAC scope was granted): Kallvik Handel AB.
	SESanctionsOrgNr = "556789-0123"
	// SEOrgNr is a plain Swedish company with roles, owners and a
	// subsidiary: Norrsken Kapital AB.
	SEOrgNr = seNorrsken
	// SEFirmOrgNr is the accounting firm's Swedish company, owned by the
	// Norwegian one: Fjordlys Redovisning AB.
	SEFirmOrgNr = seFirm
	// FIPEPYTunnus is a Finnish company with a PEP hit (its chair is a
	// member of parliament): Revontuli Metsä Oy.
	FIPEPYTunnus = "2345678-0"
	// FIYTunnus is a plain Finnish company, a subsidiary of Revontuli
	// Metsä Oy: Pohjoistuuli Energia Oy.
	FIYTunnus = "1572860-0"
	// FIFirmYTunnus is the accounting firm's Finnish company, owned by
	// the Norwegian one: Fjordlys Tilitoimisto Oy.
	FIFirmYTunnus = fiFirm
)

// The screened lists.
const (
	ListEU   = "EU"
	ListUN   = "UN"
	ListOFAC = "OFAC"
)

// ScreeningDate is the date of every screening in the world.
const ScreeningDate = "2026-02-27"

// The Sámi sole proprietor (synthetic fødselsnummer, born 1974).
const pAnde = "11857410140"

// Foreign persons of the Swedish and Finnish companies.
const (
	fpKarin  = "karin-sjostrom"   // Swedish, CEO of Norrsken Kapital AB
	fpBjorn  = "bjorn-akesson"    // Swedish, owner of Kallvik Handel AB
	fpPrimer = "ivan-primerov"    // a sanctioned person, fictional
	fpAino   = "aino-makela"      // Finnish, member of parliament (PEP)
	fpJukka  = "jukka-hakkinen"   // Finnish, CEO of both Finnish companies
	fpLiisa  = "liisa-korhonen"   // Finnish, 30 % of Pohjoistuuli Energia Oy
	fpMikko  = "mikko-jarvinen"   // Finnish, CEO of Fjordlys Tilitoimisto Oy
	fpSara   = "sara-lindberg"    // Swedish, CEO of Fjordlys Redovisning AB
	fpOlavi  = "olavi-nieminen"   // Finnish, board member of Revontuli Metsä Oy
	fpGustav = "gustav-nordqvist" // Swedish, board member of Kallvik Handel AB
)

// ForeignRole is a role in a Swedish or Finnish company, in the role codes
// of the Norwegian units (DAGL, LEDE, MEDL, REVI...) so every country
// reads the same.
type ForeignRole struct {
	Company string // the company's Number
	Type    string // DAGL, LEDE, MEDL, REVI...
	Holder  Party  // a person, a foreign person, a unit or a foreign entity
}

// ScreeningHit is one hit of a sanctions or PEP screening.
type ScreeningHit struct {
	Name      string // who was hit
	List      string // ListEU, ListUN, ListOFAC, or the PEP source
	Detail    string // why: the listing or the public function
	BirthDate string // YYYY-MM-DD, for a person
}

// Screening is the sanctions and PEP screening of one company.
type Screening struct {
	Country   string // NO, SE or FI
	Number    string // the company's number as the world writes it
	Sanctions []ScreeningHit
	PEP       []ScreeningHit
}

func amlUnits() []Unit {
	return []Unit{
		// 0/0. A cooperative (SA; the sandbox does not require it to
		// register in RRH) in Kautokeino whose name holds Sámi letters.
		{OrgNr: SamiOrgNr, Name: "ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA", Form: "SA", Registered: "2019-03-11", Founded: "2019-03-01",
			Business: adr("9520", "KAUTOKEINO", "5430", "GUOVDAGEAIDNU-KAUTOKEINO", "Bredbuktnesveien 12"),
			Postal:   adr("9520", "KAUTOKEINO", "5430", "GUOVDAGEAIDNU-KAUTOKEINO", "Postboks 44"),
			Mobile:   "481 23 456", Email: "ande@cuovga.example.no", NACE: []Code{{"32.120", "Produksjon av gull- og sølvvarer og lignende artikler"}},
			Sector: sectorPrivateAS, Activity: []string{"Duodji: sølvsmie og tradisjonelt sámisk håndverk"}, Language: "Bokmål", BusinessRegister: true,
			Roles: []Role{{Type: "DAGL", Person: pAnde}, {Type: "LEDE", Person: pAnde}, {Type: "MEDL", Person: pSigrid}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "a name with Sámi letters (Á Č Đ Ŋ Š), its chair's too (Ŧ Ž đ)"},
	}
}

func amlPersons() []Person {
	return []Person{
		{ID: pAnde, First: "Ánde", Middle: "Ŧuomma", Last: "Žiiđáš", Address: adr("9520", "KAUTOKEINO", "5430", "GUOVDAGEAIDNU-KAUTOKEINO", "Bredbuktnesveien 12"),
			About: "Sámi letters in every part of the name"},
	}
}

func amlForeign() []ForeignEntity {
	return []ForeignEntity{
		{Country: "SE", Number: SESanctionsOrgNr, Register: "Bolagsverket", Name: "Kallvik Handel AB", Form: "AB", City: "Luleå", Address: "Storgatan 51, 972 31 Luleå"},
		{Country: "FI", Number: FIPEPYTunnus, Register: "PRH", Name: "Revontuli Metsä Oy", Form: "Oy", City: "Rovaniemi", Address: "Koskikatu 25, 96200 Rovaniemi"},
		{Country: "FI", Number: FIYTunnus, Register: "PRH", Name: "Pohjoistuuli Energia Oy", Form: "Oy", City: "Oulu", Address: "Kirkkokatu 8, 90100 Oulu"},
	}
}

func amlForeignPersons() []ForeignPerson {
	return []ForeignPerson{
		{Key: fpKarin, Name: "Karin Sjöström", BirthDate: "1966-04-02", Citizenship: []string{"SWE"}, Residence: "SWE", About: "CEO of Norrsken Kapital AB"},
		{Key: fpBjorn, Name: "Björn Åkesson", BirthDate: "1958-11-19", Citizenship: []string{"SWE"}, Residence: "SWE", About: "owns 70 % of Kallvik Handel AB"},
		{Key: fpPrimer, Name: "Ivan Testovitsj Primerov", BirthDate: "1961-07-07", Citizenship: []string{"XXX"}, Residence: "XXX", About: "fictional, on the EU, UN and OFAC lists; owns 30 % of Kallvik Handel AB"},
		{Key: fpAino, Name: "Aino Mäkelä", BirthDate: "1970-01-23", Citizenship: []string{"FIN"}, Residence: "FIN", About: "member of the Finnish parliament (PEP); chair of Revontuli Metsä Oy"},
		{Key: fpJukka, Name: "Jukka Häkkinen", BirthDate: "1962-06-30", Citizenship: []string{"FIN"}, Residence: "FIN", About: "CEO of the two Finnish companies"},
		{Key: fpLiisa, Name: "Liisa Korhonen", BirthDate: "1979-09-09", Citizenship: []string{"FIN"}, Residence: "FIN", About: "owns 30 % of Pohjoistuuli Energia Oy"},
		{Key: fpMikko, Name: "Mikko Järvinen", BirthDate: "1983-03-15", Citizenship: []string{"FIN"}, Residence: "FIN", About: "CEO of Fjordlys Tilitoimisto Oy"},
		{Key: fpSara, Name: "Sara Lindberg", BirthDate: "1987-12-01", Citizenship: []string{"SWE"}, Residence: "SWE", About: "CEO of Fjordlys Redovisning AB"},
		{Key: fpOlavi, Name: "Olavi Nieminen", BirthDate: "1955-05-05", Citizenship: []string{"FIN"}, Residence: "FIN", About: "board member of Revontuli Metsä Oy"},
		{Key: fpGustav, Name: "Gustav Nordqvist", BirthDate: "1972-08-21", Citizenship: []string{"SWE"}, Residence: "SWE", About: "board member of Kallvik Handel AB"},
	}
}

// amlOwnerships are the owners of the Swedish and Finnish companies. None
// of them owns a Norwegian unit, so RRH's derived owners do not change.
func amlOwnerships() []Ownership {
	fp := func(k string) Party { return Party{ForeignPerson: k} }
	return []Ownership{
		{Company: SESanctionsOrgNr, Owner: fp(fpBjorn), Percent: 70, Shares: 700},
		{Company: SESanctionsOrgNr, Owner: fp(fpPrimer), Percent: 30, Shares: 300},
		{Company: seFirm, Owner: Party{OrgNr: FirmOrgNr}, Percent: 100, Shares: 500},
		{Company: fiFirm, Owner: Party{OrgNr: FirmOrgNr}, Percent: 100, Shares: 250},
		{Company: FIPEPYTunnus, Owner: fp(fpAino), Percent: 60, Shares: 600},
		{Company: FIPEPYTunnus, Owner: fp(fpOlavi), Percent: 40, Shares: 400},
		{Company: FIYTunnus, Owner: Party{Foreign: FIPEPYTunnus}, Percent: 70, Shares: 7000},
		{Company: FIYTunnus, Owner: fp(fpLiisa), Percent: 30, Shares: 3000},
	}
}

func amlForeignRoles() []ForeignRole {
	fp := func(k string) Party { return Party{ForeignPerson: k} }
	return []ForeignRole{
		{Company: seNorrsken, Type: "DAGL", Holder: fp(fpKarin)},
		{Company: seNorrsken, Type: "LEDE", Holder: fp(fpGreta)},
		{Company: seNorrsken, Type: "MEDL", Holder: fp(fpKarin)},
		{Company: SESanctionsOrgNr, Type: "DAGL", Holder: fp(fpBjorn)},
		{Company: SESanctionsOrgNr, Type: "LEDE", Holder: fp(fpBjorn)},
		{Company: SESanctionsOrgNr, Type: "MEDL", Holder: fp(fpGustav)},
		{Company: seFirm, Type: "DAGL", Holder: fp(fpSara)},
		{Company: seFirm, Type: "LEDE", Holder: Party{PersonID: pLars}},
		{Company: seFirm, Type: "REVI", Holder: Party{OrgNr: AuditorOrgNr}},
		{Company: fiFirm, Type: "DAGL", Holder: fp(fpMikko)},
		{Company: fiFirm, Type: "LEDE", Holder: Party{PersonID: pNora}},
		{Company: FIPEPYTunnus, Type: "DAGL", Holder: fp(fpJukka)},
		{Company: FIPEPYTunnus, Type: "LEDE", Holder: fp(fpAino)},
		{Company: FIPEPYTunnus, Type: "MEDL", Holder: fp(fpOlavi)},
		{Company: FIYTunnus, Type: "DAGL", Holder: fp(fpJukka)},
		{Company: FIYTunnus, Type: "LEDE", Holder: fp(fpJukka)},
		{Company: FIYTunnus, Type: "MEDL", Holder: fp(fpLiisa)},
	}
}

func amlScreenings() []Screening {
	return []Screening{
		{Country: "NO", Number: SanctionsOrgNr, Sanctions: []ScreeningHit{
			{Name: "Meridian Holdings Ltd", List: ListEU, Detail: "Asset freeze (sandbox listing EU-2025-114): majority owner"},
		}},
		{Country: "NO", Number: PEPOrgNr, PEP: []ScreeningHit{
			{Name: "Guro Moen", List: "PEP", Detail: "Mayor of Fjordvik municipality (ordfører)", BirthDate: "1988-07-18"},
		}},
		{Country: "SE", Number: SESanctionsOrgNr, Sanctions: []ScreeningHit{
			{Name: "Ivan Testovitsj Primerov", List: ListEU, Detail: "Asset freeze (sandbox listing EU-2024-031): owner of 30 %", BirthDate: "1961-07-07"},
			{Name: "Ivan Testovitsj Primerov", List: ListUN, Detail: "Travel ban and asset freeze (sandbox listing UN-QDi.901)", BirthDate: "1961-07-07"},
			{Name: "Ivan Testovitsj Primerov", List: ListOFAC, Detail: "SDN list (sandbox entry 99999)", BirthDate: "1961-07-07"},
		}},
		{Country: "FI", Number: FIPEPYTunnus, PEP: []ScreeningHit{
			{Name: "Aino Mäkelä", List: "PEP", Detail: "Member of the Parliament of Finland (kansanedustaja); chair and owner of 60 %", BirthDate: "1970-01-23"},
		}},
	}
}

// ForeignRolesOf returns the roles in the Swedish or Finnish company
// number.
func (w *World) ForeignRolesOf(number string) []ForeignRole {
	var out []ForeignRole
	for _, r := range w.ForeignRoles {
		if r.Company == number {
			out = append(out, r)
		}
	}
	return out
}

// ScreeningOf returns the screening of a company by its country (NO, SE or
// FI) and number; a company not listed has no hits.
func (w *World) ScreeningOf(country, number string) (Screening, bool) {
	for _, s := range w.Screenings {
		if s.Country == country && s.Number == number {
			return s, true
		}
	}
	return Screening{Country: country, Number: number}, false
}

// ForeignBeneficialOwners returns the persons who own more than 25 % of a
// foreign company directly or through entities they control, derived from
// the world's ownerships as for a Norwegian unit, largest share first.
func (w *World) ForeignBeneficialOwners(number string) []BeneficialOwner {
	if _, ok := w.foreign[number]; !ok {
		return nil
	}
	return w.deriveOwners(number)
}

// checkAML checks the foreign roles and the screenings.
func (w *World) checkAML() error {
	for _, r := range w.ForeignRoles {
		if _, ok := w.foreign[r.Company]; !ok {
			return fmt.Errorf("sandbox world: role %s in unknown foreign company %s", r.Type, r.Company)
		}
		if _, ok := roleTypes[r.Type]; !ok {
			return fmt.Errorf("sandbox world: role %s in %s: unknown type", r.Type, r.Company)
		}
		if err := w.checkHolder("role in "+r.Company, r.Holder); err != nil {
			if _, ok := w.units[r.Holder.OrgNr]; !ok || r.Holder.PersonID != "" || r.Holder.Foreign != "" || r.Holder.ForeignPerson != "" {
				return err
			}
		}
	}
	for _, s := range w.Screenings {
		if !slices.Contains([]string{"NO", "SE", "FI"}, s.Country) {
			return fmt.Errorf("sandbox world: screening of %s in %s", s.Number, s.Country)
		}
		if _, ok := w.units[s.Number]; !ok && s.Country == "NO" {
			return fmt.Errorf("sandbox world: screening of unknown unit %s", s.Number)
		}
		if _, ok := w.foreign[s.Number]; !ok && s.Country != "NO" {
			return fmt.Errorf("sandbox world: screening of unknown company %s", s.Number)
		}
	}
	return nil
}
