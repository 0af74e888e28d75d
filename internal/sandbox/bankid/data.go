package bankid

import (
	"slices"
	"strings"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// company is a company's result JSON, in the shape registries.md §5.4
// gives for its blocks (the inner field names are the simulator's), with
// what the PDFs print besides.
type company struct {
	Name    string `json:"-"`
	Number  string `json:"-"`
	Country string `json:"-"` // no, se or fi
	Form    string `json:"-"` // AS, AB, Oy...
	City    string `json:"-"`
	Address string `json:"-"`

	KeyInformation keyInformation `json:"keyInformation"`
	Roles          []role         `json:"roles"`
	Ownership      ownership      `json:"ownership"`
	Sanction       sanction       `json:"sanction"`

	// screening is every hit the world has, OFAC's too; a session keeps
	// the lists its token allows.
	screening world.Screening
}

type keyInformation struct {
	Name               string `json:"name"`
	OrganizationNumber string `json:"organizationNumber"`
	Country            string `json:"country"`
	OrganizationType   string `json:"organizationType,omitempty"`
	RegisteredDate     string `json:"registeredDate,omitempty"`
	Address            string `json:"address,omitempty"`
}

type role struct {
	Type      string `json:"type"`
	Name      string `json:"name"`
	BirthDate string `json:"birthDate,omitempty"`
	OrgNumber string `json:"organizationNumber,omitempty"`
}

type owner struct {
	Name       string   `json:"name"`
	BirthDate  string   `json:"birthDate,omitempty"`
	OwnerShare float64  `json:"ownerShare"`
	Roles      []string `json:"roles,omitempty"`
}

type holding struct {
	Name      string  `json:"name"`
	OrgNumber string  `json:"organizationNumber,omitempty"`
	BirthDate string  `json:"birthDate,omitempty"`
	Country   string  `json:"country,omitempty"`
	Share     float64 `json:"share"`
}

type ownership struct {
	Beneficials  []owner   `json:"beneficials"`
	Shareholders []holding `json:"shareholders"`
	Subsidiaries []holding `json:"subsidiaries"`
}

// sanction is the screening block: the lists screened, the date, and the
// hits as objects.
type sanction struct {
	Lists   []string `json:"lists"`
	Date    string   `json:"date"`
	Hits    []hit    `json:"hits"`
	PEPHits []hit    `json:"pepHits"`
}

type hit struct {
	Name      string `json:"name"`
	List      string `json:"list"`
	Detail    string `json:"detail,omitempty"`
	BirthDate string `json:"birthDate,omitempty"`
}

// forSession is the company's result as a session sees it: the screening
// of EU and UN, and OFAC when the session's token had the OFAC scope.
func (c *company) forSession(ofac bool) *company {
	out := *c
	lists := []string{world.ListEU, world.ListUN}
	if ofac {
		lists = append(lists, world.ListOFAC)
	}
	out.Sanction = sanction{Lists: lists, Date: world.ScreeningDate, Hits: []hit{}, PEPHits: []hit{}}
	for _, h := range c.screening.Sanctions {
		if slices.Contains(lists, h.List) {
			out.Sanction.Hits = append(out.Sanction.Hits, hit(h))
		}
	}
	for _, h := range c.screening.PEP {
		out.Sanction.PEPHits = append(out.Sanction.PEPHits, hit(h))
	}
	return &out
}

// key is a company's key: its country and its number's digits.
func key(country, number string) string {
	var b strings.Builder
	for _, r := range number {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(country) + ":" + b.String()
}

// companies builds the result JSON of every live Norwegian main unit and
// every Swedish and Finnish company of w, from the same world the other
// simulators serve: the same names, roles and owners.
func companies(w *world.World) map[string]*company {
	out := map[string]*company{}
	add := func(c *company) {
		c.KeyInformation.Name, c.KeyInformation.OrganizationNumber = c.Name, c.Number
		c.KeyInformation.Country = strings.ToUpper(c.Country)
		c.KeyInformation.OrganizationType = c.Form
		if c.Address != "" {
			c.KeyInformation.Address = c.Address
		}
		for _, s := range []*[]holding{&c.Ownership.Shareholders, &c.Ownership.Subsidiaries} {
			if *s == nil {
				*s = []holding{}
			}
		}
		if c.Roles == nil {
			c.Roles = []role{}
		}
		if c.Ownership.Beneficials == nil {
			c.Ownership.Beneficials = []owner{}
		}
		c.screening, _ = w.ScreeningOf(strings.ToUpper(c.Country), c.Number)
		out[key(c.Country, c.Number)] = c
	}
	for i := range w.Units {
		u := &w.Units[i]
		if u.IsSubUnit() || u.IsDeleted() || u.Removed {
			continue
		}
		c := &company{Name: u.Name, Number: u.OrgNr, Country: "no", Form: u.Form}
		c.KeyInformation.RegisteredDate = u.Registered
		if a := u.Business; a != nil {
			c.City = a.City
			c.Address = strings.Join(append(slices.Clone(a.Lines), a.PostCode+" "+a.City), ", ")
		}
		for _, r := range u.Roles {
			if r.Resigned {
				continue
			}
			c.Roles = append(c.Roles, role{Type: r.Type, Name: partyName(w, world.Party{PersonID: r.Person, OrgNr: r.Unit}),
				BirthDate: world.BirthDate(r.Person), OrgNumber: r.Unit})
		}
		_, owners := w.BeneficialOwners(u.OrgNr)
		c.Ownership.Beneficials = beneficials(w, owners)
		c.Ownership.Shareholders, c.Ownership.Subsidiaries = holdings(w, u.OrgNr, world.Party{OrgNr: u.OrgNr})
		add(c)
	}
	for _, f := range w.Foreign {
		if f.Country != "SE" && f.Country != "FI" {
			continue
		}
		c := &company{Name: f.Name, Number: f.Number, Country: strings.ToLower(f.Country), Form: f.Form, City: f.City, Address: f.Address}
		for _, r := range w.ForeignRolesOf(f.Number) {
			c.Roles = append(c.Roles, role{Type: r.Type, Name: partyName(w, r.Holder), BirthDate: partyBirth(w, r.Holder), OrgNumber: r.Holder.OrgNr})
		}
		c.Ownership.Beneficials = beneficials(w, w.ForeignBeneficialOwners(f.Number))
		c.Ownership.Shareholders, c.Ownership.Subsidiaries = holdings(w, f.Number, world.Party{Foreign: f.Number})
		add(c)
	}
	// The number whose sessions fail, known here whatever the world (it
	// is no unit of it).
	if _, ok := out[key("no", world.FailureOrgNr)]; !ok {
		add(&company{Name: "FEILENDE BESTILLING AS", Number: world.FailureOrgNr, Country: "no", Form: "AS"})
	}
	return out
}

// beneficials converts the world's beneficial owners.
func beneficials(w *world.World, owners []world.BeneficialOwner) []owner {
	out := []owner{}
	for _, o := range owners {
		p := world.Party{PersonID: o.PersonID, ForeignPerson: o.ForeignPerson}
		bo := owner{Name: partyName(w, p), BirthDate: partyBirth(w, p)}
		for _, pos := range o.Positions {
			bo.Roles = append(bo.Roles, pos.Type)
			bo.OwnerShare = max(bo.OwnerShare, intervalFloor(pos.Interval))
		}
		out = append(out, bo)
	}
	return out
}

// holdings returns who owns company, and what self (the same company as
// an owner) owns.
func holdings(w *world.World, company string, self world.Party) (shareholders, subsidiaries []holding) {
	for _, o := range w.Ownerships {
		if o.Company == company {
			shareholders = append(shareholders, holding{Name: partyName(w, o.Owner), OrgNumber: o.Owner.OrgNr + o.Owner.Foreign,
				BirthDate: partyBirth(w, o.Owner), Country: partyCountry(w, o.Owner), Share: o.Percent})
		}
		if o.Owner == self {
			p := world.Party{OrgNr: o.Company}
			if _, ok := w.Unit(o.Company); !ok {
				p = world.Party{Foreign: o.Company}
			}
			subsidiaries = append(subsidiaries, holding{Name: partyName(w, p), OrgNumber: o.Company, Country: partyCountry(w, p), Share: o.Percent})
		}
	}
	return shareholders, subsidiaries
}

// intervalFloor is the lower bound of an RRH size interval, in percent.
func intervalFloor(iv string) float64 {
	switch iv {
	case world.RRHInterval1:
		return 25
	case world.RRHInterval2:
		return 50
	case world.RRHInterval3:
		return 75
	}
	return 0
}

// partyName names an owner or role holder of the world.
func partyName(w *world.World, p world.Party) string {
	if p.PersonID != "" {
		if q, ok := w.Person(p.PersonID); ok {
			return q.Name()
		}
	}
	if p.OrgNr != "" {
		if u, ok := w.Unit(p.OrgNr); ok {
			return u.Name
		}
	}
	if p.Foreign != "" {
		if f, ok := w.ForeignEntity(p.Foreign); ok {
			return f.Name
		}
	}
	if p.ForeignPerson != "" {
		if f, ok := w.ForeignPerson(p.ForeignPerson); ok {
			return f.Name
		}
	}
	return ""
}

// partyBirth is a person's birth date, "" for an entity.
func partyBirth(w *world.World, p world.Party) string {
	if p.PersonID != "" {
		return world.BirthDate(p.PersonID)
	}
	if f, ok := w.ForeignPerson(p.ForeignPerson); ok && p.ForeignPerson != "" {
		return f.BirthDate
	}
	return ""
}

// partyCountry is an entity's country, "" for a person.
func partyCountry(w *world.World, p world.Party) string {
	switch {
	case p.OrgNr != "":
		return "NO"
	case p.Foreign != "":
		if f, ok := w.ForeignEntity(p.Foreign); ok {
			return f.Country
		}
	}
	return ""
}
