package ownership

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// chain is a small graph: P1 and P2 own H, H owns F (the focus) with A;
// F owns S1 and S2; A and F hold each other (a cycle).
func chain() *Graph {
	g := &Graph{Focus: "F"}
	for _, n := range []Node{
		{ID: "F", Kind: Entity, Label: "Focus AS"}, {ID: "H", Kind: Entity, Label: "Holding AS"},
		{ID: "A", Kind: Entity, Label: "Another AS"}, {ID: "P1", Kind: Person, Label: "Kari"},
		{ID: "P2", Kind: Exempt}, {ID: "S1", Kind: Entity}, {ID: "S2", Kind: Entity},
	} {
		g.AddNode(n)
	}
	for _, e := range []Edge{
		{From: "P1", To: "H", Interest: Owns, Direct: true, Share: Share{60, 60}},
		{From: "P2", To: "H", Interest: Owns, Direct: true, Share: Share{25, 49.99}},
		{From: "H", To: "F", Interest: Owns, Direct: true, Share: Share{70, 70}},
		{From: "A", To: "F", Interest: Owns, Direct: true, Share: Share{30, 30}},
		{From: "F", To: "A", Interest: Owns, Direct: true, Share: Share{10, 10}},
		{From: "P1", To: "F", Interest: Controls, Direct: false},
		{From: "F", To: "S1", Interest: Owns, Direct: true, Share: Share{100, 100}},
		{From: "F", To: "S2", Interest: Owns, Direct: true, Share: Share{51, 51}},
	} {
		g.AddEdge(e)
	}
	return g
}

func TestLayersAndCycles(t *testing.T) {
	g := chain()
	l := Compute(g, Options{})
	layer := func(id string) int {
		b, ok := l.Box(id)
		if !ok {
			t.Fatalf("no box for %s", id)
		}
		return b.Layer
	}
	tests := []struct {
		id    string
		layer int
	}{{"F", 0}, {"H", -1}, {"A", -1}, {"P1", -2}, {"P2", -2}, {"S1", 1}, {"S2", 1}}
	for _, tt := range tests {
		if got := layer(tt.id); got != tt.layer {
			t.Errorf("%s in layer %d, want %d", tt.id, got, tt.layer)
		}
	}
	// Owners are drawn above what they own, except the edge that closes
	// the cycle, which is marked as a back edge (dashed).
	var back []string
	for _, line := range l.Lines {
		if line.Back {
			back = append(back, line.Edge.From+"→"+line.Edge.To)
			continue
		}
		if line.From.Y >= line.To.Y {
			t.Errorf("edge %s→%s runs upwards", line.Edge.From, line.Edge.To)
		}
	}
	if !reflect.DeepEqual(back, []string{"F→A"}) {
		t.Errorf("back edges %v, want [F→A]", back)
	}
}

func TestNoOverlaps(t *testing.T) {
	for _, g := range []*Graph{chain(), random(300, 1), random(500, 7)} {
		l := Compute(g, Options{})
		if len(l.Boxes) != len(g.Nodes) {
			t.Fatalf("%d boxes for %d nodes", len(l.Boxes), len(g.Nodes))
		}
		for i, a := range l.Boxes {
			if a.X < 0 || a.Y < 0 || a.X+a.Width > l.Width+1e-9 || a.Y+a.Height > l.Height+1e-9 {
				t.Errorf("box %s outside the layout", a.ID)
			}
			for _, b := range l.Boxes[i+1:] {
				if a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height {
					t.Fatalf("boxes %s and %s overlap", a.ID, b.ID)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	want := Compute(random(200, 3), Options{})
	for range 5 {
		g := random(200, 3)
		// The same graph with its nodes and edges in another order.
		rand.New(rand.NewSource(time.Now().UnixNano())).Shuffle(len(g.Nodes), func(i, j int) { g.Nodes[i], g.Nodes[j] = g.Nodes[j], g.Nodes[i] })
		got := Compute(g, Options{})
		gotBoxes := map[string]Box{}
		for _, b := range got.Boxes {
			gotBoxes[b.ID] = b
		}
		for _, b := range want.Boxes {
			if gotBoxes[b.ID] != b {
				t.Fatalf("box %s at %+v, earlier %+v", b.ID, gotBoxes[b.ID], b)
			}
		}
	}
}

func TestCrossingsReduced(t *testing.T) {
	// Two owners each owning one of two holdings, given in crossed id order.
	g := &Graph{Focus: "F"}
	for _, id := range []string{"F", "a", "b", "x", "y"} {
		g.AddNode(Node{ID: id})
	}
	for _, e := range []Edge{{From: "x", To: "F"}, {From: "y", To: "F"}, {From: "a", To: "y"}, {From: "b", To: "x"}} {
		g.AddEdge(e)
	}
	l := Compute(g, Options{})
	a, _ := l.Box("a")
	b, _ := l.Box("b")
	x, _ := l.Box("x")
	y, _ := l.Box("y")
	if (a.X < b.X) != (y.X < x.X) {
		t.Errorf("edges cross: a %.0f b %.0f / y %.0f x %.0f", a.X, b.X, y.X, x.X)
	}
}

func TestShareString(t *testing.T) {
	tests := []struct {
		s    Share
		want string
	}{{Share{}, ""}, {Share{30, 30}, "30 %"}, {Share{25, 49.99}, "25–49.99 %"}, {Share{50.5, 50.5}, "50.5 %"}}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// random makes a connected ownership graph of n nodes around "n0".
func random(n int, seed int64) *Graph {
	r := rand.New(rand.NewSource(seed))
	g := &Graph{Focus: "n0"}
	for i := range n {
		kind := Entity
		if i%4 == 3 {
			kind = Person
		}
		g.AddNode(Node{ID: fmt.Sprintf("n%d", i), Kind: kind})
	}
	for i := 1; i < n; i++ {
		j := r.Intn(i)
		from, to := fmt.Sprintf("n%d", i), fmt.Sprintf("n%d", j)
		if r.Intn(3) == 0 {
			from, to = to, from
		}
		g.AddEdge(Edge{From: from, To: to, Interest: Owns, Direct: true, Share: Share{float64(r.Intn(100)), float64(r.Intn(100))}})
		if r.Intn(5) == 0 {
			k := r.Intn(n)
			g.AddEdge(Edge{From: fmt.Sprintf("n%d", k), To: to, Interest: Controls})
		}
	}
	return g
}

// BenchmarkLayout500 lays out a 500-node graph; the issue asks for ≤ 50 ms.
func BenchmarkLayout500(b *testing.B) {
	g := random(500, 42)
	b.ResetTimer()
	for range b.N {
		Compute(g, Options{})
	}
}

func TestLongEdgesGoAroundBoxes(t *testing.T) {
	for _, g := range []*Graph{chain(), random(120, 5)} {
		l := Compute(g, Options{})
		bent := 0
		for _, line := range l.Lines {
			if line.Back {
				continue
			}
			if len(line.Via) > 0 {
				bent++
			}
			pts := line.Points()
			for i := 0; i+1 < len(pts); i++ {
				for s := 1; s < 20; s++ {
					f := float64(s) / 20
					x, y := pts[i].X+(pts[i+1].X-pts[i].X)*f, pts[i].Y+(pts[i+1].Y-pts[i].Y)*f
					for _, b := range l.Boxes {
						if b.ID == line.Edge.From || b.ID == line.Edge.To {
							continue
						}
						if x > b.X+1 && x < b.X+b.Width-1 && y > b.Y+1 && y < b.Y+b.Height-1 {
							t.Fatalf("edge %s→%s passes through %s", line.Edge.From, line.Edge.To, b.ID)
						}
					}
				}
			}
		}
		if g.Focus == "F" && bent == 0 {
			t.Error("the two-layer edge P1→F has no bend")
		}
	}
}
