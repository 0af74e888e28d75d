package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/ident"
)

// lookupScreen is where the user types an organisation or identity number
// and learns, as they type, what it is and whether it is valid.
type lookupScreen struct {
	app     *App
	search  *widget.Entry
	country *widget.Select
	verdict *widget.Label
	icon    *widget.Icon
	details *widget.Form
	notes   *notesPanel
}

func newLookupScreen(a *App) *lookupScreen {
	s := &lookupScreen{app: a}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Organisation or identity number (NO, SE, FI)"))
	s.search.OnChanged = func(string) { s.refresh() }
	s.country = widget.NewSelect(countryChoices(), func(string) { s.refresh() })
	s.country.SetSelectedIndex(0)
	s.verdict = widget.NewLabel(lang.L("Type a Norwegian, Swedish or Finnish number."))
	s.verdict.Wrapping = fyne.TextWrapWord
	s.icon = widget.NewIcon(theme.InfoIcon())
	s.details = widget.NewForm()
	s.details.Hide()
	s.notes = newNotesPanel(a)
	return s
}

func (s *lookupScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Look up"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, nil, s.country, s.search)
	verdict := container.NewBorder(nil, nil, s.icon, nil, s.verdict)
	return container.NewPadded(container.NewVScroll(container.NewVBox(title, bar, verdict, s.details, s.notes.box)))
}

// countryChoices are the country filter's entries; the first means any.
func countryChoices() []string {
	return []string{lang.L("Any country"), lang.L("Norway"), lang.L("Sweden"), lang.L("Finland")}
}

// selectedCountry maps the filter to an ident.Country ("" for any).
func (s *lookupScreen) selectedCountry() ident.Country {
	switch s.country.SelectedIndex() {
	case 1:
		return ident.CountryNO
	case 2:
		return ident.CountrySE
	case 3:
		return ident.CountryFI
	}
	return ""
}

// refresh shows what the typed text is.
func (s *lookupScreen) refresh() {
	if s.search == nil || s.verdict == nil {
		return
	}
	s.app.activity()
	text := s.search.Text
	if text == "" {
		s.icon.SetResource(theme.InfoIcon())
		s.verdict.SetText(lang.L("Type a Norwegian, Swedish or Finnish number."))
		s.details.Hide()
		s.notes.show("")
		return
	}
	n, err := s.app.desk.Identify(text, s.selectedCountry())
	s.verdict.SetText(verdictText(n, err))
	if err == nil {
		s.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		s.showDetails(n)
		if n.IsPersonal() {
			s.notes.show("")
		} else {
			s.notes.show(n.String())
		}
		return
	}
	s.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	s.details.Hide()
	s.notes.show("")
}

// showDetails fills the form under the verdict for a valid number.
func (s *lookupScreen) showDetails(n ident.Number) {
	s.details.Items = []*widget.FormItem{
		widget.NewFormItem(lang.L("Kind"), widget.NewLabel(kindName(n.Kind()))),
		widget.NewFormItem(lang.L("Country"), widget.NewLabel(countryName(n.Country()))),
		widget.NewFormItem(lang.L("Number"), widget.NewLabel(n.Masked())),
	}
	s.details.Refresh()
	s.details.Show()
}
