package report

// The report's typography: headings, label–value rows, paragraphs,
// source lines and tables that break across pages with their heading.

const (
	bodySize = 9.5
	lineH    = 4.6
)

// contentWidth is the width between the margins of the current page.
func (d *doc) contentWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - marginLeft - marginRight
}

// room makes sure h millimetres fit above the bottom margin, starting a
// new page when not.
func (d *doc) room(h float64) {
	_, ph := d.pdf.GetPageSize()
	if d.pdf.GetY()+h > ph-marginBottom {
		d.pdf.AddPage()
	}
}

// newPage starts a portrait page.
func (d *doc) newPage() {
	d.pdf.AddPageFormat("P", d.pdf.GetPageSizeStr("A4"))
}

// h1 is a section's heading.
func (d *doc) h1(title string) {
	p := d.pdf
	if p.GetY() > marginTop+1 {
		p.Ln(4)
	}
	d.room(20)
	p.SetFont(font, "B", 15)
	p.SetTextColor(20, 50, 110)
	p.MultiCell(d.contentWidth(), 7, title, "", "L", false)
	y := p.GetY() + 0.5
	p.SetDrawColor(20, 50, 110)
	p.SetLineWidth(0.4)
	p.Line(marginLeft, y, marginLeft+d.contentWidth(), y)
	p.SetY(y + 2.5)
	p.SetTextColor(0, 0, 0)
}

// h2 is a block's heading inside a section.
func (d *doc) h2(title string) {
	p := d.pdf
	d.room(16)
	p.Ln(2)
	p.SetFont(font, "B", 11)
	p.SetTextColor(20, 50, 110)
	p.MultiCell(d.contentWidth(), 5.5, title, "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(0.5)
}

// source is the grey line under a block that says where it came from.
func (d *doc) source(text string) {
	if text == "" {
		return
	}
	p := d.pdf
	p.SetFont(font, "I", 8)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(d.contentWidth(), 3.8, text, "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(1)
}

// para is a paragraph of body text.
func (d *doc) para(text string) {
	d.paraStyle(text, "", [3]int{0, 0, 0})
}

// paraStyle is a paragraph in a style ("", "B", "I") and colour.
func (d *doc) paraStyle(text, style string, rgb [3]int) {
	p := d.pdf
	p.SetFont(font, style, bodySize)
	p.SetTextColor(rgb[0], rgb[1], rgb[2])
	p.MultiCell(d.contentWidth(), lineH, text, "", "L", false)
	p.SetTextColor(0, 0, 0)
}

// labelWidth is the width of the label column of kv rows.
const labelWidth = 52.0

// kv is a row of a label and its value; nothing when value is "".
func (d *doc) kv(label, value string) {
	if value == "" {
		return
	}
	p := d.pdf
	p.SetFont(font, "", bodySize)
	vw := d.contentWidth() - labelWidth
	lines := len(p.SplitText(value, vw-1))
	p.SetFont(font, "B", bodySize)
	if n := len(p.SplitText(label, labelWidth-2)); n > lines {
		lines = n
	}
	d.room(float64(lines) * lineH)
	x, y := p.GetX(), p.GetY()
	p.SetTextColor(70, 70, 70)
	p.MultiCell(labelWidth-2, lineH, label, "", "L", false)
	p.SetTextColor(0, 0, 0)
	y2 := p.GetY()
	p.SetXY(x+labelWidth, y)
	p.SetFont(font, "", bodySize)
	p.MultiCell(vw, lineH, value, "", "L", false)
	if y2 > p.GetY() {
		p.SetY(y2)
	}
	p.SetX(marginLeft)
}

// column is a table's column: its heading and share of the width.
type column struct {
	title string
	width float64 // a fraction of the content width
}

// cell is one table cell: its text and whether it is shown as a warning.
type cell struct {
	text string
	red  bool
}

// table writes rows under a heading row, which is repeated on each page
// the table runs on to.
func (d *doc) table(cols []column, rows [][]cell) {
	p := d.pdf
	cw := d.contentWidth()
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.width * cw
	}
	const size, lh = 8.5, 4.0
	head := func() {
		p.SetFont(font, "B", size)
		n := 1
		for i, c := range cols {
			if k := len(p.SplitText(c.title, widths[i]-2)); k > n {
				n = k
			}
		}
		d.room(float64(n)*lh + 2 + lh)
		x, y := marginLeft, p.GetY()
		p.SetFillColor(232, 236, 244)
		p.Rect(x, y, cw, float64(n)*lh+1.5, "F")
		for i, c := range cols {
			p.SetXY(x+1, y+0.75)
			p.MultiCell(widths[i]-2, lh, c.title, "", "L", false)
			x += widths[i]
		}
		p.SetXY(marginLeft, y+float64(n)*lh+1.5)
	}
	head()
	_, ph := p.GetPageSize()
	for r, row := range rows {
		p.SetFont(font, "", size)
		n := 1
		for i := range row {
			row[i].text = clip(row[i].text)
		}
		for i, c := range row {
			if i < len(widths) {
				if k := len(p.SplitText(c.text, widths[i]-2)); k > n {
					n = k
				}
			}
		}
		h := float64(n)*lh + 1.5
		if p.GetY()+h > ph-marginBottom {
			p.AddPage()
			head()
		}
		x, y := marginLeft, p.GetY()
		if r%2 == 1 {
			p.SetFillColor(247, 247, 247)
			p.Rect(x, y, cw, h, "F")
		}
		for i, c := range row {
			if i >= len(widths) {
				break
			}
			p.SetXY(x+1, y+0.75)
			if c.red {
				p.SetTextColor(198, 40, 40)
				p.SetFont(font, "B", size)
			}
			p.MultiCell(widths[i]-2, lh, c.text, "", "L", false)
			p.SetTextColor(0, 0, 0)
			p.SetFont(font, "", size)
			x += widths[i]
		}
		p.SetXY(marginLeft, y+h)
	}
	p.SetDrawColor(200, 200, 200)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, p.GetY(), marginLeft+cw, p.GetY())
	p.Ln(2)
}

// plain makes a row of plain cells.
func plain(texts ...string) []cell {
	row := make([]cell, len(texts))
	for i, s := range texts {
		row[i] = cell{text: s}
	}
	return row
}

// maxCell is the most characters a table cell shows: no register gives a
// longer value, and a longer one would not fit a page.
const maxCell = 500

// clip shortens s to maxCell characters with "…".
func clip(s string) string {
	if len(s) <= maxCell {
		return s
	}
	if r := []rune(s); len(r) > maxCell {
		return string(r[:maxCell]) + "…"
	}
	return s
}
