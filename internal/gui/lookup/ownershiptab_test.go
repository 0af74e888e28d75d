package lookup

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/ownership"
)

// TestFitLines breaks names into the box's lines.
func TestFitLines(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		text      string
		width     float32
		want      []string
		shortened bool
	}{
		{"AVD OSLO", 180, []string{"AVD OSLO"}, false},
		{"SOLSTRAND INDUSTRIER ASA AVD ÅLESUND VERFT", 180, []string{"SOLSTRAND INDUSTRIER", "ASA AVD ÅLESUND VERFT"}, false},
		{"SOLSTRAND INDUSTRIER ASA AVD ÅLESUND VERFT OG LAGER", 180, []string{"SOLSTRAND INDUSTRIER", "ASA AVD ÅLESUND…"}, true},
		{"VERYLONGSINGLEWORDWITHOUTANYSPACESINSIDE", 120, []string{"VERYLONGSIN…"}, true},
	}
	for _, tt := range tests {
		got, short := fitLines(tt.text, tt.width, 14, 2)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || short != tt.shortened {
			t.Errorf("fitLines(%q, %v) = %q, %v; want %q, %v", tt.text, tt.width, got, short, tt.want, tt.shortened)
		}
	}
}

// TestNodeDetails says what each kind of node is in a graph.
func TestNodeDetails(t *testing.T) {
	test.NewTempApp(t)
	g := fixedGraph()
	tests := []struct{ id, want string }{
		{"p1", "Ingrid Solstrand · 1968 · Owns 50–74.99\u00a0% of SOLSTRAND INDUSTRIER ASA (indirectly)"},
		{"p2", "Exempt from disclosure · 2011 · Controls SOLSTRAND INDUSTRIER ASA"},
		{"310165352", "SOLSTRAND HOLDING AS · Org. no. 310165352 · Owns 55\u00a0% of SOLSTRAND INDUSTRIER ASA"},
		{"310126144", "AVD OSLO · Org. no. 310126144 · Sub-unit of SOLSTRAND INDUSTRIER ASA"},
	}
	for _, tt := range tests {
		n, _ := g.Node(tt.id)
		if got := nodeDetails(g, n); got != tt.want {
			t.Errorf("nodeDetails(%s) = %q, want %q", tt.id, got, tt.want)
		}
	}
	// A node with only an owner, and a sub-unit with its place.
	g.AddNode(ownership.Node{ID: "h", Kind: ownership.Entity, Label: "BERGEN", FullName: "SOLSTRAND INDUSTRIER ASA", Place: "Strandveien 4, BERGEN", Detail: "310139211", Number: "310139211"})
	g.AddEdge(ownership.Edge{From: "311111116", To: "h", Interest: ownership.Establishment, Direct: true})
	n, _ := g.Node("h")
	if got, want := nodeDetails(g, n), "SOLSTRAND INDUSTRIER ASA · Org. no. 310139211 · Sub-unit of SOLSTRAND INDUSTRIER ASA · Strandveien 4, BERGEN"; got != want {
		t.Errorf("sub-unit details %q, want %q", got, want)
	}
}
