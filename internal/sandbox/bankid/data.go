package bankid

import (
	"strings"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// company is a company's result JSON, in the shape registries.md §5.4
// gives for its blocks (the inner field names are the simulator's).
type company struct {
	Name    string `json:"-"`
	Number  string `json:"-"`
	Country string `json:"-"` // no, se or fi

	KeyInformation map[string]any `json:"keyInformation"`
	Roles          []role         `json:"roles"`
	Beneficials    []owner        `json:"-"`
	Ownership      map[string]any `json:"ownership"`
	Sanction       sanction       `json:"sanction"`
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
	Share     float64 `json:"share"`
}

type sanction struct {
	Lists   []string `json:"lists"`
	Date    string   `json:"date"`
	Hits    []string `json:"hits"`
	PEPHits []string `json:"pepHits"`
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

// companies builds the result JSON of every Norwegian main unit and every
// Swedish and Finnish company of w.
func companies(w *world.World) map[string]*company {
	out := map[string]*company{}
	add := func(c *company) {
		c.KeyInformation = map[string]any{"name": c.Name, "organizationNumber": c.Number, "country": strings.ToUpper(c.Country)}
		if c.Roles == nil {
			c.Roles = []role{}
		}
		c.Sanction = sanction{Lists: []string{"EU", "UN"}, Date: "2026-03-01", Hits: []string{}, PEPHits: []string{}}
		out[key(c.Country, c.Number)] = c
	}
	for i := range w.Units {
		u := &w.Units[i]
		if u.IsSubUnit() || u.IsDeleted() || u.Removed {
			continue
		}
		c := &company{Name: u.Name, Number: u.OrgNr, Country: "no"}
		for _, r := range u.Roles {
			if r.Resigned {
				continue
			}
			c.Roles = append(c.Roles, role{Type: r.Type, Name: partyName(w, world.Party{PersonID: r.Person, OrgNr: r.Unit}),
				BirthDate: world.BirthDate(r.Person), OrgNumber: r.Unit})
		}
		_, owners := w.BeneficialOwners(u.OrgNr)
		for _, o := range owners {
			bo := owner{Name: partyName(w, world.Party{PersonID: o.PersonID, ForeignPerson: o.ForeignPerson})}
			if o.PersonID != "" {
				bo.BirthDate = world.BirthDate(o.PersonID)
			}
			for _, p := range o.Positions {
				bo.Roles = append(bo.Roles, p.Type)
				bo.OwnerShare = max(bo.OwnerShare, intervalFloor(p.Interval))
			}
			c.Beneficials = append(c.Beneficials, bo)
		}
		shareholders, subsidiaries := []holding{}, []holding{}
		for _, o := range w.Ownerships {
			if o.Company == u.OrgNr {
				h := holding{Name: partyName(w, o.Owner), OrgNumber: o.Owner.OrgNr, Share: o.Percent}
				if o.Owner.PersonID != "" {
					h.BirthDate = world.BirthDate(o.Owner.PersonID)
				}
				shareholders = append(shareholders, h)
			}
			if o.Owner.OrgNr == u.OrgNr {
				subsidiaries = append(subsidiaries, holding{Name: partyName(w, world.Party{OrgNr: o.Company, Foreign: o.Company}), OrgNumber: o.Company, Share: o.Percent})
			}
		}
		if c.Beneficials == nil {
			c.Beneficials = []owner{}
		}
		c.Ownership = map[string]any{"beneficials": c.Beneficials, "shareholders": shareholders, "subsidiaries": subsidiaries}
		add(c)
	}
	for _, f := range w.Foreign {
		if f.Country == "SE" || f.Country == "FI" {
			c := &company{Name: f.Name, Number: f.Number, Country: strings.ToLower(f.Country), Beneficials: []owner{}}
			c.Ownership = map[string]any{"beneficials": c.Beneficials, "shareholders": []holding{}, "subsidiaries": []holding{}}
			add(c)
		}
	}
	for _, f := range []struct{ name, number, country string }{
		{w.Firm.SEName, w.Firm.SEOrgNr, "se"}, {w.Firm.FIName, w.Firm.YTunnus, "fi"},
		// The number whose sessions fail, known here whatever the world.
		{"FEILENDE BESTILLING AS", world.FailureOrgNr, "no"},
	} {
		if _, ok := out[key(f.country, f.number)]; !ok {
			c := &company{Name: f.name, Number: f.number, Country: f.country, Beneficials: []owner{}}
			c.Ownership = map[string]any{"beneficials": c.Beneficials, "shareholders": []holding{}, "subsidiaries": []holding{}}
			add(c)
		}
	}
	return out
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
			return strings.Join(strings.Fields(q.First+" "+q.Middle+" "+q.Last), " ")
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
