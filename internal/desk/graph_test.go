package desk

import (
	"fmt"
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ownership"
)

func TestOwnershipGraph(t *testing.T) {
	dos := &dossier.Dossier{
		Number:  "311111116",
		Company: &dossier.Company{Name: "SOLSTRAND INDUSTRIER ASA"},
		Owners: &dossier.Owners{Owners: []dossier.BeneficialOwner{
			{Name: "Ingrid Solstrand", NationalID: "12836810064", BirthYear: "1968", Positions: []dossier.Position{{
				Type: dossier.Code{Code: "posisjontype.eier"}, Interval: &dossier.Code{Code: "stoerrelseintervall.INT2"},
				Basis: []dossier.Code{{Code: "grunnlagtype.indi"}}, Intermediates: []dossier.UnitRef{{Number: "310165352", Name: "SOLSTRAND HOLDING AS"}},
			}}},
			{Exempt: true, BirthYear: "2011", Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.kont"}, Basis: []dossier.Code{{Code: "grunnlagtype.dire"}}}}},
			{Name: "Greta Lindqvist", Foreign: true, Residence: &dossier.Code{Code: "SWE"}, Positions: []dossier.Position{{
				Type: dossier.Code{Code: "posisjontype.ruas"}, Intermediates: []dossier.UnitRef{{ForeignNumber: "556677-8899", Country: "SWE", Name: "Norrsken Kapital AB"}},
			}}},
		}},
		SubUnits: []dossier.UnitRef{{Number: "310126144", Name: "AVD OSLO"}},
	}
	g := OwnershipGraph(dos)
	want := map[string]ownership.NodeKind{"311111116": ownership.Entity, "owner-0": ownership.Person, "owner-1": ownership.Exempt,
		"owner-2": ownership.Person, "310165352": ownership.Entity, "foreign-SWE-556677-8899": ownership.Entity, "310126144": ownership.Entity}
	if len(g.Nodes) != len(want) {
		t.Errorf("%d nodes, want %d: %+v", len(g.Nodes), len(want), g.Nodes)
	}
	for id, kind := range want {
		if n, ok := g.Node(id); !ok || n.Kind != kind {
			t.Errorf("node %s = %+v, want kind %s", id, n, kind)
		}
	}
	for _, n := range g.Nodes {
		if n.Label == "12836810064" || n.Detail == "12836810064" || n.ID == "12836810064" {
			t.Errorf("a national identity number in the graph: %+v", n)
		}
	}
	edges := map[string]ownership.Edge{}
	for _, e := range g.Edges {
		edges[e.From+"→"+e.To] = e
	}
	tests := []struct {
		key      string
		interest ownership.Interest
		direct   bool
		share    string
	}{
		{"owner-0→310165352", ownership.Owns, true, ""},
		{"310165352→311111116", ownership.Owns, true, ""},
		{"owner-0→311111116", ownership.Owns, false, "50–74.99 %"},
		{"owner-1→311111116", ownership.Controls, true, ""},
		{"owner-2→foreign-SWE-556677-8899", ownership.Controls, true, ""},
		{"311111116→310126144", ownership.Establishment, true, ""},
	}
	for _, tt := range tests {
		e, ok := edges[tt.key]
		if !ok {
			t.Errorf("no edge %s", tt.key)
			continue
		}
		if e.Interest != tt.interest || e.Direct != tt.direct || e.Share.String() != tt.share {
			t.Errorf("edge %s = %+v, want %s direct=%v %q", tt.key, e, tt.interest, tt.direct, tt.share)
		}
	}
}

// TestOwnershipGraphSubUnitLabels checks that sub-units under the legal
// unit's own name are told apart by where they are.
func TestOwnershipGraphSubUnitLabels(t *testing.T) {
	dos := &dossier.Dossier{
		Number:  "311111116",
		Company: &dossier.Company{Name: "SOLSTRAND INDUSTRIER ASA"},
		SubUnits: []dossier.UnitRef{
			{Number: "310126144", Name: "SOLSTRAND INDUSTRIER ASA", Address: &dossier.Address{Lines: []string{"Strandveien 4"}, City: "BERGEN", Municipality: "BERGEN"}},
			{Number: "310152285", Name: "SOLSTRAND INDUSTRIER ASA", Address: &dossier.Address{City: "LAKSEVÅG"}},
			{Number: "310165352", Name: "SOLSTRAND KAFÉ"},
		},
	}
	g := OwnershipGraph(dos)
	tests := []struct{ id, label, name, place string }{
		{"310126144", "BERGEN", "SOLSTRAND INDUSTRIER ASA", "Strandveien 4, BERGEN"},
		{"310152285", "LAKSEVÅG", "SOLSTRAND INDUSTRIER ASA", "LAKSEVÅG"},
		{"310165352", "SOLSTRAND KAFÉ", "SOLSTRAND KAFÉ", ""},
	}
	for _, tt := range tests {
		n, ok := g.Node(tt.id)
		if !ok || n.Label != tt.label || n.Name() != tt.name || n.Place != tt.place {
			t.Errorf("node %s = %+v, want label %q, name %q, place %q", tt.id, n, tt.label, tt.name, tt.place)
		}
	}
}

// TestOwnershipGraphBankID feeds BankID's shareholders and subsidiaries
// into the graph: owners above, subsidiaries below, each edge marked as
// BankID's with its share, beside (never instead of) the registers' edges.
func TestOwnershipGraphBankID(t *testing.T) {
	dos := &dossier.Dossier{
		Number:  "311111116",
		Company: &dossier.Company{Name: "SOLSTRAND INDUSTRIER ASA"},
		Owners: &dossier.Owners{Owners: []dossier.BeneficialOwner{
			{Name: "Ingrid Solstrand", BirthYear: "1968", Positions: []dossier.Position{{
				Type: dossier.Code{Code: "posisjontype.eier"}, Interval: &dossier.Code{Code: "stoerrelseintervall.INT2"},
				Intermediates: []dossier.UnitRef{{Number: "310165352", Name: "SOLSTRAND HOLDING AS"}},
			}}},
		}},
		SubUnits: []dossier.UnitRef{{Number: "310126144", Name: "AVD OSLO"}},
		AML: &dossier.AML{SessionID: "s-1", Country: "NO", Shareholders: []dossier.Holding{
			{Name: "SOLSTRAND HOLDING AS", OrgNumber: "310165352", Share: 62.5},
			{Name: "ingrid  solstrand", BirthDate: "1968-04-12", Share: 7.5},
			{Name: "Per Hansen", BirthDate: "1955-01-30", Share: 20},
			{Name: "Norrsken Kapital AB", OrgNumber: "556677-8899", Country: "SE", Share: 5},
			{Name: "Havblikk Ltd", OrgNumber: "12345678", Country: "GB", Share: 5},
		}, Subsidiaries: []dossier.Holding{
			{Name: "SOLSTRAND EIENDOM AS", OrgNumber: "312345678", Share: 100},
			{Name: "SOLSTRAND SVERIGE AB", OrgNumber: "559000-1111", Country: "SE", Share: 51},
		}},
	}
	g := OwnershipGraph(dos)
	nodes := []struct {
		id, label, detail, number string
		kind                      ownership.NodeKind
	}{
		{"310165352", "SOLSTRAND HOLDING AS", "310165352", "310165352", ownership.Entity},
		{"owner-0", "Ingrid Solstrand", "1968", "", ownership.Person},
		{"bankid-owner-2", "Per Hansen", "1955", "", ownership.Person},
		{"556677-8899", "Norrsken Kapital AB", "556677-8899 SE", "556677-8899", ownership.Entity},
		{"12345678", "Havblikk Ltd", "12345678 GB", "", ownership.Entity},
		{"312345678", "SOLSTRAND EIENDOM AS", "312345678", "312345678", ownership.Entity},
		{"559000-1111", "SOLSTRAND SVERIGE AB", "559000-1111 SE", "559000-1111", ownership.Entity},
		{"310126144", "AVD OSLO", "310126144", "310126144", ownership.Entity},
	}
	if len(g.Nodes) != len(nodes)+1 {
		t.Errorf("%d nodes, want %d (the same holding company and person once each): %+v", len(g.Nodes), len(nodes)+1, g.Nodes)
	}
	for _, tt := range nodes {
		n, ok := g.Node(tt.id)
		if !ok || n.Label != tt.label || n.Detail != tt.detail || n.Number != tt.number || n.Kind != tt.kind {
			t.Errorf("node %s = %+v, want %s %q %q number %q", tt.id, n, tt.kind, tt.label, tt.detail, tt.number)
		}
	}
	type edge struct {
		key    string
		source ownership.Source
		direct bool
		share  string
	}
	var got []edge
	for _, e := range g.Edges {
		got = append(got, edge{e.From + "→" + e.To, e.Source, e.Direct, e.Share.String()})
	}
	want := []edge{
		{"owner-0→310165352", ownership.FromRegisters, true, ""},
		{"310165352→311111116", ownership.FromRegisters, true, ""},
		{"owner-0→311111116", ownership.FromRegisters, false, "50–74.99 %"},
		{"310165352→311111116", ownership.FromBankID, true, "62.5 %"},
		{"owner-0→311111116", ownership.FromBankID, true, "7.5 %"},
		{"bankid-owner-2→311111116", ownership.FromBankID, true, "20 %"},
		{"556677-8899→311111116", ownership.FromBankID, true, "5 %"},
		{"12345678→311111116", ownership.FromBankID, true, "5 %"},
		{"311111116→312345678", ownership.FromBankID, true, "100 %"},
		{"311111116→559000-1111", ownership.FromBankID, true, "51 %"},
		{"311111116→310126144", ownership.FromRegisters, true, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("edges %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("edge %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// Laid out: shareholders above the company, subsidiaries below it,
	// no two boxes on top of each other.
	l := ownership.Compute(g, ownership.Options{})
	for id, layer := range map[string]int{"311111116": 0, "310165352": -1, "bankid-owner-2": -1, "556677-8899": -1,
		"owner-0": -2, "312345678": 1, "559000-1111": 1, "310126144": 1} {
		if b, ok := l.Box(id); !ok || b.Layer != layer {
			t.Errorf("%s in layer %d, want %d", id, b.Layer, layer)
		}
	}
	for i, a := range l.Boxes {
		for _, b := range l.Boxes[i+1:] {
			if a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height {
				t.Errorf("boxes %s and %s overlap", a.ID, b.ID)
			}
		}
	}
}

// TestOwnershipGraphBankIDAlone: a Swedish company known only from
// BankID takes its name from BankID's key information.
func TestOwnershipGraphBankIDAlone(t *testing.T) {
	dos := &dossier.Dossier{Number: "5560000001", AML: &dossier.AML{Country: "SE",
		Key:          &dossier.AMLKey{Name: "FJÄLLRÄV HANDEL AB", Number: "5560000001"},
		Shareholders: []dossier.Holding{{Name: "Åsa Öberg", BirthDate: "1979-11-02", Share: 100}}}}
	g := OwnershipGraph(dos)
	focus, _ := g.Node("5560000001")
	owner, _ := g.Node("bankid-owner-0")
	if focus.Label != "FJÄLLRÄV HANDEL AB" || owner.Label != "Åsa Öberg" || owner.Detail != "1979" || owner.Kind != ownership.Person {
		t.Errorf("focus %+v, owner %+v", focus, owner)
	}
	if len(g.Edges) != 1 || g.Edges[0].Source != ownership.FromBankID || g.Edges[0].Share.String() != "100 %" {
		t.Errorf("edges %+v", g.Edges)
	}
}

// TestOwnershipGraphBankIDForeignCompany: a foreign company the registers
// name as an intermediate ("SWE 556677-8899") and BankID by its number
// alone is one node, with an edge from each source.
func TestOwnershipGraphBankIDForeignCompany(t *testing.T) {
	dos := &dossier.Dossier{
		Number:  "311111116",
		Company: &dossier.Company{Name: "SOLSTRAND INDUSTRIER ASA"},
		Owners: &dossier.Owners{Owners: []dossier.BeneficialOwner{
			{Name: "Greta Lindqvist", Foreign: true, Residence: &dossier.Code{Code: "SWE"}, BirthYear: "1971", Positions: []dossier.Position{{
				Type: dossier.Code{Code: "posisjontype.ruas"}, Intermediates: []dossier.UnitRef{{ForeignNumber: "556677-8899", Country: "SWE", Name: "Norrsken Kapital AB"}},
			}}},
		}},
		AML: &dossier.AML{Country: "NO", Shareholders: []dossier.Holding{
			{Name: "Norrsken Kapital AB", OrgNumber: "5566778899", Share: 25},
		}},
	}
	g := OwnershipGraph(dos)
	const id = "foreign-SWE-556677-8899"
	if len(g.Nodes) != 3 {
		t.Errorf("%d nodes, want 3 (the company, Greta Lindqvist, Norrsken Kapital AB once): %+v", len(g.Nodes), g.Nodes)
	}
	var got []string
	for _, e := range g.Owners("311111116") {
		got = append(got, fmt.Sprintf("%s %q %s", e.From, e.Source, e.Share))
	}
	want := []string{id + ` "" `, id + ` "bankid" 25 %`, `owner-0 "" `}
	if !slices.Equal(got, want) {
		t.Errorf("owners %q, want %q", got, want)
	}
}
