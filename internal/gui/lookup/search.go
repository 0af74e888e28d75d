package lookup

import (
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// visibleHits is how many hits the list shows before it scrolls.
const visibleHits = 8

// searchField is the Lookup screen's text field, with the list of hits of
// a search by name under it. When the list is open, Down moves the focus
// into it and Escape closes it; every other key is the entry's.
type searchField struct {
	widget.Entry
	hits *hitsPanel
}

// newSearchField is the search field of s.
func newSearchField(s *Screen) *searchField {
	f := &searchField{hits: newHitsPanel(s)}
	f.ExtendBaseWidget(f)
	return f
}

// TypedShortcut leaves the window's shortcuts (Ctrl+L, Ctrl+R, Alt+Left…)
// to the window, as guikit.Entry does, and edits the text for the others.
func (f *searchField) TypedShortcut(sc fyne.Shortcut) {
	if guikit.PassesOn(sc) {
		f.hits.s.host.TypedShortcut(sc)
		return
	}
	f.Entry.TypedShortcut(sc)
}

// TypedKey moves into the hits on Down and closes them on Escape.
func (f *searchField) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown:
		if f.hits.enter() {
			return
		}
	case fyne.KeyEscape:
		if f.hits.close() {
			return
		}
	}
	f.Entry.TypedKey(e)
}

// hitsPanel is what the screen shows under the verdict about the text
// typed: before anything is typed, what a number looks like and, in the
// sandbox, example numbers to click; for a name, the search and its hits;
// for a number no connected register can answer, why.
type hitsPanel struct {
	s *Screen

	box      *fyne.Container // everything below
	hint     *widget.Label   // what to type, or what Enter does with a name
	why      *widget.Label   // why a number cannot be looked up
	examples *fyne.Container // the example numbers' heading and buttons
	heading  *widget.Label   // how many hits
	listBox  *fyne.Container // the list, at a fixed height
	list     *hitList

	hits     []dossier.SearchHit
	at       int    // the highlighted hit
	searched string // the name the hits are of
}

// newHitsPanel is the panel of s, with nothing shown yet.
func newHitsPanel(s *Screen) *hitsPanel {
	p := &hitsPanel{s: s}
	p.hint = guikit.WrapLabel("")
	p.why = guikit.WrapLabel("")
	p.why.Importance = widget.WarningImportance
	p.why.Hide()
	p.examples = container.NewVBox()
	p.examples.Hide()
	p.heading = guikit.WrapLabel("")
	p.heading.Hide()
	p.listBox = container.New(&rowsLayout{})
	p.listBox.Hide()
	p.box = container.NewVBox(p.hint, p.why, p.examples, p.heading, p.listBox)
	return p
}

// searchBox is the panel, as the screen lays it out under the verdict.
func (s *Screen) searchBox() fyne.CanvasObject {
	s.explain()
	return s.Search.hits.box
}

// nameTyped returns the text typed when it is a name to search for (it
// has a letter and is not a valid number), else "".
func (s *Screen) nameTyped() string {
	text := strings.Join(strings.Fields(s.Search.Text), " ")
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return ""
	}
	if _, err := s.desk.Identify(text, s.selectedCountry()); err == nil {
		return ""
	}
	return text
}

// explain brings the panel, the verdict and the Look up button in line
// with the text typed: a name turns the button into Search; a number no
// connected register can answer disables it and says why; nothing typed
// shows what to type, with examples.
func (s *Screen) explain() {
	p := s.Search.hits
	defer p.fit()
	text := strings.TrimSpace(s.Search.Text)
	name := s.nameTyped()
	s.icon.Show()
	s.Verdict.Show()
	s.lookupButton.SetText(lang.X("lookup.button", "Look up"))
	p.why.Hide()
	switch {
	case text == "":
		p.closeHits()
		p.hint.SetText(lang.L("Organisation numbers have 9 digits in Norway (NNN NNN NNN), 10 in Sweden (NNNNNN-NNNN), and 7 and a check digit in Finland (NNNNNNN-N). You can also type a company's name to search for it."))
		p.hint.Show()
		p.showExamples()
		return
	case name != "":
		// The verdict would say that this is no number: true, and beside
		// the point.
		s.icon.Hide()
		s.Verdict.Hide()
		s.lookupButton.SetText(lang.L("Search"))
		p.examples.Hide()
		if name != p.searched {
			p.closeHits()
		}
		if s.cancel == nil {
			s.lookupButton.Enable()
		}
		p.hint.SetText(lang.L("Press Enter to search Enhetsregisteret for “{{.Name}}”.", map[string]any{"Name": name}))
		p.hint.Show()
		if name == p.searched {
			p.hint.Hide() // the hits, or that there are none, say it all
		}
		return
	}
	p.closeHits()
	p.examples.Hide()
	p.hint.Hide()
	n, err := s.desk.Identify(text, s.selectedCountry())
	if err != nil {
		return
	}
	if why := s.desk.CanAnswer(n); why != nil {
		s.lookupButton.Disable()
		p.why.SetText(cannotText(n, why))
		p.why.Show()
	}
}

// cannotText says why no register can answer a lookup of n.
func cannotText(n ident.Number, why error) string {
	if problem.CodeOf(why) == problem.CodeCountryNotConnected {
		switch n.Country() {
		case ident.CountrySE:
			return lang.L("No register for Swedish numbers is connected yet, so Motpart cannot look this number up.")
		case ident.CountryFI:
			return lang.L("No register for Finnish numbers is connected yet, so Motpart cannot look this number up.")
		case ident.CountryNone:
			return lang.L("No register for D-U-N-S numbers is connected yet, so Motpart cannot look this number up.")
		}
	}
	return guikit.ProblemText(why)
}

// searchInstead is what Look up (the button or Enter) does when the text
// is not a number to look up: it searches for a name, or does nothing for
// a number no connected register can answer. It reports whether it took
// the click.
func (s *Screen) searchInstead() bool {
	if s.nameTyped() != "" {
		s.FindByName()
		return true
	}
	n, err := s.desk.Identify(s.Search.Text, s.selectedCountry())
	return err == nil && s.desk.CanAnswer(n) != nil
}

// FindByName searches the registers for the name typed, in the
// background, with the progress bar and Cancel, and lists the hits.
func (s *Screen) FindByName() {
	s.host.Activity()
	name := s.nameTyped()
	if name == "" || s.cancel != nil {
		return
	}
	p := s.Search.hits
	ctx := s.startWork()
	s.lookupButton.Disable()
	s.message.Hide()
	p.closeHits()
	var res *dossier.SearchResult
	s.host.Background(func() error {
		var err error
		res, err = s.desk.SearchByName(ctx, name)
		return err
	}, func(err error) {
		s.endWork()
		defer s.explain()
		if s.nameTyped() != name {
			return // the user typed on meanwhile
		}
		var pe *problem.Error
		switch {
		case errors.As(err, &pe) && pe.Code == problem.CodeCanceled:
			return
		case problem.CodeOf(err) == problem.CodeNoHits:
			p.searched = name
			p.heading.SetText(guikit.ProblemText(err))
			p.heading.Show()
		case err != nil:
			s.message.SetText(guikit.ProblemText(err))
			s.message.Show()
		default:
			p.show(name, res)
		}
	})
}

// show lists the hits of a search for name.
func (p *hitsPanel) show(name string, res *dossier.SearchResult) {
	p.searched = name
	p.hits = res.Hits
	p.at = 0
	switch {
	case res.Total > len(res.Hits):
		p.heading.SetText(lang.L("The first {{.Count}} of {{.Total}} units found for “{{.Name}}”: type more of the name to narrow the list. Down arrow and Enter, or a click, open one.",
			map[string]any{"Count": len(res.Hits), "Total": res.Total, "Name": name}))
	case len(res.Hits) == 1:
		p.heading.SetText(lang.L("One unit found for “{{.Name}}”. Down arrow and Enter, or a click, open it.", map[string]any{"Name": name}))
	default:
		p.heading.SetText(lang.L("{{.Count}} units found for “{{.Name}}”. Down arrow and Enter, or a click, open one.", map[string]any{"Count": len(res.Hits), "Name": name}))
	}
	p.heading.Show()
	p.list = newHitList(p)
	p.listBox.Layout.(*rowsLayout).rows = min(len(p.hits), visibleHits)
	p.listBox.Objects = []fyne.CanvasObject{p.list}
	p.listBox.Refresh()
	p.listBox.Show()
}

// enter moves the focus into the list of hits; false when none is shown.
func (p *hitsPanel) enter() bool {
	if p.list == nil || !p.listBox.Visible() {
		return false
	}
	p.s.host.Win.Canvas().Focus(p.list)
	return true
}

// close closes the list of hits and gives the focus back to the search
// field; false when none was open.
func (p *hitsPanel) close() bool {
	if !p.listBox.Visible() && !p.heading.Visible() {
		return false
	}
	p.closeHits()
	p.s.explain()
	p.s.host.Win.Canvas().Focus(p.s.Search)
	return true
}

// fit hides the panel when nothing in it is shown, so that it takes no
// room in the screen's column.
func (p *hitsPanel) fit() {
	for _, o := range p.box.Objects {
		if o.Visible() {
			p.box.Show()
			return
		}
	}
	p.box.Hide()
}

// closeHits hides the hits and forgets them.
func (p *hitsPanel) closeHits() {
	p.hits, p.list, p.searched, p.at = nil, nil, "", 0
	p.listBox.Objects = nil
	p.listBox.Hide()
	p.heading.Hide()
}

// open looks the hit i up.
func (p *hitsPanel) open(i int) {
	if i < 0 || i >= len(p.hits) {
		return
	}
	number := p.hits[i].Number
	p.closeHits()
	p.s.openUnit(number)
	p.s.Focus()
}

// showExamples lists the environment's example numbers as buttons that
// look them up; nothing when it has none.
func (p *hitsPanel) showExamples() {
	ex := p.s.desk.Examples()
	if len(ex) == 0 {
		p.examples.Hide()
		return
	}
	// As many columns as the width allows: two fixed columns of long
	// names would keep the window from being narrower than both.
	var cell fyne.Size
	buttons := container.NewGridWrap(cell)
	for _, e := range ex {
		number := e.Number
		text := number
		if e.Name != "" {
			text = e.Name + " · " + number
		}
		b := widget.NewButtonWithIcon(text, theme.SearchIcon(), func() { p.s.openUnit(number) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		buttons.Add(b)
		cell = cell.Max(b.MinSize())
	}
	buttons.Layout = layout.NewGridWrapLayout(cell)
	p.examples.Objects = []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.L("Practice numbers from the sandbox, to try:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		buttons,
	}
	p.examples.Refresh()
	p.examples.Show()
}
