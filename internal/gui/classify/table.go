package classify

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
)

// previewTable shows a customer file's first rows: the header in bold,
// and the column chosen to hold the numbers marked with the theme's
// selection colour.
type previewTable struct {
	table  *widget.Table
	box    *fyne.Container
	header []string
	rows   [][]string
	marked int
}

// previewHeight is the height the preview keeps, so a few rows show even
// in a small window (the page scrolls around it).
const previewHeight = 190

// maxColumnWidth keeps one long column from pushing the others away.
const maxColumnWidth = 260

func newPreviewTable() *previewTable {
	p := &previewTable{marked: -1}
	p.table = widget.NewTable(
		func() (int, int) {
			if len(p.header) == 0 {
				return 0, 0
			}
			return len(p.rows) + 1, len(p.header)
		},
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(bg, l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
			l.SetText(p.cell(id.Row, id.Col))
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			if id.Col == p.marked {
				bg.FillColor = theme.Color(theme.ColorNameSelection)
				l.Importance = widget.HighImportance
			} else {
				bg.FillColor = color.Transparent
				l.Importance = widget.MediumImportance
			}
			bg.Refresh()
			l.Refresh()
		},
	)
	p.box = container.New(&heightLayout{height: previewHeight}, p.table)
	p.box.Hide()
	return p
}

// cell is the text at row (0 the header) and col.
func (p *previewTable) cell(row, col int) string {
	if row == 0 {
		if col < len(p.header) {
			return p.header[col]
		}
		return ""
	}
	if r := p.rows[row-1]; col < len(r) {
		return r[col]
	}
	return ""
}

// show shows pr's rows with column marked (-1 for none); nothing at all
// for a preview without a header.
func (p *previewTable) show(pr dossier.CustomerPreview, marked int) {
	p.header, p.rows, p.marked = pr.Header, pr.Rows, marked
	if len(p.header) == 0 {
		p.box.Hide()
		return
	}
	for col := range p.header {
		w := float32(60)
		for row := 0; row <= len(p.rows); row++ {
			size := fyne.MeasureText(p.cell(row, col), theme.TextSize(), fyne.TextStyle{Bold: row == 0})
			w = max(w, size.Width+2*theme.InnerPadding()+2*theme.Padding())
		}
		p.table.SetColumnWidth(col, min(w, maxColumnWidth))
	}
	p.box.Show()
	p.table.Refresh()
}

// Marked is the column marked, -1 for none.
func (p *previewTable) Marked() int { return p.marked }

// content is the table at its fixed height.
func (p *previewTable) content() fyne.CanvasObject { return p.box }
