package portfolio

import (
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// Client is one of the firm's clients.
type Client struct {
	// Number is the organisation number, canonical (NO 9 digits, SE
	// NNNNNN-NNNN, FI NNNNNNN-C); Country is "NO", "SE" or "FI".
	Number  string `json:"number"`
	Country string `json:"country"`
	// Reference is the firm's own reference for the client (a customer
	// number); Responsible the person at the firm who answers for it.
	Reference   string `json:"reference,omitempty"`
	Responsible string `json:"responsible,omitempty"`
	// Added is when the client was added, in UTC.
	Added time.Time `json:"added"`
	// Name is the client's name as the last check (or the lookup it was
	// added from) read it; "" before the first.
	Name string `json:"name,omitempty"`
	// Standing is the client's standing as last read (the status badge).
	Standing dossier.Standing `json:"standing,omitempty"`
	// LastChecked is when a check last settled this client (looked up, or
	// read in a change feed that did not name it), in UTC; zero: never.
	LastChecked time.Time `json:"last_checked,omitempty"`
	// LastOutcome is what the last check of this client found.
	LastOutcome Outcome `json:"last_outcome,omitempty"`
	// LastProblem is the problem code of the last check when it could not
	// settle the client (LastOutcome OutcomeFailed), else "".
	LastProblem string `json:"last_problem,omitempty"`
	// Run is the id of the check run that last settled this client: a
	// resumed run skips the clients it has settled already.
	Run string `json:"run,omitempty"`
	// Flags are the reasons of the client's changes at RiskMedium or
	// above detected in the last FlagDays days, highest risk first; the
	// desk fills them when it lists the clients.
	Flags []Reason `json:"flags,omitempty"`
	// Risk is the highest risk among Flags; RiskNone without flags.
	Risk Risk `json:"risk,omitempty"`
}

// FlagDays is how long a change flags its client in the client list.
const FlagDays = 30

// Outcome is what one check found for one client.
type Outcome string

// The outcomes of checking a client.
const (
	OutcomeLookedUp   Outcome = "looked_up"   // looked up again in the registers
	OutcomeFeed       Outcome = "feed"        // settled by the change feeds: nothing named it
	OutcomeNotFound   Outcome = "not_found"   // the register answered that it does not know the number
	OutcomeFailed     Outcome = "failed"      // could not be settled (LastProblem says why); tried again next check
	OutcomeNotCovered Outcome = "not_covered" // no register for its country is connected
)

// Risk is how much a change matters for the AML file.
type Risk int

// The risk levels, from none to high.
const (
	RiskNone   Risk = 0
	RiskLow    Risk = 1
	RiskMedium Risk = 2
	RiskHigh   Risk = 3
)

// String names the risk: "none", "low", "medium", "high".
func (r Risk) String() string {
	switch r {
	case RiskLow:
		return "low"
	case RiskMedium:
		return "medium"
	case RiskHigh:
		return "high"
	}
	return "none"
}

// ParseRisk reads a risk's name as String writes it.
func ParseRisk(s string) (Risk, bool) {
	for _, r := range []Risk{RiskNone, RiskLow, RiskMedium, RiskHigh} {
		if r.String() == s {
			return r, true
		}
	}
	return RiskNone, false
}

// Field names what part of a client a change is about.
type Field string

// The fields a change can be about.
const (
	FieldStatus          Field = "status"
	FieldName            Field = "name"
	FieldBusinessAddress Field = "business_address"
	FieldPostalAddress   Field = "postal_address"
	FieldIndustry        Field = "industry"
	FieldBoard           Field = "board"
	FieldCEO             Field = "ceo"
	FieldAuditor         Field = "auditor"
	FieldAccountant      Field = "accountant"
	FieldSignature       Field = "signature"   // signature rights (signatur)
	FieldProcuration     Field = "procuration" // prokura
	FieldOtherRole       Field = "other_role"  // any other role
	FieldBeneficialOwner Field = "beneficial_owner"
	FieldOwnersStatus    Field = "owners_status" // the owners register's registration status
	FieldShareholding    Field = "shareholding"  // an ownership share (BankID's shareholders)
	FieldSanctions       Field = "sanctions"
	FieldPEP             Field = "pep"
	FieldRegistration    Field = "registration" // the unit itself: found, not found any more
)

// Reason says in one stable code why a change matters; ReasonText gives
// its English words and the window translates them.
type Reason string

// The reasons. Each has a risk (ReasonRisk) and English words (ReasonText).
const (
	ReasonBankruptcyOpened       Reason = "bankruptcy_opened"
	ReasonBankruptcyEnded        Reason = "bankruptcy_ended"
	ReasonLiquidationStarted     Reason = "liquidation_started"
	ReasonLiquidationEnded       Reason = "liquidation_ended"
	ReasonForcedDissolution      Reason = "forced_dissolution_started"
	ReasonForcedDissolutionEnded Reason = "forced_dissolution_ended"
	ReasonDeleted                Reason = "deleted"
	ReasonStruckOff              Reason = "struck_off" // SE/FI: removed from the trade register
	ReasonClosed                 Reason = "closed"     // a sub-unit closed down
	ReasonReinstated             Reason = "reinstated" // deleted, struck off or closed no more
	ReasonNotFoundAnyMore        Reason = "not_found_any_more"
	ReasonRenamed                Reason = "renamed"
	ReasonBusinessAddressChanged Reason = "business_address_changed"
	ReasonPostalAddressChanged   Reason = "postal_address_changed"
	ReasonIndustryChanged        Reason = "industry_changed"
	ReasonBoardMemberAdded       Reason = "board_member_added"
	ReasonBoardMemberLeft        Reason = "board_member_left"
	ReasonChairChanged           Reason = "chair_changed"
	ReasonCEOChanged             Reason = "ceo_changed"
	ReasonAuditorResigned        Reason = "auditor_resigned"
	ReasonAuditorAppointed       Reason = "auditor_appointed"
	ReasonAccountantChanged      Reason = "accountant_changed"
	ReasonSignatureChanged       Reason = "signature_changed"
	ReasonProcurationChanged     Reason = "procuration_changed"
	ReasonRoleChanged            Reason = "role_changed"
	ReasonNewBeneficialOwner     Reason = "new_beneficial_owner"
	ReasonBeneficialOwnerGone    Reason = "beneficial_owner_gone"
	ReasonOwnerPositionChanged   Reason = "owner_position_changed"
	ReasonOwnersStatusChanged    Reason = "owners_status_changed"
	// ReasonOwnersFewerIdentified is an owners status change towards
	// fewer identified owners (all → some → none identified, or no
	// registration any more): high, where other status changes are medium.
	ReasonOwnersFewerIdentified Reason = "owners_fewer_identified"
	ReasonShareholdingChanged   Reason = "shareholding_changed"
	ReasonSanctionsHit          Reason = "sanctions_hit"
	ReasonSanctionsCleared      Reason = "sanctions_cleared"
	ReasonPEPHit                Reason = "pep_hit"
	ReasonPEPCleared            Reason = "pep_cleared"
)

// Change is one difference between two snapshots of a client.
type Change struct {
	// ID is unique among the vault's changes.
	ID string `json:"id"`
	// Number is the client's organisation number; Name its name when the
	// change was found.
	Number string `json:"number"`
	Name   string `json:"name,omitempty"`
	// Detected is when the check found the change, in UTC.
	Detected time.Time `json:"detected"`
	// Date is the date the register gives for the change (YYYY-MM-DD),
	// when it gives one: a bankruptcy date, a deletion date, a role's
	// "since"; "" when it gives none.
	Date string `json:"date,omitempty"`
	// Source is the dossier source that said it: "brreg", "grunndata",
	// "rrh", "scb", "prh", "bankid".
	Source string `json:"source"`
	// Field is what it is about; Old and New the values before and after
	// as one line each ("" for none). For FieldStatus they are status
	// codes (a dossier.Standing or StatusStruckOff), for FieldOwnersStatus
	// the owners register's status codes (dossier.Owners*), which the
	// window translates; otherwise the register's own words.
	Field Field  `json:"field"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	// Risk and Reason say why it matters.
	Risk   Risk   `json:"risk"`
	Reason Reason `json:"reason"`
}

// ChangeFilter narrows a list of changes.
type ChangeFilter struct {
	// Since keeps changes detected at or after it; zero: all.
	Since time.Time
	// MinRisk keeps changes at this risk or above.
	MinRisk Risk
	// Number keeps one client's changes; "": every client's.
	Number string
	// Limit keeps the newest Limit; 0: all.
	Limit int
}

// Phase is where a check is.
type Phase string

// The phases of a check.
const (
	PhaseFeeds   Phase = "feeds"   // reading the change feeds
	PhaseLookups Phase = "lookups" // looking clients up
	PhaseDone    Phase = "done"
)

// FeedUse says how a check used Norway's change feeds.
type FeedUse string

// How a check used the feeds.
const (
	FeedUsed        FeedUse = "used"        // the feeds named the clients to look up again
	FeedFirstCheck  FeedUse = "first_check" // no earlier check: every client looked up, the feeds' position kept
	FeedTooOld      FeedUse = "too_old"     // the register no longer serves the feed from the last position: every client looked up
	FeedGap         FeedUse = "gap"         // the feed skipped updates it should have had: every client looked up
	FeedUnavailable FeedUse = "unavailable" // the feed could not be read: every client looked up
	// FeedNoOwnersLog: Enhetsregisteret's feeds could be read, but the
	// owners register's change log could not be at the last check (the
	// Partner API has none), so an owner change would go unseen: every
	// client looked up.
	FeedNoOwnersLog FeedUse = "no_owners_log"
	FeedNotUsed     FeedUse = "not_used" // no Norwegian client
)

// Progress is how far a check has come.
type Progress struct {
	// Run is the check's id; Started when it began (UTC).
	Run     string    `json:"run"`
	Started time.Time `json:"started"`
	// Phase is where it is.
	Phase Phase `json:"phase"`
	// Total is how many clients it checks; Done how many it has settled
	// (looked up, settled by the feed, not found, or failed for good).
	Total int `json:"total"`
	Done  int `json:"done"`
	// LookedUp, ViaFeed and Failed split Done.
	LookedUp int `json:"looked_up"`
	ViaFeed  int `json:"via_feed"`
	Failed   int `json:"failed"`
	// Changes is how many changes it found so far, High how many of them
	// at RiskHigh.
	Changes int `json:"changes"`
	High    int `json:"high"`
	// Feed says how the Norwegian feeds were used (set after PhaseFeeds).
	Feed FeedUse `json:"feed,omitempty"`
	// Current names the client being checked last, for the progress line.
	Current string `json:"current,omitempty"`
	// Waiting is set while a register asked the check to slow down: when
	// it goes on.
	Waiting time.Time `json:"waiting,omitempty"`
	// Found are the changes the last settled client brought (for
	// notifications); empty in a stored checkpoint.
	Found []Change `json:"-"`
}

// Summary is the outcome of a finished check.
type Summary struct {
	Progress
	// Finished is when it ended (UTC).
	Finished time.Time `json:"finished"`
}

// ImportOutcome is what an import did with one row.
type ImportOutcome string

// The outcomes of an imported row.
const (
	ImportAdded     ImportOutcome = "added"     // a new client
	ImportExisting  ImportOutcome = "existing"  // already a client: left as it was
	ImportDuplicate ImportOutcome = "duplicate" // the same number earlier in the file
	ImportInvalid   ImportOutcome = "invalid"   // not a valid organisation number (Reason says why)
	ImportEmpty     ImportOutcome = "empty"     // no number in the row
)

// ImportRow is one data row of an import and what became of it.
type ImportRow struct {
	// Line is the row's line (CSV) or row (XLSX) number, from 1, header
	// included.
	Line int `json:"line"`
	// Value is the cell as read; Number the canonical number when valid.
	Value  string `json:"value"`
	Number string `json:"number,omitempty"`
	// Country is the number's country when valid.
	Country string        `json:"country,omitempty"`
	Outcome ImportOutcome `json:"outcome"`
	// Reason says, for an invalid row, why in English (ident's words).
	Reason string `json:"reason,omitempty"`
}

// ImportReport is what an import did, row by row.
type ImportReport struct {
	Rows      []ImportRow `json:"rows"`
	Added     int         `json:"added"`
	Existing  int         `json:"existing"`
	Duplicate int         `json:"duplicate"`
	Invalid   int         `json:"invalid"`
	Empty     int         `json:"empty"`
}

// ImportPreview is the start of a file to import, for choosing columns.
type ImportPreview struct {
	// Header is the first row, Rows the next few.
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	// Column is the column found to hold the numbers, -1 when none;
	// ReferenceColumn and ResponsibleColumn the columns found to hold the
	// firm's reference and the responsible person, -1 when none.
	Column, ReferenceColumn, ResponsibleColumn int
	// Format says what the file was read as, e.g. "CSV (;, Windows-1252)"
	// or "XLSX".
	Format string `json:"format"`
}

// ImportOptions say which columns hold what; -1 means none. The first row
// is the header.
type ImportOptions struct {
	Column, ReferenceColumn, ResponsibleColumn int
}

// Snapshot is what one check read of one client: the facts changes are
// computed from. A part a source did not answer for this time is not
// Known, and is never compared.
type Snapshot struct {
	Number  string    `json:"number"`
	Country string    `json:"country"`
	Taken   time.Time `json:"taken"`
	// Known lists the parts read (or carried from the last lookup):
	// "company", "roles", "owners", "aml".
	Known []string `json:"known,omitempty"`
	// Found is false when the registers answered that they do not know
	// the number.
	Found bool `json:"found"`
	// Sources maps each part to the source that gave it ("company" →
	// "brreg").
	Sources map[string]string `json:"sources,omitempty"`

	Name            string   `json:"name,omitempty"`
	Status          []Status `json:"status,omitempty"`
	BusinessAddress string   `json:"business_address,omitempty"`
	PostalAddress   string   `json:"postal_address,omitempty"`
	Industry        []string `json:"industry,omitempty"` // "62.010 Programmeringstjenester"
	Roles           []Role   `json:"roles,omitempty"`
	// OwnersStatus is the owners register's registration status code.
	OwnersStatus string `json:"owners_status,omitempty"`
	// OwnersRegistered is the day (YYYY-MM-DD) the owners' registration
	// was made, when the register gives it: the date of owner changes.
	OwnersRegistered string        `json:"owners_registered,omitempty"`
	Owners           []Owner       `json:"owners,omitempty"`
	Shareholders     []Shareholder `json:"shareholders,omitempty"`
	// Sanctions and PEP are the names of the hits of the latest AML
	// screening; Screened its date ("" when none was made).
	Sanctions []string `json:"sanctions,omitempty"`
	PEP       []string `json:"pep,omitempty"`
	Screened  string   `json:"screened,omitempty"`
}

// The parts of a snapshot, as Snapshot.Known and Snapshot.Sources name them.
const (
	PartCompany = "company" // name, status, addresses, industry
	PartRoles   = "roles"   // board, CEO, auditor, accountant, signature...
	PartOwners  = "owners"  // the beneficial owners and their registration
	PartAML     = "aml"     // BankID's shareholders and screening
)

// Knows reports whether part p was read for s (or carried from the last
// lookup).
func (s *Snapshot) Knows(p string) bool {
	for _, k := range s.Known {
		if k == p {
			return true
		}
	}
	return false
}

// Status is one status flag of a snapshot with its date.
type Status struct {
	// Code is a dossier.Standing ("bankrupt", "deleted"...) or
	// StatusStruckOff.
	Code string `json:"code"`
	Date string `json:"date,omitempty"`
}

// StatusStruckOff is the Status code of a Swedish or Finnish company
// removed from the trade register (or the Tax Agency's register) without
// being deleted.
const StatusStruckOff = "struck_off"

// Role is one role holder in a snapshot.
type Role struct {
	// Type is the role's code (LEDE, DAGL, REVI, REGN, MEDL, SIGN,
	// PROK...) and Text its words as the register gave them.
	Type string `json:"type"`
	Text string `json:"text,omitempty"`
	// Holder is the holder's name; Key tells holders apart (a unit's
	// number, else name and birth date).
	Holder string `json:"holder"`
	Key    string `json:"key"`
	Since  string `json:"since,omitempty"`
}

// Owner is one beneficial owner in a snapshot.
type Owner struct {
	// Key tells owners apart (name and birth date or year); Name is ""
	// for an owner exempt from disclosure.
	Key  string `json:"key"`
	Name string `json:"name,omitempty"`
	// Positions are the positions as one line each
	// ("ownership 25–49.99 % direct").
	Positions []string `json:"positions,omitempty"`
}

// Shareholder is one shareholding BankID reported.
type Shareholder struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Share string `json:"share"`
}

// Settings are the client portfolio's settings.
type Settings struct {
	// CheckAtStart checks the clients on unlock when the last check is
	// older than a day.
	CheckAtStart bool
	// Concurrency is how many clients are looked up at once; 0 means the
	// default (8).
	Concurrency int
}
