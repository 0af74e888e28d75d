package lookup

import (
	"cmp"
	"fmt"
	"image"
	"image/png"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ownership"
	"github.com/motpart/motpart/internal/watermark"
)

// ownershipTab is the drawn graph with its tools, beside the same
// ownership as an expandable tree, with a movable divider between them; a
// line under them tells the full name, number and role of the box under
// the pointer. The tab fills the height of the window.
type ownershipTab struct {
	host    *guikit.Host
	graph   *graphView
	tree    *widget.Tree
	items   map[string]treeItem
	split   *container.Split
	details *widget.Label
	// selected is the node chosen in the tree, which the details line
	// shows when the pointer is not over a box; "" for the company.
	selected string
	// zoomIn, zoomOut, fit and export are the tools over the graph.
	zoomIn, zoomOut, fit, export *widget.Button
}

// treeItem is one line of the ownership tree.
type treeItem struct {
	text     string
	children []string
	// node is the graph node the line names; "" for the headings.
	node string
}

func newOwnershipTab(h *guikit.Host, g *ownership.Graph, open func(string)) *ownershipTab {
	t := &ownershipTab{host: h, graph: newGraphView(open)}
	t.graph.setGraph(g)
	t.items = ownershipTree(g)
	t.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return t.items[id].children },
		func(id widget.TreeNodeID) bool { return len(t.items[id].children) > 0 },
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.items[id].text) },
	)
	t.tree.OpenAllBranches()
	t.details = widget.NewLabel("")
	t.details.Truncation = fyne.TextTruncateEllipsis
	t.graph.onHover = func(n ownership.Node, ok bool) {
		if !ok {
			n, _ = g.Node(cmp.Or(t.selected, g.Focus))
		}
		t.details.SetText(nodeDetails(g, n))
	}
	t.tree.OnSelected = func(id widget.TreeNodeID) {
		if g == nil {
			return
		}
		t.selected = t.items[id].node
		t.graph.onHover(ownership.Node{}, false)
	}
	if g != nil {
		t.graph.onHover(ownership.Node{}, false)
	}
	t.zoomIn = widget.NewButtonWithIcon(lang.L("Zoom in"), theme.ZoomInIcon(), func() { t.graph.zoomBy(1.25) })
	t.zoomOut = widget.NewButtonWithIcon(lang.L("Zoom out"), theme.ZoomOutIcon(), func() { t.graph.zoomBy(0.8) })
	t.fit = widget.NewButtonWithIcon(lang.L("Fit to view"), theme.ZoomFitIcon(), t.graph.fit)
	t.export = widget.NewButtonWithIcon(lang.L("Save as PNG…"), theme.DocumentSaveIcon(), t.exportPNG)
	t.split = container.NewHSplit(t.graph, t.tree)
	t.split.Offset = 0.7
	return t
}

func (t *ownershipTab) content() fyne.CanvasObject {
	text := lang.L("Blue: owns · orange: controls · grey: sub-unit · dotted: indirectly · dashed: cross-holding. Drag to move, scroll to zoom, click a company to open it.")
	if hasBankID(t.graph.graph) {
		text += " " + lang.L("Dash-dot: shareholding (BankID).")
	}
	legend := caption(text)
	tools := container.NewBorder(nil, nil, container.NewHBox(t.zoomIn, t.zoomOut, t.fit), t.export)
	body := container.NewBorder(container.NewVBox(tools, legend), t.details, nil, nil, t.split)
	return newFillHeight(t.host.Win.Canvas(), body)
}

// hasBankID reports whether g holds an edge from BankID.
func hasBankID(g *ownership.Graph) bool {
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

// fromBankID is the mark of an edge BankID gives, after its text.
func fromBankID(e ownership.Edge) string {
	if e.Source == ownership.FromBankID {
		return " " + lang.L("(from BankID)")
	}
	return ""
}

// exportPNG saves the picture as the window shows it, marked outside
// production (see picture).
func (t *ownershipTab) exportPNG() {
	img, err := t.picture()
	if err != nil {
		dialog.ShowError(guikit.ErrorText(guikit.ProblemText(err)), t.host.Win)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		werr := png.Encode(w, img)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			guikit.ShowProblem(t.host, werr)
		}
	}, t.host.Win)
	d.SetFileName("ownership.png")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	d.Show()
}

// picture is the graph as the window shows it; in the sandbox and on the
// test registers it carries a watermark saying so, so that no picture of
// made-up or test data passes for a real company's.
func (t *ownershipTab) picture() (image.Image, error) {
	img := t.graph.capture(t.host.Win.Canvas())
	text := guikit.WatermarkText(t.host.Environment())
	if text == "" {
		return img, nil
	}
	marked, err := watermark.Stamp(img, text)
	if err != nil {
		return nil, fmt.Errorf("marking the picture: %w", err)
	}
	return marked, nil
}

// ownershipTree lays the graph out as a tree: the company, under it who
// owns it (and who owns them), and what it owns.
func ownershipTree(g *ownership.Graph) map[string]treeItem {
	items := map[string]treeItem{}
	if g == nil {
		items[""] = treeItem{}
		return items
	}
	label := func(id string) string {
		n, _ := g.Node(id)
		name := nodeLabel(n)
		if n.Detail != "" {
			name += " (" + n.Detail + ")"
		}
		return name
	}
	edgeText := func(e ownership.Edge) string {
		kind := lang.L("owns")
		switch e.Interest {
		case ownership.Controls:
			kind = lang.L("controls")
		case ownership.Establishment:
			return label(e.To) + ": " + lang.L("sub-unit")
		}
		if !e.Direct {
			kind += " " + lang.L("indirectly")
		}
		if s := shareText(e.Share); s != "" {
			kind += " " + s
		}
		return kind + fromBankID(e)
	}
	var add func(uid, id string, up bool, path []string)
	add = func(uid, id string, up bool, path []string) {
		var edges []ownership.Edge
		if up {
			edges = g.Owners(id)
		} else {
			edges = g.Holdings(id)
		}
		item := items[uid]
		for i, e := range edges {
			other := e.From
			if !up {
				other = e.To
			}
			child := fmt.Sprintf("%s/%d", uid, i)
			text := label(other) + ": " + edgeText(e)
			if e.Interest == ownership.Establishment {
				text = edgeText(e)
			}
			if contains(path, other) {
				items[child] = treeItem{text: text + " ↺", node: other}
				item.children = append(item.children, child)
				continue
			}
			items[child] = treeItem{text: text, node: other}
			item.children = append(item.children, child)
			if len(path) < 8 {
				add(child, other, up, append(path, other))
			}
		}
		items[uid] = item
	}
	items[""] = treeItem{children: []string{"focus"}}
	items["focus"] = treeItem{text: label(g.Focus), children: []string{"up", "down"}, node: g.Focus}
	items["up"] = treeItem{text: lang.L("Owned or controlled by")}
	items["down"] = treeItem{text: lang.L("Owns, and sub-units")}
	add("up", g.Focus, true, []string{g.Focus})
	add("down", g.Focus, false, []string{g.Focus})
	for _, k := range []string{"up", "down"} {
		if len(items[k].children) == 0 {
			items[k] = treeItem{text: items[k].text + " — " + lang.L("none known")}
		}
	}
	return items
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nodeDetails is the details line of node n of g: its full name, its
// number (or birth year, or country), and its role in the graph.
func nodeDetails(g *ownership.Graph, n ownership.Node) string {
	var parts []string
	if name := n.Name(); name != "" {
		parts = append(parts, name)
	} else {
		parts = append(parts, nodeLabel(n))
	}
	switch {
	case n.Number != "":
		parts = append(parts, lang.L("Org. no. {{.Number}}", map[string]any{"Number": n.Number}))
	case n.Detail != "":
		parts = append(parts, n.Detail)
	}
	if role := nodeRole(g, n); role != "" {
		parts = append(parts, role)
	}
	if n.ID != g.Focus && len(g.Sources(n.ID)) > 1 {
		parts = append(parts, lang.L("named by the registers and by BankID"))
	}
	if n.Place != "" {
		parts = append(parts, n.Place)
	}
	return strings.Join(parts, " · ")
}

// nodeRole says what n is in g: the company looked up, a sub-unit, what it
// owns or controls (the company looked up first), or who owns it.
func nodeRole(g *ownership.Graph, n ownership.Node) string {
	if n.ID == g.Focus {
		return lang.L("The company looked up")
	}
	name := func(id string) string {
		o, _ := g.Node(id)
		if o.Name() == "" {
			return nodeLabel(o)
		}
		return o.Name()
	}
	pick := func(edges []ownership.Edge, end func(ownership.Edge) string) (ownership.Edge, bool) {
		for _, e := range edges {
			if end(e) == g.Focus {
				return e, true
			}
		}
		if len(edges) > 0 {
			return edges[0], true
		}
		return ownership.Edge{}, false
	}
	if e, ok := pick(g.Holdings(n.ID), func(e ownership.Edge) string { return e.To }); ok && e.Interest != ownership.Establishment {
		var role string
		share := shareText(e.Share)
		switch {
		case e.Interest == ownership.Controls:
			role = lang.L("Controls {{.Name}}", map[string]any{"Name": name(e.To)})
		case share != "":
			role = lang.L("Owns {{.Share}} of {{.Name}}", map[string]any{"Share": share, "Name": name(e.To)})
		default:
			role = lang.L("Owner of {{.Name}}", map[string]any{"Name": name(e.To)})
		}
		if !e.Direct {
			role += " (" + lang.L("indirectly") + ")"
		}
		return role + fromBankID(e)
	}
	if e, ok := pick(g.Owners(n.ID), func(e ownership.Edge) string { return e.From }); ok {
		if e.Interest == ownership.Establishment {
			return lang.L("Sub-unit of {{.Name}}", map[string]any{"Name": name(e.From)})
		}
		role := lang.L("Owned by {{.Name}}", map[string]any{"Name": name(e.From)})
		if s := shareText(e.Share); s != "" {
			role += " (" + s + ")"
		}
		return role + fromBankID(e)
	}
	return ""
}

// shareText writes a share as the graph, the tree and the details line
// show it, in the user's language ("30 %", "25,01–49,99 %" in sv, nb and
// fi, with a non-breaking space before the sign); "" when unknown.
func shareText(s ownership.Share) string {
	if s.Min == 0 && s.Max == 0 {
		return ""
	}
	return guikit.Format().PercentRange(s.Min, s.Max)
}
