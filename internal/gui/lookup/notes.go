package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// notesPanel shows and edits the firm's notes on the organisation typed on
// the Lookup screen.
type notesPanel struct {
	host  *guikit.Host
	desk  Desk
	orgnr string // canonical; "" when the typed text is no organisation number

	box     *fyne.Container // everything, hidden without an organisation
	list    *fyne.Container // one row per note
	empty   *widget.Label
	entry   *noteEntry
	add     *widget.Button
	message *widget.Label
	// restored says that the note being written came back from the
	// vault, where it was kept when the vault locked or the user went to
	// another client.
	restored *widget.Label
	notes    []dossier.Note
	// draft is the text last kept as orgnr's draft (or read back), so
	// that an unchanged note is not written to the vault again.
	draft string
}

// Drafts keeps a note that is being written and not yet added sealed in
// the vault, per organisation, so that locking the vault does not lose it.
type Drafts interface {
	// SaveDraft keeps the text of the note being written on an
	// organisation; empty text clears it.
	SaveDraft(orgnr, text string) error
	// Draft returns the kept text, "" when there is none.
	Draft(orgnr string) (string, error)
	// ClearDraft forgets it.
	ClearDraft(orgnr string) error
}

// noteEntry is a multi-line field for a note that behaves as a
// guikit.Entry does (Tab moves the focus on instead of typing a tab into
// the note, and the window's shortcuts pass through to the window) and
// also says when it loses the focus, so that what is typed is kept as a
// draft when the user clicks elsewhere. It is its own type, not a
// guikit.Entry inside another, because Fyne sends taps and focus to the
// widget that was extended first, the inner one.
type noteEntry struct {
	widget.Entry
	host *guikit.Host
	// onFocusLost is called when the field loses the keyboard focus.
	onFocusLost func()
}

func newNoteEntry(h *guikit.Host) *noteEntry {
	e := &noteEntry{host: h}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab reports false: Tab leaves the field.
func (e *noteEntry) AcceptsTab() bool { return false }

// TypedShortcut edits the text for a text field's own shortcuts and passes
// the others on to the window, as guikit.Entry does.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if e.host == nil || !guikit.PassesOn(s) {
		e.Entry.TypedShortcut(s)
		return
	}
	e.host.TypedShortcut(s)
}

// FocusLost tells onFocusLost after the entry has done its part.
func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

func newNotesPanel(h *guikit.Host, d Desk) *notesPanel {
	p := &notesPanel{host: h, desk: d}
	p.list = container.NewVBox()
	p.empty = widget.NewLabel(lang.L("No notes on this client yet."))
	p.entry = newNoteEntry(h)
	p.entry.SetPlaceHolder(lang.L("Write a note for the firm's KYC file…"))
	p.entry.SetMinRowsVisible(3)
	p.entry.OnChanged = func(text string) {
		h.Activity()
		if text == "" {
			p.restored.Hide() // nothing left of the kept note
		}
	}
	p.entry.onFocusLost = func() { p.keepDraft() }
	p.add = widget.NewButtonWithIcon(lang.L("Add note"), theme.ContentAddIcon(), p.addNote)
	p.add.Importance = widget.HighImportance
	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()
	p.restored = widget.NewLabelWithStyle(lang.L("Your unfinished note on this client was kept in the vault. Add it, change it or clear it."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	p.restored.Wrapping = fyne.TextWrapWord
	p.restored.Hide()
	title := widget.NewLabelWithStyle(lang.L("Notes on this client"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.box = container.NewVBox(widget.NewSeparator(), title, p.empty, p.list, p.restored, p.entry, container.NewHBox(p.add), p.message)
	p.box.Hide()
	return p
}

// show loads the notes of orgnr, or hides the panel when orgnr is "".
// Moving to another organisation keeps the note being written on the one
// before as its draft, and brings back the new one's.
func (p *notesPanel) show(orgnr string) {
	if orgnr != p.orgnr {
		p.keepDraft()
		p.orgnr = orgnr
		p.loadDraft()
	}
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
	date := guikit.Format().DateTime(n.Created.Local())
	if !n.Updated.IsZero() {
		date = lang.L("{{.Created}} (changed {{.Updated}})", map[string]any{"Created": date, "Updated": guikit.Format().DateTime(n.Updated.Local())})
	}
	when := widget.NewLabelWithStyle(date, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	when.SizeName = theme.SizeNameCaptionText
	text := widget.NewLabel(n.Text)
	text.Wrapping = fyne.TextWrapWord
	edit := p.host.Hints.IconButton(theme.DocumentCreateIcon(), lang.L("Edit the note"), func() { p.editNote(n) })
	remove := p.host.Hints.IconButton(theme.DeleteIcon(), lang.L("Remove the note"), func() { p.confirmRemove(n) })
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
	p.restored.Hide()
	if err := p.desk.ClearDraft(p.orgnr); err != nil {
		fyne.LogError("forgetting the draft of an added note", err)
	}
	p.draft = ""
	p.show(p.orgnr)
}

// keepDraft writes the note being written to the vault as the draft of
// the organisation shown, when it changed since it was last kept, and
// reports whether a draft is kept.
func (p *notesPanel) keepDraft() bool {
	if p.orgnr == "" {
		return false
	}
	text := p.entry.Text
	if text != p.draft {
		if err := p.desk.SaveDraft(p.orgnr, text); err != nil {
			fyne.LogError("keeping the note being written", err)
			return false
		}
		p.draft = text
	}
	return strings.TrimSpace(text) != ""
}

// loadDraft puts the draft of the organisation shown, if any, in the
// field (emptying it otherwise) and says that it came back.
func (p *notesPanel) loadDraft() {
	text := ""
	if p.orgnr != "" {
		var err error
		if text, err = p.desk.Draft(p.orgnr); err != nil {
			fyne.LogError("reading the note being written", err)
		}
	}
	p.draft = text
	p.entry.SetText(text)
	if text != "" {
		p.restored.Show()
	} else {
		p.restored.Hide()
	}
}

// KeepDraft keeps the note being written on the organisation shown sealed
// in the vault, to be brought back when it is opened again, and reports
// whether there is one. The window calls it before the vault locks.
func (s *Screen) KeepDraft() bool { return s.notes.keepDraft() }

// editNote opens a dialog to change n's text.
func (p *notesPanel) editNote(n dossier.Note) {
	p.host.Activity()
	entry := newNoteEntry(p.host)
	entry.SetMinRowsVisible(5)
	entry.SetText(n.Text)
	d := guikit.NewFormDialog(p.host.Win, lang.L("Edit note"), lang.L("Save"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Note"), entry)}, "", func(d *guikit.FormDialog) {
			p.host.Activity()
			if err := p.desk.EditNote(p.orgnr, n.ID, entry.Text); err != nil {
				// The error is shown in the dialog, above its buttons, so
				// the text typed stays where it can be saved again.
				d.ShowError(guikit.ProblemText(err))
				return
			}
			d.Hide()
			p.show(p.orgnr)
		})
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

// NoteField is the field a new note is typed in, for the window's tests.
func (s *Screen) NoteField() *widget.Entry { return &s.notes.entry.Entry }
