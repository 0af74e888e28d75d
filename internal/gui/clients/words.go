package clients

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// ReasonText is a change's reason in the user's words.
func ReasonText(r portfolio.Reason) string {
	switch r {
	case portfolio.ReasonBankruptcyOpened:
		return lang.L("Bankruptcy opened")
	case portfolio.ReasonBankruptcyEnded:
		return lang.L("Bankruptcy ended")
	case portfolio.ReasonLiquidationStarted:
		return lang.L("Liquidation started")
	case portfolio.ReasonLiquidationEnded:
		return lang.L("Liquidation ended")
	case portfolio.ReasonForcedDissolution:
		return lang.L("Forced dissolution started")
	case portfolio.ReasonForcedDissolutionEnded:
		return lang.L("Forced dissolution ended")
	case portfolio.ReasonDeleted:
		return lang.L("Deleted from the register")
	case portfolio.ReasonStruckOff:
		return lang.L("Struck off the trade register")
	case portfolio.ReasonClosed:
		return lang.L("Closed down")
	case portfolio.ReasonReinstated:
		return lang.L("Reinstated")
	case portfolio.ReasonNotFoundAnyMore:
		return lang.L("Not found in the register any more")
	case portfolio.ReasonRenamed:
		return lang.L("Renamed")
	case portfolio.ReasonBusinessAddressChanged:
		return lang.L("Business address changed")
	case portfolio.ReasonPostalAddressChanged:
		return lang.L("Postal address changed")
	case portfolio.ReasonIndustryChanged:
		return lang.L("Industry changed")
	case portfolio.ReasonBoardMemberAdded:
		return lang.L("New board member")
	case portfolio.ReasonBoardMemberLeft:
		return lang.L("Board member left")
	case portfolio.ReasonChairChanged:
		return lang.L("New chair of the board")
	case portfolio.ReasonCEOChanged:
		return lang.L("New CEO")
	case portfolio.ReasonAuditorResigned:
		return lang.L("Auditor resigned")
	case portfolio.ReasonAuditorAppointed:
		return lang.L("Auditor appointed")
	case portfolio.ReasonAccountantChanged:
		return lang.L("Accountant changed")
	case portfolio.ReasonSignatureChanged:
		return lang.L("Signature rights changed")
	case portfolio.ReasonProcurationChanged:
		return lang.L("Procuration changed")
	case portfolio.ReasonRoleChanged:
		return lang.L("A role changed")
	case portfolio.ReasonNewBeneficialOwner:
		return lang.L("New beneficial owner")
	case portfolio.ReasonBeneficialOwnerGone:
		return lang.L("Beneficial owner gone")
	case portfolio.ReasonOwnerPositionChanged:
		return lang.L("Beneficial owner's position changed")
	case portfolio.ReasonOwnersStatusChanged:
		return lang.L("Owners register status changed")
	case portfolio.ReasonOwnersFewerIdentified:
		return lang.L("Fewer beneficial owners identified")
	case portfolio.ReasonShareholdingChanged:
		return lang.L("Shareholding changed")
	case portfolio.ReasonSanctionsHit:
		return lang.L("Sanctions list hit")
	case portfolio.ReasonSanctionsCleared:
		return lang.L("Sanctions list hit gone")
	case portfolio.ReasonPEPHit:
		return lang.L("Politically exposed person found")
	case portfolio.ReasonPEPCleared:
		return lang.L("Politically exposed person gone")
	}
	return string(r)
}

// allReasons are the reasons the window has words for, in the order
// portfolio declares them.
func allReasons() []portfolio.Reason {
	return []portfolio.Reason{
		portfolio.ReasonBankruptcyOpened, portfolio.ReasonBankruptcyEnded,
		portfolio.ReasonLiquidationStarted, portfolio.ReasonLiquidationEnded,
		portfolio.ReasonForcedDissolution, portfolio.ReasonForcedDissolutionEnded,
		portfolio.ReasonDeleted, portfolio.ReasonStruckOff, portfolio.ReasonClosed,
		portfolio.ReasonReinstated, portfolio.ReasonNotFoundAnyMore, portfolio.ReasonRenamed,
		portfolio.ReasonBusinessAddressChanged, portfolio.ReasonPostalAddressChanged,
		portfolio.ReasonIndustryChanged, portfolio.ReasonBoardMemberAdded,
		portfolio.ReasonBoardMemberLeft, portfolio.ReasonChairChanged, portfolio.ReasonCEOChanged,
		portfolio.ReasonAuditorResigned, portfolio.ReasonAuditorAppointed,
		portfolio.ReasonAccountantChanged, portfolio.ReasonSignatureChanged,
		portfolio.ReasonProcurationChanged, portfolio.ReasonRoleChanged,
		portfolio.ReasonNewBeneficialOwner, portfolio.ReasonBeneficialOwnerGone,
		portfolio.ReasonOwnerPositionChanged, portfolio.ReasonOwnersStatusChanged,
		portfolio.ReasonOwnersFewerIdentified,
		portfolio.ReasonShareholdingChanged, portfolio.ReasonSanctionsHit,
		portfolio.ReasonSanctionsCleared, portfolio.ReasonPEPHit, portfolio.ReasonPEPCleared,
	}
}

// FieldText names what a change is about in the user's words.
func FieldText(f portfolio.Field) string {
	switch f {
	case portfolio.FieldStatus:
		return lang.L("Status")
	case portfolio.FieldName:
		return lang.L("Name")
	case portfolio.FieldBusinessAddress:
		return lang.L("Business address")
	case portfolio.FieldPostalAddress:
		return lang.L("Postal address")
	case portfolio.FieldIndustry:
		return lang.L("Industry")
	case portfolio.FieldBoard:
		return lang.L("Board")
	case portfolio.FieldCEO:
		return lang.L("CEO")
	case portfolio.FieldAuditor:
		return lang.L("Auditor")
	case portfolio.FieldAccountant:
		return lang.L("Accountant")
	case portfolio.FieldSignature:
		return lang.L("Signature rights")
	case portfolio.FieldProcuration:
		return lang.L("Procuration")
	case portfolio.FieldOtherRole:
		return lang.L("Other role")
	case portfolio.FieldBeneficialOwner:
		return lang.L("Beneficial owner")
	case portfolio.FieldOwnersStatus:
		return lang.L("Owners register status")
	case portfolio.FieldShareholding:
		return lang.L("Shareholding")
	case portfolio.FieldSanctions:
		return lang.L("Sanctions")
	case portfolio.FieldPEP:
		return lang.L("Politically exposed persons")
	case portfolio.FieldRegistration:
		return lang.L("Registration")
	}
	return string(f)
}

// allFields are the fields the window has words for.
func allFields() []portfolio.Field {
	return []portfolio.Field{
		portfolio.FieldStatus, portfolio.FieldName, portfolio.FieldBusinessAddress,
		portfolio.FieldPostalAddress, portfolio.FieldIndustry, portfolio.FieldBoard,
		portfolio.FieldCEO, portfolio.FieldAuditor, portfolio.FieldAccountant,
		portfolio.FieldSignature, portfolio.FieldProcuration, portfolio.FieldOtherRole,
		portfolio.FieldBeneficialOwner, portfolio.FieldOwnersStatus, portfolio.FieldShareholding,
		portfolio.FieldSanctions, portfolio.FieldPEP, portfolio.FieldRegistration,
	}
}

// RiskText names a risk level.
func RiskText(r portfolio.Risk) string {
	switch r {
	case portfolio.RiskLow:
		return lang.L("Low risk")
	case portfolio.RiskMedium:
		return lang.L("Medium risk")
	case portfolio.RiskHigh:
		return lang.L("High risk")
	}
	return lang.L("No risk")
}

// RiskImportance is the colour of a risk's badge.
func RiskImportance(r portfolio.Risk) widget.Importance {
	switch r {
	case portfolio.RiskHigh:
		return widget.DangerImportance
	case portfolio.RiskMedium:
		return widget.WarningImportance
	case portfolio.RiskLow:
		return widget.MediumImportance
	}
	return widget.LowImportance
}

// OutcomeText says what the last check found of a client.
func OutcomeText(o portfolio.Outcome) string {
	switch o {
	case portfolio.OutcomeLookedUp:
		return lang.L("looked up again")
	case portfolio.OutcomeFeed:
		return lang.L("no change in the register's change lists")
	case portfolio.OutcomeNotFound:
		return lang.L("not found in the register")
	case portfolio.OutcomeFailed:
		return lang.L("could not be checked")
	case portfolio.OutcomeNotCovered:
		return lang.L("no register of its country is connected")
	}
	return string(o)
}

// FeedUseText says in words how a check used Norway's change lists;
// named is how many Norwegian clients they named.
func FeedUseText(f portfolio.FeedUse, named int) string {
	switch f {
	case portfolio.FeedUsed:
		return lang.L("Norway: the register's change lists named {{.Count}} clients", map[string]any{"Count": named})
	case portfolio.FeedFirstCheck:
		return lang.L("Norway: first check, every client looked up")
	case portfolio.FeedTooOld:
		return lang.L("Norway: the register's change lists no longer reach back to the last check, every client looked up")
	case portfolio.FeedGap:
		return lang.L("Norway: the register's change lists had a gap, every client looked up")
	case portfolio.FeedUnavailable:
		return lang.L("Norway: the register's change lists could not be read, every client looked up")
	case portfolio.FeedNoOwnersLog:
		return lang.L("Norway: the owners register's change log is not open to the Partner API, every client looked up (choose the v1 API in Settings to follow it)")
	case portfolio.FeedNotUsed:
		return lang.L("No Norwegian clients")
	}
	return ""
}

// allFeedUses are the feed uses the window has words for.
func allFeedUses() []portfolio.FeedUse {
	return []portfolio.FeedUse{portfolio.FeedUsed, portfolio.FeedFirstCheck, portfolio.FeedTooOld,
		portfolio.FeedGap, portfolio.FeedUnavailable, portfolio.FeedNoOwnersLog, portfolio.FeedNotUsed}
}

// allOutcomes are the outcomes the window has words for.
func allOutcomes() []portfolio.Outcome {
	return []portfolio.Outcome{portfolio.OutcomeLookedUp, portfolio.OutcomeFeed, portfolio.OutcomeNotFound,
		portfolio.OutcomeFailed, portfolio.OutcomeNotCovered}
}

// ImportOutcomeText says what an import did with a row.
func ImportOutcomeText(o portfolio.ImportOutcome) string {
	switch o {
	case portfolio.ImportAdded:
		return lang.L("Added")
	case portfolio.ImportExisting:
		return lang.L("Already a client")
	case portfolio.ImportDuplicate:
		return lang.L("Twice in the file")
	case portfolio.ImportInvalid:
		return lang.L("Not a valid number")
	case portfolio.ImportEmpty:
		return lang.L("No number")
	}
	return string(o)
}

// allImportOutcomes are the import outcomes the window has words for.
func allImportOutcomes() []portfolio.ImportOutcome {
	return []portfolio.ImportOutcome{portfolio.ImportAdded, portfolio.ImportExisting,
		portfolio.ImportDuplicate, portfolio.ImportInvalid, portfolio.ImportEmpty}
}

// StandingText is the word of a client's status badge: "Active" for an
// active company, and "" when nothing was read of it yet (known false).
func StandingText(st dossier.Standing, known bool) (string, widget.Importance) {
	if !known {
		return "", widget.MediumImportance
	}
	if word, imp := guikit.StandingBadge(st); word != "" {
		return word, imp
	}
	return lang.L("Active"), widget.SuccessImportance
}

// Labels are the words exports are written in, in the user's language.
func Labels() portfolio.Labels {
	return portfolio.Labels{
		Column: ColumnText,
		Standing: func(st dossier.Standing) string {
			text, _ := StandingText(st, true)
			return text
		},
		Risk:    RiskText,
		Field:   FieldText,
		Reason:  ReasonText,
		Outcome: ExportOutcomeText,
	}
}

// ExportOutcomeText is a client's last outcome in an export: "Not
// checked" before the first check.
func ExportOutcomeText(o portfolio.Outcome) string {
	if o == "" {
		return lang.L("Not checked")
	}
	return OutcomeText(o)
}

// ColumnText is an export column's header.
func ColumnText(c portfolio.Column) string {
	switch c {
	case portfolio.ColumnNumber:
		return lang.L("Organisation number")
	case portfolio.ColumnCountry:
		return lang.L("Country")
	case portfolio.ColumnName:
		return lang.L("Name")
	case portfolio.ColumnReference:
		return lang.L("Reference")
	case portfolio.ColumnResponsible:
		return lang.L("Responsible")
	case portfolio.ColumnAdded:
		return lang.L("Added")
	case portfolio.ColumnStanding:
		return lang.L("Status")
	case portfolio.ColumnRisk:
		return lang.L("Risk")
	case portfolio.ColumnFlags:
		return lang.L("Risk flags")
	case portfolio.ColumnLastChecked:
		return lang.L("Last checked")
	case portfolio.ColumnLastOutcome:
		return lang.L("Last check")
	case portfolio.ColumnDetected:
		return lang.L("Detected")
	case portfolio.ColumnDate:
		return lang.L("Date")
	case portfolio.ColumnSource:
		return lang.L("Source")
	case portfolio.ColumnField:
		return lang.L("Field")
	case portfolio.ColumnOld:
		return lang.L("Before")
	case portfolio.ColumnNew:
		return lang.L("After")
	case portfolio.ColumnReason:
		return lang.L("Change")
	}
	return string(c)
}
