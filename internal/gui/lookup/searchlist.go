package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
)

// hitList is the list of hits: Up and Down choose, Enter (or a click, or
// Space) opens, Escape closes, and Up from the first hit goes back to the
// search field.
type hitList struct {
	widget.List
	p *hitsPanel
}

// newHitList lists p's hits.
func newHitList(p *hitsPanel) *hitList {
	l := &hitList{p: p}
	l.Length = func() int { return len(p.hits) }
	l.CreateItem = newHitRow
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(p.hits) {
			setHitRow(o, p.hits[i])
		}
	}
	l.OnHighlighted = func(i widget.ListItemID) { p.at = i }
	l.OnSelected = func(i widget.ListItemID) {
		l.UnselectAll()
		p.open(i)
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the highlighted hit on Enter, closes the list on Escape,
// and leaves the list upwards from the first hit.
func (l *hitList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.p.open(l.p.at)
	case fyne.KeyEscape:
		l.p.close()
	case fyne.KeyUp:
		if l.p.at == 0 {
			l.p.s.Focus()
			return
		}
		l.List.TypedKey(e)
	default:
		l.List.TypedKey(e)
	}
}

// newHitRow is a row of the list: the name, then the number, form and
// municipality, then the badges.
func newHitRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	badge := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, nil, container.NewHBox(detail, badge), name)
}

// setHitRow shows h in a row made by newHitRow.
func setHitRow(o fyne.CanvasObject, h dossier.SearchHit) {
	row := o.(*fyne.Container)
	name := row.Objects[0].(*widget.Label)
	right := row.Objects[1].(*fyne.Container)
	detail, badge := right.Objects[0].(*widget.Label), right.Objects[1].(*widget.Label)
	name.SetText(h.Name)
	parts := []string{h.Number}
	for _, s := range []string{h.Form.Code, h.Municipality} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	detail.SetText(strings.Join(parts, " · "))
	words, imp := badgeText(h)
	badge.Importance = imp
	badge.SetText(words)
	if words == "" {
		badge.Hide()
	} else {
		badge.Show()
	}
}

// badgeText says a hit's badges in words, with the importance of the most
// serious.
func badgeText(h dossier.SearchHit) (string, widget.Importance) {
	var words []string
	imp := widget.MediumImportance
	for _, b := range h.Badges {
		switch b {
		case dossier.BadgeDeleted:
			words, imp = append(words, lang.L("Deleted")), widget.DangerImportance
		case dossier.BadgeBankrupt:
			words, imp = append(words, lang.L("Bankrupt")), widget.DangerImportance
		case dossier.BadgeForcedDissolution:
			words = append(words, lang.L("Under forced dissolution"))
		case dossier.BadgeLiquidation:
			words = append(words, lang.L("Under liquidation"))
		case dossier.BadgeClosed:
			words = append(words, lang.L("Closed down"))
		}
		if imp == widget.MediumImportance {
			imp = widget.WarningImportance
		}
	}
	if h.SubUnit {
		words = append(words, lang.L("Sub-unit"))
	}
	return strings.Join(words, " · "), imp
}

// rowsLayout gives its one object the height of rows rows of a list of
// hits, and the width it is given.
type rowsLayout struct{ rows int }

// MinSize is rows rows high.
func (l *rowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// A list puts a padding between its rows.
	row, gap := newHitRow().MinSize().Height, theme.Padding()
	w := float32(0)
	if len(objs) > 0 {
		w = objs[0].MinSize().Width
	}
	return fyne.NewSize(w, float32(l.rows)*row+float32(max(l.rows-1, 0))*gap)
}

// Layout gives the object the whole size.
func (l *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
