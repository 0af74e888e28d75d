package ownership

import (
	"math"
	"slices"
	"sort"
)

// Options size the layout; zero fields take the defaults.
type Options struct {
	NodeWidth, NodeHeight float64 // default 180 × 56
	ColumnGap, LayerGap   float64 // default 40 and 80
	// Sweeps is how many barycenter passes reduce crossings; default 8.
	Sweeps int
}

func (o Options) withDefaults() Options {
	if o.NodeWidth <= 0 {
		o.NodeWidth = 180
	}
	if o.NodeHeight <= 0 {
		o.NodeHeight = 56
	}
	if o.ColumnGap <= 0 {
		o.ColumnGap = 40
	}
	if o.LayerGap <= 0 {
		o.LayerGap = 80
	}
	if o.Sweeps <= 0 {
		o.Sweeps = 8
	}
	return o
}

// Point is a position in layout units (the GUI takes them as pixels, the
// PDF as points).
type Point struct{ X, Y float64 }

// Box is a placed node: its top-left corner, size and layer (negative above
// the focus, which is layer 0; positive below).
type Box struct {
	ID            string
	X, Y          float64
	Width, Height float64
	Layer         int
}

// Center returns the middle of the box.
func (b Box) Center() Point { return Point{b.X + b.Width/2, b.Y + b.Height/2} }

// Line is a placed edge from the owner's box to the owned one's, through
// the bends in Via when it spans several layers (so it goes around the
// boxes between, never through them). Back is true for an edge that
// closes a cycle (a cross-holding): it runs against the layers and is
// drawn dashed.
type Line struct {
	Edge     Edge
	From, To Point
	Via      []Point
	Back     bool
}

// Points returns the line's points from start to end.
func (l Line) Points() []Point {
	return append(append([]Point{l.From}, l.Via...), l.To)
}

// Layout is where everything goes.
type Layout struct {
	Boxes         []Box
	Lines         []Line
	Width, Height float64
}

// Box returns the placed node id.
func (l *Layout) Box(id string) (Box, bool) {
	for _, b := range l.Boxes {
		if b.ID == id {
			return b, true
		}
	}
	return Box{}, false
}

// Compute lays g out in layers: the focus in the middle, its owners above
// and the owners' owners above them, its holdings below. Layers come from
// a breadth-first walk in sorted order, so cycles are broken by a rule
// that depends only on the ids; crossings are reduced by barycenter sweeps
// with stable tie-breaks. The same graph always gives the same layout.
func Compute(g *Graph, opt Options) Layout {
	opt = opt.withDefaults()
	ids := make([]string, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	sort.Strings(ids)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	up := make([][]int, len(ids))   // owners of each node
	down := make([][]int, len(ids)) // holdings of each node
	for _, e := range g.Edges {
		f, okF := index[e.From]
		t, okT := index[e.To]
		if !okF || !okT || f == t {
			continue
		}
		up[t] = append(up[t], f)
		down[f] = append(down[f], t)
	}
	for i := range ids {
		// Two sources may say the same owner owns the same company: one
		// pair of neighbours for the ordering, two lines in the drawing.
		up[i] = slices.Compact(slices.Sorted(slices.Values(up[i])))
		down[i] = slices.Compact(slices.Sorted(slices.Values(down[i])))
	}

	focus, ok := index[g.Focus]
	if !ok {
		focus = 0
	}
	back := findBackEdges(len(ids), focus, up, down)
	dagUp, dagDown := withoutBack(up, down, back)
	layer := assignLayers(len(ids), focus, dagUp, dagDown)

	// An edge across several layers gets a virtual node in each layer
	// between, so ordering sees it and its drawing bends around the boxes.
	n := len(ids)
	chains := map[[2]int][]int{}
	var pairs [][2]int
	for f := range n {
		for _, t := range dagDown[f] {
			if layer[t]-layer[f] > 1 {
				pairs = append(pairs, [2]int{f, t})
			}
		}
	}
	all := append([]string(nil), ids...)
	upAll, downAll := copyAdj(up, n), copyAdj(down, n)
	for _, p := range pairs {
		f, t := p[0], p[1]
		prev := f
		var chain []int
		for l := layer[f] + 1; l < layer[t]; l++ {
			v := len(all)
			all = append(all, "")
			layer = append(layer, l)
			upAll = append(upAll, []int{prev})
			downAll = append(downAll, nil)
			downAll[prev] = append(downAll[prev], v)
			chain = append(chain, v)
			prev = v
		}
		downAll[prev] = append(downAll[prev], t)
		upAll[t] = append(upAll[t], prev)
		chains[p] = chain
	}
	order := orderLayers(all, layer, upAll, downAll, opt.Sweeps)

	// Coordinates: each layer centred on the widest.
	minLayer, maxLayer := 0, 0
	widest := 0
	for l, nodes := range order {
		minLayer, maxLayer = min(minLayer, l), max(maxLayer, l)
		widest = max(widest, len(nodes))
	}
	step := opt.NodeWidth + opt.ColumnGap
	width := float64(widest)*step - opt.ColumnGap
	boxes := make([]Box, len(all))
	for l, nodes := range order {
		offset := (width - (float64(len(nodes))*step - opt.ColumnGap)) / 2
		for pos, v := range nodes {
			boxes[v] = Box{ID: all[v], X: offset + float64(pos)*step, Y: float64(l-minLayer) * (opt.NodeHeight + opt.LayerGap),
				Width: opt.NodeWidth, Height: opt.NodeHeight, Layer: l}
		}
	}
	out := Layout{Boxes: boxes[:n], Width: max(width, 0)}
	if len(ids) > 0 {
		out.Height = float64(maxLayer-minLayer)*(opt.NodeHeight+opt.LayerGap) + opt.NodeHeight
	}
	// Edges joining the same two boxes (the registers' and BankID's word on
	// one holding) are drawn side by side, spread around the middle.
	parallel := map[[2]int]int{}
	for _, e := range g.Edges {
		f, okF := index[e.From]
		t, okT := index[e.To]
		if okF && okT && f != t {
			parallel[[2]int{f, t}]++
		}
	}
	drawn := map[[2]int]int{}
	for _, e := range g.Edges {
		f, okF := index[e.From]
		t, okT := index[e.To]
		if !okF || !okT || f == t {
			continue
		}
		pair := [2]int{f, t}
		back := back[pair]
		spread := (float64(drawn[pair]) - float64(parallel[pair]-1)/2) * opt.NodeWidth / 10
		drawn[pair]++
		from, to := boxes[f], boxes[t]
		line := Line{Edge: e, Back: back}
		if back {
			// Beside the forward edge it answers, so both show.
			dx := opt.NodeWidth/4 + spread
			line.From, line.To = Point{from.X + from.Width/2 + dx, from.Y}, Point{to.X + to.Width/2 + dx, to.Y + to.Height}
		} else {
			line.From, line.To = Point{from.X + from.Width/2 + spread, from.Y + from.Height}, Point{to.X + to.Width/2 + spread, to.Y}
			// Straight down through each virtual node's slot, so only the
			// gaps between layers hold slanted parts.
			for _, v := range chains[pair] {
				c := boxes[v].Center()
				line.Via = append(line.Via, Point{c.X + spread, boxes[v].Y}, Point{c.X + spread, boxes[v].Y + boxes[v].Height})
			}
			if len(line.Via) == 0 && spread != 0 {
				// A slanted line next to another comes close to it along
				// the way: bend it away at the middle, across the line.
				line.Via = []Point{bendAway(line.From, line.To, 2*spread)}
			}
		}
		out.Lines = append(out.Lines, line)
	}
	sort.SliceStable(out.Lines, func(i, j int) bool {
		a, b := out.Lines[i].Edge, out.Lines[j].Edge
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		if a.Interest != b.Interest {
			return a.Interest < b.Interest
		}
		return a.Source < b.Source
	})
	return out
}

// bendAway is the middle of the line from a down to b moved by d across
// it: towards the right for a positive d, the left for a negative one,
// the same way the line's ends are spread.
func bendAway(a, b Point, d float64) Point {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := math.Hypot(dx, dy)
	mid := Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
	if length == 0 {
		return mid
	}
	return Point{mid.X + dy/length*d, mid.Y - dx/length*d}
}

// findBackEdges chooses the edges that break every cycle (cross-holdings),
// by a rule that depends only on the ids: a depth-first walk up the owners
// from the focus, then down its holdings, then over every node in id
// order; an edge that reaches a node still on the walk's path closes a
// cycle. The key is {owner, owned}.
func findBackEdges(n, focus int, up, down [][]int) map[[2]int]bool {
	back := map[[2]int]bool{}
	color := make([]byte, n) // 0 unseen, 1 on the path, 2 done
	var walk func(v int, next [][]int, edge func(v, w int) [2]int)
	walk = func(v int, next [][]int, edge func(v, w int) [2]int) {
		color[v] = 1
		for _, w := range next[v] {
			e := edge(v, w)
			if back[e] {
				continue
			}
			switch color[w] {
			case 1:
				back[e] = true
			case 0:
				walk(w, next, edge)
			}
		}
		color[v] = 2
	}
	upEdge := func(v, w int) [2]int { return [2]int{w, v} } // w owns v
	downEdge := func(v, w int) [2]int { return [2]int{v, w} }
	if n == 0 {
		return back
	}
	walk(focus, up, upEdge)
	clear(color)
	walk(focus, down, downEdge)
	clear(color)
	for v := range n {
		if color[v] == 0 {
			walk(v, down, downEdge)
		}
	}
	return back
}

// withoutBack returns up and down without the back edges.
func withoutBack(up, down [][]int, back map[[2]int]bool) (dagUp, dagDown [][]int) {
	dagUp, dagDown = make([][]int, len(up)), make([][]int, len(down))
	for v := range up {
		for _, w := range up[v] {
			if !back[[2]int{w, v}] {
				dagUp[v] = append(dagUp[v], w)
			}
		}
		for _, w := range down[v] {
			if !back[[2]int{v, w}] {
				dagDown[v] = append(dagDown[v], w)
			}
		}
	}
	return dagUp, dagDown
}

// copyAdj copies the first n adjacency lists.
func copyAdj(adj [][]int, n int) [][]int {
	out := make([][]int, n)
	for i := range n {
		out[i] = append([]int(nil), adj[i]...)
	}
	return out
}

// assignLayers places the focus in layer 0, then walks out from it
// breadth-first in id order (owners one layer up, holdings one down), then
// pushes owners above everything they own and holdings below their owners
// (the graph has no cycles left, so this ends). Nodes not connected to the
// focus go below everything.
func assignLayers(n, focus int, up, down [][]int) []int {
	const unset = 1 << 30
	layer := make([]int, n)
	if n == 0 {
		return layer
	}
	for i := range layer {
		layer[i] = unset
	}
	layer[focus] = 0
	queue := []int{focus}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, o := range up[v] {
			if layer[o] == unset {
				layer[o] = layer[v] - 1
				queue = append(queue, o)
			}
		}
		for _, h := range down[v] {
			if layer[h] == unset {
				layer[h] = layer[v] + 1
				queue = append(queue, h)
			}
		}
	}
	deepest := 0
	for _, l := range layer {
		if l != unset {
			deepest = max(deepest, l)
		}
	}
	for i := range layer {
		if layer[i] == unset {
			layer[i] = deepest + 1
		}
	}
	for pass := 0; pass < n; pass++ {
		changed := false
		for v := range n {
			for _, w := range down[v] { // v owns w
				if layer[v] < layer[w] {
					continue
				}
				if layer[w] <= 0 {
					layer[v] = layer[w] - 1 // an owner goes above
				} else {
					layer[w] = layer[v] + 1 // a holding goes below
				}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return layer
}

// orderLayers returns the nodes of each layer in the order that crosses
// the fewest edges found by barycenter sweeps.
func orderLayers(ids []string, layer []int, up, down [][]int, sweeps int) map[int][]int {
	order := map[int][]int{}
	for n := range ids {
		order[layer[n]] = append(order[layer[n]], n) // ids are sorted, so is each layer
	}
	var layers []int
	for l := range order {
		layers = append(layers, l)
	}
	sort.Ints(layers)
	pos := make([]float64, len(ids))
	place := func() {
		for _, l := range layers {
			for p, n := range order[l] {
				pos[n] = float64(p)
			}
		}
	}
	place()
	neighbours := func(n int) []int { return append(append([]int(nil), up[n]...), down[n]...) }
	best := copyOrder(order)
	bestCross := crossings(order, layers, layer, down, pos)
	for s := 0; s < sweeps; s++ {
		seq := layers
		if s%2 == 1 {
			seq = reversed(layers)
		}
		for _, l := range seq {
			nodes := order[l]
			bary := make(map[int]float64, len(nodes))
			for _, n := range nodes {
				sum, count := 0.0, 0
				for _, m := range neighbours(n) {
					if layer[m] != l {
						sum += pos[m]
						count++
					}
				}
				if count == 0 {
					bary[n] = pos[n]
				} else {
					bary[n] = sum / float64(count)
				}
			}
			sort.SliceStable(nodes, func(i, j int) bool {
				a, b := nodes[i], nodes[j]
				if bary[a] != bary[b] {
					return bary[a] < bary[b]
				}
				if pos[a] != pos[b] {
					return pos[a] < pos[b]
				}
				return a < b
			})
			for p, n := range nodes {
				pos[n] = float64(p)
			}
		}
		if c := crossings(order, layers, layer, down, pos); c < bestCross {
			bestCross, best = c, copyOrder(order)
		}
	}
	return best
}

func copyOrder(order map[int][]int) map[int][]int {
	out := make(map[int][]int, len(order))
	for l, nodes := range order {
		out[l] = append([]int(nil), nodes...)
	}
	return out
}

func reversed(in []int) []int {
	out := make([]int, len(in))
	for i, v := range in {
		out[len(in)-1-i] = v
	}
	return out
}

// crossings counts the crossings of edges between adjacent layers.
func crossings(order map[int][]int, layers []int, layer []int, down [][]int, pos []float64) int {
	total := 0
	for _, l := range layers {
		type seg struct{ a, b float64 }
		var segs []seg
		for _, n := range order[l] {
			for _, m := range down[n] {
				if layer[m] == l+1 {
					segs = append(segs, seg{pos[n], pos[m]})
				}
			}
		}
		for i := range segs {
			for j := i + 1; j < len(segs); j++ {
				if (segs[i].a-segs[j].a)*(segs[i].b-segs[j].b) < 0 {
					total++
				}
			}
		}
	}
	return total
}
