// Package clients is the Clients screen: the firm's client portfolio as a
// sortable, filterable table with each client's status and risk flags;
// Check all, which checks every client in the background with progress,
// pause, cancel and resume; the Changes view, every change found grouped
// by client with its risk and reason; and the import, export, add, edit
// and remove of clients. A click on a client opens its dossier on the
// Lookup screen.
package clients

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/portfolio"
)

// The table's columns, in order: what an AML check looks at first (the
// status and the risk flags) before what the firm keeps of its own, so a
// small window shows it without scrolling sideways.
const (
	ColName = iota
	ColNumber
	ColStatus
	ColRisk
	ColChecked
	ColCountry
	ColReference
	ColResponsible
	columns
)

// columnWidths are the table's column widths at the theme's text size.
var columnWidths = [columns]float32{220, 110, 120, 210, 120, 90, 90, 110}

// Screen is the Clients tab. The widgets a test or the window drives are
// exported.
type Screen struct {
	host *guikit.Host
	desk Desk
	// open shows a client's dossier on the Lookup screen.
	open func(number string)
	// now is the clock the Changes view's periods count from.
	now func() time.Time

	all   []portfolio.Client
	shown []portfolio.Client
	// sortCol is the column sorted by, sortDesc whether reversed.
	sortCol  int
	sortDesc bool
	// selected is the number of the client selected ("" none).
	selected string
	// generation counts reloads, so that only the latest is shown.
	generation int

	// Filter narrows by name, number or reference; Country and Risk by
	// country and risk.
	Filter  *guikit.Entry
	Country *widget.Select
	Risk    *widget.Select
	// Table lists the clients shown; Count says how many.
	Table *widget.Table
	Count *widget.Label
	// Message says what went wrong reading the list.
	Message *widget.Label
	// The actions on the list.
	Add, Edit, Remove, Open, Import, Export *widget.Button

	// check is Check all with its progress (check.go); changes the
	// Changes view (changes.go); sandbox the sandbox's day button.
	check   *checkPanel
	changes *changesView
	sandbox *sandboxStrip
	// Tabs are the client list and the Changes view.
	Tabs *container.AppTabs

	// chooseSave asks where to save a file named name (tests replace
	// it); chooseOpen asks for a file to import.
	chooseSave func(name string, exts []string, done func(path string))
	chooseOpen func(done func(path string))
	// importShown is the import dialog opened last.
	importShown *ImportDialog
	// lastDialog is the add, edit, remove or export dialog opened last.
	lastForm    *guikit.FormDialog
	formEntries []*guikit.Entry
	lastConfirm *guikit.ConfirmDialog
	lastExport  *exportDialog
}

// New builds the Clients screen on h, asking d; open shows a client's
// dossier.
func New(h *guikit.Host, d Desk, open func(number string)) *Screen {
	s := &Screen{host: h, desk: d, open: open, now: time.Now, sortCol: ColName}
	s.Filter = guikit.NewEntry(h)
	s.Filter.SetPlaceHolder(lang.L("Filter by name, number or reference"))
	s.Filter.OnChanged = func(string) { s.apply() }
	s.Filter.OnSubmitted = func(string) { s.openChosen() }
	s.Country = widget.NewSelect(countryChoices(), nil)
	s.Country.SetSelectedIndex(0)
	s.Country.OnChanged = func(string) { s.apply() }
	s.Risk = widget.NewSelect(riskChoices(), nil)
	s.Risk.SetSelectedIndex(0)
	s.Risk.OnChanged = func(string) { s.apply() }
	s.Count = widget.NewLabel("")
	s.Message = guikit.WrapLabel("")
	s.Message.Importance = widget.DangerImportance
	s.Message.Hide()
	s.Table = s.newTable()
	s.Add = widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), s.openAdd)
	s.Edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), s.openEdit)
	s.Remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), s.confirmRemove)
	s.Open = widget.NewButtonWithIcon(lang.L("Open"), theme.SearchIcon(), s.openChosen)
	s.Import = widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), s.chooseImport)
	s.Export = widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), s.openExport)
	s.chooseSave = func(name string, exts []string, done func(string)) { saveFileDialog(h, name, exts, done) }
	s.chooseOpen = func(done func(string)) { openFileDialog(h, done) }
	s.check = newCheckPanel(s)
	s.changes = newChangesView(s)
	s.sandbox = newSandboxStrip(s)
	s.updateActions()
	// The first reads are quick reads of the vault, made as the screen
	// is built, so that nothing is redrawn beside the window being
	// built; later ones run in the background.
	list, err := d.Clients()
	s.showList(list, err)
	s.check.showState(s.check.readState())
	s.sandbox.show(d.SandboxNow())
	return s
}

// Content is the screen: the title, Check all and the last check, then
// the client list and the Changes view as two tabs.
func (s *Screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("My clients"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	// Rows that wrap keep the screen within an 800-pixel window in every
	// language.
	filters := container.NewVBox(s.Filter, container.New(layout.NewRowWrapLayout(), guikit.NaturalWidth(selectWidth, s.Country), guikit.NaturalWidth(selectWidth, s.Risk)))
	actions := container.New(layout.NewRowWrapLayout(), s.Open, s.Add, s.Edit, s.Remove, s.Import, s.Export, s.Count)
	list := container.NewBorder(container.NewVBox(filters, s.Message), actions, nil, nil, s.Table)
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Clients"), theme.ListIcon(), list),
		container.NewTabItemWithIcon(lang.L("Changes"), theme.HistoryIcon(), s.changes.content()),
	)
	s.Tabs.OnSelected = func(*container.TabItem) {
		s.host.Activity()
		if s.Tabs.SelectedIndex() == 1 {
			s.changes.reload()
		}
	}
	top := container.NewVBox(container.New(layout.NewRowWrapLayout(), title, s.sandbox.content()), s.check.content())
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, s.Tabs))
}

// selectWidth keeps the filters' choices readable in every language.
const selectWidth = 230

// countryChoices are the country filter's options: all, then NO, SE, FI.
func countryChoices() []string {
	return []string{lang.L("All countries"), guikit.CountryName(ident.CountryNO), guikit.CountryName(ident.CountrySE), guikit.CountryName(ident.CountryFI)}
}

// countryCodes are the codes of countryChoices ("" for all).
var countryCodes = []string{"", "NO", "SE", "FI"}

// riskChoices are the risk filters' options: all, medium and high, high.
func riskChoices() []string {
	return []string{lang.L("Any risk"), lang.L("Medium and high risk"), lang.L("High risk only")}
}

// riskFloors are the lowest risks riskChoices keep.
var riskFloors = []portfolio.Risk{portfolio.RiskNone, portfolio.RiskMedium, portfolio.RiskHigh}

// Reload reads the client list again and shows it.
func (s *Screen) Reload() {
	s.generation++
	gen := s.generation
	var list []portfolio.Client
	s.host.Background(func() error {
		var err error
		list, err = s.desk.Clients()
		return err
	}, func(err error) {
		if gen != s.generation {
			return // a later reload shows its own answer
		}
		s.showList(list, err)
	})
}

// showList shows the clients read, or why they could not be.
func (s *Screen) showList(list []portfolio.Client, err error) {
	if err != nil {
		s.Message.SetText(guikit.ProblemText(err))
		s.Message.Show()
		return
	}
	s.Message.Hide()
	s.all = list
	s.apply()
}

// Shown returns the clients the table shows, in order.
func (s *Screen) Shown() []portfolio.Client { return slices.Clone(s.shown) }

// SortBy sorts the table by col; the same column again reverses it, as a
// click on its header does.
func (s *Screen) SortBy(col int) {
	s.host.Activity()
	if s.sortCol == col {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.apply()
}

// apply filters and sorts the list and redraws the table.
func (s *Screen) apply() {
	text := strings.ToLower(strings.TrimSpace(s.Filter.Text))
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text)
	country := countryCodes[max(s.Country.SelectedIndex(), 0)]
	floor := riskFloors[max(s.Risk.SelectedIndex(), 0)]
	s.shown = s.shown[:0]
	for _, c := range s.all {
		if country != "" && c.Country != country {
			continue
		}
		if floor > portfolio.RiskNone && c.Risk < floor {
			continue
		}
		if text != "" && !matches(c, text, digits) {
			continue
		}
		s.shown = append(s.shown, c)
	}
	slices.SortStableFunc(s.shown, func(a, b portfolio.Client) int {
		r := compareBy(s.sortCol, a, b)
		if r == 0 {
			r = cmp.Compare(a.Number, b.Number)
		}
		if s.sortDesc {
			return -r
		}
		return r
	})
	s.Count.SetText(lang.L("{{.Shown}} of {{.Total}} clients", map[string]any{"Shown": len(s.shown), "Total": len(s.all)}))
	if !slices.ContainsFunc(s.shown, func(c portfolio.Client) bool { return c.Number == s.selected }) {
		s.selected = ""
		s.Table.UnselectAll()
	}
	s.Table.Refresh()
	s.updateActions()
}

// matches reports whether c's name, number or reference holds text (the
// number also by its digits alone).
func matches(c portfolio.Client, text, digits string) bool {
	if strings.Contains(strings.ToLower(c.Name), text) || strings.Contains(strings.ToLower(c.Reference), text) ||
		strings.Contains(strings.ToLower(c.Number), text) {
		return true
	}
	if digits == "" || len(digits) < len(strings.TrimSpace(text))-2 {
		return false
	}
	return strings.Contains(strings.ReplaceAll(c.Number, "-", ""), digits)
}

// compareBy orders two clients by col.
func compareBy(col int, a, b portfolio.Client) int {
	switch col {
	case ColNumber:
		return cmp.Compare(a.Number, b.Number)
	case ColCountry:
		return cmp.Compare(a.Country, b.Country)
	case ColReference:
		return cmp.Compare(strings.ToLower(a.Reference), strings.ToLower(b.Reference))
	case ColResponsible:
		return cmp.Compare(strings.ToLower(a.Responsible), strings.ToLower(b.Responsible))
	case ColStatus:
		return cmp.Compare(a.Standing, b.Standing)
	case ColRisk:
		return cmp.Compare(a.Risk, b.Risk)
	case ColChecked:
		return a.LastChecked.Compare(b.LastChecked)
	}
	return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}

// chosen is the client selected, if any.
func (s *Screen) chosen() (portfolio.Client, bool) {
	i := slices.IndexFunc(s.shown, func(c portfolio.Client) bool { return c.Number == s.selected })
	if i < 0 {
		return portfolio.Client{}, false
	}
	return s.shown[i], true
}

// Select selects the client with number, as a click on its row does.
func (s *Screen) Select(number string) {
	s.selected = number
	s.updateActions()
}

// updateActions enables what acts on a selected client when one is.
func (s *Screen) updateActions() {
	_, ok := s.chosen()
	for _, b := range []*widget.Button{s.Edit, s.Remove, s.Open} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// openChosen opens the selected client's dossier, or the only one shown.
func (s *Screen) openChosen() {
	s.host.Activity()
	c, ok := s.chosen()
	if !ok && len(s.shown) == 1 {
		c, ok = s.shown[0], true
	}
	if ok && s.open != nil {
		s.open(c.Number)
	}
}

// cellText is the text of a client's cell in col, with its colour.
func cellText(c portfolio.Client, col int) (string, widget.Importance, bool) {
	switch col {
	case ColName:
		if c.Name == "" {
			return lang.L("(not checked yet)"), widget.LowImportance, false
		}
		return c.Name, widget.MediumImportance, false
	case ColNumber:
		return c.Number, widget.MediumImportance, false
	case ColCountry:
		return guikit.CountryName(ident.Country(c.Country)), widget.MediumImportance, false
	case ColReference:
		return c.Reference, widget.MediumImportance, false
	case ColResponsible:
		return c.Responsible, widget.MediumImportance, false
	case ColStatus:
		text, imp := StandingText(c.Standing, c.Name != "" || !c.LastChecked.IsZero())
		return text, imp, imp == widget.DangerImportance || imp == widget.WarningImportance
	case ColRisk:
		words := make([]string, 0, len(c.Flags))
		for _, r := range c.Flags {
			words = append(words, ReasonText(r))
		}
		return strings.Join(words, ", "), RiskImportance(c.Risk), c.Risk >= portfolio.RiskHigh
	case ColChecked:
		if c.LastChecked.IsZero() {
			return lang.L("never"), widget.LowImportance, false
		}
		return guikit.Format().Day(c.LastChecked.Local()), widget.MediumImportance, false
	}
	return "", widget.MediumImportance, false
}

// columnTitle is col's header.
func columnTitle(col int) string {
	switch col {
	case ColName:
		return lang.L("Name")
	case ColNumber:
		return lang.L("Number")
	case ColCountry:
		return lang.L("Country")
	case ColReference:
		return lang.L("Reference")
	case ColResponsible:
		return lang.L("Responsible")
	case ColStatus:
		return lang.L("Status")
	case ColRisk:
		return lang.L("Risk flags")
	}
	return lang.L("Last checked")
}

// StartCheck starts Check all, or continues the interrupted check, as
// the button does; the window calls it at unlock when a check is due.
func (s *Screen) StartCheck() { s.check.Start() }

// PauseCheck pauses the running check, keeping it to continue later.
func (s *Screen) PauseCheck() { s.check.PauseCheck() }

// CheckRunning reports whether a check runs.
func (s *Screen) CheckRunning() bool { return s.check.Running() }

// SetOnCheckProgress sets what is told a short progress text ("143 of
// 300") while a check runs, and "" when it stops.
func (s *Screen) SetOnCheckProgress(f func(text string)) { s.check.SetOnRunning(f) }

// Close pauses a running check (the vault is being locked) and stops an
// import.
func (s *Screen) Close() {
	s.check.Close()
	if d := s.importShown; d != nil && d.cancel != nil {
		d.cancel()
	}
}
