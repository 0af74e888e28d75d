package settings

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// PasswordDialog asks for the current password and a new one, twice. Its
// fields are exported for end-to-end tests.
type PasswordDialog struct {
	*guikit.FormDialog
	Current *widget.Entry
	Fresh   *widget.Entry
	Repeat  *widget.Entry
	// Message says what went wrong, above the buttons.
	Message *widget.Label
	// Change changes the password.
	Change *widget.Button
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
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Current password"), p.Current),
		widget.NewFormItem(lang.L("New password"), p.Fresh),
		widget.NewFormItem(lang.L("Repeat the new password"), p.Repeat),
	}
	p.FormDialog = guikit.NewFormDialog(a.Win, lang.L("Change the vault password"), lang.L("Change password"), items,
		lang.L("Motpart rewrites the vault file under the new password, so nothing sealed with the old one is left on the disk."),
		func(*guikit.FormDialog) { s.changePassword(p) })
	p.Message, p.Change = p.Error, p.Confirm
	p.SetOnClosed(func() {
		if s.passwordDialog == p {
			s.passwordDialog = nil
		}
	})
	s.passwordDialog = p
	p.Show()
	a.Win.Canvas().Focus(p.Current)
}

// changePassword checks the dialog's fields and changes the password in
// the background; the dialog closes when it worked.
func (s *Screen) changePassword(p *PasswordDialog) {
	a := s.host
	a.Activity()
	if p.Fresh.Text != p.Repeat.Text {
		p.ShowError(lang.L("The two new passwords differ."))
		return
	}
	current, fresh := []byte(p.Current.Text), []byte(p.Fresh.Text)
	p.SetBusy(true)
	a.Background(func() error {
		defer clear(current)
		defer clear(fresh)
		return s.desk.ChangePassword(current, fresh)
	}, func(err error) {
		p.SetBusy(false)
		if err != nil {
			p.ShowError(guikit.ProblemText(err))
			return
		}
		p.Hide()
		dialog.ShowInformation(lang.L("Password changed"), lang.L("The vault now opens only with the new password."), a.Win)
	})
}
