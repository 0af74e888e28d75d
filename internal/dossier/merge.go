package dossier

// Answer is what one source said about one organisation number: the facts
// it gave and its outcome. When Source.Status is failed or no_access the
// facts are empty.
type Answer struct {
	Company  *Company
	Roles    []Role
	SubUnits []UnitRef
	Source   Source
}

// Merge puts the sources' answers into d, in order: every answer's Source
// is listed; the first answer with facts about d.Number gives the company,
// its roles and sub-units, and later ones fill only what is still missing.
//
// Merge takes facts only about d's own number. An answer about another
// unit, such as the unit a register points to after a deletion as a
// duplicate or a merger (grunndataWS codes 1 and 2) or the registration
// unit it names (code 3), is kept apart: its Source still says where the
// register points, with the name it gave that unit (Redirect.Name), and
// none of its data is filled into the unit asked for.
func (d *Dossier) Merge(answers ...Answer) {
	for _, a := range answers {
		d.Sources = append(d.Sources, keptApart(d, a))
		if a.Company == nil || !d.about(a.Company) {
			continue
		}
		if d.Company == nil {
			c := *a.Company
			d.Company = &c
			d.Roles = a.Roles
			d.SubUnits = a.SubUnits
			continue
		}
		d.Company.Fill(a.Company)
		if len(d.Roles) == 0 {
			d.Roles = a.Roles
		}
		if len(d.SubUnits) == 0 {
			d.SubUnits = a.SubUnits
		}
	}
}

// Update puts a new answer from source a.Source.ID in place of that
// source's old outcome. With first (the source whose facts lead, as
// Enhetsregisteret's do) the answer's facts about d.Number replace the old
// ones, which fill only what the answer lacks; otherwise they only fill
// what d lacks. An answer about another unit is kept apart, as in Merge.
func (d *Dossier) Update(a Answer, first bool) {
	src := keptApart(d, a)
	switch {
	case a.Company == nil || !d.about(a.Company):
	case first:
		old := d.Company
		c := *a.Company
		d.Company, d.Roles, d.SubUnits = &c, a.Roles, a.SubUnits
		if old != nil {
			d.Company.Fill(old)
		}
	case d.Company == nil:
		c := *a.Company
		d.Company, d.Roles = &c, a.Roles
	default:
		d.Company.Fill(a.Company)
	}
	for i := range d.Sources {
		if d.Sources[i].ID == src.ID {
			d.Sources[i] = src
			return
		}
	}
	d.Sources = append(d.Sources, src)
}

// keptApart returns a's Source; when a's facts are about another unit
// than d's and the source points to that unit, the pointer carries the
// name the source gave it.
func keptApart(d *Dossier, a Answer) Source {
	src := a.Source
	if a.Company != nil && !d.about(a.Company) {
		if r := src.Redirect; r != nil && r.Number == a.Company.Number && r.Name == "" {
			rr := *r
			rr.Name = a.Company.Name
			src.Redirect = &rr
		}
	}
	return src
}

// about reports whether c is about d's own unit: its number is d's. Facts
// that do not say whose they are are not taken either.
func (d *Dossier) about(c *Company) bool {
	return c.Number == d.Number
}

// Fill copies into c what c lacks and o has.
func (c *Company) Fill(o *Company) {
	str := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	str(&c.Name, o.Name)
	str(&c.Email, o.Email)
	str(&c.Phone, o.Phone)
	str(&c.Mobile, o.Mobile)
	str(&c.Website, o.Website)
	str(&c.Capital, o.Capital)
	str(&c.Registered, o.Registered)
	str(&c.Founded, o.Founded)
	if c.Form.Code == "" {
		c.Form = o.Form
	}
	if c.BusinessAddress == nil {
		c.BusinessAddress = o.BusinessAddress
	}
	if c.PostalAddress == nil {
		c.PostalAddress = o.PostalAddress
	}
	if len(c.Industry) == 0 {
		c.Industry = o.Industry
	}
	if c.Sector == nil {
		c.Sector = o.Sector
	}
	if len(c.Purpose) == 0 {
		c.Purpose = o.Purpose
	}
	if c.Employees == nil {
		c.Employees = o.Employees
	}
}

// MaskIdentities returns a copy of d in which every personal identity
// number (of role holders and beneficial owners) is replaced by
// mask(number), so what leaves the desk carries masked numbers only. d is
// not changed.
func (d *Dossier) MaskIdentities(mask func(string) string) *Dossier {
	out := *d
	if len(d.Roles) > 0 {
		out.Roles = make([]Role, len(d.Roles))
		for i, r := range d.Roles {
			if r.Person != nil && r.Person.NationalID != "" {
				p := *r.Person
				p.NationalID = mask(p.NationalID)
				r.Person = &p
			}
			out.Roles[i] = r
		}
	}
	if d.Owners != nil {
		o := *d.Owners
		o.Owners = make([]BeneficialOwner, len(d.Owners.Owners))
		for i, b := range d.Owners.Owners {
			if b.NationalID != "" {
				b.NationalID = mask(b.NationalID)
			}
			o.Owners[i] = b
		}
		out.Owners = &o
	}
	return &out
}
