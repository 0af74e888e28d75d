package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// noteDateLayout shows a note's date in local time, the same way in every
// language (ISO dates are read everywhere in the Nordics).
const noteDateLayout = "2006-01-02 15:04"

// notesPanel shows and edits the firm's notes on the organisation typed on
// the Lookup screen.
type notesPanel struct {
	host  *guikit.Host
	desk  Desk
	orgnr string // canonical; "" when the typed text is no organisation number

	box     *fyne.Container // everything, hidden without an organisation
	list    *fyne.Container // one row per note
	empty   *widget.Label
	entry   *widget.Entry
	add     *widget.Button
	message *widget.Label
	notes   []dossier.Note
}

func newNotesPanel(h *guikit.Host, d Desk) *notesPanel {
	p := &notesPanel{host: h, desk: d}
	p.list = container.NewVBox()
	p.empty = widget.NewLabel(lang.L("No notes on this client yet."))
	p.entry = widget.NewMultiLineEntry()
	p.entry.SetPlaceHolder(lang.L("Write a note for the firm's KYC file…"))
	p.entry.SetMinRowsVisible(3)
	p.entry.Wrapping = fyne.TextWrapWord
	p.entry.OnChanged = func(string) { h.Activity() }
	p.add = widget.NewButtonWithIcon(lang.L("Add note"), theme.ContentAddIcon(), p.addNote)
	p.add.Importance = widget.HighImportance
	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()
	title := widget.NewLabelWithStyle(lang.L("Notes on this client"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.box = container.NewVBox(widget.NewSeparator(), title, p.empty, p.list, p.entry, container.NewHBox(p.add), p.message)
	p.box.Hide()
	return p
}

// show loads the notes of orgnr, or hides the panel when orgnr is "".
func (p *notesPanel) show(orgnr string) {
	p.orgnr = orgnr
	p.message.Hide()
	if orgnr == "" {
		p.box.Hide()
		return
	}
	notes, err := p.desk.Notes(orgnr)
	if err != nil {
		p.showError(err)
		p.box.Show()
		return
	}
	p.setNotes(notes)
	p.box.Show()
}

// setNotes redraws the list.
func (p *notesPanel) setNotes(notes []dossier.Note) {
	p.notes = notes
	rows := make([]fyne.CanvasObject, 0, len(notes))
	for _, n := range notes {
		rows = append(rows, p.noteRow(n))
	}
	p.list.Objects = rows
	p.list.Refresh()
	if len(notes) == 0 {
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
}

// noteRow is one note: its date, its text, and buttons to edit and remove it.
func (p *notesPanel) noteRow(n dossier.Note) fyne.CanvasObject {
	date := n.Created.Local().Format(noteDateLayout)
	if !n.Updated.IsZero() {
		date = lang.L("{{.Created}} (changed {{.Updated}})", map[string]any{"Created": date, "Updated": n.Updated.Local().Format(noteDateLayout)})
	}
	when := widget.NewLabelWithStyle(date, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	when.SizeName = theme.SizeNameCaptionText
	text := widget.NewLabel(n.Text)
	text.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { p.editNote(n) })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.confirmRemove(n) })
	edit.Importance, remove.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(when, nil, nil, container.NewHBox(edit, remove), text)
}

func (p *notesPanel) showError(err error) {
	p.message.SetText(guikit.ProblemText(err))
	p.message.Show()
}

// addNote saves the typed note.
func (p *notesPanel) addNote() {
	p.host.Activity()
	if p.orgnr == "" {
		return
	}
	if _, err := p.desk.AddNote(p.orgnr, p.entry.Text); err != nil {
		p.showError(err)
		return
	}
	p.entry.SetText("")
	p.show(p.orgnr)
}

// editNote opens a dialog to change n's text.
func (p *notesPanel) editNote(n dossier.Note) {
	p.host.Activity()
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(5)
	entry.SetText(n.Text)
	d := dialog.NewCustomConfirm(lang.L("Edit note"), lang.L("Save"), lang.L("Cancel"),
		container.NewGridWrap(fyne.NewSize(480, entry.MinSize().Height), entry), func(ok bool) {
			p.host.Activity()
			if !ok {
				return
			}
			if err := p.desk.EditNote(p.orgnr, n.ID, entry.Text); err != nil {
				p.showError(err)
				return
			}
			p.show(p.orgnr)
		}, p.host.Win)
	d.Show()
	p.host.Win.Canvas().Focus(entry)
}

// confirmRemove asks before removing n.
func (p *notesPanel) confirmRemove(n dossier.Note) {
	p.host.Activity()
	guikit.ShowConfirmAction(p.host.Win, lang.L("Remove note?"), lang.L("The note is removed from the vault for good."), lang.L("Remove note"), true, func() {
		p.host.Activity()
		p.removeNote(n.ID)
	})
}

// removeNote deletes note id and redraws the list.
func (p *notesPanel) removeNote(id string) {
	if err := p.desk.RemoveNote(p.orgnr, id); err != nil {
		p.showError(err)
		return
	}
	p.show(p.orgnr)
}
