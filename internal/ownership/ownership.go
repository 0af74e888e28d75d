// Package ownership is the ownership graph of a company, in the spirit of
// the Beneficial Ownership Data Standard: entities, persons and unknown or
// exempt owners, joined by edges that say who owns or controls whom,
// directly or indirectly, and how much. It also lays the graph out in
// layers, deterministically, so the window and the PDF draw the same
// picture. It is vocabulary: plain data, no I/O, nothing of the project.
package ownership

import (
	"fmt"
	"sort"
)

// NodeKind says what a node is.
type NodeKind string

// Node kinds.
const (
	Entity  NodeKind = "entity"  // a company or other legal entity
	Person  NodeKind = "person"  // a natural person
	Unknown NodeKind = "unknown" // an owner the sources do not identify
	Exempt  NodeKind = "exempt"  // a person exempt from disclosure
)

// Node is one party in the graph.
type Node struct {
	// ID is unique in the graph: an organisation number, a person's
	// identity, or a made-up key for unknown and exempt owners.
	ID    string
	Kind  NodeKind
	Label string
	// Detail is a second line: the organisation number, a birth year, a
	// country.
	Detail string
	// Number is the organisation number to open when the node is clicked;
	// empty for persons and foreign entities.
	Number string
	// FullName is the registered name when Label shows something shorter
	// that tells the node apart (a sub-unit labelled by its place); empty
	// when Label is the name.
	FullName string
	// Place is where a sub-unit is ("Strandveien 4, BERGEN"), when known.
	Place string
}

// Name is the node's full name: FullName, else Label.
func (n Node) Name() string {
	if n.FullName != "" {
		return n.FullName
	}
	return n.Label
}

// Interest is what an edge says the owner holds.
type Interest string

// Interests.
const (
	Owns     Interest = "owns"     // shareholding
	Controls Interest = "controls" // votes, the right to appoint the board, other means
	// Establishment joins a legal unit to one of its sub-units (business
	// establishments): the same entity, not a subsidiary, so no share.
	Establishment Interest = "establishment"
)

// Share is the size of an interest: an exact value, or an interval.
type Share struct {
	// Min and Max are percentages; Min == Max for an exact value; both
	// zero when unknown.
	Min, Max float64
}

// String writes the share as "30 %" or "25–49.99 %", or "" when unknown.
func (s Share) String() string {
	switch {
	case s.Min == 0 && s.Max == 0:
		return ""
	case s.Min == s.Max:
		return trim(s.Min) + " %"
	}
	return trim(s.Min) + "–" + trim(s.Max) + " %"
}

func trim(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// Source says where an edge comes from. Edges of different sources are
// never merged: when two sources say the same party owns the company, the
// graph holds one node for the party and one edge from each source, and
// the layout draws them side by side.
type Source string

// Sources.
const (
	// FromRegisters is the public registers: the Register of beneficial
	// owners and Enhetsregisteret (the zero value).
	FromRegisters Source = ""
	// FromBankID is BankID's AML service: the shareholders and
	// subsidiaries of an organisation session.
	FromBankID Source = "bankid"
)

// Edge says that From owns or controls To.
type Edge struct {
	From, To string
	Interest Interest
	// Direct is false for an interest held through other companies.
	Direct bool
	Share  Share
	// Source is where the edge comes from.
	Source Source
}

// Graph is the ownership around one company in focus.
type Graph struct {
	Focus string
	Nodes []Node
	Edges []Edge
}

// Node returns the node with id.
func (g *Graph) Node(id string) (Node, bool) {
	for _, n := range g.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return Node{}, false
}

// AddNode adds n unless a node with its ID is there; a known label or
// kind replaces an unknown one.
func (g *Graph) AddNode(n Node) {
	for i := range g.Nodes {
		if g.Nodes[i].ID == n.ID {
			if g.Nodes[i].Label == "" {
				g.Nodes[i].Label = n.Label
			}
			if g.Nodes[i].Detail == "" {
				g.Nodes[i].Detail = n.Detail
			}
			if g.Nodes[i].Number == "" {
				g.Nodes[i].Number = n.Number
			}
			if g.Nodes[i].FullName == "" {
				g.Nodes[i].FullName = n.FullName
			}
			if g.Nodes[i].Place == "" {
				g.Nodes[i].Place = n.Place
			}
			return
		}
	}
	g.Nodes = append(g.Nodes, n)
}

// AddEdge adds e unless the same edge (ends, interest, directness and
// source) is there.
func (g *Graph) AddEdge(e Edge) {
	for _, x := range g.Edges {
		if x.From == e.From && x.To == e.To && x.Interest == e.Interest && x.Direct == e.Direct && x.Source == e.Source {
			return
		}
	}
	g.Edges = append(g.Edges, e)
}

// Owners returns the edges into id (who owns or controls it), sorted.
func (g *Graph) Owners(id string) []Edge {
	var out []Edge
	for _, e := range g.Edges {
		if e.To == id {
			out = append(out, e)
		}
	}
	sortEdges(out, func(e Edge) string { return e.From })
	return out
}

// Holdings returns the edges out of id (what it owns or controls), sorted.
func (g *Graph) Holdings(id string) []Edge {
	var out []Edge
	for _, e := range g.Edges {
		if e.From == id {
			out = append(out, e)
		}
	}
	sortEdges(out, func(e Edge) string { return e.To })
	return out
}

func sortEdges(es []Edge, key func(Edge) string) {
	sort.SliceStable(es, func(i, j int) bool {
		if key(es[i]) != key(es[j]) {
			return key(es[i]) < key(es[j])
		}
		if es[i].Interest != es[j].Interest {
			return es[i].Interest < es[j].Interest
		}
		return es[i].Source < es[j].Source
	})
}

// Sources returns the sources of the edges at id (into it or out of it),
// the registers first; a node only the registers know gives
// [FromRegisters].
func (g *Graph) Sources(id string) []Source {
	var regs, bankID bool
	for _, e := range g.Edges {
		if e.From != id && e.To != id {
			continue
		}
		switch e.Source {
		case FromBankID:
			bankID = true
		default:
			regs = true
		}
	}
	var out []Source
	if regs {
		out = append(out, FromRegisters)
	}
	if bankID {
		out = append(out, FromBankID)
	}
	return out
}
