package lookup

import (
	"image"
	"image/color"
	"math"
	"strings"

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
// dotted, cross-holdings dashed, BankID's shareholdings dash-dotted, the
// share written on each edge (stacked where two sources join the same
// boxes). It pans
// by dragging, zooms with the wheel or the buttons, and a tap on a company
// opens its dossier.
type graphView struct {
	widget.BaseWidget
	graph  *ownership.Graph
	layout ownership.Layout
	zoom   float32
	offset fyne.Position
	open   func(number string)
	// fitted is the size the picture was last fitted to; moved is true
	// once the user zoomed or panned, so a resize keeps their view.
	fitted fyne.Size
	moved  bool
	// titles are each box's name as drawn: in up to two lines, shortened
	// to fit the box; short marks the ones shortened.
	titles map[string][]string
	short  map[string]bool
	// hovered is the node under the pointer, "" for none; onHover is told
	// when it changes.
	hovered string
	onHover func(n ownership.Node, ok bool)
}

// graphOptions size the boxes: room for a name in two lines over its
// number.
var graphOptions = ownership.Options{NodeWidth: 200, NodeHeight: 64}

func newGraphView(open func(string)) *graphView {
	g := &graphView{zoom: 1, open: open}
	g.ExtendBaseWidget(g)
	return g
}

// setGraph shows g, fitted to the view.
func (g *graphView) setGraph(gr *ownership.Graph) {
	g.graph = gr
	g.titles, g.short = map[string][]string{}, map[string]bool{}
	if gr != nil {
		g.layout = ownership.Compute(gr, graphOptions)
		for _, b := range g.layout.Boxes {
			n, _ := gr.Node(b.ID)
			g.titles[b.ID], g.short[b.ID] = fitLines(nodeLabel(n), float32(b.Width)-2*theme.Padding(), theme.TextSize(), 2)
		}
	} else {
		g.layout = ownership.Layout{}
	}
	g.hovered = ""
	g.fitted = fyne.Size{}
	g.fit()
}

// nodeLabel is what a node's box says.
func nodeLabel(n ownership.Node) string {
	switch n.Kind {
	case ownership.Exempt:
		return lang.L("Exempt from disclosure")
	case ownership.Unknown:
		return lang.L("Unknown owner")
	}
	return n.Label
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
	g.moved = false
	g.Refresh()
}

// zoomBy changes the scale around the view's centre.
func (g *graphView) zoomBy(f float32) {
	c := fyne.NewPos(g.Size().Width/2, g.Size().Height/2)
	nz := float32(math.Max(0.2, math.Min(4, float64(g.zoom*f))))
	g.offset = fyne.NewPos(c.X-(c.X-g.offset.X)*nz/g.zoom, c.Y-(c.Y-g.offset.Y)*nz/g.zoom)
	g.zoom = nz
	g.moved = true
	g.Refresh()
}

// Dragged pans the picture.
func (g *graphView) Dragged(e *fyne.DragEvent) {
	g.offset = g.offset.Add(e.Dragged)
	g.moved = true
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

// MouseIn shows what is under the pointer.
func (g *graphView) MouseIn(e *desktop.MouseEvent) { g.MouseMoved(e) }

// MouseMoved shows the full name and details of the box under the pointer.
func (g *graphView) MouseMoved(e *desktop.MouseEvent) {
	n, ok := g.nodeAt(e.Position)
	g.hover(n, ok)
}

// MouseOut forgets the box under the pointer.
func (g *graphView) MouseOut() { g.hover(ownership.Node{}, false) }

// hover notes n as the node under the pointer.
func (g *graphView) hover(n ownership.Node, ok bool) {
	id := ""
	if ok {
		id = n.ID
	}
	if id == g.hovered {
		return
	}
	g.hovered = id
	g.Refresh()
	if g.onHover != nil {
		g.onHover(n, ok)
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

// MinSize leaves room for a small graph; the view grows with the window.
func (g *graphView) MinSize() fyne.Size { return fyne.NewSize(240, 200) }

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
	if size != r.g.fitted && !r.g.moved && size.Width >= 50 && size.Height >= 50 {
		r.g.fitted = size
		r.g.fit() // to the view's real size, and again when it changes
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
	// Lines between the same two boxes come from different sources; their
	// shares are written one under the other, BankID's marked as such.
	parallel := map[[2]string]int{}
	for _, line := range g.layout.Lines {
		parallel[[2]string{line.Edge.From, line.Edge.To}]++
	}
	type box struct{ pos, end fyne.Position }
	written := map[[2]string][]box{} // where the shares between two boxes went
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
			if line.Edge.Source == ownership.FromBankID {
				objs = append(objs, dashDot(at(pts[i]), at(pts[i+1]), c, 2)...)
				continue
			}
			objs = append(objs, segments(at(pts[i]), at(pts[i+1]), c, pattern, 2)...)
		}
		if share := shareText(line.Edge.Share); share != "" {
			// On the last segment, near the company owned, where it is
			// clear which edge the share belongs to; on a line bent away
			// from another between the same boxes, at its bend, BankID's
			// marked, and under the other's share should they meet.
			pair := [2]string{line.Edge.From, line.Edge.To}
			if parallel[pair] > 1 && line.Edge.Source == ownership.FromBankID {
				share += " BankID"
			}
			a, b := at(pts[len(pts)-2]), at(pts[len(pts)-1])
			anchor := fyne.NewPos((a.X+b.X)/2, (a.Y+b.Y)/2)
			if len(line.Via) == 1 {
				anchor = at(line.Via[0])
			}
			t := canvas.NewText(share, c)
			t.TextSize = theme.CaptionTextSize() * g.zoom
			t.TextStyle.Bold = true
			size := fyne.MeasureText(share, t.TextSize, t.TextStyle)
			place := box{pos: anchor.AddXY(4, -t.TextSize)}
			for _, o := range written[pair] {
				place.end = place.pos.Add(size)
				if place.pos.X < o.end.X && o.pos.X < place.end.X && place.pos.Y < o.end.Y && o.pos.Y < place.end.Y {
					place.pos.Y = o.end.Y + t.TextSize*0.2
				}
			}
			place.end = place.pos.Add(size)
			written[pair] = append(written[pair], place)
			t.Move(place.pos)
			// On the view's colour, so the line under it does not cross
			// the figures.
			bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
			bg.Move(t.Position().SubtractXY(2, 0))
			bg.Resize(fyne.MeasureText(share, t.TextSize, t.TextStyle).AddWidthHeight(4, 0))
			objs = append(objs, bg, t)
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
		switch n.Kind {
		case ownership.Person:
			box.CornerRadius = size.Height / 2
			box.StrokeColor = theme.Color(theme.ColorNameSuccess)
		case ownership.Exempt:
			box.CornerRadius = size.Height / 2
			box.StrokeColor = theme.Color(theme.ColorNameDisabled)
			box.FillColor = theme.Color(theme.ColorNameDisabledButton)
		case ownership.Unknown:
			box.StrokeColor = theme.Color(theme.ColorNameDisabled)
		}
		if b.ID == g.graph.Focus {
			box.StrokeColor = theme.Color(theme.ColorNamePrimary)
			box.StrokeWidth = 3
		}
		if b.ID == g.hovered {
			box.FillColor = theme.Color(theme.ColorNameHover)
		}
		box.Move(pos)
		box.Resize(size)
		objs = append(objs, box)
		lines := g.titles[b.ID]
		lineHeight := theme.TextSize() * 1.2 * g.zoom
		textHeight := float32(len(lines))*lineHeight + theme.CaptionTextSize()*1.2*g.zoom
		y := (size.Height - textHeight) / 2
		for _, line := range lines {
			title := canvas.NewText(line, theme.Color(theme.ColorNameForeground))
			title.TextStyle.Bold = true
			title.TextSize = theme.TextSize() * g.zoom
			title.Alignment = fyne.TextAlignCenter
			title.Move(pos.Add(fyne.NewPos(0, y)))
			title.Resize(fyne.NewSize(size.Width, lineHeight))
			objs = append(objs, title)
			y += lineHeight
		}
		sub := canvas.NewText(n.Detail, theme.Color(theme.ColorNamePlaceHolder))
		sub.TextSize = theme.CaptionTextSize() * g.zoom
		sub.Alignment = fyne.TextAlignCenter
		sub.Move(pos.Add(fyne.NewPos(0, y)))
		sub.Resize(fyne.NewSize(size.Width, sub.TextSize*1.2))
		objs = append(objs, sub)
	}
	objs = append(objs, r.tip()...)
	r.objects = objs
}

// tip is the hovered box's full name under it, when the box shows less
// of it (shortened, or a sub-unit labelled by its place), like a tooltip.
func (r *graphRenderer) tip() []fyne.CanvasObject {
	g := r.g
	b, ok := g.layout.Box(g.hovered)
	if !ok {
		return nil
	}
	n, _ := g.graph.Node(b.ID)
	name := n.Name()
	if !g.short[b.ID] && n.FullName == "" || name == "" {
		return nil
	}
	text := canvas.NewText(name, theme.Color(theme.ColorNameForeground))
	text.TextSize = theme.TextSize()
	pad := theme.InnerPadding() / 2
	size := fyne.MeasureText(name, text.TextSize, text.TextStyle).AddWidthHeight(2*pad, 2*pad)
	x := g.offset.X + float32(b.X+b.Width/2)*g.zoom - size.Width/2
	y := g.offset.Y + float32(b.Y+b.Height)*g.zoom + pad
	x = max(0, min(x, g.Size().Width-size.Width))
	if y+size.Height > g.Size().Height {
		y = g.offset.Y + float32(b.Y)*g.zoom - size.Height - pad
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	bg.Move(fyne.NewPos(x, y))
	bg.Resize(size)
	text.Move(fyne.NewPos(x+pad, y+pad))
	return []fyne.CanvasObject{bg, text}
}

// fitLines breaks s into at most maxLines lines of bold text that fit
// width at size, by words; what does not fit is shortened with "…".
// shortened reports whether anything was left out.
func fitLines(s string, width, size float32, maxLines int) (lines []string, shortened bool) {
	style := fyne.TextStyle{Bold: true}
	fits := func(t string) bool { return fyne.MeasureText(t, size, style).Width <= width }
	words := strings.Fields(s)
	for len(words) > 0 && len(lines) < maxLines {
		line := words[0]
		words = words[1:]
		for len(words) > 0 && fits(line+" "+words[0]) {
			line += " " + words[0]
			words = words[1:]
		}
		if len(lines) == maxLines-1 && len(words) > 0 {
			line += " " + strings.Join(words, " ")
			words = nil
		}
		if !fits(line) {
			shortened = true
			if cut := strings.Fields(line); len(cut) > 1 {
				for len(cut) > 1 && !fits(strings.Join(cut, " ")+"…") {
					cut = cut[:len(cut)-1]
				}
				if t := strings.Join(cut, " ") + "…"; fits(t) {
					lines = append(lines, t)
					continue
				}
			}
			r := []rune(line)
			for len(r) > 1 && !fits(string(r)+"…") {
				r = r[:len(r)-1]
			}
			line = strings.TrimRight(string(r), " ") + "…"
		}
		lines = append(lines, line)
	}
	return lines, shortened || len(words) > 0
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

// dashDot draws a line from a to b as dashes and dots (12 on, 4 off, 2
// on, 4 off): the line style of BankID's shareholdings.
func dashDot(a, b fyne.Position, c color.Color, width float32) []fyne.CanvasObject {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	var out []fyne.CanvasObject
	piece := func(s, e float32) {
		e = min(e, length)
		if e <= s {
			return
		}
		l := canvas.NewLine(c)
		l.StrokeWidth = width
		l.Position1 = fyne.NewPos(a.X+dx*s/length, a.Y+dy*s/length)
		l.Position2 = fyne.NewPos(a.X+dx*e/length, a.Y+dy*e/length)
		out = append(out, l)
	}
	for s := float32(0); s < length; s += 22 {
		piece(s, s+12)
		piece(s+16, s+18)
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
