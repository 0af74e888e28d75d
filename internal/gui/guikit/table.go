package guikit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewTable lays cells out row by row in cols columns, as a compact table
// for a few dozen rows (a widget.Table draws only what is visible, which
// suits long lists but not a section of a scrolled page). Every column but
// stretch is as wide as its widest text, up to a share of the width; the
// stretch column takes the rest, up to what its widest text needs; labels
// that wrap wrap within their column and make their row taller, so nothing
// is cut.
func NewTable(cols, stretch int, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&tableLayout{cols: cols, stretch: stretch}, cells...)
}

// tableLayout is NewTable's layout.
type tableLayout struct {
	cols, stretch int
}

// maxColumnShare is the largest share of the width a column other than the
// stretch column takes, so that the stretch column keeps room.
const maxColumnShare = 0.4

// minStretchShare is the smallest share of the width the stretch column
// keeps.
const minStretchShare = 0.25

// naturalWidth is how wide o would be on one line: a label's longest line
// of text, a container's widest child, or else its minimum width.
func naturalWidth(o fyne.CanvasObject) float32 {
	var text string
	var style fyne.TextStyle
	size := theme.TextSize()
	switch w := o.(type) {
	case *widget.Label:
		text, style = w.Text, w.TextStyle
		if w.SizeName != "" {
			size = theme.Size(w.SizeName)
		}
	case *widget.Hyperlink:
		text, style = w.Text, w.TextStyle
	case *fyne.Container:
		width := w.MinSize().Width
		for _, o := range w.Objects {
			width = max(width, naturalWidth(o))
		}
		return width
	default:
		return o.MinSize().Width
	}
	var width float32
	for _, line := range strings.Split(text, "\n") {
		width = max(width, fyne.MeasureText(line, size, style).Width)
	}
	return max(width+2*theme.InnerPadding(), o.MinSize().Width)
}

// widths divides width among the columns.
func (t *tableLayout) widths(objects []fyne.CanvasObject, width float32) []float32 {
	pad := theme.Padding()
	ws := make([]float32, t.cols)
	mins := make([]float32, t.cols)
	var natural float32 // the stretch column's natural width
	for i, o := range objects {
		c := i % t.cols
		mins[c] = max(mins[c], o.MinSize().Width)
		if c != t.stretch {
			ws[c] = max(ws[c], naturalWidth(o))
		} else {
			ws[c] = max(ws[c], mins[c])
			natural = max(natural, naturalWidth(o))
		}
	}
	if width <= 0 {
		return ws
	}
	rest := width - pad*float32(t.cols-1)
	var fixed float32
	for c := range ws {
		if c != t.stretch {
			ws[c] = min(ws[c], width*maxColumnShare)
			fixed += ws[c]
		}
	}
	// The stretch column keeps at least minStretchShare of the width.
	if room := rest - width*minStretchShare; fixed > room && fixed > 0 && room > 0 {
		for c := range ws {
			if c != t.stretch {
				ws[c] *= room / fixed
			}
		}
	}
	fixed = 0
	for c := range ws {
		if c != t.stretch {
			ws[c] = max(ws[c], mins[c]) // never narrower than a cell can be
			fixed += ws[c]
		}
	}
	rest -= fixed
	if t.stretch >= 0 && t.stretch < t.cols {
		// No wider than its text needs, so a short table stays compact.
		ws[t.stretch] = max(min(rest, natural), ws[t.stretch])
	}
	return ws
}

// rowHeights are the rows' heights, each cell's minimum at its width.
func (t *tableLayout) rowHeights(objects []fyne.CanvasObject) []float32 {
	var hs []float32
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		r := i / t.cols
		for len(hs) <= r {
			hs = append(hs, 0)
		}
		hs[r] = max(hs[r], o.MinSize().Height)
	}
	return hs
}

// Layout implements fyne.Layout.
func (t *tableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	ws := t.widths(objects, size.Width)
	pad := theme.Padding()
	// First give each cell its width, so that labels that wrap know their
	// height, then place the rows.
	for i, o := range objects {
		o.Resize(fyne.NewSize(ws[i%t.cols], o.MinSize().Height))
	}
	hs := t.rowHeights(objects)
	y := float32(0)
	for r, h := range hs {
		x := float32(0)
		for c := 0; c < t.cols && r*t.cols+c < len(objects); c++ {
			o := objects[r*t.cols+c]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(ws[c], h))
			x += ws[c] + pad
		}
		y += h + pad
	}
}

// MinSize implements fyne.Layout: as narrow as the columns' minimums, as
// tall as the rows at the widths they were last given.
func (t *tableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	mins := make([]float32, t.cols)
	for i, o := range objects {
		mins[i%t.cols] = max(mins[i%t.cols], o.MinSize().Width)
	}
	for _, m := range mins {
		w += m
	}
	w += theme.Padding() * float32(t.cols-1)
	var h float32
	hs := t.rowHeights(objects)
	for _, rh := range hs {
		h += rh
	}
	if len(hs) > 1 {
		h += theme.Padding() * float32(len(hs)-1)
	}
	return fyne.NewSize(w, h)
}
