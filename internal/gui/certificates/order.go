package certificates

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// The order wizard's steps.
const (
	orderCompany     = iota // business ID and company name
	orderTransfer           // TransferID and TransferPassword
	orderEnvironment        // test, production (or sandbox)
	orderReview             // check and send
	orderProgress           // Vero prepares the certificate
	orderDone               // stored, valid until …
)

// maxTries is how many times the desk asks Vero for a certificate before
// it gives up.
const maxTries = 10

// The environments of Vero's certificate service.
const (
	envTest       = "test"
	envProduction = "production"
	envSandbox    = "sandbox"
)

// orderWizard orders the Incomes Register certificate from Vero step by
// step, or (with renew set) renews a stored one, showing the progress
// while Vero prepares it.
type orderWizard struct {
	host   *guikit.Host
	desk   Desk
	dialog *guikit.Dialog
	step   int
	// renew is the name of the certificate being renewed, or "".
	renew string

	title  *widget.Label
	body   *fyne.Container
	back   *widget.Button
	next   *widget.Button
	cancel *widget.Button

	businessID *widget.Entry
	verdict    *widget.Label
	company    *widget.Entry
	transferID *widget.Entry
	password   *widget.Entry
	env        *widget.RadioGroup
	envValues  []string
	name       *widget.Entry
	review     *widget.Form

	state  *widget.Label
	busy   *widget.ProgressBarInfinite
	result *widget.Label
	// stop ends the waiting for Vero, while it runs.
	stop context.CancelFunc

	// saved is called with a certificate once it is stored; closed when
	// the wizard closes.
	saved  func(certinfo.Stored)
	closed func()
}

// newOrderWizard builds the wizard; renew names the certificate to renew
// ("" to order a new one). Show it with open, resume or startRenew.
func newOrderWizard(h *guikit.Host, d Desk, renew string, saved func(certinfo.Stored), closed func()) *orderWizard {
	w := &orderWizard{host: h, desk: d, renew: renew, saved: saved, closed: closed}
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.businessID = widget.NewEntry()
	w.businessID.SetPlaceHolder("1234567-8")
	w.verdict = guikit.WrapLabel("")
	w.businessID.OnChanged = func(string) { w.checkCompany() }
	w.company = widget.NewEntry()
	w.company.OnChanged = func(string) { w.checkCompany() }
	w.transferID = widget.NewEntry()
	w.transferID.OnChanged = func(string) { w.checkTransfer() }
	w.password = widget.NewPasswordEntry()
	w.password.OnChanged = func(string) { w.checkTransfer() }
	w.password.OnSubmitted = func(string) { w.forward() }
	w.envValues = []string{envTest, envProduction}
	if d.EnvironmentName() == envSandbox {
		w.envValues = append(w.envValues, envSandbox)
	}
	labels := make([]string, len(w.envValues))
	for i, v := range w.envValues {
		labels[i] = envText(v)
	}
	w.env = widget.NewRadioGroup(labels, func(string) { h.Activity() })
	w.env.Required = true
	// With practice data the sandbox answers; otherwise the real service.
	w.env.SetSelected(envText(w.envValues[len(w.envValues)-1]))
	w.name = widget.NewEntry()
	w.review = widget.NewForm()
	w.state = guikit.WrapLabel("")
	w.busy = widget.NewProgressBarInfinite()
	w.busy.Stop()
	w.result = guikit.WrapLabel("")
	w.result.Importance = widget.SuccessImportance

	w.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), w.backward)
	w.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), w.forward)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), w.cancelled)
	w.body = container.NewVBox()
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(wizardWidth, wizardHeight))
	content := container.NewStack(room, container.NewBorder(w.title, nil, nil, nil, w.body))
	title := lang.L("Order the Incomes Register certificate")
	if renew != "" {
		title = lang.L("Renew the Incomes Register certificate")
	}
	w.dialog = guikit.NewDialog(h.Win, title, content, wizardWidth, w.cancel, w.back, w.next)
	return w
}

// envText names an environment of Vero's certificate service.
func envText(env string) string {
	switch env {
	case envTest:
		return lang.L("Vero's test service (for trying out)")
	case envSandbox:
		return lang.L("The sandbox (practice data)")
	}
	return lang.L("Vero's production service (the real certificate)")
}

// environment is the chosen environment's value.
func (w *orderWizard) environment() string {
	for _, v := range w.envValues {
		if envText(v) == w.env.Selected {
			return v
		}
	}
	return envProduction
}

// open shows the wizard on its first step.
func (w *orderWizard) open() {
	w.show(orderCompany)
	w.dialog.Show()
}

// close hides the wizard and forgets the password. While Vero is
// awaited it stops the waiting, and the wizard is done (closed is
// called) once the work has stopped.
func (w *orderWizard) close() {
	w.password.SetText("")
	w.dialog.Hide()
	if w.stop != nil {
		w.stop()
		return
	}
	w.finish()
}

// finish tells the screen the wizard is done.
func (w *orderWizard) finish() {
	if w.closed != nil {
		w.closed()
		w.closed = nil
	}
}

// cancelled stops the waiting for Vero (the order is kept, to be
// resumed) or closes the wizard.
func (w *orderWizard) cancelled() {
	w.host.Activity()
	w.close()
}

// show switches to step.
func (w *orderWizard) show(step int) {
	w.host.Activity()
	w.step = step
	w.dialog.ClearError()
	w.back.Show()
	w.back.Enable()
	w.next.Show()
	w.next.Enable()
	w.next.SetText(lang.L("Next"))
	w.next.SetIcon(theme.NavigateNextIcon())
	w.cancel.SetText(lang.L("Cancel"))
	var objects []fyne.CanvasObject
	switch step {
	case orderCompany:
		w.title.SetText(lang.L("Step 1 of 4: the company"))
		objects = []fyne.CanvasObject{
			guikit.WrapLabel(lang.L("The certificate is made for the company that reports to the Incomes Register.")),
			widget.NewLabel(lang.L("Business ID (Y-tunnus)")), guikit.Field(w.businessID), w.verdict,
			widget.NewLabel(lang.L("Company name")), guikit.Field(w.company),
		}
		w.back.Disable()
		w.checkCompany()
	case orderTransfer:
		w.title.SetText(lang.L("Step 2 of 4: the TransferID and TransferPassword"))
		objects = []fyne.CanvasObject{
			guikit.WrapLabel(lang.L("Vero sent the TransferID and the TransferPassword to the company's technical contact by secure e-mail; the e-mail opens with the PIN that came by SMS. The TransferPassword works only once.")),
			widget.NewLabel(lang.L("TransferID")), guikit.Field(w.transferID),
			widget.NewLabel(lang.L("TransferPassword")), guikit.Field(w.password),
		}
		w.checkTransfer()
	case orderEnvironment:
		w.title.SetText(lang.L("Step 3 of 4: which service"))
		objects = []fyne.CanvasObject{
			guikit.WrapLabel(lang.L("Order from the service the TransferID is for. Test certificates work only with the Incomes Register's test service.")),
			w.env,
		}
	case orderReview:
		w.title.SetText(lang.L("Step 4 of 4: check and order"))
		if w.name.Text == "" {
			w.name.SetText(lang.L("Incomes Register {{.ID}}", map[string]any{"ID": w.canonicalID()}))
		}
		w.review.Items = []*widget.FormItem{
			widget.NewFormItem(lang.L("Business ID (Y-tunnus)"), widget.NewLabel(w.canonicalID())),
			widget.NewFormItem(lang.L("Company name"), guikit.WrapLabel(strings.TrimSpace(w.company.Text))),
			widget.NewFormItem(lang.L("TransferID"), widget.NewLabel(strings.TrimSpace(w.transferID.Text))),
			widget.NewFormItem(lang.L("Service"), guikit.WrapLabel(w.env.Selected)),
			widget.NewFormItem(lang.L("Name in the vault"), w.name),
		}
		w.review.Refresh()
		objects = []fyne.CanvasObject{w.review,
			guikit.WrapLabel(lang.L("Motpart makes the key here, sends the order once and waits while Vero prepares the certificate (usually a few minutes)."))}
		w.next.SetText(lang.L("Order"))
		w.next.SetIcon(theme.MailSendIcon())
	case orderProgress:
		w.title.SetText(lang.L("Vero is preparing the certificate"))
		if w.renew != "" {
			w.title.SetText(lang.L("Vero is preparing the new certificate for “{{.Name}}”", map[string]any{"Name": w.renew}))
		}
		objects = []fyne.CanvasObject{w.state, w.busy}
		w.back.Hide()
		w.next.Hide()
	case orderDone:
		w.title.SetText(lang.L("The certificate is ready"))
		objects = []fyne.CanvasObject{w.result}
		w.back.Hide()
		w.next.Hide()
		w.cancel.SetText(lang.L("Close"))
	}
	w.body.Objects = objects
	w.body.Refresh()
	w.dialog.Fit()
	switch step {
	case orderCompany:
		w.host.Win.Canvas().Focus(w.businessID)
	case orderTransfer:
		w.host.Win.Canvas().Focus(w.transferID)
	}
}

// canonicalID is the typed business ID as Vero writes it (1234567-8), or
// what was typed when it is not valid.
func (w *orderWizard) canonicalID() string {
	n, err := ident.Parse(w.businessID.Text, ident.Options{Country: ident.CountryFI})
	if err != nil {
		return strings.TrimSpace(w.businessID.Text)
	}
	return n.String()
}

// checkCompany says whether the business ID is valid while it is typed,
// and lets the wizard go on when it is and the name is there.
func (w *orderWizard) checkCompany() {
	w.host.Activity()
	if w.step != orderCompany {
		return
	}
	text := strings.TrimSpace(w.businessID.Text)
	n, err := ident.Parse(text, ident.Options{Country: ident.CountryFI})
	ok := err == nil // only Finnish numbers are parsed
	if text == "" {
		w.verdict.SetText("")
	} else {
		w.verdict.SetText(guikit.VerdictText(n, err))
	}
	w.verdict.Importance = widget.DangerImportance
	if ok {
		w.verdict.Importance = widget.SuccessImportance
	}
	w.verdict.Refresh()
	if ok && strings.TrimSpace(w.company.Text) != "" {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
}

// checkTransfer lets the wizard go on once both codes are typed.
func (w *orderWizard) checkTransfer() {
	w.host.Activity()
	if w.step != orderTransfer {
		return
	}
	if strings.TrimSpace(w.transferID.Text) != "" && w.password.Text != "" {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
}

// backward goes one step back.
func (w *orderWizard) backward() {
	if w.step > orderCompany && w.step <= orderReview {
		w.show(w.step - 1)
	}
}

// forward moves on, and from the review sends the order.
func (w *orderWizard) forward() {
	if w.next.Disabled() || !w.next.Visible() {
		return
	}
	switch w.step {
	case orderCompany, orderTransfer, orderEnvironment:
		w.show(w.step + 1)
	case orderReview:
		w.order()
	}
}

// order sends the order and waits for the certificate in the background.
func (w *orderWizard) order() {
	name := strings.TrimSpace(w.name.Text)
	if name == "" {
		w.dialog.ShowError(lang.L("Give the certificate a name."))
		return
	}
	o := dossier.FIOrder{
		BusinessID: w.canonicalID(), CompanyName: strings.TrimSpace(w.company.Text),
		TransferID: strings.TrimSpace(w.transferID.Text), Environment: w.environment(), Name: name,
	}
	password := []byte(w.password.Text)
	w.run(func(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
		defer clear(password)
		return w.desk.OrderFICertificate(ctx, o, password, progress)
	})
}

// resume goes on waiting for the order that was sent but not received.
func (w *orderWizard) resume() {
	w.dialog.Show()
	w.run(w.desk.ResumeFIOrder)
}

// startRenew renews the certificate w.renew.
func (w *orderWizard) startRenew() {
	w.dialog.Show()
	name := w.renew
	w.run(func(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
		return w.desk.RenewFICertificate(ctx, name, progress)
	})
}

// run shows the progress step and does work in the background, telling
// the state in words as it comes, then the result: the certificate
// stored, back to the review with what went wrong, or closed when
// cancelled.
func (w *orderWizard) run(work func(context.Context, func(dossier.FIOrderState)) (certinfo.Stored, error)) {
	fromReview := w.step == orderReview
	ctx, stop := context.WithCancel(context.Background())
	w.stop = stop
	w.state.SetText(lang.L("Sending the order to Vero…"))
	w.show(orderProgress)
	w.busy.Show()
	w.busy.Start()
	var stored certinfo.Stored
	w.host.Background(func() error {
		var err error
		stored, err = work(ctx, func(st dossier.FIOrderState) {
			w.host.Do(func() { w.state.SetText(orderStateText(st)); w.dialog.Fit() })
		})
		return err
	}, func(err error) {
		byUser := ctx.Err() != nil // Cancel was pressed
		stop()
		w.stop = nil
		w.busy.Stop()
		w.password.SetText("")
		switch {
		case byUser && err == nil:
			w.saved(stored) // it came just before Cancel
			w.finish()
			return
		case byUser:
			w.finish() // closed by Cancel: the order is kept for Resume
			return
		case err != nil:
			if !fromReview {
				w.show(orderProgress)
				w.busy.Hide()
				w.state.SetText("")
			} else {
				w.show(orderReview)
			}
			w.dialog.ShowError(guikit.ProblemText(err))
			return
		}
		w.result.SetText(lang.L("Stored as “{{.Name}}”, valid until {{.Date}}.", map[string]any{"Name": stored.Name, "Date": storedUntil(stored)}))
		w.show(orderDone)
		w.saved(stored)
	})
}

// storedUntil is the last day of a stored certificate, in words.
func storedUntil(c certinfo.Stored) string {
	if c.Info == nil {
		return ""
	}
	return guikit.Format().Day(c.Info.NotAfter.Local())
}

// orderStateText says in words how far an order has come.
func orderStateText(st dossier.FIOrderState) string {
	switch st.Step {
	case dossier.FIStepSent:
		return lang.L("The order was sent to Vero. Waiting for its answer…")
	case dossier.FIStepWaiting:
		data := map[string]any{"N": st.Attempts, "Max": maxTries, "Time": guikit.Format().Clock(st.NextTry.Local())}
		if st.Attempts == 0 {
			return lang.L("Vero received the order. Motpart asks for the certificate at {{.Time}}.", data)
		}
		return lang.L("Vero is still preparing the certificate: attempt {{.N}} of {{.Max}}, next try at {{.Time}}.", data)
	case dossier.FIStepReady:
		return lang.L("Vero has prepared the certificate. Storing it in the vault…")
	case dossier.FIStepFailed:
		if st.Problem != "" {
			return guikit.ProblemText(problem.New(problem.Code(st.Problem), nil))
		}
	}
	return ""
}
