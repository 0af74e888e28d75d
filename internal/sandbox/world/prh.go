package world

import (
	"fmt"
	"slices"
)

// The Finnish companies of PRH's open data that the PRH simulator serves.
// Every business ID passes the Y-tunnus check (YTunnusValid; a test checks
// them), and the Finnish companies BankID's simulator serves are among
// them with the same names.
const (
	// FIShowcaseYTunnus is Kuusiston Kone Oy: an active company with a
	// Swedish parallel name, a website, an EU ID, street and postal
	// addresses, in the trade and VAT registers; the one `motpart lookup
	// 0116297-6` shows.
	FIShowcaseYTunnus = "0116297-6"
	// FILiquidationYTunnus is Saimaan Satama Oy, in liquidation.
	FILiquidationYTunnus = "2468013-5"
	// FIBankruptYTunnus is Lapin Rakennus Oy: bankrupt, after a
	// restructuring that ended.
	FIBankruptYTunnus = "1357924-2"
	// FIDeregisteredYTunnus is Vanha Kauppahuone Ky, which ceased and was
	// struck off the trade register.
	FIDeregisteredYTunnus = "0987654-3"
	// FISwedishYTunnus is Skärgårdens Båtvarv Ab, whose name is Swedish
	// and whose post office is named in Swedish and Finnish.
	FISwedishYTunnus = "2233445-8"
	// FIRenamedYTunnus is Tunturi Data Oy, renamed twice.
	FIRenamedYTunnus = "2761548-6"
	// FINotInRegisterYTunnus passes the check but is no company of PRH's
	// register.
	FINotInRegisterYTunnus = "0743219-9"
)

// FIName is one of a Finnish company's names: Type is PRH's name type
// ("1" trade name, "2" parallel, "3" auxiliary), Lang "1" Finnish or "2"
// Swedish; To is "" for a name in use.
type FIName struct {
	Name, Type, From, To string
}

// FISituation is a restructuring (SANE), liquidation (SELTILA) or
// bankruptcy (KONK), To "" while it lasts.
type FISituation struct {
	Type, From, To string
}

// FIAddress is a street (Type 1) or postal (Type 2) address.
type FIAddress struct {
	Type           int
	Street         string
	BuildingNumber string
	PostOfficeBox  string
	PostCode       string
	CityFI, CitySV string // the post office in Finnish and Swedish ("" when one name)
	Municipality   string // the municipality's three-digit code
}

// FICompany is a Finnish company as PRH's open data holds it.
type FICompany struct {
	YTunnus string
	// Names are its names, current and earlier.
	Names []FIName
	// Form is PRH's company form code ("16" osakeyhtiö...) with its texts
	// in Finnish, Swedish and English.
	Form                     string
	FormFI, FormSV, FormEN   string
	BusinessLine             string // TOL 2008, five digits
	LineFI, LineSV, LineEN   string
	Website                  string
	Registered, IDRegistered string // the company's and the business ID's registration dates
	Ended                    string // the day it ceased; "" while it exists
	Situations               []FISituation
	// TradeRegister and VAT say it is entered in those registers; when
	// TradeRegisterEnded is set, the trade register entry ended that day.
	TradeRegister, VAT bool
	TradeRegisterEnded string
	Addresses          []FIAddress
	LastModified       string // "yyyy-mm-dd hh:mm:ss"

	// OwnsNO is the Norwegian unit (organisasjonsnummer) of the sandbox
	// world it owns a part of, and OwnsPercent how much.
	OwnsNO      string
	OwnsPercent float64

	About string // what it exercises, in one line
}

// Name returns the company's trade name in use.
func (c *FICompany) Name() string {
	for _, n := range c.Names {
		if n.Type == "1" && n.To == "" {
			return n.Name
		}
	}
	return ""
}

// FICompanies returns the Finnish companies of PRH's register.
func (w *World) FICompanies() []FICompany { return fiCompanies() }

// FICompany returns the Finnish company with the business ID id.
func (w *World) FICompany(id string) (*FICompany, bool) {
	for _, c := range fiCompanies() {
		if c.YTunnus == id {
			return &c, true
		}
	}
	return nil, false
}

// YTunnusValid says whether id is NNNNNNN-N with the right check digit
// (weights 7 9 10 5 8 4 2, modulo 11; a remainder of 1 is never issued).
func YTunnusValid(id string) bool {
	if len(id) != 9 || id[7] != '-' {
		return false
	}
	weights := [7]int{7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		d := id[i]
		if d < '0' || d > '9' {
			return false
		}
		sum += int(d-'0') * w
	}
	r := sum % 11
	var check int
	switch r {
	case 0:
	case 1:
		return false
	default:
		check = 11 - r
	}
	return id[8] == byte('0'+check)
}

// checkFI checks the Finnish companies: valid and distinct business IDs,
// the names BankID's simulator gives, owned units that exist.
func (w *World) checkFI() error {
	seen := map[string]bool{}
	for _, c := range fiCompanies() {
		if !YTunnusValid(c.YTunnus) || seen[c.YTunnus] {
			return fmt.Errorf("sandbox world: Finnish business ID %s is not valid or is there twice", c.YTunnus)
		}
		seen[c.YTunnus] = true
		if f, ok := w.foreign[c.YTunnus]; ok && f.Name != c.Name() {
			return fmt.Errorf("sandbox world: %s is %q to BankID but %q to PRH", c.YTunnus, f.Name, c.Name())
		}
		if c.OwnsNO != "" && !slices.ContainsFunc(w.Ownerships, func(o Ownership) bool {
			return o.Company == c.OwnsNO && o.Owner.Foreign == c.YTunnus && o.Percent == c.OwnsPercent
		}) {
			return fmt.Errorf("sandbox world: %s owns %g %% of %s, but no ownership says so", c.YTunnus, c.OwnsPercent, c.OwnsNO)
		}
	}
	return nil
}

// prhForeign are the Finnish companies of PRH's register that own part of
// a Norwegian unit, as foreign entities of the world.
func prhForeign() []ForeignEntity {
	return []ForeignEntity{
		{Country: "FI", Number: FIShowcaseYTunnus, Register: "PRH", Name: "Kuusiston Kone Oy", Form: "Oy", City: "Helsinki", Address: "Teollisuuskatu 21, 00510 Helsinki"},
	}
}

// prhOwnerships are their holdings: Kuusiston Kone Oy owns 10 % of
// CrossHoldingBOrgNr (beside the cross-holding's 30 % and Kari
// Kvitfjell's 60 %).
func prhOwnerships() []Ownership {
	return []Ownership{{Company: CrossHoldingBOrgNr, Owner: Party{Foreign: FIShowcaseYTunnus}, Percent: 10, Shares: 100}}
}

// Company forms and business lines of the Finnish companies (PRH's codes
// and texts).
var (
	fiOy = [4]string{"16", "Osakeyhtiö", "Aktiebolag", "Limited company"}
	fiKy = [4]string{"13", "Kommandiittiyhtiö", "Kommanditbolag", "Limited partnership"}
)

func fiCompanies() []FICompany {
	form := func(c *FICompany, f [4]string) { c.Form, c.FormFI, c.FormSV, c.FormEN = f[0], f[1], f[2], f[3] }
	line := func(c *FICompany, code, fi, sv, en string) {
		c.BusinessLine, c.LineFI, c.LineSV, c.LineEN = code, fi, sv, en
	}
	cs := []FICompany{
		{YTunnus: FIShowcaseYTunnus, Names: []FIName{
			{Name: "Kuusiston Kone Oy", Type: "1", From: "1978-04-12"},
			{Name: "Kuusisto Maskin Ab", Type: "2", From: "1995-09-01"},
			{Name: "KK Huolto", Type: "3", From: "2019-02-15"},
		}, Website: "www.kuusistonkone.example.fi", Registered: "1978-04-12", IDRegistered: "1978-04-12",
			TradeRegister: true, VAT: true, Addresses: []FIAddress{
				{Type: 1, Street: "Teollisuuskatu", BuildingNumber: "21", PostCode: "00510", CityFI: "HELSINKI", CitySV: "HELSINGFORS", Municipality: "091"},
				{Type: 2, PostOfficeBox: "112", PostCode: "00511", CityFI: "HELSINKI", CitySV: "HELSINGFORS", Municipality: "091"},
			}, LastModified: "2026-03-02 09:14:07", OwnsNO: CrossHoldingBOrgNr, OwnsPercent: 10,
			About: "active; a Swedish parallel name and an auxiliary name; website, EU ID, street and postal address"},
		{YTunnus: FILiquidationYTunnus, Names: []FIName{{Name: "Saimaan Satama Oy", Type: "1", From: "2011-06-20"}},
			Registered: "2011-06-20", IDRegistered: "2011-06-01", TradeRegister: true, VAT: true,
			Situations:   []FISituation{{Type: "SELTILA", From: "2026-05-04"}},
			Addresses:    []FIAddress{{Type: 1, Street: "Satamatie", BuildingNumber: "3", PostCode: "53100", CityFI: "LAPPEENRANTA", CitySV: "VILLMANSTRAND", Municipality: "405"}},
			LastModified: "2026-05-04 12:00:00", About: "in liquidation (SELTILA)"},
		{YTunnus: FIBankruptYTunnus, Names: []FIName{{Name: "Lapin Rakennus Oy", Type: "1", From: "2001-02-01"}},
			Registered: "2001-02-01", IDRegistered: "2001-01-15", TradeRegister: true,
			Situations:   []FISituation{{Type: "SANE", From: "2024-03-01", To: "2025-06-30"}, {Type: "KONK", From: "2025-11-20"}},
			Addresses:    []FIAddress{{Type: 1, Street: "Rovakatu", BuildingNumber: "9", PostCode: "96100", CityFI: "ROVANIEMI", Municipality: "698"}},
			LastModified: "2025-11-21 08:30:00", About: "bankrupt (KONK) after a restructuring (SANE) that ended"},
		{YTunnus: FIDeregisteredYTunnus, Names: []FIName{{Name: "Vanha Kauppahuone Ky", Type: "1", From: "1994-10-03"}},
			Registered: "1994-10-03", IDRegistered: "1994-10-03", Ended: "2023-12-31", TradeRegister: true, TradeRegisterEnded: "2023-12-31",
			Addresses:    []FIAddress{{Type: 2, Street: "Hämeenkatu", BuildingNumber: "14", PostCode: "33100", CityFI: "TAMPERE", CitySV: "TAMMERFORS", Municipality: "837"}},
			LastModified: "2024-01-08 10:11:12", About: "ceased and struck off the trade register"},
		{YTunnus: FISwedishYTunnus, Names: []FIName{{Name: "Skärgårdens Båtvarv Ab", Type: "1", From: "2005-05-05"}},
			Website: "https://batvarv.example.fi", Registered: "2005-05-05", IDRegistered: "2005-04-28", TradeRegister: true, VAT: true,
			Addresses:    []FIAddress{{Type: 1, Street: "Strandvägen", BuildingNumber: "2", PostCode: "21600", CityFI: "PARAINEN", CitySV: "PARGAS", Municipality: "445"}},
			LastModified: "2025-08-19 14:02:33", About: "a Swedish-language name (Å, ä) and a post office named in both languages"},
		{YTunnus: FIRenamedYTunnus, Names: []FIName{
			{Name: "Pohjolan Ohjelmisto Oy", Type: "1", From: "2016-01-11", To: "2019-08-31"},
			{Name: "Tunturisoft Oy", Type: "1", From: "2019-09-01", To: "2024-02-29"},
			{Name: "Tunturi Data Oy", Type: "1", From: "2024-03-01"},
		}, Registered: "2016-01-11", IDRegistered: "2016-01-04", TradeRegister: true, VAT: true,
			Addresses:    []FIAddress{{Type: 1, Street: "Kauppakatu", BuildingNumber: "40", PostCode: "40100", CityFI: "JYVÄSKYLÄ", Municipality: "179"}},
			LastModified: "2024-03-01 07:45:00", About: "renamed twice: the earlier names with their dates"},
		// The companies BankID's simulator serves, with the same names.
		{YTunnus: FIPEPYTunnus, Names: []FIName{{Name: "Revontuli Metsä Oy", Type: "1", From: "2009-03-16"}},
			Registered: "2009-03-16", IDRegistered: "2009-03-02", TradeRegister: true, VAT: true,
			Addresses:    []FIAddress{{Type: 1, Street: "Koskikatu", BuildingNumber: "25", PostCode: "96200", CityFI: "ROVANIEMI", Municipality: "698"}},
			LastModified: "2025-10-01 11:00:00", About: "BankID's Finnish company with a PEP hit"},
		{YTunnus: FIYTunnus, Names: []FIName{{Name: "Pohjoistuuli Energia Oy", Type: "1", From: "1999-11-30"}},
			Registered: "1999-11-30", IDRegistered: "1999-11-15", TradeRegister: true, VAT: true,
			Addresses:    []FIAddress{{Type: 1, Street: "Kirkkokatu", BuildingNumber: "8", PostCode: "90100", CityFI: "OULU", CitySV: "ULEÅBORG", Municipality: "564"}},
			LastModified: "2025-06-12 15:20:00", About: "BankID's plain Finnish company, a subsidiary of Revontuli Metsä Oy"},
		{YTunnus: fiFirm, Names: []FIName{{Name: "Fjordlys Tilitoimisto Oy", Type: "1", From: "2018-01-02"}},
			Registered: "2018-01-02", IDRegistered: "2017-12-20", TradeRegister: true, VAT: true,
			Addresses:    []FIAddress{{Type: 1, Street: "Mannerheimintie", BuildingNumber: "10", PostCode: "00100", CityFI: "HELSINKI", CitySV: "HELSINGFORS", Municipality: "091"}},
			LastModified: "2026-01-15 09:00:00", About: "the accounting firm's Finnish company, owned by the Norwegian one"},
	}
	for i := range cs {
		c := &cs[i]
		form(c, fiOy)
		line(c, "62010", "Ohjelmistojen suunnittelu ja valmistus", "Utgivning av programvara", "Computer programming activities")
	}
	form(&cs[3], fiKy)
	line(&cs[0], "28220", "Nosto- ja siirtolaitteiden valmistus", "Tillverkning av lyft- och godshanteringsanordningar", "Manufacture of lifting and handling equipment")
	line(&cs[1], "52220", "Vesiliikennettä palveleva toiminta", "Stödtjänster till sjöfart", "Service activities incidental to water transportation")
	line(&cs[2], "41200", "Asuin- ja muiden rakennusten rakentaminen", "Byggande av bostadshus och andra byggnader", "Construction of residential and non-residential buildings")
	line(&cs[3], "47190", "Muu vähittäiskauppa erikoistumattomissa myymälöissä", "Övrig detaljhandel med brett sortiment", "Other retail sale in non-specialised stores")
	line(&cs[4], "30120", "Huvi- ja urheiluveneiden rakentaminen", "Byggande av fritidsbåtar", "Building of pleasure and sporting boats")
	line(&cs[6], "02200", "Puunkorjuu", "Drivning", "Logging")
	line(&cs[7], "35110", "Sähkön tuotanto", "Produktion av elektricitet", "Production of electricity")
	line(&cs[8], "69202", "Kirjanpito- ja tilinpäätöspalvelu", "Bokförings- och bokslutstjänster", "Bookkeeping activities")
	return cs
}
