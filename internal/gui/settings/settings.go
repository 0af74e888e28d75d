// Package settings is the Settings screen: the interface language, the
// auto-lock delay, the vault password, the registers' addresses and
// credentials, and the offline copy of the Register of beneficial owners.
package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// Screen is the Settings tab. Language and AutoLock are exported so the
// window and end-to-end tests can reach them.
type Screen struct {
	host     *guikit.Host
	desk     Desk
	Language *widget.Select
	AutoLock *widget.Select
	// passwordDialog is the open change-password dialog, if any.
	passwordDialog *PasswordDialog
	// replaceQuestion is the open question whether a much smaller
	// download may replace the offline copy, if any.
	replaceQuestion *ReplaceQuestion

	// the registers
	environment  *widget.Select
	brregURL     *widget.Entry
	grunndataURL *widget.Entry
	grunndataID  *widget.Entry
	grunndataPW  *widget.Entry
	saveRegs     *widget.Button
	regsMessage  *widget.Label

	// Maskinporten and the offline copy of the Register of beneficial owners
	mpClientID    *widget.Entry
	mpScope       *widget.Select
	ownersAPI     *widget.RadioGroup
	mpCertificate *widget.Select
	copyInfo      *widget.Label
	importCopy    *widget.Button
	cancelImport  *widget.Button
	importBar     *widget.ProgressBar
	refreshCopy   *widget.Button
	cancel        context.CancelFunc
}

// Setting keys of internal/desk (the window reaches them through Desk).
const (
	settingEnvironment       = "environment"
	settingBrregURL          = "brreg.url"
	settingGrunndataURL      = "grunndata.url"
	settingGrunndataUser     = "grunndata.userid"
	settingGrunndataPassword = "grunndata.password"
	settingMPClientID        = "maskinporten.client_id"
	settingMPScope           = "maskinporten.scope"
	settingMPCertificate     = "maskinporten.certificate"
	settingOwnersAPI         = "rrh.api"
)

// ownersAPIs are the values of the owners register's API setting, in the
// order the radio group offers them; ownersAPINames are their labels.
func ownersAPIs() []string { return []string{"partner", "v1"} }

func ownersAPINames() []string {
	return []string{lang.L("Partner API (answer shape confirmed)"), lang.L("v1 API (experimental: answer shape not confirmed; has the change log)")}
}

// environments are the values of the environment setting, in the order
// the select offers them.
func environments() []string { return []string{"sandbox", "test", "production"} }

// New builds the Settings screen on h, asking d. changeLanguage is called
// with the language a person chose ("" for the system's); autoLockChanged
// after the auto-lock delay in the preferences changed.
func New(h *guikit.Host, d Desk, changeLanguage func(code string), autoLockChanged func()) *Screen {
	s := &Screen{host: h, desk: d}
	s.Language = languageSelect(h.Prefs, changeLanguage)
	s.AutoLock = autoLockSelect(h.Prefs, autoLockChanged)
	s.environment = widget.NewSelect([]string{lang.L("Sandbox (local simulators)"), lang.L("Test hosts"), lang.L("Production")}, nil)
	s.environment.PlaceHolder = lang.L("Choose…")
	s.brregURL = widget.NewEntry()
	s.brregURL.SetPlaceHolder(lang.L("Default for the environment"))
	s.grunndataURL = widget.NewEntry()
	s.grunndataURL.SetPlaceHolder(lang.L("Default for the environment"))
	s.grunndataID = widget.NewEntry()
	s.grunndataPW = widget.NewPasswordEntry()
	s.grunndataPW.SetPlaceHolder(lang.L("Unchanged"))
	s.saveRegs = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.saveRegisters)
	s.regsMessage = guikit.WrapLabel("")
	s.regsMessage.Hide()
	s.mpClientID = widget.NewEntry()
	s.mpClientID.SetPlaceHolder(lang.L("From Samarbeidsportalen; empty in the sandbox"))
	s.mpScope = widget.NewSelect(d.OwnerScopes(), nil)
	s.mpScope.PlaceHolder = lang.L("Choose…")
	s.ownersAPI = widget.NewRadioGroup(ownersAPINames(), nil)
	s.ownersAPI.Required = true
	s.mpCertificate = widget.NewSelect(nil, nil)
	s.mpCertificate.PlaceHolder = lang.L("Choose…")
	s.copyInfo = guikit.WrapLabel("")
	s.importCopy = widget.NewButtonWithIcon(lang.L("Import a download of the register…"), theme.DownloadIcon(), s.chooseCopy)
	s.cancelImport = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		if s.cancel != nil {
			s.cancel()
		}
	})
	s.cancelImport.Hide()
	s.importBar = widget.NewProgressBar()
	s.importBar.Hide()
	s.refreshCopy = widget.NewButtonWithIcon(lang.L("Update from the change log"), theme.ViewRefreshIcon(), s.refreshFromLog)
	s.loadRegisters()
	return s
}

// showCopyInfo says which offline copy of the register the vault holds.
func (s *Screen) showCopyInfo() {
	c, ok, err := s.desk.OwnersCopy()
	switch {
	case err != nil:
		s.copyInfo.SetText(guikit.ProblemText(err))
	case !ok:
		s.copyInfo.SetText(lang.L("No offline copy. Import the register's full download (totalbestand) to look owners up when the register cannot be reached."))
	default:
		s.copyInfo.SetText(lang.L("Offline copy of {{.Date}}: {{.Count}} organisations.", map[string]any{"Date": c.Date, "Count": c.Registrations}))
	}
}

// refreshFromLog brings the offline copy up to date in the background.
func (s *Screen) refreshFromLog() {
	s.host.Activity()
	s.refreshCopy.Disable()
	var n int
	s.host.Background(func() error {
		var err error
		n, err = s.desk.RefreshOwnersCopy(context.Background())
		return err
	}, func(err error) {
		s.refreshCopy.Enable()
		s.showCopyInfo()
		if err != nil {
			s.copyInfo.SetText(s.copyInfo.Text + " " + guikit.ProblemText(err))
			return
		}
		s.copyInfo.SetText(s.copyInfo.Text + " " + lang.L("{{.Count}} organisations updated from the change log.", map[string]any{"Count": n}))
	})
}

// chooseCopy asks for the download and imports it.
func (s *Screen) chooseCopy() {
	s.host.Activity()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		s.importFrom(path)
	}, s.host.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip", ".json", ".csv"}))
	d.Show()
}

// importFrom imports the download at path in the background, with a
// progress bar and a Cancel button.
func (s *Screen) importFrom(path string) {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.importCopy.Disable()
	s.cancelImport.Show()
	s.importBar.SetValue(0)
	s.importBar.Show()
	s.host.Background(func() error {
		_, err := s.desk.ImportOwnersCopy(ctx, path, "", s.askReplaceSmaller(ctx), func(read, total int64, n int) {
			if total > 0 {
				fraction := float64(read) / float64(total)
				s.host.Do(func() { s.importBar.SetValue(fraction) })
			}
			s.host.Activity()
		})
		return err
	}, func(err error) {
		cancel()
		s.cancel = nil
		s.importCopy.Enable()
		s.cancelImport.Hide()
		s.importBar.Hide()
		if err != nil {
			s.copyInfo.SetText(guikit.ProblemText(err))
			return
		}
		s.showCopyInfo()
	})
}

// ReplaceQuestion asks whether a download with far fewer organisations
// than the offline copy may replace it; its buttons name the two actions.
type ReplaceQuestion struct {
	dialog *dialog.CustomDialog
	// Message says how many organisations each has.
	Message *widget.Label
	// Replace replaces the copy; Keep keeps it and ends the import.
	Replace, Keep *widget.Button
}

// ReplaceQuestion is the open question whether a much smaller download
// may replace the offline copy, or nil.
func (s *Screen) ReplaceQuestion() *ReplaceQuestion { return s.replaceQuestion }

// askReplaceSmaller returns what the import calls when the download holds
// far fewer organisations than the copy: it asks the user in a dialog and
// waits for the answer (or for ctx, which the Cancel button cancels).
func (s *Screen) askReplaceSmaller(ctx context.Context) func(registrations, current int) bool {
	return func(registrations, current int) bool {
		answer := make(chan bool, 1)
		s.host.Do(func() {
			q := &ReplaceQuestion{Message: widget.NewLabel(lang.L("The new download has {{.New}} organisations, the copy has {{.Current}}. Replace it?",
				map[string]any{"New": registrations, "Current": current}))}
			q.Message.Wrapping = fyne.TextWrapWord
			done := func(ok bool) {
				s.host.Activity()
				q.dialog.Hide()
				s.replaceQuestion = nil
				select {
				case answer <- ok:
				default: // answered already
				}
			}
			q.Replace = widget.NewButton(lang.L("Replace the copy"), func() { done(true) })
			q.Replace.Importance = widget.DangerImportance
			q.Keep = widget.NewButton(lang.L("Keep the copy"), func() { done(false) })
			q.dialog = dialog.NewCustomWithoutButtons(lang.L("Replace the offline copy?"), container.NewGridWrap(fyne.NewSize(420, 80), q.Message), s.host.Win)
			q.dialog.SetButtons([]fyne.CanvasObject{q.Keep, q.Replace})
			s.replaceQuestion = q
			q.dialog.Show()
		})
		select {
		case ok := <-answer:
			return ok
		case <-ctx.Done():
			s.host.Do(func() {
				if q := s.replaceQuestion; q != nil {
					q.dialog.Hide()
					s.replaceQuestion = nil
				}
			})
			return false
		}
	}
}

// loadRegisters shows the stored register settings (never the password).
func (s *Screen) loadRegisters() {
	get := func(key string) string { v, _ := s.desk.Setting(key); return v }
	env := get(settingEnvironment)
	s.environment.SetSelectedIndex(0)
	for i, e := range environments() {
		if e == env {
			s.environment.SetSelectedIndex(i)
		}
	}
	s.brregURL.SetText(get(settingBrregURL))
	s.grunndataURL.SetText(get(settingGrunndataURL))
	s.grunndataID.SetText(get(settingGrunndataUser))
	if get(settingGrunndataPassword) != "" {
		s.grunndataPW.SetPlaceHolder(lang.L("Stored; type to replace"))
	}
	s.mpClientID.SetText(get(settingMPClientID))
	s.mpScope.SetSelected(get(settingMPScope))
	s.ownersAPI.SetSelected(ownersAPINames()[0])
	for i, api := range ownersAPIs() {
		if api == get(settingOwnersAPI) {
			s.ownersAPI.SetSelected(ownersAPINames()[i])
		}
	}
	names := []string{lang.L("The sandbox's demo certificate")}
	if list, err := s.desk.Certificates(); err == nil {
		for _, c := range list {
			names = append(names, c.Name)
		}
	}
	s.mpCertificate.Options = names
	s.mpCertificate.SetSelectedIndex(0)
	if chosen := get(settingMPCertificate); chosen != "" {
		s.mpCertificate.SetSelected(chosen)
	}
	s.showCopyInfo()
}

// saveRegisters stores the register settings, all or none, in one call.
func (s *Screen) saveRegisters() {
	s.host.Activity()
	values := map[string]string{
		settingEnvironment:   environments()[max(0, s.environment.SelectedIndex())],
		settingBrregURL:      s.brregURL.Text,
		settingGrunndataURL:  s.grunndataURL.Text,
		settingGrunndataUser: s.grunndataID.Text,
		settingMPClientID:    s.mpClientID.Text,
		settingMPScope:       s.mpScope.Selected,
		settingMPCertificate: "",
		settingOwnersAPI:     "",
	}
	if s.grunndataPW.Text != "" {
		values[settingGrunndataPassword] = s.grunndataPW.Text
	}
	if s.mpCertificate.SelectedIndex() > 0 {
		values[settingMPCertificate] = s.mpCertificate.Selected
	}
	for i, name := range ownersAPINames() {
		if name == s.ownersAPI.Selected && i > 0 { // the Partner API is the default
			values[settingOwnersAPI] = ownersAPIs()[i]
		}
	}
	if err := s.desk.SetSettings(values); err != nil {
		s.regsMessage.Importance = widget.DangerImportance
		s.regsMessage.SetText(guikit.ProblemText(err))
		s.regsMessage.Show()
		return
	}
	s.grunndataPW.SetText("")
	s.loadRegisters()
	s.regsMessage.Importance = widget.SuccessImportance
	s.regsMessage.SetText(lang.L("Saved. The next lookup uses these settings."))
	s.regsMessage.Show()
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	change := widget.NewButtonWithIcon(lang.L("Change the vault password…"), theme.AccountIcon(), s.OpenPasswordDialog)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), s.Language),
		widget.NewFormItem(lang.L("Lock after"), s.AutoLock),
		widget.NewFormItem(lang.L("Vault password"), container.NewHBox(change)),
	)
	path := widget.NewLabel(lang.L("Vault file: {{.Path}}", map[string]any{"Path": s.desk.VaultPath()}))
	path.Wrapping = fyne.TextWrapBreak
	regs := widget.NewForm(
		widget.NewFormItem(lang.L("Environment"), s.environment),
		widget.NewFormItem(lang.L("Enhetsregisteret address"), s.brregURL),
		widget.NewFormItem(lang.L("grunndataWS address"), s.grunndataURL),
		widget.NewFormItem(lang.L("grunndataWS user id"), s.grunndataID),
		widget.NewFormItem(lang.L("grunndataWS password"), s.grunndataPW),
		widget.NewFormItem(lang.L("Maskinporten client id"), s.mpClientID),
		widget.NewFormItem(lang.L("Maskinporten scope"), s.mpScope),
		widget.NewFormItem(lang.L("Beneficial owners API"), s.ownersAPI),
		widget.NewFormItem(lang.L("Signing certificate"), s.mpCertificate),
	)
	regsTitle := widget.NewLabelWithStyle(lang.L("Registers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(container.NewVScroll(container.NewVBox(title, form, path, widget.NewSeparator(), regsTitle, regs,
		container.NewHBox(s.saveRegs), s.regsMessage,
		widget.NewSeparator(), widget.NewLabelWithStyle(lang.L("Offline copy of the Register of beneficial owners"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.copyInfo, container.NewHBox(s.importCopy, s.refreshCopy, s.cancelImport), s.importBar)))
}

// languageSelect offers the system language and each translation; choosing
// one redraws the window in it at once.
func languageSelect(prefs guikit.Preferences, changeLanguage func(string)) *widget.Select {
	codes := append([]string{""}, guikit.SupportedLanguages()...)
	names := make([]string, len(codes))
	names[0] = lang.L("System language")
	for i, c := range codes[1:] {
		names[i+1] = guikit.LanguageName(c)
	}
	sel := widget.NewSelect(names, nil)
	current := prefs.Language()
	for i, c := range codes {
		if c == current {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		code := codes[sel.SelectedIndex()]
		if code != prefs.Language() && changeLanguage != nil {
			changeLanguage(code)
		}
	}
	return sel
}

// autoLockChoices are the idle minutes Settings offers.
func autoLockChoices() []int { return []int{1, 5, 10, 15, 30, 60} }

// autoLockSelect sets how many idle minutes lock the vault.
func autoLockSelect(prefs guikit.Preferences, changed func()) *widget.Select {
	minutes := autoLockChoices()
	names := make([]string, len(minutes))
	for i, m := range minutes {
		names[i] = lang.L("{{.Count}} min", map[string]any{"Count": m})
	}
	sel := widget.NewSelect(names, nil)
	for i, m := range minutes {
		if m == prefs.AutoLockMinutes() {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		prefs.SetAutoLockMinutes(minutes[sel.SelectedIndex()])
		if changed != nil {
			changed()
		}
	}
	return sel
}

// PasswordDialog asks for the current password and a new one, twice. Its
// fields are exported for end-to-end tests.
type PasswordDialog struct {
	dialog  *dialog.CustomDialog
	Current *widget.Entry
	Fresh   *widget.Entry
	Repeat  *widget.Entry
	Message *widget.Label
	busy    *widget.ProgressBarInfinite
	Change  *widget.Button
	cancel  *widget.Button
}

// PasswordDialog returns the open change-password dialog, or nil.
func (s *Screen) PasswordDialog() *PasswordDialog { return s.passwordDialog }

// OpenPasswordDialog shows the change-password dialog.
func (s *Screen) OpenPasswordDialog() {
	a := s.host
	a.Activity()
	p := &PasswordDialog{
		Current: widget.NewPasswordEntry(),
		Fresh:   widget.NewPasswordEntry(),
		Repeat:  widget.NewPasswordEntry(),
		Message: widget.NewLabel(""),
		busy:    widget.NewProgressBarInfinite(),
	}
	p.Message.Wrapping = fyne.TextWrapWord
	p.Message.Importance = widget.DangerImportance
	p.Message.Hide()
	p.busy.Stop()
	p.busy.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Current password"), p.Current),
		widget.NewFormItem(lang.L("New password"), p.Fresh),
		widget.NewFormItem(lang.L("Repeat the new password"), p.Repeat),
	)
	note := widget.NewLabel(lang.L("Motpart rewrites the vault file under the new password, so nothing sealed with the old one is left on the disk."))
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(form, note, p.Message, p.busy)
	p.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { p.dialog.Hide(); s.passwordDialog = nil })
	p.Change = widget.NewButtonWithIcon(lang.L("Change password"), theme.ConfirmIcon(), func() { s.changePassword(p) })
	p.Change.Importance = widget.HighImportance
	p.Repeat.OnSubmitted = func(string) { s.changePassword(p) }
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Change the vault password"), container.NewGridWrap(fyne.NewSize(460, body.MinSize().Height+60), body), a.Win)
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancel, p.Change})
	s.passwordDialog = p
	p.dialog.Show()
	a.Win.Canvas().Focus(p.Current)
}

// changePassword checks the dialog's fields and changes the password in
// the background; the dialog closes when it worked.
func (s *Screen) changePassword(p *PasswordDialog) {
	a := s.host
	a.Activity()
	if p.Fresh.Text != p.Repeat.Text {
		p.Message.SetText(lang.L("The two new passwords differ."))
		p.Message.Show()
		return
	}
	current, fresh := []byte(p.Current.Text), []byte(p.Fresh.Text)
	p.Change.Disable()
	p.cancel.Disable()
	p.Message.Hide()
	p.busy.Show()
	p.busy.Start()
	a.Background(func() error {
		defer clear(current)
		defer clear(fresh)
		return s.desk.ChangePassword(current, fresh)
	}, func(err error) {
		p.busy.Stop()
		p.busy.Hide()
		p.Change.Enable()
		p.cancel.Enable()
		if err != nil {
			p.Message.SetText(guikit.ProblemText(err))
			p.Message.Show()
			return
		}
		p.dialog.Hide()
		s.passwordDialog = nil
		dialog.ShowInformation(lang.L("Password changed"), lang.L("The vault now opens only with the new password."), a.Win)
	})
}
