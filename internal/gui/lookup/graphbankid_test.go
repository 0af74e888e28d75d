package lookup

import (
	"image"
	"image/draw"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ownership"
)

// bankIDGraph is fixedGraph with what BankID adds: the holding company
// again (62.5 %, beside the registers' line), a shareholder only BankID
// names, and two subsidiaries.
func bankIDGraph() *ownership.Graph {
	g := fixedGraph()
	g.AddNode(ownership.Node{ID: "bankid-owner-1", Kind: ownership.Person, Label: "Per Hansen", Detail: "1955"})
	g.AddNode(ownership.Node{ID: "312345678", Kind: ownership.Entity, Label: "SOLSTRAND EIENDOM AS", Detail: "312345678", Number: "312345678"})
	g.AddNode(ownership.Node{ID: "559000-1111", Kind: ownership.Entity, Label: "SOLSTRAND SVERIGE AB", Detail: "559000-1111 SE", Number: "559000-1111"})
	for _, e := range []ownership.Edge{
		{From: "310165352", To: "311111116", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 62.5, Max: 62.5}, Source: ownership.FromBankID},
		{From: "bankid-owner-1", To: "311111116", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 20, Max: 20}, Source: ownership.FromBankID},
		{From: "311111116", To: "312345678", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 100, Max: 100}, Source: ownership.FromBankID},
		{From: "311111116", To: "559000-1111", Interest: ownership.Owns, Direct: true, Share: ownership.Share{Min: 51, Max: 51}, Source: ownership.FromBankID},
	} {
		g.AddEdge(e)
	}
	return g
}

// TestBankIDInTheOwnershipTab: the tree, the details line and the legend
// say which holdings BankID gives, and the picture draws them.
func TestBankIDInTheOwnershipTab(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	a := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win := a.NewWindow("Motpart")
	defer win.Close()
	h := guikit.NewHost(a, win)
	h.SetDo(onUI)
	g := bankIDGraph()
	tab := newOwnershipTab(h, g, nil)
	win.SetContent(tab.content())
	win.Resize(fyne.NewSize(1100, 700))

	var lines []string
	var walk func(id string)
	walk = func(id string) {
		if id != "" {
			lines = append(lines, tab.items[id].text)
		}
		for _, c := range tab.items[id].children {
			walk(c)
		}
	}
	walk("")
	for _, want := range []string{
		"SOLSTRAND HOLDING AS (310165352): owns 55\u00a0%",
		"SOLSTRAND HOLDING AS (310165352): owns 62.5\u00a0% (from BankID)",
		"Per Hansen (1955): owns 20\u00a0% (from BankID)",
		"SOLSTRAND EIENDOM AS (312345678): owns 100\u00a0% (from BankID)",
		"SOLSTRAND SVERIGE AB (559000-1111 SE): owns 51\u00a0% (from BankID)",
		"AVD OSLO (310126144): sub-unit",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("the tree has no line %q:\n%q", want, lines)
		}
	}

	details := []struct{ id, want string }{
		{"310165352", "SOLSTRAND HOLDING AS · Org. no. 310165352 · Owns 55\u00a0% of SOLSTRAND INDUSTRIER ASA · named by the registers and by BankID"},
		{"bankid-owner-1", "Per Hansen · 1955 · Owns 20\u00a0% of SOLSTRAND INDUSTRIER ASA (from BankID)"},
		{"559000-1111", "SOLSTRAND SVERIGE AB · Org. no. 559000-1111 · Owned by SOLSTRAND INDUSTRIER ASA (51\u00a0%) (from BankID)"},
	}
	for _, tt := range details {
		n, _ := g.Node(tt.id)
		if got := nodeDetails(g, n); got != tt.want {
			t.Errorf("details of %s %q, want %q", tt.id, got, tt.want)
		}
	}

	base := "Blue: owns · orange: controls · grey: sub-unit · dotted: indirectly · dashed: cross-holding. Drag to move, scroll to zoom, click a company to open it."
	legend := base + " Dash-dot: shareholding (BankID)."
	if !labelShown(win.Content(), legend) {
		t.Errorf("no legend %q", legend)
	}
	plain := newOwnershipTab(h, fixedGraph(), nil)
	if !labelShown(plain.content(), base) {
		t.Error("without BankID's data the legend is not the registers' alone")
	}

	// Both shares on the two lines from the holding company are written,
	// neither over the other.
	var shares []*canvas.Text
	for _, o := range test.LaidOutObjects(tab.graph) {
		if txt, ok := o.(*canvas.Text); ok && (txt.Text == "55\u00a0%" || txt.Text == "62.5\u00a0% BankID") {
			shares = append(shares, txt)
		}
	}
	if len(shares) != 2 {
		t.Fatalf("the holding company's shares: %d texts, want 2", len(shares))
	}
	s1, s2 := shares[0], shares[1]
	m1, m2 := fyne.MeasureText(s1.Text, s1.TextSize, s1.TextStyle), fyne.MeasureText(s2.Text, s2.TextSize, s2.TextStyle)
	if p1, p2 := s1.Position(), s2.Position(); p1.X < p2.X+m2.Width && p2.X < p1.X+m1.Width && p1.Y < p2.Y+m2.Height && p2.Y < p1.Y+m1.Height {
		t.Errorf("the shares %q at %v and %q at %v are written over each other", s1.Text, p1, s2.Text, p2)
	}
	shot := tab.graph.capture(win.Canvas())
	own := image.NewNRGBA(image.Rect(0, 0, shot.Bounds().Dx(), shot.Bounds().Dy())) // the view's pixels alone
	draw.Draw(own, own.Bounds(), shot, shot.Bounds().Min, draw.Src)
	test.AssertImageMatches(t, "graph_bankid.png", own)
}

// labelShown reports whether o's tree holds a label saying text.
func labelShown(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

// TestDashDot draws BankID's line style: 12 on, 4 off, 2 on, 4 off.
func TestDashDot(t *testing.T) {
	test.NewTempApp(t)
	objs := dashDot(fyne.NewPos(0, 0), fyne.NewPos(0, 44), nil, 2)
	var got [][2]float32
	for _, o := range objs {
		l := o.(*canvas.Line)
		got = append(got, [2]float32{l.Position1.Y, l.Position2.Y})
	}
	want := [][2]float32{{0, 12}, {16, 18}, {22, 34}, {38, 40}}
	if !slices.Equal(got, want) {
		t.Errorf("dash-dot pieces %v, want %v", got, want)
	}
}
