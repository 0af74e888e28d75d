package world

// The register of beneficial owners (RRH): the units worth trying, one per
// case. Every unit that owns or is owned in Ownerships and is required to
// register has a filing; see worldFilings for the full list.
const (
	// RRHMunicipalityOwnedOrgNr is owned 80 % by a municipality: status
	// rknv (FJORDKANTEN BARNEHAGE AS).
	RRHMunicipalityOwnedOrgNr = "310596663"
	// RRHForeignPublicOwnedOrgNr is owned by a Danish public company:
	// status rkuv (GRÅSTEIN UTVIKLING AS).
	RRHForeignPublicOwnedOrgNr = "310531316"
	// RRHNoOwnersOrgNr has five 20 % owners, none above 25 %: status rikv
	// (FJORDBRIS ARKITEKTER AS).
	RRHNoOwnersOrgNr = ResignedAuditorOrgNr
	// RRHNoneIdentifiedOrgNr is owned through an English company whose
	// owners are unknown: status irki (FJORDGLIMT REISER AS).
	RRHNoneIdentifiedOrgNr = "310583596"
	// RRHSomeUnidentifiedOrgNr has one identified owner and 40 % of its
	// shares unaccounted for: status nrki (NORDLYS TRYKKERI AS).
	RRHSomeUnidentifiedOrgNr = "310609730"
	// RRHVotesOrgNr has an owner with 40 % of the shares and 60 % of the
	// votes: positions eier and kont (BJØRKELI BAKERI AS).
	RRHVotesOrgNr = "310465968"
	// RRHNotReportedOrgNr must register but has not reported: 404 from
	// the Partner API, registreringsstatus rettighetsinformasjonErIkkeMeldt
	// from v1 (MOLO KAFÉ AS).
	RRHNotReportedOrgNr = "310492108"
	// RRHForeignPersonOrgNr has a foreign owner without a D-nummer
	// (utenlandskPerson) (FJELLHEIM BYGGSERVICE AS).
	RRHForeignPersonOrgNr = DuplicateOfOrgNr
	// RRHDeadOwnerOrgNr has a dead owner (erDoed), and its interval codes
	// are written in odd case without kodetekst (TÅKEHEIM CONSULTING AS).
	RRHDeadOwnerOrgNr = ForcedDissolutionOrgNr
	// RRHOtherMeansOrgNr has a position "control by other means" (anne)
	// (STORMKAST MEDIA AS).
	RRHOtherMeansOrgNr = BankruptOrgNr
	// RRHNotRequiredOrgNr is a sole proprietorship, which need not
	// register: 404 (SOLVEIG HAUGE HÅNDVERK).
	RRHNotRequiredOrgNr = "310217638"
)

// The Maskinporten scopes of the register of beneficial owners
// (registries.md §4.1, §4.4), and one that is not.
const (
	// ScopeRRHPartnerOffentlig is the Partner API's scope for public
	// authorities.
	ScopeRRHPartnerOffentlig = "brreg:reelle/partner.offentlig"
	// ScopeRRHPartnerRapporteringspliktig is the Partner API's scope for
	// reporting entities under the AML act.
	ScopeRRHPartnerRapporteringspliktig = "brreg:reelle/partner.rapporteringspliktig"
	// ScopeRRHOffentlig is v1's scope for public authorities: every
	// endpoint, nothing screened.
	ScopeRRHOffentlig = "brreg:reelle/offentlig"
	// ScopeRRHRapporteringspliktig is v1's scope for reporting entities
	// (§ 4 (1) a, b, c, e, g, h–k, n, o).
	ScopeRRHRapporteringspliktig = "brreg:reelle/rapporteringspliktig"
	// ScopeRRHRapporteringspliktigBegrenset is v1's scope for reporting
	// entities (§ 4 (1) d, f, l, m).
	ScopeRRHRapporteringspliktigBegrenset = "brreg:reelle/rapporteringspliktig.begrenset"
	// ScopeRRHMedia, ScopeRRHSivilsamfunn and ScopeRRHHoeyereutdanning are
	// v1's scopes that do not see national identity numbers.
	ScopeRRHMedia            = "brreg:reelle/media"
	ScopeRRHSivilsamfunn     = "brreg:reelle/sivilsamfunnsorganisasjon"
	ScopeRRHHoeyereutdanning = "brreg:reelle/hoeyereutdanningsinstitusjon"
	// ScopeSandboxOther is a scope of no register: a token with it only
	// is refused by RRH.
	ScopeSandboxOther = "sandbox:demo.read"
)

// The Maskinporten clients of the world.
const (
	// DemoMaskinportenClientID is the demo accounting firm's client
	// (organisation FirmOrgNr, the demo Buypass certificate's). It holds
	// ScopeRRHRapporteringspliktig and ScopeRRHPartnerRapporteringspliktig,
	// both granted; ScopeRRHRapporteringspliktigBegrenset, granted to
	// AuditorOrgNr and delegated to the firm (consumer_org); and
	// ScopeRRHOffentlig, registered but not granted (MP-250).
	DemoMaskinportenClientID = "5f0c9a1e-3b7d-4c2a-9e61-0d8f2b4a7c13"
	// DemoMaskinportenNoRRHClientID is another client of the firm, with
	// ScopeSandboxOther only: it gets tokens that RRH refuses.
	DemoMaskinportenNoRRHClientID = "8d2e4b60-91f3-4a57-b0c8-6e1f3a9d2c45"
	// OtherOrgMaskinportenClientID belongs to the audit firm
	// (AuditorOrgNr): a grant signed with the firm's certificate fails
	// with MP-122.
	OtherOrgMaskinportenClientID = "c41a7e92-5d08-4f6b-8a3e-2b9c7d1f0e68"
	// PublicAuthorityMaskinportenClientID belongs to the municipality
	// (RegisteredByOrgNr), granted ScopeRRHOffentlig and
	// ScopeRRHPartnerOffentlig. It has no certificate: register a key
	// with [Sandbox.RegisterMaskinportenKey] and sign with its kid.
	PublicAuthorityMaskinportenClientID = "e7b3d015-28c4-4e9a-a6f1-9c0d5b8e3a27"
)

// Foreign persons' keys.
const (
	fpGreta = "greta-lindqvist" // Swedish, owns Norrsken Kapital AB
	fpJohn  = "john-whitfield"  // British and American, lives in England
)

func worldForeignPersons() []ForeignPerson {
	return []ForeignPerson{
		{Key: fpGreta, Name: "Greta Lindqvist", BirthDate: "1971-09-14", Citizenship: []string{"SWE"}, Residence: "SWE",
			About: "owns Norrsken Kapital AB; controls Norwegian units through it and by agreement"},
		{Key: fpJohn, Name: "John Whitfield", BirthDate: "1968-02-27", Citizenship: []string{"GBR", "USA"}, Residence: "GBR",
			About: "a direct owner without a D-nummer"},
	}
}

func worldControls() []Control {
	viaNorrsken := []Party{{Foreign: seNorrsken}}
	return []Control{
		// Through Norrsken Kapital AB (which she owns) and a shareholder
		// agreement, Greta Lindqvist appoints half the board of the ASA and
		// controls half the votes of HAVBRIS SJØMAT AS.
		{Company: RichestOrgNr, Holder: Party{ForeignPerson: fpGreta}, Type: RRHPositionBoard,
			Basis: []string{RRHBasisIndirect, RRHBasisAgreement}, Via: viaNorrsken},
		{Company: MergedIntoOrgNr, Holder: Party{ForeignPerson: fpGreta}, Type: RRHPositionVotes, Percent: 50,
			Basis: []string{RRHBasisIndirect, RRHBasisAgreement}, Via: viaNorrsken},
		// A shares: 40 % of the shares, 60 % of the votes.
		{Company: RRHVotesOrgNr, Holder: Party{PersonID: pAstrid}, Type: RRHPositionVotes, Percent: 60,
			Basis: []string{RRHBasisDirect}},
		// Control by other means: the bankruptcy trustee, and a creditor
		// with a pledge (a description over several lines).
		{Company: BankruptOrgNr, Holder: Party{PersonID: pRune}, Type: RRHPositionOther, Basis: []string{},
			Description: "Bostyrer i konkursboet. Forvalter selskapets eiendeler og utøver kontroll gjennom bobehandlingen."},
		{Company: LiquidationOrgNr, Holder: Party{PersonID: pHans}, Type: RRHPositionOther, Basis: []string{RRHBasisAgreement},
			Description: "Har pant i alle aksjene etter en låneavtale.\nAvtalen gir rett til å instruere styret ved mislighold."},
	}
}

// worldFilings are the units' registrations in RRH. The units required to
// register that have none have not reported: RRHNotReportedOrgNr,
// GRINDHEIM RØR AS and LUNDEN VENNEFORENING.
func worldFilings() []RRHFiling {
	return []RRHFiling{
		{OrgNr: FirmOrgNr, ID: "6f1d2c3b-8a47-4e15-9b2d-0c7e5a9f3d81", Registered: "2024-01-15T09:12:44.508317Z", OwnersSince: "2024-01-15T09:12:44.46102Z",
			About: "two 50 % owners; an earlier registration with one owner",
			Earlier: []RRHFiling{{ID: "2b8e0f6a-c1d4-4b7e-8f39-5a2d6c0e9b14", Registered: "2022-03-01T08:30:12.201544Z", OwnersSince: "2022-03-01T08:30:12.11873Z",
				Status: RRHStatusArid, Owners: []BeneficialOwner{{PersonID: pLars, Positions: []Position{{Type: RRHPositionOwner, Interval: RRHInterval3, Basis: []string{RRHBasisDirect}}}}}}}},
		{OrgNr: AuditorOrgNr, ID: "a7c3e915-0b2f-4d68-9e14-3f8b6d2a5c07", Registered: "2023-05-10T12:01:33.90712Z", OwnersSince: "2023-05-10T12:01:33.851006Z",
			About: "one 100 % owner"},
		{OrgNr: RichestOrgNr, ID: "3e9a5d71-6c08-4f2b-a1e7-8d4c0b9f6a23", Registered: "2023-11-28T14:45:02.316549Z", OwnersSince: "2023-11-28T14:45:02.2801Z",
			About: "an owner through a holding company she controls; a foreign person appointing half the board through a Swedish company and an agreement"},
		{OrgNr: "310165352", ID: "c0f4b2e8-5a93-4d17-b6c2-e9a1f7d3084b", Registered: "2023-11-28T14:40:19.004233Z", OwnersSince: "2023-11-28T14:40:18.97Z",
			About: "two direct owners"},
		{OrgNr: "310191493", ID: "8b2d6f04-e3a7-4c91-9f5e-1a0c7b4d2e68", Registered: "2023-11-28T14:51:47.63Z", OwnersSince: "2023-11-28T14:51:47.598817Z",
			About: "an owner through two Norwegian companies"},
		{OrgNr: CrossHoldingAOrgNr, ID: "f5a1c9e3-7d2b-4e86-a0f4-6b3e8d1c5a92", Registered: "2024-06-03T07:55:10.129984Z", OwnersSince: "2024-06-03T07:55:10.07Z",
			About: "cross-holding A"},
		{OrgNr: CrossHoldingBOrgNr, ID: "1d7e3b5f-9c04-4a2e-b8d6-0f5a2c7e9b31", Registered: "2024-06-03T08:02:41.55501Z", OwnersSince: "2024-06-03T08:02:41.5Z",
			About: "cross-holding B: a direct owner and one through A"},
		{OrgNr: MergedIntoOrgNr, ID: "9c4f0a2d-3b6e-4d71-8e5a-c2f9b7d1e046", Registered: "2023-02-20T09:05:41.867822Z", OwnersSince: "2023-02-20T09:05:41.814559Z",
			About: "a D-nummer owner through a German GmbH; a foreign person controlling votes through a Swedish AB"},
		{OrgNr: FamilyOwnedOrgNr, ID: "4e8b2c6a-0d1f-4a93-b7e5-9f3c1a5d7b28", Registered: "2024-09-12T10:20:30.000451Z", OwnersSince: "2024-09-12T10:20:29.98Z",
			About: "a minor exempt from disclosure"},
		{OrgNr: PartnershipDAOrgNr, ID: "b3f7d1a9-6e2c-4b05-9a8d-4c0e2f6b8d17", Registered: "2024-06-03T08:10:00.4Z", OwnersSince: "2024-06-03T08:09:59.917363Z",
			About: "a DA: two owners, each through a company"},
		{OrgNr: "310243779", ID: "e2a6c0f8-4b9d-4e13-a5c7-7d1f3b9e0a56", Registered: "2022-11-29T12:10:51.581173Z", OwnersSince: "2022-11-29T12:10:51.52Z",
			About: "an ANS: two partners"},
		{OrgNr: BankruptOrgNr, ID: "7a0e4c8b-2d6f-4a19-8c3e-5b9d1f7a3c64", Registered: "2024-11-05T15:32:03.111794Z", OwnersSince: "2024-11-05T15:32:03.06Z",
			About: "bankrupt: the owner and the trustee (control by other means)"},
		{OrgNr: LiquidationOrgNr, ID: "d6b0f4a2-8e3c-4d57-b1a9-3e7c5f9d2b80", Registered: "2025-02-16T11:00:00.2308Z", OwnersSince: "2025-02-16T11:00:00.19Z",
			Quirk: QuirkOtherTypeCode, About: "control by other means, typed grunnlagtype.anne without kodetekst; a description over two lines"},
		{OrgNr: ForcedDissolutionOrgNr, ID: "0c5e9a3f-1b7d-4f24-9e6a-8d2b4f0c6e19", Registered: "2022-02-07T06:07:50.072Z", OwnersSince: "2022-02-07T06:07:50.072Z",
			Quirk: QuirkIntervalCase, About: "a dead owner; interval codes in odd case without kodetekst"},
		{OrgNr: RRHVotesOrgNr, ID: "5b9d3f7a-c2e6-4a80-8b4f-1e7a5c3d9f02", Registered: "2023-04-25T14:36:24.39155Z", OwnersSince: "2023-04-25T14:36:24.3Z",
			About: "ownership and control of votes"},
		{OrgNr: RRHSomeUnidentifiedOrgNr, ID: "2f6a0c4e-9d3b-4e71-a8c5-b0e4d2f6a193", Registered: "2023-03-22T14:03:17.993887Z", OwnersSince: "2023-03-22T14:03:17.91Z",
			Status: RRHStatusNrki, About: "one identified owner, others not"},
		{OrgNr: RRHNoneIdentifiedOrgNr, ID: "8e2c6a0f-4d9b-4b37-9c1e-5f3a7d1b9e45", Registered: "2023-04-25T14:22:50.87359Z", OwnersSince: "2023-04-25T14:22:50.8Z",
			Status: RRHStatusIrki, About: "owners, none identified"},
		{OrgNr: RRHNoOwnersOrgNr, ID: "c7e1a5d9-3f0b-4c62-b4e8-2a6d0f4c8e73", Registered: "2023-04-25T14:23:30.730939Z", OwnersSince: "2023-04-25T14:23:30.7Z",
			About: "no beneficial owners (five 20 % owners)"},
		{OrgNr: RRHMunicipalityOwnedOrgNr, ID: "4a8e2c6f-0b5d-4e19-a3f7-9c1e5b3d7a06", Registered: "2023-04-25T14:23:06.023461Z", OwnersSince: "2023-04-25T14:23:06.01Z",
			About: "owned by a municipality"},
		{OrgNr: RRHForeignPublicOwnedOrgNr, ID: "f0b4d8a2-6c1e-4f53-9d7b-3e5a1c9f0b28", Registered: "2025-02-02T12:51:06.182612Z", OwnersSince: "2025-02-02T12:51:06.1Z",
			About: "owned by a foreign public company"},
		{OrgNr: RRHForeignPersonOrgNr, ID: "6d0f4b8e-2a5c-4d91-8e3f-7b1d5a9c3e60", Registered: "2023-01-12T14:04:35.894441Z", OwnersSince: "2023-01-12T14:04:35.8Z",
			About: "a foreign owner without a D-nummer"},
		{OrgNr: "316666663", ID: "a1e5c9f3-7b2d-4e06-b8a4-0d6f2c8e4a95", Registered: "2022-11-16T07:53:14.187132Z", OwnersSince: "2022-11-16T07:53:14.1Z",
			Status: RRHStatusRikv, About: "a foundation: no beneficial owners"},
		{OrgNr: "310282987", ID: "3c7e1a5f-9d4b-4a28-8f6c-2e0a4d8b6f17", Registered: "2023-04-25T14:23:22.574218Z", OwnersSince: "2023-04-25T14:23:22.5Z",
			Status: RRHStatusRikv, About: "a club: no beneficial owners"},
	}
}

func worldClients() []MaskinportenClient {
	return []MaskinportenClient{
		{ID: DemoMaskinportenClientID, OrgNr: FirmOrgNr, Name: "Fjordlys Regnskap – Motpart",
			Scopes: []string{ScopeRRHRapporteringspliktig, ScopeRRHPartnerRapporteringspliktig, ScopeRRHRapporteringspliktigBegrenset, ScopeRRHOffentlig},
			About:  "the demo firm's client, for the demo Buypass certificate"},
		{ID: DemoMaskinportenNoRRHClientID, OrgNr: FirmOrgNr, Name: "Fjordlys Regnskap – annet",
			Scopes: []string{ScopeSandboxOther}, About: "a client of the firm without any RRH scope"},
		{ID: OtherOrgMaskinportenClientID, OrgNr: AuditorOrgNr, Name: "Nordkapp Revisjon",
			Scopes: []string{ScopeRRHRapporteringspliktigBegrenset, ScopeRRHPartnerRapporteringspliktig}, About: "another organisation's client"},
		{ID: PublicAuthorityMaskinportenClientID, OrgNr: RegisteredByOrgNr, Name: "Fjordvik kommune – tilsyn",
			Scopes: []string{ScopeRRHOffentlig, ScopeRRHPartnerOffentlig}, About: "a public authority's client (keys by kid)"},
	}
}

func worldScopeGrants() []ScopeGrant {
	return []ScopeGrant{
		{OrgNr: FirmOrgNr, Scopes: []string{ScopeRRHRapporteringspliktig, ScopeRRHPartnerRapporteringspliktig, ScopeSandboxOther}},
		{OrgNr: AuditorOrgNr, Scopes: []string{ScopeRRHRapporteringspliktigBegrenset, ScopeRRHPartnerRapporteringspliktig}},
		{OrgNr: RegisteredByOrgNr, Scopes: []string{ScopeRRHOffentlig, ScopeRRHPartnerOffentlig}},
	}
}

func worldDelegations() []Delegation {
	return []Delegation{
		{Customer: AuditorOrgNr, Supplier: FirmOrgNr, Scopes: []string{ScopeRRHRapporteringspliktigBegrenset}},
	}
}
