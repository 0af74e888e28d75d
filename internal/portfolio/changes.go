package portfolio

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// fieldOrder is the order Diff lists fields in, which SortChanges keeps.
func fieldOrder() []Field {
	return []Field{
		FieldRegistration, FieldStatus, FieldName, FieldBusinessAddress, FieldPostalAddress, FieldIndustry,
		FieldBoard, FieldCEO, FieldAuditor, FieldAccountant, FieldSignature, FieldProcuration, FieldOtherRole,
		FieldOwnersStatus, FieldBeneficialOwner, FieldShareholding, FieldSanctions, FieldPEP,
	}
}

// fieldRank is f's place in fieldOrder; unknown fields come last.
func fieldRank(f Field) int {
	if i := slices.Index(fieldOrder(), f); i >= 0 {
		return i
	}
	return len(fieldOrder())
}

// CompareChanges orders changes newest first by Detected, then by Number,
// then by Field in the order Diff lists them.
func CompareChanges(a, b Change) int {
	return cmp.Or(b.Detected.Compare(a.Detected), strings.Compare(a.Number, b.Number),
		cmp.Compare(fieldRank(a.Field), fieldRank(b.Field)), strings.Compare(string(a.Field), string(b.Field)))
}

// SortChanges sorts changes newest first by Detected, then by Number, then
// by Field in the order Diff lists them; changes equal in all three keep
// their order (Diff's).
func SortChanges(cs []Change) {
	slices.SortStableFunc(cs, CompareChanges)
}

// FilterChanges returns the changes f keeps, sorted as SortChanges sorts
// them; with f.Limit only the newest f.Limit. cs is not modified.
func FilterChanges(cs []Change, f ChangeFilter) []Change {
	out := make([]Change, 0, len(cs))
	for _, c := range cs {
		if (f.Since.IsZero() || !c.Detected.Before(f.Since)) && c.Risk >= f.MinRisk &&
			(f.Number == "" || c.Number == f.Number) {
			out = append(out, c)
		}
	}
	SortChanges(out)
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

// MaxRisk is the highest risk among cs; RiskNone for none.
func MaxRisk(cs []Change) Risk {
	r := RiskNone
	for _, c := range cs {
		r = max(r, c.Risk)
	}
	return r
}

// Flags are the distinct reasons of the changes at RiskMedium or above
// detected at or after since, highest risk first and, within a risk, in
// the order of Reasons: what Client.Flags holds.
func Flags(cs []Change, since time.Time) []Reason {
	type flag struct {
		reason Reason
		risk   Risk
	}
	var fs []flag
	for _, c := range cs {
		if c.Risk < RiskMedium || c.Detected.Before(since) {
			continue
		}
		if i := slices.IndexFunc(fs, func(f flag) bool { return f.reason == c.Reason }); i >= 0 {
			fs[i].risk = max(fs[i].risk, c.Risk)
			continue
		}
		fs = append(fs, flag{c.Reason, c.Risk})
	}
	slices.SortFunc(fs, func(a, b flag) int {
		return cmp.Or(cmp.Compare(b.risk, a.risk), cmp.Compare(reasonRank(a.reason), reasonRank(b.reason)),
			strings.Compare(string(a.reason), string(b.reason)))
	})
	out := make([]Reason, len(fs))
	for i, f := range fs {
		out[i] = f.reason
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// FlagsSince is the time from which changes flag a client at now: FlagDays
// days before.
func FlagsSince(now time.Time) time.Time {
	return now.AddDate(0, 0, -FlagDays)
}
