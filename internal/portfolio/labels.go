package portfolio

import "github.com/motpart/motpart/internal/dossier"

// Column names a column of an export: the client list's or the change
// report's.
type Column string

// The columns of the client list (ClientColumns) and the change report
// (ChangeColumns).
const (
	ColumnNumber      Column = "number"
	ColumnCountry     Column = "country"
	ColumnName        Column = "name"
	ColumnReference   Column = "reference"
	ColumnResponsible Column = "responsible"
	ColumnAdded       Column = "added"
	ColumnStanding    Column = "standing"
	ColumnRisk        Column = "risk"
	ColumnFlags       Column = "flags"
	ColumnLastChecked Column = "last_checked"
	ColumnLastOutcome Column = "last_outcome"
	ColumnDetected    Column = "detected"
	ColumnDate        Column = "date"
	ColumnSource      Column = "source"
	ColumnField       Column = "field"
	ColumnOld         Column = "old"
	ColumnNew         Column = "new"
	ColumnReason      Column = "reason"
)

// ClientColumns are the client list's columns, in the order exported.
func ClientColumns() []Column {
	return []Column{ColumnNumber, ColumnCountry, ColumnName, ColumnReference, ColumnResponsible,
		ColumnStanding, ColumnRisk, ColumnFlags, ColumnAdded, ColumnLastChecked, ColumnLastOutcome}
}

// ChangeColumns are the change report's columns, in the order exported.
func ChangeColumns() []Column {
	return []Column{ColumnDetected, ColumnNumber, ColumnName, ColumnRisk, ColumnReason, ColumnField,
		ColumnOld, ColumnNew, ColumnDate, ColumnSource}
}

// Labels are the words an export is written in: its column headers and
// the words for the values that are codes. The window fills them in the
// user's language; a nil func falls back to EnglishLabels'.
type Labels struct {
	Column   func(Column) string
	Standing func(dossier.Standing) string
	Risk     func(Risk) string
	Field    func(Field) string
	Reason   func(Reason) string
	Outcome  func(Outcome) string
}

// WithDefaults returns l with each nil func taken from EnglishLabels.
func (l Labels) WithDefaults() Labels {
	e := EnglishLabels()
	if l.Column == nil {
		l.Column = e.Column
	}
	if l.Standing == nil {
		l.Standing = e.Standing
	}
	if l.Risk == nil {
		l.Risk = e.Risk
	}
	if l.Field == nil {
		l.Field = e.Field
	}
	if l.Reason == nil {
		l.Reason = e.Reason
	}
	if l.Outcome == nil {
		l.Outcome = e.Outcome
	}
	return l
}

// EnglishLabels are the English words of an export; the command line
// exports with them.
func EnglishLabels() Labels {
	return Labels{
		Column:   func(c Column) string { return word(englishColumns, c) },
		Standing: func(s dossier.Standing) string { return word(englishStandings, s) },
		Risk:     func(r Risk) string { return englishRisks[r] },
		Field:    func(f Field) string { return word(englishFields, f) },
		Reason:   ReasonText,
		Outcome:  func(o Outcome) string { return word(englishOutcomes, o) },
	}
}

// word returns m[k], or k itself when m lacks it.
func word[K ~string](m map[K]string, k K) string {
	if w, ok := m[k]; ok {
		return w
	}
	return string(k)
}

var englishColumns = map[Column]string{
	ColumnNumber:      "Organisation number",
	ColumnCountry:     "Country",
	ColumnName:        "Name",
	ColumnReference:   "Reference",
	ColumnResponsible: "Responsible",
	ColumnAdded:       "Added",
	ColumnStanding:    "Status",
	ColumnRisk:        "Risk",
	ColumnFlags:       "Flags",
	ColumnLastChecked: "Last checked",
	ColumnLastOutcome: "Last check",
	ColumnDetected:    "Detected",
	ColumnDate:        "Date",
	ColumnSource:      "Source",
	ColumnField:       "Field",
	ColumnOld:         "Before",
	ColumnNew:         "After",
	ColumnReason:      "Change",
}

var englishStandings = map[dossier.Standing]string{
	dossier.StandingActive:            "Active",
	dossier.StandingDeleted:           "Deleted",
	dossier.StandingBankrupt:          "Bankrupt",
	dossier.StandingLiquidation:       "Under liquidation",
	dossier.StandingForcedDissolution: "Under forced dissolution",
	dossier.StandingClosed:            "Closed",
}

var englishRisks = map[Risk]string{
	RiskNone:   "None",
	RiskLow:    "Low",
	RiskMedium: "Medium",
	RiskHigh:   "High",
}

var englishFields = map[Field]string{
	FieldStatus:          "Status",
	FieldName:            "Name",
	FieldBusinessAddress: "Business address",
	FieldPostalAddress:   "Postal address",
	FieldIndustry:        "Industry",
	FieldBoard:           "Board",
	FieldCEO:             "CEO",
	FieldAuditor:         "Auditor",
	FieldAccountant:      "Accountant",
	FieldSignature:       "Signature rights",
	FieldProcuration:     "Procuration",
	FieldOtherRole:       "Other role",
	FieldBeneficialOwner: "Beneficial owner",
	FieldOwnersStatus:    "Owners register status",
	FieldShareholding:    "Shareholding",
	FieldSanctions:       "Sanctions",
	FieldPEP:             "PEP",
	FieldRegistration:    "Registration",
}

var englishOutcomes = map[Outcome]string{
	"":                "Not checked",
	OutcomeLookedUp:   "Looked up",
	OutcomeFeed:       "No change in the feed",
	OutcomeNotFound:   "Not found",
	OutcomeFailed:     "Failed",
	OutcomeNotCovered: "No register",
}
