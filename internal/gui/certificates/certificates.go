package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// certificatesScreen lists the certificates in the vault, with import,
// export and remove.
type certificatesScreen struct {
	app     *App
	list    *fyne.Container
	empty   *widget.Label
	message *widget.Label
	add     *widget.Button
	stored  []certs.Stored
}

func newCertificatesScreen(a *App) *certificatesScreen {
	s := &certificatesScreen{app: a}
	s.list = container.NewVBox()
	s.empty = wrapLabel(lang.L("No certificates yet. Import the .pfx or .p12 file a register sent you; Motpart explains what it is before it stores it."))
	s.message = wrapLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Hide()
	s.add = widget.NewButtonWithIcon(lang.L("Import a certificate…"), theme.ContentAddIcon(), func() { a.openWizard() })
	s.add.Importance = widget.HighImportance
	return s
}

func (s *certificatesScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Certificates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, s.add)
	s.reload()
	return container.NewPadded(container.NewBorder(container.NewVBox(top, s.message), nil, nil, nil,
		container.NewVScroll(container.NewVBox(s.empty, s.list))))
}

// reload reads the list from the vault and redraws it.
func (s *certificatesScreen) reload() {
	list, err := s.app.desk.Certificates()
	if err != nil {
		s.message.SetText(guikit.ProblemText(err))
		s.message.Show()
		return
	}
	s.message.Hide()
	s.stored = list
	rows := make([]fyne.CanvasObject, 0, 2*len(list))
	for _, c := range list {
		rows = append(rows, s.row(c), widget.NewSeparator())
	}
	s.list.Objects = rows
	s.list.Refresh()
	if len(list) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	s.app.refreshBanner(list)
}

// row shows one certificate: name, holder, use and days left, highlighted
// when 60 days or fewer are left.
func (s *certificatesScreen) row(c certs.Stored) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	holder := widget.NewLabel(c.Info.Holder)
	uses := guikit.CertUsesText(c.Info)
	if uses == "" {
		uses = lang.L("No register recognised")
	}
	use := wrapLabel(uses)
	days := widget.NewLabel(guikit.CertValidityText(c.Info))
	switch {
	case c.Info.Status == certs.StatusExpired:
		days.Importance = widget.DangerImportance
	case c.Info.DaysLeft <= certs.ExpiringDays:
		days.Importance = widget.WarningImportance
	}
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), func() { s.openExport(c.Name) })
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.confirmRemove(c.Name) })
	remove.Importance = widget.DangerImportance
	text := container.NewVBox(container.NewHBox(name, holder), use, days)
	return container.NewBorder(nil, nil, nil, container.NewVBox(export, remove), text)
}

// confirmRemove asks before deleting a certificate for good.
func (s *certificatesScreen) confirmRemove(name string) {
	s.app.activity()
	dialog.ShowConfirm(lang.L("Remove the certificate?"),
		lang.L("“{{.Name}}” and its key are removed from the vault for good. Export it first if you may need it again.", map[string]any{"Name": name}),
		func(ok bool) {
			if ok {
				s.remove(name)
			}
		}, s.app.win)
}

// remove deletes a certificate and redraws the list.
func (s *certificatesScreen) remove(name string) {
	if err := s.app.desk.RemoveCertificate(name); err != nil {
		s.message.SetText(guikit.ProblemText(err))
		s.message.Show()
		return
	}
	s.reload()
}

// openExport asks for the new file's password, then where to save it.
func (s *certificatesScreen) openExport(name string) {
	a := s.app
	a.activity()
	password := widget.NewPasswordEntry()
	repeat := widget.NewPasswordEntry()
	note := wrapLabel(lang.L("The exported file holds the private key. Send the password by another way than the file (for example by phone)."))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("New password"), password),
		widget.NewFormItem(lang.L("Repeat the new password"), repeat),
		widget.NewFormItem("", note),
	}
	dialog.ShowForm(lang.L("Export “{{.Name}}”", map[string]any{"Name": name}), lang.L("Export…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if password.Text != repeat.Text {
			dialog.ShowError(errorText(lang.L("The two new passwords differ.")), a.win)
			return
		}
		data, err := a.desk.ExportCertificate(name, password.Text)
		if err != nil {
			dialog.ShowError(errorText(guikit.ProblemText(err)), a.win)
			return
		}
		save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			defer clear(data)
			if err != nil || wc == nil {
				return
			}
			_, werr := wc.Write(data)
			if cerr := wc.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				dialog.ShowError(errorText(guikit.ProblemText(werr)), a.win)
				return
			}
			dialog.ShowInformation(lang.L("Exported"), lang.L("Saved as {{.File}}.", map[string]any{"File": wc.URI().Name()}), a.win)
		}, a.win)
		save.SetFileName(name + ".pfx")
		save.SetFilter(storage.NewExtensionFileFilter([]string{".pfx"}))
		save.Show()
	}, a.win)
}

// errorText is an error whose text is already in the user's words.
type errorText string

func (e errorText) Error() string { return string(e) }
