package clients

import (
	"cmp"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// previewRows is how many of a file's rows the import dialog shows.
const previewRows = 5

// ImportDialog imports clients from a file: the file's first rows with a
// choice of the column for each role, then Import with progress and
// Cancel, then what became of every row.
type ImportDialog struct {
	*guikit.Dialog
	s    *Screen
	path string
	// Numbers, Reference and Responsible choose the columns.
	Numbers, Reference, Responsible *widget.Select
	// Note says what the file was read as, or what went wrong.
	Note   *widget.Label
	Bar    *widget.ProgressBar
	Report *widget.Label
	// Rows lists every row's outcome once imported, invalid rows first.
	Rows *fyne.Container
	// Import starts; Cancel stops the import or closes the dialog.
	Import, Cancel *widget.Button

	preview *fyne.Container
	box     *fyne.Container
	cancel  context.CancelFunc
	report  portfolio.ImportReport
	done    bool
}

// chooseImport asks for a client file and opens the import dialog on it.
func (s *Screen) chooseImport() {
	s.host.Activity()
	s.chooseOpen(func(path string) { s.OpenImport(path) })
}

// OpenImport opens the import dialog on the file at path and reads its
// first rows in the background.
func (s *Screen) OpenImport(path string) *ImportDialog {
	d := &ImportDialog{s: s, path: path}
	none := lang.L("(none)")
	d.Numbers = widget.NewSelect(nil, nil)
	d.Numbers.PlaceHolder = lang.L("Choose the column with the numbers")
	d.Reference = widget.NewSelect([]string{none}, nil)
	d.Reference.SetSelectedIndex(0)
	d.Responsible = widget.NewSelect([]string{none}, nil)
	d.Responsible.SetSelectedIndex(0)
	d.Numbers.OnChanged = func(string) { d.update() }
	d.Note = guikit.WrapLabel(lang.L("Reading the first rows…"))
	d.Bar = widget.NewProgressBar()
	d.Bar.Hide()
	d.Report = guikit.WrapLabel("")
	d.Report.Hide()
	d.Rows = container.NewVBox()
	rows := container.NewVScroll(d.Rows)
	rows.SetMinSize(fyne.NewSize(560, 180))
	d.Import = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), d.start)
	d.Import.Importance = widget.HighImportance
	d.Import.Disable()
	d.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.stop)
	d.preview = container.NewStack()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Numbers in"), d.Numbers),
		widget.NewFormItem(lang.L("Reference in"), d.Reference),
		widget.NewFormItem(lang.L("Responsible in"), d.Responsible),
	)
	file := widget.NewLabelWithStyle(filepath.Base(path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	file.Truncation = fyne.TextTruncateEllipsis
	rowsBox := container.NewVBox(d.Report, rows)
	rowsBox.Hide()
	d.box = container.NewVBox(file, d.Note, d.preview, form, d.Bar, rowsBox)
	d.Dialog = guikit.NewDialog(s.host.Win, lang.L("Import clients"), d.box, 640, d.Cancel, d.Import)
	s.importShown = d
	d.Show()
	var p portfolio.ImportPreview
	s.host.Background(func() error {
		var err error
		p, err = s.desk.PreviewClientImport(path)
		return err
	}, func(err error) {
		if err != nil {
			d.Note.Importance = widget.DangerImportance
			d.Note.SetText(guikit.ProblemText(err))
			return
		}
		d.showPreview(p)
	})
	return d
}

// ImportShown is the import dialog opened last, nil before.
func (s *Screen) ImportShown() *ImportDialog { return s.importShown }

// showPreview shows the file's first rows and preselects the columns
// found.
func (d *ImportDialog) showPreview(p portfolio.ImportPreview) {
	d.Note.SetText(lang.L("Read as {{.Format}}. Check the columns below, then import.", map[string]any{"Format": p.Format}))
	names := make([]string, len(p.Header))
	for i, h := range p.Header {
		names[i] = columnName(i, h)
	}
	none := lang.L("(none)")
	d.Numbers.Options = names
	d.Reference.Options = append([]string{none}, names...)
	d.Responsible.Options = append([]string{none}, names...)
	if p.Column >= 0 && p.Column < len(names) {
		d.Numbers.SetSelectedIndex(p.Column)
	}
	d.Reference.SetSelectedIndex(p.ReferenceColumn + 1)
	d.Responsible.SetSelectedIndex(p.ResponsibleColumn + 1)
	cols := len(p.Header)
	if cols > 0 {
		cells := make([]fyne.CanvasObject, 0, cols*(previewRows+1))
		for _, h := range p.Header {
			cells = append(cells, widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		for _, r := range p.Rows[:min(len(p.Rows), previewRows)] {
			for c := range cols {
				v := ""
				if c < len(r) {
					v = r[c]
				}
				l := widget.NewLabel(v)
				l.Truncation = fyne.TextTruncateEllipsis
				cells = append(cells, l)
			}
		}
		scroll := container.NewHScroll(guikit.NewTable(cols, -1, cells...))
		d.preview.Objects = []fyne.CanvasObject{scroll}
		d.preview.Refresh()
	}
	d.update()
	d.Fit()
}

// columnName names a column by its letter and header: "B: Org.nr".
func columnName(i int, header string) string {
	letter := ""
	for n := i; ; n = n/26 - 1 {
		letter = string(rune('A'+n%26)) + letter
		if n < 26 {
			break
		}
	}
	if header == "" {
		return lang.L("Column {{.Letter}}", map[string]any{"Letter": letter})
	}
	return letter + ": " + header
}

// update enables Import when a number column is chosen.
func (d *ImportDialog) update() {
	if d.Numbers.SelectedIndex() >= 0 && d.cancel == nil && !d.done {
		d.Import.Enable()
	} else {
		d.Import.Disable()
	}
}

// Options are the columns chosen.
func (d *ImportDialog) Options() portfolio.ImportOptions {
	return portfolio.ImportOptions{
		Column:            d.Numbers.SelectedIndex(),
		ReferenceColumn:   d.Reference.SelectedIndex() - 1,
		ResponsibleColumn: d.Responsible.SelectedIndex() - 1,
	}
}

// start imports the file in the background.
func (d *ImportDialog) start() {
	if d.cancel != nil || d.done {
		return
	}
	d.s.host.Activity()
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	opt := d.Options()
	d.Import.Disable()
	d.Numbers.Disable()
	d.Reference.Disable()
	d.Responsible.Disable()
	d.Bar.SetValue(0)
	d.Bar.Show()
	d.Note.SetText(lang.L("Importing…"))
	d.Fit()
	var rep portfolio.ImportReport
	d.s.host.Background(func() error {
		var err error
		rep, err = d.s.desk.ImportClients(ctx, d.path, opt, func(done, total int) {
			if total > 0 {
				d.s.host.Do(func() { d.Bar.SetValue(float64(done) / float64(total)) })
			}
		})
		return err
	}, func(err error) {
		cancel()
		d.cancel = nil
		d.Bar.Hide()
		if errors.Is(err, context.Canceled) {
			d.Note.Importance = widget.WarningImportance
			d.Note.SetText(lang.L("Import cancelled: no client was added."))
			d.Numbers.Enable()
			d.Reference.Enable()
			d.Responsible.Enable()
			d.update()
			return
		}
		if err != nil {
			d.Note.Importance = widget.DangerImportance
			d.Note.SetText(guikit.ProblemText(err))
			d.Numbers.Enable()
			d.Reference.Enable()
			d.Responsible.Enable()
			d.update()
			return
		}
		d.done = true
		d.showReport(rep)
		d.s.Reload()
	})
}

// stop cancels the import running (nothing is added), or closes the
// dialog.
func (d *ImportDialog) stop() {
	if d.cancel != nil {
		d.cancel()
		return
	}
	d.Hide()
}

// outcomeOrder puts the rows that need the user's eye first.
func outcomeOrder(o portfolio.ImportOutcome) int {
	switch o {
	case portfolio.ImportInvalid:
		return 0
	case portfolio.ImportEmpty:
		return 1
	case portfolio.ImportDuplicate:
		return 2
	case portfolio.ImportExisting:
		return 3
	}
	return 4
}

// showReport says what the import did: the counts, then every row,
// invalid rows first.
func (d *ImportDialog) showReport(rep portfolio.ImportReport) {
	d.report = rep
	d.Note.Importance = widget.SuccessImportance
	d.Note.SetText(lang.L("Import finished."))
	d.Report.SetText(lang.L("{{.Added}} added, {{.Existing}} already clients, {{.Duplicate}} twice in the file, {{.Invalid}} not valid, {{.Empty}} without a number.", map[string]any{
		"Added": rep.Added, "Existing": rep.Existing, "Duplicate": rep.Duplicate, "Invalid": rep.Invalid, "Empty": rep.Empty}))
	d.Report.Show()
	rows := slices.Clone(rep.Rows)
	slices.SortStableFunc(rows, func(a, b portfolio.ImportRow) int {
		return cmp.Or(cmp.Compare(outcomeOrder(a.Outcome), outcomeOrder(b.Outcome)), cmp.Compare(a.Line, b.Line))
	})
	d.Rows.Objects = nil
	for _, r := range rows {
		text := lang.L("Row {{.Line}}", map[string]any{"Line": strconv.Itoa(r.Line)}) + ": " + r.Value + " – " + ImportOutcomeText(r.Outcome)
		if r.Reason != "" {
			text += " (" + r.Reason + ")"
		}
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateEllipsis
		if r.Outcome == portfolio.ImportInvalid {
			l.Importance = widget.DangerImportance
		}
		d.Rows.Add(l)
	}
	d.Rows.Refresh()
	d.box.Objects[len(d.box.Objects)-1].Show()
	d.Cancel.SetText(lang.L("Close"))
	d.Import.Hide()
	d.Fit()
}

// Result is the report of the import made, if one finished.
func (d *ImportDialog) Result() (portfolio.ImportReport, bool) { return d.report, d.done }
