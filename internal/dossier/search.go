package dossier

// SearchHit is one unit a search by name found: enough to tell the hits
// apart and to pick one, which is then looked up by its Number.
type SearchHit struct {
	// Number is the organisation number, canonical.
	Number string `json:"number"`
	// Country is "NO", "SE" or "FI".
	Country string `json:"country"`
	// Name is the unit's registered name.
	Name string `json:"name"`
	// Form is the organisation form, e.g. {AS, Aksjeselskap}.
	Form Code `json:"form"`
	// Municipality is where the unit is: its business address's (a
	// sub-unit's location's), else its postal address's; "" when none.
	Municipality string `json:"municipality,omitempty"`
	// SubUnit is true for a sub-unit (bedrift); Parent is then its legal
	// unit.
	SubUnit bool   `json:"sub_unit,omitempty"`
	Parent  string `json:"parent,omitempty"`
	// Badges are what the register says about the unit's state that
	// matters before picking it, most serious first; none for a unit in
	// good standing.
	Badges []Badge `json:"badges,omitempty"`
}

// Badge is a state of a unit shown beside its name in a list of hits.
type Badge string

// The badges, most serious first.
const (
	BadgeDeleted           Badge = "deleted"            // the unit is deleted
	BadgeBankrupt          Badge = "bankrupt"           // the unit is bankrupt
	BadgeForcedDissolution Badge = "forced_dissolution" // under forced liquidation or dissolution
	BadgeLiquidation       Badge = "liquidation"        // under liquidation
	BadgeClosed            Badge = "closed"             // the unit (mostly a sub-unit) has closed down
)

// HitOf is the search hit of a unit the register returned.
func HitOf(c *Company, country string) SearchHit {
	h := SearchHit{Number: c.Number, Country: country, Name: c.Name, Form: c.Form, SubUnit: c.SubUnit, Parent: c.Parent}
	for _, a := range []*Address{c.BusinessAddress, c.LocationAddress, c.PostalAddress} {
		if a != nil && a.Municipality != "" {
			h.Municipality = a.Municipality
			break
		}
	}
	for _, b := range []struct {
		on    bool
		badge Badge
	}{
		{c.Deleted, BadgeDeleted},
		{c.Bankrupt, BadgeBankrupt},
		{c.UnderForcedDissolution, BadgeForcedDissolution},
		{c.UnderLiquidation, BadgeLiquidation},
		{c.ClosedDate != "", BadgeClosed},
	} {
		if b.on {
			h.Badges = append(h.Badges, b.badge)
		}
	}
	return h
}

// Example is a number worth trying in the environment Motpart runs in,
// shown on the first Lookup screen.
type Example struct {
	// Number is the organisation number to type.
	Number string `json:"number"`
	// Name is the unit's name, "" when it has none (a number never
	// issued).
	Name string `json:"name,omitempty"`
}

// SearchResult is what a search by name found.
type SearchResult struct {
	// Name is the name searched for, as the search used it.
	Name string `json:"name"`
	// Hits are the units found: legal units first, then sub-units, each
	// in the register's order.
	Hits []SearchHit `json:"hits"`
	// Total is how many units the register has for the name in all; when
	// it is larger than len(Hits) the list was cut and a longer name
	// narrows it.
	Total int `json:"total"`
}
