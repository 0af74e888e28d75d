package lookup

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// dossierView draws one dossier: the company, its roles and sub-units, and
// what each source answered. open is called with an organisation number
// when the user clicks a unit.
type dossierView struct {
	box  *fyne.Container
	open func(number string)
	// reveal shows a beneficial owner's full identity number.
	reveal func(orgnr string, i int) (string, error)
	// ownership is the Ownership tab of the dossier shown.
	ownership *ownershipTab
	host      *guikit.Host
	desk      Desk
	// units are the buttons that open another unit's dossier, by number.
	units map[string]*widget.Button
	// tabs are the dossier's tabs: the company, the beneficial owners.
	tabs *container.AppTabs
	// outcomeIcon is the icon of the dossier's overall outcome;
	// sourceIcons the icons of the sources, by id.
	outcomeIcon *widget.Icon
	sourceIcons map[string]fyne.Resource
	// reveals are the owners' Show buttons, in order.
	reveals []*widget.Button
	// again asks one source again; sourceButtons are its buttons, by id.
	again         func(id string)
	sourceButtons map[string]*widget.Button
}

func newDossierView(h *guikit.Host, d Desk, open func(string)) *dossierView {
	return &dossierView{box: container.NewVBox(), host: h, desk: d, open: open, reveal: d.RevealOwnerID, units: map[string]*widget.Button{}}
}

// show draws dos; nil clears the view.
func (v *dossierView) show(dos *dossier.Dossier) {
	v.units = map[string]*widget.Button{}
	v.sourceButtons = map[string]*widget.Button{}
	v.sourceIcons = map[string]fyne.Resource{}
	v.reveals = nil
	if dos == nil {
		v.tabs = nil
		v.box.Objects = nil
		v.box.Refresh()
		return
	}
	v.outcomeIcon = widget.NewIcon(guikit.OutcomeIcon(dos))
	outcome := guikit.WrapLabel(guikit.OutcomeText(dos))
	if dos.Outcome() == dossier.OutcomeUnreachable {
		outcome.Importance = widget.DangerImportance
	}
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, v.outcomeIcon, nil, outcome)}
	if dos.Company != nil {
		objs = append(objs, v.company(dos)...)
	}
	if !dos.Complete() {
		warn := guikit.WrapLabel(lang.L("Not every source answered, so this dossier may be incomplete."))
		warn.Importance = widget.WarningImportance
		objs = append(objs, warn)
	}
	for _, c := range dos.Carried {
		kept := guikit.WrapLabel(guikit.CarriedText(c))
		kept.Importance = widget.WarningImportance
		kept.SizeName = theme.SizeNameCaptionText
		objs = append(objs, kept)
	}
	if len(dos.Roles) > 0 {
		objs = append(objs, sectionTitle(lang.L("Roles")))
		objs = append(objs, v.roles(dos.Roles)...)
	}
	if len(dos.SubUnits) > 0 {
		objs = append(objs, sectionTitle(lang.L("Sub-units")))
		for _, u := range dos.SubUnits {
			text := fmt.Sprintf("%s (%s)", u.Name, u.Number)
			if u.ClosedDate != "" {
				text += " – " + lang.L("closed on {{.Date}}", map[string]any{"Date": u.ClosedDate})
			}
			objs = append(objs, v.unitButton(u.Number, text))
		}
	}
	objs = append(objs, sectionTitle(lang.L("Sources")))
	for _, s := range dos.Sources {
		objs = append(objs, v.source(s))
	}
	when := widget.NewLabel(lang.L("Looked up {{.Time}}.", map[string]any{"Time": dos.Fetched.Local().Format("2006-01-02 15:04:05")}))
	when.SizeName = theme.SizeNameCaptionText
	objs = append(objs, when)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Company"), theme.HomeIcon(), container.NewVBox(objs...)),
		container.NewTabItemWithIcon(lang.L("Beneficial owners"), theme.AccountIcon(), v.owners(dos)),
	)
	v.ownership = newOwnershipTab(v.host, v.desk.OwnershipGraph(dos), v.open)
	v.tabs.Append(container.NewTabItemWithIcon(lang.L("Ownership"), theme.GridIcon(), v.ownership.content()))
	v.box.Objects = []fyne.CanvasObject{v.tabs}
	v.box.Refresh()
}

// sectionTitle is a bold heading under a separator.
func sectionTitle(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// company draws the facts.
func (v *dossierView) company(dos *dossier.Dossier) []fyne.CanvasObject {
	c := dos.Company
	name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	var badges []fyne.CanvasObject
	badge := func(text string, imp widget.Importance) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = imp
		badges = append(badges, l)
	}
	if c.Deleted {
		if c.DeletedDate != "" {
			badge(lang.L("Deleted {{.Date}}", map[string]any{"Date": c.DeletedDate}), widget.DangerImportance)
		} else {
			badge(lang.L("Deleted"), widget.DangerImportance)
		}
	}
	if c.ClosedDate != "" {
		badge(lang.L("Closed on {{.Date}}", map[string]any{"Date": c.ClosedDate}), widget.WarningImportance)
	}
	if c.Bankrupt {
		badge(lang.L("Bankrupt"), widget.DangerImportance)
	}
	if c.UnderLiquidation {
		badge(lang.L("Under liquidation"), widget.WarningImportance)
	}
	if c.UnderForcedDissolution {
		badge(lang.L("Under forced dissolution"), widget.WarningImportance)
	}
	if c.SubUnit {
		badge(lang.L("Sub-unit"), widget.MediumImportance)
	}
	form := widget.NewForm()
	add := func(label, value string) {
		if value != "" {
			form.Append(label, guikit.WrapLabel(value))
		}
	}
	add(lang.L("Organisation number"), c.Number)
	if c.Form.Code != "" {
		add(lang.L("Form"), strings.TrimSpace(c.Form.Description+" ("+c.Form.Code+")"))
	}
	if c.SubUnit && c.Parent != "" {
		form.Append(lang.L("Legal unit"), v.unitButton(c.Parent, c.Parent))
	}
	add(lang.L("Business address"), addressText(c.BusinessAddress))
	add(lang.L("Postal address"), addressText(c.PostalAddress))
	add(lang.L("Location"), addressText(c.LocationAddress))
	var nace []string
	for _, n := range c.Industry {
		nace = append(nace, n.Code+" "+n.Description)
	}
	add(lang.L("Industry (NACE)"), strings.Join(nace, "\n"))
	if c.Sector != nil {
		add(lang.L("Sector"), c.Sector.Code+" "+c.Sector.Description)
	}
	if c.Employees != nil {
		add(lang.L("Employees"), fmt.Sprint(*c.Employees))
	}
	add(lang.L("Registered"), c.Registered)
	add(lang.L("Founded"), c.Founded)
	add(lang.L("Capital"), c.Capital)
	add(lang.L("Bankrupt since"), c.BankruptDate)
	add(lang.L("E-mail"), c.Email)
	add(lang.L("Phone"), strings.TrimSpace(c.Phone+" "+c.Mobile))
	add(lang.L("Website"), c.Website)
	add(lang.L("Purpose"), strings.Join(c.Purpose, " "))
	objs := []fyne.CanvasObject{name}
	if len(badges) > 0 {
		objs = append(objs, container.NewHBox(badges...))
	}
	return append(objs, form)
}

// addressText writes an address on lines.
func addressText(a *dossier.Address) string {
	if a == nil {
		return ""
	}
	var lines []string
	for _, l := range a.Lines {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if city := strings.TrimSpace(a.PostalCode + " " + a.City); city != "" {
		lines = append(lines, city)
	}
	if a.Country != "" && a.CountryCode != "NO" && a.CountryCode != "NOR" {
		lines = append(lines, a.Country)
	}
	return strings.Join(lines, "\n")
}

// roles draws each role: persons with their number masked, units as
// buttons that open their dossier.
func (v *dossierView) roles(roles []dossier.Role) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, r := range roles {
		kind := r.Type.Description
		if kind == "" {
			kind = r.Type.Code
		}
		label := widget.NewLabelWithStyle(kind, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		var holder fyne.CanvasObject
		switch {
		case r.Unit != nil:
			holder = v.unitButton(r.Unit.Number, fmt.Sprintf("%s (%s)", r.Unit.Name, r.Unit.Number))
		case r.Person != nil:
			holder = guikit.WrapLabel(personText(r.Person))
		default:
			holder = widget.NewLabel("—")
		}
		if r.Resigned {
			label.SetText(kind + " " + resignedText(r))
		}
		objs = append(objs, container.NewGridWithColumns(2, label, holder))
	}
	return objs
}

// resignedText says that a role holder has resigned, with the register's
// code (K, R or F: the schema does not say how they differ) and its text.
func resignedText(r dossier.Role) string {
	text := lang.L("(resigned)")
	if r.ResignedCode != "" {
		text = lang.L("(resigned; register code {{.Code}}, whose meaning is not documented)", map[string]any{"Code": r.ResignedCode})
	}
	if r.ResignedText != "" {
		text += " “" + r.ResignedText + "”"
	}
	return text
}

// personText is a person's name with the birth date or the national
// identity number as the desk gives it: masked (the window never holds a
// number in full it has not asked for).
func personText(p *dossier.Person) string {
	text := p.Name
	switch {
	case p.NationalID != "":
		text += " (" + p.NationalID + ")"
	case p.BirthDate != "":
		text += " (" + lang.L("born {{.Date}}", map[string]any{"Date": p.BirthDate}) + ")"
	}
	if p.Deceased {
		text += " †"
	}
	return text
}

// unitButton is a link to another unit's dossier.
func (v *dossierView) unitButton(number, text string) *widget.Button {
	b := widget.NewButtonWithIcon(text, theme.NavigateNextIcon(), func() { v.open(number) })
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	v.units[number] = b
	return b
}

// source draws what one source answered.
func (v *dossierView) source(s dossier.Source) fyne.CanvasObject {
	icon := guikit.SourceIcon(s)
	if v.sourceIcons == nil {
		v.sourceIcons = map[string]fyne.Resource{}
	}
	v.sourceIcons[s.ID] = icon
	lines := []fyne.CanvasObject{widget.NewLabelWithStyle(guikit.SourceName(s.ID)+": "+guikit.SourceStatusText(s), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if text := guikit.SourceDetailText(s); text != "" {
		lines = append(lines, guikit.WrapLabel(text))
	}
	lines = append(lines, answerLines(s)...)
	if s.Redirect != nil && s.Redirect.Number != "" {
		lines = append(lines, v.unitButton(s.Redirect.Number, guikit.RedirectText(s.Redirect)))
	}
	for _, n := range s.Notes {
		note := guikit.WrapLabel("• " + guikit.NoteText(n))
		note.SizeName = theme.SizeNameCaptionText
		lines = append(lines, note)
	}
	var again fyne.CanvasObject
	if v.again != nil && s.ID != "registers" {
		id := s.ID
		b := widget.NewButtonWithIcon(lang.L("Ask again"), theme.ViewRefreshIcon(), func() { v.again(id) })
		b.Importance = widget.LowImportance
		v.sourceButtons[id] = b
		again = container.NewVBox(b)
	}
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), again, container.NewVBox(lines...))
}

// answerLines are the register's own words and the follow-up a source's
// answer asks for, when it has them.
func answerLines(s dossier.Source) []fyne.CanvasObject {
	var lines []fyne.CanvasObject
	if s.RegisterText != "" {
		said := guikit.WrapLabel(lang.L("The register said: “{{.Text}}”", map[string]any{"Text": s.RegisterText}))
		said.TextStyle = fyne.TextStyle{Italic: true}
		lines = append(lines, said)
	}
	if s.FollowUp != nil {
		follow := guikit.WrapLabel(followUpText(s.FollowUp))
		follow.Importance = widget.WarningImportance
		follow.TextStyle = fyne.TextStyle{Bold: true}
		lines = append(lines, follow)
	}
	return lines
}

// followUpText says what to follow up in the AML check.
func followUpText(f *dossier.FollowUp) string {
	switch f.Reason {
	case dossier.FollowUpOwnersNotRegistered:
		return lang.L("Follow up in the AML check: find out whether the company must register beneficial owners, and identify them yourself.")
	}
	return lang.L("Follow up in the AML check: {{.Message}}", map[string]any{"Message": f.Message})
}
