package clients

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// openAdd asks for a new client's number, reference and responsible
// person, and adds it.
func (s *Screen) openAdd() {
	s.host.Activity()
	number := guikit.NewEntry(s.host)
	number.SetPlaceHolder(lang.L("Organisation number (NO, SE, FI)"))
	reference, responsible := guikit.NewEntry(s.host), guikit.NewEntry(s.host)
	s.formEntries = []*guikit.Entry{number, reference, responsible}
	s.lastForm = guikit.NewFormDialog(s.host.Win, lang.L("Add a client"), lang.L("Add client"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Number"), number),
		widget.NewFormItem(lang.L("Reference"), reference),
		widget.NewFormItem(lang.L("Responsible"), responsible),
	}, "", func(f *guikit.FormDialog) {
		f.SetBusy(true)
		var c portfolio.Client
		s.host.Background(func() error {
			var err error
			c, err = s.desk.AddClient(number.Text, reference.Text, responsible.Text)
			return err
		}, func(err error) {
			f.SetBusy(false)
			if err != nil {
				f.ShowError(guikit.ProblemText(err))
				return
			}
			f.Hide()
			s.selected = c.Number
			s.Reload()
		})
	})
	s.lastForm.Show()
	s.host.Win.Canvas().Focus(number)
}

// openEdit changes the selected client's reference and responsible
// person.
func (s *Screen) openEdit() {
	c, ok := s.chosen()
	if !ok {
		return
	}
	s.host.Activity()
	reference, responsible := guikit.NewEntry(s.host), guikit.NewEntry(s.host)
	reference.SetText(c.Reference)
	responsible.SetText(c.Responsible)
	s.formEntries = []*guikit.Entry{reference, responsible}
	s.lastForm = guikit.NewFormDialog(s.host.Win, lang.L("Edit client"), lang.L("Save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Client"), widget.NewLabel(clientTitle(c))),
		widget.NewFormItem(lang.L("Reference"), reference),
		widget.NewFormItem(lang.L("Responsible"), responsible),
	}, "", func(f *guikit.FormDialog) {
		f.SetBusy(true)
		s.host.Background(func() error {
			return s.desk.UpdateClient(c.Number, reference.Text, responsible.Text)
		}, func(err error) {
			f.SetBusy(false)
			if err != nil {
				f.ShowError(guikit.ProblemText(err))
				return
			}
			f.Hide()
			s.Reload()
		})
	})
	s.lastForm.Show()
	s.host.Win.Canvas().Focus(reference)
}

// clientTitle is a client's name and number, or its number alone.
func clientTitle(c portfolio.Client) string {
	if c.Name == "" {
		return c.Number
	}
	return c.Name + " (" + c.Number + ")"
}

// confirmRemove asks before removing the selected client.
func (s *Screen) confirmRemove() {
	c, ok := s.chosen()
	if !ok {
		return
	}
	s.host.Activity()
	s.lastConfirm = guikit.ShowConfirmAction(s.host.Win, lang.L("Remove client"),
		lang.L("{{.Client}} will no longer be checked, and what the checks found of it is removed from the vault. Its saved dossier and notes stay.", map[string]any{"Client": clientTitle(c)}),
		lang.L("Remove client"), true, func() {
			s.host.Background(func() error { return s.desk.RemoveClient(c.Number) }, func(err error) {
				if err != nil {
					guikit.ShowProblem(s.host, err)
					return
				}
				s.Reload()
				s.changes.reload()
			})
		})
}

// exportDialog asks what to export (the client list or the changes) and
// in which format.
type exportDialog struct {
	*guikit.Dialog
	What, Format *widget.RadioGroup
	Save, Cancel *widget.Button
}

// exportFormats are the export formats' labels and extensions.
var exportFormats = []string{"Excel (XLSX)", "CSV"}
var exportExts = []string{".xlsx", ".csv"}

// openExport asks what to export.
func (s *Screen) openExport() { s.openExportOf(false) }

// openExportOf asks what to export, the changes chosen when changes is
// set, then where, and writes the file in the background.
func (s *Screen) openExportOf(changes bool) {
	s.host.Activity()
	d := &exportDialog{}
	whats := []string{lang.L("The client list"), lang.L("The changes shown (risk and period as chosen)")}
	d.What = widget.NewRadioGroup(whats, nil)
	d.What.Required = true
	d.What.SetSelected(whats[0])
	if changes {
		d.What.SetSelected(whats[1])
	}
	d.Format = widget.NewRadioGroup(exportFormats, nil)
	d.Format.Horizontal = true
	d.Format.Required = true
	d.Format.SetSelected(exportFormats[0])
	d.Cancel = widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d.Save = widget.NewButton(lang.L("Save…"), func() {
		d.Hide()
		ext := exportExts[max(indexOf(exportFormats, d.Format.Selected), 0)]
		f := s.changes.filter()
		ofChanges := d.What.Selected == whats[1]
		name := "clients-" + s.now().Format("2006-01-02") + ext
		if ofChanges {
			name = "client-changes-" + s.now().Format("2006-01-02") + ext
		}
		s.chooseSave(name, []string{ext}, func(path string) {
			if !strings.EqualFold(filepath.Ext(path), ext) {
				path += ext
			}
			s.host.Background(func() error {
				if ofChanges {
					return s.desk.ExportChanges(path, f, Labels())
				}
				return s.desk.ExportClients(path, Labels())
			}, func(err error) {
				if err != nil {
					guikit.ShowProblem(s.host, err)
					return
				}
				s.Count.SetText(lang.L("Saved as {{.File}}.", map[string]any{"File": filepath.Base(path)}))
			})
		})
	})
	d.Save.Importance = widget.HighImportance
	body := widget.NewForm(
		widget.NewFormItem(lang.L("Export"), d.What),
		widget.NewFormItem(lang.L("Format"), d.Format),
	)
	d.Dialog = guikit.NewDialog(s.host.Win, lang.L("Export"), body, 0, d.Cancel, d.Save)
	s.lastExport = d
	d.Show()
}

// indexOf is the index of v in list, -1 when absent.
func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// saveFileDialog asks where to save a file named name, in the downloads
// folder.
func saveFileDialog(h *guikit.Host, name string, exts []string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			guikit.ShowProblem(h, err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		done(path)
	}, h.Win)
	d.SetFileName(name)
	guikit.ShowFileDialog(d, h.Win, exts, true)
}

// openFileDialog asks for a client file (CSV or XLSX), in the downloads
// folder.
func openFileDialog(h *guikit.Host, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		done(path)
	}, h.Win)
	guikit.ShowFileDialog(d, h.Win, []string{".csv", ".xlsx"}, true)
}
