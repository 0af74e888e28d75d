package portfolio

// reasonInfo is what the package knows of one reason: its risk and its
// English words.
type reasonInfo struct {
	reason Reason
	risk   Risk
	text   string
}

// reasonTable lists every reason, highest risk first and, within a risk,
// in the order the window lists them. Risks follow issue 18: what ends
// the client or hides who owns it is high; a change of the people who run
// or own it is medium; addresses, industry and what ended is low.
func reasonTable() []reasonInfo {
	return []reasonInfo{
		{ReasonBankruptcyOpened, RiskHigh, "Bankruptcy opened"},
		{ReasonLiquidationStarted, RiskHigh, "Liquidation started"},
		{ReasonForcedDissolution, RiskHigh, "Forced dissolution started"},
		{ReasonDeleted, RiskHigh, "Deleted from the register"},
		{ReasonStruckOff, RiskHigh, "Struck off the trade register"},
		{ReasonNotFoundAnyMore, RiskHigh, "Not found in the register any more"},
		{ReasonSanctionsHit, RiskHigh, "Sanctions list hit"},
		{ReasonPEPHit, RiskHigh, "Politically exposed person found"},
		{ReasonAuditorResigned, RiskHigh, "Auditor resigned"},
		{ReasonNewBeneficialOwner, RiskHigh, "New beneficial owner"},
		{ReasonOwnersFewerIdentified, RiskHigh, "Fewer beneficial owners identified"},

		{ReasonRenamed, RiskMedium, "Renamed"},
		{ReasonCEOChanged, RiskMedium, "New CEO"},
		{ReasonChairChanged, RiskMedium, "New chair of the board"},
		{ReasonBoardMemberAdded, RiskMedium, "New board member"},
		{ReasonBoardMemberLeft, RiskMedium, "Board member left"},
		{ReasonAuditorAppointed, RiskMedium, "Auditor appointed"},
		{ReasonSignatureChanged, RiskMedium, "Signature rights changed"},
		{ReasonProcurationChanged, RiskMedium, "Procuration changed"},
		{ReasonBeneficialOwnerGone, RiskMedium, "Beneficial owner gone"},
		{ReasonOwnerPositionChanged, RiskMedium, "Beneficial owner's position changed"},
		{ReasonOwnersStatusChanged, RiskMedium, "Owners register status changed"},
		{ReasonShareholdingChanged, RiskMedium, "Shareholding changed"},
		{ReasonClosed, RiskMedium, "Closed down"},
		{ReasonReinstated, RiskMedium, "Reinstated"},

		{ReasonBusinessAddressChanged, RiskLow, "Business address changed"},
		{ReasonPostalAddressChanged, RiskLow, "Postal address changed"},
		{ReasonIndustryChanged, RiskLow, "Industry changed"},
		{ReasonAccountantChanged, RiskLow, "Accountant changed"},
		{ReasonRoleChanged, RiskLow, "A role changed"},
		{ReasonBankruptcyEnded, RiskLow, "Bankruptcy ended"},
		{ReasonLiquidationEnded, RiskLow, "Liquidation ended"},
		{ReasonForcedDissolutionEnded, RiskLow, "Forced dissolution ended"},
		{ReasonSanctionsCleared, RiskLow, "Sanctions list hit gone"},
		{ReasonPEPCleared, RiskLow, "Politically exposed person gone"},
	}
}

// lookupReason returns what the table says of r.
func lookupReason(r Reason) (reasonInfo, bool) {
	for _, i := range reasonTable() {
		if i.reason == r {
			return i, true
		}
	}
	return reasonInfo{}, false
}

// ReasonRisk is the risk a reason means; RiskNone for an unknown reason.
func ReasonRisk(r Reason) Risk {
	i, _ := lookupReason(r)
	return i.risk
}

// ReasonText is a reason in English words ("Auditor resigned"), the same
// the window translates (internal/gui/clients); an unknown reason is its
// code.
func ReasonText(r Reason) string {
	if i, ok := lookupReason(r); ok {
		return i.text
	}
	return string(r)
}

// Reasons lists every reason, highest risk first, for the window's
// translations and tests.
func Reasons() []Reason {
	t := reasonTable()
	out := make([]Reason, len(t))
	for i, r := range t {
		out[i] = r.reason
	}
	return out
}

// reasonRank is r's place in Reasons; unknown reasons come last.
func reasonRank(r Reason) int {
	for i, x := range reasonTable() {
		if x.reason == r {
			return i
		}
	}
	return len(reasonTable())
}
