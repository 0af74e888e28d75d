package world

import (
	"fmt"
	"strings"
)

// The Swedish legal units (juridiska enheter) of SCB's business register
// that the SCB simulator serves. Every number passes the Luhn check (a
// test checks them); organisation numbers have positions 3–4 at 20 or
// above and start with the digit of their kind (registries.md §1.6).
const (
	// SEHoldingOrgNr is Norrsken Kapital AB, the Swedish company that owns
	// 25 % of SOLSTRAND INDUSTRIER ASA (RichestOrgNr) and 15 % of
	// MergedIntoOrgNr: the same company BankID's simulator serves.
	SEHoldingOrgNr = seNorrsken
	// SELatin1OrgNr is Café Åkerblom HB, a trading partnership whose name
	// holds É, Å and Ö.
	SELatin1OrgNr = "969654-3215"
	// SEUmlautOrgNr is Müller & Söner KB, a limited partnership whose name
	// holds Ü and Ö.
	SEUmlautOrgNr = "916523-4569"
	// SESoleTraderPNr is the personnummer of a sole trader (Åsa Ekström,
	// born 1981-12-18; PeOrgNr 19 + the number): the sector file and the
	// look-up give her name.
	SESoleTraderPNr = "811218-9876"
	// SESoleTrader2000PNr is a sole trader born in 2001 (PeOrgNr 20 + the
	// number): the century cannot be read from the ten digits.
	SESoleTrader2000PNr = "010923-4567"
	// SEInactiveOrgNr is an AB that is no longer active (Företagsstatus
	// 9, deregistered with the Tax Agency).
	SEInactiveOrgNr = "556543-2191"
	// SEBankOrgNr is a bank (Bankaktiebolag, sector Banker).
	SEBankOrgNr = "516406-1235"
	// SEBrfOrgNr is a housing cooperative (Bostadsrättsförening).
	SEBrfOrgNr = "769612-3459"
	// SEMunicipalityOrgNr is a municipality (Kommun).
	SEMunicipalityOrgNr = "212000-6545"
	// SEUnknownFormOrgNr is a unit whose legal form is not determined
	// (99); its sector and owner category are unknown ("..").
	SEUnknownFormOrgNr = "556999-0004"
	// SENotInRegisterOrgNr passes the Luhn check but is no unit of SCB's
	// register: HamtaForetag answers an empty list.
	SENotInRegisterOrgNr = "556074-7569"
)

// SECompany is a Swedish legal unit as SCB's business register holds it.
// Codes are SCB's: LegalForm JURFORM (2 digits), Sector INSEKT 2014 (6
// digits), OwnerCategory ÄGAR (2 digits; "" for none), SNI 2007 (5
// digits, the main one first), Municipality the seat's kommun (4 digits).
type SECompany struct {
	OrgNr   string // NNNNNN-NNNN; a sole trader's personnummer YYMMDD-NNNN
	Century string // "19" or "20" for a sole trader, "" for a legal person
	Name    string // Företagsnamn (a sole trader's own name)
	Firma   string // a sole trader's trading name, if any

	LegalForm     string
	Sector        string
	OwnerCategory string
	SNI           []string

	CO           string // c/o line of the postal address
	Street       string // PostAdress
	PostCode     string // PostNr, five digits
	City         string // PostOrt, in capitals as SCB writes it
	Municipality string // Säteskommun, kod
	Phone, Email string

	Active     bool   // Företagsstatus 1, else 9
	Registered string // Registreringsdatum, YYYY-MM-DD
	Started    string // Startdatum
	Ended      string // Slutdatum
	Employer   bool   // registered as an employer
	VAT        bool   // registered for VAT
	FTax       bool   // holds F-tax
	SizeClass  string // Stkl, kod: employees, "0" to "9"
	Workplaces int    // Antal arbetsställen

	About string // what it exercises, in one line
}

// Digits returns the company's ten digits without the hyphen.
func (c *SECompany) Digits() string { return digitsOf(c.OrgNr) }

// PeOrgNr returns SCB's 12-digit identity: 16 and the organisation
// number for a legal person, the century and the personnummer for a sole
// trader.
func (c *SECompany) PeOrgNr() string {
	if c.Century != "" {
		return c.Century + c.Digits()
	}
	return "16" + c.Digits()
}

// SECompanies returns the Swedish legal units of SCB's register: one or
// more of every legal form of registries.md §1.2, sole traders, the
// companies BankID's simulator serves (with the same names), an inactive
// company, and names with Å Ä Ö É Ü.
func (w *World) SECompanies() []SECompany { return append([]SECompany(nil), w.seCompanies...) }

// SECompany returns the Swedish unit with the organisation number or
// personnummer n (10 digits, hyphen or not, or the 12-digit PeOrgNr).
func (w *World) SECompany(n string) (*SECompany, bool) {
	d := digitsOf(n)
	if len(d) == 12 {
		d = d[2:]
	}
	c, ok := w.seByDigits[d]
	return c, ok
}

func worldSECompanies() []SECompany {
	return []SECompany{
		// The companies of the world BankID's simulator serves, with their names.
		{OrgNr: seNorrsken, Name: "Norrsken Kapital AB", LegalForm: "49", Sector: "114000", OwnerCategory: "41", SNI: []string{"64202"},
			Street: "Birger Jarlsgatan 12", PostCode: "11434", City: "STOCKHOLM", Municipality: "0180", Phone: "08-123 456 70", Email: "info@norrsken.example.se",
			Active: true, Registered: "2004-05-17", Started: "2004-05-01", Employer: true, VAT: true, FTax: true, SizeClass: "2", Workplaces: 1,
			About: "owns 25 % of SOLSTRAND INDUSTRIER ASA and 15 % of a Norwegian unit merged into another"},
		{OrgNr: seOresund, Name: "Öresund Logistik AB", LegalForm: "49", Sector: "114000", OwnerCategory: "42", SNI: []string{"52290", "49410"},
			CO: "c/o Hamnkontoret", Street: "Box 4400", PostCode: "20315", City: "MALMÖ", Municipality: "1280",
			Active: true, Registered: "2015-09-01", Started: "2015-09-01", Employer: true, VAT: true, FTax: true, SizeClass: "4", Workplaces: 3,
			About: "has a Norwegian branch (NUF); two SNI codes"},
		{OrgNr: seFirm, Name: "Fjordlys Redovisning AB", LegalForm: "49", Sector: "114000", OwnerCategory: "50", SNI: []string{"69201"},
			Street: "Södra Hamngatan 5", PostCode: "41106", City: "GÖTEBORG", Municipality: "1480", Email: "hej@fjordlys.example.se",
			Active: true, Registered: "2016-02-12", Started: "2016-02-01", Employer: true, VAT: true, FTax: true, SizeClass: "3", Workplaces: 1,
			About: "the demo accounting firm's Swedish company, owned by the Norwegian one (foreign-owned)"},
		{OrgNr: SESanctionsOrgNr, Name: "Kallvik Handel AB", LegalForm: "49", Sector: "114000", OwnerCategory: "41", SNI: []string{"46900"},
			Street: "Storgatan 51", PostCode: "97231", City: "LULEÅ", Municipality: "2580",
			Active: true, Registered: "2011-03-08", Started: "2011-03-01", Employer: true, VAT: true, FTax: true, SizeClass: "1", Workplaces: 1,
			About: "sanctions hits at BankID"},

		// Sole traders (10): personnummer, PeOrgNr 19/20 + the number.
		{OrgNr: SESoleTraderPNr, Century: "19", Name: "Åsa Ekström", Firma: "Ekströms Hårvård", LegalForm: "10", Sector: "142000", SNI: []string{"96021"},
			Street: "Västra Ågatan 3", PostCode: "75309", City: "UPPSALA", Municipality: "0380",
			Active: true, Registered: "2009-06-01", Started: "2009-06-01", VAT: true, FTax: true, SizeClass: "0", Workplaces: 1,
			About: "a sole trader without employees (Företagarhushåll utan anställda); a trading name"},
		{OrgNr: "750314-1231", Century: "19", Name: "René Müller", LegalForm: "10", Sector: "141000", SNI: []string{"43210"},
			Street: "Järnvägsgatan 9", PostCode: "90326", City: "UMEÅ", Municipality: "2480",
			Active: true, Registered: "2012-01-10", Started: "2012-01-10", Employer: true, VAT: true, FTax: true, SizeClass: "1", Workplaces: 1,
			About: "a sole trader with employees; É and Ü in his name"},
		{OrgNr: SESoleTrader2000PNr, Century: "20", Name: "Elin Öhman", LegalForm: "10", Sector: "142000", SNI: []string{"62010"},
			Street: "Drottninggatan 20", PostCode: "70210", City: "ÖREBRO", Municipality: "1880",
			Active: true, Registered: "2023-03-01", Started: "2023-03-01", FTax: true, SizeClass: "0", Workplaces: 1,
			About: "a sole trader born in 2001 (PeOrgNr 20…)"},

		// One or more of every other legal form.
		{OrgNr: "692004-1230", Name: "Ängsbackens Jaktlag", LegalForm: "21", Sector: "143000", SNI: []string{"01700"},
			Street: "Ängsbacken 1", PostCode: "82730", City: "LJUSDAL", Municipality: "2161", Active: true, Registered: "2001-08-15", Started: "2001-08-15", SizeClass: "0", Workplaces: 1},
		{OrgNr: "969712-3454", Name: "Partrederiet Havsörn", LegalForm: "22", Sector: "114000", OwnerCategory: "41", SNI: []string{"50203"},
			Street: "Hamngatan 2", PostCode: "57231", City: "OSKARSHAMN", Municipality: "0882", Active: true, Registered: "1998-04-01", Started: "1998-04-01", Employer: true, VAT: true, FTax: true, SizeClass: "2", Workplaces: 1},
		{OrgNr: "504421-2347", Name: "Norrsken Sverigefond", LegalForm: "23", Sector: "123000", SNI: []string{"64301"},
			CO: "c/o Norrsken Fonder AB", Street: "Birger Jarlsgatan 12", PostCode: "11434", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "2006-11-20", Started: "2006-11-20", SizeClass: "0", Workplaces: 1},
		{OrgNr: SELatin1OrgNr, Name: "Café Åkerblom HB", LegalForm: "31", Sector: "114000", OwnerCategory: "41", SNI: []string{"56100"},
			Street: "Stora Östergatan 14", PostCode: "27131", City: "YSTAD", Municipality: "1286", Phone: "0411-123 45",
			Active: true, Registered: "2014-05-05", Started: "2014-05-05", Employer: true, VAT: true, FTax: true, SizeClass: "1", Workplaces: 1,
			About: "a trading partnership whose name holds É, Å and Ö"},
		{OrgNr: SEUmlautOrgNr, Name: "Müller & Söner KB", LegalForm: "31", Sector: "114000", OwnerCategory: "41", SNI: []string{"41200"},
			Street: "Kungsgatan 7", PostCode: "73230", City: "ARBOGA", Municipality: "1984",
			Active: true, Registered: "2008-10-01", Started: "2008-10-01", Employer: true, VAT: true, FTax: true, SizeClass: "2", Workplaces: 2,
			About: "a limited partnership whose name holds Ü and Ö"},
		{OrgNr: "716432-1452", Name: "Bergslagens Gruvbolag", LegalForm: "32", Sector: "114000", OwnerCategory: "41", SNI: []string{"07100"},
			Street: "Gruvvägen 1", PostCode: "98131", City: "KIRUNA", Municipality: "2584", Active: true, Registered: "1990-01-02", Started: "1990-01-02", Employer: true, VAT: true, FTax: true, SizeClass: "5", Workplaces: 2},
		{OrgNr: SEBankOrgNr, Name: "Fjällbanken AB (publ)", LegalForm: "41", Sector: "122100", OwnerCategory: "42", SNI: []string{"64190"},
			Street: "Kungsträdgårdsgatan 8", PostCode: "11147", City: "STOCKHOLM", Municipality: "0180",
			Active: true, Registered: "1996-06-01", Started: "1996-06-01", Employer: true, VAT: true, FTax: true, SizeClass: "6", Workplaces: 4, About: "a bank"},
		{OrgNr: "516401-9878", Name: "Trygghet Försäkrings AB", LegalForm: "42", Sector: "125100", OwnerCategory: "42", SNI: []string{"65120"},
			Street: "Sveavägen 44", PostCode: "11134", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "1999-02-15", Started: "1999-02-15", Employer: true, VAT: true, FTax: true, SizeClass: "5", Workplaces: 1},
		{OrgNr: "517503-4569", Name: "Étoile Über Shipping SE", LegalForm: "43", Sector: "114000", OwnerCategory: "50", SNI: []string{"50203"},
			Street: "Lilla Bommen 1", PostCode: "41104", City: "GÖTEBORG", Municipality: "1480", Active: true, Registered: "2019-09-09", Started: "2019-09-09", Employer: true, VAT: true, FTax: true, SizeClass: "3", Workplaces: 1},
		{OrgNr: SEInactiveOrgNr, Name: "Gamla Verkstaden i Ystad AB", LegalForm: "49", Sector: "114000", OwnerCategory: "41", SNI: []string{"25620"},
			Street: "Industrigatan 4", PostCode: "27139", City: "YSTAD", Municipality: "1286", Registered: "1987-03-03", Started: "1987-03-03", Ended: "2021-12-31", SizeClass: "0",
			About: "no longer active: Företagsstatus 9, deregistered"},
		{OrgNr: "769623-4561", Name: "Byns Elförening ekonomisk förening", LegalForm: "51", Sector: "114000", OwnerCategory: "60", SNI: []string{"35130"},
			Street: "Byvägen 12", PostCode: "79430", City: "ORSA", Municipality: "2034", Active: true, Registered: "1921-05-05", Started: "1921-05-05", Employer: true, VAT: true, FTax: true, SizeClass: "1", Workplaces: 1},
		{OrgNr: SEBrfOrgNr, Name: "Bostadsrättsföreningen Rönnbäret", LegalForm: "53", Sector: "113000", OwnerCategory: "60", SNI: []string{"68201"},
			CO: "c/o Förvaltning Öst", Street: "Rönnbärsvägen 5", PostCode: "58246", City: "LINKÖPING", Municipality: "0580", Active: true, Registered: "1978-09-01", Started: "1978-09-01", VAT: true, FTax: true, SizeClass: "0", Workplaces: 1,
			About: "a housing cooperative"},
		{OrgNr: "769634-5672", Name: "Kooperativa hyresrättsföreningen Äppellunden", LegalForm: "54", Sector: "113000", OwnerCategory: "60", SNI: []string{"68201"},
			Street: "Äppelvägen 2", PostCode: "85231", City: "SUNDSVALL", Municipality: "2281", Active: true, Registered: "2003-04-01", Started: "2003-04-01", FTax: true, SizeClass: "0", Workplaces: 1},
		{OrgNr: "802476-5433", Name: "Idrottsföreningen Kälvarna", LegalForm: "61", Sector: "151000", SNI: []string{"93120"},
			Street: "Idrottsvägen 3", PostCode: "59931", City: "ÖDESHÖG", Municipality: "0509", Active: true, Registered: "1946-02-02", Started: "1946-02-02", SizeClass: "0", Workplaces: 1},
		{OrgNr: "717912-3455", Name: "Gårdsvägens samfällighetsförening", LegalForm: "62", Sector: "143000", SNI: []string{"42110"},
			Street: "Gårdsvägen 1", PostCode: "75592", City: "UPPSALA", Municipality: "0380", Active: true, Registered: "1985-07-01", Started: "1985-07-01", SizeClass: "0", Workplaces: 1},
		{OrgNr: "826543-2107", Name: "Frikyrkoförsamlingen Källan", LegalForm: "63", Sector: "151000", SNI: []string{"94910"},
			Street: "Kyrkogatan 8", PostCode: "90327", City: "UMEÅ", Municipality: "2480", Active: true, Registered: "2000-01-01", Started: "2000-01-01", Employer: true, SizeClass: "1", Workplaces: 1},
		{OrgNr: "802512-3459", Name: "Stiftelsen Ekdahls familjefond", LegalForm: "71", Sector: "151000", SNI: []string{"64303"},
			Street: "Strandvägen 30", PostCode: "11456", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "1955-12-12", Started: "1955-12-12", SizeClass: "0", Workplaces: 1},
		{OrgNr: "802587-6544", Name: "Stiftelsen Skärgårdsmuseet", LegalForm: "72", Sector: "151000", SNI: []string{"91020"},
			Street: "Museivägen 1", PostCode: "57230", City: "OSKARSHAMN", Municipality: "0882", Active: true, Registered: "1962-06-06", Started: "1962-06-06", Employer: true, VAT: true, SizeClass: "1", Workplaces: 1},
		{OrgNr: "202100-9879", Name: "Statens testverk", LegalForm: "81", Sector: "131110", OwnerCategory: "10", SNI: []string{"84111"},
			Street: "Box 1200", PostCode: "11182", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "1993-07-01", Started: "1993-07-01", Employer: true, SizeClass: "6", Workplaces: 3},
		{OrgNr: SEMunicipalityOrgNr, Name: "Fjällby kommun", LegalForm: "82", Sector: "131311", OwnerCategory: "20", SNI: []string{"84111"},
			Street: "Kommunhuset, Storgatan 1", PostCode: "82780", City: "LJUSDAL", Municipality: "2161", Active: true, Registered: "1971-01-01", Started: "1971-01-01", Employer: true, VAT: true, SizeClass: "8", Workplaces: 40,
			About: "a municipality"},
		{OrgNr: "222000-3210", Name: "Räddningstjänstförbundet Mälardalen Väst", LegalForm: "83", Sector: "131311", OwnerCategory: "20", SNI: []string{"84250"},
			Street: "Brandstationen", PostCode: "73231", City: "ARBOGA", Municipality: "1984", Active: true, Registered: "2000-01-01", Started: "2000-01-01", Employer: true, SizeClass: "4", Workplaces: 3},
		{OrgNr: "232100-7896", Name: "Region Norrskog", LegalForm: "84", Sector: "131312", OwnerCategory: "30", SNI: []string{"86101"},
			Street: "Regionhuset", PostCode: "97189", City: "LULEÅ", Municipality: "2580", Active: true, Registered: "1971-01-01", Started: "1971-01-01", Employer: true, VAT: true, SizeClass: "9", Workplaces: 60},
		{OrgNr: "252000-1112", Name: "Hamnkorporationen i Sandvik", LegalForm: "87", Sector: "131110", OwnerCategory: "10", SNI: []string{"52220"},
			Street: "Hamnplan 1", PostCode: "57232", City: "OSKARSHAMN", Municipality: "0882", Active: true, Registered: "1950-01-01", Started: "1950-01-01", Employer: true, SizeClass: "2", Workplaces: 1},
		{OrgNr: "769645-6784", Name: "Norrlands Hypoteksförening", LegalForm: "88", Sector: "124000", OwnerCategory: "60", SNI: []string{"64920"},
			Street: "Rådhusesplanaden 2", PostCode: "90328", City: "UMEÅ", Municipality: "2480", Active: true, Registered: "1968-03-01", Started: "1968-03-01", Employer: true, FTax: true, SizeClass: "1", Workplaces: 1},
		{OrgNr: "192003-4566", Name: "Dödsbo efter Gösta Ödmark", LegalForm: "91", Sector: "143000", SNI: []string{"68203"},
			Street: "Bergsgatan 11", PostCode: "70212", City: "ÖREBRO", Municipality: "1880", Active: true, Registered: "2024-02-01", Started: "2024-02-01", FTax: true, SizeClass: "0", Workplaces: 1},
		{OrgNr: "502011-2230", Name: "Ömsesidiga Skogsbrand", LegalForm: "92", Sector: "125100", OwnerCategory: "60", SNI: []string{"65120"},
			Street: "Skogsvägen 4", PostCode: "85232", City: "SUNDSVALL", Municipality: "2281", Active: true, Registered: "1912-01-01", Started: "1912-01-01", Employer: true, SizeClass: "3", Workplaces: 1},
		{OrgNr: "547201-2342", Name: "Sparbanken Fjällbygd", LegalForm: "93", Sector: "122100", OwnerCategory: "60", SNI: []string{"64190"},
			Street: "Torget 1", PostCode: "82730", City: "LJUSDAL", Municipality: "2161", Active: true, Registered: "1872-01-01", Started: "1872-01-01", Employer: true, VAT: true, FTax: true, SizeClass: "4", Workplaces: 5},
		{OrgNr: "802678-9019", Name: "Understödsföreningen Tryggheten", LegalForm: "94", Sector: "125100", SNI: []string{"65300"},
			Street: "Box 220", PostCode: "58102", City: "LINKÖPING", Municipality: "0580", Active: true, Registered: "1931-01-01", Started: "1931-01-01", SizeClass: "0", Workplaces: 1},
		{OrgNr: "802009-8763", Name: "Testbranschens arbetslöshetskassa", LegalForm: "95", Sector: "131110", SNI: []string{"84300"},
			Street: "Box 300", PostCode: "11183", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "1935-01-01", Started: "1935-01-01", Employer: true, SizeClass: "2", Workplaces: 1},
		{OrgNr: "302067-8904", Name: "SOLSTRAND INDUSTRIER ASA, FILIAL I SVERIGE", LegalForm: "96", Sector: "114000", OwnerCategory: "50", SNI: []string{"46900"},
			Street: "Hamngatan 3", PostCode: "41105", City: "GÖTEBORG", Municipality: "1480", Active: true, Registered: "2018-06-01", Started: "2018-06-01", Employer: true, VAT: true, FTax: true, SizeClass: "2", Workplaces: 1,
			About: "the Swedish branch of a Norwegian company of the world (foreign legal person)"},
		{OrgNr: "252003-3339", Name: "Allmänna Vattenrådet Bergslagen", LegalForm: "98", Sector: "131110", OwnerCategory: "10", SNI: []string{"84130"},
			Street: "Storgatan 2", PostCode: "73232", City: "ARBOGA", Municipality: "1984", Active: true, Registered: "2005-05-05", Started: "2005-05-05", SizeClass: "0", Workplaces: 1},
		{OrgNr: SEUnknownFormOrgNr, Name: "Okänd Enhet Testbolaget", LegalForm: "99", SNI: []string{"00000"},
			Street: "Okändgatan 1", PostCode: "11122", City: "STOCKHOLM", Municipality: "0180", Active: true, Registered: "2025-11-01", Started: "2025-11-01", SizeClass: "0", Workplaces: 1,
			About: "legal form not determined (99); sector and owner category unknown"},
	}
}

// indexSE indexes the Swedish units and checks their numbers and codes.
func (w *World) indexSE() error {
	w.seByDigits = make(map[string]*SECompany, len(w.seCompanies))
	forms, sectors, owners, sni, kommuner := codeSet(SELegalForms()), codeSet(SESectors()), codeSet(SEOwnerCategories()), codeSet(SNICodes()), codeSet(SEMunicipalities())
	for i := range w.seCompanies {
		c := &w.seCompanies[i]
		d := c.Digits()
		if len(d) != 10 || !LuhnSE(d) {
			return fmt.Errorf("sandbox world: Swedish number %s fails the Luhn check", c.OrgNr)
		}
		person := c.Century != ""
		if person != (d[2:4] < "20") || person != (c.LegalForm == "10") {
			return fmt.Errorf("sandbox world: %s: a personnummer must be a sole trader's (10) with a century, an organisationsnummer not", c.OrgNr)
		}
		if _, dup := w.seByDigits[d]; dup {
			return fmt.Errorf("sandbox world: Swedish unit %s twice", c.OrgNr)
		}
		w.seByDigits[d] = c
		for code, set := range map[string]map[string]bool{c.LegalForm: forms, c.Municipality: kommuner} {
			if !set[code] {
				return fmt.Errorf("sandbox world: %s: unknown code %q", c.OrgNr, code)
			}
		}
		if c.Sector != "" && !sectors[c.Sector] || c.OwnerCategory != "" && !owners[c.OwnerCategory] {
			return fmt.Errorf("sandbox world: %s: unknown sector %q or owner category %q", c.OrgNr, c.Sector, c.OwnerCategory)
		}
		for _, s := range c.SNI {
			if !sni[s] {
				return fmt.Errorf("sandbox world: %s: unknown SNI %q", c.OrgNr, s)
			}
		}
		if f, ok := w.foreign[c.OrgNr]; ok && f.Name != c.Name {
			return fmt.Errorf("sandbox world: %s is %q to BankID but %q to SCB", c.OrgNr, f.Name, c.Name)
		}
	}
	return nil
}

func codeSet(codes []Code) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c.Code] = true
	}
	return m
}

// LuhnSE reports whether the ten digits d pass the Swedish Luhn check
// (weights 2,1,2,1… from the left; registries.md §1.6). The simulators
// check it themselves rather than through ident, as the real register
// would.
func LuhnSE(d string) bool {
	if len(d) != 10 || strings.Trim(d, "0123456789") != "" {
		return false
	}
	sum := 0
	for i := range 9 {
		x := int(d[i]-'0') * (2 - i%2)
		if x > 9 {
			x -= 9
		}
		sum += x
	}
	return (10-sum%10)%10 == int(d[9]-'0')
}

// LuhnCheckDigit returns the Swedish check digit of nine digits.
func LuhnCheckDigit(d9 string) byte {
	sum := 0
	for i := range 9 {
		x := int(d9[i]-'0') * (2 - i%2)
		if x > 9 {
			x -= 9
		}
		sum += x
	}
	return byte('0' + (10-sum%10)%10)
}
