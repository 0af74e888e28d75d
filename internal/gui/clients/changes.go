package clients

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// maxChanges is how many changes the view shows at most (the newest);
// the export has them all.
const maxChanges = 500

// changesView lists the changes found, grouped by client, newest first,
// filtered by risk and period.
type changesView struct {
	s *Screen
	// Risk and Period filter the changes; Export saves them.
	Risk, Period *widget.Select
	Export       *widget.Button
	// Message says what went wrong, or that there is nothing to show.
	Message *widget.Label
	list    *fyne.Container
	// generation counts reloads, so that only the latest is shown.
	generation int
	// Shown are the changes shown, in order.
	Shown []portfolio.Change
	// Groups are the clients' headings, in order: a click opens the
	// dossier.
	Groups []*widget.Button
}

func newChangesView(s *Screen) *changesView {
	v := &changesView{s: s}
	v.Risk = widget.NewSelect(riskChoices(), nil)
	v.Risk.SetSelectedIndex(1)
	v.Risk.OnChanged = func(string) { v.reload() }
	v.Period = widget.NewSelect(periodChoices(), nil)
	v.Period.SetSelectedIndex(1)
	v.Period.OnChanged = func(string) { v.reload() }
	v.Export = widget.NewButtonWithIcon(lang.L("Export the changes…"), theme.DocumentSaveIcon(), func() { s.openExportOf(true) })
	v.Message = guikit.WrapLabel("")
	v.list = container.NewVBox()
	return v
}

func (v *changesView) content() fyne.CanvasObject {
	bar := container.New(layout.NewRowWrapLayout(), guikit.NaturalWidth(selectWidth, v.Risk), guikit.NaturalWidth(selectWidth, v.Period), v.Export)
	return container.NewBorder(bar, nil, nil, nil, container.NewVScroll(container.NewVBox(v.Message, v.list)))
}

// periodChoices are the period filter's options.
func periodChoices() []string {
	return []string{lang.L("Last 7 days"), lang.L("Last 30 days"), lang.L("Last 12 months"), lang.L("All time")}
}

// periodDays are the days of periodChoices (0: all).
var periodDays = []int{7, 30, 365, 0}

// filter is the filter the choices make.
func (v *changesView) filter() portfolio.ChangeFilter {
	f := portfolio.ChangeFilter{MinRisk: riskFloors[max(v.Risk.SelectedIndex(), 0)]}
	if days := periodDays[max(v.Period.SelectedIndex(), 0)]; days > 0 {
		f.Since = v.s.now().AddDate(0, 0, -days)
	}
	return f
}

// reload reads the changes the filter keeps and shows them.
func (v *changesView) reload() {
	f := v.filter()
	f.Limit = maxChanges
	v.generation++
	gen := v.generation
	var list []portfolio.Change
	v.s.host.Background(func() error {
		var err error
		list, err = v.s.desk.ClientChanges(f)
		return err
	}, func(err error) {
		if gen != v.generation {
			return // a later reload shows its own answer
		}
		if err != nil {
			v.show(nil)
			v.Message.Importance = widget.DangerImportance
			v.Message.SetText(guikit.ProblemText(err))
			return
		}
		v.show(list)
	})
}

// show draws list: one heading per client (in the order of its newest
// change), then a row per change.
func (v *changesView) show(list []portfolio.Change) {
	v.Shown = list
	v.Groups = nil
	v.list.Objects = nil
	v.Message.Importance = widget.MediumImportance
	switch {
	case len(list) == 0:
		v.Message.SetText(lang.L("No changes in this period at this risk."))
	case len(list) >= maxChanges:
		v.Message.SetText(lang.L("The newest {{.Count}} changes; export them to see all.", map[string]any{"Count": maxChanges}))
	default:
		v.Message.SetText(lang.L("{{.Count}} changes", map[string]any{"Count": len(list)}))
	}
	var order []string
	byClient := map[string][]portfolio.Change{}
	for _, c := range list {
		if _, ok := byClient[c.Number]; !ok {
			order = append(order, c.Number)
		}
		byClient[c.Number] = append(byClient[c.Number], c)
	}
	for _, number := range order {
		changes := byClient[number]
		name := changes[0].Name
		title := number
		if name != "" {
			title = name + " (" + number + ")"
		}
		head := widget.NewButtonWithIcon(title, theme.SearchIcon(), func() {
			v.s.host.Activity()
			if v.s.open != nil {
				v.s.open(number)
			}
		})
		head.Alignment = widget.ButtonAlignLeading
		head.Importance = widget.LowImportance
		v.Groups = append(v.Groups, head)
		v.list.Add(head)
		for _, c := range changes {
			v.list.Add(changeRow(c))
		}
		v.list.Add(widget.NewSeparator())
	}
	v.list.Refresh()
}

// changeRow is one change: its date, risk badge and reason, and under
// them old » new and the source that said it.
func changeRow(c portfolio.Change) fyne.CanvasObject {
	f := guikit.Format()
	date := f.Day(c.Detected.Local())
	if c.Date != "" {
		date = f.Date(c.Date)
	}
	badge := widget.NewLabelWithStyle(RiskText(c.Risk), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	badge.Importance = RiskImportance(c.Risk)
	what := guikit.WrapLabel(oldNew(c) + " · " + guikit.SourceName(c.Source))
	what.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(container.New(layout.NewRowWrapLayout(), widget.NewLabel(date), badge, widget.NewLabel(ReasonText(c.Reason))), what)
}

// oldNew says what a change changed: "old » new" (the theme's font has
// no arrow), with a dash for none.
func oldNew(c portfolio.Change) string {
	return FieldText(c.Field) + ": " + changeValue(c.Field, c.Old) + " » " + changeValue(c.Field, c.New)
}

// changeValue is a change's old or new value in words: the status and
// the owners register's registration status are codes (portfolio.Diff),
// the rest the register's own words; a dash for none.
func changeValue(f portfolio.Field, v string) string {
	switch {
	case v == "":
		return "–"
	case f == portfolio.FieldStatus && v == portfolio.StatusStruckOff:
		return ReasonText(portfolio.ReasonStruckOff)
	case f == portfolio.FieldStatus:
		text, _ := StandingText(dossier.Standing(v), true)
		return text
	case f == portfolio.FieldOwnersStatus:
		return guikit.OwnersStatusText(dossier.Code{Code: v})
	}
	return v
}
