package bankid

// This file holds every assumption about BankID's Organization Async
// Session API that the sources do not confirm (marked [U] in
// registries.md §5): the sub-paths below a session, the terminal status
// names, the report names and the webhook shape. When the real contract is
// known, this file is the one place to change.

import "encoding/json"

// AssumedSessionPath is the path of one session, below the API host; the
// create path (/organization/session/{cc}) is confirmed, this is not.
const AssumedSessionPath = "/organization/session/"

// AssumedJSONDataPath is the sub-path of a session's result JSON.
const AssumedJSONDataPath = "/jsonData"

// AssumedReportPath is the sub-path of one report; the report's name
// follows it.
const AssumedReportPath = "/report/"

// AssumedJSONDataEntity is the status key of the result JSON in a session
// status object (confirmed by the guide's example: "jsonData").
const AssumedJSONDataEntity = "jsonData"

// AssumedReportEntitySuffix follows a report's name in the status object:
// "aml-report" (the guide's example).
const AssumedReportEntitySuffix = "-report"

// The report names asked for in "reports". [U] the exact enum strings.
const (
	AssumedReportAML          = "aml"
	AssumedReportRegistration = "certificateOfRegistration"
)

// The status values of a result entity. NOT_STARTED and IN_PROGRESS are
// confirmed; the terminal values are assumed.
const (
	StatusNotStarted = "NOT_STARTED"
	StatusInProgress = "IN_PROGRESS"
	// AssumedStatusCompleted is the value of a finished entity.
	AssumedStatusCompleted = "COMPLETED"
	// AssumedStatusFailed is the value of a failed entity.
	AssumedStatusFailed = "FAILED"
	// AssumedStatusExpired is the value of an entity whose lifetime ended.
	AssumedStatusExpired = "EXPIRED"
)

// AssumedStatusDone is the other likely spelling of a finished entity;
// the sources name neither, so both count.
const AssumedStatusDone = "DONE"

// AssumedExpiredStatus is the HTTP status taken to mean an expired
// session (410 Gone; the spec allows 404 or 410, and 404 stays "not
// found").
const AssumedExpiredStatus = 410

// AssumedWebhookEvents returns the webhook events (confirmed names); the
// request field names "webhooks", "url" and "events" are assumed.
func AssumedWebhookEvents() []string {
	return []string{"JsonDataReady", "ReportReady", "AllDone", "Failed"}
}

// AssumedWebhook is the shape assumed for a webhook request and body.
type AssumedWebhook struct {
	URL    string   `json:"url"`
	Events []string `json:"events"`
}

// AssumedWebhookBody is the assumed body of a webhook POST.
type AssumedWebhookBody struct {
	SessionID string `json:"sessionId"`
	Event     string `json:"event"`
	Timestamp string `json:"timestamp"`
}

func isCompleted(s string) bool {
	return s == AssumedStatusCompleted || s == AssumedStatusDone
}

// Result is the session's result JSON. The block paths (keyInformation,
// roles, ownership.beneficials...) are confirmed (§5.4); the field names
// inside them are assumed, as the simulator writes them.
type Result struct {
	KeyInformation *KeyInformation `json:"keyInformation"`
	Roles          []Role          `json:"roles"`
	Ownership      struct {
		Beneficials  []BeneficialOwner `json:"beneficials"`
		Shareholders []Shareholder     `json:"shareholders"`
		Subsidiaries []Shareholder     `json:"subsidiaries"`
	} `json:"ownership"`
	Sanction *Sanction `json:"sanction"`
}

// KeyInformation is the result's key information block.
type KeyInformation struct {
	Name               string `json:"name"`
	OrganizationNumber string `json:"organizationNumber"`
	Country            string `json:"country"`
	OrganizationType   string `json:"organizationType"`
	RegisteredDate     string `json:"registeredDate"`
	LEI                string `json:"lei"`
	DUNS               string `json:"duns"`
}

// Role is a role holder (board, CEO...).
type Role struct {
	Type      string `json:"type"`
	Name      string `json:"name"`
	BirthDate string `json:"birthDate"`
	OrgNumber string `json:"organizationNumber"`
}

// BeneficialOwner is a beneficial owner.
type BeneficialOwner struct {
	Name       string   `json:"name"`
	BirthDate  string   `json:"birthDate"`
	OwnerShare float64  `json:"ownerShare"`
	Roles      []string `json:"roles"`
}

// Shareholder is a shareholder or a subsidiary: a name, a number or birth
// date, an entity's country (ISO 3166 alpha-2) and a share in percent.
type Shareholder struct {
	Name      string  `json:"name"`
	OrgNumber string  `json:"organizationNumber"`
	BirthDate string  `json:"birthDate"`
	Country   string  `json:"country"`
	Share     float64 `json:"share"`
}

// Sanction is the sanction-list screening: the lists screened (EU, UN,
// and OFAC when the OFAC scope was granted), the date, and the hits. The
// block path is confirmed; the inner names, and hits being objects, are
// assumed.
type Sanction struct {
	Lists   []string       `json:"lists"`
	Date    string         `json:"date"`
	Hits    []ScreeningHit `json:"hits"`
	PEPHits []ScreeningHit `json:"pepHits"`
}

// ScreeningHit is one sanctions or PEP hit: whom it concerns, on which
// list, why, and a person's birth date. [U] every field name. A hit sent
// as a bare string is read as its name.
type ScreeningHit struct {
	Name      string `json:"name"`
	List      string `json:"list"`
	Detail    string `json:"detail"`
	BirthDate string `json:"birthDate"`
}

// UnmarshalJSON reads a hit as an object or, in the older shape, a bare
// name.
func (h *ScreeningHit) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err == nil {
		*h = ScreeningHit{Name: name}
		return nil
	}
	type plain ScreeningHit
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*h = ScreeningHit(p)
	return nil
}
