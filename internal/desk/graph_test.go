package desk

import (
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
