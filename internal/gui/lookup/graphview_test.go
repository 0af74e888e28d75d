package lookup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ownership"
)

// fixedGraph is a small graph with every kind of node and edge.
func fixedGraph() *ownership.Graph {
	g := &ownership.Graph{Focus: "311111116"}
	for _, n := range []ownership.Node{
		{ID: "311111116", Kind: ownership.Entity, Label: "SOLSTRAND INDUSTRIER ASA", Detail: "311111116", Number: "311111116"},
		{ID: "310165352", Kind: ownership.Entity, Label: "SOLSTRAND HOLDING AS", Detail: "310165352", Number: "310165352"},
		{ID: "p1", Kind: ownership.Person, Label: "Ingrid Solstrand", Detail: "1968"},
		{ID: "p2", Kind: ownership.Exempt, Detail: "2011"},
		{ID: "312222221", Kind: ownership.Entity, Label: "BREVIK INVEST AS", Detail: "312222221", Number: "312222221"},
		{ID: "310126144", Kind: ownership.Entity, Label: "AVD OSLO", Detail: "310126144", Number: "310126144"},
	} {
		g.AddNode(n)
	}
	for _, e := range []ownership.Edge{
		{From: "p1", To: "310165352", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 100, Max: 100}},
		{From: "310165352", To: "311111116", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 55, Max: 55}},
		{From: "p1", To: "311111116", Interest: ownership.Owns, Direct: false, Share: ownership.Share{Min: 50, Max: 74.99}},
		{From: "p2", To: "311111116", Interest: ownership.Controls, Direct: true},
		{From: "312222221", To: "311111116", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 10, Max: 10}},
		{From: "311111116", To: "312222221", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 5, Max: 5}},
		{From: "311111116", To: "310126144", Interest: ownership.Establishment, Direct: true},
	} {
		g.AddEdge(e)
	}
	return g
}

func TestGraphViewGolden(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	var opened string
	g := newGraphView(func(n string) { opened = n })
	w := test.NewWindow(g)
	defer w.Close()
	w.Resize(fyne.NewSize(720, 460))
	g.setGraph(fixedGraph())
	test.AssertRendersToImage(t, "graph_fixed.png", w.Canvas())

	// Zoom and pan change the picture; fit brings it back.
	g.zoomBy(1.25)
	g.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(30, -20)})
	g.fit()
	test.AssertRendersToImage(t, "graph_fixed.png", w.Canvas())

	// Save as PNG takes the picture as shown.
	img := g.capture(w.Canvas())
	if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 400 {
		t.Errorf("captured %v, want the whole view", b)
	}

	// A tap on the holding company opens it; a tap on a person does nothing.
	box, _ := g.layout.Box("310165352")
	g.Tapped(&fyne.PointEvent{Position: fyne.NewPos(g.offset.X+float32(box.X+box.Width/2)*g.zoom, g.offset.Y+float32(box.Y+box.Height/2)*g.zoom)})
	if opened != "310165352" {
		t.Errorf("tap opened %q", opened)
	}
	opened = ""
	box, _ = g.layout.Box("p1")
	g.Tapped(&fyne.PointEvent{Position: fyne.NewPos(g.offset.X+float32(box.X+box.Width/2)*g.zoom, g.offset.Y+float32(box.Y+box.Height/2)*g.zoom)})
	if opened != "" {
		t.Errorf("a tap on a person opened %q", opened)
	}
}
