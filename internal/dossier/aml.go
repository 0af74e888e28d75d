package dossier

import "time"

// AML is what BankID's AML service said about an organisation in one
// session (registries.md §5.4): its key information, roles, beneficial
// owners, shareholders, subsidiaries and the sanctions and PEP screening.
// It is kept beside the registers' data, never mixed into it: each block
// is BankID's word, with the session and the time it was read.
type AML struct {
	// SessionID is the BankID session the data came from.
	SessionID string `json:"session_id"`
	// Country is "NO", "SE" or "FI": the session's country.
	Country string `json:"country"`
	// Fetched is when the result JSON was read, in UTC.
	Fetched time.Time `json:"fetched"`
	// Key is the key information block; nil when BankID gave none.
	Key *AMLKey `json:"key,omitempty"`
	// Roles are the role holders BankID lists (board, CEO...).
	Roles []AMLRole `json:"roles,omitempty"`
	// Beneficials are the beneficial owners BankID lists.
	Beneficials []AMLOwner `json:"beneficials,omitempty"`
	// Shareholders own shares of the organisation; Subsidiaries are the
	// companies it owns shares of.
	Shareholders []Holding `json:"shareholders,omitempty"`
	Subsidiaries []Holding `json:"subsidiaries,omitempty"`
	// Screening is the sanctions and PEP screening; nil when the session
	// did not ask for it or BankID gave none (which is not "no hits").
	Screening *Screening `json:"screening,omitempty"`
}

// AMLKey is BankID's key information about an organisation.
type AMLKey struct {
	Name       string `json:"name,omitempty"`
	Number     string `json:"number,omitempty"`
	Country    string `json:"country,omitempty"`
	Form       string `json:"form,omitempty"`
	Registered string `json:"registered,omitempty"` // YYYY-MM-DD
	LEI        string `json:"lei,omitempty"`
	DUNS       string `json:"duns,omitempty"`
}

// AMLRole is one role holder in BankID's data: a person (name and birth
// date) or an organisation (name and number).
type AMLRole struct {
	Type      string `json:"type"`
	Name      string `json:"name"`
	BirthDate string `json:"birth_date,omitempty"`
	OrgNumber string `json:"org_number,omitempty"`
}

// AMLOwner is a beneficial owner in BankID's data.
type AMLOwner struct {
	Name      string   `json:"name"`
	BirthDate string   `json:"birth_date,omitempty"`
	Share     float64  `json:"share"` // percent
	Roles     []string `json:"roles,omitempty"`
}

// Holding is a shareholding: who (a person with a birth date or an
// organisation with a number) and the share in percent.
type Holding struct {
	Name      string  `json:"name"`
	OrgNumber string  `json:"org_number,omitempty"`
	BirthDate string  `json:"birth_date,omitempty"`
	Country   string  `json:"country,omitempty"`
	Share     float64 `json:"share"` // percent
}

// Screening is a sanctions and PEP screening: which lists were checked,
// on which date, and what matched.
type Screening struct {
	// Lists are the lists screened against (EU, UN, OFAC...).
	Lists []string `json:"lists"`
	// Date is the date of the screening (YYYY-MM-DD).
	Date string `json:"date"`
	// Sanctions are the sanctions-list hits; PEP the politically exposed
	// persons found. Empty slices with Lists set mean "screened, no hits".
	Sanctions []ScreeningHit `json:"sanctions,omitempty"`
	PEP       []ScreeningHit `json:"pep,omitempty"`
}

// ScreeningHit is one hit of a screening: whom it concerns, on which list
// and what BankID says about it.
type ScreeningHit struct {
	Name   string `json:"name"`
	List   string `json:"list,omitempty"`
	Detail string `json:"detail,omitempty"`
}

// Hits reports whether the screening found a sanctions or PEP hit.
func (s *Screening) Hits() bool {
	return s != nil && (len(s.Sanctions) > 0 || len(s.PEP) > 0)
}

// Document kinds: the two PDFs BankID's AML service makes, and the KYC
// report Motpart makes itself.
const (
	DocumentAML          = "aml"          // the AML report
	DocumentRegistration = "registration" // the certificate of registration
	DocumentKYC          = "kyc"          // Motpart's KYC report (no BankID session)
)

// ReportOptions are the user's choices for a KYC report.
type ReportOptions struct {
	// Language is "en", "sv", "nb" or "fi"; "" is English.
	Language string
	// FullIDs prints personal identity numbers in full instead of masked;
	// the choice is written to the audit log and printed on the report.
	FullIDs bool
}

// Document is an AML document kept in the vault for a client.
type Document struct {
	// ID names the document in the vault (not a personal number).
	ID string `json:"id"`
	// OrgNr is the client's organisation number, canonical.
	OrgNr string `json:"org_nr"`
	// Name is the client's name when the document was stored.
	Name string `json:"name,omitempty"`
	// Kind is DocumentAML, DocumentRegistration or DocumentKYC.
	Kind string `json:"kind"`
	// Country is "NO", "SE" or "FI".
	Country string `json:"country"`
	// SessionID is the BankID session that made it; empty for a KYC
	// report.
	SessionID string `json:"session_id"`
	// OrderedAt, ReadyAt and ExpiresAt are when the session was created,
	// when the document was stored, and when BankID's session expires. A
	// KYC report is ordered and ready when it is made, and never expires
	// (ExpiresAt is zero).
	OrderedAt time.Time `json:"ordered_at"`
	ReadyAt   time.Time `json:"ready_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// Size is its size in bytes; SHA256 its hex SHA-256.
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// OrderState is the state of one part of an AML order.
type OrderState string

// The states of an order's part.
const (
	OrderWaiting   OrderState = "waiting"   // BankID has not started it (NOT_STARTED)
	OrderPreparing OrderState = "preparing" // BankID is preparing it (IN_PROGRESS)
	OrderReady     OrderState = "ready"     // stored in the vault
	OrderFailed    OrderState = "failed"    // BankID failed it, or it could not be stored (see Problem)
	OrderExpired   OrderState = "expired"   // the session expired before it was fetched
	OrderStopped   OrderState = "stopped"   // the user stopped following the order
)

// Finished reports whether a part's state will not change any more.
func (s OrderState) Finished() bool {
	return s == OrderReady || s == OrderFailed || s == OrderExpired || s == OrderStopped
}

// Order parts besides the documents.
const (
	// PartData is the session's JSON (key information, roles, owners...).
	PartData = "data"
)

// OrderPart is one thing an order asks for: PartData or a document kind.
type OrderPart struct {
	Kind  string     `json:"kind"`
	State OrderState `json:"state"`
	// Problem is the problem code of a failed part.
	Problem string `json:"problem,omitempty"`
	// Document is the stored document's id once it is ready.
	Document string `json:"document,omitempty"`
}

// AMLOrder is an order of AML documents from BankID: one session.
type AMLOrder struct {
	// ID is the BankID session id.
	ID      string `json:"id"`
	OrgNr   string `json:"org_nr"`
	Country string `json:"country"`
	// Name is the client's name when it was ordered, if known.
	Name      string      `json:"name,omitempty"`
	OrderedAt time.Time   `json:"ordered_at"`
	ExpiresAt time.Time   `json:"expires_at"`
	Parts     []OrderPart `json:"parts"`
	// Problem is the problem code of an order that failed as a whole
	// (expired, failed, could not be asked).
	Problem string `json:"problem,omitempty"`
}

// Finished reports whether every part of the order is finished.
func (o *AMLOrder) Finished() bool {
	for _, p := range o.Parts {
		if !p.State.Finished() {
			return false
		}
	}
	return true
}

// Ready reports whether every part of the order is ready.
func (o *AMLOrder) Ready() bool {
	for _, p := range o.Parts {
		if p.State != OrderReady {
			return false
		}
	}
	return len(o.Parts) > 0
}

// AMLRequest is what the user orders.
type AMLRequest struct {
	// Number is the organisation number as typed (NO, SE, FI or DUNS).
	Number string
	// Country is "NO", "SE" or "FI"; empty: taken from the number.
	Country string
	// Documents are the document kinds wanted; empty: both.
	Documents []string
	// DUNS says Number is a D-U-N-S number; Country must then be given.
	DUNS bool
}
