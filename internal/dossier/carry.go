package dossier

import (
	"reflect"
	"slices"
	"time"
)

// Part names a part of a dossier that sources answer for.
type Part string

// Parts of a dossier.
const (
	PartCompany  Part = "company"   // Dossier.Company
	PartRoles    Part = "roles"     // Dossier.Roles
	PartSubUnits Part = "sub_units" // Dossier.SubUnits
	PartOwners   Part = "owners"    // Dossier.Owners
)

// Parts lists every part, in the order a dossier shows them.
func Parts() []Part {
	return []Part{PartCompany, PartRoles, PartSubUnits, PartOwners}
}

// Sources lists the IDs of the sources that answer for p: the company and
// its roles come from Enhetsregisteret and grunndataWS (a Swedish
// company from SCB, a Finnish one from PRH), the sub-units from
// Enhetsregisteret, the owners from the Register of beneficial owners.
func (p Part) Sources() []string {
	switch p {
	case PartOwners:
		return []string{SourceOwners}
	case PartSubUnits:
		return []string{SourceBrreg}
	}
	return []string{SourceBrreg, SourceGrunndata, SourceSCB, SourcePRH}
}

// Carried says that a part of a dossier is its last known value, kept from
// an earlier lookup because no source answered for it this time.
type Carried struct {
	Part Part `json:"part"`
	// Source is the source that gave the value, e.g. "brreg"; "" when the
	// earlier dossier does not say.
	Source string `json:"source,omitempty"`
	// Fetched is when that source gave it, in UTC.
	Fetched time.Time `json:"fetched"`
}

// CarryOver keeps in d, from saved (the organisation's dossier of an
// earlier lookup), every part that none of d's sources answered for: a
// lookup never replaces saved data with less. Each part kept is listed in
// d.Carried with the source and time it is from; a part a source answered
// for (found, not found, deleted, ...) is d's own, even when empty, except
// that a company given by only some of its sources is completed from the
// saved one with what the source that did not answer gave (its form,
// industry, contact data, ...), listed as carried from that source. A nil
// saved, or one of another number, keeps nothing.
func (d *Dossier) CarryOver(saved *Dossier) {
	var carried []Carried
	for _, p := range Parts() {
		if d.answeredFor(p) {
			if c, ok := d.fillCompany(saved, p); ok {
				carried = append(carried, c)
			}
			continue
		}
		if saved == nil || saved.Number != d.Number || !saved.has(p) {
			if c, ok := d.carriedPart(p); ok && d.has(p) {
				carried = append(carried, c) // d's own earlier carry
			}
			continue
		}
		d.take(saved, p)
		c, ok := saved.carriedPart(p)
		if !ok {
			id := saved.answeringSource(p)
			c = Carried{Part: p, Source: id, Fetched: saved.sourceFetched(id)}
		}
		carried = append(carried, c)
	}
	d.Carried = carried
}

// fillCompany fills, when p is the company and d's company came from
// some of its sources only, what d's company lacks from the saved one,
// and returns the entry that says so: the fields only the source that did
// not answer gives (Enhetsregisteret's form, industry, sector, ...) keep
// their last known values.
func (d *Dossier) fillCompany(saved *Dossier, p Part) (Carried, bool) {
	if p != PartCompany || d.Company == nil || saved == nil || saved.Number != d.Number || saved.Company == nil {
		return Carried{}, false
	}
	for _, id := range p.Sources() {
		if d.answeredBy(id) || !saved.knownTo(id) {
			continue
		}
		before := *d.Company
		d.Company.Fill(saved.Company)
		if reflect.DeepEqual(before, *d.Company) {
			return Carried{}, false
		}
		c, ok := saved.carriedPart(p)
		if !ok {
			c = Carried{Part: p, Source: id, Fetched: saved.sourceFetched(id)}
		}
		return c, true
	}
	return Carried{}, false
}

// answeredBy reports whether source id answered in d.
func (d *Dossier) answeredBy(id string) bool {
	return slices.ContainsFunc(d.Sources, func(s Source) bool { return s.ID == id && s.Answered() })
}

// knownTo reports whether source id answered in d that it knows the unit.
func (d *Dossier) knownTo(id string) bool {
	return slices.ContainsFunc(d.Sources, func(s Source) bool {
		return s.ID == id && s.Answered() && s.Status != StatusNotFound
	})
}

// sourceFetched is when source id answered in d; d's time when it does
// not say.
func (d *Dossier) sourceFetched(id string) time.Time {
	for _, s := range d.Sources {
		if s.ID == id && !s.Fetched.IsZero() {
			return s.Fetched
		}
	}
	return d.Fetched
}

// CarriedPart returns the entry of part p in d.Carried, if p was kept from
// an earlier lookup.
func (d *Dossier) CarriedPart(p Part) (Carried, bool) {
	return d.carriedPart(p)
}

func (d *Dossier) carriedPart(p Part) (Carried, bool) {
	i := slices.IndexFunc(d.Carried, func(c Carried) bool { return c.Part == p })
	if i < 0 {
		return Carried{}, false
	}
	return d.Carried[i], true
}

// LastKnown returns the time of the oldest part carried over from an
// earlier lookup; zero when nothing was.
func (d *Dossier) LastKnown() time.Time {
	var t time.Time
	for _, c := range d.Carried {
		if t.IsZero() || c.Fetched.Before(t) {
			t = c.Fetched
		}
	}
	return t
}

// answeredFor reports whether one of the sources of part p answered for it
// in d.
func (d *Dossier) answeredFor(p Part) bool {
	for _, s := range d.Sources {
		if s.Answered() && slices.Contains(p.Sources(), s.ID) && !slices.Contains(s.Missing, p) {
			return true
		}
	}
	return false
}

// answeringSource is the first source of p that answered in d with
// something other than "not found"; "" when none did.
func (d *Dossier) answeringSource(p Part) string {
	for _, id := range p.Sources() {
		for _, s := range d.Sources {
			if s.ID == id && s.Answered() && s.Status != StatusNotFound {
				return id
			}
		}
	}
	return ""
}

// has reports whether d holds part p.
func (d *Dossier) has(p Part) bool {
	switch p {
	case PartCompany:
		return d.Company != nil
	case PartRoles:
		return len(d.Roles) > 0
	case PartSubUnits:
		return len(d.SubUnits) > 0
	case PartOwners:
		return d.Owners != nil
	}
	return false
}

// take copies part p from saved into d.
func (d *Dossier) take(saved *Dossier, p Part) {
	switch p {
	case PartCompany:
		c := *saved.Company
		d.Company = &c
	case PartRoles:
		d.Roles = slices.Clone(saved.Roles)
	case PartSubUnits:
		d.SubUnits = slices.Clone(saved.SubUnits)
	case PartOwners:
		o := *saved.Owners
		o.Owners = slices.Clone(saved.Owners.Owners)
		d.Owners = &o
	}
}
