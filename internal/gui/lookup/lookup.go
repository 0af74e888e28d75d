package lookup

import (
	"context"
	"errors"

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

// Screen is where the user types an organisation or identity number,
// learns as they type what it is, and looks the organisation up. Search and
// Verdict are exported so the window and end-to-end tests can reach them.
type Screen struct {
	host    *guikit.Host
	desk    Desk
	Search  *searchField
	country *widget.Select
	Verdict *widget.Label
	icon    *widget.Icon
	details *widget.Form
	notes   *notesPanel

	lookupButton *widget.Button
	cancelButton *widget.Button
	busy         *guikit.BusyLine
	message      *widget.Label
	dossier      *dossierView
	history      *fyne.Container
	// hints says what the icon-only buttons do.
	hints *guikit.HintLine
	// savedBar says that the dossier shown is the copy saved in the vault,
	// from when, and offers to look it up again.
	savedBar      *fyne.Container
	savedLabel    *widget.Label
	savedStanding *widget.Label
	again         *widget.Button
	// scroll holds everything under the search bar; follower keeps the
	// focused control in it in view.
	scroll   *container.Scroll
	follower *guikit.FocusFollower
	content  fyne.CanvasObject

	// cancel stops the lookup running, if any.
	cancel context.CancelFunc
	// number is the organisation the view shows ("" for none).
	number string
	// current is the dossier shown.
	current *dossier.Dossier
	// saved is whether current is the copy saved in the vault rather than
	// the answer of a lookup just made.
	saved bool
	// tab is the dossier tab the next lookup opens on (0 the company, 1
	// the beneficial owners, 2 the ownership graph); Open sets it for one
	// lookup.
	tab int

	// visited are the dossiers looked up, for back and forward; at is the
	// one shown.
	visited []string
	at      int
	back    *guikit.IconButton
	forward *guikit.IconButton
	reload  *guikit.IconButton
	copyNum *guikit.IconButton
	moving  bool // a back/forward move is looking up, not a new visit

	// progress lists the AML orders being followed, above the dossier;
	// orderShown is the order dialog opened last.
	progress   *amlProgress
	orderShown *orderDialog
	// reportShown is the KYC report dialog opened last, reportMade the
	// dialog that said the last report was made; chooseFile asks where
	// to save a copy of it, and tests replace it.
	reportShown *reportDialog
	reportMade  *reportMade
	chooseFile  func(name string, done func(path string))
}

// New builds the Lookup screen on h, asking d.
func New(h *guikit.Host, d Desk) *Screen {
	s := &Screen{host: h, desk: d}
	s.Search = newSearchField(s)
	s.Search.SetPlaceHolder(lang.L("Organisation or identity number (NO, SE, FI)"))
	s.Search.OnChanged = func(string) { s.refresh() }
	s.Search.OnSubmitted = func(string) { s.LookUp() }
	s.country = widget.NewSelect(countryChoices(), func(string) { s.refresh() })
	s.country.SetSelectedIndex(0)
	s.Verdict = widget.NewLabel(lang.L("Type a Norwegian, Swedish or Finnish number."))
	s.Verdict.Wrapping = fyne.TextWrapWord
	s.icon = widget.NewIcon(theme.InfoIcon())
	s.details = widget.NewForm()
	s.details.Hide()
	s.notes = newNotesPanel(h, d)
	s.lookupButton = widget.NewButtonWithIcon(lang.X("lookup.button", "Look up"), theme.SearchIcon(), s.LookUp)
	s.lookupButton.Importance = widget.HighImportance
	s.lookupButton.Disable()
	s.cancelButton = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.cancelLookup)
	s.cancelButton.Hide()
	s.busy = guikit.NewBusyLine()
	s.message = guikit.WrapLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Hide()
	s.dossier = newDossierView(h, d, s.openUnit)
	s.dossier.again = s.askAgain
	s.dossier.order = func(dos *dossier.Dossier) { s.openOrderDialog(dos.Number, dos.Country, dossierName(dos)) }
	s.dossier.report = func(dos *dossier.Dossier) { s.openReportDialog(dos.Number, dossierName(dos)) }
	s.chooseFile = func(name string, done func(string)) { saveFileDialog(h, name, ".pdf", done) }
	s.progress = newAMLProgress(h, d)
	s.progress.ready = s.ordersReady
	s.progress.again = func(o dossier.AMLOrder) { s.openOrderDialog(o.OrgNr, o.Country, o.Name) }
	s.history = container.NewVBox()
	s.hints = h.Hints
	s.back = s.hints.IconButton(theme.NavigateBackIcon(), lang.L("Back to the previous company (Alt+Left)"), s.Back)
	s.forward = s.hints.IconButton(theme.NavigateNextIcon(), lang.L("Forward to the next company (Alt+Right)"), s.Forward)
	s.reload = s.hints.IconButton(theme.ViewRefreshIcon(), lang.L("Look up again in the registers (Ctrl+R)"), s.LookUp)
	s.copyNum = s.hints.IconButton(theme.ContentCopyIcon(), lang.L("Copy the organisation number"), s.copyNumber)
	s.savedLabel = guikit.WrapLabel("")
	s.savedStanding = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.again = widget.NewButtonWithIcon(lang.L("Look up again"), theme.ViewRefreshIcon(), s.LookUp)
	s.savedBar = container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), container.NewHBox(s.savedStanding, s.again), s.savedLabel)
	s.savedBar.Hide()
	s.at = -1
	s.updateNav()
	return s
}

// updateNav enables back, forward, refresh and copy when they can act.
func (s *Screen) updateNav() {
	enable := func(b fyne.Disableable, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(s.back, s.at > 0)
	enable(s.forward, s.at >= 0 && s.at < len(s.visited)-1)
	enable(s.reload, s.current != nil && s.cancel == nil)
	enable(s.copyNum, s.current != nil)
	enable(s.again, s.current != nil && s.cancel == nil)
}

// Back shows the dossier looked up before this one.
func (s *Screen) Back() {
	if s.at > 0 {
		s.at--
		s.moveTo(s.visited[s.at])
	}
}

// Forward shows the dossier looked up after this one.
func (s *Screen) Forward() {
	if s.at < len(s.visited)-1 {
		s.at++
		s.moveTo(s.visited[s.at])
	}
}

// moveTo shows number's dossier from the vault (as last looked up),
// without a new lookup; Refresh asks the registers again.
func (s *Screen) moveTo(number string) {
	s.moving = true
	defer func() { s.moving = false }()
	s.cancelLookup()
	s.country.SetSelectedIndex(0)
	s.Search.SetText(number)
	if dos, err := s.desk.SavedDossier(number); err == nil {
		s.showDossier(dos, true, 0)
		s.scroll.ScrollToTop()
	} else {
		s.LookUp()
	}
	s.updateNav()
}

// visit records number as the dossier shown, dropping what was ahead.
func (s *Screen) visit(number string) {
	if s.moving || (s.at >= 0 && s.visited[s.at] == number) {
		return
	}
	s.visited = append(s.visited[:s.at+1], number)
	s.at = len(s.visited) - 1
}

// copyNumber puts the organisation number on the clipboard.
func (s *Screen) copyNumber() {
	if s.current != nil {
		s.host.App.Clipboard().SetContent(s.current.Number)
	}
}

// Content is the screen. Tab goes through its controls in reading order:
// back, forward, the search field, the country, Look up (or Cancel),
// reload, copy, then what the scrolled part below shows. The same object
// is returned every time.
func (s *Screen) Content() fyne.CanvasObject {
	if s.content != nil {
		return s.content
	}
	title := widget.NewLabelWithStyle(lang.L("Look up"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	titleRow := container.NewBorder(nil, nil, title, nil, s.hints.Label)
	nav := container.NewHBox(s.back, s.forward)
	// Cancel takes Look up's place, so the search field keeps its width.
	slot := container.New(newSameSlot(s.lookupButton, s.cancelButton), s.lookupButton, s.cancelButton)
	right := container.NewHBox(s.country, slot, s.reload, s.copyNum)
	bar := container.New(layout.NewBorderLayout(nil, nil, nav, right), nav, s.Search, right)
	top := container.NewVBox(titleRow, bar, s.busy, s.progress.box)
	verdict := container.NewBorder(nil, nil, s.icon, nil, s.Verdict)
	s.showHistory()
	body := container.NewVBox(verdict, s.searchBox(), s.details, s.message, s.savedBar, s.dossier.box, s.notes.box, s.history)
	s.scroll = container.NewVScroll(body)
	s.follower = guikit.NewFocusFollower(s.host.Win.Canvas(), s.scroll)
	s.follower.Start()
	s.progress.start()
	s.content = container.NewPadded(container.New(layout.NewBorderLayout(top, nil, nil, nil), top, s.scroll))
	return s.content
}

// Close stops what the screen runs: the lookup, if any, and the focus
// follower. The window calls it before it drops the screen.
func (s *Screen) Close() {
	s.cancelLookup()
	s.progress.close()
	if s.follower != nil {
		s.follower.Stop()
	}
}

// countryChoices are the country filter's entries; the first means any.
func countryChoices() []string {
	return []string{lang.L("Any country"), lang.L("Norway"), lang.L("Sweden"), lang.L("Finland")}
}

// selectedCountry maps the filter to an ident.Country ("" for any).
func (s *Screen) selectedCountry() ident.Country {
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

// refresh shows what the typed text is; a different number clears the
// dossier of the previous one.
func (s *Screen) refresh() {
	if s.Search == nil || s.Verdict == nil {
		return
	}
	s.host.Activity()
	text := s.Search.Text
	org := ""
	if text == "" {
		s.icon.SetResource(theme.InfoIcon())
		s.Verdict.SetText(lang.L("Type a Norwegian, Swedish or Finnish number."))
		s.details.Hide()
	} else if n, err := s.desk.Identify(text, s.selectedCountry()); err == nil {
		s.Verdict.SetText(guikit.VerdictText(n, err))
		s.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		s.showDetails(n)
		if !n.IsPersonal() {
			org = n.String()
		}
	} else {
		s.Verdict.SetText(guikit.VerdictText(n, err))
		s.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		s.details.Hide()
	}
	if org != s.number {
		s.number = org
		s.showDossier(nil, false, 0)
		s.message.Hide()
		s.notes.show(org)
	}
	if org != "" && s.cancel == nil {
		s.lookupButton.Enable()
	} else {
		s.lookupButton.Disable()
	}
	if text == "" {
		s.showHistory()
	} else {
		s.history.Hide()
	}
	s.explain()
}

// showDetails fills the form under the verdict for a valid number.
func (s *Screen) showDetails(n ident.Number) {
	s.details.Items = []*widget.FormItem{
		widget.NewFormItem(lang.L("Kind"), widget.NewLabel(guikit.KindName(n.Kind()))),
		widget.NewFormItem(lang.L("Country"), widget.NewLabel(guikit.CountryName(n.Country()))),
		widget.NewFormItem(lang.L("Number"), widget.NewLabel(n.Masked())),
	}
	s.details.Refresh()
	s.details.Show()
}

// LookUp asks the registers about the typed organisation, in the
// background, with a progress bar and a Cancel button.
func (s *Screen) LookUp() {
	s.host.Activity()
	if s.searchInstead() || s.number == "" || s.cancel != nil {
		return
	}
	number := s.number
	ctx := s.startWork()
	s.lookupButton.Disable()
	s.updateNav()
	s.message.Hide()
	var dos *dossier.Dossier
	s.host.Background(func() error {
		var err error
		dos, err = s.desk.Lookup(ctx, number)
		return err
	}, func(err error) {
		s.endWork()
		if s.number == number {
			s.lookupButton.Enable()
		}
		if s.number != number {
			return // the user typed another number meanwhile
		}
		var p *problem.Error
		switch {
		case errors.As(err, &p) && p.Code == problem.CodeCanceled:
			return
		case err != nil && dos == nil:
			s.message.SetText(guikit.ProblemText(err))
			s.message.Show()
			return
		case err != nil:
			s.message.SetText(guikit.ProblemText(err))
			s.message.Show()
		}
		s.visit(number)
		s.showDossier(dos, false, s.tab)
		s.tab = 0
		s.scroll.ScrollToTop()
		s.updateNav()
	})
}

// askAgain asks one source again about the dossier shown, in the
// background, and shows the dossier with its new answer.
func (s *Screen) askAgain(id string) {
	s.host.Activity()
	if s.current == nil || s.cancel != nil {
		return
	}
	number := s.current.Number
	ctx := s.startWork()
	var dos *dossier.Dossier
	s.host.Background(func() error {
		var err error
		dos, err = s.desk.RefreshSource(ctx, number, id)
		return err
	}, func(err error) {
		s.endWork()
		if err != nil {
			s.message.SetText(guikit.ProblemText(err))
			s.message.Show()
		}
		if dos != nil && s.number == number {
			s.showDossier(dos, false, s.shownTab())
		}
		s.updateNav()
	})
}

// startWork shows the progress bar and the Cancel button for work that
// asks the registers, and returns the context Cancel ends.
func (s *Screen) startWork() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.lookupButton.Hide()
	s.cancelButton.Show()
	s.busy.Start()
	return ctx
}

// endWork hides them again when the work is done.
func (s *Screen) endWork() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.busy.Stop()
	s.cancelButton.Hide()
	s.lookupButton.Show()
}

// cancelLookup stops the running lookup.
func (s *Screen) cancelLookup() {
	if s.cancel != nil {
		s.cancel()
	}
}

// showDossier shows dos (nil clears) on its tab; saved says it is the copy
// saved in the vault.
func (s *Screen) showDossier(dos *dossier.Dossier, saved bool, tab int) {
	s.current = dos
	s.saved = saved && dos != nil
	s.dossier.show(dos)
	if dos != nil {
		s.details.Hide() // the dossier says it all
		if tab > 0 && tab < len(s.dossier.tabs.Items) {
			s.dossier.tabs.SelectIndex(tab)
		}
	}
	if !s.saved {
		s.savedBar.Hide()
		return
	}
	s.savedLabel.SetText(lang.L("Saved copy from {{.Time}}: the registers were not asked again.", map[string]any{"Time": dos.Fetched.Local().Format(historyTimeLayout)}))
	text, imp := guikit.StandingBadge(dos.Company.Standing())
	s.savedStanding.SetText(text)
	s.savedStanding.Importance = imp
	s.savedStanding.Refresh()
	s.savedBar.Show()
}

// shownTab is the index of the dossier tab shown, 0 without a dossier.
func (s *Screen) shownTab() int {
	if s.current == nil || s.dossier.tabs == nil {
		return 0
	}
	return s.dossier.tabs.SelectedIndex()
}

// openUnit types number into the search field and looks it up: a click on
// a role holder, a sub-unit or a redirect.
func (s *Screen) openUnit(number string) {
	s.cancelLookup()
	s.country.SetSelectedIndex(0)
	s.Search.SetText(number)
	s.LookUp()
}

// showHistory lists earlier lookups when nothing is typed.
func (s *Screen) showHistory() {
	entries, err := s.desk.History()
	if err != nil || len(entries) == 0 {
		s.history.Hide()
		return
	}
	objs := []fyne.CanvasObject{sectionTitle(lang.L("Earlier lookups"))}
	for i, e := range entries {
		if i == 15 {
			break
		}
		objs = append(objs, s.historyRow(e))
	}
	s.history.Objects = objs
	s.history.Refresh()
	s.history.Show()
}

// Focus puts the keyboard focus in the search field.
func (s *Screen) Focus() { s.host.Win.Canvas().Focus(s.Search) }

// Open looks number up as a click on it would, then shows the dossier's
// tab (0 the company, 1 the beneficial owners, 2 the ownership graph).
func (s *Screen) Open(number string, tab int) {
	s.tab = tab
	s.openUnit(number)
}
