package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// ClientDesk is what the Lookup screen asks of the client portfolio
// (internal/desk/clients.go): whether the dossier's organisation is one
// of the firm's clients, and to add it.
type ClientDesk interface {
	// IsClient reports whether the number is one of the clients.
	IsClient(number string) (bool, error)
	// AddClient adds a client by its number, with the firm's reference
	// and the responsible person.
	AddClient(number, reference, responsible string) (portfolio.Client, error)
}

// clientControl is the dossier's "Add to my clients…" button, or the
// words "One of your clients" when it is one; neither when the desk
// cannot say.
type clientControl struct {
	v      *dossierView
	number string
	name   string
	// Add opens the dialog; Is says it is a client already.
	Add  *widget.Button
	Is   *fyne.Container
	form *guikit.FormDialog
	// entries are the dialog's reference and responsible fields.
	entries []*guikit.Entry
}

// clientRow builds the control for dos, asking the desk whether it is a
// client.
func (v *dossierView) clientRow(dos *dossier.Dossier) fyne.CanvasObject {
	c := &clientControl{v: v, number: dos.Number, name: dossierName(dos)}
	c.Add = widget.NewButtonWithIcon(lang.L("Add to my clients…"), theme.ContentAddIcon(), c.open)
	c.Add.Hide()
	is := widget.NewLabelWithStyle(lang.L("One of your clients"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	is.Importance = widget.SuccessImportance
	c.Is = container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), is)
	c.Is.Hide()
	v.client = c
	// A quick read of the vault, asked as the order button asks whether
	// it may order (nothing shows when the desk cannot say).
	if yes, err := v.desk.IsClient(c.number); err == nil {
		c.show(yes)
	}
	return container.NewHBox(c.Add, c.Is)
}

// show shows the button, or that it is a client.
func (c *clientControl) show(client bool) {
	if client {
		c.Add.Hide()
		c.Is.Show()
		return
	}
	c.Is.Hide()
	c.Add.Show()
}

// open asks for the firm's reference and the responsible person, and
// adds the client.
func (c *clientControl) open() {
	h := c.v.host
	h.Activity()
	reference, responsible := guikit.NewEntry(h), guikit.NewEntry(h)
	c.entries = []*guikit.Entry{reference, responsible}
	c.form = guikit.NewFormDialog(h.Win, lang.L("Add to my clients"), lang.L("Add client"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Client"), widget.NewLabel(guikit.UnitText(c.name, c.number))),
		widget.NewFormItem(lang.L("Reference"), reference),
		widget.NewFormItem(lang.L("Responsible"), responsible),
	}, lang.L("Motpart checks its clients again when you check them all on the Clients screen, and tells what changed."), func(f *guikit.FormDialog) {
		f.SetBusy(true)
		h.Background(func() error {
			_, err := c.v.desk.AddClient(c.number, reference.Text, responsible.Text)
			return err
		}, func(err error) {
			f.SetBusy(false)
			if err != nil {
				f.ShowError(guikit.ProblemText(err))
				return
			}
			f.Hide()
			c.show(true)
		})
	})
	c.form.Show()
	h.Win.Canvas().Focus(reference)
}

// OpenSaved shows the dossier saved by the last lookup of number, as a
// click in the history does, without asking the registers; when none is
// saved it looks the number up.
func (s *Screen) OpenSaved(number string) {
	if _, err := s.desk.SavedDossier(number); err != nil {
		s.Open(number, 0)
		return
	}
	s.openSaved(number)
}
