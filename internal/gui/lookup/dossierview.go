package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	// units are the links that open another unit's dossier, by number.
	units map[string]*widget.Hyperlink
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
	// roleTable is the table of roles, nil when there are none.
	roleTable *fyne.Container
	// linked are the units a status line at the top of the dossier
	// already opens (the correct unit of a deleted one), so the sources do
	// not repeat them.
	linked map[string]bool
	// order opens the order dialog for the dossier shown; orderButton is
	// the button that calls it and orderReason says why it is disabled.
	order       func(dos *dossier.Dossier)
	orderButton *widget.Button
	orderReason *widget.Label
	// report opens the KYC report dialog for the dossier shown;
	// reportButton is the button that calls it and reportReason says why
	// it is disabled.
	report       func(dos *dossier.Dossier)
	reportButton *widget.Button
	reportReason *widget.Label
	// banner is what BankID's screening says, at the top; nil without
	// BankID data.
	banner fyne.CanvasObject
	// documents is the Documents tab.
	documents *documentsTab
	// client is the dossier's "Add to my clients" control (client.go).
	client *clientControl
}

func newDossierView(h *guikit.Host, d Desk, open func(string)) *dossierView {
	return &dossierView{box: container.NewVBox(), host: h, desk: d, open: open, reveal: d.RevealOwnerID, units: map[string]*widget.Hyperlink{}}
}

// show draws dos; nil clears the view.
func (v *dossierView) show(dos *dossier.Dossier) {
	v.units = map[string]*widget.Hyperlink{}
	v.sourceButtons = map[string]*widget.Button{}
	v.sourceIcons = map[string]fyne.Resource{}
	v.linked = map[string]bool{}
	v.roleTable = nil
	v.reveals = nil
	v.client = nil
	v.banner, v.documents, v.orderButton, v.orderReason, v.reportButton, v.reportReason = nil, nil, nil, nil, nil, nil
	if dos == nil {
		v.tabs = nil
		v.box.Objects = nil
		v.box.Refresh()
		return
	}
	f := guikit.Format()
	v.outcomeIcon = widget.NewIcon(guikit.OutcomeIcon(dos))
	outcome := guikit.WrapLabel(guikit.OutcomeText(dos))
	if dos.Outcome() == dossier.OutcomeUnreachable {
		outcome.Importance = widget.DangerImportance
	}
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, v.outcomeIcon, nil, outcome)}
	if dos.Company != nil {
		objs = append(objs, v.company(dos)...)
	} else {
		objs = append(objs, v.redirects(dos)...)
		if dos.AML != nil {
			// BankID is the only source (Swedish and Finnish numbers)
			objs = append(objs, v.bankID(dos.AML, true)...)
		}
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
			text := guikit.UnitText(u.Name, u.Number)
			if u.ClosedDate != "" {
				text += " – " + lang.L("closed on {{.Date}}", map[string]any{"Date": f.Date(u.ClosedDate)})
			}
			objs = append(objs, v.unitLink(u.Number, text))
		}
	}
	if dos.Company != nil && dos.AML != nil {
		objs = append(objs, v.bankID(dos.AML, false)...)
	}
	objs = append(objs, sectionTitle(lang.L("Sources")))
	for _, s := range dos.Sources {
		objs = append(objs, v.source(s))
	}
	when := widget.NewLabel(lang.L("Looked up {{.Time}}.", map[string]any{"Time": f.DateTimeSeconds(dos.Fetched)}))
	when.SizeName = theme.SizeNameCaptionText
	objs = append(objs, when)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Company"), theme.HomeIcon(), container.NewVBox(objs...)),
		container.NewTabItemWithIcon(lang.L("Beneficial owners"), theme.AccountIcon(), v.owners(dos)),
	)
	v.ownership = newOwnershipTab(v.host, v.desk.OwnershipGraph(dos), v.open)
	v.tabs.Append(container.NewTabItemWithIcon(lang.L("Ownership"), theme.GridIcon(), v.ownership.content()))
	v.documents = newDocumentsTab(v.host, v.desk, dos.Number)
	v.tabs.Append(container.NewTabItemWithIcon(lang.L("Documents"), theme.FileApplicationIcon(), v.documents.content))
	top := []fyne.CanvasObject{}
	if v.banner = screeningBanner(dos.AML); v.banner != nil {
		top = append(top, v.banner)
	}
	top = append(top, container.NewBorder(nil, nil, nil, v.clientRow(dos), v.orderRow(dos)))
	v.box.Objects = append(top, v.tabs)
	v.box.Refresh()
}

// sectionTitle is a bold heading under a separator.
func sectionTitle(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// topRedirects are the reasons a source points to another unit that the
// dossier shows as a status at its top: the unit is deleted, and the
// correct one is elsewhere.
var topRedirects = map[string]bool{"duplicate": true, "merged": true, "replacement_deleted": true}

// redirects are the status lines at the top of a dossier that send the
// user to the correct unit: a warning sign and a link, once per unit.
func (v *dossierView) redirects(dos *dossier.Dossier) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, s := range dos.Sources {
		r := s.Redirect
		if r == nil || r.Number == "" || !topRedirects[r.Reason] || v.linked[r.Number] {
			continue
		}
		v.linked[r.Number] = true
		icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
		objs = append(objs, container.NewBorder(nil, nil, container.NewVBox(icon), nil, v.unitLink(r.Number, guikit.RedirectText(r))))
	}
	return objs
}

// roles draws the roles as a table of role, holder and since: persons
// with their number masked, units as links that open their dossier. The
// role is in the user's words; the register's own word for it, and what
// the register says of a resigned holder, stand below it.
func (v *dossierView) roles(roles []dossier.Role) []fyne.CanvasObject {
	f := guikit.Format()
	cells := []fyne.CanvasObject{bold(lang.L("Role")), bold(lang.L("Name")), bold(lang.L("Since"))}
	dated := false
	for _, r := range roles {
		kind := guikit.RoleName(r.Type)
		role := guikit.WrapLabel(kind)
		cell := []fyne.CanvasObject{role}
		said := ""
		if d := guikit.RegisterWords(r.Type); d != kind {
			said = d
		}
		if r.Resigned {
			role.Importance = widget.LowImportance
			said = joinSpace(said, resignedText(r))
		}
		if said != "" {
			cell = append(cell, caption(said))
		}
		var holder fyne.CanvasObject
		switch {
		case r.Unit != nil:
			holder = v.unitLink(r.Unit.Number, guikit.UnitText(r.Unit.Name, r.Unit.Number))
		case r.Person != nil:
			holder = guikit.WrapLabel(personText(r.Person))
		default:
			holder = widget.NewLabel("—")
		}
		if r.Share != "" {
			holder = container.NewVBox(holder, caption(lang.L("Share of responsibility: {{.Share}}", map[string]any{"Share": f.Share(r.Share)})))
		}
		since := widget.NewLabel(f.Date(r.Since))
		dated = dated || r.Since != ""
		cells = append(cells, container.New(layout.NewCustomPaddedVBoxLayout(0), cell...), holder, since)
	}
	v.roleTable = guikit.NewTable(3, 1, cells...)
	objs := []fyne.CanvasObject{v.roleTable}
	if dated {
		objs = append(objs, caption(lang.L("Since: when the register last changed this group of roles; the holder may have held the role for longer.")))
	}
	return objs
}

// joinSpace joins two texts with a space, leaving out an empty one.
func joinSpace(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
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
		text += " (" + lang.L("born {{.Date}}", map[string]any{"Date": guikit.Format().Date(p.BirthDate)}) + ")"
	}
	if p.Deceased {
		text += " †"
	}
	return text
}

// unitLink is a link to another unit's dossier; its text wraps. units
// keeps the first link to each unit.
func (v *dossierView) unitLink(number, text string) *widget.Hyperlink {
	l := widget.NewHyperlink(text, nil)
	l.Wrapping = fyne.TextWrapWord
	l.OnTapped = func() { v.open(number) }
	if _, ok := v.units[number]; !ok {
		v.units[number] = l
	}
	return l
}

// source draws what one source answered.
func (v *dossierView) source(s dossier.Source) fyne.CanvasObject {
	icon := guikit.SourceIcon(s)
	if v.sourceIcons == nil {
		v.sourceIcons = map[string]fyne.Resource{}
	}
	v.sourceIcons[s.ID] = icon
	head := guikit.WrapLabel(guikit.SourceName(s.ID) + ": " + guikit.SourceStatusText(s))
	head.TextStyle = fyne.TextStyle{Bold: true}
	lines := []fyne.CanvasObject{head}
	if text := guikit.SourceDetailText(s); text != "" {
		lines = append(lines, guikit.WrapLabel(text))
	}
	lines = append(lines, answerLines(s)...)
	if r := s.Redirect; r != nil && r.Number != "" && !v.linked[r.Number] {
		lines = append(lines, v.unitLink(r.Number, guikit.RedirectText(r)))
	}
	for _, n := range s.Notes {
		if !guikit.NoteMatters(n) {
			continue
		}
		note := guikit.WrapLabel("• " + guikit.NoteText(n))
		note.SizeName = theme.SizeNameCaptionText
		lines = append(lines, note)
	}
	var again fyne.CanvasObject
	// BankID is asked by ordering, never again by a lookup
	if v.again != nil && s.ID != "registers" && s.ID != "bankid" {
		id := s.ID
		b := widget.NewButtonWithIcon(lang.L("Ask again"), theme.ViewRefreshIcon(), func() { v.again(id) })
		b.Importance = widget.LowImportance
		if v.sourceButtons == nil {
			v.sourceButtons = map[string]*widget.Button{}
		}
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
