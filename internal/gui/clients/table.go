package clients

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableCell is one cell of the client table: a label that selects its row
// on a tap and opens the client's dossier on a double tap.
type tableCell struct {
	widget.Label
	tap, double func()
}

func newTableCell() *tableCell {
	c := &tableCell{}
	c.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// Tapped selects the cell's row.
func (c *tableCell) Tapped(*fyne.PointEvent) {
	if c.tap != nil {
		c.tap()
	}
}

// DoubleTapped opens the cell's client.
func (c *tableCell) DoubleTapped(*fyne.PointEvent) {
	if c.double != nil {
		c.double()
	}
}

// newTable is the client table: a header whose buttons sort by their
// column (again: reversed), and a row per client shown.
func (s *Screen) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(s.shown), columns },
		func() fyne.CanvasObject { return newTableCell() },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			cell := o.(*tableCell)
			if id.Row >= len(s.shown) {
				cell.SetText("")
				return
			}
			c := s.shown[id.Row]
			text, imp, bold := cellText(c, id.Col)
			cell.Text = text
			cell.Importance = imp
			cell.TextStyle = fyne.TextStyle{Bold: bold || c.Number == s.selected && id.Col == ColName}
			number := c.Number
			cell.tap = func() {
				s.host.Activity()
				s.Table.Select(id)
				s.Select(number)
			}
			cell.double = func() {
				s.Select(number)
				s.openChosen()
			}
			cell.Refresh()
		},
	)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		col := id.Col
		b.SetText(columnTitle(col))
		b.Icon = nil
		if col == s.sortCol {
			b.Icon = theme.MenuDropDownIcon()
			if s.sortDesc {
				b.Icon = theme.MenuDropUpIcon()
			}
		}
		b.OnTapped = func() { s.SortBy(col) }
		b.Refresh()
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.shown) {
			s.Select(s.shown[id.Row].Number)
		}
	}
	for col, w := range columnWidths {
		t.SetColumnWidth(col, w)
	}
	return t
}
