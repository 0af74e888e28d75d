// Package gate is the screen that stands before the vault: it creates the
// vault on first start and unlocks it later.
package gate

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/problem"
)

// Desk is what the gate asks of Motpart's use cases; internal/desk.Desk
// provides it. Errors carry a *problem.Error with a stable code.
type Desk interface {
	// VaultPath is the vault file.
	VaultPath() string
	// CreateVault makes the vault and leaves it unlocked.
	CreateVault(password []byte) error
	// Unlock opens the vault.
	Unlock(password []byte) error
	// PasswordStrength grades a new password from 0 (too short) to 3.
	PasswordStrength(password string) int
	// RepairVault opens a damaged vault from its header's copy, or as it
	// was before a damaged last change, and logs the repair.
	RepairVault(password []byte) error
}

// Screen is what stands before the vault: on first start it creates the
// vault, later it unlocks it. Its fields are the widgets a person uses,
// exported so the window and end-to-end tests can drive them.
type Screen struct {
	host   *guikit.Host
	desk   Desk
	create bool
	// opened is called on the UI goroutine once the vault is open.
	opened func()

	Password *widget.Entry
	Repeat   *widget.Entry // create only
	Hint     *widget.Label // create only: how strong the password is
	Message  *widget.Label // what went wrong
	// Notice says why the vault was locked when it locked by itself
	// (unlock only; hidden otherwise).
	Notice *widget.Label
	notice *fyne.Container // Notice with its icon
	busy   *widget.ProgressBarInfinite
	frame  *fyne.Container // gives the card its width and height
	card   *fyne.Container
	Submit *widget.Button
	// Repair opens a damaged vault (shown only after Unlock said the
	// vault's header or its last change is damaged).
	Repair *widget.Button
}

// New builds the create screen (create true) or the unlock screen on h,
// asking d; opened is called once the vault is open.
func New(h *guikit.Host, d Desk, create bool, opened func()) *Screen {
	g := &Screen{host: h, desk: d, create: create, opened: opened}
	g.Password = widget.NewPasswordEntry()
	g.Password.SetPlaceHolder(lang.L("Password"))
	g.Message = widget.NewLabel("")
	g.Message.Wrapping = fyne.TextWrapWord
	g.Message.Importance = widget.DangerImportance
	g.Message.Hide()
	g.Notice = widget.NewLabel("")
	g.Notice.Wrapping = fyne.TextWrapWord
	g.notice = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, g.Notice)
	g.notice.Hide()
	g.busy = widget.NewProgressBarInfinite()
	g.busy.Stop()
	g.busy.Hide()
	if create {
		g.Repeat = widget.NewPasswordEntry()
		g.Repeat.SetPlaceHolder(lang.L("Repeat the password"))
		g.Hint = widget.NewLabel("")
		g.Hint.Wrapping = fyne.TextWrapWord
		g.Submit = widget.NewButtonWithIcon(lang.L("Create the vault"), theme.ConfirmIcon(), g.run)
		g.Password.OnChanged = func(string) { g.check() }
		g.Repeat.OnChanged = func(string) { g.check() }
		g.Repeat.OnSubmitted = func(string) { g.run() }
		g.Password.OnSubmitted = func(string) { g.host.Win.Canvas().Focus(g.Repeat) }
		g.check()
	} else {
		g.Submit = widget.NewButtonWithIcon(lang.L("Unlock"), theme.LoginIcon(), g.run)
		g.Password.OnSubmitted = func(string) { g.run() }
		g.Repair = widget.NewButtonWithIcon(lang.L("Repair and open the vault"), theme.MediaReplayIcon(), g.repair)
		g.Repair.Hide()
	}
	g.Submit.Importance = widget.HighImportance
	return g
}

// Creates reports whether this is the create screen (no vault yet).
func (g *Screen) Creates() bool { return g.create }

// Focus puts the keyboard focus in the password field.
func (g *Screen) Focus() { g.host.Win.Canvas().Focus(g.Password) }

// Content is the screen, centred in the window.
func (g *Screen) Content() fyne.CanvasObject {
	logo := guikit.CanvasIcon()
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
			g.Password, g.Repeat, g.Hint,
			container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, warning),
			g.Message, g.busy, g.Submit,
		)
	} else {
		intro := widget.NewLabel(lang.L("Type your vault password to unlock Motpart."))
		intro.Wrapping = fyne.TextWrapWord
		body = container.NewVBox(
			widget.NewLabelWithStyle(lang.L("Unlock Motpart"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			g.notice, intro, g.Password, g.Message, g.busy, g.Submit, g.Repair,
		)
	}
	path := widget.NewLabel(lang.L("Vault file: {{.Path}}", map[string]any{"Path": g.desk.VaultPath()}))
	path.Wrapping = fyne.TextWrapBreak
	path.SizeName = theme.SizeNameCaptionText
	g.card = container.NewVBox(container.NewCenter(logo), body, path)
	g.frame = container.NewGridWrap(g.cardSize(), g.card)
	return container.NewCenter(g.frame)
}

// cardSize is the card's width and the height it needs at that width, with
// room for a message.
func (g *Screen) cardSize() fyne.Size {
	return fyne.NewSize(460, g.card.MinSize().Height+40)
}

// AutoLocked says on the unlock screen that the vault locked by itself
// after idle without use, and, when noteKept, that the note being written
// was kept (not on which client: the locked screen shows nothing of the
// vault). It has no effect on the create screen.
func (g *Screen) AutoLocked(idle time.Duration, noteKept bool) {
	if g.create {
		return
	}
	minutes := int(math.Ceil(idle.Minutes()))
	text := lang.L("Motpart locked itself after {{.Minutes}} min without use, so that nobody else can read the vault.", map[string]any{"Minutes": max(minutes, 1)})
	if noteKept {
		text += " " + lang.L("Your unfinished note is kept: open the client again to finish it.")
	}
	g.Notice.SetText(text)
	g.notice.Show()
	if g.frame != nil {
		g.frame.Layout = layout.NewGridWrapLayout(g.cardSize())
		g.frame.Refresh()
	}
}

// check updates the strength hint and enables Create only when the two
// passwords agree and are long enough.
func (g *Screen) check() {
	g.host.Activity()
	pw := g.Password.Text
	s := g.desk.PasswordStrength(pw)
	switch s {
	case 0:
		g.Hint.Importance = widget.MediumImportance
		g.Hint.SetText(lang.L("Too short: use at least 8 characters. A few unrelated words are easy to remember and hard to guess."))
	case 1:
		g.Hint.Importance = widget.DangerImportance
		g.Hint.SetText(lang.L("Weak: make it longer, or mix in more words."))
	case 2:
		g.Hint.Importance = widget.WarningImportance
		g.Hint.SetText(lang.L("Fair: a longer password would be stronger."))
	default:
		g.Hint.Importance = widget.SuccessImportance
		g.Hint.SetText(lang.L("Strong."))
	}
	ok := s > 0 && pw == g.Repeat.Text
	if s > 0 && g.Repeat.Text != "" && pw != g.Repeat.Text {
		g.showMessage(lang.L("The two passwords differ."))
	} else {
		g.Message.Hide()
	}
	if ok {
		g.Submit.Enable()
	} else {
		g.Submit.Disable()
	}
}

func (g *Screen) showMessage(text string) {
	g.Message.SetText(text)
	g.Message.Show()
}

// run creates or unlocks the vault in the background (Argon2id takes a
// moment), with a progress bar, and opens the main window when it worked.
func (g *Screen) run() { g.open(false) }

// repair opens a damaged vault with the typed password, as RepairVault
// does, after Unlock said it is damaged in a way a repair can mend.
func (g *Screen) repair() { g.open(true) }

// repairable reports whether err is damage RepairVault can mend.
func repairable(err error) bool {
	switch problem.CodeOf(err) {
	case problem.CodeVaultHeaderDamaged, problem.CodeVaultLastChangeDamaged:
		return true
	}
	return false
}

// open creates, unlocks or (repair) repairs the vault.
func (g *Screen) open(repair bool) {
	if g.Submit.Disabled() {
		return
	}
	if repair && g.Password.Text == "" {
		g.showMessage(lang.L("Type the vault password first."))
		return
	}
	password := []byte(g.Password.Text)
	g.Submit.Disable()
	g.Password.Disable()
	if g.Repeat != nil {
		g.Repeat.Disable()
	}
	g.Message.Hide()
	g.busy.Show()
	g.busy.Start()
	g.host.Background(func() error {
		defer clear(password)
		switch {
		case g.create:
			return g.desk.CreateVault(password)
		case repair:
			return g.desk.RepairVault(password)
		}
		return g.desk.Unlock(password)
	}, func(err error) {
		g.busy.Stop()
		g.busy.Hide()
		if err == nil {
			g.opened()
			return
		}
		g.showMessage(guikit.ProblemText(err))
		if g.Repair != nil {
			if repairable(err) {
				g.Repair.Show()
			} else {
				g.Repair.Hide()
			}
		}
		g.Password.Enable()
		g.Submit.Enable()
		if g.Repeat != nil {
			g.Repeat.Enable()
		}
		g.Password.SetText("")
		if g.create {
			g.Repeat.SetText("")
		}
		g.host.Win.Canvas().Focus(g.Password)
	})
}
