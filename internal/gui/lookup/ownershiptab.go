package lookup

import (
	"fmt"
	"image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ownership"
)

// ownershipTab is the drawn graph with its tools, beside the same
// ownership as an expandable tree.
type ownershipTab struct {
	host  *guikit.Host
	graph *graphView
	tree  *widget.Tree
	items map[string]treeItem
}

// treeItem is one line of the ownership tree.
type treeItem struct {
	text     string
	children []string
}

func newOwnershipTab(h *guikit.Host, g *ownership.Graph, open func(string)) *ownershipTab {
	t := &ownershipTab{host: h, graph: newGraphView(open)}
	t.graph.setGraph(g)
	t.items = ownershipTree(g)
	t.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return t.items[id].children },
		func(id widget.TreeNodeID) bool { return len(t.items[id].children) > 0 },
		func(bool) fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.items[id].text) },
	)
	t.tree.OpenAllBranches()
	return t
}

func (t *ownershipTab) content() fyne.CanvasObject {
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.graph.zoomBy(1.25) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.graph.zoomBy(0.8) })
	fit := widget.NewButtonWithIcon(lang.L("Fit"), theme.ZoomFitIcon(), t.graph.fit)
	export := widget.NewButtonWithIcon(lang.L("Save as PNG…"), theme.DocumentSaveIcon(), t.exportPNG)
	legend := caption(lang.L("Blue: owns · orange: controls · grey: sub-unit · dotted: indirectly · dashed: cross-holding. Drag to move, scroll to zoom, click a company to open it."))
	tools := container.NewBorder(nil, nil, container.NewHBox(zoomIn, zoomOut, fit), export, legend)
	split := container.NewHSplit(t.graph, container.NewGridWrap(fyne.NewSize(300, 420), t.tree))
	split.Offset = 0.7
	return container.NewBorder(tools, nil, nil, nil, container.NewGridWrap(fyne.NewSize(860, 440), split))
}

// exportPNG saves the picture as the window shows it.
func (t *ownershipTab) exportPNG() {
	img := t.graph.capture(t.host.Win.Canvas())
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
		name := n.Label
		switch n.Kind {
		case ownership.Exempt:
			name = lang.L("Exempt from disclosure")
		case ownership.Unknown:
			name = lang.L("Unknown owner")
		}
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
		if s := e.Share.String(); s != "" {
			kind += " " + s
		}
		return kind
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
				items[child] = treeItem{text: text + " ↺"}
				item.children = append(item.children, child)
				continue
			}
			items[child] = treeItem{text: text}
			item.children = append(item.children, child)
			if len(path) < 8 {
				add(child, other, up, append(path, other))
			}
		}
		items[uid] = item
	}
	items[""] = treeItem{children: []string{"focus"}}
	items["focus"] = treeItem{text: label(g.Focus), children: []string{"up", "down"}}
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
