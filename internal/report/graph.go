package report

import (
	"math"
	"sort"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/motpart/motpart/internal/ownership"
)

// The ownership graph drawn as the window draws it (see
// internal/gui/lookup/graphview.go): the same layout from
// ownership.Compute with the same box size, companies as boxes, persons as
// rounded boxes with a green edge, exempt owners grey; owning edges blue,
// controlling ones orange, sub-units grey, indirect ones dotted,
// cross-holdings dashed, the share written on the last segment of each
// edge. The window's colours are the light theme's; only its grey of
// sub-unit edges and unknown owners (#e3e3e3) is darkened to #9e9e9e,
// which prints.

// graphOptions are the window's box sizes.
var graphOptions = ownership.Options{NodeWidth: 200, NodeHeight: 64}

// The graph's scale from layout units to millimetres: at most maxScale
// (names at about 10 pt), and never below minScale (names at about 6 pt):
// a graph too big for one page at minScale is split across pages.
const (
	maxScale = 0.25
	minScale = 0.16
	// ownershipGap is the layout's default gap between columns.
	ownershipGap = 40
)

type rgb [3]int

var (
	colourPrimary    = rgb{0x29, 0x6f, 0xf6}
	colourWarning    = rgb{0xff, 0x98, 0x00}
	colourGrey       = rgb{0x9e, 0x9e, 0x9e}
	colourForeground = rgb{0x56, 0x56, 0x56}
	colourSuccess    = rgb{0x43, 0xf4, 0x36}
	colourExemptFill = rgb{0xf5, 0xf5, 0xf5}
	colourDetail     = rgb{0x88, 0x88, 0x88}
)

// Landscape page geometry for the graph, in millimetres.
const (
	graphTop    = marginTop + 12 // under the heading
	graphLegend = 16             // the legend's height above the bottom margin
)

// graph draws the ownership graph on landscape pages, then the tree.
func (d *doc) graph() {
	t := d.t
	g := d.in.Graph
	if g == nil || len(g.Nodes) == 0 {
		d.newPage()
		d.h1(t.L("Ownership graph"))
		d.para(t.L("No ownership data: no source gave owners or holdings of the client."))
		return
	}
	l := ownership.Compute(g, graphOptions)
	const ph = 210.0
	pl := planPages(l, landscapeWidth-marginLeft-marginRight, ph-graphTop-marginBottom-graphLegend)
	tiles, s := pl.tiles, pl.scale
	for i, tl := range tiles {
		d.pdf.AddPageFormat("L", d.pdf.GetPageSizeStr("A4"))
		title := t.L("Ownership graph")
		if len(tiles) > 1 {
			title += " " + t.L("(part {{.Part}} of {{.Parts}}: row {{.Row}}, column {{.Column}})",
				map[string]any{"Part": i + 1, "Parts": len(tiles), "Row": tl.row + 1, "Column": tl.col + 1})
		}
		d.h1(title)
		x0 := marginLeft + pl.offX - float64(tl.col)*pl.stepX
		y0 := graphTop + pl.offY - float64(tl.row)*pl.stepY
		view := rect{marginLeft, graphTop, pl.areaW, pl.areaH}
		d.pdf.ClipRect(view.x, view.y, view.w, view.h, false)
		d.drawGraph(g, l, s, x0, y0, view)
		d.pdf.ClipEnd()
		d.legend(ph - marginBottom - graphLegend + 3)
	}
	d.tree(g)
}

// landscapeWidth is the width of a landscape A4 page.
const landscapeWidth = 297.0

// tile is one page of a graph split across pages: its row and column.
type tile struct{ row, col int }

// pagePlan is how a graph's layout goes onto pages: at scale (layout
// units to millimetres), shifted by offX and offY inside an area of
// areaW by areaH, on the tiles' pages, each stepX and stepY further
// into the picture than the one before.
type pagePlan struct {
	scale, offX, offY, stepX, stepY, areaW, areaH float64
	tiles                                         []tile
}

// planPages fits layout l into an area of areaW by areaH millimetres: on
// one page, centred, at up to maxScale when it fits at minScale or more;
// otherwise at minScale on pages that overlap by a box and a gap, so each
// box shows whole on the page whose step holds its top-left corner. A
// page that is no box's is left out.
func planPages(l ownership.Layout, areaW, areaH float64) pagePlan {
	s := math.Min(maxScale, math.Min(areaW/(l.Width+20), areaH/(l.Height+20)))
	pl := pagePlan{scale: s, areaW: areaW, areaH: areaH}
	if s >= minScale {
		pl.offX, pl.offY = (areaW-l.Width*s)/2, (areaH-l.Height*s)/2
		pl.stepX, pl.stepY = areaW, areaH
		if len(l.Boxes) > 0 {
			pl.tiles = []tile{{0, 0}}
		}
		return pl
	}
	s = minScale
	pl.scale = s
	pl.stepX = areaW - (graphOptions.NodeWidth+ownershipGap)*s
	pl.stepY = areaH - (graphOptions.NodeHeight+ownershipGap)*s
	pl.offX, pl.offY = 10*s, 10*s
	// A dimension that fits is centred on one page, not split.
	if l.Width*s+20*s <= areaW {
		pl.offX, pl.stepX = (areaW-l.Width*s)/2, areaW
	}
	if l.Height*s+20*s <= areaH {
		pl.offY, pl.stepY = (areaH-l.Height*s)/2, areaH
	}
	seen := map[tile]bool{}
	for _, b := range l.Boxes {
		x, y := pl.offX+b.X*s, pl.offY+b.Y*s
		seen[tile{int(math.Max(0, math.Floor(y/pl.stepY))), int(math.Max(0, math.Floor(x/pl.stepX)))}] = true
	}
	for t := range seen {
		pl.tiles = append(pl.tiles, t)
	}
	sort.Slice(pl.tiles, func(i, j int) bool {
		if pl.tiles[i].row != pl.tiles[j].row {
			return pl.tiles[i].row < pl.tiles[j].row
		}
		return pl.tiles[i].col < pl.tiles[j].col
	})
	return pl
}

// rect is a rectangle in millimetres.
type rect struct{ x, y, w, h float64 }

// meets reports whether r and o overlap.
func (r rect) meets(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// drawGraph draws layout l of g at scale s with its origin at (x0, y0),
// leaving out what falls outside view.
func (d *doc) drawGraph(g *ownership.Graph, l ownership.Layout, s, x0, y0 float64, view rect) {
	p := d.pdf
	at := func(pt ownership.Point) (float64, float64) { return x0 + pt.X*s, y0 + pt.Y*s }
	for _, line := range l.Lines {
		pts := line.Points()
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, pt := range pts {
			x, y := at(pt)
			minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
		}
		if !view.meets(rect{minX - 1, minY - 1, maxX - minX + 2, maxY - minY + 2}) {
			continue
		}
		c := colourPrimary
		switch line.Edge.Interest {
		case ownership.Controls:
			c = colourWarning
		case ownership.Establishment:
			c = colourGrey
		}
		// The window's line styles: cross-holdings dashed, indirect
		// ownership dotted, BankID's shareholdings dash-dotted.
		var dashes []float64
		switch {
		case line.Back:
			dashes = []float64{10 * s, 10 * s}
		case line.Edge.Source == ownership.FromBankID:
			dashes = []float64{12 * s, 4 * s, 2 * s, 4 * s}
		case !line.Edge.Direct:
			dashes = []float64{3 * s, 3 * s}
		}
		p.SetDrawColor(c[0], c[1], c[2])
		p.SetLineWidth(2 * s)
		if dashes != nil {
			p.SetDashPattern(dashes, 0)
		}
		for i := 0; i+1 < len(pts); i++ {
			ax, ay := at(pts[i])
			bx, by := at(pts[i+1])
			p.Line(ax, ay, bx, by)
		}
		if dashes != nil {
			p.SetDashPattern([]float64{}, 0)
		}
		if share := d.t.percentRange(line.Edge.Share.Min, line.Edge.Share.Max); share != "" {
			ax, ay := at(pts[len(pts)-2])
			bx, by := at(pts[len(pts)-1])
			size := 11 * s
			p.SetFont(font, "B", size*72/25.4)
			w := p.GetStringWidth(share)
			x, y := (ax+bx)/2+4*s, (ay+by)/2-size
			p.SetFillColor(255, 255, 255)
			p.Rect(x-0.5, y, w+1, size*1.2, "F")
			p.SetTextColor(c[0], c[1], c[2])
			p.SetXY(x, y)
			p.CellFormat(w, size*1.2, share, "", 0, "L", false, 0, "")
		}
	}
	for _, b := range l.Boxes {
		x, y := at(ownership.Point{X: b.X, Y: b.Y})
		w, h := b.Width*s, b.Height*s
		if !view.meets(rect{x, y, w, h}) {
			continue
		}
		n, _ := g.Node(b.ID)
		d.drawBox(n, x, y, w, h, s, b.ID == g.Focus)
	}
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
}

// drawBox draws node n's box at (x, y), w by h, with its name in up to
// two lines over its detail.
func (d *doc) drawBox(n ownership.Node, x, y, w, h, s float64, focus bool) {
	p := d.pdf
	stroke, fill := colourForeground, rgb{255, 255, 255}
	radius, width := 4*s, 2*s
	switch n.Kind {
	case ownership.Person:
		radius, stroke = h/2, colourSuccess
	case ownership.Exempt:
		radius, stroke, fill = h/2, colourGrey, colourExemptFill
	case ownership.Unknown:
		stroke = colourGrey
	}
	if focus {
		stroke, width = colourPrimary, 3*s
	}
	p.SetDrawColor(stroke[0], stroke[1], stroke[2])
	p.SetFillColor(fill[0], fill[1], fill[2])
	p.SetLineWidth(width)
	roundedRect(p, x, y, w, h, radius, "DF")

	titleSize, detailSize := 14*s, 11*s // millimetres, as the window's text and caption sizes
	p.SetFont(font, "B", titleSize*72/25.4)
	lines := fitLines(p, nodeLabel(n, d.t), w-8*s-2*radius/3, 2)
	lh, dh := titleSize*1.2, detailSize*1.2
	textH := float64(len(lines))*lh + dh
	ty := y + (h-textH)/2
	p.SetTextColor(0x22, 0x22, 0x22)
	for _, line := range lines {
		p.SetXY(x, ty)
		p.CellFormat(w, lh, line, "", 0, "C", false, 0, "")
		ty += lh
	}
	if n.Detail != "" {
		p.SetFont(font, "", detailSize*72/25.4)
		p.SetTextColor(colourDetail[0], colourDetail[1], colourDetail[2])
		p.SetXY(x, ty)
		p.CellFormat(w, dh, fit(p, n.Detail, w-4*s), "", 0, "C", false, 0, "")
	}
}

// nodeLabel is what a node's box says.
func nodeLabel(n ownership.Node, t *translator) string {
	switch n.Kind {
	case ownership.Exempt:
		return t.L("Exempt from disclosure")
	case ownership.Unknown:
		return t.L("Unknown owner")
	}
	return n.Label
}

// fitLines breaks s into at most maxLines lines of the current font that
// fit width, by words; what does not fit is shortened with "…".
func fitLines(p interface{ GetStringWidth(string) float64 }, s string, width float64, maxLines int) []string {
	fits := func(t string) bool { return p.GetStringWidth(t) <= width }
	words := strings.Fields(s)
	var lines []string
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
			r := []rune(line)
			lo, hi := 0, len(r)
			for lo < hi {
				m := (lo + hi + 1) / 2
				if fits(string(r[:m]) + "…") {
					lo = m
				} else {
					hi = m - 1
				}
			}
			line = strings.TrimRight(string(r[:lo]), " ") + "…"
		}
		lines = append(lines, line)
	}
	return lines
}

// legend explains the graph's colours, lines and boxes at height y.
func (d *doc) legend(y float64) {
	p, t := d.pdf, d.t
	x := marginLeft
	p.SetFont(font, "B", 8)
	p.SetTextColor(60, 60, 60)
	p.SetXY(x, y)
	label := t.L("Legend:")
	p.CellFormat(p.GetStringWidth(label)+2, 4, label, "", 0, "L", false, 0, "")
	x += p.GetStringWidth(label) + 4
	p.SetFont(font, "", 8)
	sample := func(c rgb, pattern float64, word string, dashes ...float64) {
		p.SetDrawColor(c[0], c[1], c[2])
		p.SetLineWidth(0.5)
		if pattern > 0 {
			dashes = []float64{pattern, pattern}
		}
		if dashes != nil {
			p.SetDashPattern(dashes, 0)
		}
		p.Line(x, y+2, x+10, y+2)
		if dashes != nil {
			p.SetDashPattern([]float64{}, 0)
		}
		p.SetXY(x+11.5, y)
		p.CellFormat(p.GetStringWidth(word)+1, 4, word, "", 0, "L", false, 0, "")
		x += 11.5 + p.GetStringWidth(word) + 5
	}
	sample(colourPrimary, 0, t.L("owns"))
	sample(colourWarning, 0, t.L("controls"))
	sample(colourGrey, 0, t.L("sub-unit"))
	sample(colourForeground, 0.75, t.L("indirectly"))
	sample(colourForeground, 2.5, t.L("cross-holding"))
	if hasBankIDEdges(d.in.Graph) {
		sample(colourPrimary, 0, t.L("shareholding (BankID)"), 2.4, 0.8, 0.4, 0.8)
	}
	x, y = marginLeft+p.GetStringWidth(label)+4+2, y+6
	p.SetFont(font, "", 8)
	box := func(stroke, fill rgb, round bool, width float64, word string) {
		p.SetDrawColor(stroke[0], stroke[1], stroke[2])
		p.SetFillColor(fill[0], fill[1], fill[2])
		p.SetLineWidth(width)
		r := 0.8
		if round {
			r = 2
		}
		roundedRect(p, x, y, 10, 4, r, "DF")
		p.SetXY(x+11.5, y)
		p.CellFormat(p.GetStringWidth(word)+1, 4, word, "", 0, "L", false, 0, "")
		x += 11.5 + p.GetStringWidth(word) + 5
	}
	white := rgb{255, 255, 255}
	box(colourPrimary, white, false, 0.75, t.L("The company looked up"))
	box(colourForeground, white, false, 0.5, t.L("company"))
	box(colourSuccess, white, true, 0.5, t.L("person"))
	box(colourGrey, colourExemptFill, true, 0.5, t.L("Exempt from disclosure"))
	box(colourGrey, white, false, 0.5, t.L("Unknown owner"))
	p.SetTextColor(0, 0, 0)
}

// tree writes the ownership as text: the client, who owns it (and who
// owns them), and what it owns. A party reached again is named but not
// expanded again ("see above"), so the text stays as long as the graph.
func (d *doc) tree(g *ownership.Graph) {
	t, p := d.t, d.pdf
	d.newPage()
	d.h1(t.L("Ownership tree"))
	label := func(id string) string {
		n, _ := g.Node(id)
		name := nodeLabel(n, t)
		if n.FullName != "" {
			name = n.FullName
		}
		if n.Detail != "" {
			name += " (" + n.Detail + ")"
		}
		return name
	}
	edgeText := func(e ownership.Edge) string {
		kind := t.L("owns")
		switch e.Interest {
		case ownership.Controls:
			kind = t.L("controls")
		case ownership.Establishment:
			return t.L("sub-unit")
		}
		if !e.Direct {
			kind += " " + t.L("indirectly")
		}
		if s := t.percentRange(e.Share.Min, e.Share.Max); s != "" {
			kind += " " + s
		}
		return kind
	}
	write := func(depth int, text, style string) {
		p.SetFont(font, style, bodySize)
		indent := float64(min(depth, 12)) * 6
		d.room(lineH)
		p.SetX(marginLeft + indent)
		p.MultiCell(d.contentWidth()-indent, lineH, text, "", "L", false)
	}
	write(0, label(g.Focus), "B")
	for _, up := range []bool{true, false} {
		heading := t.L("Owned or controlled by")
		if !up {
			heading = t.L("Owns, and sub-units")
		}
		seen := map[string]bool{g.Focus: true}
		var lines int
		var add func(id string, depth int)
		add = func(id string, depth int) {
			edges := g.Holdings(id)
			if up {
				edges = g.Owners(id)
			}
			for _, e := range edges {
				other := e.To
				if up {
					other = e.From
				}
				text := label(other) + ": " + edgeText(e)
				lines++
				if seen[other] {
					write(depth, text+" ("+t.L("see above")+")", "")
					continue
				}
				seen[other] = true
				write(depth, text, "")
				add(other, depth+1)
			}
		}
		p.Ln(2)
		write(1, heading, "B")
		add(g.Focus, 2)
		if lines == 0 {
			write(2, t.L("none known"), "I")
		}
	}
}

// roundedRect draws a rectangle with corners of radius r as one path.
// (gofpdf's own RoundedRect leaves a graphics state saved, "q" without
// "Q", which keeps a clipping region alive to the end of the page.)
func roundedRect(p *gofpdf.Fpdf, x, y, w, h, r float64, style string) {
	r = math.Max(0, math.Min(r, math.Min(w, h)/2))
	const k = 0.5523 // the Bézier handle of a quarter circle
	p.MoveTo(x+r, y)
	p.LineTo(x+w-r, y)
	p.CurveBezierCubicTo(x+w-r+k*r, y, x+w, y+r-k*r, x+w, y+r)
	p.LineTo(x+w, y+h-r)
	p.CurveBezierCubicTo(x+w, y+h-r+k*r, x+w-r+k*r, y+h, x+w-r, y+h)
	p.LineTo(x+r, y+h)
	p.CurveBezierCubicTo(x+r-k*r, y+h, x, y+h-r+k*r, x, y+h-r)
	p.LineTo(x, y+r)
	p.CurveBezierCubicTo(x, y+r-k*r, x+r-k*r, y, x+r, y)
	p.ClosePath()
	p.DrawPath(style)
}

// hasBankIDEdges reports whether g holds a shareholding BankID gave.
func hasBankIDEdges(g *ownership.Graph) bool {
	if g == nil {
		return false
	}
	for _, e := range g.Edges {
		if e.Source == ownership.FromBankID {
			return true
		}
	}
	return false
}
