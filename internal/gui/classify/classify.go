// Package classify is the Classify customers screen: a firm drops or picks
// its customer register (CSV or Excel), sees its first rows with the column
// of organisation numbers found (and may choose another), and has every
// customer classified against SCB's sector file (sector, legal form, owner
// category), with progress, a Cancel, a summary with a chart by sector,
// and the result saved where the user says. The sector file itself is kept
// in the vault; the screen says how old it is and refreshes it.
package classify

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// Output formats, as the desk names them.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// formats are the output formats in the order the radio group offers
// them; formatNames are their labels (the same in every language).
func formats() []string     { return []string{FormatCSV, FormatXLSX} }
func formatNames() []string { return []string{"CSV", "Excel (XLSX)"} }

// Screen is the Classify customers tab. The widgets a test or the window
// drives are exported.
type Screen struct {
	host *guikit.Host
	desk Desk

	// the customer file and its preview
	path    string
	preview dossier.CustomerPreview
	// Pick opens a file dialog for the customer file.
	Pick *widget.Button
	// File names the file chosen; FileMessage says what became of it.
	File        *widget.Label
	FileMessage *widget.Label
	// Column chooses the column holding the numbers; ColumnNote says
	// whether it was found automatically.
	Column     *widget.Select
	ColumnNote *widget.Label
	// Format chooses the output format.
	Format *widget.RadioGroup
	table  *previewTable

	// the sector file (sectorfile.go)
	sector *sectorStrip

	// the run (run.go)
	run *runPanel

	// page holds it all; relayout lays it out again when a part shows or
	// hides.
	page   *fyne.Container
	scroll *container.Scroll
}

// New builds the screen on h, asking d.
func New(h *guikit.Host, d Desk) *Screen {
	s := &Screen{host: h, desk: d}
	s.Pick = widget.NewButtonWithIcon(lang.L("Choose a customer file…"), theme.FolderOpenIcon(), s.choose)
	s.File = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.File.Truncation = fyne.TextTruncateEllipsis
	s.FileMessage = guikit.WrapLabel(lang.L("Drop your customer list (CSV or Excel) on the window, or choose it. Motpart finds each customer in SCB's sector file and adds the sector, legal form and owner category; the other columns stay as they are."))
	s.Column = widget.NewSelect(nil, func(string) { s.columnChosen() })
	s.Column.PlaceHolder = lang.L("Choose the column with the numbers")
	s.Column.Disable()
	s.ColumnNote = guikit.WrapLabel("")
	s.ColumnNote.SizeName = theme.SizeNameCaptionText
	s.ColumnNote.Importance = widget.LowImportance
	s.ColumnNote.Hide()
	s.Format = widget.NewRadioGroup(formatNames(), nil)
	s.Format.Horizontal = true
	s.Format.Required = true
	s.Format.SetSelected(formatNames()[0])
	s.table = newPreviewTable()
	s.sector = newSectorStrip(s)
	s.run = newRunPanel(s)
	s.sector.load()
	s.updateRun()
	return s
}

// Content is the screen: the sector file's age, the file chosen with its
// choices, the run, the preview, and the summary of the run, in one
// scrolling page.
func (s *Screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Classify customers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	choices := widget.NewForm(
		widget.NewFormItem(lang.L("Numbers in"), container.NewVBox(s.Column, s.ColumnNote)),
		widget.NewFormItem(lang.L("Save as"), s.Format),
	)
	s.page = container.New(pageLayout{},
		title,
		s.sector.content(),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, s.Pick, nil, s.File),
		s.FileMessage,
		choices,
		s.run.controls(),
		s.table.content(),
		s.run.summary,
	)
	s.scroll = container.NewVScroll(s.page)
	return container.NewPadded(s.scroll)
}

// relayout lays the page out again, after parts of it were shown or
// hidden (a container does not notice that by itself).
func (s *Screen) relayout() {
	if s.page != nil {
		s.page.Refresh()
	}
}

// Drop opens a file dropped on the window.
func (s *Screen) Drop(u fyne.URI) {
	if u == nil {
		return
	}
	s.Open(u.Path())
}

// IsCustomerFile reports whether name looks like a customer file the
// screen reads (.csv or .xlsx), so the window knows where a dropped file
// belongs.
func IsCustomerFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx":
		return true
	}
	return false
}

// choose asks for the customer file in a file dialog, starting in the
// downloads folder.
func (s *Screen) choose() {
	s.host.Activity()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		s.Open(path)
	}, s.host.Win)
	guikit.ShowFileDialog(d, s.host.Win, []string{".csv", ".xlsx"}, true)
}

// Open reads the first rows of the customer file at path in the
// background and shows them, with the number column found selected. A
// summary of an earlier file is cleared.
func (s *Screen) Open(path string) {
	if s.run.running() {
		return
	}
	s.host.Activity()
	s.path = path
	s.preview = dossier.CustomerPreview{NumberColumn: -1}
	s.File.SetText(filepath.Base(path))
	s.FileMessage.Importance = widget.MediumImportance
	s.FileMessage.SetText(lang.L("Reading the first rows…"))
	s.Column.Options = nil
	s.Column.ClearSelected()
	s.Column.Disable()
	s.ColumnNote.SetText("")
	s.ColumnNote.Hide()
	s.table.show(dossier.CustomerPreview{NumberColumn: -1}, -1)
	s.run.clear()
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		s.Format.SetSelected(formatNames()[1])
	} else {
		s.Format.SetSelected(formatNames()[0])
	}
	s.updateRun()
	var p dossier.CustomerPreview
	s.host.Background(func() error {
		var err error
		p, err = s.desk.PreviewCustomers(path)
		return err
	}, func(err error) {
		if s.path != path {
			return // another file was chosen meanwhile
		}
		if err != nil {
			s.FileMessage.Importance = widget.DangerImportance
			s.FileMessage.SetText(guikit.ProblemText(err))
			s.path = ""
			s.updateRun()
			return
		}
		s.showPreview(p)
	})
}

// showPreview shows a file's first rows and offers its columns.
func (s *Screen) showPreview(p dossier.CustomerPreview) {
	s.preview = p
	s.FileMessage.Importance = widget.MediumImportance
	s.FileMessage.SetText(lang.L("The first rows of the file. The column with the numbers is marked; choose another if it is wrong."))
	s.Column.Options = columnNames(p.Header)
	s.Column.Enable()
	s.ColumnNote.Show()
	if p.NumberColumn >= 0 && p.NumberColumn < len(p.Header) {
		s.Column.SetSelectedIndex(p.NumberColumn)
		s.ColumnNote.SetText(lang.L("Found by Motpart: the column whose values are organisation or personal numbers."))
	} else {
		s.Column.ClearSelected()
		s.ColumnNote.SetText(lang.L("Motpart found no column of organisation numbers. Choose the one that holds them."))
	}
	s.table.show(p, s.Column.SelectedIndex())
	s.updateRun()
}

// columnChosen marks the column chosen in the preview.
func (s *Screen) columnChosen() {
	s.host.Activity()
	i := s.Column.SelectedIndex()
	if i >= 0 && i != s.preview.NumberColumn {
		s.ColumnNote.SetText(lang.L("Chosen by you."))
	}
	s.table.show(s.preview, i)
	s.updateRun()
}

// columnNames are the header's names for the select, with a name made up
// for an empty one; each name is unique, so the select can tell them
// apart.
func columnNames(header []string) []string {
	names := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.TrimSpace(h)
		if name == "" || seen[name] {
			name = lang.L("Column {{.Number}}", map[string]any{"Number": i + 1})
		}
		seen[name] = true
		names[i] = name
	}
	return names
}

// chosenColumn is the header of the column chosen, as the desk is to be
// told it; "" when none is chosen (the desk then finds it).
func (s *Screen) chosenColumn() string {
	i := s.Column.SelectedIndex()
	if i < 0 || i >= len(s.preview.Header) {
		return ""
	}
	return s.preview.Header[i]
}

// chosenFormat is the output format chosen.
func (s *Screen) chosenFormat() string {
	for i, name := range formatNames() {
		if name == s.Format.Selected {
			return formats()[i]
		}
	}
	return FormatCSV
}

// updateRun enables Run only when there is a file with a column chosen, a
// sector file, and nothing running.
func (s *Screen) updateRun() {
	ready := s.path != "" && len(s.preview.Header) > 0 && s.Column.SelectedIndex() >= 0 &&
		s.sector.has && !s.sector.refreshing() && !s.run.running()
	if ready {
		s.run.Run.Enable()
	} else {
		s.run.Run.Disable()
	}
	if s.run.running() || s.sector.refreshing() {
		s.Pick.Disable()
	} else {
		s.Pick.Enable()
	}
	s.relayout()
}

// Close cancels the work the screen runs, for when the vault locks.
func (s *Screen) Close() {
	s.sector.cancel()
	s.run.cancel()
}

// RunTo classifies the customer file shown and saves the result at out,
// as Run does once the user has said where; for the window's tests and
// the screenshots.
func (s *Screen) RunTo(out string) { s.run.RunTo(out) }

// RefreshSectorFile fetches SCB's sector file in the background, as the
// Refresh button does.
func (s *Screen) RefreshSectorFile() { s.sector.refresh() }

// Summary is the summary of the last run that finished, or nil.
func (s *Screen) Summary() *dossier.ClassifySummary { return s.run.Last }

// Message is what the screen last said of a run: how it ended.
func (s *Screen) Message() string {
	if !s.run.Message.Visible() {
		return ""
	}
	return s.run.Message.Text
}
