package certificates

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	// order is the button that opens the order wizard, orderWizard that
	// wizard (or the renewal) while open.
	order       *widget.Button
	orderWizard *orderWizard
	// pending offers to resume an order that was sent but not received,
	// with the button resume.
	pending *fyne.Container
	resume  *widget.Button
	// banner warns of certificates about to expire.
	banner *banner
	// show brings this screen forward in the window.
	show func()
	// notice says what the wizard stored.
	notice *widget.Label
	// export and confirm are the open export dialog and question, if any.
	export  *guikit.FormDialog
	confirm *guikit.ConfirmDialog
	// onChanged is told when certificates are stored or removed.
	onChanged func()
	// page is the screen inside its padding, laid out again when the
	// lines above the list appear or go.
	page *fyne.Container
}

// settingMPCertificate is the setting of internal/desk naming the
// certificate that signs Maskinporten grants.
const settingMPCertificate = "maskinporten.certificate"

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
	s.notice = guikit.WrapLabel("")
	s.notice.Importance = widget.SuccessImportance
	s.notice.Hide()
	s.add = widget.NewButtonWithIcon(lang.L("Import a certificate…"), theme.ContentAddIcon(), func() { s.OpenWizard() })
	s.add.Importance = widget.HighImportance
	s.order = widget.NewButtonWithIcon(lang.L("Order the Incomes Register certificate…"), theme.MailSendIcon(), func() { s.OpenOrder() })
	s.banner.renew = s.OpenRenew
	s.resume = widget.NewButtonWithIcon(lang.L("Resume"), theme.MediaPlayIcon(), func() { s.ResumeOrder() })
	s.resume.Importance = widget.HighImportance
	s.pending = container.NewBorder(nil, nil, nil, s.resume,
		guikit.WrapLabel(lang.L("An order of the Incomes Register certificate was sent but not received.")))
	s.pending.Hide()
	return s
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Certificates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, container.NewHBox(s.order, s.add))
	s.Reload()
	s.page = container.NewBorder(container.NewVBox(top, s.message, s.notice, s.pending), nil, nil, nil,
		container.NewVScroll(container.NewVBox(s.empty, s.list)))
	return container.NewPadded(s.page)
}

// Reload reads the list from the vault and redraws it, with the banner.
func (s *Screen) Reload() {
	list, err := s.desk.Certificates()
	if err != nil {
		s.showProblem(guikit.ProblemText(err))
		return
	}
	s.message.Hide()
	s.relayout()
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
	s.refreshPending()
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

// confirmRemove asks before deleting a certificate for good, with a
// button that names the action.
func (s *Screen) confirmRemove(name string) {
	s.host.Activity()
	s.confirm = guikit.ShowConfirmAction(s.host.Win, lang.L("Remove the certificate?"),
		lang.L("“{{.Name}}” and its key are removed from the vault for good. Export it first if you may need it again.", map[string]any{"Name": name}),
		lang.L("Remove certificate"), true, func() { s.remove(name) })
}

// remove deletes a certificate and redraws the list.
func (s *Screen) remove(name string) {
	s.host.Activity()
	if err := s.desk.RemoveCertificate(name); err != nil {
		s.showProblem(guikit.ProblemText(err))
		return
	}
	s.notice.Hide()
	s.Reload()
	s.changed()
}

// openExport asks for the new file's password, then where to save it. It
// stays open, with any problem in it, until the file is written.
func (s *Screen) openExport(name string) {
	s.host.Activity()
	password := guikit.NewPasswordEntry(s.host)
	repeat := guikit.NewPasswordEntry(s.host)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("New password"), password),
		widget.NewFormItem(lang.L("Repeat the new password"), repeat),
	}
	s.export = guikit.NewFormDialog(s.host.Win, lang.L("Export “{{.Name}}”", map[string]any{"Name": name}), lang.L("Export…"), items,
		lang.L("The exported file holds the private key. Send the password by another way than the file (for example by phone)."),
		func(f *guikit.FormDialog) { s.exportTo(f, name, password.Text, repeat.Text) })
	s.export.SetOnClosed(func() { s.export = nil })
	s.export.Show()
	s.host.Win.Canvas().Focus(password)
}

// exportTo checks the passwords, seals the certificate and asks where to
// save it; what goes wrong is said in the export dialog f.
func (s *Screen) exportTo(f *guikit.FormDialog, name, password, repeat string) {
	s.host.Activity()
	if password != repeat {
		f.ShowError(lang.L("The two new passwords differ."))
		return
	}
	data, err := s.desk.ExportCertificate(name, password)
	if err != nil {
		f.ShowError(guikit.ProblemText(err))
		return
	}
	f.ClearError()
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		defer clear(data)
		if err != nil {
			f.ShowError(guikit.ProblemText(err))
			return
		}
		if wc == nil {
			return // no file chosen: the export dialog stays open
		}
		_, werr := wc.Write(data)
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			f.ShowError(guikit.ProblemText(werr))
			return
		}
		f.Hide()
		dialog.ShowInformation(lang.L("Exported"), lang.L("Saved as {{.File}}.", map[string]any{"File": wc.URI().Name()}), s.host.Win)
	}, s.host.Win)
	save.SetFileName(name + ".pfx")
	guikit.ShowFileDialog(save, s.host.Win, []string{".pfx"}, false)
}

// imported tells, after the wizard stored a certificate, what it is and
// until when it is valid, and offers a certificate that can sign
// Maskinporten grants as the signing certificate.
func (s *Screen) imported(name string, info *certinfo.Info) {
	s.Reload()
	s.changed()
	s.notice.SetText(lang.L("Stored: {{.Name}}, valid until {{.Date}}.", map[string]any{"Name": name, "Date": guikit.Format().Day(info.NotAfter.Local())}))
	s.notice.Show()
	s.relayout()
	if s.show != nil {
		s.show()
	}
	if !slices.Contains(info.Uses, certinfo.UseMaskinporten) {
		return
	}
	current, err := s.desk.Setting(settingMPCertificate)
	if err != nil || current == name {
		return
	}
	message := lang.L("Motpart can sign in to Maskinporten and the Register of beneficial owners with “{{.Name}}”.", map[string]any{"Name": name})
	if current != "" {
		message = lang.L("Motpart signs in to Maskinporten with “{{.Current}}” now. Use “{{.Name}}” instead?", map[string]any{"Name": name, "Current": current})
	}
	s.confirm = guikit.ShowConfirmAction(s.host.Win, lang.L("Use “{{.Name}}” for Maskinporten?", map[string]any{"Name": name}), message,
		lang.L("Use for Maskinporten"), false, func() { s.useForMaskinporten(name) })
}

// useForMaskinporten makes name the certificate that signs Maskinporten
// grants.
func (s *Screen) useForMaskinporten(name string) {
	s.host.Activity()
	if err := s.desk.SetSettings(map[string]string{settingMPCertificate: name}); err != nil {
		s.showProblem(guikit.ProblemText(err))
		return
	}
	s.notice.SetText(s.notice.Text + " " + lang.L("Motpart signs in to Maskinporten with it."))
	s.relayout()
	s.changed()
}

// showProblem says what went wrong above the list.
func (s *Screen) showProblem(text string) {
	s.message.SetText(text)
	s.message.Show()
	s.relayout()
}

// relayout lays the screen out again after a line above the list
// appeared, changed or went.
func (s *Screen) relayout() {
	if s.page != nil {
		s.page.Refresh()
	}
}

// changed tells the window that the stored certificates or the choice of
// signing certificate changed.
func (s *Screen) changed() {
	if s.onChanged != nil {
		s.onChanged()
	}
}

// SetOnChanged sets what is called after a certificate is stored or
// removed, or chosen to sign Maskinporten grants: Settings lists them.
func (s *Screen) SetOnChanged(f func()) { s.onChanged = f }

// OpenWizard opens the certificate wizard, one at a time.
func (s *Screen) OpenWizard() {
	s.openWizard()
}

// openWizard opens the wizard (one at a time) and returns it.
func (s *Screen) openWizard() *certWizard {
	s.host.Activity()
	if s.wizard == nil {
		var w *certWizard
		w = newCertWizard(s.host, s.desk, s.imported, func() {
			if s.wizard == w {
				s.wizard = nil
			}
		})
		s.wizard = w
		w.open()
	}
	return s.wizard
}

// CloseWizard closes the import wizard and the order wizard if open (an
// order being awaited stays pending, to be resumed).
func (s *Screen) CloseWizard() {
	if s.wizard != nil {
		s.wizard.close()
	}
	if s.orderWizard != nil {
		s.orderWizard.close()
	}
}

// Drop takes a certificate file dropped on the window into the wizard.
func (s *Screen) Drop(u fyne.URI) {
	w := s.openWizard()
	w.show(stepFile)
	w.loadURI(u)
}

// refreshPending offers to resume an order of the Incomes Register
// certificate that was sent but not received.
func (s *Screen) refreshPending() {
	_, _, ok, err := s.desk.PendingFIOrder()
	if err != nil {
		fyne.LogError("reading the pending certificate order", err)
	}
	if ok && s.orderWizard == nil {
		s.pending.Show()
	} else {
		s.pending.Hide()
	}
	s.relayout()
}

// openOrder builds the order wizard (or renewal, with renew set), one at
// a time; nil when one is open already.
func (s *Screen) openOrder(renew string) *orderWizard {
	s.host.Activity()
	if s.orderWizard != nil {
		return nil
	}
	var w *orderWizard
	w = newOrderWizard(s.host, s.desk, renew, s.ordered, func() {
		if s.orderWizard == w {
			s.orderWizard = nil
		}
		s.refreshPending()
	})
	s.orderWizard = w
	s.pending.Hide()
	return w
}

// OpenOrder opens the wizard that orders the Incomes Register certificate
// from Vero.
func (s *Screen) OpenOrder() {
	if w := s.openOrder(""); w != nil {
		w.open()
	}
}

// ResumeOrder goes on waiting for an order that was sent but not
// received, in the wizard's progress step.
func (s *Screen) ResumeOrder() {
	if w := s.openOrder(""); w != nil {
		w.resume()
	}
}

// OpenRenew renews the Incomes Register certificate name from Vero,
// showing the progress.
func (s *Screen) OpenRenew(name string) {
	if w := s.openOrder(name); w != nil {
		w.startRenew()
	}
}

// ordered lists a certificate Vero issued and says it is stored.
func (s *Screen) ordered(c certinfo.Stored) {
	s.Reload()
	s.changed()
	if c.Info != nil {
		s.notice.SetText(lang.L("Stored: {{.Name}}, valid until {{.Date}}.", map[string]any{"Name": c.Name, "Date": storedUntil(c)}))
		s.notice.Show()
		s.relayout()
	}
}
