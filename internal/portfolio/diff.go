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
	if !sameText(d.old.Name, d.new.Name) {
		d.add(PartCompany, FieldName, ReasonRenamed, "", d.old.Name, d.new.Name)
	}
	if !sameText(d.old.BusinessAddress, d.new.BusinessAddress) {
		d.add(PartCompany, FieldBusinessAddress, ReasonBusinessAddressChanged, "", d.old.BusinessAddress, d.new.BusinessAddress)
	}
	if !sameText(d.old.PostalAddress, d.new.PostalAddress) {
		d.add(PartCompany, FieldPostalAddress, ReasonPostalAddressChanged, "", d.old.PostalAddress, d.new.PostalAddress)
	}
	if o, n := strings.Join(d.old.Industry, "; "), strings.Join(d.new.Industry, "; "); !sameText(o, n) {
		d.add(PartCompany, FieldIndustry, ReasonIndustryChanged, "", o, n)
	}
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

// Role codes of Enhetsregisteret's roles (rolletype).
const (
	roleChair       = "LEDE"
	roleDeputyChair = "NEST"
	roleMember      = "MEDL"
	roleDeputy      = "VARA"
	roleCEO         = "DAGL"
	roleAuditor     = "REVI"
	roleAccountant  = "REGN"
	roleSignature   = "SIGN"
	roleProcuration = "PROK"
)

// RoleField is the field a change of a role of type code is about.
func RoleField(code string) Field {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case roleChair, roleDeputyChair, roleMember, roleDeputy:
		return FieldBoard
	case roleCEO:
		return FieldCEO
	case roleAuditor:
		return FieldAuditor
	case roleAccountant:
		return FieldAccountant
	case roleSignature:
		return FieldSignature
	case roleProcuration:
		return FieldProcuration
	}
	return FieldOtherRole
}

// alignBirthDates returns copies of the two lists of roles in which a
// person one list gives without a birth date takes the key of the one
// person of that name the other list gives with one: sources differ in
// whether they give it, and a source answering in place of another must
// not make every holder leave and come back.
func alignBirthDates(old, new []Role) ([]Role, []Role) {
	align := func(rs, other []Role) []Role {
		out := slices.Clone(rs)
		for i, r := range out {
			if !strings.HasPrefix(r.Key, "person:") || !strings.HasSuffix(r.Key, "|") {
				continue
			}
			match := ""
			for _, o := range other {
				if o.Key != r.Key && strings.HasPrefix(o.Key, r.Key) && !strings.Contains(o.Key[len(r.Key):], "|") {
					if match != "" && match != o.Key {
						match = ""
						break
					}
					match = o.Key
				}
			}
			if match != "" {
				out[i].Key = match
			}
		}
		return out
	}
	return align(old, new), align(new, old)
}

// roleSet is the roles of one kind, by holder key.
type roleSet map[string][]Role

// rolesWhere collects the roles of s for which keep says yes.
func rolesWhere(rs []Role, keep func(Role) bool) roleSet {
	set := roleSet{}
	for _, r := range rs {
		if keep(r) {
			set[r.Key] = append(set[r.Key], r)
		}
	}
	for k := range set {
		sortRoles(set[k])
	}
	return set
}

// keys lists the set's keys, sorted.
func (s roleSet) keys() []string {
	ks := make([]string, 0, len(s))
	for k := range s {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// holders is the set's holders as one line, in key order.
func (s roleSet) holders() string {
	var hs []string
	for _, k := range s.keys() {
		hs = append(hs, s[k][0].Holder)
	}
	return strings.Join(hs, ", ")
}

// since is the latest date the set's roles give, "" when none.
func (s roleSet) since() string {
	latest := ""
	for _, rs := range s {
		for _, r := range rs {
			latest = max(latest, r.Since)
		}
	}
	return latest
}

// sameKeys reports whether two sets hold the same holders.
func sameKeys(a, b roleSet) bool {
	return slices.Equal(a.keys(), b.keys())
}

// holderLine is a holder with the words of the roles held: "Kari
// Nordmann (Styremedlem)".
func holderLine(rs []Role) string {
	var texts []string
	for _, r := range rs {
		texts = append(texts, cmp.Or(r.Text, r.Type))
	}
	slices.Sort(texts)
	return rs[0].Holder + " (" + strings.Join(slices.Compact(texts), ", ") + ")"
}

// roleTypes are the distinct types of rs, sorted.
func roleTypes(rs []Role) []string {
	var ts []string
	for _, r := range rs {
		ts = append(ts, r.Type)
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// roles compares the roles: the board as a whole and its chair, then the
// CEO, auditor, accountant, signature and procuration, then each other
// role type.
func (d *differ) roles() {
	oldRoles, newRoles := alignBirthDates(d.old.Roles, d.new.Roles)
	of := func(s *Snapshot, types ...string) roleSet {
		rs := newRoles
		if s == d.old {
			rs = oldRoles
		}
		return rolesWhere(rs, func(r Role) bool { return slices.Contains(types, r.Type) })
	}
	board := []string{roleChair, roleDeputyChair, roleMember, roleDeputy}
	ob, nb := of(d.old, board...), of(d.new, board...)
	for _, k := range nb.keys() {
		if _, ok := ob[k]; !ok {
			d.add(PartRoles, FieldBoard, ReasonBoardMemberAdded, nb.since(), "", holderLine(nb[k]))
		}
	}
	for _, k := range ob.keys() {
		if _, ok := nb[k]; !ok {
			d.add(PartRoles, FieldBoard, ReasonBoardMemberLeft, nb.since(), holderLine(ob[k]), "")
		}
	}
	if oc, nc := of(d.old, roleChair), of(d.new, roleChair); !sameKeys(oc, nc) {
		d.add(PartRoles, FieldBoard, ReasonChairChanged, nc.since(), oc.holders(), nc.holders())
	}
	for _, k := range nb.keys() {
		o, ok := ob[k]
		if !ok {
			continue
		}
		ot, nt := roleTypes(o), roleTypes(nb[k])
		// A move to or from the chair is the chair's change.
		if !slices.Equal(ot, nt) && slices.Contains(ot, roleChair) == slices.Contains(nt, roleChair) {
			d.add(PartRoles, FieldBoard, ReasonRoleChanged, nb.since(), holderLine(o), holderLine(nb[k]))
		}
	}

	if oc, nc := of(d.old, roleCEO), of(d.new, roleCEO); !sameKeys(oc, nc) {
		d.add(PartRoles, FieldCEO, ReasonCEOChanged, nc.since(), oc.holders(), nc.holders())
	}
	oa, na := of(d.old, roleAuditor), of(d.new, roleAuditor)
	switch {
	case slices.ContainsFunc(na.keys(), func(k string) bool { _, ok := oa[k]; return !ok }):
		d.add(PartRoles, FieldAuditor, ReasonAuditorAppointed, na.since(), oa.holders(), na.holders())
	case !sameKeys(oa, na):
		d.add(PartRoles, FieldAuditor, ReasonAuditorResigned, na.since(), oa.holders(), na.holders())
	}
	for _, x := range []struct {
		code   string
		field  Field
		reason Reason
	}{
		{roleAccountant, FieldAccountant, ReasonAccountantChanged},
		{roleSignature, FieldSignature, ReasonSignatureChanged},
		{roleProcuration, FieldProcuration, ReasonProcurationChanged},
	} {
		if o, n := of(d.old, x.code), of(d.new, x.code); !sameKeys(o, n) {
			d.add(PartRoles, x.field, x.reason, n.since(), o.holders(), n.holders())
		}
	}

	var others []string
	for _, r := range slices.Concat(oldRoles, newRoles) {
		if RoleField(r.Type) == FieldOtherRole {
			others = append(others, r.Type)
		}
	}
	slices.Sort(others)
	for _, t := range slices.Compact(others) {
		if o, n := of(d.old, t), of(d.new, t); !sameKeys(o, n) {
			text := t
			for _, r := range slices.Concat(newRoles, oldRoles) {
				if r.Type == t && r.Text != "" {
					text = r.Text
					break
				}
			}
			line := func(s roleSet) string {
				if len(s) == 0 {
					return ""
				}
				return text + ": " + s.holders()
			}
			d.add(PartRoles, FieldOtherRole, ReasonRoleChanged, n.since(), line(o), line(n))
		}
	}
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
