package portfolio

import (
	"cmp"
	"slices"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// Diff returns the changes from old to new, field by field, each with its
// risk and reason; Detected is new.Taken, Source the source new read the
// part from; ID, Number and Name are left for the caller. Parts not Known
// in both are not compared, so a part a source could not read this time
// never makes a change. A unit the registers do not know any more gives
// that one change. The order is fixed: registration, status, name,
// addresses, industry, board, CEO, auditor, accountant, signature,
// procuration, other roles, owners, shareholdings, sanctions, PEP; within
// a field by key. Diff(s, s) is empty.
func Diff(old, new Snapshot) []Change {
	d := differ{old: &old, new: &new}
	if old.Knows(PartCompany) && new.Knows(PartCompany) {
		switch {
		case old.Found && !new.Found:
			d.add(PartCompany, FieldRegistration, ReasonNotFoundAnyMore, "", old.Name, "")
			return d.out
		case !old.Found && new.Found:
			d.add(PartCompany, FieldRegistration, ReasonReinstated, "", "", new.Name)
			return d.out
		case !old.Found:
			return nil
		}
		d.company()
	}
	if !old.Found || !new.Found {
		return d.out
	}
	if old.Knows(PartRoles) && new.Knows(PartRoles) && !(new.hasStatus(string(dossier.StandingDeleted)) && len(new.Roles) == 0) {
		// A deleted unit's roles are gone with it: its deletion says so.
		d.roles()
	}
	if old.Knows(PartOwners) && new.Knows(PartOwners) &&
		!(new.hasStatus(string(dossier.StandingDeleted)) && new.OwnersStatus == "" && len(new.Owners) == 0) {
		// Nor does a deleted unit's registration of owners outlive it.
		d.owners()
	}
	if old.Knows(PartAML) && new.Knows(PartAML) {
		d.aml()
	}
	return d.out
}

// hasStatus reports whether s has the status code.
func (s *Snapshot) hasStatus(code string) bool {
	return slices.ContainsFunc(s.Status, func(x Status) bool { return x.Code == code })
}

// differ collects the changes between two snapshots.
type differ struct {
	old, new *Snapshot
	out      []Change
}

// add appends a change of part p.
func (d *differ) add(p string, f Field, r Reason, date, oldV, newV string) {
	d.out = append(d.out, Change{
		Detected: d.new.Taken, Date: date, Source: d.new.Sources[p],
		Field: f, Old: oldV, New: newV, Risk: ReasonRisk(r), Reason: r,
	})
}

// statusReasons are the statuses in the order their changes are listed,
// with the reason of their start and of their end.
func statusReasons() []struct {
	code       string
	start, end Reason
} {
	return []struct {
		code       string
		start, end Reason
	}{
		{string(dossier.StandingBankrupt), ReasonBankruptcyOpened, ReasonBankruptcyEnded},
		{string(dossier.StandingLiquidation), ReasonLiquidationStarted, ReasonLiquidationEnded},
		{string(dossier.StandingForcedDissolution), ReasonForcedDissolution, ReasonForcedDissolutionEnded},
		{string(dossier.StandingDeleted), ReasonDeleted, ReasonReinstated},
		{StatusStruckOff, ReasonStruckOff, ReasonReinstated},
		{string(dossier.StandingClosed), ReasonClosed, ReasonReinstated},
	}
}

// company compares the company's facts. Old and New of a status change
// are its code (a dossier.Standing or StatusStruckOff).
func (d *differ) company() {
	for _, s := range statusReasons() {
		was, is := d.old.hasStatus(s.code), d.new.hasStatus(s.code)
		switch {
		case is && !was:
			d.add(PartCompany, FieldStatus, s.start, d.new.statusDate(s.code), "", s.code)
		case was && !is:
			d.add(PartCompany, FieldStatus, s.end, "", s.code, "")
		}
	}
	if d.old.factless() || d.new.factless() {
		return // a register said "deleted" and gave no facts to compare
	}
	// A deleted unit's register answers with a minimal body (name, form,
	// dates): a fact it leaves out is not a fact gone.
	wasDeleted, deleted := d.old.hasStatus(string(dossier.StandingDeleted)), d.new.hasStatus(string(dossier.StandingDeleted))
	fact := func(f Field, r Reason, o, n string) {
		if !sameText(o, n) && !(deleted && n == "") && !(wasDeleted && o == "") {
			d.add(PartCompany, f, r, "", o, n)
		}
	}
	fact(FieldName, ReasonRenamed, d.old.Name, d.new.Name)
	fact(FieldBusinessAddress, ReasonBusinessAddressChanged, d.old.BusinessAddress, d.new.BusinessAddress)
	fact(FieldPostalAddress, ReasonPostalAddressChanged, d.old.PostalAddress, d.new.PostalAddress)
	fact(FieldIndustry, ReasonIndustryChanged, strings.Join(d.old.Industry, "; "), strings.Join(d.new.Industry, "; "))
}

// factless reports whether s is of a deleted unit whose register gave no
// facts but the deletion.
func (s *Snapshot) factless() bool {
	return s.Name == "" && s.hasStatus(string(dossier.StandingDeleted))
}

// statusDate is the date of status code in s, "" when none.
func (s *Snapshot) statusDate(code string) string {
	for _, x := range s.Status {
		if x.Code == code && x.Date != "" {
			return x.Date
		}
	}
	return ""
}

// sameText reports whether two lines say the same, case and spacing
// aside (sources differ in both).
func sameText(a, b string) bool {
	return strings.EqualFold(oneLine(a), oneLine(b))
}

// ownersRank orders the owners register's statuses by how many owners
// are identified; -1 for a status that says no one need be (owned by the
// state, or no owner above the thresholds), which is not fewer.
func ownersRank(code string) int {
	switch code {
	case dossier.OwnersAllIdentified:
		return 3
	case dossier.OwnersSomeIdentified:
		return 2
	case dossier.OwnersNoneIdentified:
		return 1
	case "":
		return 0 // no registration
	}
	return -1
}

// owners compares the beneficial owners. Old and New of a status change
// are the register's status codes (dossier.Owners*), "" for no
// registration.
func (d *differ) owners() {
	date := d.new.OwnersRegistered
	if o, n := d.old.OwnersStatus, d.new.OwnersStatus; !strings.EqualFold(o, n) {
		r := ReasonOwnersStatusChanged
		if ro, rn := ownersRank(strings.ToLower(o)), ownersRank(strings.ToLower(n)); ro >= 0 && rn >= 0 && rn < ro {
			r = ReasonOwnersFewerIdentified
		}
		d.add(PartOwners, FieldOwnersStatus, r, date, o, n)
	}
	om, nm := ownerMap(d.old.Owners), ownerMap(d.new.Owners)
	for _, k := range sortedKeys(nm) {
		if _, ok := om[k]; !ok {
			d.add(PartOwners, FieldBeneficialOwner, ReasonNewBeneficialOwner, date, "", ownerLine(nm[k]))
		}
	}
	for _, k := range sortedKeys(om) {
		n, ok := nm[k]
		switch {
		case !ok:
			d.add(PartOwners, FieldBeneficialOwner, ReasonBeneficialOwnerGone, date, ownerLine(om[k]), "")
		case !slices.Equal(om[k].Positions, n.Positions):
			d.add(PartOwners, FieldBeneficialOwner, ReasonOwnerPositionChanged, date, ownerLine(om[k]), ownerLine(n))
		}
	}
}

// ownerMap keys owners, their positions sorted.
func ownerMap(os []Owner) map[string]Owner {
	m := make(map[string]Owner, len(os))
	for _, o := range os {
		o.Positions = slices.Sorted(slices.Values(o.Positions))
		m[o.Key] = o
	}
	return m
}

// sortedKeys lists a map's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// ownerLine is an owner with its positions: "Kari Nordmann: ownership
// 25–49.99 % direct".
func ownerLine(o Owner) string {
	name := cmp.Or(o.Name, "exempt from disclosure")
	if len(o.Positions) == 0 {
		return name
	}
	return name + ": " + strings.Join(o.Positions, "; ")
}

// aml compares BankID's shareholders and, when both snapshots hold a
// screening, its hits.
func (d *differ) aml() {
	om, nm := map[string]Shareholder{}, map[string]Shareholder{}
	for _, s := range d.old.Shareholders {
		om[s.Key] = s
	}
	for _, s := range d.new.Shareholders {
		nm[s.Key] = s
	}
	line := func(s Shareholder) string { return oneLine(s.Name + " " + s.Share) }
	for _, k := range slices.Compact(slices.Sorted(slices.Values(slices.Concat(sortedKeys(om), sortedKeys(nm))))) {
		o, had := om[k]
		n, has := nm[k]
		switch {
		case !had:
			d.add(PartAML, FieldShareholding, ReasonShareholdingChanged, "", "", line(n))
		case !has:
			d.add(PartAML, FieldShareholding, ReasonShareholdingChanged, "", line(o), "")
		case o.Share != n.Share:
			d.add(PartAML, FieldShareholding, ReasonShareholdingChanged, "", line(o), line(n))
		}
	}
	if d.old.Screened == "" || d.new.Screened == "" {
		return
	}
	d.hits(FieldSanctions, d.old.Sanctions, d.new.Sanctions, ReasonSanctionsHit, ReasonSanctionsCleared)
	d.hits(FieldPEP, d.old.PEP, d.new.PEP, ReasonPEPHit, ReasonPEPCleared)
}

// hits lists each new hit and each hit cleared.
func (d *differ) hits(f Field, old, new []string, hit, cleared Reason) {
	o, n := slices.Compact(slices.Sorted(slices.Values(old))), slices.Compact(slices.Sorted(slices.Values(new)))
	for _, x := range n {
		if !slices.Contains(o, x) {
			d.add(PartAML, f, hit, d.new.Screened, "", x)
		}
	}
	for _, x := range o {
		if !slices.Contains(n, x) {
			d.add(PartAML, f, cleared, d.new.Screened, x, "")
		}
	}
}
