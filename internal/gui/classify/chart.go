package classify

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// chartBars is how many sectors the chart draws a bar of; the rest are
// added up in one bar.
const chartBars = 8

// ChartBar is one bar of the sector chart: its label and count.
type ChartBar struct {
	Label string
	Count int
}

// sectorBars orders counts by sector, largest first (by code when equal),
// and adds up those past the first chartBars-1 when there are more than
// chartBars. A bar is labelled with the sector's code and the sector
// file's text of it (SCB's words) from texts, or else the broad sector in
// the user's words.
func sectorBars(bySector map[string]int, texts map[string]string) []ChartBar {
	codes := make([]string, 0, len(bySector))
	for code := range bySector {
		codes = append(codes, code)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if c := cmp.Compare(bySector[b], bySector[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var bars []ChartBar
	other := 0
	for i, code := range codes {
		if len(codes) > chartBars && i >= chartBars-1 {
			other += bySector[code]
			continue
		}
		label := guikit.SectorLabel(code)
		if text := strings.TrimSpace(texts[code]); text != "" && strings.TrimSpace(code) != "" {
			label = strings.TrimSpace(code) + " " + text
		}
		bars = append(bars, ChartBar{Label: label, Count: bySector[code]})
	}
	if other > 0 {
		bars = append(bars, ChartBar{Label: lang.L("Other sectors"), Count: other})
	}
	return bars
}

// newSectorChart draws counts by sector as horizontal bars, labelled with
// the sector (see sectorBars) and the count, the longest bar the largest count.
func newSectorChart(bySector map[string]int, texts map[string]string) fyne.CanvasObject {
	bars := sectorBars(bySector, texts)
	largest := 1
	for _, b := range bars {
		largest = max(largest, b.Count)
	}
	f := guikit.Format()
	var cells []fyne.CanvasObject
	for _, b := range bars {
		label := widget.NewLabel(b.Label)
		label.Truncation = fyne.TextTruncateEllipsis
		rect := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		rect.CornerRadius = 2
		bar := container.New(&barLayout{fraction: float32(b.Count) / float32(largest)}, rect)
		count := widget.NewLabel(f.Integer(int64(b.Count)))
		count.Alignment = fyne.TextAlignTrailing
		cells = append(cells, label, bar, count)
	}
	return container.New(&chartLayout{}, cells...)
}

// chartLayout lays out the chart's rows of label, bar and count: the
// labels take up to two fifths of the width, the counts what they need,
// the bars the rest.
type chartLayout struct{}

func (l *chartLayout) widths(objects []fyne.CanvasObject, width float32) (label, count float32) {
	for i := 0; i+2 < len(objects); i += 3 {
		label = max(label, naturalWidth(objects[i]))
		count = max(count, objects[i+2].MinSize().Width)
	}
	// a label needs its ellipsis' worth at least; long ones are cut
	label = min(label, max(width*0.4, 120))
	return label, count
}

func (l *chartLayout) rowHeight(objects []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *chartLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	label, count := l.widths(objects, 0)
	rows := float32(len(objects) / 3)
	return fyne.NewSize(min(label, 120)+count+80, rows*l.rowHeight(objects))
}

func (l *chartLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	label, count := l.widths(objects, size.Width)
	h := l.rowHeight(objects)
	barWidth := max(0, size.Width-label-count)
	for i := 0; i+2 < len(objects); i += 3 {
		y := float32(i/3) * h
		objects[i].Move(fyne.NewPos(0, y))
		objects[i].Resize(fyne.NewSize(label, h))
		objects[i+1].Move(fyne.NewPos(label, y))
		objects[i+1].Resize(fyne.NewSize(barWidth, h))
		objects[i+2].Move(fyne.NewPos(label+barWidth, y))
		objects[i+2].Resize(fyne.NewSize(count, h))
	}
}

// naturalWidth is the width a label needs to show its whole text, which
// its MinSize does not say when it truncates.
func naturalWidth(o fyne.CanvasObject) float32 {
	if l, ok := o.(*widget.Label); ok {
		return fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
	}
	return o.MinSize().Width
}

// barLayout draws its rectangle along a fraction of the width, with some
// room above and below.
type barLayout struct{ fraction float32 }

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(40, 16) }

func (l *barLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := size.Height / 4
	w := max(2, size.Width*l.fraction)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, pad))
		o.Resize(fyne.NewSize(w, size.Height-2*pad))
	}
}
