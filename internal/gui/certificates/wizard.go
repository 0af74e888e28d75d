package certificates

import (
	"image/color"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// The wizard's steps.
const (
	stepFile     = iota // choose or drop the file
	stepPassword        // type the password from the separate mail
	stepSummary         // what the certificate is, in plain words
	stepName            // name it and save it
)

// certWizard walks a person through importing a certificate file.
type certWizard struct {
	host   *guikit.Host
	desk   Desk
	dialog *guikit.Dialog
	step   int

	title   *widget.Label
	body    *fyne.Container
	message *widget.Label
	busy    *widget.ProgressBarInfinite
	back    *widget.Button
	next    *widget.Button
	cancel  *widget.Button

	// the file
	choose   *widget.Button
	fileName string
	data     []byte
	fileInfo *widget.Label

	// the password
	password *widget.Entry
	hint     *widget.Label

	// the summary
	info     *certinfo.Info
	summary  *widget.Label
	details  *widget.Form
	warnings *fyne.Container
	// duplicate warns that the same certificate is stored already.
	duplicate *widget.Label

	// the name
	name *widget.Entry

	// saved is called with the name and description of a certificate
	// after it is stored.
	saved func(name string, info *certinfo.Info)
	// closed is called when the wizard closes.
	closed func()
}

// newCertWizard builds the wizard; show it with open.
func newCertWizard(h *guikit.Host, d Desk, saved func(string, *certinfo.Info), closed func()) *certWizard {
	w := &certWizard{host: h, desk: d, saved: saved, closed: closed}
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.busy = widget.NewProgressBarInfinite()
	w.busy.Stop()
	w.busy.Hide()

	w.choose = widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), w.chooseFile)
	w.fileInfo = widget.NewLabel("")
	w.fileInfo.Wrapping = fyne.TextWrapBreak

	w.password = widget.NewPasswordEntry()
	w.password.SetPlaceHolder(lang.L("Password"))
	w.password.OnSubmitted = func(string) { w.forward() }
	w.password.OnChanged = func(string) { h.Activity() }
	w.hint = widget.NewLabel("")
	w.hint.Wrapping = fyne.TextWrapWord

	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	w.details = widget.NewForm()
	w.warnings = container.NewVBox()
	w.duplicate = guikit.WrapLabel("")
	w.duplicate.Importance = widget.WarningImportance
	w.duplicate.Hide()

	w.name = widget.NewEntry()
	w.name.OnSubmitted = func(string) { w.forward() }

	w.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), w.backward)
	w.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), w.forward)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), w.close)
	w.body = container.NewVBox()
	// The steps share a least height, so that the buttons do not jump.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(wizardWidth, wizardHeight))
	content := container.NewStack(room, container.NewBorder(w.title, w.busy, nil, nil, w.body))
	w.dialog = guikit.NewDialog(h.Win, lang.L("Import a certificate"), content, wizardWidth, w.cancel, w.back, w.next)
	w.message = w.dialog.Error
	return w
}

// The wizard's least size at scale 1: wide enough for its fields
// (guikit.MinFieldWidth) and for a summary of a few lines to read well.
const (
	wizardWidth  = 560
	wizardHeight = 300
)

// open shows the wizard on its first step.
func (w *certWizard) open() {
	w.show(stepFile)
	w.dialog.Show()
}

// close hides the wizard and forgets the file.
func (w *certWizard) close() {
	clear(w.data)
	w.data = nil
	w.password.SetText("")
	if w.dialog != nil {
		w.dialog.Hide()
	}
	if w.closed != nil {
		w.closed()
	}
}

// show switches to step.
func (w *certWizard) show(step int) {
	w.host.Activity()
	w.step = step
	w.dialog.ClearError()
	w.back.Enable()
	w.next.Enable()
	w.next.SetText(lang.L("Next"))
	w.next.SetIcon(theme.NavigateNextIcon())
	var objects []fyne.CanvasObject
	switch step {
	case stepFile:
		w.title.SetText(lang.L("Step 1 of 4: the certificate file"))
		intro := widget.NewLabel(lang.L("Choose the certificate file (.pfx or .p12) that came by e-mail, or drop it on the Motpart window."))
		intro.Wrapping = fyne.TextWrapWord
		objects = []fyne.CanvasObject{intro, container.NewHBox(w.choose), w.fileInfo}
		w.back.Disable()
		if w.data == nil {
			w.next.Disable()
		}
	case stepPassword:
		w.title.SetText(lang.L("Step 2 of 4: the password"))
		w.hint.SetText(guikit.CertPasswordHint(w.fileName))
		objects = []fyne.CanvasObject{w.hint, guikit.Field(w.password)}
	case stepSummary:
		w.title.SetText(lang.L("Step 3 of 4: what this certificate is"))
		objects = []fyne.CanvasObject{w.summary, w.details, w.duplicate, w.warnings}
		if err := w.info.ImportRefusal(); err != nil {
			w.showMessage(guikit.CertProblemText(err, w.fileName))
			w.next.Disable()
		}
	case stepName:
		w.title.SetText(lang.L("Step 4 of 4: name it and save it"))
		intro := widget.NewLabel(lang.L("Give the certificate a name you will recognise. It is stored in the vault, with its key."))
		intro.Wrapping = fyne.TextWrapWord
		objects = []fyne.CanvasObject{intro, guikit.Field(w.name), w.duplicate}
		w.next.SetText(lang.L("Save"))
		w.next.SetIcon(theme.DocumentSaveIcon())
	}
	w.body.Objects = objects
	w.body.Refresh()
	w.dialog.Fit()
	switch step {
	case stepPassword:
		w.host.Win.Canvas().Focus(w.password)
	case stepName:
		w.host.Win.Canvas().Focus(w.name)
	}
}

func (w *certWizard) showMessage(text string) { w.dialog.ShowError(text) }

// backward goes one step back; from the summary it returns to the file.
func (w *certWizard) backward() {
	switch w.step {
	case stepPassword:
		w.show(stepFile)
	case stepSummary:
		if w.password.Text == "" {
			w.show(stepFile)
		} else {
			w.show(stepPassword)
		}
	case stepName:
		w.show(stepSummary)
	}
}

// forward carries out the step and moves on.
func (w *certWizard) forward() {
	if w.next.Disabled() {
		return
	}
	switch w.step {
	case stepFile:
		w.inspect("")
	case stepPassword:
		w.inspect(w.password.Text)
	case stepSummary:
		if w.name.Text == "" {
			w.name.SetText(w.desk.SuggestCertificateName(w.info))
		}
		w.show(stepName)
	case stepName:
		w.save()
	}
}

// chooseFile opens the file dialog in the downloads folder, filtered to
// certificate files.
func (w *certWizard) chooseFile() {
	w.host.Activity()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showMessage(guikit.ProblemText(err))
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		w.load(r.URI().Name(), r)
	}, w.host.Win)
	guikit.ShowFileDialog(d, w.host.Win, []string{".pfx", ".p12"}, true)
}

// loadURI reads a dropped file.
func (w *certWizard) loadURI(u fyne.URI) {
	r, err := storage.Reader(u)
	if err != nil {
		w.showMessage(lang.L("Motpart cannot read that file. Check that it is still there and that you may open it, or save it again."))
		return
	}
	defer r.Close()
	w.load(u.Name(), r)
}

// load takes the file's bytes (at most certinfo.MaxFileSize) and, when the
// file needs no password, goes straight to the summary.
func (w *certWizard) load(name string, r io.Reader) {
	data, err := io.ReadAll(io.LimitReader(r, certinfo.MaxFileSize+1))
	if err != nil {
		w.showMessage(lang.L("Motpart cannot read that file. Check that it is still there and that you may open it, or save it again."))
		return
	}
	w.setFile(name, data)
	w.inspect("")
}

// setFile keeps a chosen file and shows its name.
func (w *certWizard) setFile(name string, data []byte) {
	clear(w.data)
	w.fileName, w.data, w.info = name, data, nil
	w.password.SetText("")
	w.name.SetText("")
	w.fileInfo.SetText(lang.L("File: {{.Name}} ({{.Size}})", map[string]any{"Name": name, "Size": guikit.FileSizeText(len(data))}))
	if w.step == stepFile {
		w.next.Enable()
	}
}

// inspect reads the file with password in the background. A wrong password
// leads to (or stays on) the password step; any other problem is shown on
// the step the user is on.
func (w *certWizard) inspect(password string) {
	if w.data == nil {
		return
	}
	data, name := w.data, w.fileName
	w.setBusy(true)
	var info *certinfo.Info
	w.host.Background(func() error {
		var err error
		info, err = w.desk.InspectCertificate(data, name, password)
		return err
	}, func(err error) {
		w.setBusy(false)
		w.inspected(info, err)
	})
}

// inspected moves on after the file was read: to the summary, to the
// password step when the file needs one, or it says what is wrong.
func (w *certWizard) inspected(info *certinfo.Info, err error) {
	if err == nil {
		w.setInfo(info)
		w.show(stepSummary)
		return
	}
	if certinfo.CodeOf(err) == certinfo.CodeWrongPassword {
		if w.step != stepPassword {
			w.show(stepPassword)
			return // the first try was the empty password: no message yet
		}
		w.password.SetText("")
		w.host.Win.Canvas().Focus(w.password)
	}
	text := guikit.CertProblemText(err, w.fileName)
	if text == "" {
		text = guikit.ProblemText(err)
	}
	w.showMessage(text)
	if w.step == stepFile {
		w.next.Disable() // this file will not do: choose another
	}
}

// setBusy shows the progress bar and blocks the buttons during work.
func (w *certWizard) setBusy(busy bool) {
	if busy {
		w.dialog.ClearError()
		w.busy.Show()
		w.busy.Start()
		w.next.Disable()
		w.back.Disable()
		return
	}
	w.busy.Stop()
	w.busy.Hide()
	w.next.Enable()
	if w.step != stepFile {
		w.back.Enable()
	}
}

// setInfo fills the summary step.
func (w *certWizard) setInfo(info *certinfo.Info) {
	w.info = info
	w.summary.SetText(guikit.CertSummaryText(info))
	w.details.Items = []*widget.FormItem{
		widget.NewFormItem(lang.L("Issued by"), guikit.WrapLabel(info.Issuer)),
		widget.NewFormItem(lang.L("Valid"), widget.NewLabel(guikit.Format().Day(info.NotBefore.Local())+" – "+guikit.Format().Day(info.NotAfter.Local()))),
		widget.NewFormItem(lang.L("Key"), widget.NewLabel(guikit.KeyText(string(info.KeyType), info.KeyBits))),
	}
	w.details.Refresh()
	var rows []fyne.CanvasObject
	for _, warn := range info.Warnings {
		icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
		rows = append(rows, container.NewBorder(nil, nil, icon, nil, guikit.WrapLabel(guikit.CertWarningText(warn))))
	}
	w.warnings.Objects = rows
	w.warnings.Refresh()
	w.duplicate.Hide()
	if other := w.storedAs(info); other != "" {
		w.duplicate.SetText(lang.L("This certificate is already stored as “{{.Name}}”. Storing it again keeps two copies of the same certificate.", map[string]any{"Name": other}))
		w.duplicate.Show()
	}
}

// storedAs is the name a certificate with the same fingerprint is stored
// under, or "".
func (w *certWizard) storedAs(info *certinfo.Info) string {
	if info.SHA256 == "" {
		return ""
	}
	list, err := w.desk.Certificates()
	if err != nil {
		fyne.LogError("listing the stored certificates", err)
		return ""
	}
	for _, c := range list {
		if c.Info != nil && c.Info.SHA256 == info.SHA256 {
			return c.Name
		}
	}
	return ""
}

// save stores the certificate under the chosen name, in the background.
func (w *certWizard) save() {
	name := strings.TrimSpace(w.name.Text)
	data, fileName, password := w.data, w.fileName, w.password.Text
	w.setBusy(true)
	var info *certinfo.Info
	w.host.Background(func() error {
		var err error
		info, err = w.desk.ImportCertificate(name, data, fileName, password)
		return err
	}, func(err error) {
		w.setBusy(false)
		if err != nil {
			text := guikit.CertProblemText(err, fileName)
			if text == "" {
				text = guikit.ProblemText(err)
			}
			w.showMessage(text)
			return
		}
		w.close()
		if w.saved != nil {
			w.saved(name, info)
		}
	})
}
