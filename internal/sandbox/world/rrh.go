package world

import (
	"slices"
)

// The register of beneficial owners' (RRH) codes, without their list
// prefix: reellerettighetshaverestatus.arid is RRHStatusArid.
const (
	// RRHStatusArid: has beneficial owners, and all are identified.
	RRHStatusArid = "arid"
	// RRHStatusNrki: has beneficial owners, but some cannot be identified.
	RRHStatusNrki = "nrki"
	// RRHStatusIrki: has beneficial owners, but none can be identified.
	RRHStatusIrki = "irki"
	// RRHStatusRikv: no beneficial owners, and not owned or controlled by
	// a public entity.
	RRHStatusRikv = "rikv"
	// RRHStatusRknv: no beneficial owners, because a Norwegian public
	// entity owns or controls more than 75 %.
	RRHStatusRknv = "rknv"
	// RRHStatusRkuv: no beneficial owners, because a foreign public entity
	// owns or controls more than 75 %.
	RRHStatusRkuv = "rkuv"

	// RRHPositionOwner is posisjontype.eier (ownership).
	RRHPositionOwner = "eier"
	// RRHPositionVotes is posisjontype.kont (control of voting rights).
	RRHPositionVotes = "kont"
	// RRHPositionBoard is posisjontype.ruas (the right to appoint or
	// remove at least half the board).
	RRHPositionBoard = "ruas"
	// RRHPositionOther is posisjontype.anne (control by other means).
	RRHPositionOther = "anne"

	// RRHInterval1 is stoerrelseintervall.int1, 25,01 % – 49,99 %.
	RRHInterval1 = "int1"
	// RRHInterval2 is stoerrelseintervall.int2, 50 % – 74,99 %.
	RRHInterval2 = "int2"
	// RRHInterval3 is stoerrelseintervall.int3, 75 % – 100 %.
	RRHInterval3 = "int3"

	// RRHBasisDirect is grunnlagtype.dire.
	RRHBasisDirect = "dire"
	// RRHBasisIndirect is grunnlagtype.indi.
	RRHBasisIndirect = "indi"
	// RRHBasisAgreement is grunnlagtype.enav (agreement or arrangement).
	RRHBasisAgreement = "enav"
)

// ForeignPerson is a natural person without a Norwegian identity number
// (RRH's utenlandskPerson).
type ForeignPerson struct {
	Key         string   // the world's own key for the person
	Name        string   // fulltNavn
	BirthDate   string   // YYYY-MM-DD
	Citizenship []string // ISO 3166-1 alpha-3
	Residence   string   // bostedsland, ISO 3166-1 alpha-3
	About       string
}

// Control is a beneficial owner's position other than ownership (which is
// derived from [World.Ownerships]), as the unit reported it: control of
// the votes, the right to appoint half the board, or control by other
// means.
type Control struct {
	Company     string   // the unit controlled
	Holder      Party    // a person (PersonID) or a foreign person (ForeignPerson)
	Type        string   // RRHPositionVotes, RRHPositionBoard or RRHPositionOther
	Percent     float64  // share of the votes, for RRHPositionVotes
	Basis       []string // RRHBasis* codes
	Via         []Party  // intermediate entities, the one nearest Company first
	Description string   // beskrivelseAnnenMaate, for RRHPositionOther
}

// Quirk reproduces an oddity of the real register's data in one
// registration, so that clients meet it in the sandbox.
type Quirk int

// The quirks, as seen in the register's published example download.
const (
	QuirkNone Quirk = iota
	// QuirkIntervalCase writes every size interval code as
	// "stoerrelseIntervall.intN" (capital I) without a kodetekst.
	QuirkIntervalCase
	// QuirkOtherTypeCode writes the type of an RRHPositionOther position
	// as "grunnlagtype.anne" without a kodetekst.
	QuirkOtherTypeCode
)

// RRHFiling is what a unit reported to the register of beneficial owners:
// its registration. A unit required to register that has no filing has
// not reported yet.
type RRHFiling struct {
	OrgNr string
	ID    string // registreringId, a UUID
	// Registered is registrertDato: RFC 3339 in UTC with the fraction the
	// register writes (microseconds, trailing zeros dropped).
	Registered string
	// OwnersSince is every owner's foerstRegistrertDato and endretDato.
	OwnersSince string
	// Status is an RRHStatus* code; "" derives it from the ownerships:
	// arid with owners, else rknv or rkuv when a public entity owns more
	// than 75 %, else rikv.
	Status string
	// Owners, when not nil, are the owners as filed instead of the ones
	// derived from the world's ownerships and controls.
	Owners []BeneficialOwner
	Quirk  Quirk
	// Earlier are the unit's earlier registrations, oldest first, each
	// with its own Owners and Status.
	Earlier []RRHFiling
	About   string
}

// BeneficialOwner is a reelle rettighetshaver: a person with one or more
// positions in a unit.
type BeneficialOwner struct {
	PersonID      string // a person of the world (folkeregistrertPerson), or
	ForeignPerson string // a foreign person's Key (utenlandskPerson)
	Positions     []Position
}

// Position is one way a beneficial owner owns or controls the unit.
type Position struct {
	Type        string   // RRHPosition*
	Interval    string   // RRHInterval*, for ownership and votes
	Basis       []string // RRHBasis*
	Description string   // beskrivelseAnnenMaate, for RRHPositionOther
	// Via are the intermediate entities (mellomliggendeVirksomheter):
	// Norwegian units (OrgNr) or foreign entities (Foreign), the one
	// nearest the unit first.
	Via []Party
}

// MaskinportenClient is a client registered in the sandbox's Maskinporten.
type MaskinportenClient struct {
	ID     string   // client_id, the grant's iss
	OrgNr  string   // the organisation that owns the client
	Name   string   // display name
	Scopes []string // the scopes registered on the client
	About  string
}

// ScopeGrant is the scopes an API owner granted an organisation.
type ScopeGrant struct {
	OrgNr  string
	Scopes []string
}

// Delegation is a customer's delegation, in Altinn, of scopes to a system
// supplier, who then asks Maskinporten with consumer_org set.
type Delegation struct {
	Customer string // the customer's organisasjonsnummer
	Supplier string // the supplier's organisasjonsnummer
	Scopes   []string
}

// rrhForms are the organisasjonsformer required to register in RRH. [U]
// The law exempts sole proprietorships and the public administration; the
// sandbox also treats a NUF as exempt.
var rrhForms = map[string]bool{"AS": true, "ASA": true, "ANS": true, "DA": true, "STI": true, "FLI": true}

// RRHRequired reports whether the unit orgnr is required to register in
// the register of beneficial owners: a live main unit of a form the law
// covers.
func (w *World) RRHRequired(orgnr string) bool {
	u, ok := w.units[orgnr]
	return ok && rrhForms[u.Form] && !u.IsSubUnit() && !u.IsDeleted() && !u.Removed
}

// RRHFiling returns the unit's filing to the register of beneficial
// owners, if it has reported.
func (w *World) RRHFiling(orgnr string) (*RRHFiling, bool) {
	f, ok := w.filings[orgnr]
	return f, ok
}

// ForeignPerson returns the foreign person with the key k.
func (w *World) ForeignPerson(k string) (*ForeignPerson, bool) {
	p, ok := w.foreignPersons[k]
	return p, ok
}

// MaskinportenClient returns the client with the client_id id.
func (w *World) MaskinportenClient(id string) (*MaskinportenClient, bool) {
	for i := range w.Clients {
		if w.Clients[i].ID == id {
			return &w.Clients[i], true
		}
	}
	return nil, false
}

// BeneficialOwners returns the beneficial owners and the status of the
// unit's current filing: the filed owners if the filing lists them, else
// the persons who own more than 25 % directly or through entities they
// control (more than 50 %), Norwegian or foreign, with the controls the
// unit reported. The status is "" when the unit has not reported.
func (w *World) BeneficialOwners(orgnr string) (string, []BeneficialOwner) {
	f, ok := w.filings[orgnr]
	if !ok {
		return "", nil
	}
	owners := f.Owners
	if owners == nil {
		owners = w.deriveOwners(orgnr)
	}
	status := f.Status
	if status == "" {
		status = w.deriveStatus(orgnr, owners)
	}
	return status, owners
}

// Granted reports whether the API owners granted scope to orgnr.
func (w *World) Granted(orgnr, scope string) bool {
	for _, g := range w.ScopeGrants {
		if g.OrgNr == orgnr && slices.Contains(g.Scopes, scope) {
			return true
		}
	}
	return false
}

// Delegated reports whether customer delegated scope to supplier.
func (w *World) Delegated(customer, supplier, scope string) bool {
	for _, d := range w.Delegations {
		if d.Customer == customer && d.Supplier == supplier && slices.Contains(d.Scopes, scope) {
			return true
		}
	}
	return false
}
