package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// gateScreen is what stands before the vault: on first start it creates
// the vault, later it unlocks it.
type gateScreen struct {
	app    *App
	create bool

	password *widget.Entry
	repeat   *widget.Entry // create only
	hint     *widget.Label
	message  *widget.Label // what went wrong
	busy     *widget.ProgressBarInfinite
	submit   *widget.Button
}

func newGateScreen(a *App, create bool) *gateScreen {
	g := &gateScreen{app: a, create: create}
	g.password = widget.NewPasswordEntry()
	g.password.SetPlaceHolder(lang.L("Password"))
	g.message = widget.NewLabel("")
	g.message.Wrapping = fyne.TextWrapWord
	g.message.Importance = widget.DangerImportance
	g.message.Hide()
	g.busy = widget.NewProgressBarInfinite()
	g.busy.Stop()
	g.busy.Hide()
	if create {
		g.repeat = widget.NewPasswordEntry()
		g.repeat.SetPlaceHolder(lang.L("Repeat the password"))
		g.hint = widget.NewLabel("")
		g.hint.Wrapping = fyne.TextWrapWord
		g.submit = widget.NewButtonWithIcon(lang.L("Create the vault"), theme.ConfirmIcon(), g.run)
		g.password.OnChanged = func(string) { g.check() }
		g.repeat.OnChanged = func(string) { g.check() }
		g.repeat.OnSubmitted = func(string) { g.run() }
		g.password.OnSubmitted = func(string) { g.app.win.Canvas().Focus(g.repeat) }
		g.check()
	} else {
		g.submit = widget.NewButtonWithIcon(lang.L("Unlock"), theme.LoginIcon(), g.run)
		g.password.OnSubmitted = func(string) { g.run() }
	}
	g.submit.Importance = widget.HighImportance
	return g
}

// name is the screen's name for App.Screen.
func (g *gateScreen) name() string {
	if g.create {
		return ScreenCreate
	}
	return ScreenUnlock
}

func (g *gateScreen) content() fyne.CanvasObject {
	logo := canvasIcon()
	var body *fyne.Container
	if g.create {
		intro := widget.NewLabel(lang.L("Motpart keeps your certificates, register passwords and notes on clients in one encrypted file on this computer. Choose the password that seals it."))
		intro.Wrapping = fyne.TextWrapWord
		warning := widget.NewLabel(lang.L("If you lose this password, nobody can open the vault again: not you, not Motpart. Write it down and keep it somewhere safe."))
		warning.Wrapping = fyne.TextWrapWord
		warning.Importance = widget.WarningImportance
		body = container.NewVBox(
			widget.NewLabelWithStyle(lang.L("Create your vault"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			intro,
			g.password, g.repeat, g.hint,
			container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, warning),
			g.message, g.busy, g.submit,
		)
	} else {
		intro := widget.NewLabel(lang.L("Type your vault password to unlock Motpart."))
		intro.Wrapping = fyne.TextWrapWord
		body = container.NewVBox(
			widget.NewLabelWithStyle(lang.L("Unlock Motpart"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			intro, g.password, g.message, g.busy, g.submit,
		)
	}
	path := widget.NewLabel(lang.L("Vault file: {{.Path}}", map[string]any{"Path": g.app.desk.VaultPath()}))
	path.Wrapping = fyne.TextWrapBreak
	path.SizeName = theme.SizeNameCaptionText
	card := container.NewVBox(container.NewCenter(logo), body, path)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, card.MinSize().Height+40), card))
}

// canvasIcon is the application icon at a size for the gate screens.
func canvasIcon() fyne.CanvasObject {
	img := widget.NewIcon(Icon())
	return container.NewGridWrap(fyne.NewSize(72, 72), img)
}

// check updates the strength hint and enables Create only when the two
// passwords agree and are long enough.
func (g *gateScreen) check() {
	g.app.activity()
	pw := g.password.Text
	s := g.app.desk.PasswordStrength(pw)
	switch s {
	case 0:
		g.hint.Importance = widget.MediumImportance
		g.hint.SetText(lang.L("Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess."))
	case 1:
		g.hint.Importance = widget.DangerImportance
		g.hint.SetText(lang.L("Weak: make it longer, or mix in more words."))
	case 2:
		g.hint.Importance = widget.WarningImportance
		g.hint.SetText(lang.L("Fair: a longer password would be stronger."))
	default:
		g.hint.Importance = widget.SuccessImportance
		g.hint.SetText(lang.L("Strong."))
	}
	ok := s > 0 && pw == g.repeat.Text
	if s > 0 && g.repeat.Text != "" && pw != g.repeat.Text {
		g.showMessage(lang.L("The two passwords differ."))
	} else {
		g.message.Hide()
	}
	if ok {
		g.submit.Enable()
	} else {
		g.submit.Disable()
	}
}

func (g *gateScreen) showMessage(text string) {
	g.message.SetText(text)
	g.message.Show()
}

// run creates or unlocks the vault in the background (Argon2id takes a
// moment), with a progress bar, and opens the main window when it worked.
func (g *gateScreen) run() {
	if g.submit.Disabled() {
		return
	}
	password := []byte(g.password.Text)
	g.submit.Disable()
	g.password.Disable()
	if g.repeat != nil {
		g.repeat.Disable()
	}
	g.message.Hide()
	g.busy.Show()
	g.busy.Start()
	g.app.background(func() error {
		defer clear(password)
		if g.create {
			return g.app.desk.CreateVault(password)
		}
		return g.app.desk.Unlock(password)
	}, func(err error) {
		g.busy.Stop()
		g.busy.Hide()
		if err == nil {
			g.app.showMain()
			return
		}
		g.showMessage(guikit.ProblemText(err))
		g.password.Enable()
		g.submit.Enable()
		if g.repeat != nil {
			g.repeat.Enable()
		}
		g.password.SetText("")
		if g.create {
			g.repeat.SetText("")
		}
		g.app.win.Canvas().Focus(g.password)
	})
}
