package world

// worldUnits returns the units. The comment on each says which grunndata
// status combination it produces for hentBasisdataMini (and, where they
// differ, for other operations). Every sub-unit gives 1/130. Notes 1116
// (no fax) and 1117 (no mobile) come with hentKontaktdata for almost every
// unit, as in the real service.
func worldUnits() []Unit {
	as := func(u Unit) Unit {
		u.Form = "AS"
		u.BusinessRegister = true
		if u.Sector == nil {
			u.Sector = sectorPrivateAS
		}
		if u.Language == "" {
			u.Language = "Bokmål"
		}
		return u
	}
	aksjekapital := func(n float64, shares int64) *Capital { return &Capital{Amount: n, Currency: "NOK", Shares: shares} }
	return []Unit{
		// 0/0. The accounting firm: REGN for many units.
		as(Unit{
			OrgNr: FirmOrgNr, Name: "FJORDLYS REGNSKAP AS", Registered: "2009-03-02", Founded: "2009-02-10", StatutesDate: "2009-02-10",
			Business: adr("0152", "OSLO", "0301", "OSLO", "Fjordlysgata 1"), Postal: adr("0102", "OSLO", "0301", "OSLO", "Postboks 100 Sentrum"),
			Phone: "22 00 10 00", Mobile: "900 10 000", Email: "post@fjordlys-regnskap.no", Homepage: "www.fjordlys-regnskap.no",
			NACE: []Code{naceAccounting}, Employees: 24, HasEmployees: true, Capital: aksjekapital(100_000, 100),
			Purpose:  []string{"Regnskapsføring, rådgivning og annen virksomhet som naturlig hører sammen med dette."},
			Activity: []string{"Autorisert regnskapsførerselskap"}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pLars}, {Type: "LEDE", Person: pNora}, {Type: "MEDL", Person: pLars}, {Type: "REVI", Unit: AuditorOrgNr}},
			About: "the demo accounting firm (REGN holder)",
		}),
		{OrgNr: "310100005", Name: "FJORDLYS REGNSKAP AS AVD BERGEN", Form: "BEDR", Parent: FirmOrgNr, Registered: "2015-08-01", Started: "2015-08-01",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Torgallmenningen 8"), NACE: []Code{naceAccounting}, Employees: 6, HasEmployees: true, VAT: true,
			About: "sub-unit of the accounting firm"},

		// 0/0. The audit firm: REVI for many units.
		as(Unit{
			OrgNr: AuditorOrgNr, Name: "NORDKAPP REVISJON AS", Registered: "2001-05-14", Founded: "2001-04-30", StatutesDate: "2001-04-30",
			Business: adr("9008", "TROMSØ", "5501", "TROMSØ", "Storgata 90"), Postal: adr("9008", "TROMSØ", "5501", "TROMSØ", "Storgata 90"),
			Phone: "77 60 00 00", Email: "revisjon@nordkapp-revisjon.no", Homepage: "www.nordkapp-revisjon.no",
			NACE: []Code{naceAudit}, Employees: 11, HasEmployees: true, Capital: aksjekapital(300_000, 300),
			Purpose: []string{"Revisjon og tjenester som naturlig henger sammen med dette."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pErik}, {Type: "LEDE", Person: pErik}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "the audit firm (REVI holder)",
		}),

		// 0/0 for every operation (hentKontaktdata too: it has a fax). The
		// richest unit.
		{
			OrgNr: RichestOrgNr, Name: "SOLSTRAND INDUSTRIER ASA", Form: "ASA", Registered: "1995-06-20", Founded: "1995-05-02", StatutesDate: "2021-06-15",
			Business: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Solstrandvegen 1", "Bygg C"),
			Postal:   adr("6001", "ÅLESUND", "1508", "ÅLESUND", "Postboks 1200 Sentrum"),
			Phone:    "70 10 20 30", Mobile: "915 55 555", Fax: "70 10 20 31", Email: "post@solstrand.no", Homepage: "www.solstrand.no",
			NACE: []Code{
				{"30.110", "Bygging av skip og flytende materiell"},
				{"33.150", "Reparasjon og vedlikehold av skip og båter"},
				{"25.110", "Produksjon av metallkonstruksjoner og deler"},
			},
			Sector: &Code{"2100", "Private aksjeselskaper mv."}, Employees: 412, HasEmployees: true,
			Capital: aksjekapital(10_000_000, 10_000_000),
			Purpose: []string{
				"Selskapets formål er bygging, reparasjon og vedlikehold av skip og flytende innretninger,",
				"produksjon av metallkonstruksjoner, og deltakelse i andre selskaper med tilsvarende formål.",
			},
			Activity:         []string{"Skipsbygging og verkstedindustri", "Reparasjon av fartøy"},
			Language:         "Nynorsk",
			VAT:              true,
			VoluntaryVAT:     []string{"Utleier av bygg eller anlegg"},
			BusinessRegister: true, LastAccounts: "2024", InGroup: true,
			Roles: []Role{
				{Type: "DAGL", Person: pMagnus, Since: "2016-01-01"},
				{Type: "LEDE", Person: pIngrid, Since: "2021-06-15"},
				{Type: "NEST", Person: pAstrid, Since: "2021-06-15"},
				{Type: "MEDL", Person: pHakon, Since: "2021-06-15"},
				{Type: "MEDL", Person: pSigrid, ElectedBy: "AREP", Since: "2021-06-15"},
				{Type: "MEDL", Person: pAnders, Since: "2023-06-20"},
				{Type: "MEDL", Person: pMarit, Resigned: true, ResignedAs: "F", Since: "2019-06-18"},
				{Type: "VARA", Person: pJonas, Since: "2021-06-15"},
				{Type: "VARA", Person: pEline, Since: "2021-06-15"},
				{Type: "KONT", Person: pEline, Since: "2022-01-10"},
				{Type: "REVI", Unit: AuditorOrgNr, Since: "2010-05-01"},
				{Type: "REGN", Unit: FirmOrgNr, Since: "2012-01-01"},
			},
			About: "the richest unit: every field, many roles, sub-units, owners",
		},
		{OrgNr: "310113077", Name: "SOLSTRAND INDUSTRIER ASA AVD ÅLESUND VERFT", Form: "BEDR", Parent: RichestOrgNr, Registered: "1995-06-20", Started: "1995-06-01",
			Business: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Solstrandvegen 1"), NACE: []Code{{"30.110", "Bygging av skip og flytende materiell"}},
			Employees: 310, HasEmployees: true, VAT: true, Homepage: "www.solstrand.no/verft", About: "sub-unit (shipyard)"},
		{OrgNr: SubUnitOrgNr, Name: "SOLSTRAND INDUSTRIER ASA AVD OSLO", Form: "BEDR", Parent: RichestOrgNr, Registered: "2004-02-01", Started: "2004-01-15", OwnerChange: "2012-03-01",
			Business: adr("0250", "OSLO", "0301", "OSLO", "Dronning Mauds gate 15"), Postal: adr("0101", "OSLO", "0301", "OSLO", "Postboks 55 Sentrum"),
			NACE: []Code{{"70.100", "Hovedkontortjenester"}}, Employees: 42, HasEmployees: true, VAT: true,
			About: "sub-unit asked for as a legal unit: grunndata 1/130, REST 404 at /enheter"},
		{OrgNr: "310139211", Name: "SOLSTRAND INDUSTRIER ASA AVD BERGEN LAGER", Form: "BEDR", Parent: RichestOrgNr, Registered: "2011-09-12", Started: "2011-09-01",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Kaigaten 2"), NACE: []Code{{"52.100", "Lagring"}}, Employees: 0, HasEmployees: false, About: "sub-unit without employees"},
		{OrgNr: DeletedSubUnitOrgNr, Name: "SOLSTRAND INDUSTRIER ASA AVD TROMSØ", Form: "BEDR", Parent: RichestOrgNr, Registered: "2008-04-01", Started: "2008-04-01",
			Closed: "2019-12-31", Deleted: "2020-02-14",
			Business: adr("9008", "TROMSØ", "5501", "TROMSØ", "Havnegata 4"), NACE: []Code{{"33.150", "Reparasjon og vedlikehold av skip og båter"}},
			About: "closed and deleted sub-unit (nedleggelsesdato, slettedato)"},

		// 0/0. Holding company: first level of the ownership chain.
		as(Unit{
			OrgNr: "310165352", Name: "SOLSTRAND HOLDING AS", Registered: "1999-11-01", Founded: "1999-10-20", StatutesDate: "1999-10-20",
			Business: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Strandgata 4"), Postal: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Strandgata 4"),
			Email: "holding@solstrand.no", NACE: []Code{naceHolding}, Employees: 0, HasEmployees: false, Capital: aksjekapital(1_000_000, 1000),
			Purpose: []string{"Eie aksjer i andre selskaper."}, LastAccounts: "2024", InGroup: true,
			Roles: []Role{{Type: "DAGL", Person: pIngrid}, {Type: "LEDE", Person: pIngrid}, {Type: "MEDL", Person: pMagnus}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "holding company: persons → holding → ASA → subsidiary",
		}),
		// 0/0. Subsidiary, 100% owned by the richest unit.
		as(Unit{
			OrgNr: "310191493", Name: "SOLSTRAND MARIN AS", Registered: "2013-02-18", Founded: "2013-01-30", StatutesDate: "2013-01-30",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Dokkeskjærskaien 10"), Postal: adr("5003", "BERGEN", "4601", "BERGEN", "Dokkeskjærskaien 10"),
			Phone: "55 20 30 40", Email: "marin@solstrand.no", Homepage: "www.solstrandmarin.no",
			NACE: []Code{{"33.150", "Reparasjon og vedlikehold av skip og båter"}}, Employees: 38, HasEmployees: true, Capital: aksjekapital(3_000_000, 3000),
			Purpose: []string{"Reparasjon og vedlikehold av fartøy."}, VAT: true, LastAccounts: "2024", InGroup: true,
			Roles: []Role{{Type: "DAGL", Person: pHakon}, {Type: "LEDE", Person: pMagnus}, {Type: "MEDL", Person: pIngrid}, {Type: "REVI", Unit: AuditorOrgNr}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "subsidiary owned 100% by the richest unit",
		}),
		{OrgNr: "310204560", Name: "SOLSTRAND MARIN AS", Form: "BEDR", Parent: "310191493", Registered: "2013-02-18", Started: "2013-03-01",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Dokkeskjærskaien 10"), NACE: []Code{{"33.150", "Reparasjon og vedlikehold av skip og båter"}},
			Employees: 38, HasEmployees: true, VAT: true, About: "sub-unit with the same name as its main unit"},

		// 0/0. Cross-holding A (owns 30% of B, owned 10% by B).
		as(Unit{
			OrgNr: CrossHoldingAOrgNr, Name: "BREVIK INVEST AS", Registered: "2006-10-02", Founded: "2006-09-15", StatutesDate: "2006-09-15",
			Business: adr("4006", "STAVANGER", "1103", "STAVANGER", "Kirkegata 11"), Postal: adr("4006", "STAVANGER", "1103", "STAVANGER", "Kirkegata 11"),
			Phone: "51 00 11 22", Email: "post@brevikinvest.no", NACE: []Code{naceHolding}, Employees: 1, HasEmployees: true, Capital: aksjekapital(1_000_000, 1000),
			Purpose: []string{"Investering i aksjer og eiendom."}, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pHans}, {Type: "LEDE", Person: pHans}, {Type: "MEDL", Person: pKari}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "cross-holding A: owns 30% of B, B owns 10% of it",
		}),
		// 0/0. Cross-holding B.
		as(Unit{
			OrgNr: CrossHoldingBOrgNr, Name: "KVITFJELL EIENDOM AS", Registered: "2010-01-11", Founded: "2009-12-20", StatutesDate: "2009-12-20",
			Business: adr("9008", "TROMSØ", "5501", "TROMSØ", "Sjøgata 3"), Postal: adr("9008", "TROMSØ", "5501", "TROMSØ", "Sjøgata 3"),
			Phone: "77 11 22 33", Email: "post@kvitfjell-eiendom.no", NACE: []Code{naceRealEstate}, Employees: 2, HasEmployees: true, Capital: aksjekapital(1_000_000, 1000),
			Purpose: []string{"Kjøp, salg og utleie av fast eiendom."}, VAT: true, VoluntaryVAT: []string{"Utleier av bygg eller anlegg"}, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pKari}, {Type: "LEDE", Person: pKari}, {Type: "MEDL", Person: pHans}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "cross-holding B",
		}),

		// 0/0; hentBasisdata 0/0 + 1100, 1111 (no formål, no vedtektsdato).
		// Sole proprietorship (ENK) with INNH.
		{OrgNr: "310217638", Name: "SOLVEIG HAUGE HÅNDVERK", Form: "ENK", Registered: "2014-04-22", Founded: "2014-04-01",
			Business: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"), Postal: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"),
			Mobile: "412 34 567", Email: "solveig@haugehandverk.no", NACE: []Code{{"43.320", "Snekkerarbeid"}}, Sector: sectorPersonal,
			Employees: 0, HasEmployees: false, Activity: []string{"Snekker- og tømrerarbeid"}, Language: "Bokmål", VAT: true, BusinessRegister: true,
			Roles: []Role{{Type: "INNH", Person: pSolveig}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "sole proprietorship (ENK) with INNH"},

		// 0/0 (its postal address is in Sweden). NUF.
		{OrgNr: NUFOrgNr, Name: "ÖRESUND LOGISTIK AB, NORSK FILIAL", Form: "NUF", Registered: "2018-09-03", Founded: "2004-03-01",
			Business: adr("0150", "OSLO", "0301", "OSLO", "Havnelageret, Langkaia 1"),
			Postal:   &Address{Lines: []string{"Box 4400"}, PostCode: "203 15", City: "MALMÖ", Country: "Sverige", CountryCode: "SE"},
			Phone:    "+46 40 123 45 67", Email: "norge@oresundlogistik.se", Homepage: "www.oresundlogistik.se",
			NACE: []Code{{"52.100", "Lagring"}, {"49.410", "Godstransport på vei"}}, Sector: sectorPrivateAS, Employees: 7, HasEmployees: true,
			Activity: []string{"Lagring og transport av gods mellom Norge og Sverige"}, Language: "Bokmål", VAT: true, BusinessRegister: true, LastAccounts: "2023",
			Roles: []Role{{Type: "DAGL", Person: pAnders}, {Type: "REPR", Unit: FirmOrgNr}, {Type: "KONT", Person: pLars}},
			About: "Norwegian branch (NUF) of a Swedish AB; manager with a D-nummer; foreign postal address"},
		{OrgNr: "310635871", Name: "ÖRESUND LOGISTIK AB, NORSK FILIAL", Form: "BEDR", Parent: NUFOrgNr, Registered: "2018-09-03", Started: "2018-09-01",
			Business: adr("0150", "OSLO", "0301", "OSLO", "Havnelageret, Langkaia 1"), NACE: []Code{{"52.100", "Lagring"}}, Employees: 7, HasEmployees: true, VAT: true,
			About: "sub-unit of the NUF"},

		// 0/0. ANS: participants with joint and several liability (DTSO).
		{OrgNr: "310243779", Name: "LIEN OG BAKKE ANS", Form: "ANS", Registered: "1998-03-16", Founded: "1998-03-01",
			Business: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Munkegata 14"), Postal: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Munkegata 14"),
			Phone: "73 50 60 70", Email: "post@lienogbakke.no", NACE: []Code{{"43.220", "VVS-arbeid"}}, Sector: sectorPartners, Employees: 5, HasEmployees: true,
			Purpose: []string{"Rørleggerarbeid."}, StatutesDate: "1998-03-01", Language: "Bokmål", VAT: true, BusinessRegister: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pKjell}, {Type: "DTSO", Person: pKjell}, {Type: "DTSO", Person: pTove}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "ANS with DTSO participants (persons)"},

		// 0/0. DA: participants with shared liability (DTPR) are units.
		{OrgNr: PartnershipDAOrgNr, Name: "HAVGAPET DA", Form: "DA", Registered: "2017-05-08", Founded: "2017-04-20",
			Business: adr("4006", "STAVANGER", "1103", "STAVANGER", "Strandkaien 20"), Postal: adr("4006", "STAVANGER", "1103", "STAVANGER", "Strandkaien 20"),
			Email: "post@havgapet.no", NACE: []Code{naceRealEstate}, Sector: sectorPartners, Employees: 0, HasEmployees: false,
			Purpose: []string{"Eie og drive næringseiendommen Strandkaien 20."}, StatutesDate: "2017-04-20", Language: "Bokmål", BusinessRegister: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pHans}, {Type: "DTPR", Unit: CrossHoldingAOrgNr, Share: "50%"}, {Type: "DTPR", Unit: CrossHoldingBOrgNr, Share: "50%"}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "DA whose DTPR participants are units"},

		// 0/0. Foundation (STI) with a dead board member.
		{OrgNr: "316666663", Name: "STIFTELSEN FJORDARVEN", Form: "STI", Registered: "1992-08-24", Founded: "1992-06-01", StatutesDate: "2018-05-30",
			Business: adr("5014", "BERGEN", "4601", "BERGEN", "Kalfarveien 30"), Postal: adr("5014", "BERGEN", "4601", "BERGEN", "Kalfarveien 30"),
			Phone: "55 30 40 50", Email: "post@fjordarven.no", Homepage: "www.fjordarven.no",
			NACE: []Code{{"91.030", "Drift av historiske steder og bygninger og lignende severdigheter"}}, Sector: sectorNonProfit, Employees: 3, HasEmployees: true,
			Capital:  &Capital{Amount: 250_000, Currency: "NOK"},
			Purpose:  []string{"Stiftelsens formål er å ta vare på kystkulturen langs fjorden,", "og å drive museum og formidling."},
			Language: "Nynorsk", FoundationRegister: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pJonas}, {Type: "LEDE", Person: pNora}, {Type: "MEDL", Person: pPer}, {Type: "MEDL", Person: pAstrid}, {Type: "REVI", Unit: AuditorOrgNr}},
			About: "foundation (STI) in Stiftelsesregisteret; a dead board member"},
		{OrgNr: "310269913", Name: "FJORDARVEN KYSTMUSEUM", Form: "AAFY", Parent: "316666663", Registered: "1993-01-04", Started: "1993-01-01",
			Business: adr("5014", "BERGEN", "4601", "BERGEN", "Kalfarveien 30"), NACE: []Code{{"91.020", "Drift av museer"}}, Employees: 3, HasEmployees: true,
			About: "AAFY sub-unit of a foundation"},

		// 0/0 + 1010 (no forretningsadresse). Club (FLI) in
		// Frivillighetsregisteret.
		{OrgNr: "310282987", Name: "BREVIK IDRETTSLAG", Form: "FLI", Registered: "1987-02-09", Founded: "1946-05-17",
			Postal: adr("4006", "STAVANGER", "1103", "STAVANGER", "Postboks 77"),
			Email:  "styret@brevik-il.no", Homepage: "www.brevik-il.no",
			NACE: []Code{{"93.120", "Idrettslag og -klubber"}}, Sector: sectorNonProfit, Employees: 0, HasEmployees: false,
			Purpose: []string{"Fremme idrett og fysisk aktivitet i nærmiljøet."}, StatutesDate: "2019-03-12", Language: "Bokmål", VoluntaryRegister: true,
			Roles: []Role{{Type: "LEDE", Person: pHans}, {Type: "NEST", Person: pKari}, {Type: "MEDL", Person: pTove}, {Type: "KONT", Person: pTove}},
			About: "club (FLI) without a business address"},
		{OrgNr: "310296058", Name: "BREVIK IDRETTSLAG KLUBBHUS", Form: "AAFY", Parent: "310282987", Registered: "2002-06-10", Started: "2002-06-01",
			Business: adr("4006", "STAVANGER", "1103", "STAVANGER", "Idrettsvegen 2"), NACE: []Code{{"93.120", "Idrettslag og -klubber"}},
			About: "AAFY sub-unit of a club"},

		// 1/110. Deleted.
		{OrgNr: DeletedOrgNr, Name: "GAMLEVEIEN TRANSPORT AS", Form: "AS", Registered: "1996-01-08", Deleted: "2021-06-30",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Gamleveien 1"), NACE: []Code{{"49.410", "Godstransport på vei"}}, Sector: sectorPrivateAS,
			About: "deleted unit"},

		// 0/1 (data of FJELLHEIM BYGGSERVICE AS follow). Deleted as a duplicate.
		{OrgNr: DuplicateOrgNr, Name: "FJELLHEIM BYGG AS", Form: "AS", Registered: "2019-02-01", Deleted: "2019-03-15",
			DeletedAs: DeletedDuplicate, ReplacedBy: DuplicateOfOrgNr,
			Business: adr("6413", "MOLDE", "1506", "MOLDE", "Fjellheimvegen 3"), Sector: sectorPrivateAS,
			About: "deleted as a duplicate of an active unit"},
		// 0/0; hentKontaktdata 0/0 + 1116, 1117, 1119 (no homepage).
		as(Unit{
			OrgNr: DuplicateOfOrgNr, Name: "FJELLHEIM BYGGSERVICE AS", Registered: "2019-01-28", Founded: "2019-01-10", StatutesDate: "2019-01-10",
			Business: adr("6413", "MOLDE", "1506", "MOLDE", "Fjellheimvegen 3"), Postal: adr("6413", "MOLDE", "1506", "MOLDE", "Fjellheimvegen 3"),
			Phone: "71 20 30 40", Email: "post@fjellheimbygg.no", NACE: []Code{{"41.200", "Oppføring av bygninger"}}, Employees: 14, HasEmployees: true,
			Capital: aksjekapital(30_000, 300), Purpose: []string{"Byggevirksomhet."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pMarit}, {Type: "LEDE", Person: pMarit}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "the correct unit for a duplicate",
		}),

		// 0/2 (data of HAVBRIS SJØMAT AS follow). Merged.
		{OrgNr: MergedOrgNr, Name: "VESTKYST FISK AS", Form: "AS", Registered: "2003-05-05", Deleted: "2022-12-31",
			DeletedAs: DeletedMerged, ReplacedBy: MergedIntoOrgNr,
			Business: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Fiskerikaia 2"), Sector: sectorPrivateAS,
			About: "merged into an active unit"},
		// 0/0. Foreign owners (a German GmbH, a Swedish AB); chair with a D-nummer.
		as(Unit{
			OrgNr: MergedIntoOrgNr, Name: "HAVBRIS SJØMAT AS", Registered: "2008-08-18", Founded: "2008-08-01", StatutesDate: "2023-01-02",
			Business: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Fiskerikaia 4"), Postal: adr("6002", "ÅLESUND", "1508", "ÅLESUND", "Fiskerikaia 4"),
			Phone: "70 30 40 50", Email: "salg@havbris.no", Homepage: "www.havbris.no",
			NACE: []Code{{"10.200", "Bearbeiding og konservering av fisk, krepsdyr og bløtdyr"}}, Employees: 64, HasEmployees: true, Capital: aksjekapital(1_000_000, 1000),
			Purpose: []string{"Foredling og salg av sjømat."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pMarit}, {Type: "LEDE", Person: pKlaus}, {Type: "MEDL", Person: pMarit}, {Type: "REVI", Unit: AuditorOrgNr}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "foreign owners; merged-into unit",
		}),

		// 1/120. Merged into a unit that is itself deleted.
		{OrgNr: MergedIntoDeletedOrgNr, Name: "TINDEN DATA AS", Form: "AS", Registered: "2000-10-10", Deleted: "2015-06-30",
			DeletedAs: DeletedMerged, ReplacedBy: "310387541",
			Business: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Prinsens gate 1"), Sector: sectorPrivateAS,
			About: "merged into a unit that was later deleted"},
		// 1/110. Deleted.
		{OrgNr: "310387541", Name: "TINDEN SYSTEMER AS", Form: "AS", Registered: "2005-03-01", Deleted: "2020-11-30",
			Business: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Prinsens gate 1"), Sector: sectorPrivateAS,
			About: "deleted; the replacement of a merged unit"},

		// 0/3 (the registration unit is named). Municipality.
		{OrgNr: RegisteredByOrgNr, Name: "FJORDVIK KOMMUNE", Form: "KOMM", RegistrationUnit: RegistrationUnitOrgNr, Registered: "1995-02-20",
			Business: adr("4699", "FJORDVIK", "4699", "FJORDVIK", "Rådhusplassen 1"), Postal: adr("4699", "FJORDVIK", "4699", "FJORDVIK", "Postboks 1"),
			Phone: "38 00 00 00", Email: "postmottak@fjordvik.kommune.no", Homepage: "www.fjordvik.kommune.no",
			NACE: []Code{{"84.110", "Generell offentlig administrasjon"}}, Sector: sectorMunicipal, Employees: 950, HasEmployees: true, Language: "Nynorsk", VAT: true,
			Roles: []Role{{Type: "DAGL", Person: pGuro}},
			About: "municipality with a registration unit (grunndata 0/3)"},
		// 1/200. The registration unit.
		{OrgNr: RegistrationUnitOrgNr, Name: "FJORDVIK KOMMUNE SENTRALADMINISTRASJON", Form: "ORGL", Parent: RegisteredByOrgNr, Registered: "1995-02-20",
			Business: adr("4699", "FJORDVIK", "4699", "FJORDVIK", "Rådhusplassen 1"), Postal: adr("4699", "FJORDVIK", "4699", "FJORDVIK", "Postboks 1"),
			NACE: []Code{{"84.110", "Generell offentlig administrasjon"}}, Sector: sectorMunicipal, Employees: 120, HasEmployees: true, Language: "Nynorsk",
			About: "registration unit (grunndata 1/200)"},

		// 0/0. Bankrupt, with a trustee.
		as(Unit{
			OrgNr: BankruptOrgNr, Name: "STORMKAST MEDIA AS", Registered: "2016-06-06", Founded: "2016-05-20", StatutesDate: "2016-05-20",
			Business: adr("0250", "OSLO", "0301", "OSLO", "Akersgata 55"), Postal: adr("0250", "OSLO", "0301", "OSLO", "Akersgata 55"),
			Phone: "21 00 00 21", Email: "redaksjonen@stormkast.no", Homepage: "www.stormkast.no",
			NACE: []Code{{"58.130", "Utgivelse av aviser"}}, Employees: 0, HasEmployees: true, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Utgivelse av nettavis."}, LastAccounts: "2022", Bankrupt: true, BankruptDate: "2024-11-04",
			Roles: []Role{{Type: "DAGL", Person: pJonas}, {Type: "LEDE", Person: pJonas}, {Type: "BOBE", Person: pRune, Since: "2024-11-04"}, {Type: "REVI", Unit: AuditorOrgNr}},
			About: "bankrupt (konkurs), trustee BOBE",
		}),
		// 0/0; hentKontaktdata 0/0 + 1116, 1117, 1119. Under liquidation.
		as(Unit{
			OrgNr: LiquidationOrgNr, Name: "SOLNEDGANG HANDEL AS", Registered: "2011-03-14", Founded: "2011-03-01", StatutesDate: "2011-03-01",
			Business: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Markens gate 10"), Postal: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Markens gate 10"),
			Phone: "38 10 20 30", Email: "post@solnedgang.no",
			NACE: []Code{{"47.190", "Butikkhandel med bredt vareutvalg ellers"}}, Employees: 2, HasEmployees: true, Capital: aksjekapital(100_000, 100),
			Purpose: []string{"Handel med varer."}, VAT: true, LastAccounts: "2023", Liquidation: true, LiquidationDate: "2025-02-15",
			Roles: []Role{{Type: "DAGL", Person: pEline}, {Type: "LEDE", Person: pEline}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "under liquidation (underAvvikling)",
		}),
		// 0/0; hentKontaktdata 0/0 + 1115–1119 (no contact data at all).
		// Under forced dissolution.
		as(Unit{
			OrgNr: ForcedDissolutionOrgNr, Name: "TÅKEHEIM CONSULTING AS", Registered: "2015-09-21", Founded: "2015-09-01", StatutesDate: "2015-09-01",
			Business: adr("8006", "BODØ", "1804", "BODØ", "Storgata 15"), Postal: adr("8006", "BODØ", "1804", "BODØ", "Storgata 15"),
			NACE: []Code{naceConsulting}, Employees: 0, HasEmployees: false, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Rådgivning."}, LastAccounts: "2020", ForcedDissolution: true, ForcedDissolvedDate: "2023-04-17",
			Roles: []Role{{Type: "LEDE", Person: pOla}},
			About: "under forced dissolution; no contact data",
		}),

		// 0/0 + 1020 (no postadresse). Address lines with nulls in REST.
		as(Unit{
			OrgNr: "310465968", Name: "BJØRKELI BAKERI AS", Registered: "2012-11-05", Founded: "2012-10-15", StatutesDate: "2012-10-15",
			Business: &Address{Lines: []string{"Bakerveien 3", ""}, TrailingNulls: 1, PostCode: "5527", City: "HAUGESUND", Municipality: "HAUGESUND", MunicipalityNo: "1106", Country: "Norge", CountryCode: "NO"},
			Phone:    "52 70 80 90", Email: "bestilling@bjorkeli-bakeri.no", Homepage: "www.bjørkeli-bakeri.no",
			NACE: []Code{{"10.710", "Produksjon av brød og ferske konditorvarer"}}, Employees: 9, HasEmployees: true, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Bakeri og konditori."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pAstrid}, {Type: "LEDE", Person: pAstrid}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "no postal address (grunndata 1020)",
		}),
		{OrgNr: "310479039", Name: "BJØRKELI BAKERI AS", Form: "BEDR", Parent: "310465968", Registered: "2012-11-05", Started: "2012-11-01",
			Business: adr("5527", "HAUGESUND", "1106", "HAUGESUND", "Bakerveien 3"), NACE: []Code{{"10.710", "Produksjon av brød og ferske konditorvarer"}},
			Employees: 9, HasEmployees: true, VAT: true, About: "sub-unit of a bakery"},

		// 0/0; hentKontaktdata 0/0 + 1115, 1116, 1117, 1119 (no phone).
		as(Unit{
			OrgNr: "310492108", Name: "MOLO KAFÉ AS", Registered: "2020-05-11", Founded: "2020-04-28", StatutesDate: "2020-04-28",
			Business: adr("4006", "STAVANGER", "1103", "STAVANGER", "Skagenkaien 12"), Postal: adr("4006", "STAVANGER", "1103", "STAVANGER", "Skagenkaien 12"),
			Email: "hei@molokafe.no", NACE: []Code{{"56.101", "Drift av restauranter og kafeer"}}, Employees: 6, HasEmployees: true, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Kafédrift."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pTove}, {Type: "LEDE", Person: pKjell}},
			About: "no phone (grunndata 1115)",
		}),
		// 0/0; hentKontaktdata 0/0 + 1116, 1117, 1118, 1119 (no e-mail).
		as(Unit{
			OrgNr: ResignedMemberOrgNr, Name: "GRINDHEIM RØR AS", Registered: "2007-07-02", Founded: "2007-06-20", StatutesDate: "2007-06-20",
			Business: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Rørleggerveien 4"), Postal: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Rørleggerveien 4"),
			Phone: "38 12 34 56", NACE: []Code{{"43.220", "VVS-arbeid"}}, Employees: 4, HasEmployees: true, Capital: aksjekapital(100_000, 100),
			Purpose: []string{"Rørleggerarbeid."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pKjell}, {Type: "LEDE", Person: pKjell}, {Type: "MEDL", Person: pTove, Resigned: true, ResignedAs: "K", Since: "2018-03-01"}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "no e-mail (grunndata 1118)",
		}),
		// 0/0; hentBasisdata 0/0 + 1090, 1125 (no NACE code, no activity).
		as(Unit{
			OrgNr: "310531316", Name: "GRÅSTEIN UTVIKLING AS", Registered: "2025-01-06", Founded: "2024-12-18", StatutesDate: "2024-12-18",
			Business: adr("4014", "STAVANGER", "1103", "STAVANGER", "Gråsteinvegen 2"), Postal: adr("4006", "STAVANGER", "1103", "STAVANGER", "Gråsteinvegen 2"),
			Phone: "51 99 88 77", Email: "post@grastein.no", Employees: 0, HasEmployees: false, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Utvikling av eiendom."},
			Roles:   []Role{{Type: "DAGL", Person: pHans}, {Type: "LEDE", Person: pHans}},
			About:   "no NACE code (grunndata 1125)",
		}),
		// 0/0; hentBasisdata 0/0 + 1090, 1111, 1130 (no sector code);
		// hentRoller 0/0 + 1180 (blocks 1 and 5); hentSaerligeOpplysninger
		// 0/0 + 1120. No roles at all.
		{OrgNr: NoRolesOrgNr, Name: "LUNDEN VENNEFORENING", Form: "FLI", Registered: "2023-08-14", Founded: "2023-06-01",
			Business: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Lundvegen 7"), Postal: adr("7010", "TRONDHEIM", "5001", "TRONDHEIM", "Lundvegen 7"),
			Email: "lunden.venner@example.no", NACE: []Code{{"94.991", "Aktiviteter i andre interesseorganisasjoner ikke nevnt annet sted"}},
			Purpose: []string{"Skape trivsel i nabolaget."}, Language: "Bokmål",
			About: "no sector code (grunndata 1130), no roles (REST rollegrupper [])"},

		// 0/0 in grunndata (full access); REST 410. Removed from open data.
		{OrgNr: RemovedOrgNr, Name: "OLA TESTMANN RÅDGIVNING", Form: "ENK", Registered: "2016-02-15", Founded: "2016-02-01", Removed: true,
			Business: adr("0150", "OSLO", "0301", "OSLO", "Testveien 1"), Postal: adr("0150", "OSLO", "0301", "OSLO", "Testveien 1"),
			Mobile: "999 00 111", NACE: []Code{naceConsulting}, Sector: sectorPersonal, Activity: []string{"Rådgivning"}, Language: "Bokmål",
			Roles: []Role{{Type: "INNH", Person: pOla}},
			About: "removed from open data (REST 410)"},

		// 0/0. Owned in part by a minor exempt from disclosure.
		as(Unit{
			OrgNr: FamilyOwnedOrgNr, Name: "HAUGE FAMILIEINVEST AS", Registered: "2019-12-02", Founded: "2019-11-20", StatutesDate: "2019-11-20",
			Business: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"), Postal: adr("2317", "HAMAR", "3403", "HAMAR", "Torggata 8"),
			Email: "solveig@haugehandverk.no", NACE: []Code{naceHolding}, Employees: 0, HasEmployees: false, Capital: aksjekapital(100_000, 100),
			Purpose: []string{"Forvaltning av familiens formue."}, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pSolveig}, {Type: "LEDE", Person: pSolveig}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "owned in part by a minor (exempt from disclosure)",
		}),

		// 0/0. Ordinary units, for searches and paging ("fjord" matches seven).
		as(Unit{
			OrgNr: "310583596", Name: "FJORDGLIMT REISER AS", Registered: "2010-04-12", Founded: "2010-03-30", StatutesDate: "2010-03-30",
			Business: adr("5003", "BERGEN", "4601", "BERGEN", "Strandkaien 4"), Postal: adr("5003", "BERGEN", "4601", "BERGEN", "Strandkaien 4"),
			Phone: "55 11 22 33", Email: "reis@fjordglimt.no", Homepage: "www.fjordglimt.no",
			NACE: []Code{{"79.110", "Reisebyråvirksomhet"}}, Employees: 12, HasEmployees: true, Capital: aksjekapital(200_000, 200),
			Purpose: []string{"Reiselivsvirksomhet."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pNora}, {Type: "LEDE", Person: pLars}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "ordinary AS",
		}),
		as(Unit{
			OrgNr: "310596663", Name: "FJORDKANTEN BARNEHAGE AS", Registered: "2005-08-15", Founded: "2005-08-01", StatutesDate: "2005-08-01",
			Business: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Fjordkanten 2"), Postal: adr("4611", "KRISTIANSAND S", "4204", "KRISTIANSAND", "Fjordkanten 2"),
			Phone: "38 20 30 40", Email: "post@fjordkanten.no",
			NACE: []Code{{"88.911", "Barnehager"}}, Employees: 18, HasEmployees: true, Capital: aksjekapital(100_000, 100),
			Purpose: []string{"Drive barnehage."}, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pSigrid}, {Type: "LEDE", Person: pAstrid}, {Type: "VARA", Person: pJonas}, {Type: "REVI", Unit: AuditorOrgNr}},
			About: "ordinary AS",
		}),
		as(Unit{
			OrgNr: "310609730", Name: "NORDLYS TRYKKERI AS", Registered: "1999-01-18", Founded: "1998-12-15", StatutesDate: "1998-12-15",
			Business: adr("8006", "BODØ", "1804", "BODØ", "Trykkerigata 1"), Postal: adr("8006", "BODØ", "1804", "BODØ", "Trykkerigata 1"),
			Phone: "75 50 60 70", Email: "ordre@nordlystrykk.no", Homepage: "www.nordlystrykk.no",
			NACE: []Code{{"18.120", "Trykking ellers"}}, Employees: 21, HasEmployees: true, Capital: aksjekapital(500_000, 500),
			Purpose: []string{"Trykkerivirksomhet."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pGuro}, {Type: "LEDE", Person: pErik}, {Type: "MEDL", Person: pKari}, {Type: "REVI", Unit: AuditorOrgNr}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "ordinary AS",
		}),
		as(Unit{
			OrgNr: ResignedAuditorOrgNr, Name: "FJORDBRIS ARKITEKTER AS", Registered: "2014-09-01", Founded: "2014-08-18", StatutesDate: "2014-08-18",
			Business: adr("0152", "OSLO", "0301", "OSLO", "Kvadraturen 6"), Postal: adr("0152", "OSLO", "0301", "OSLO", "Kvadraturen 6"),
			Phone: "22 33 44 55", Email: "post@fjordbris.no", Homepage: "www.fjordbris.no",
			NACE: []Code{{"71.112", "Arkitekttjenester vedrørende byggverk"}}, Employees: 8, HasEmployees: true, Capital: aksjekapital(30_000, 30),
			Purpose: []string{"Arkitektvirksomhet."}, VAT: true, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: pEline}, {Type: "LEDE", Person: pEline}, {Type: "MEDL", Person: pJonas}, {Type: "REVI", Unit: AuditorOrgNr, Resigned: true, ResignedAs: "R", Since: "2020-06-30"}, {Type: "REGN", Unit: FirmOrgNr}},
			About: "ordinary AS",
		}),
	}
}
