package ownership

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

// withBankID is the focus F with an owner H that the registers and BankID
// both name, a person P only BankID names, and two subsidiaries from
// BankID beside a sub-unit from the registers.
func withBankID() *Graph {
	g := &Graph{Focus: "F"}
	for _, n := range []Node{
		{ID: "F", Kind: Entity, Label: "Focus AS"}, {ID: "H", Kind: Entity, Label: "Holding AS"},
		{ID: "P", Kind: Person, Label: "Kari Nordmann"}, {ID: "S1", Kind: Entity, Label: "Datter AS"},
		{ID: "S2", Kind: Entity, Label: "Datter 2 AB"}, {ID: "U", Kind: Entity, Label: "AVD BERGEN"},
	} {
		g.AddNode(n)
	}
	for _, e := range []Edge{
		{From: "H", To: "F", Interest: Owns, Direct: true},
		{From: "H", To: "F", Interest: Owns, Direct: true, Share: Share{60, 60}, Source: FromBankID},
		{From: "P", To: "F", Interest: Owns, Direct: true, Share: Share{40, 40}, Source: FromBankID},
		{From: "F", To: "S1", Interest: Owns, Direct: true, Share: Share{100, 100}, Source: FromBankID},
		{From: "F", To: "S2", Interest: Owns, Direct: true, Share: Share{51, 51}, Source: FromBankID},
		{From: "F", To: "U", Interest: Establishment, Direct: true},
	} {
		g.AddEdge(e)
	}
	return g
}

func TestEdgesOfTwoSourcesAreKeptApart(t *testing.T) {
	g := withBankID()
	// Adding the same edge again from the same source changes nothing;
	// from the other source it is a new edge.
	g.AddEdge(Edge{From: "H", To: "F", Interest: Owns, Direct: true, Share: Share{60, 60}, Source: FromBankID})
	g.AddEdge(Edge{From: "P", To: "F", Interest: Owns, Direct: true, Share: Share{40, 40}, Source: FromBankID})
	if len(g.Edges) != 6 {
		t.Fatalf("%d edges, want 6: %+v", len(g.Edges), g.Edges)
	}
	owners := g.Owners("F")
	var got []string
	for _, e := range owners {
		got = append(got, fmt.Sprintf("%s %q %s", e.From, e.Source, e.Share))
	}
	want := []string{`H "" `, `H "bankid" 60 %`, `P "bankid" 40 %`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("owners of F %q, want %q", got, want)
	}
	tests := []struct {
		id   string
		want []Source
	}{
		{"H", []Source{FromRegisters, FromBankID}},
		{"P", []Source{FromBankID}},
		{"U", []Source{FromRegisters}},
		{"F", []Source{FromRegisters, FromBankID}},
	}
	for _, tt := range tests {
		if got := g.Sources(tt.id); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sources(%s) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestLayoutOfBankIDHoldings(t *testing.T) {
	g := withBankID()
	l := Compute(g, Options{})
	layers := map[string]int{"H": -1, "P": -1, "F": 0, "S1": 1, "S2": 1, "U": 1}
	for id, want := range layers {
		if b, ok := l.Box(id); !ok || b.Layer != want {
			t.Errorf("%s in layer %d (placed %v), want %d", id, b.Layer, ok, want)
		}
	}
	for i, a := range l.Boxes {
		for _, b := range l.Boxes[i+1:] {
			if a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height {
				t.Fatalf("boxes %s and %s overlap", a.ID, b.ID)
			}
		}
	}
	if len(l.Lines) != 6 {
		t.Fatalf("%d lines, want 6", len(l.Lines))
	}
	// The registers' H→F and BankID's H→F run side by side, 18 apart
	// (a tenth of the box), both from H's bottom edge to F's top edge.
	var hf []Line
	for _, line := range l.Lines {
		if line.Edge.From == "H" && line.Edge.To == "F" {
			hf = append(hf, line)
		}
		if line.Back || line.From.Y >= line.To.Y {
			t.Errorf("line %s→%s runs upwards or back", line.Edge.From, line.Edge.To)
		}
	}
	if len(hf) != 2 || hf[0].Edge.Source != FromRegisters || hf[1].Edge.Source != FromBankID {
		t.Fatalf("H→F lines %+v, want the registers' then BankID's", hf)
	}
	h, _ := l.Box("H")
	f, _ := l.Box("F")
	for i, line := range hf {
		dx := float64(2*i-1) * 9
		wantFrom := Point{h.X + h.Width/2 + dx, h.Y + h.Height}
		wantTo := Point{f.X + f.Width/2 + dx, f.Y}
		if line.From != wantFrom || line.To != wantTo {
			t.Errorf("line %d (%q) from %v to %v, want %v to %v", i, line.Edge.Source, line.From, line.To, wantFrom, wantTo)
		}
	}
	// Slanted side by side, they are bent apart in the middle: 36 apart
	// across the lines there, so both show at any angle.
	if len(hf[0].Via) != 1 || len(hf[1].Via) != 1 {
		t.Fatalf("H→F bends %v and %v, want one each", hf[0].Via, hf[1].Via)
	}
	dx, dy := hf[0].To.X-hf[0].From.X, hf[0].To.Y-hf[0].From.Y
	across := ((hf[1].Via[0].X-hf[0].Via[0].X)*dy - (hf[1].Via[0].Y-hf[0].Via[0].Y)*dx) / math.Hypot(dx, dy)
	if across < 36 {
		t.Errorf("the middles of the two H→F lines are %.1f apart across them, want at least 36", across)
	}
	mid := (h.Y + h.Height + f.Y) / 2
	for _, line := range hf {
		if y := line.Via[0].Y; y <= h.Y+h.Height || y >= f.Y || math.Abs(y-mid) > 20 {
			t.Errorf("the bend at y %.1f leaves the gap between the layers (%.0f to %.0f)", y, h.Y+h.Height, f.Y)
		}
	}

	// A lone edge starts in the middle of its box.
	for _, line := range l.Lines {
		if line.Edge.From != "P" {
			continue
		}
		p, _ := l.Box("P")
		if math.Abs(line.From.X-(p.X+p.Width/2)) > 1e-9 {
			t.Errorf("P→F starts at x %.1f, want the middle %.1f", line.From.X, p.X+p.Width/2)
		}
	}
}

// TestParallelLongEdgesShareOneBend: a person who owns the focus through
// a holding (the registers) and directly (BankID) has one edge of each
// across two layers; they share the same bend slot, side by side, and
// no extra slot is made for the second.
func TestParallelLongEdgesShareOneBend(t *testing.T) {
	g := &Graph{Focus: "F"}
	for _, id := range []string{"F", "H", "P"} {
		g.AddNode(Node{ID: id, Kind: Entity, Label: id})
	}
	g.AddEdge(Edge{From: "P", To: "H", Interest: Owns, Direct: true})
	g.AddEdge(Edge{From: "H", To: "F", Interest: Owns, Direct: true})
	g.AddEdge(Edge{From: "P", To: "F", Interest: Owns, Direct: false})
	g.AddEdge(Edge{From: "P", To: "F", Interest: Owns, Direct: true, Share: Share{20, 20}, Source: FromBankID})
	l := Compute(g, Options{})
	if l.Width != 180+40+180 {
		t.Errorf("width %.0f, want 400: two columns (H and one bend slot)", l.Width)
	}
	var pf []Line
	for _, line := range l.Lines {
		if line.Edge.From == "P" && line.Edge.To == "F" {
			pf = append(pf, line)
		}
	}
	if len(pf) != 2 || len(pf[0].Via) != 2 || len(pf[1].Via) != 2 {
		t.Fatalf("P→F lines %+v, want two with one bend each", pf)
	}
	if d := pf[1].Via[0].X - pf[0].Via[0].X; math.Abs(math.Abs(d)-18) > 1e-9 || pf[0].Via[0].Y != pf[1].Via[0].Y {
		t.Errorf("the bends are at %v and %v, want side by side 18 apart", pf[0].Via, pf[1].Via)
	}
}
