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
// and the intermediate companies their positions run through, and its
// sub-units (establishments of the same legal unit, not subsidiaries)
// below it.
func OwnershipGraph(dos *dossier.Dossier) *ownership.Graph {
	g := &ownership.Graph{Focus: dos.Number}
	name := dos.Number
	if dos.Company != nil {
		name = dos.Company.Name
	}
	g.AddNode(ownership.Node{ID: dos.Number, Kind: ownership.Entity, Label: name, Detail: dos.Number, Number: dos.Number})
	if dos.Owners != nil {
		for i, o := range dos.Owners.Owners {
			id, node := ownerNode(i, o)
			g.AddNode(node)
			for _, p := range o.Positions {
				addPosition(g, id, dos.Number, p)
			}
		}
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
