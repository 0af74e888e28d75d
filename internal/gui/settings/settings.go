// Package settings is the Settings screen: the interface language, the
// auto-lock delay, the vault password, the registers' addresses and
// credentials, the offline copy of the Register of beneficial owners, and
// the connection to BankID's AML service, and who makes the KYC reports.
package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// Screen is the Settings tab. Language and AutoLock are exported so the
// window and end-to-end tests can reach them.
type Screen struct {
	host *guikit.Host
	desk Desk
	// clients is the Clients section (clients.go); nil when the desk is
	// not a ClientsDesk.
	clients  *clientsSection
	Language *widget.Select
	AutoLock *widget.Select
	// passwordDialog is the open change-password dialog, if any.
	passwordDialog *PasswordDialog
	// replaceQuestion is the open question whether a much smaller
	// download may replace the offline copy, if any.
	replaceQuestion *ReplaceQuestion

	// the registers
	environment  *widget.Select
	brregURL     *guikit.Entry
	grunndataURL *guikit.Entry
	grunndataID  *guikit.Entry
	grunndataPW  *guikit.Entry
	saveRegs     *widget.Button
	regsMessage  *widget.Label
	// advanced holds the technical fields, collapsed at first.
	advanced *widget.Accordion

	// Maskinporten and the offline copy of the Register of beneficial owners
	mpClientID    *guikit.Entry
	mpScope       *widget.Select
	ownersAPI     *widget.RadioGroup
	mpCertificate *widget.Select
	copyInfo      *widget.Label
	importCopy    *widget.Button
	cancelImport  *widget.Button
	importBar     *widget.ProgressBar
	refreshCopy   *widget.Button
	cancel        context.CancelFunc

	// bankID is BankID's AML service, saved with the registers.
	bankID *bankIDSection
	// report is who makes the KYC reports, saved with the registers.
	report *reportSection
	scb    *scbSection
	// backup is the vault's backup and restore, and the About box.
	backup *backupSection
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
	return []string{lang.L("Partner API"), lang.L("v1 API (experimental)")}
}

// environments are the values of the environment setting, in the order
// the select offers them; environmentNames are their labels.
func environments() []string { return []string{"sandbox", "test", "production"} }

func environmentNames() []string {
	return []string{lang.L("Practice data (made-up companies on this computer)"), lang.L("The registers' test services"), lang.L("The real registers")}
}

// New builds the Settings screen on h, asking d. changeLanguage is called
// with the language a person chose ("" for the system's); autoLockChanged
// after the auto-lock delay in the preferences changed. When d is also a
// ClientsDesk the screen has a Clients section.
func New(h *guikit.Host, d Desk, changeLanguage func(code string), autoLockChanged func()) *Screen {
	s := &Screen{host: h, desk: d}
	if cd, ok := d.(ClientsDesk); ok {
		s.clients = newClientsSection(h, cd)
	}
	s.Language = languageSelect(h.Prefs, changeLanguage)
	s.AutoLock = autoLockSelect(h.Prefs, autoLockChanged)
	s.environment = widget.NewSelect(environmentNames(), nil)
	s.environment.PlaceHolder = lang.L("Choose…")
	s.brregURL = guikit.NewEntry(h)
	s.brregURL.SetPlaceHolder(lang.L("Default for the environment"))
	s.grunndataURL = guikit.NewEntry(h)
	s.grunndataURL.SetPlaceHolder(lang.L("Default for the environment"))
	s.grunndataID = guikit.NewEntry(h)
	s.grunndataPW = guikit.NewPasswordEntry(h)
	s.grunndataPW.SetPlaceHolder(lang.L("Unchanged"))
	s.saveRegs = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.saveRegisters)
	s.saveRegs.Importance = widget.HighImportance
	s.regsMessage = guikit.WrapLabel("")
	s.regsMessage.Hide()
	s.mpClientID = guikit.NewEntry(h)
	s.mpClientID.SetPlaceHolder(lang.L("From Samarbeidsportalen; empty in the sandbox"))
	s.mpScope = widget.NewSelect(d.OwnerScopes(), nil)
	s.mpScope.PlaceHolder = lang.L("Choose the permission")
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
	s.bankID = newBankIDSection(h, d.BankIDAddresses)
	s.environment.OnChanged = func(string) { s.bankID.environmentChosen(s.environment.SelectedIndex()) }
	s.report = newReportSection(h)
	s.scb = newSCBSection(h)
	s.backup = newBackupSection(s)
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
	guikit.ShowFileDialog(d, s.host.Win, []string{".zip", ".json", ".csv"}, true)
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
	dialog *guikit.Dialog
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
			q := &ReplaceQuestion{Message: guikit.WrapLabel(lang.L("The new download has {{.New}} organisations, the copy has {{.Current}}. Replace it?",
				map[string]any{"New": registrations, "Current": current}))}
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
			q.dialog = guikit.NewDialog(s.host.Win, lang.L("Replace the offline copy?"), q.Message, 0, q.Keep, q.Replace)
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
	s.fillCertificates(get(settingMPCertificate))
	s.bankID.load(get, s.certificateNames())
	s.scb.load(get, s.certificateNames())
	s.report.load(get)
	s.showCopyInfo()
}

// certificateNames are the names of the stored certificates; none when
// they cannot be read.
func (s *Screen) certificateNames() []string {
	var names []string
	if list, err := s.desk.Certificates(); err == nil {
		for _, c := range list {
			names = append(names, c.Name)
		}
	}
	return names
}

// fillCertificates offers the stored certificates to sign Maskinporten
// grants, with chosen selected ("" for the sandbox's demo certificate).
func (s *Screen) fillCertificates(chosen string) {
	names := append([]string{lang.L("The sandbox's demo certificate")}, s.certificateNames()...)
	s.mpCertificate.Options = names
	s.mpCertificate.SetSelectedIndex(0)
	if chosen != "" {
		s.mpCertificate.SetSelected(chosen)
	}
}

// ReloadCertificates lists the stored certificates again and selects the
// ones the vault says sign Maskinporten grants and BankID's sign-in; the
// window calls it when a certificate was stored, removed or chosen on the
// Certificates screen.
func (s *Screen) ReloadCertificates() {
	chosen, _ := s.desk.Setting(settingMPCertificate)
	s.fillCertificates(chosen)
	chosen, _ = s.desk.Setting(settingBankIDCertificate)
	s.bankID.fillCertificates(s.certificateNames(), chosen)
	chosen, _ = s.desk.Setting(settingSCBCertificate)
	s.scb.fillCertificates(s.certificateNames(), chosen)
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
	s.bankID.values(values)
	s.scb.values(values)
	s.report.values(values)
	if err := s.desk.SetSettings(values); err != nil {
		s.regsMessage.Importance = widget.DangerImportance
		s.regsMessage.SetText(guikit.ProblemText(err))
		s.regsMessage.Show()
		return
	}
	s.grunndataPW.SetText("")
	s.loadRegisters()
	s.host.EnvironmentChanged() // the SANDBOX/TEST band follows the environment saved
	s.regsMessage.Importance = widget.SuccessImportance
	s.regsMessage.SetText(lang.L("Saved. The next lookup uses these settings."))
	s.regsMessage.Show()
}

// Content is the screen: the general choices, then the tasks of
// connecting to the registers, with the technical fields under Advanced,
// the offline copy of the owners register, BankID's AML service with its
// own Advanced, and who makes the KYC reports; one Save for them all
// below.
func (s *Screen) Content() fyne.CanvasObject {
	change := widget.NewButtonWithIcon(lang.L("Change the vault password…"), theme.AccountIcon(), s.OpenPasswordDialog)
	general := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), s.Language),
		widget.NewFormItem(lang.L("Lock after"), s.AutoLock),
		widget.NewFormItem(lang.L("Vault password"), container.NewHBox(change)),
		widget.NewFormItem(lang.L("Backup"), container.NewVBox(container.NewHBox(s.backup.BackUp, s.backup.Restore), s.backup.last)),
		widget.NewFormItem(lang.L("Motpart"), container.NewHBox(s.backup.About)),
	)
	path := widget.NewLabel(lang.L("Vault file: {{.Path}}", map[string]any{"Path": s.desk.VaultPath()}))
	path.Wrapping = fyne.TextWrapBreak

	connect := widget.NewForm(
		widget.NewFormItem(lang.L("Look companies up in"), explained(s.environment,
			lang.L("Motpart starts with practice data: made-up companies on this computer. Choose the real registers to look up real companies; Save applies it to the next lookup."))),
		widget.NewFormItem(lang.L("grunndataWS user id"), explained(s.grunndataID,
			lang.L("Roles and owners from Brønnøysundregistrene's grunndataWS need the user id and password of your agreement with them."))),
		widget.NewFormItem(lang.L("grunndataWS password"), s.grunndataPW),
	)
	signing := widget.NewForm(
		widget.NewFormItem(lang.L("Signing certificate"), explained(s.mpCertificate,
			lang.L("The Register of beneficial owners lets Motpart in through Maskinporten, signed with your enterprise certificate (Buypass or Commfides). Import it under Certificates first."))),
	)
	advanced := widget.NewForm(
		widget.NewFormItem(lang.L("Enhetsregisteret address"), explained(s.brregURL,
			lang.L("Leave empty to use the address of the environment chosen above. Fill in only if the register moves or a proxy stands between."))),
		widget.NewFormItem(lang.L("grunndataWS address"), explained(s.grunndataURL,
			lang.L("Leave empty to use the address of the environment chosen above."))),
		widget.NewFormItem(lang.L("Maskinporten client id"), explained(s.mpClientID,
			lang.L("The id of your integration in Samarbeidsportalen, where your organisation registered Motpart. Not needed for practice data."))),
		widget.NewFormItem(lang.L("Maskinporten scope"), explained(s.mpScope,
			lang.L("The permission Motpart asks Maskinporten for; your agreement with the register says which one you have."))),
		widget.NewFormItem(lang.L("Beneficial owners API"), explained(s.ownersAPI,
			lang.L("Which of the register's interfaces Motpart asks. Keep the Partner API unless the register tells you otherwise. The v1 API has the change log that keeps the offline copy fresh, but the shape of its answers is not confirmed."))),
	)
	s.advanced = widget.NewAccordion(widget.NewAccordionItem(lang.L("Advanced: addresses and Maskinporten details"), advanced))

	page := container.NewVBox(
		heading(lang.L("Settings")), general, path,
		widget.NewSeparator(), heading(lang.L("Connect to the real registers")), connect,
		widget.NewSeparator(), heading(lang.L("Use this certificate for Maskinporten")), signing,
		s.advanced,
		widget.NewSeparator(), heading(lang.L("Offline copy of the Register of beneficial owners")),
		s.copyInfo, container.NewHBox(s.importCopy, s.refreshCopy, s.cancelImport), s.importBar,
		widget.NewSeparator(),
	)
	for _, o := range s.bankID.content() {
		page.Add(o)
	}
	page.Add(widget.NewSeparator())
	for _, o := range s.scb.content() {
		page.Add(o)
	}
	page.Add(widget.NewSeparator())
	for _, o := range s.report.content() {
		page.Add(o)
	}
	if s.clients != nil {
		page.Add(widget.NewSeparator())
		for _, o := range s.clients.content() {
			page.Add(o)
		}
	}
	save := container.NewVBox(widget.NewSeparator(), s.regsMessage, container.NewHBox(s.saveRegs))
	return container.NewPadded(container.NewBorder(nil, save, nil, nil, container.NewVScroll(page)))
}

// heading is a section's title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// explained is a field with a sentence under it saying what it is for.
func explained(field fyne.CanvasObject, text string) fyne.CanvasObject {
	note := guikit.WrapLabel(text)
	note.SizeName = theme.SizeNameCaptionText
	note.Importance = widget.LowImportance
	return container.NewVBox(field, note)
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
