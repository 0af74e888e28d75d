package portfolio

import "github.com/motpart/motpart/internal/dossier"

// CONTRACT: the helper "changes" writes these; until then they answer
// nothing.

// SnapshotOf takes the snapshot of a dossier as a check read it, at
// d.Fetched.
func SnapshotOf(d *dossier.Dossier) Snapshot {
	return Snapshot{Number: d.Number, Country: d.Country, Taken: d.Fetched}
}

// Diff returns the changes from old to new, field by field, each with its
// risk and reason; Detected is new.Taken, ID, Number and Name are left for
// the caller. Parts not Known in both are not compared.
func Diff(old, new Snapshot) []Change { return nil }

// ReasonRisk is the risk a reason means.
func ReasonRisk(r Reason) Risk { return RiskNone }

// ReasonText is a reason in English words ("Auditor resigned").
func ReasonText(r Reason) string { return string(r) }

// Reasons lists every reason, for the window's translations and tests.
func Reasons() []Reason { return nil }
