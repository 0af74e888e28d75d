package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// openSaved shows the dossier saved by the last lookup of number, as a new
// visit, without asking the registers: a click in the history. Look up
// again asks them.
func (s *Screen) openSaved(number string) {
	s.host.Activity()
	s.cancelLookup()
	s.country.SetSelectedIndex(0)
	s.Search.SetText(number)
	dos, err := s.desk.SavedDossier(number)
	if err != nil {
		s.message.SetText(guikit.ProblemText(err))
		s.message.Show()
		return
	}
	s.visit(number)
	s.showDossier(dos, true, 0)
	s.scroll.ScrollToTop()
	s.updateNav()
}

// historyRow is one earlier lookup: a button with the name and number that
// opens the saved copy, the time of the lookup and the company's standing
// then.
func (s *Screen) historyRow(e dossier.HistoryEntry) fyne.CanvasObject {
	number := e.Number
	text := e.Number
	if e.Name != "" {
		text = e.Name + " (" + e.Number + ")"
	}
	text += " · " + e.Fetched.Local().Format(historyTimeLayout)
	b := widget.NewButtonWithIcon(text, theme.HistoryIcon(), func() { s.openSaved(number) })
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	row := []fyne.CanvasObject{b}
	if word, imp := guikit.StandingBadge(e.Standing); word != "" {
		badge := widget.NewLabelWithStyle(word, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		badge.Importance = imp
		row = append(row, badge)
	}
	return container.NewHBox(row...)
}

// historyTimeLayout shows when a lookup was made, in local time, the same
// way in every language (as the notes do).
const historyTimeLayout = "2006-01-02 15:04"
