package lookup

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/ownership"
)

// graphView draws an ownership graph from its layout: companies as boxes,
// persons as rounded boxes, exempt owners grey; owning edges in the
// primary colour, controlling ones in the warning colour, indirect ones
// dotted, cross-holdings dashed, the share written on each edge. It pans
// by dragging, zooms with the wheel or the buttons, and a tap on a company
// opens its dossier.
type graphView struct {
	widget.BaseWidget
	graph  *ownership.Graph
	layout ownership.Layout
	zoom   float32
	offset fyne.Position
	open   func(number string)
	// fitted is false until the picture was fitted to the view's real size.
	fitted bool
}

func newGraphView(open func(string)) *graphView {
	g := &graphView{zoom: 1, open: open}
	g.ExtendBaseWidget(g)
	return g
}

// setGraph shows g, fitted to the view.
func (g *graphView) setGraph(gr *ownership.Graph) {
	g.graph = gr
	if gr != nil {
		g.layout = ownership.Compute(gr, ownership.Options{})
	} else {
		g.layout = ownership.Layout{}
	}
	g.fitted = false
	g.fit()
}

// fit scales and moves the picture so all of it shows.
func (g *graphView) fit() {
	size := g.Size()
	if size.Width < 50 || size.Height < 50 {
		size = fyne.NewSize(700, 420)
	}
	w, h := float32(g.layout.Width)+40, float32(g.layout.Height)+40
	g.zoom = float32(math.Min(1.5, math.Min(float64(size.Width/w), float64(size.Height/h))))
	if g.zoom <= 0 {
		g.zoom = 1
	}
	g.offset = fyne.NewPos((size.Width-float32(g.layout.Width)*g.zoom)/2, (size.Height-float32(g.layout.Height)*g.zoom)/2)
	g.Refresh()
}

// zoomBy changes the scale around the view's centre.
func (g *graphView) zoomBy(f float32) {
	c := fyne.NewPos(g.Size().Width/2, g.Size().Height/2)
	nz := float32(math.Max(0.2, math.Min(4, float64(g.zoom*f))))
	g.offset = fyne.NewPos(c.X-(c.X-g.offset.X)*nz/g.zoom, c.Y-(c.Y-g.offset.Y)*nz/g.zoom)
	g.zoom = nz
	g.Refresh()
}

// Dragged pans the picture.
func (g *graphView) Dragged(e *fyne.DragEvent) {
	g.offset = g.offset.Add(e.Dragged)
	g.Refresh()
}

// DragEnd ends a pan.
func (g *graphView) DragEnd() {}

// Scrolled zooms with the mouse wheel.
func (g *graphView) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DY > 0 {
		g.zoomBy(1.15)
	} else if e.Scrolled.DY < 0 {
		g.zoomBy(1 / 1.15)
	}
}

// Tapped opens the dossier of the company tapped.
func (g *graphView) Tapped(e *fyne.PointEvent) {
	if n, ok := g.nodeAt(e.Position); ok && n.Number != "" && g.open != nil {
		g.open(n.Number)
	}
}

// nodeAt returns the node drawn at p.
func (g *graphView) nodeAt(p fyne.Position) (ownership.Node, bool) {
	if g.graph == nil {
		return ownership.Node{}, false
	}
	for _, b := range g.layout.Boxes {
		x, y := g.offset.X+float32(b.X)*g.zoom, g.offset.Y+float32(b.Y)*g.zoom
		if p.X >= x && p.X <= x+float32(b.Width)*g.zoom && p.Y >= y && p.Y <= y+float32(b.Height)*g.zoom {
			return g.graph.Node(b.ID)
		}
	}
	return ownership.Node{}, false
}

// Cursor shows a hand over the graph.
func (g *graphView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MinSize leaves room for a small graph.
func (g *graphView) MinSize() fyne.Size { return fyne.NewSize(400, 320) }

// CreateRenderer draws the graph.
func (g *graphView) CreateRenderer() fyne.WidgetRenderer {
	r := &graphRenderer{g: g, bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	r.build()
	return r
}

type graphRenderer struct {
	g       *graphView
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *graphRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if !r.g.fitted && size.Width >= 50 && size.Height >= 50 {
		r.g.fitted = true
		r.g.fit() // now that the view has its real size
	}
	r.build()
}

func (r *graphRenderer) MinSize() fyne.Size { return r.g.MinSize() }

func (r *graphRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.build()
	canvas.Refresh(r.g)
}

func (r *graphRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *graphRenderer) Destroy() {}

// build makes the canvas objects for the current zoom and offset.
func (r *graphRenderer) build() {
	g := r.g
	objs := []fyne.CanvasObject{r.bg}
	if g.graph == nil {
		r.objects = objs
		return
	}
	at := func(p ownership.Point) fyne.Position {
		return fyne.NewPos(g.offset.X+float32(p.X)*g.zoom, g.offset.Y+float32(p.Y)*g.zoom)
	}
	for _, line := range g.layout.Lines {
		c := theme.Color(theme.ColorNamePrimary)
		switch line.Edge.Interest {
		case ownership.Controls:
			c = theme.Color(theme.ColorNameWarning)
		case ownership.Establishment:
			c = theme.Color(theme.ColorNameDisabled)
		}
		pattern := float32(0) // solid
		switch {
		case line.Back:
			pattern = 10 // dashed
		case !line.Edge.Direct:
			pattern = 3 // dotted
		}
		pts := line.Points()
		for i := 0; i+1 < len(pts); i++ {
			objs = append(objs, segments(at(pts[i]), at(pts[i+1]), c, pattern, 2)...)
		}
		if share := line.Edge.Share.String(); share != "" {
			// On the last segment, near the company owned, where it is
			// clear which edge the share belongs to.
			a, b := at(pts[len(pts)-2]), at(pts[len(pts)-1])
			mid := fyne.NewPos((a.X+b.X)/2, (a.Y+b.Y)/2)
			t := canvas.NewText(share, c)
			t.TextSize = theme.CaptionTextSize() * g.zoom
			t.TextStyle.Bold = true
			t.Move(mid.Add(fyne.NewPos(4, -t.TextSize)))
			objs = append(objs, t)
		}
	}
	for _, b := range g.layout.Boxes {
		n, _ := g.graph.Node(b.ID)
		pos := at(ownership.Point{X: b.X, Y: b.Y})
		size := fyne.NewSize(float32(b.Width)*g.zoom, float32(b.Height)*g.zoom)
		box := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
		box.StrokeWidth = 2
		box.StrokeColor = theme.Color(theme.ColorNameForeground)
		box.CornerRadius = 4 * g.zoom
		label, detail := n.Label, n.Detail
		switch n.Kind {
		case ownership.Person:
			box.CornerRadius = size.Height / 2
			box.StrokeColor = theme.Color(theme.ColorNameSuccess)
		case ownership.Exempt:
			box.CornerRadius = size.Height / 2
			box.StrokeColor = theme.Color(theme.ColorNameDisabled)
			box.FillColor = theme.Color(theme.ColorNameDisabledButton)
			label = lang.L("Exempt from disclosure")
		case ownership.Unknown:
			box.StrokeColor = theme.Color(theme.ColorNameDisabled)
			label = lang.L("Unknown owner")
		}
		if b.ID == g.graph.Focus {
			box.StrokeColor = theme.Color(theme.ColorNamePrimary)
			box.StrokeWidth = 3
		}
		box.Move(pos)
		box.Resize(size)
		objs = append(objs, box)
		title := canvas.NewText(ellipsis(label, 24), theme.Color(theme.ColorNameForeground))
		title.TextStyle.Bold = true
		title.TextSize = theme.TextSize() * g.zoom
		title.Alignment = fyne.TextAlignCenter
		title.Move(pos.Add(fyne.NewPos(0, size.Height*0.18)))
		title.Resize(fyne.NewSize(size.Width, title.TextSize))
		sub := canvas.NewText(detail, theme.Color(theme.ColorNamePlaceHolder))
		sub.TextSize = theme.CaptionTextSize() * g.zoom
		sub.Alignment = fyne.TextAlignCenter
		sub.Move(pos.Add(fyne.NewPos(0, size.Height*0.58)))
		sub.Resize(fyne.NewSize(size.Width, sub.TextSize))
		objs = append(objs, title, sub)
	}
	r.objects = objs
}

// ellipsis shortens s to n runes.
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// segments draws a line from a to b: solid when pattern is 0, otherwise
// in dashes pattern long with equal gaps.
func segments(a, b fyne.Position, c color.Color, pattern, width float32) []fyne.CanvasObject {
	if pattern <= 0 {
		l := canvas.NewLine(c)
		l.StrokeWidth = width
		l.Position1, l.Position2 = a, b
		return []fyne.CanvasObject{l}
	}
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length == 0 {
		return nil
	}
	var out []fyne.CanvasObject
	for s := float32(0); s < length; s += 2 * pattern {
		e := min(s+pattern, length)
		l := canvas.NewLine(c)
		l.StrokeWidth = width
		l.Position1 = fyne.NewPos(a.X+dx*s/length, a.Y+dy*s/length)
		l.Position2 = fyne.NewPos(a.X+dx*e/length, a.Y+dy*e/length)
		out = append(out, l)
	}
	return out
}

// capture returns the picture of the graph as the window shows it.
func (g *graphView) capture(c fyne.Canvas) image.Image {
	img := c.Capture()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(g)
	scale := float32(img.Bounds().Dx()) / c.Size().Width
	rect := image.Rect(int(pos.X*scale), int(pos.Y*scale), int((pos.X+g.Size().Width)*scale), int((pos.Y+g.Size().Height)*scale))
	if sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return sub.SubImage(rect.Intersect(img.Bounds()))
	}
	return img
}
