package desk

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ownership"
)

// OwnershipGraph builds the ownership graph of a dossier: the company in
// focus, its beneficial owners (persons, foreign persons, exempt owners)
// and the intermediate companies their positions run through, its
// sub-units (establishments of the same legal unit, not subsidiaries)
// below it, and BankID's shareholders above it and subsidiaries below it
// (see addBankID).
func OwnershipGraph(dos *dossier.Dossier) *ownership.Graph {
	g := &ownership.Graph{Focus: dos.Number}
	name := dos.Number
	switch {
	case dos.Company != nil && dos.Company.Name != "":
		name = dos.Company.Name
	case dos.AML != nil && dos.AML.Key != nil && dos.AML.Key.Name != "":
		name = dos.AML.Key.Name
	}
	g.AddNode(ownership.Node{ID: dos.Number, Kind: ownership.Entity, Label: name, Detail: dos.Number, Number: dos.Number})
	var owners []dossier.BeneficialOwner
	if dos.Owners != nil {
		owners = dos.Owners.Owners
		for i, o := range owners {
			id, node := ownerNode(i, o)
			g.AddNode(node)
			for _, p := range o.Positions {
				addPosition(g, id, dos.Number, p)
			}
		}
	}
	if dos.AML != nil {
		addBankID(g, dos.Number, dos.AML, owners)
	}
	subs := make([]ownership.SubUnit, 0, len(dos.SubUnits))
	for _, u := range dos.SubUnits {
		s := ownership.SubUnit{Number: u.Number, Name: u.Name}
		if a := u.Address; a != nil {
			if len(a.Lines) > 0 {
				s.Street = a.Lines[0]
			}
			s.Town = cmp.Or(a.Municipality, a.City)
		}
		subs = append(subs, s)
	}
	g.AddSubUnits(dos.Number, subs)
	return g
}

// ownerNode is a beneficial owner as a node; its id never holds a national
// identity number.
func ownerNode(i int, o dossier.BeneficialOwner) (string, ownership.Node) {
	id := "owner-" + strconv.Itoa(i)
	year := o.BirthYear
	if year == "" && len(o.BirthDate) >= 4 {
		year = o.BirthDate[:4]
	}
	switch {
	case o.Exempt || o.Name == "":
		return id, ownership.Node{ID: id, Kind: ownership.Exempt, Detail: year}
	}
	detail := year
	if o.Foreign && o.Residence != nil {
		detail = strings.TrimSpace(year + " " + o.Residence.Code)
	}
	return id, ownership.Node{ID: id, Kind: ownership.Person, Label: o.Name, Detail: detail}
}

// addPosition adds the edges of one position: straight to the company when
// direct, through the intermediate companies when indirect.
func addPosition(g *ownership.Graph, owner, company string, p dossier.Position) {
	interest := ownership.Controls
	if strings.EqualFold(p.Type.Code, "posisjontype.eier") {
		interest = ownership.Owns
	}
	share := intervalShare(p.Interval)
	direct := len(p.Intermediates) == 0
	for _, b := range p.Basis {
		if strings.EqualFold(b.Code, "grunnlagtype.dire") {
			direct = true
		}
	}
	if direct || len(p.Intermediates) == 0 {
		g.AddEdge(ownership.Edge{From: owner, To: company, Interest: interest, Direct: true, Share: share})
	}
	prev := owner
	for _, m := range p.Intermediates {
		id := m.Number
		detail := m.Number
		name := m.Name
		if name == "" {
			name = m.Number // the register gives only the number
			detail = ""
		}
		if id == "" {
			id = "foreign-" + m.Country + "-" + m.ForeignNumber
			detail = strings.TrimSpace(m.Country + " " + m.ForeignNumber)
		}
		g.AddNode(ownership.Node{ID: id, Kind: ownership.Entity, Label: name, Detail: detail, Number: m.Number})
		g.AddEdge(ownership.Edge{From: prev, To: id, Interest: interest, Direct: true})
		prev = id
	}
	if len(p.Intermediates) > 0 {
		g.AddEdge(ownership.Edge{From: prev, To: company, Interest: interest, Direct: true})
		g.AddEdge(ownership.Edge{From: owner, To: company, Interest: interest, Direct: false, Share: share})
	}
}

// intervalShare turns the register's size interval into a share.
func intervalShare(c *dossier.Code) ownership.Share {
	if c == nil {
		return ownership.Share{}
	}
	switch strings.ToLower(c.Code) {
	case "stoerrelseintervall.int1":
		return ownership.Share{Min: 25.01, Max: 49.99}
	case "stoerrelseintervall.int2":
		return ownership.Share{Min: 50, Max: 74.99}
	case "stoerrelseintervall.int3":
		return ownership.Share{Min: 75, Max: 100}
	}
	return ownership.Share{}
}

// OwnershipGraph is the package's OwnershipGraph, for the window.
func (d *Desk) OwnershipGraph(dos *dossier.Dossier) *ownership.Graph { return OwnershipGraph(dos) }

// addBankID adds BankID's shareholders of company (owners above it) and
// its subsidiaries (below it), each edge marked FromBankID with the share
// BankID gives. They are never merged into the registers' edges: when the
// registers and BankID name the same party, it is one node with an edge
// from each source, drawn side by side. The same party is an
// organisation with the same number, or a person with the same name and
// birth year as one of the registers' beneficial owners (owners).
func addBankID(g *ownership.Graph, company string, a *dossier.AML, owners []dossier.BeneficialOwner) {
	for i, h := range a.Shareholders {
		id := holdingNode(g, "bankid-owner-"+strconv.Itoa(i), h, a.Country, owners)
		if id == company {
			continue
		}
		g.AddEdge(ownership.Edge{From: id, To: company, Interest: ownership.Owns, Direct: true, Share: exactShare(h.Share), Source: ownership.FromBankID})
	}
	for i, h := range a.Subsidiaries {
		id := holdingNode(g, "bankid-subsidiary-"+strconv.Itoa(i), h, a.Country, owners)
		if id == company {
			continue
		}
		g.AddEdge(ownership.Edge{From: company, To: id, Interest: ownership.Owns, Direct: true, Share: exactShare(h.Share), Source: ownership.FromBankID})
	}
}

// holdingNode adds the party of BankID's holding h to g and returns its
// id: the registers' node of the same foreign company, else the
// organisation number of an organisation; the registers' node of the
// same person, else key. A party with a birth date is a person (shown
// with the year only), anything else an organisation; an organisation
// opens on a click when its number is of a country Motpart looks up.
func holdingNode(g *ownership.Graph, key string, h dossier.Holding, session string, owners []dossier.BeneficialOwner) string {
	number := strings.Join(strings.Fields(h.OrgNumber), "")
	if id, ok := foreignNode(g, number); ok {
		return id
	}
	if number != "" {
		n := ownership.Node{ID: number, Kind: ownership.Entity, Label: cmp.Or(strings.TrimSpace(h.Name), number), Detail: number}
		if c := strings.ToUpper(h.Country); c != "" && !strings.EqualFold(c, session) {
			n.Detail = number + " " + c
		}
		switch strings.ToUpper(cmp.Or(h.Country, session)) {
		case "", "NO", "SE", "FI":
			n.Number = number
		}
		g.AddNode(n)
		return number
	}
	year := ""
	if len(h.BirthDate) >= 4 {
		year = h.BirthDate[:4]
	}
	if h.BirthDate == "" {
		g.AddNode(ownership.Node{ID: key, Kind: ownership.Entity, Label: strings.TrimSpace(h.Name), Detail: strings.ToUpper(h.Country)})
		return key
	}
	for i, o := range owners {
		oy := cmp.Or(o.BirthYear, o.BirthDate[:min(4, len(o.BirthDate))])
		if !o.Exempt && o.Name != "" && sameName(o.Name, h.Name) && (oy == "" || oy == year) {
			return "owner-" + strconv.Itoa(i)
		}
	}
	g.AddNode(ownership.Node{ID: key, Kind: ownership.Person, Label: strings.TrimSpace(h.Name), Detail: year})
	return key
}

// foreignNode finds the registers' node of a foreign company (see
// addPosition) whose number is number, written with or without its
// hyphen: BankID names it by its number alone.
func foreignNode(g *ownership.Graph, number string) (string, bool) {
	want := digits(number)
	if want == "" {
		return "", false
	}
	for _, n := range g.Nodes {
		rest, ok := strings.CutPrefix(n.ID, "foreign-")
		if !ok {
			continue
		}
		if _, foreign, ok := strings.Cut(rest, "-"); ok && digits(foreign) == want {
			return n.ID, true
		}
	}
	return "", false
}

// digits is s without anything but its digits.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// sameName reports whether two names are the same but for case and
// spacing.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// exactShare is BankID's share in percent; zero is unknown.
func exactShare(percent float64) ownership.Share {
	return ownership.Share{Min: percent, Max: percent}
}
