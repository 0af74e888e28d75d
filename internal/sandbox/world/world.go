package world

import (
	"fmt"
	"slices"
	"strings"
)

// World is the sandbox's fictional world: the units, persons, roles,
// ownership, beneficial owners and Maskinporten clients every simulator
// serves. It is built once by [New] and never
// changes; callers must treat it, and everything it points to, as
// read-only. It is safe for concurrent use.
type World struct {
	// Firm is the accounting firm the demo user works for.
	Firm Firm
	// Units are the Norwegian units, main units and sub-units.
	Units []Unit
	// Persons are the natural persons, with synthetic identity numbers.
	Persons []Person
	// Foreign are companies registered outside Norway.
	Foreign []ForeignEntity
	// Ownerships are shareholdings in Norwegian units and foreign
	// entities.
	Ownerships []Ownership
	// ForeignPersons are natural persons without a Norwegian identity
	// number.
	ForeignPersons []ForeignPerson
	// Controls are beneficial owners' positions other than ownership.
	Controls []Control
	// Filings are the units' registrations in the register of beneficial
	// owners (RRH).
	Filings []RRHFiling
	// Clients are the clients registered in Maskinporten.
	Clients []MaskinportenClient
	// ScopeGrants are the scopes the API owners granted organisations.
	ScopeGrants []ScopeGrant
	// Delegations are customers' delegations of scopes to suppliers.
	Delegations []Delegation
	// ForeignRoles are the roles in the Swedish and Finnish companies.
	ForeignRoles []ForeignRole
	// Screenings are the sanctions and PEP screenings with hits, as
	// BankID's AML service reports them; a company not listed has none.
	Screenings []Screening

	seCompanies    []SECompany           // the Swedish units of SCB's register
	seByDigits     map[string]*SECompany // by their ten digits
	units          map[string]*Unit
	persons        map[string]*Person
	foreign        map[string]*ForeignEntity
	subs           map[string][]*Unit
	holdings       map[string][]*Ownership // by Company
	foreignPersons map[string]*ForeignPerson
	filings        map[string]*RRHFiling
}

// Firm is the accounting firm of the world, with its legal entities in the
// three countries. The demo client certificates are issued to it.
type Firm struct {
	Name    string // the Norwegian company, a unit of the world
	OrgNr   string // its organisasjonsnummer
	SEName  string // the Swedish company
	SEOrgNr string // its organisationsnummer, NNNNNN-NNNN
	FIName  string // the Finnish company
	YTunnus string // its Y-tunnus, NNNNNNN-C
}

// Unit is a Norwegian unit of Enhetsregisteret: a main unit (enhet) or a
// sub-unit (underenhet, organisasjonsform BEDR or AAFY). Dates are
// YYYY-MM-DD; an empty string or nil means the register has no value.
type Unit struct {
	OrgNr string // organisasjonsnummer
	Name  string // navn
	Form  string // organisasjonsform code: AS, ASA, ENK, BEDR...
	// Parent is overordnetEnhet: for a sub-unit its main unit, for an
	// organisasjonsledd the unit above it.
	Parent string
	// RegistrationUnit is the unit registered on this one's behalf
	// (grunndata underStatus 3 when this unit is asked for, 200 when the
	// registration unit itself is).
	RegistrationUnit string

	Registered   string // registreringsdatoEnhetsregisteret
	Founded      string // stiftelsesdato
	StatutesDate string // vedtektsdato
	Started      string // oppstartsdato (sub-units)
	OwnerChange  string // datoEierskifte (sub-units)
	Closed       string // nedleggelsesdato (sub-units)

	// Business is forretningsadresse; for a sub-unit, beliggenhetsadresse.
	Business *Address
	Postal   *Address // postadresse

	// Contact data: telefon, mobil, telefaks, epostadresse, hjemmeside.
	Phone, Mobile, Fax, Email, Homepage string

	NACE         []Code   // næringskoder, at most three
	Sector       *Code    // institusjonellSektorkode
	Employees    int      // antallAnsatte
	HasEmployees bool     // harRegistrertAntallAnsatte
	Capital      *Capital // kapital
	Purpose      []string // vedtektsfestetFormaal
	Activity     []string // aktivitet
	Language     string   // maalform: Bokmål or Nynorsk

	VAT                 bool     // registrertIMvaregisteret
	VoluntaryVAT        []string // frivilligMvaRegistrertBeskrivelser
	BusinessRegister    bool     // registrertIForetaksregisteret
	FoundationRegister  bool     // registrertIStiftelsesregisteret
	VoluntaryRegister   bool     // registrertIFrivillighetsregisteret
	LastAccounts        string   // sisteInnsendteAarsregnskap, a year
	InGroup             bool     // erIKonsern
	Bankrupt            bool     // konkurs
	BankruptDate        string   // konkursdato
	Liquidation         bool     // underAvvikling
	LiquidationDate     string   // underAvviklingDato
	ForcedDissolution   bool     // underTvangsavviklingEllerTvangsopplosning
	ForcedDissolvedDate string   // the date forced dissolution began

	// Deleted is slettedato; DeletedAs and ReplacedBy say why.
	Deleted    string
	DeletedAs  Deletion // why: plain, duplicate or merged
	ReplacedBy string   // the correct unit for a duplicate or a merged unit
	// Removed units are withdrawn from open data: the REST API answers 410.
	Removed bool

	Roles []Role // roller

	// About says in one line what the unit exercises.
	About string
}

// Deletion says why a unit was deleted.
type Deletion int

// The reasons for deletion.
const (
	DeletedPlain     Deletion = iota // deleted (grunndata 110)
	DeletedDuplicate                 // deleted as a duplicate of ReplacedBy (grunndata 1)
	DeletedMerged                    // merged into ReplacedBy (grunndata 2)
)

// IsSubUnit reports whether u is a sub-unit (underenhet).
func (u *Unit) IsSubUnit() bool { return u.Form == "BEDR" || u.Form == "AAFY" }

// IsDeleted reports whether u has a slettedato.
func (u *Unit) IsDeleted() bool { return u.Deleted != "" }

// Address is a postal, business or location address.
type Address struct {
	Lines []string // adresse lines; "" is kept as an empty line
	// TrailingNulls is how many JSON nulls follow Lines in the REST API,
	// as the live service sometimes sends.
	TrailingNulls  int
	PostCode       string // postnummer
	City           string // poststed
	Municipality   string // kommune
	MunicipalityNo string // kommunenummer, 4 digits
	Country        string // land, e.g. Norge
	CountryCode    string // landkode, ISO 3166 alpha-2
}

// Code is a code with its description: a NACE code, a sector code.
type Code struct {
	Code        string // kode
	Description string // beskrivelse
}

// Capital is share capital (or the like).
type Capital struct {
	Amount   float64 // beløp
	Currency string  // valuta, e.g. NOK
	Shares   int64   // number of shares; 0 if not shares
}

// Role is a role in a unit, held by a person (Person, an identity number)
// or by a unit (Unit, an organisasjonsnummer).
type Role struct {
	Type     string // DAGL, LEDE, NEST, MEDL, VARA, REVI, REGN, KONT, DTPR, DTSO, INNH...
	Person   string // the holder's identity number, or ""
	Unit     string // the holder's organisasjonsnummer, or ""
	Resigned bool   // fratrådt
	// ResignedAs is how grunndataWS marks a resigned role (fratraadt): K,
	// R or F; "" means F. [U] the meanings of the three are not documented
	// to us.
	ResignedAs string
	ElectedBy  string // valgtAv code, e.g. AREP
	Share      string // ansvarsandel for DTPR, e.g. "50%"
	Since      string // registration date of the role; the unit's by default
}

// Person is a natural person. ID is a synthetic fødselsnummer (month + 80)
// or D-nummer (day + 40, month + 80).
type Person struct {
	ID      string   // fødselsnummer or D-nummer; never log it
	First   string   // fornavn
	Middle  string   // mellomnavn, may be empty
	Last    string   // etternavn
	Address *Address // home address
	Dead    bool     // erDoed
	// ExemptFromDisclosure marks a person whose identity registers must
	// not disclose (a minor, a protected address).
	ExemptFromDisclosure bool
	// Citizenship is statsborgerskap, ISO 3166-1 alpha-3; none means
	// Norwegian only.
	Citizenship []string
	About       string // what the person exercises, if anything
}

// Name returns the person's full name.
func (p *Person) Name() string {
	return strings.Join(slices.DeleteFunc([]string{p.First, p.Middle, p.Last}, func(s string) bool { return s == "" }), " ")
}

// ForeignEntity is a company registered outside Norway.
type ForeignEntity struct {
	Country  string // ISO 3166 alpha-2
	Number   string // its national number in canonical form
	Register string // the register that issued Number
	Name     string // registered name
	Form     string // legal form in its own country: AB, GmbH, Oy
	City     string // seat
	Address  string // full address on one line (RRH's friAdressetekst)
	Public   bool   // a public entity (state or municipality owned)
}

// Ownership is a shareholding: Owner holds Percent of Company.
type Ownership struct {
	// Company is the organisasjonsnummer of the Norwegian unit owned, or
	// the Number of the foreign entity owned.
	Company string
	Owner   Party   // who owns
	Percent float64 // share of the company, 0–100
	Shares  int64   // number of shares held
}

// Party is an owner: exactly one of OrgNr (a Norwegian unit), PersonID (a
// person), Foreign (a foreign entity's Number) or ForeignPerson (a foreign
// person's Key) is set.
type Party struct {
	OrgNr         string // a Norwegian unit's organisasjonsnummer
	PersonID      string // a person's identity number
	Foreign       string // a foreign entity's Number
	ForeignPerson string // a foreign person's Key
}

// Showcase is a sandbox number worth trying, with a one-line description.
type Showcase struct {
	Number      string // the number to type
	Description string // what it shows, in one line
}

// Unit returns the unit with the organisation number orgnr.
func (w *World) Unit(orgnr string) (*Unit, bool) {
	u, ok := w.units[orgnr]
	return u, ok
}

// Person returns the person with the identity number id.
func (w *World) Person(id string) (*Person, bool) {
	p, ok := w.persons[id]
	return p, ok
}

// ForeignEntity returns the foreign entity with the national number n.
func (w *World) ForeignEntity(n string) (*ForeignEntity, bool) {
	f, ok := w.foreign[n]
	return f, ok
}

// SubUnits returns the sub-units (and organisasjonsledd) whose
// overordnetEnhet is orgnr, in world order.
func (w *World) SubUnits(orgnr string) []*Unit { return w.subs[orgnr] }

// Showcase returns a short list of sandbox numbers worth trying, each with
// a one-line description, for the README and the first-run screen.
func (w *World) Showcase() []Showcase {
	return []Showcase{
		{RichestOrgNr, "SOLSTRAND INDUSTRIER ASA: everything filled in — board, auditor, accountant, 3 NACE codes, capital, sub-units, owners"},
		{FirmOrgNr, "FJORDLYS REGNSKAP AS: the demo accounting firm itself, accountant (REGN) for many units"},
		{CrossHoldingAOrgNr, "BREVIK INVEST AS: cross-holding — owns 30% of KVITFJELL EIENDOM AS, which owns 10% of it"},
		{NUFOrgNr, "ÖRESUND LOGISTIK AB, NORSK FILIAL: Norwegian branch (NUF) of a Swedish company, D-nummer manager"},
		{PartnershipDAOrgNr, "HAVGAPET DA: partnership whose participants (DTPR) are companies"},
		{BankruptOrgNr, "STORMKAST MEDIA AS: bankrupt, with a bankruptcy trustee"},
		{DuplicateOrgNr, "FJELLHEIM BYGG AS: deleted as a duplicate — the register points to the correct unit"},
		{DeletedOrgNr, "GAMLEVEIEN TRANSPORT AS: deleted unit"},
		{SubUnitOrgNr, "SOLSTRAND INDUSTRIER ASA AVD OSLO: a sub-unit (BEDR), not a legal unit"},
		{FamilyOwnedOrgNr, "HAUGE FAMILIEINVEST AS: owned in part by a minor, exempt from disclosure"},
		{NeverCreatedOrgNr, "a valid number that was never issued: not found"},
	}
}

// index builds the lookup maps and checks that every reference resolves.
func (w *World) index() error {
	w.units = make(map[string]*Unit, len(w.Units))
	w.persons = make(map[string]*Person, len(w.Persons))
	w.foreign = make(map[string]*ForeignEntity, len(w.Foreign))
	w.subs = make(map[string][]*Unit)
	for i := range w.Units {
		u := &w.Units[i]
		if _, dup := w.units[u.OrgNr]; dup {
			return fmt.Errorf("sandbox world: unit %s twice", u.OrgNr)
		}
		w.units[u.OrgNr] = u
	}
	for i := range w.Persons {
		p := &w.Persons[i]
		if _, dup := w.persons[p.ID]; dup {
			return fmt.Errorf("sandbox world: person %q twice", p.Name())
		}
		w.persons[p.ID] = p
	}
	for i := range w.Foreign {
		f := &w.Foreign[i]
		w.foreign[f.Number] = f
	}
	unit := func(orgnr, what string) error {
		if _, ok := w.units[orgnr]; !ok {
			return fmt.Errorf("sandbox world: %s: no unit %s", what, orgnr)
		}
		return nil
	}
	for i := range w.Units {
		u := &w.Units[i]
		if u.Parent != "" {
			if err := unit(u.Parent, u.OrgNr+" overordnetEnhet"); err != nil {
				return err
			}
			w.subs[u.Parent] = append(w.subs[u.Parent], u)
		}
		for _, ref := range []string{u.RegistrationUnit, u.ReplacedBy} {
			if ref != "" {
				if err := unit(ref, u.OrgNr); err != nil {
					return err
				}
			}
		}
		for _, r := range u.Roles {
			switch {
			case r.Person != "" && r.Unit == "":
				if _, ok := w.persons[r.Person]; !ok {
					return fmt.Errorf("sandbox world: %s role %s: unknown person", u.OrgNr, r.Type)
				}
			case r.Unit != "" && r.Person == "":
				if err := unit(r.Unit, u.OrgNr+" role "+r.Type); err != nil {
					return err
				}
			default:
				return fmt.Errorf("sandbox world: %s role %s: want a person or a unit", u.OrgNr, r.Type)
			}
			switch {
			case r.ResignedAs != "" && !r.Resigned:
				return fmt.Errorf("sandbox world: %s role %s: ResignedAs without Resigned", u.OrgNr, r.Type)
			case r.ResignedAs != "" && r.ResignedAs != "K" && r.ResignedAs != "R" && r.ResignedAs != "F":
				return fmt.Errorf("sandbox world: %s role %s: ResignedAs %q, want K, R or F", u.OrgNr, r.Type, r.ResignedAs)
			}
			if _, ok := roleTypes[r.Type]; !ok {
				return fmt.Errorf("sandbox world: %s: unknown role type %s", u.OrgNr, r.Type)
			}
		}
		if _, ok := orgForms[u.Form]; !ok {
			return fmt.Errorf("sandbox world: %s: unknown organisasjonsform %s", u.OrgNr, u.Form)
		}
	}
	if err := w.indexRRH(); err != nil {
		return err
	}
	if err := w.checkAML(); err != nil {
		return err
	}
	if err := w.indexSE(); err != nil {
		return err
	}
	if err := w.checkFI(); err != nil {
		return err
	}
	w.holdings = make(map[string][]*Ownership)
	for i := range w.Ownerships {
		o := &w.Ownerships[i]
		if _, ok := w.foreign[o.Company]; !ok {
			if err := unit(o.Company, "ownership"); err != nil {
				return err
			}
		}
		w.holdings[o.Company] = append(w.holdings[o.Company], o)
		p := o.Owner
		if n := len(slices.DeleteFunc([]string{p.OrgNr, p.PersonID, p.Foreign, p.ForeignPerson}, func(s string) bool { return s == "" })); n > 1 {
			return fmt.Errorf("sandbox world: owner of %s: %d parties in one", o.Company, n)
		}
		switch {
		case p.OrgNr != "":
			if err := unit(p.OrgNr, "owner of "+o.Company); err != nil {
				return err
			}
		case p.PersonID != "":
			if _, ok := w.persons[p.PersonID]; !ok {
				return fmt.Errorf("sandbox world: owner of %s: unknown person", o.Company)
			}
		case p.Foreign != "":
			if _, ok := w.foreign[p.Foreign]; !ok {
				return fmt.Errorf("sandbox world: owner of %s: no foreign entity %s", o.Company, p.Foreign)
			}
		case p.ForeignPerson != "":
			if _, ok := w.foreignPersons[p.ForeignPerson]; !ok {
				return fmt.Errorf("sandbox world: owner of %s: no foreign person %s", o.Company, p.ForeignPerson)
			}
		default:
			return fmt.Errorf("sandbox world: owner of %s: empty party", o.Company)
		}
	}
	return nil
}
