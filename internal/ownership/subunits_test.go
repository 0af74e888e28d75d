package ownership

import (
	"reflect"
	"testing"
)

func TestSubUnitLabels(t *testing.T) {
	const parent = "SOLSTRAND INDUSTRIER ASA"
	tests := []struct {
		name  string
		units []SubUnit
		want  []string
	}{{
		name: "the legal name three times: told apart by town",
		units: []SubUnit{
			{Number: "1", Name: parent, Street: "Strandveien 4", Town: "BERGEN"},
			{Number: "2", Name: "Solstrand  Industrier ASA", Street: "Kaigata 1", Town: "TROMSØ"},
			{Number: "3", Name: parent, Street: "Storgata 9", Town: "OSLO"},
		},
		want: []string{"BERGEN", "TROMSØ", "OSLO"},
	}, {
		name: "same town: street and town",
		units: []SubUnit{
			{Number: "1", Name: parent, Street: "Strandveien 4", Town: "BERGEN"},
			{Number: "2", Name: parent, Street: "Kaigata 1", Town: "BERGEN"},
			{Number: "3", Name: parent, Town: "OSLO"},
		},
		want: []string{"Strandveien 4, BERGEN", "Kaigata 1, BERGEN", "OSLO"},
	}, {
		name: "own names win; what a name adds to the legal name",
		units: []SubUnit{
			{Number: "1", Name: "SOLSTRAND KAFÉ", Town: "BERGEN"},
			{Number: "2", Name: parent + " AVD TROMSØ", Town: "TROMSØ"},
			{Number: "3", Name: parent + " - LAGER", Town: "OSLO"},
		},
		want: []string{"SOLSTRAND KAFÉ", "AVD TROMSØ", "LAGER"},
	}, {
		name: "a name several share gets its town",
		units: []SubUnit{
			{Number: "1", Name: "BUTIKK", Town: "BERGEN"},
			{Number: "2", Name: "Butikk", Town: "OSLO"},
			{Number: "3", Name: "BUTIKK"},
		},
		want: []string{"BUTIKK · BERGEN", "Butikk · OSLO", "BUTIKK"},
	}, {
		name: "nothing to tell them apart: name, else number",
		units: []SubUnit{
			{Number: "1", Name: parent},
			{Number: "2"},
			{Number: "3", Name: parent + " -", Street: "Kaigata 1"},
		},
		want: []string{parent, "2", "Kaigata 1"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SubUnitLabels(parent, tt.units); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SubUnitLabels = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddSubUnits(t *testing.T) {
	g := &Graph{Focus: "311111116"}
	g.AddNode(Node{ID: "311111116", Kind: Entity, Label: "SOLSTRAND INDUSTRIER ASA", Detail: "311111116", Number: "311111116"})
	g.AddSubUnits("311111116", []SubUnit{
		{Number: "310126144", Name: "SOLSTRAND INDUSTRIER ASA", Street: "Strandveien 4", Town: "BERGEN"},
		{Number: "310152285", Name: "SOLSTRAND KAFÉ", Town: "OSLO"},
	})
	want := []Node{
		{ID: "311111116", Kind: Entity, Label: "SOLSTRAND INDUSTRIER ASA", Detail: "311111116", Number: "311111116"},
		{ID: "310126144", Kind: Entity, Label: "BERGEN", FullName: "SOLSTRAND INDUSTRIER ASA", Place: "Strandveien 4, BERGEN", Detail: "310126144", Number: "310126144"},
		{ID: "310152285", Kind: Entity, Label: "SOLSTRAND KAFÉ", Place: "OSLO", Detail: "310152285", Number: "310152285"},
	}
	if !reflect.DeepEqual(g.Nodes, want) {
		t.Errorf("nodes = %+v\nwant %+v", g.Nodes, want)
	}
	wantEdges := []Edge{
		{From: "311111116", To: "310126144", Interest: Establishment, Direct: true},
		{From: "311111116", To: "310152285", Interest: Establishment, Direct: true},
	}
	if !reflect.DeepEqual(g.Edges, wantEdges) {
		t.Errorf("edges = %+v, want %+v", g.Edges, wantEdges)
	}
	names := map[string]string{"310126144": "SOLSTRAND INDUSTRIER ASA", "310152285": "SOLSTRAND KAFÉ"}
	for id, name := range names {
		if n, _ := g.Node(id); n.Name() != name {
			t.Errorf("Node(%s).Name() = %q, want %q", id, n.Name(), name)
		}
	}
}
