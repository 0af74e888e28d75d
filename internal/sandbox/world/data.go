package world

// The world's numbers. Every organisasjonsnummer passes MOD11 (the check
// digits were computed, not guessed, and a test checks them all); the
// 31xxxxxxx range is the one Brønnøysund uses for synthetic (Tenor) units.
// Every person has a synthetic fødselsnummer (month + 80) or D-nummer
// (day + 40, month + 80), valid for ident.Parse with AllowTestData.
const (
	// RichestOrgNr is the unit with everything: many roles, several
	// sub-units, all addresses and contact data, 3 NACE codes, capital and
	// purpose lines (SOLSTRAND INDUSTRIER ASA).
	RichestOrgNr = "311111116"
	// FirmOrgNr is the demo accounting firm (FJORDLYS REGNSKAP AS), which
	// holds the REGN role in many units.
	FirmOrgNr = "312345676"
	// AuditorOrgNr is the audit firm (NORDKAPP REVISJON AS), which holds the
	// REVI role in many units.
	AuditorOrgNr = "313333337"
	// NeverCreatedOrgNr passes MOD11 but was never issued: grunndata 1/100,
	// REST 404.
	NeverCreatedOrgNr = "315555558"
	// FailureOrgNr makes grunndataWS fail with -1/-1000 (unexpected error).
	FailureOrgNr = "318888884"
	// DeletedOrgNr is a deleted unit: grunndata 1/110, REST 200 with the
	// minimal body and slettedato.
	DeletedOrgNr = "310309125"
	// DuplicateOrgNr was deleted as a duplicate of DuplicateOfOrgNr:
	// grunndata 0/1 ("Enhet x er slettet som dublett - korrekt enhet y er
	// innført", seed 002), with the melding of DuplicateOfOrgNr, not of the
	// unit asked for; REST 200 with the minimal body and slettedato.
	DuplicateOrgNr = "310322199"
	// DuplicateOfOrgNr is the correct unit for DuplicateOrgNr.
	DuplicateOfOrgNr = "310335266"
	// MergedOrgNr was merged into MergedIntoOrgNr: grunndata 0/2 ("Enhet x
	// er slettet som sammenslått - korrekt enhet y er innført", seed 002),
	// with the melding of MergedIntoOrgNr; REST 200 with slettedato.
	MergedOrgNr = "310348333"
	// MergedIntoOrgNr is the unit MergedOrgNr was merged into.
	MergedIntoOrgNr = "310361402"
	// MergedIntoDeletedOrgNr was merged into a unit that is itself
	// deleted: grunndata 1/120.
	MergedIntoDeletedOrgNr = "310374474"
	// SubUnitOrgNr is a sub-unit (BEDR) of RichestOrgNr: grunndata 1/130,
	// REST 404 at /enheter and 200 at /underenheter.
	SubUnitOrgNr = "310126144"
	// DeletedSubUnitOrgNr is a closed and deleted sub-unit of RichestOrgNr.
	DeletedSubUnitOrgNr = "310152285"
	// RegisteredByOrgNr is a unit with a registration unit: grunndata 0/3.
	RegisteredByOrgNr = "317777779"
	// RegistrationUnitOrgNr is that registration unit: grunndata 1/200.
	RegistrationUnitOrgNr = "310400610"
	// BankruptOrgNr is bankrupt (konkurs, konkursdato, a trustee).
	BankruptOrgNr = "310413682"
	// LiquidationOrgNr is under liquidation (underAvvikling).
	LiquidationOrgNr = "310439827"
	// ForcedDissolutionOrgNr is under forced dissolution.
	ForcedDissolutionOrgNr = "310452890"
	// RemovedOrgNr is removed from open data: REST 410 at /enheter/{orgnr}
	// and /enheter/{orgnr}/roller (not "not found": a client must not retry
	// it as a sub-unit), 404 at /underenheter/{orgnr} as for any main
	// unit, and left out of searches; grunndataWS, with full access, still
	// answers 0/0 with its data.
	RemovedOrgNr = "310557455"
	// NoRolesOrgNr has no roles and no sector code.
	NoRolesOrgNr = "310544388"
	// NUFOrgNr is a Norwegian branch of a Swedish company.
	NUFOrgNr = "310230707"
	// PartnershipDAOrgNr is a DA whose participants (DTPR) are units.
	PartnershipDAOrgNr = "310256846"
	// CrossHoldingAOrgNr owns 30% of CrossHoldingBOrgNr, which owns 10% of
	// it.
	CrossHoldingAOrgNr = "312222221"
	// CrossHoldingBOrgNr is the other half of the cross-holding.
	CrossHoldingBOrgNr = "314444442"
	// ResignedMemberOrgNr has a board member who resigned: grunndata
	// hentRoller fratraadt K with a fratraadtTekst; REST fratraadt true
	// (GRINDHEIM RØR AS). RichestOrgNr's resigned member has F.
	ResignedMemberOrgNr = "310518247"
	// ResignedAuditorOrgNr has an auditor (a unit) that resigned: grunndata
	// fratraadt R with a fratraadtTekst (FJORDBRIS ARKITEKTER AS, also
	// RRHNoOwnersOrgNr).
	ResignedAuditorOrgNr = "310622818"
	// FamilyOwnedOrgNr is owned in part by a minor exempt from disclosure.
	FamilyOwnedOrgNr = "310570524"
)

// The persons' numbers (synthetic; never log them).
const (
	pIngrid  = "12836810064" // Ingrid Solstrand, 1968
	pMagnus  = "04876521097" // Magnus Solstrand, 1965
	pAstrid  = "23917212066" // Astrid Bøe, 1972
	pHakon   = "09815933041" // Håkon Lid, 1959
	pSigrid  = "30858114140" // Sigrid Årdal, 1981
	pJonas   = "17889025077" // Jonas Vik, 1990
	pEline   = "02828516100" // Eline Strand, 1985
	pLars    = "21867027189" // Lars Pettersen, 1970
	pNora    = "14906218039" // Nora Fjell, 1962
	pErik    = "05897529078" // Erik Berg, 1975
	pSolveig = "28847920051" // Solveig Hauge, 1979
	pOla     = "11928331026" // Ola Testmann, 1983
	pKjell   = "07865522031" // Kjell Lien, 1955
	pTove    = "19835723189" // Tove Bakke, 1957
	pAnders  = "43907644090" // Anders Ödegaard, D-nummer, 1976
	pKlaus   = "66816445087" // Klaus Dieter Bergmann, D-nummer, 1964
	pEmma    = "15851251011" // Emma Hauge, born 2012: a minor
	pPer     = "01844024025" // Per Gammel, 1940, dead
	pMarit   = "08886926074" // Marit Kvam, 1969
	pRune    = "13827328043" // Rune Haugland, 1973, lawyer
	pKari    = "24898030098" // Kari Kvitfjell, 1980
	pHans    = "06916632183" // Hans Brevik, 1966
	pGuro    = "18878834042" // Guro Moen, 1988
)

// Foreign companies' numbers.
const (
	seNorrsken = "556677-8899" // Norrsken Kapital AB
	seOresund  = "559012-3450" // Öresund Logistik AB
	seFirm     = "559123-4561" // Fjordlys Redovisning AB
	fiFirm     = "3123456-3"   // Fjordlys Tilitoimisto Oy
	deBergmann = "HRB 218304"  // Bergmann Beteiligungen GmbH, Amtsgericht München
	dkStatens  = "41 27 38 95" // Statens Ejendomsudvikling A/S, a Danish public company
	gbMeridian = "09876543"    // Meridian Holdings Ltd, Companies House
)

// adr returns a Norwegian address.
func adr(postCode, city, munNo, municipality string, lines ...string) *Address {
	return &Address{Lines: lines, PostCode: postCode, City: city, Municipality: municipality,
		MunicipalityNo: munNo, Country: "Norge", CountryCode: "NO"}
}

// Common codes.
var (
	sectorPrivateAS = &Code{"2100", "Private aksjeselskaper mv."}
	sectorPersonal  = &Code{"8200", "Personlig næringsdrivende"}
	sectorPartners  = &Code{"2300", "Personlige foretak"}
	sectorNonProfit = &Code{"7000", "Ideelle organisasjoner"}
	sectorMunicipal = &Code{"6500", "Kommuneforvaltningen"}

	naceAccounting = Code{"69.201", "Regnskap og bokføring"}
	naceAudit      = Code{"69.202", "Revisjon"}
	naceHolding    = Code{"64.200", "Holdingselskaper"}
	naceRealEstate = Code{"68.209", "Utleie av egen eller leid fast eiendom ellers"}
	naceConsulting = Code{"70.220", "Bedriftsrådgivning og annen administrativ rådgivning"}
)

// New builds the world and checks that every reference in it resolves.
func New() (*World, error) {
	w := &World{
		Firm: Firm{
			Name: "FJORDLYS REGNSKAP AS", OrgNr: FirmOrgNr,
			SEName: "Fjordlys Redovisning AB", SEOrgNr: seFirm,
			FIName: "Fjordlys Tilitoimisto Oy", YTunnus: fiFirm,
		},
		Units:          append(worldUnits(), amlUnits()...),
		Persons:        append(worldPersons(), amlPersons()...),
		Foreign:        append(append(worldForeign(), amlForeign()...), prhForeign()...),
		Ownerships:     append(append(worldOwnerships(), amlOwnerships()...), prhOwnerships()...),
		ForeignPersons: append(worldForeignPersons(), amlForeignPersons()...),
		ForeignRoles:   amlForeignRoles(),
		Screenings:     amlScreenings(),
		Controls:       worldControls(),
		Filings:        worldFilings(),
		Clients:        worldClients(),
		ScopeGrants:    worldScopeGrants(),
		Delegations:    worldDelegations(),
		seCompanies:    worldSECompanies(),
	}
	if err := w.index(); err != nil {
		return nil, err
	}
	return w, nil
}

func worldPersons() []Person {
	oslo := func(line string) *Address { return adr("0150", "OSLO", "0301", "OSLO", line) }
	return []Person{
		{ID: pIngrid, First: "Ingrid", Last: "Solstrand", Address: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Strandgata 4"), About: "chair of the richest unit, owner of its holding company"},
		{ID: pMagnus, First: "Magnus", Last: "Solstrand", Address: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Strandgata 4")},
		{ID: pAstrid, First: "Astrid", Last: "Bøe", Address: adr("6003", "ÅLESUND", "1508", "ÅLESUND", "Kongens gate 12")},
		{ID: pHakon, First: "Håkon", Last: "Lid", Address: adr("5003", "BERGEN", "4601", "BERGEN", "Bryggen 7")},
		{ID: pSigrid, First: "Sigrid", Last: "Årdal", Address: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Fjellgata 2"), About: "employee representative (valgtAv AREP)"},
		{ID: pJonas, First: "Jonas", Last: "Vik", Address: oslo("Karl Johans gate 20")},
		{ID: pEline, First: "Eline", Last: "Strand", Address: oslo("Storgata 3")},
		{ID: pLars, First: "Lars", Last: "Pettersen", Address: oslo("Thorvald Meyers gate 40")},
		{ID: pNora, First: "Nora", Last: "Fjell", Address: adr("5014", "BERGEN", "4601", "BERGEN", "Nygårdsgaten 5")},
		{ID: pErik, First: "Erik", Last: "Berg", Address: adr("9008", "TROMSØ", "5501", "TROMSØ", "Storgata 90"), About: "state-authorised auditor"},
		{ID: pSolveig, First: "Solveig", Last: "Hauge", Address: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"), About: "sole proprietor (INNH)"},
		{ID: pOla, First: "Ola", Last: "Testmann", Address: oslo("Testveien 1")},
		{ID: pKjell, First: "Kjell", Last: "Lien", Address: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Munkegata 14")},
		{ID: pTove, First: "Tove", Last: "Bakke", Address: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Olav Tryggvasons gate 2")},
		{ID: pAnders, First: "Anders", Last: "Ödegaard", Address: &Address{Lines: []string{"Stortorget 9"}, PostCode: "211 22", City: "MALMÖ", Country: "Sverige", CountryCode: "SE"}, Citizenship: []string{"SWE"}, About: "Swedish resident with a D-nummer"},
		{ID: pKlaus, First: "Klaus", Middle: "Dieter", Last: "Bergmann", Address: &Address{Lines: []string{"Leopoldstraße 31"}, PostCode: "80802", City: "MÜNCHEN", Country: "Tyskland", CountryCode: "DE"}, Citizenship: []string{"DEU"}, About: "German resident with a D-nummer; owns a GmbH that owns a Norwegian AS"},
		{ID: pEmma, First: "Emma", Last: "Hauge", Address: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"), ExemptFromDisclosure: true, About: "a minor, exempt from disclosure"},
		{ID: pPer, First: "Per", Last: "Gammel", Address: adr("5014", "BERGEN", "4601", "BERGEN", "Kalfarveien 30"), Dead: true, About: "dead (erDoed), still listed as a board member"},
		{ID: pMarit, First: "Marit", Last: "Kvam", Address: adr("6413", "MOLDE", "1506", "MOLDE", "Storgata 1"), Citizenship: []string{"NOR", "SWE"}, About: "two citizenships"},
		{ID: pRune, First: "Rune", Last: "Haugland", Address: oslo("Advokatgården, Rådhusgata 5"), About: "lawyer, bankruptcy trustee (BOBE)"},
		{ID: pKari, First: "Kari", Last: "Kvitfjell", Address: adr("9008", "TROMSØ", "5501", "TROMSØ", "Sjøgata 3")},
		{ID: pHans, First: "Hans", Last: "Brevik", Address: adr("4006", "STAVANGER", "1103", "STAVANGER", "Kirkegata 11")},
		{ID: pGuro, First: "Guro", Last: "Moen", Address: adr("4699", "FJORDVIK", "4699", "FJORDVIK", "Rådhusplassen 1")},
	}
}

func worldForeign() []ForeignEntity {
	return []ForeignEntity{
		{Country: "SE", Number: seNorrsken, Register: "Bolagsverket", Name: "Norrsken Kapital AB", Form: "AB", City: "Stockholm", Address: "Birger Jarlsgatan 12, 114 34 Stockholm"},
		{Country: "SE", Number: seOresund, Register: "Bolagsverket", Name: "Öresund Logistik AB", Form: "AB", City: "Malmö", Address: "Box 4400, 203 15 Malmö"},
		{Country: "SE", Number: seFirm, Register: "Bolagsverket", Name: "Fjordlys Redovisning AB", Form: "AB", City: "Göteborg", Address: "Södra Hamngatan 5, 411 06 Göteborg"},
		{Country: "FI", Number: fiFirm, Register: "PRH", Name: "Fjordlys Tilitoimisto Oy", Form: "Oy", City: "Helsinki", Address: "Mannerheimintie 10, 00100 Helsinki"},
		{Country: "DE", Number: deBergmann, Register: "Amtsgericht München", Name: "Bergmann Beteiligungen GmbH", Form: "GmbH", City: "München", Address: "Leopoldstraße 31, 80802 München"},
		{Country: "DK", Number: dkStatens, Register: "Erhvervsstyrelsen (CVR)", Name: "Statens Ejendomsudvikling A/S", Form: "A/S", City: "København", Address: "Slotsholmsgade 4, 1216 København K", Public: true},
		{Country: "GB", Number: gbMeridian, Register: "Companies House", Name: "Meridian Holdings Ltd", Form: "Ltd", City: "London", Address: "1 Canada Square, London E14 5AB"},
	}
}

func worldOwnerships() []Ownership {
	org := func(n string) Party { return Party{OrgNr: n} }
	per := func(n string) Party { return Party{PersonID: n} }
	foreign := func(n string) Party { return Party{Foreign: n} }
	return []Ownership{
		// Multi-level: persons → SOLSTRAND HOLDING AS → SOLSTRAND INDUSTRIER ASA → SOLSTRAND MARIN AS.
		{Company: "310165352", Owner: per(pIngrid), Percent: 60, Shares: 600},
		{Company: "310165352", Owner: per(pMagnus), Percent: 40, Shares: 400},
		{Company: RichestOrgNr, Owner: org("310165352"), Percent: 55, Shares: 5_500_000},
		{Company: RichestOrgNr, Owner: foreign(seNorrsken), Percent: 25, Shares: 2_500_000},
		{Company: RichestOrgNr, Owner: org(CrossHoldingAOrgNr), Percent: 10, Shares: 1_000_000},
		{Company: RichestOrgNr, Owner: per(pSigrid), Percent: 0.5, Shares: 50_000},
		{Company: "310191493", Owner: org(RichestOrgNr), Percent: 100, Shares: 3000},
		// Cross-holding: A owns 30% of B, B owns 10% of A.
		{Company: CrossHoldingBOrgNr, Owner: org(CrossHoldingAOrgNr), Percent: 30, Shares: 300},
		{Company: CrossHoldingBOrgNr, Owner: per(pKari), Percent: 60, Shares: 600},
		{Company: CrossHoldingAOrgNr, Owner: org(CrossHoldingBOrgNr), Percent: 10, Shares: 100},
		{Company: CrossHoldingAOrgNr, Owner: per(pHans), Percent: 90, Shares: 900},
		// Foreign owners: a German GmbH and a Swedish AB.
		{Company: MergedIntoOrgNr, Owner: foreign(deBergmann), Percent: 35, Shares: 350},
		{Company: MergedIntoOrgNr, Owner: foreign(seNorrsken), Percent: 15, Shares: 150},
		{Company: MergedIntoOrgNr, Owner: per(pMarit), Percent: 50, Shares: 500},
		// A minor, exempt from disclosure.
		{Company: FamilyOwnedOrgNr, Owner: per(pSolveig), Percent: 60, Shares: 60},
		{Company: FamilyOwnedOrgNr, Owner: per(pEmma), Percent: 40, Shares: 40},
		// The accounting firm and the auditor.
		{Company: FirmOrgNr, Owner: per(pLars), Percent: 50, Shares: 50},
		{Company: FirmOrgNr, Owner: per(pNora), Percent: 50, Shares: 50},
		{Company: AuditorOrgNr, Owner: per(pErik), Percent: 100, Shares: 300},

		// The owners of the foreign owners: chains through foreign
		// companies to a person with a D-nummer and to a foreign person.
		{Company: deBergmann, Owner: per(pKlaus), Percent: 100, Shares: 25_000},
		{Company: seNorrsken, Owner: Party{ForeignPerson: fpGreta}, Percent: 100, Shares: 1000},
		// Public owners: a municipality (rknv) and a Danish public company (rkuv).
		{Company: "310596663", Owner: org(RegisteredByOrgNr), Percent: 80, Shares: 80},
		{Company: "310596663", Owner: per(pSigrid), Percent: 20, Shares: 20},
		{Company: "310531316", Owner: foreign(dkStatens), Percent: 100, Shares: 30},
		// Five equal owners: nobody above 25 % (rikv).
		{Company: "310622818", Owner: per(pEline), Percent: 20, Shares: 6},
		{Company: "310622818", Owner: per(pJonas), Percent: 20, Shares: 6},
		{Company: "310622818", Owner: per(pAstrid), Percent: 20, Shares: 6},
		{Company: "310622818", Owner: per(pHakon), Percent: 20, Shares: 6},
		{Company: "310622818", Owner: per(pGuro), Percent: 20, Shares: 6},
		// A DA owned by the two halves of the cross-holding.
		{Company: PartnershipDAOrgNr, Owner: org(CrossHoldingAOrgNr), Percent: 50},
		{Company: PartnershipDAOrgNr, Owner: org(CrossHoldingBOrgNr), Percent: 50},
		// An ANS owned by its two participants.
		{Company: "310243779", Owner: per(pKjell), Percent: 50},
		{Company: "310243779", Owner: per(pTove), Percent: 50},
		{Company: BankruptOrgNr, Owner: per(pJonas), Percent: 100, Shares: 30},
		{Company: LiquidationOrgNr, Owner: per(pEline), Percent: 100, Shares: 100},
		// A dead owner.
		{Company: ForcedDissolutionOrgNr, Owner: per(pOla), Percent: 70, Shares: 21},
		{Company: ForcedDissolutionOrgNr, Owner: per(pPer), Percent: 30, Shares: 9},
		// B shares: Astrid owns 40 % of the shares but 60 % of the votes.
		{Company: "310465968", Owner: per(pAstrid), Percent: 40, Shares: 12},
		{Company: "310465968", Owner: per(pTove), Percent: 60, Shares: 18},
		// Some owners unidentified (nrki): 40 % of the shares unaccounted for.
		{Company: "310609730", Owner: per(pGuro), Percent: 40, Shares: 200},
		{Company: "310609730", Owner: per(pErik), Percent: 10, Shares: 50},
		{Company: "310609730", Owner: per(pKari), Percent: 10, Shares: 50},
		// Owned through an English company whose owners are unknown (irki).
		{Company: "310583596", Owner: foreign(gbMeridian), Percent: 60, Shares: 120},
		{Company: "310583596", Owner: per(pNora), Percent: 20, Shares: 40},
		// A foreign person (no D-nummer) as a direct owner.
		{Company: DuplicateOfOrgNr, Owner: per(pMarit), Percent: 70, Shares: 210},
		{Company: DuplicateOfOrgNr, Owner: Party{ForeignPerson: fpJohn}, Percent: 30, Shares: 90},
	}
}
