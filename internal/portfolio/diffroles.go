package portfolio

import (
	"cmp"
	"slices"
	"strings"
)

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
	roleSignJointly = "SIFE" // signature, jointly
	roleSignAlone   = "SIHV" // signature, each alone
	roleProcuration = "PROK"
	roleProcJointly = "POFE" // procuration, jointly
	roleProcAlone   = "POHV" // procuration, each alone
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
	case roleSignature, roleSignJointly, roleSignAlone:
		return FieldSignature
	case roleProcuration, roleProcJointly, roleProcAlone:
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

// rights is the set's holders with the words of their roles as one line,
// in key order: "Kari Nordmann (Signatur); Ola Hansen (Prokura)".
func (s roleSet) rights() string {
	var ls []string
	for _, k := range s.keys() {
		ls = append(ls, holderLine(s[k]))
	}
	return strings.Join(ls, "; ")
}

// sameRights reports whether two sets hold the same holders with the same
// role types (the words aside: sources word them differently).
func sameRights(a, b roleSet) bool {
	if !sameKeys(a, b) {
		return false
	}
	for k, rs := range a {
		if !slices.Equal(roleTypes(rs), roleTypes(b[k])) {
			return false
		}
	}
	return true
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
	if o, n := of(d.old, roleAccountant), of(d.new, roleAccountant); !sameKeys(o, n) {
		d.add(PartRoles, FieldAccountant, ReasonAccountantChanged, n.since(), o.holders(), n.holders())
	}
	// Who signs, and how (alone or jointly): a holder's line names the
	// kind of right.
	for _, x := range []struct {
		codes  []string
		field  Field
		reason Reason
	}{
		{[]string{roleSignature, roleSignJointly, roleSignAlone}, FieldSignature, ReasonSignatureChanged},
		{[]string{roleProcuration, roleProcJointly, roleProcAlone}, FieldProcuration, ReasonProcurationChanged},
	} {
		if o, n := of(d.old, x.codes...), of(d.new, x.codes...); !sameRights(o, n) {
			d.add(PartRoles, x.field, x.reason, n.since(), o.rights(), n.rights())
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
