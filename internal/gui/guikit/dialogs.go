package guikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinFieldWidth is the least width of a field a person types in, at
// scale 1: wide enough for a long password or an organisation's name.
const MinFieldWidth float32 = 420

// minWidthLayout gives its one object at least a width; see Field and
// NaturalWidth.
type minWidthLayout struct{ width float32 }

// MinSize is the object's own minimum, at least l.width wide. The object
// is first resized to that width, so that labels wrapping by words inside
// it report the height they need at that width rather than at none.
func (l minWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		w := max(l.width, o.MinSize().Width)
		if o.Size().Width < w {
			o.Resize(fyne.NewSize(w, o.Size().Height))
		}
		size = size.Max(fyne.NewSize(w, o.MinSize().Height))
	}
	return size
}

// Layout fills the space given.
func (l minWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// Field is o (an entry, a select) at least MinFieldWidth wide, for forms
// and dialogs.
func Field(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(minWidthLayout{width: MinFieldWidth}, o)
}

// NaturalWidth is o laid out at its natural width, but never narrower than
// width: labels inside that wrap by words wrap at that width and ask for
// the height they need there. Dialogs use it for their bodies, which
// would otherwise shrink wrapping notes to a column of single words.
func NaturalWidth(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(minWidthLayout{width: width}, o)
}

// Dialog is a dialog laid out at its natural width: its body, then an
// error line and a progress bar right above its buttons. Error is in the
// dialog itself, not in a second dialog over it.
type Dialog struct {
	dialog *dialog.CustomDialog
	win    fyne.Window
	// Error says what went wrong; hidden until ShowError.
	Error *widget.Label
	busy  *widget.ProgressBarInfinite
	// buttons are disabled while busy.
	buttons []*widget.Button
	// onClosed is called once the dialog is hidden.
	onClosed func()
}

// NewDialog builds a dialog titled title over win with body, at least
// width wide (MinFieldWidth when width is 0), and buttons from left to
// right. Show it with Show.
func NewDialog(win fyne.Window, title string, body fyne.CanvasObject, width float32, buttons ...*widget.Button) *Dialog {
	if width == 0 {
		width = MinFieldWidth
	}
	d := &Dialog{win: win, Error: WrapLabel(""), busy: widget.NewProgressBarInfinite(), buttons: buttons}
	d.Error.Importance = widget.DangerImportance
	d.Error.Hide()
	d.busy.Stop()
	d.busy.Hide()
	content := NaturalWidth(width, container.NewVBox(body, d.Error, d.busy))
	d.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	objects := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		objects[i] = b
	}
	d.dialog.SetButtons(objects)
	d.dialog.SetOnClosed(func() {
		if d.onClosed != nil {
			d.onClosed()
		}
	})
	return d
}

// Show shows the dialog.
func (d *Dialog) Show() { d.dialog.Show(); d.Fit() }

// Hide closes the dialog.
func (d *Dialog) Hide() { d.dialog.Hide() }

// SetOnClosed sets what is called once the dialog is closed, by any
// button.
func (d *Dialog) SetOnClosed(f func()) { d.onClosed = f }

// ShowError shows text in the error line, above the buttons.
func (d *Dialog) ShowError(text string) {
	d.Error.SetText(text)
	d.Error.Show()
	d.Fit()
}

// ClearError hides the error line.
func (d *Dialog) ClearError() {
	if d.Error.Visible() {
		d.Error.Hide()
		d.Fit()
	}
}

// SetBusy shows a progress bar and disables the buttons while work runs,
// and undoes both.
func (d *Dialog) SetBusy(busy bool) {
	for _, b := range d.buttons {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		d.Error.Hide()
		d.busy.Show()
		d.busy.Start()
	} else {
		d.busy.Stop()
		d.busy.Hide()
	}
	d.Fit()
}

// Fit sizes the dialog to what its content needs now; call it after
// changing the body.
func (d *Dialog) Fit() {
	d.dialog.Resize(d.dialog.MinSize())
	recentre(d.win)
}

// recentre lays out the dialog on top of win again, which centres it
// after a change of size.
func recentre(win fyne.Window) {
	if top := win.Canvas().Overlays().Top(); top != nil {
		top.Refresh()
	}
}

// FormDialog is a Dialog of fields, each at least MinFieldWidth wide,
// with a note that wraps by words, a Cancel button and a button that
// names the action.
type FormDialog struct {
	*Dialog
	// Confirm carries out the action; Cancel closes the dialog.
	Confirm, Cancel *widget.Button
}

// NewFormDialog builds a form dialog titled title over win: the items'
// fields, then note (none when "") and the error line. confirm names the
// action of the button that calls onConfirm, which closes the dialog
// itself (Hide) when the action is done or shows why not (ShowError).
// Pressing Enter in the form's last entry confirms too.
func NewFormDialog(win fyne.Window, title, confirm string, items []*widget.FormItem, note string, onConfirm func(*FormDialog)) *FormDialog {
	f := &FormDialog{}
	f.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { f.Hide() })
	f.Confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() { onConfirm(f) })
	f.Confirm.Importance = widget.HighImportance
	form := widget.NewForm()
	for _, item := range items {
		form.AppendItem(widget.NewFormItem(item.Text, Field(item.Widget)))
	}
	body := container.NewVBox(form)
	if note != "" {
		body.Add(WrapLabel(note))
	}
	f.Dialog = NewDialog(win, title, body, 0, f.Cancel, f.Confirm)
	if len(items) > 0 {
		var e *widget.Entry
		switch w := items[len(items)-1].Widget.(type) {
		case *widget.Entry:
			e = w
		case *Entry:
			e = &w.Entry
		}
		if e != nil && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = func(string) {
				if !f.Confirm.Disabled() {
					onConfirm(f)
				}
			}
		}
	}
	return f
}

// ConfirmDialog asks before an action that cannot be undone, with a
// Cancel button and one that names the action ("Remove certificate"), not
// Yes and No.
type ConfirmDialog struct {
	*Dialog
	// Message says what the action does.
	Message *widget.Label
	// Action carries it out; Cancel does not.
	Action, Cancel *widget.Button
}

// ShowConfirmAction asks over win whether to do action (the text of its
// button), explaining it in message, and calls onConfirm when the person
// taps that button. danger marks the action as destructive.
func ShowConfirmAction(win fyne.Window, title, message, action string, danger bool, onConfirm func()) *ConfirmDialog {
	c := &ConfirmDialog{Message: WrapLabel(message)}
	c.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { c.Hide() })
	icon := theme.ConfirmIcon()
	if danger {
		icon = theme.DeleteIcon()
	}
	c.Action = widget.NewButtonWithIcon(action, icon, func() {
		c.Hide()
		onConfirm()
	})
	c.Action.Importance = widget.HighImportance
	if danger {
		c.Action.Importance = widget.DangerImportance
	}
	c.Dialog = NewDialog(win, title, c.Message, 0, c.Cancel, c.Action)
	c.Show()
	return c
}
