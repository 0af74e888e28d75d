// Package dossier is the vocabulary of what Motpart shows about a company,
// whatever the source: plain data types, no I/O. Register clients fill
// them; the window, the command line and (later) the PDF report read them.
package dossier

import "time"

// MaxNoteLen is the longest note text, in bytes.
const MaxNoteLen = 10_000

// Note is one dated note the firm keeps on a client for its KYC file.
type Note struct {
	// ID is short and unique among the client's notes ("1", "2", ...).
	ID string `json:"id"`
	// Created is when the note was written, in UTC.
	Created time.Time `json:"created"`
	// Updated is when the text was last changed, in UTC; zero if never.
	Updated time.Time `json:"updated,omitempty"`
	// Text is the note itself.
	Text string `json:"text"`
}

// Dossier is everything Motpart learned about one organisation in one
// lookup: the facts, and where each came from.
type Dossier struct {
	// Number is the organisation number looked up, canonical.
	Number string `json:"number"`
	// Country is "NO", "SE" or "FI".
	Country string `json:"country"`
	// Fetched is when the lookup finished, in UTC.
	Fetched time.Time `json:"fetched"`
	// Company holds the facts; nil when no source found the unit.
	Company *Company `json:"company,omitempty"`
	// Roles are the unit's roles (board, CEO, auditor, ...).
	Roles []Role `json:"roles,omitempty"`
	// SubUnits are the unit's sub-units (bedrifter/virksomheter).
	SubUnits []UnitRef `json:"sub_units,omitempty"`
	// Owners are the beneficial owners, when a source gives them.
	Owners *Owners `json:"owners,omitempty"`
	// AML is BankID's AML data from the latest session whose result was
	// read, beside the registers' data; nil when none was ordered.
	AML *AML `json:"aml,omitempty"`
	// Sources says, for each source asked, what it answered.
	Sources []Source `json:"sources"`
	// Carried lists the parts that no source answered for in this lookup
	// and that are their last known values from an earlier one, each with
	// its own source and date (see CarryOver).
	Carried []Carried `json:"carried,omitempty"`
}

// Complete reports whether every source asked answered in full (found,
// not found, deleted or no data); a dossier that is not complete must say so.
func (d *Dossier) Complete() bool {
	for _, s := range d.Sources {
		if s.Status == StatusFailed || s.Status == StatusNoAccess {
			return false
		}
	}
	return true
}

// Company is a registered unit (NO: enhet or underenhet).
type Company struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	// Form is the organisation form, e.g. {AS, Aksjeselskap}.
	Form            Code     `json:"form"`
	BusinessAddress *Address `json:"business_address,omitempty"`
	PostalAddress   *Address `json:"postal_address,omitempty"`
	// LocationAddress is a sub-unit's beliggenhetsadresse.
	LocationAddress *Address `json:"location_address,omitempty"`
	// Industry holds the NACE codes, main one first.
	Industry []Code `json:"industry,omitempty"`
	// Sector is the institutional sector code.
	Sector *Code `json:"sector,omitempty"`
	// Registered is the date of registration; Founded the date of foundation.
	Registered string `json:"registered,omitempty"` // YYYY-MM-DD
	Founded    string `json:"founded,omitempty"`    // YYYY-MM-DD
	// Employees is nil when not registered.
	Employees *int   `json:"employees,omitempty"`
	Email     string `json:"email,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Mobile    string `json:"mobile,omitempty"`
	Website   string `json:"website,omitempty"`
	// Purpose is the registered purpose or activity, as lines.
	Purpose []string `json:"purpose,omitempty"`
	// Capital is the share capital, e.g. "30000 NOK".
	Capital string `json:"capital,omitempty"`
	// The registers the unit is entered in.
	InBusinessRegister bool `json:"in_business_register,omitempty"`
	InVATRegister      bool `json:"in_vat_register,omitempty"`
	// Status flags.
	Bankrupt               bool   `json:"bankrupt,omitempty"`
	BankruptDate           string `json:"bankrupt_date,omitempty"`
	UnderLiquidation       bool   `json:"under_liquidation,omitempty"`
	UnderForcedDissolution bool   `json:"under_forced_dissolution,omitempty"`
	Deleted                bool   `json:"deleted,omitempty"`
	DeletedDate            string `json:"deleted_date,omitempty"`
	// ClosedDate is Enhetsregisteret's nedleggelsesdato, YYYY-MM-DD: the
	// day the unit (mostly a sub-unit) closed down. A closed unit may not
	// be deleted (yet), so it is a status of its own.
	ClosedDate string `json:"closed_date,omitempty"`
	// SubUnit is true for a sub-unit; Parent is then its legal unit.
	SubUnit bool   `json:"sub_unit,omitempty"`
	Parent  string `json:"parent,omitempty"`
	// Swedish holds what only SCB's Företagsregister says (owner
	// category, statuses, seat); nil for other countries' units.
	Swedish *SwedishFacts `json:"swedish,omitempty"`
	// Finnish holds what only PRH's open data says (names with their
	// history, EU ID, registers, situations); nil for other countries'
	// units.
	Finnish *FinnishFacts `json:"finnish,omitempty"`
}

// Code is a code with its description, e.g. {"62.010", "Programmeringstjenester"}.
type Code struct {
	Code        string `json:"code"`
	Description string `json:"description,omitempty"`
}

// Address is a postal or business address.
type Address struct {
	Lines        []string `json:"lines,omitempty"`
	PostalCode   string   `json:"postal_code,omitempty"`
	City         string   `json:"city,omitempty"`
	Municipality string   `json:"municipality,omitempty"`
	// MunicipalityNumber is the 4-digit kommunenummer.
	MunicipalityNumber string `json:"municipality_number,omitempty"`
	Country            string `json:"country,omitempty"`
	// CountryCode is ISO 3166 alpha-2 ("NO") as the REST API gives it,
	// or alpha-3 ("NOR") as grunndataWS does.
	CountryCode string `json:"country_code,omitempty"`
}

// Role is one role in a unit, held by a person or by another unit.
type Role struct {
	// Group is the role group, e.g. {STYR, Styre}.
	Group Code `json:"group"`
	// Type is the role, e.g. {LEDE, Styrets leder}.
	Type Code `json:"type"`
	// Exactly one of Person and Unit is set.
	Person *Person  `json:"person,omitempty"`
	Unit   *UnitRef `json:"unit,omitempty"`
	// ElectedBy is who elected a board member, if registered.
	ElectedBy string `json:"elected_by,omitempty"`
	// Share is a partner's share of responsibility, e.g. "50%".
	Share string `json:"share,omitempty"`
	// Resigned is true for a role that has been deregistered.
	Resigned bool `json:"resigned,omitempty"`
	// ResignedCode is grunndataWS's fratraadt when it is one of the
	// schema's codes for resigned, "K", "R" or "F" (the schema does not
	// say how they differ), and ResignedText its fratraadtTekst, cut
	// short.
	ResignedCode string `json:"resigned_code,omitempty"`
	ResignedText string `json:"resigned_text,omitempty"`
	// Since is the date (YYYY-MM-DD) the register gives for the role's
	// group: when the group was last changed (Enhetsregisteret's
	// sistEndret, grunndataWS's registreringsDato of the samendring). The
	// holder has held the role at least since then; "" when not given.
	Since string `json:"since,omitempty"`
	// AuditorCategory is grunndataWS's revisorKategori, an integer code
	// in the schema (its values are not documented); 0 when not given.
	AuditorCategory int `json:"auditor_category,omitempty"`
}

// Person is a natural person holding a role or owning a unit.
type Person struct {
	Name string `json:"name"`
	// BirthDate is YYYY-MM-DD when known.
	BirthDate string `json:"birth_date,omitempty"`
	// NationalID is the fødselsnummer or D-nummer when the source gives
	// it. It is personal data: screens mask it until asked.
	NationalID string `json:"national_id,omitempty"`
	Deceased   bool   `json:"deceased,omitempty"`
}

// UnitRef names another unit: a role holder, a sub-unit, a parent, an
// intermediate company. A foreign unit has no Norwegian Number but its
// home registration number in ForeignNumber and its Country.
type UnitRef struct {
	Number  string `json:"number,omitempty"`
	Name    string `json:"name,omitempty"`
	Form    string `json:"form,omitempty"`
	Deleted bool   `json:"deleted,omitempty"`
	// ClosedDate is the unit's nedleggelsesdato (YYYY-MM-DD), when closed.
	ClosedDate    string `json:"closed_date,omitempty"`
	ForeignNumber string `json:"foreign_number,omitempty"`
	Country       string `json:"country,omitempty"`
	// Address is where a sub-unit is (its beliggenhetsadresse), when the
	// source gives it; it tells sub-units of the same name apart.
	Address *Address `json:"address,omitempty"`
}

// Status is what a source answered.
type Status string

// Source statuses.
const (
	StatusFound    Status = "found"     // the source knows the unit
	StatusNotFound Status = "not_found" // the source does not know it
	StatusDeleted  Status = "deleted"   // the unit is deleted (see Source.Date)
	StatusNoData   Status = "no_data"   // the source knows the unit but gives no data about it (see Source.Problem)
	StatusNoAccess Status = "no_access" // Motpart may not ask this source (no account, not authorised)
	StatusFailed   Status = "failed"    // the source could not be asked or answered badly
	StatusOffline  Status = "offline"   // answered from an offline copy (see Source.Date)
	StatusSkipped  Status = "skipped"   // not asked (not configured for this country)
)

// Source names a source and says what it answered and when.
type Source struct {
	// ID is stable: "brreg" (Enhetsregisteret's open API), "grunndata"
	// (grunndataWS), later "rrh", "scb", "bankid", ...
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Code is a stable code for the outcome where there is one, e.g. the
	// grunndataWS sub-status "1020", or "timeout", "http_503",
	// "malformed", "unauthorized".
	Code string `json:"code,omitempty"`
	// Problem is the problem.Code of the outcome where there is one, e.g.
	// "no_postal_address", "timeout", "unit_deleted_duplicate": the one
	// code screens translate. (A string, as dossier imports nothing.)
	Problem string `json:"problem,omitempty"`
	// Message is what happened, in English, for logs and the command line;
	// screens translate Problem instead.
	Message string `json:"message,omitempty"`
	// Date is the deletion date (StatusDeleted) or the offline copy's
	// date (StatusOffline), YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// Fetched is when the source answered, in UTC.
	Fetched time.Time `json:"fetched"`
	// Duration is how long it took.
	Duration time.Duration `json:"duration"`
	// Redirect names the unit to look at instead: the correct unit after a
	// duplicate or merger, or the legal unit of a sub-unit.
	Redirect *Redirect `json:"redirect,omitempty"`
	// Notes are facts the source says are not registered, e.g.
	// {Code "1020", "No postal address registered"}: notes, not errors.
	Notes []SourceNote `json:"notes,omitempty"`
	// RegisterText is the source's own words about its answer (for
	// example the message of an HTTP 404), in the register's language, as
	// one line of at most a few hundred bytes with control characters
	// removed; "" when it said nothing.
	RegisterText string `json:"register_text,omitempty"`
	// FollowUp, when set, says that the answer does not settle what an
	// AML check must know, and that the user must find out more.
	FollowUp *FollowUp `json:"follow_up,omitempty"`
	// Missing lists the parts of the dossier this source answers for but
	// could not read this time although it answered (for example the
	// sub-units when Enhetsregisteret's sub-unit search failed): they keep
	// their last known values (see Dossier.CarryOver).
	Missing []Part `json:"missing,omitempty"`
}

// FollowUp is something a user must follow up in the AML check because a
// source's answer allows more than one reading.
type FollowUp struct {
	// Reason is a stable code, e.g. FollowUpOwnersNotRegistered.
	Reason string `json:"reason"`
	// Message says in English what is open and what to check.
	Message string `json:"message,omitempty"`
}

// Reasons of a FollowUp.
const (
	// FollowUpOwnersNotRegistered: the Register of beneficial owners
	// answered 404, which means either that the company has not
	// registered its beneficial owners, or that it does not have to.
	FollowUpOwnersNotRegistered = "owners_not_registered"
)

// Codes of SourceNote that say an answer was read under an assumption.
const (
	// NoteOwnersShapeUnconfirmed: the owners were read from the v1 API,
	// whose answer shape is guessed (experimental, shape not confirmed).
	NoteOwnersShapeUnconfirmed = "owners_shape_unconfirmed"
)

// Codes of SourceNote that say one part of a source's answer could not be
// read while the rest was: the source is still "found" and shows what it
// read; the note's Problem names the part, its Cause why.
const (
	// NoteRolesUnread: the roles could not be read.
	NoteRolesUnread = "roles_unread"
	// NoteSubUnitsUnread: the list of sub-units could not be read.
	NoteSubUnitsUnread = "sub_units_unread"
	// NoteContactDataUnread: the contact data (phone, e-mail, web site)
	// could not be read.
	NoteContactDataUnread = "contact_data_unread"
)

// Redirect points from the unit asked for to the right one.
type Redirect struct {
	// Reason is a stable code: "duplicate", "merged", "replacement_deleted",
	// "sub_unit" (the unit asked for is a sub-unit), "registration_unit".
	Reason string `json:"reason"`
	// Code is the source's own code, e.g. grunndataWS "1", "2", "120", "130".
	Code   string `json:"code,omitempty"`
	Number string `json:"number"`
	// Name is the name the source gave the unit it points to, when its
	// answer was about that unit. Those data are kept apart: never filled
	// into the dossier of the unit asked for (see Dossier.Merge).
	Name string `json:"name,omitempty"`
}

// SourceNote is something a source says is not registered, or a part of
// its answer that could not be read (NoteRolesUnread, ...).
type SourceNote struct {
	// Code is the source's own code, e.g. grunndataWS "1020", or one of
	// the Note constants.
	Code string `json:"code"`
	// Problem is its problem.Code, e.g. "no_postal_address", which
	// screens translate.
	Problem string `json:"problem,omitempty"`
	// Cause is, for a part that could not be read, the problem.Code of
	// why, e.g. "timeout"; "" otherwise.
	Cause string `json:"cause,omitempty"`
	// Message is the same in English.
	Message string `json:"message"`
}

// HistoryEntry is one earlier lookup.
type HistoryEntry struct {
	Number  string    `json:"number"`
	Name    string    `json:"name"`
	Fetched time.Time `json:"fetched"`
	// Standing is the company's standing when it was looked up.
	Standing Standing `json:"standing,omitempty"`
}

// Owners is what the Register of beneficial owners says of one
// organisation.
type Owners struct {
	// Number is the organisation that must register its owners.
	Number string `json:"number"`
	// Status is the registration status, e.g.
	// {reellerettighetshaverestatus.arid, "all identified"}; see the
	// OwnerStatus constants for the codes, matched case-insensitively.
	Status Code `json:"status"`
	// Registered is when the registration was made (RFC 3339, UTC).
	Registered time.Time `json:"registered,omitempty"`
	// Owners are the beneficial owners.
	Owners []BeneficialOwner `json:"owners,omitempty"`
	// Source is "online" or "offline"; CopyDate is the offline copy's date.
	Source   string `json:"source"`
	CopyDate string `json:"copy_date,omitempty"`
}

// Registration statuses of the Register of beneficial owners, lower case.
const (
	OwnersAllIdentified  = "reellerettighetshaverestatus.arid" // all identified
	OwnersSomeIdentified = "reellerettighetshaverestatus.nrki" // some cannot be identified
	OwnersNoneIdentified = "reellerettighetshaverestatus.irki" // none can be identified
	OwnersNone           = "reellerettighetshaverestatus.rikv" // none, and no public owner
	OwnersNorwegianState = "reellerettighetshaverestatus.rknv" // none: a Norwegian public body owns > 75 %
	OwnersForeignState   = "reellerettighetshaverestatus.rkuv" // none: a foreign public body owns > 75 %
)

// BeneficialOwner is one beneficial owner. Exempt owners carry only the
// birth year, citizenships, country of residence and positions.
type BeneficialOwner struct {
	// Name is empty for an owner exempt from disclosure.
	Name string `json:"name,omitempty"`
	// NationalID is the fødselsnummer or D-nummer of a registered person;
	// personal data, masked on screen until the user asks.
	NationalID string `json:"national_id,omitempty"`
	BirthDate  string `json:"birth_date,omitempty"` // YYYY-MM-DD
	BirthYear  string `json:"birth_year,omitempty"` // YYYY
	// Foreign is true for a person not in the Norwegian population register.
	Foreign bool `json:"foreign,omitempty"`
	// Citizenships and Residence are countries (ISO 3166 alpha-3 code and name).
	Citizenships []Code     `json:"citizenships,omitempty"`
	Residence    *Code      `json:"residence,omitempty"`
	Exempt       bool       `json:"exempt,omitempty"`
	Deceased     bool       `json:"deceased,omitempty"`
	Positions    []Position `json:"positions,omitempty"`
}

// Position is one way a beneficial owner owns or controls the unit.
type Position struct {
	// Type is posisjontype.eier (ownership), .kont (control of votes),
	// .ruas (right to appoint half the board) or .anne (other means).
	Type Code `json:"type"`
	// Interval is stoerrelseintervall.int1 (25–49.99 %), .int2 (50–74.99 %)
	// or .int3 (75–100 %), for ownership and control of votes.
	Interval *Code `json:"interval,omitempty"`
	// Basis lists grunnlagtype.dire (direct), .indi (indirect), .enav
	// (agreement or arrangement).
	Basis []Code `json:"basis,omitempty"`
	// Other describes control by other means.
	Other string `json:"other,omitempty"`
	// Intermediates are the companies the position runs through.
	Intermediates []UnitRef `json:"intermediates,omitempty"`
}

// OwnersCopy describes the offline copy of the Register of beneficial
// owners kept in the vault.
type OwnersCopy struct {
	// Date is the download's date, YYYY-MM-DD.
	Date          string    `json:"date"`
	Registrations int       `json:"registrations"`
	Sequence      int64     `json:"sequence"`
	Imported      time.Time `json:"imported"`
}
