package lookup

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestOwnershipTabFollowsTheWindow resizes the window around the
// Ownership tab: the graph grows and shrinks with it, and moving the
// divider gives the graph's width to the tree and back.
func TestOwnershipTabFollowsTheWindow(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	onUI(func() { s.dossier.tabs.SelectIndex(2) })
	tab := s.dossier.ownership
	win := a.host.Win
	sizes := []struct {
		win       fyne.Size
		minW      float32 // the graph is at least this wide
		minH      float32 // and this high
		maxW      float32 // and fits in the window
		maxH      float32
		treeWider float32 // the tree is at least this wide
	}{
		{fyne.NewSize(800, 600), 300, 200, 800, 600, 100},
		{fyne.NewSize(1920, 1080), 1000, 600, 1920, 1080, 300},
		{fyne.NewSize(1280, 800), 600, 380, 1280, 800, 200},
	}
	var last fyne.Size
	for _, sz := range sizes {
		onUI(func() { win.Resize(sz.win) })
		g := tab.graph.Size()
		tree := tab.tree.Size()
		if g.Width < sz.minW || g.Height < sz.minH || g.Width > sz.maxW || g.Height > sz.maxH {
			t.Errorf("window %v: graph %v, want from %vx%v up to %vx%v", sz.win, g, sz.minW, sz.minH, sz.maxW, sz.maxH)
		}
		if tree.Width < sz.treeWider || tree.Height != g.Height {
			t.Errorf("window %v: tree %v beside graph %v", sz.win, tree, g)
		}
		if g == last {
			t.Errorf("window %v: the graph kept its size %v", sz.win, g)
		}
		last = g
		// The picture is fitted to the new size: centred, all of it inside
		// the view.
		gv := tab.graph
		if left, right := gv.offset.X, g.Width-gv.offset.X-float32(gv.layout.Width)*gv.zoom; left-right > 2 || right-left > 2 {
			t.Errorf("window %v: margins %v and %v: the picture is not centred", sz.win, left, right)
		}
		for _, b := range tab.graph.layout.Boxes {
			x := tab.graph.offset.X + float32(b.X)*tab.graph.zoom
			y := tab.graph.offset.Y + float32(b.Y)*tab.graph.zoom
			if x < 0 || y < 0 || x+float32(b.Width)*tab.graph.zoom > g.Width+1 || y+float32(b.Height)*tab.graph.zoom > g.Height+1 {
				t.Errorf("window %v: box %s at %v,%v outside the view %v", sz.win, b.ID, x, y, g)
			}
		}
	}

	// Dragging the divider to the left gives the tree more room.
	before, treeBefore := tab.graph.Size().Width, tab.tree.Size().Width
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(tab.tree)
	onUI(func() { test.Drag(win.Canvas(), at.Add(fyne.NewPos(-2, 20)), -200, 0) })
	if g, tr := tab.graph.Size().Width, tab.tree.Size().Width; g > before-150 || tr < treeBefore+150 {
		t.Errorf("after dragging the divider 200 to the left: graph %v (was %v), tree %v (was %v)", g, before, tr, treeBefore)
	}
}

// TestOwnershipDetailsLine points at boxes: the line under the graph says
// the full name, number and role, and a shortened name shows in full.
func TestOwnershipDetailsLine(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	onUI(func() { s.dossier.tabs.SelectIndex(2) })
	tab := s.dossier.ownership
	g := tab.graph
	if got := tab.details.Text; got != "SOLSTRAND INDUSTRIER ASA · Org. no. 311111116 · The company looked up" {
		t.Errorf("details before pointing: %q", got)
	}
	sub, ok := g.graph.Node(world.SubUnitOrgNr)
	if !ok || sub.Label == sub.Name() || strings.HasPrefix(sub.Label, "SOLSTRAND") {
		t.Fatalf("sub-unit node %+v: want a label that tells it apart", sub)
	}
	tests := []struct {
		id   string
		want string
	}{
		{world.SubUnitOrgNr, "SOLSTRAND INDUSTRIER ASA AVD OSLO · Org. no. " + world.SubUnitOrgNr + " · Sub-unit of SOLSTRAND INDUSTRIER ASA"},
		{world.RichestOrgNr, "SOLSTRAND INDUSTRIER ASA · Org. no. 311111116 · The company looked up"},
	}
	for _, tt := range tests {
		b, ok := g.layout.Box(tt.id)
		if !ok {
			t.Fatalf("no box %s", tt.id)
		}
		at := fyne.NewPos(g.offset.X+float32(b.X+b.Width/2)*g.zoom, g.offset.Y+float32(b.Y+b.Height/2)*g.zoom)
		onUI(func() { g.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}}) })
		if got := tab.details.Text; !strings.HasPrefix(got, tt.want) {
			t.Errorf("pointing at %s: details %q, want %q…", tt.id, got, tt.want)
		}
	}
	// Over a sub-unit labelled by what tells it apart, its full name shows
	// by the box like a tooltip.
	b, _ := g.layout.Box(world.SubUnitOrgNr)
	at := fyne.NewPos(g.offset.X+float32(b.X+b.Width/2)*g.zoom, g.offset.Y+float32(b.Y+b.Height/2)*g.zoom)
	onUI(func() { g.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}}) })
	if tip := test.WidgetRenderer(g).(*graphRenderer).tip(); len(tip) != 2 {
		t.Errorf("no tip over the sub-unit: %v", tip)
	}
	onUI(g.MouseOut)
	if got := tab.details.Text; !strings.Contains(got, "The company looked up") {
		t.Errorf("details after the pointer left: %q", got)
	}
	// A line chosen in the tree is what the details line shows while the
	// pointer is elsewhere; a heading brings back the company.
	var line string
	for id, it := range tab.items {
		if it.node == world.SubUnitOrgNr {
			line = id
		}
	}
	onUI(func() { tab.tree.Select(line) })
	if got := tab.details.Text; !strings.HasPrefix(got, "SOLSTRAND INDUSTRIER ASA AVD OSLO · ") {
		t.Errorf("details after choosing %q in the tree: %q", line, got)
	}
	onUI(func() { tab.tree.Select("down") })
	if got := tab.details.Text; !strings.Contains(got, "The company looked up") {
		t.Errorf("details after choosing a heading: %q", got)
	}
	for _, btn := range []string{tab.zoomIn.Text, tab.zoomOut.Text, tab.fit.Text} {
		if btn == "" {
			t.Errorf("a zoom button without a label")
		}
	}
}

// TestOwnershipPictureWatermark saves the graph as PNG in each
// environment: in the sandbox and on the test registers the picture
// carries the watermark, in production and when unknown it is the
// window's picture as it is.
func TestOwnershipPictureWatermark(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	onUI(func() { s.dossier.tabs.SelectIndex(2) })
	tab := s.dossier.ownership
	raw := toRGBA(tab.graph.capture(a.host.Win.Canvas()))
	tests := []struct {
		env    string
		marked bool
	}{
		{"sandbox", true},
		{"test", true},
		{"production", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			a.host.SetEnvironment(func() string { return tt.env })
			img, err := tab.picture()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			decoded, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			got := toRGBA(decoded)
			if got.Bounds().Size() != raw.Bounds().Size() {
				t.Fatalf("picture %v, window %v", got.Bounds(), raw.Bounds())
			}
			diff := 0
			for y := 0; y < raw.Bounds().Dy(); y++ {
				for x := 0; x < raw.Bounds().Dx(); x++ {
					if got.RGBAAt(x, y) != raw.RGBAAt(x, y) {
						diff++
					}
				}
			}
			total := raw.Bounds().Dx() * raw.Bounds().Dy()
			amber := got.RGBAAt(1, got.Bounds().Dy()-2) == color.RGBA{R: 0xff, G: 0xb3, A: 0xff}
			switch {
			case tt.marked && (diff < total/100 || !amber):
				t.Errorf("%d of %d pixels differ, corner strip %v: want the watermark", diff, total, amber)
			case !tt.marked && diff != 0:
				t.Errorf("%d pixels differ from the window's picture: want no watermark", diff)
			}
		})
	}
}

// toRGBA copies img into an RGBA picture whose bounds start at 0, 0.
func toRGBA(img image.Image) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}
