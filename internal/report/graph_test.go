package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/ownership"
)

// TestPlanPagesShowsEveryBoxWhole checks that however the graph is split,
// every box lies whole inside the page that is its own, and no page is
// empty.
func TestPlanPagesShowsEveryBoxWhole(t *testing.T) {
	const areaW, areaH = 261.0, 138.0
	// A chain of 40 companies, each owning the next: one column, tall.
	chain := &ownership.Graph{Focus: "c00"}
	for i := range 40 {
		chain.AddNode(ownership.Node{ID: fmt.Sprintf("c%02d", i), Kind: ownership.Entity})
		if i > 0 {
			chain.AddEdge(ownership.Edge{From: fmt.Sprintf("c%02d", i-1), To: fmt.Sprintf("c%02d", i), Interest: ownership.Owns, Direct: true})
		}
	}
	tests := []struct {
		name      string
		graph     *ownership.Graph
		pages     int // 0: more than one
		fitsOnOne bool
	}{
		{"typical", typical().Graph, 1, true},
		{"one node", bigGraph(1), 1, true},
		{"200 nodes", bigGraph(200), 0, false},
		{"a tall chain", chain, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ownership.Compute(tt.graph, graphOptions)
			pl := planPages(l, areaW, areaH)
			if tt.pages > 0 && len(pl.tiles) != tt.pages {
				t.Errorf("%d pages, want %d", len(pl.tiles), tt.pages)
			}
			if !tt.fitsOnOne && len(pl.tiles) < 2 {
				t.Errorf("%d pages for a graph that does not fit", len(pl.tiles))
			}
			if pl.scale < minScale || pl.scale > maxScale {
				t.Errorf("scale %v outside [%v, %v]", pl.scale, minScale, maxScale)
			}
			used := map[tile]bool{}
			for _, b := range l.Boxes {
				x, y := pl.offX+b.X*pl.scale, pl.offY+b.Y*pl.scale
				w, h := b.Width*pl.scale, b.Height*pl.scale
				whole := false
				for _, tl := range pl.tiles {
					vx, vy := float64(tl.col)*pl.stepX, float64(tl.row)*pl.stepY
					if x >= vx && y >= vy && x+w <= vx+areaW && y+h <= vy+areaH {
						whole = true
						used[tl] = true
					}
				}
				if !whole {
					t.Errorf("box %s at (%.0f, %.0f) shows whole on no page", b.ID, x, y)
				}
			}
			if len(used) != len(pl.tiles) {
				t.Errorf("%d pages, of which %d show a box whole", len(pl.tiles), len(used))
			}
		})
	}
}

// BankID's shareholdings are drawn as the window draws them, dash-dotted,
// and the legend names them only when the graph has one.
func TestBankIDShareholdingInTheLegend(t *testing.T) {
	withBankID := typical()
	g := withBankID.Graph
	g.AddNode(ownership.Node{ID: "5566778899", Kind: ownership.Entity, Label: "Norrsken Kapital AB", Detail: "556677-8899"})
	g.AddEdge(ownership.Edge{From: "5566778899", To: "311111116", Interest: ownership.Owns, Direct: true,
		Share: ownership.Share{Min: 25, Max: 25}, Source: ownership.FromBankID})
	tests := []struct {
		name string
		in   Input
		want bool
	}{
		{"registers only", typical(), false},
		{"with BankID", withBankID, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := Make(tt.in, Options{Language: "en", Now: now})
			if err != nil {
				t.Fatal(err)
			}
			text := squash(poppler(t, pdf, "pdftotext", "-raw"))
			if got := strings.Contains(text, "shareholding (BankID)"); got != tt.want {
				t.Errorf("legend names BankID's shareholdings: %v, want %v", got, tt.want)
			}
			if tt.want && !strings.Contains(text, "Norrsken Kapital AB") {
				t.Error("BankID's shareholder is not drawn")
			}
		})
	}
}
