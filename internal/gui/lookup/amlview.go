package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// screeningBanner is what the dossier says of BankID's sanctions and PEP
// screening, at its top: a red banner naming every hit with its list and
// date; the lists and date when there was none; that no screening was
// made when BankID gave none. Without BankID data it says nothing.
func screeningBanner(a *dossier.AML) fyne.CanvasObject {
	if a == nil {
		return nil
	}
	s := a.Screening
	f := guikit.Format()
	switch {
	case s == nil:
		l := guikit.WrapLabel(lang.L("Sanctions and PEP: BankID gave no screening for this company, so it is not known whether there are hits."))
		l.Importance = widget.WarningImportance
		return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, l)
	case !s.Hits():
		l := guikit.WrapLabel(lang.L("Screened against {{.Lists}} on {{.Date}}: no sanctions or PEP hits.", map[string]any{"Lists": listsText(s.Lists), "Date": f.Date(s.Date)}))
		return container.NewBorder(nil, nil, widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), nil, l)
	}
	var lines []string
	for _, h := range s.Sanctions {
		lines = append(lines, lang.L("Sanctions hit: {{.Name}} on {{.List}} (screened {{.Date}})", map[string]any{"Name": h.Name, "List": screenedList(h, s), "Date": f.Date(s.Date)})+hitDetail(h))
	}
	for _, h := range s.PEP {
		lines = append(lines, lang.L("Politically exposed person: {{.Name}} (screened {{.Date}})", map[string]any{"Name": h.Name, "Date": f.Date(s.Date)})+hitDetail(h))
	}
	lines = append(lines, lang.L("Screened against {{.Lists}}. Check the hits before you take the client on.", map[string]any{"Lists": listsText(s.Lists)}))
	return newAlarmBanner(lines)
}

// screenedList is the list a hit is on: its own, or the lists screened.
func screenedList(h dossier.ScreeningHit, s *dossier.Screening) string {
	if h.List != "" {
		return h.List
	}
	return listsText(s.Lists)
}

// hitDetail is what BankID says of a hit, after a colon; "" for nothing.
func hitDetail(h dossier.ScreeningHit) string {
	if h.Detail == "" {
		return ""
	}
	return ": " + h.Detail
}

// listsText names the lists screened against ("EU, UN, OFAC").
func listsText(lists []string) string {
	if len(lists) == 0 {
		return "—"
	}
	return strings.Join(lists, ", ")
}

// alarmBanner is a red band with bold text in the colour that reads on
// the theme's error colour: impossible to miss.
type alarmBanner struct {
	widget.BaseWidget
	lines []string
	text  *widget.RichText
}

func newAlarmBanner(lines []string) *alarmBanner {
	b := &alarmBanner{lines: lines}
	var segs []widget.RichTextSegment
	for i, l := range lines {
		style := widget.RichTextStyle{ColorName: theme.ColorNameForegroundOnError, TextStyle: fyne.TextStyle{Bold: i < len(lines)-1}}
		segs = append(segs, &widget.TextSegment{Text: l, Style: style})
	}
	b.text = widget.NewRichText(segs...)
	b.text.Wrapping = fyne.TextWrapWord
	b.ExtendBaseWidget(b)
	return b
}

// Text is what the banner says, line by line.
func (b *alarmBanner) Text() string { return strings.Join(b.lines, "\n") }

func (b *alarmBanner) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewColoredResource(theme.ErrorIcon(), theme.ColorNameForegroundOnError))
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewPadded(container.NewBorder(nil, nil, container.NewVBox(icon), nil, b.text))))
}

// bankID draws what BankID said of the organisation: where it comes
// from, its key information, roles, beneficial owners, shareholders and
// subsidiaries. main says it is the dossier's main content (no register
// answered): the name then heads it, as a register's would.
func (v *dossierView) bankID(a *dossier.AML, main bool) []fyne.CanvasObject {
	f := guikit.Format()
	var objs []fyne.CanvasObject
	if main && a.Key != nil && a.Key.Name != "" {
		name := guikit.WrapLabel(a.Key.Name)
		name.TextStyle = fyne.TextStyle{Bold: true}
		name.SizeName = theme.SizeNameSubHeadingText
		objs = append(objs, name)
	}
	objs = append(objs, sectionTitle(lang.L("From BankID")))
	objs = append(objs, caption(lang.L("From BankID, session {{.Session}}, read {{.Time}}.", map[string]any{"Session": a.SessionID, "Time": f.DateTime(a.Fetched)})))
	if k := a.Key; k != nil {
		form := widget.NewForm()
		add := func(label, value string) {
			if value != "" {
				form.Append(label, guikit.WrapLabel(value))
			}
		}
		add(lang.L("Name"), k.Name)
		add(lang.L("Organisation number"), k.Number)
		if k.Country != "" {
			add(lang.L("Country"), guikit.CountryNameOf(k.Country, k.Country))
		}
		add(lang.L("Form"), k.Form)
		add(lang.L("Registered"), f.Date(k.Registered))
		add(lang.L("LEI"), k.LEI)
		add(lang.L("DUNS number"), k.DUNS)
		objs = append(objs, form)
	}
	if len(a.Roles) > 0 {
		objs = append(objs, bold(lang.L("Roles")))
		cells := []fyne.CanvasObject{bold(lang.L("Role")), bold(lang.L("Name"))}
		for _, r := range a.Roles {
			cells = append(cells, guikit.WrapLabel(guikit.RoleName(dossier.Code{Code: r.Type, Description: r.Type})), v.holder(r.Name, r.OrgNumber, r.BirthDate))
		}
		objs = append(objs, guikit.NewTable(2, 1, cells...))
	}
	if len(a.Beneficials) > 0 {
		objs = append(objs, bold(lang.L("Beneficial owners")))
		cells := []fyne.CanvasObject{bold(lang.L("Name")), bold(lang.L("Share")), bold(lang.L("Role"))}
		for _, o := range a.Beneficials {
			// the roles are BankID's own words, in italics
			roles := guikit.WrapLabel(strings.Join(o.Roles, ", "))
			roles.TextStyle = fyne.TextStyle{Italic: true}
			cells = append(cells, v.holder(o.Name, "", o.BirthDate), widget.NewLabel(f.Percent(o.Share)), roles)
		}
		objs = append(objs, guikit.NewTable(3, 0, cells...))
	}
	objs = append(objs, v.holdings(lang.L("Shareholders"), a.Shareholders)...)
	objs = append(objs, v.holdings(lang.L("Subsidiaries"), a.Subsidiaries)...)
	return objs
}

// holdings draws a table of shareholdings under title; nothing when
// there are none.
func (v *dossierView) holdings(title string, hs []dossier.Holding) []fyne.CanvasObject {
	if len(hs) == 0 {
		return nil
	}
	f := guikit.Format()
	cells := []fyne.CanvasObject{bold(lang.L("Name")), bold(lang.L("Country")), bold(lang.L("Share"))}
	for _, h := range hs {
		country := ""
		if h.Country != "" {
			country = guikit.CountryNameOf(h.Country, h.Country)
		}
		cells = append(cells, v.holder(h.Name, h.OrgNumber, h.BirthDate), widget.NewLabel(country), widget.NewLabel(f.Percent(h.Share)))
	}
	return []fyne.CanvasObject{bold(title), guikit.NewTable(3, 0, cells...)}
}

// holder is a person (with the birth date) or an organisation (a link to
// its dossier) in BankID's data.
func (v *dossierView) holder(name, orgnr, born string) fyne.CanvasObject {
	switch {
	case orgnr != "":
		return v.unitLink(orgnr, guikit.UnitText(name, orgnr))
	case born != "":
		return guikit.WrapLabel(name + " (" + lang.L("born {{.Date}}", map[string]any{"Date": guikit.Format().Date(born)}) + ")")
	}
	return guikit.WrapLabel(name)
}
