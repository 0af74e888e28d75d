package certificates

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// Screen lists the certificates in the vault, with import, export and
// remove; it owns the import wizard and the banner that warns of
// certificates about to expire.
type Screen struct {
	host    *guikit.Host
	desk    Desk
	list    *fyne.Container
	empty   *widget.Label
	message *widget.Label
	add     *widget.Button
	stored  []certinfo.Stored
	// wizard is the open certificate wizard, if any.
	wizard *certWizard
	// banner warns of certificates about to expire.
	banner *banner
	// show brings this screen forward in the window.
	show func()
}

// New builds the Certificates screen on h, asking d; show brings the
// screen forward in the window (after an import, or from the banner).
func New(h *guikit.Host, d Desk, show func()) *Screen {
	s := &Screen{host: h, desk: d, show: show}
	s.banner = newBanner(h, d, show)
	s.list = container.NewVBox()
	s.empty = guikit.WrapLabel(lang.L("No certificates yet. Import the .pfx or .p12 file a register sent you; Motpart explains what it is before it stores it."))
	s.message = guikit.WrapLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Hide()
	s.add = widget.NewButtonWithIcon(lang.L("Import a certificate…"), theme.ContentAddIcon(), func() { s.OpenWizard() })
	s.add.Importance = widget.HighImportance
	return s
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Certificates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, s.add)
	s.Reload()
	return container.NewPadded(container.NewBorder(container.NewVBox(top, s.message), nil, nil, nil,
		container.NewVScroll(container.NewVBox(s.empty, s.list))))
}

// Reload reads the list from the vault and redraws it, with the banner.
func (s *Screen) Reload() {
	list, err := s.desk.Certificates()
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
	s.banner.refresh()
}

// row shows one certificate: name, holder, use and days left, highlighted
// when 60 days or fewer are left.
func (s *Screen) row(c certinfo.Stored) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	holder := widget.NewLabel(c.Info.Holder)
	uses := guikit.CertUsesText(c.Info)
	if uses == "" {
		uses = lang.L("No register recognised")
	}
	use := guikit.WrapLabel(uses)
	days := widget.NewLabel(guikit.CertValidityText(c.Info))
	switch {
	case c.Info.Status == certinfo.StatusExpired:
		days.Importance = widget.DangerImportance
	case c.Info.DaysLeft <= certinfo.ExpiringDays:
		days.Importance = widget.WarningImportance
	}
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), func() { s.openExport(c.Name) })
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.confirmRemove(c.Name) })
	remove.Importance = widget.DangerImportance
	text := container.NewVBox(container.NewHBox(name, holder), use, days)
	return container.NewBorder(nil, nil, nil, container.NewVBox(export, remove), text)
}

// confirmRemove asks before deleting a certificate for good.
func (s *Screen) confirmRemove(name string) {
	s.host.Activity()
	dialog.ShowConfirm(lang.L("Remove the certificate?"),
		lang.L("“{{.Name}}” and its key are removed from the vault for good. Export it first if you may need it again.", map[string]any{"Name": name}),
		func(ok bool) {
			if ok {
				s.remove(name)
			}
		}, s.host.Win)
}

// remove deletes a certificate and redraws the list.
func (s *Screen) remove(name string) {
	if err := s.desk.RemoveCertificate(name); err != nil {
		s.message.SetText(guikit.ProblemText(err))
		s.message.Show()
		return
	}
	s.Reload()
}

// openExport asks for the new file's password, then where to save it.
func (s *Screen) openExport(name string) {
	s.host.Activity()
	password := widget.NewPasswordEntry()
	repeat := widget.NewPasswordEntry()
	note := guikit.WrapLabel(lang.L("The exported file holds the private key. Send the password by another way than the file (for example by phone)."))
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
			dialog.ShowError(guikit.ErrorText(lang.L("The two new passwords differ.")), s.host.Win)
			return
		}
		data, err := s.desk.ExportCertificate(name, password.Text)
		if err != nil {
			guikit.ShowProblem(s.host, err)
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
				guikit.ShowProblem(s.host, werr)
				return
			}
			dialog.ShowInformation(lang.L("Exported"), lang.L("Saved as {{.File}}.", map[string]any{"File": wc.URI().Name()}), s.host.Win)
		}, s.host.Win)
		save.SetFileName(name + ".pfx")
		save.SetFilter(storage.NewExtensionFileFilter([]string{".pfx"}))
		save.Show()
	}, s.host.Win)
}

// OpenWizard opens the certificate wizard, one at a time.
func (s *Screen) OpenWizard() {
	s.openWizard()
}

// openWizard opens the wizard (one at a time) and returns it.
func (s *Screen) openWizard() *certWizard {
	s.host.Activity()
	if s.wizard == nil {
		var w *certWizard
		w = newCertWizard(s.host, s.desk, func() {
			s.Reload()
			if s.show != nil {
				s.show()
			}
		}, func() {
			if s.wizard == w {
				s.wizard = nil
			}
		})
		s.wizard = w
		w.open()
	}
	return s.wizard
}

// CloseWizard closes the wizard if it is open.
func (s *Screen) CloseWizard() {
	if s.wizard != nil {
		s.wizard.close()
	}
}

// Drop takes a certificate file dropped on the window into the wizard.
func (s *Screen) Drop(u fyne.URI) {
	w := s.openWizard()
	w.show(stepFile)
	w.loadURI(u)
}
