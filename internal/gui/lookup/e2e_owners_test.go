package lookup

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/ownership"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestBeneficialOwnersAndReveal(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	o := s.current.Owners
	if o == nil || len(o.Owners) == 0 {
		t.Fatalf("no beneficial owners in %+v", s.current.Sources)
	}
	v := s.dossier
	if len(v.tabs.Items) != 4 || v.tabs.Items[1].Text != "Beneficial owners" || v.tabs.Items[2].Text != "Ownership" || v.tabs.Items[3].Text != "Documents" {
		t.Fatalf("dossier tabs %v", v.tabs.Items)
	}
	labels := labelsIn(v.tabs.Items[1].Content)
	if !contains(labels, "Beneficial owners registered; all are identified.") {
		t.Errorf("no status line in %q", labels)
	}
	if !strings.HasPrefix(labels[1], "From the register, online at ") {
		t.Errorf("source line %q", labels[1])
	}
	// The window holds the numbers masked, as the desk gives them; the
	// whole numbers are had only from RevealOwnerID (the first is asked for
	// here, before the Show button is tapped, so the tap's audit entry is
	// still the last one).
	full := map[int]string{}
	for i, owner := range o.Owners {
		if owner.NationalID == "" {
			continue
		}
		id, err := a.desk.RevealOwnerID(world.RichestOrgNr, i)
		if err != nil {
			t.Fatal(err)
		}
		if id == owner.NationalID || strings.Contains(id, "*") {
			t.Fatalf("owner %d: the desk gave %q, revealed %q", i, owner.NationalID, id)
		}
		full[i] = id
	}
	if held, _ := json.Marshal(s.current); len(full) == 0 || func() bool {
		for _, id := range full {
			if strings.Contains(string(held), id) {
				return true
			}
		}
		return false
	}() {
		t.Fatalf("the window's dossier holds a whole identity number, or there is none to check: %v", full)
	}
	// Every identity number is masked until asked for.
	for _, l := range labels {
		for _, id := range full {
			if strings.Contains(l, id) {
				t.Fatalf("identity number shown unasked: %q", l)
			}
		}
	}
	if len(v.reveals) == 0 {
		t.Fatal("no Show button for an identity number")
	}
	test.Tap(v.reveals[0])
	revealed := false
	for _, l := range labelsIn(v.tabs.Items[1].Content) {
		for _, id := range full {
			if l == id {
				revealed = true
			}
		}
	}
	if !revealed {
		t.Error("the number is not shown after Show")
	}
	entries, _, err := a.desk.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	if last := entries[len(entries)-1]; last.Action != "reveal" || last.Subject != world.RichestOrgNr {
		t.Errorf("last audit entry %+v, want the reveal", last)
	}
}

func TestOwnershipGraphOpensACompany(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	tab := s.dossier.ownership
	g := tab.graph
	if g.graph == nil || len(g.layout.Boxes) < 3 {
		t.Fatalf("graph %+v", g.graph)
	}
	focus, _ := g.layout.Box(world.RichestOrgNr)
	if focus.Layer != 0 {
		t.Errorf("focus in layer %d", focus.Layer)
	}
	// Owners are above the company, sub-units below.
	for _, b := range g.layout.Boxes {
		n, _ := g.graph.Node(b.ID)
		switch {
		case n.Kind == ownership.Person && b.Layer >= 0:
			t.Errorf("person %s not above the company", n.Label)
		case strings.HasPrefix(n.Name(), "SOLSTRAND INDUSTRIER ASA AVD") && b.Layer <= 0:
			t.Errorf("sub-unit %s not below", n.Label)
		}
	}
	if root := tab.items["focus"]; !strings.HasPrefix(root.text, "SOLSTRAND INDUSTRIER ASA") || len(tab.items["up"].children) == 0 {
		t.Errorf("tree root %+v, owners %+v", root, tab.items["up"])
	}
	// A tap on an intermediate company opens its dossier.
	var target ownership.Box
	for _, b := range g.layout.Boxes {
		if n, _ := g.graph.Node(b.ID); n.Kind == ownership.Entity && n.Number != "" && n.Number != world.RichestOrgNr && b.Layer < 0 {
			target = b
			break
		}
	}
	if target.ID == "" {
		t.Fatal("no owning company in the graph")
	}
	g.Resize(fyne.NewSize(800, 500))
	g.fit()
	at := fyne.NewPos(g.offset.X+float32(target.X+target.Width/2)*g.zoom, g.offset.Y+float32(target.Y+target.Height/2)*g.zoom)
	onUI(func() { g.Tapped(&fyne.PointEvent{Position: at}) })
	a.waitIdle()
	if s.current == nil || s.current.Number != target.ID {
		t.Fatalf("after the tap the dossier is %+v, want %s", s.current, target.ID)
	}
	// And back to where the user came from.
	test.Tap(s.back)
	if s.current.Number != world.RichestOrgNr || s.Search.Text != world.RichestOrgNr {
		t.Errorf("back shows %s", s.current.Number)
	}
}
