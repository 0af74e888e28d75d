package lookup

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/problem"
)

// makeReportButton builds the dossier's Make KYC report… button; it is
// disabled, with the reason in reportReason, when the vault keeps no
// dossier of the number (a report is made from the saved dossier) or is
// locked.
func (v *dossierView) makeReportButton(dos *dossier.Dossier) {
	v.reportButton = widget.NewButtonWithIcon(lang.L("Make KYC report…"), theme.DocumentPrintIcon(), func() {
		if v.report != nil {
			v.report(dos)
		}
	})
	v.reportReason = guikit.WrapLabel("")
	v.reportReason.SizeName = theme.SizeNameCaptionText
	v.reportReason.Hide()
	if _, err := v.desk.SavedDossier(dos.Number); err != nil {
		v.reportButton.Disable()
		v.reportReason.SetText(guikit.ProblemText(err))
		v.reportReason.Show()
	}
}

// reportDialog asks in which language to make a KYC report and whether
// to print identity numbers whole, and makes it.
type reportDialog struct {
	*guikit.Dialog
	language *widget.Select
	fullIDs  *widget.Check
	// Make makes the report; Cancel closes the dialog, or stops the
	// report being made.
	Make, Cancel *widget.Button
	// cancel stops the report being made; nil when none is.
	cancel context.CancelFunc
}

// reportMade says that a report was made and offers to open it or save
// a copy.
type reportMade struct {
	*guikit.Dialog
	doc               dossier.Document
	Open, Save, Close *widget.Button
}

// MakeReport opens the KYC report dialog for the dossier shown
// (Ctrl+Shift+K); it does nothing when none is shown or it cannot be
// made.
func (s *Screen) MakeReport() {
	s.host.Activity()
	if s.current == nil || s.dossier.reportButton == nil || s.dossier.reportButton.Disabled() {
		return
	}
	s.openReportDialog(s.current.Number, dossierName(s.current))
}

// reportLanguages are the languages a KYC report is written in, in the
// order the dialog offers them.
func reportLanguages() []string { return guikit.SupportedLanguages() }

// openReportDialog opens the report dialog for number, in the window's
// language, identity numbers masked.
func (s *Screen) openReportDialog(number, name string) *reportDialog {
	r := &reportDialog{}
	var names []string
	for _, l := range reportLanguages() {
		names = append(names, guikit.LanguageName(l))
	}
	r.language = widget.NewSelect(names, nil)
	r.language.SetSelectedIndex(0)
	for i, l := range reportLanguages() {
		if l == guikit.CurrentLanguage() {
			r.language.SetSelectedIndex(i)
		}
	}
	r.fullIDs = widget.NewCheck(lang.L("Include full identity numbers"), nil)
	logged := guikit.WrapLabel(lang.L("The choice is written to the audit log and printed on the report."))
	logged.SizeName = theme.SizeNameCaptionText
	r.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		s.host.Activity()
		if r.cancel != nil {
			r.cancel()
		}
		r.Hide()
	})
	r.Make = widget.NewButtonWithIcon(lang.L("Make"), theme.ConfirmIcon(), func() { s.makeReport(r, number, name) })
	r.Make.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Company"), guikit.WrapLabel(guikit.UnitText(name, number))),
		widget.NewFormItem(lang.L("Language"), guikit.Field(r.language)),
		widget.NewFormItem(lang.L("Identity numbers"), container.NewVBox(r.fullIDs, logged)),
	)
	r.Dialog = guikit.NewDialog(s.host.Win, lang.L("Make KYC report"), form, 0, r.Cancel, r.Make)
	r.Show()
	s.reportShown = r
	return r
}

// options are the dialog's choices.
func (r *reportDialog) options() dossier.ReportOptions {
	return dossier.ReportOptions{Language: reportLanguages()[max(r.language.SelectedIndex(), 0)], FullIDs: r.fullIDs.Checked}
}

// makeReport makes the report the dialog says, in the background, with
// a progress bar; Cancel stops it. Made, the report is listed in the
// Documents tab and offered to open or save.
func (s *Screen) makeReport(r *reportDialog, number, name string) {
	s.host.Activity()
	opt := r.options()
	// the report is made from the vault alone: a minute is a fault
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	r.cancel = cancel
	r.SetBusy(true)
	r.Cancel.Enable()
	var doc dossier.Document
	s.host.Background(func() error {
		var err error
		doc, err = s.desk.MakeKYCReport(ctx, number, opt)
		return err
	}, func(err error) {
		cancelled := ctx.Err() != nil && err != nil
		cancel()
		r.cancel = nil
		r.SetBusy(false)
		r.Hide()
		if err == nil && s.current != nil && s.current.Number == number && s.dossier.documents != nil {
			s.dossier.documents.refresh()
		}
		switch {
		case cancelled || problem.CodeOf(err) == problem.CodeCanceled:
			return
		case err != nil:
			guikit.ShowProblem(s.host, err)
			return
		}
		if doc.Name == "" {
			doc.Name = name
		}
		s.showReportMade(doc)
	})
}

// showReportMade says the report doc is in the vault, with Open and
// Save as….
func (s *Screen) showReportMade(doc dossier.Document) *reportMade {
	m := &reportMade{doc: doc}
	m.Open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { openDocument(s.host, s.desk, m.doc) })
	m.Open.Importance = widget.HighImportance
	m.Save = widget.NewButtonWithIcon(lang.L("Save as…"), theme.DocumentSaveIcon(), func() { saveDocumentAs(s.host, s.desk, s.chooseFile, m.doc) })
	m.Close = widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), func() { m.Hide() })
	text := guikit.WrapLabel(lang.L("The KYC report of {{.Company}} is in the vault, listed under Documents.",
		map[string]any{"Company": guikit.UnitText(doc.Name, doc.OrgNr)}))
	body := []fyne.CanvasObject{text, caption("SHA-256 " + shortHash(doc.SHA256))}
	m.Dialog = guikit.NewDialog(s.host.Win, lang.L("KYC report made"), container.NewVBox(body...), 0, m.Close, m.Save, m.Open)
	m.Show()
	s.reportMade = m
	return m
}
