package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// company draws the facts: the name, the status badges, the link to the
// correct unit of a deleted one, and a form of what is registered. Only
// what the registers gave is shown; descriptions that are no closed set
// (industry, sector, purpose) are the register's wording, in italics.
func (v *dossierView) company(dos *dossier.Dossier) []fyne.CanvasObject {
	c := dos.Company
	f := guikit.Format()
	name := guikit.WrapLabel(c.Name)
	name.TextStyle = fyne.TextStyle{Bold: true}
	name.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{name}
	if badges := statusBadges(c); len(badges) > 0 {
		objs = append(objs, container.NewHBox(badges...))
	}
	objs = append(objs, v.redirects(dos)...)

	form := widget.NewForm()
	quoted := false
	add := func(label, value string) {
		if value != "" {
			form.Append(label, guikit.WrapLabel(value))
		}
	}
	// addQuoted adds the register's own wording, in italics.
	addQuoted := func(label, value string) {
		if value != "" {
			l := guikit.WrapLabel(value)
			l.TextStyle = fyne.TextStyle{Italic: true}
			form.Append(label, l)
			quoted = true
		}
	}
	add(lang.L("Organisation number"), c.Number)
	if c.Form.Code != "" || c.Form.Description != "" {
		add(lang.L("Form"), guikit.FormName(c.Form))
	}
	if c.SubUnit && c.Parent != "" {
		form.Append(lang.L("Legal unit"), v.unitLink(c.Parent, guikit.UnitText(parentName(dos), c.Parent)))
	}
	add(lang.L("Business address"), addressText(c.BusinessAddress))
	add(lang.L("Postal address"), addressText(c.PostalAddress))
	add(lang.L("Location"), addressText(c.LocationAddress))
	var nace []string
	for _, n := range c.Industry {
		nace = append(nace, strings.TrimSpace(n.Code+" "+n.Description))
	}
	addQuoted(industryLabel(c), strings.Join(nace, "\n"))
	if c.Sector != nil {
		addQuoted(lang.L("Sector"), strings.TrimSpace(c.Sector.Code+" "+c.Sector.Description))
	}
	quoted = swedishRows(form, c) || quoted // dossierswedish.go
	finnishRows(form, c)                    // dossierfinnish.go
	if c.Employees != nil {
		add(lang.L("Employees"), f.Integer(int64(*c.Employees)))
	}
	add(lang.L("Registered"), f.Date(c.Registered))
	add(lang.L("Founded"), f.Date(c.Founded))
	add(lang.L("Capital"), f.Amount(c.Capital))
	add(lang.L("Bankrupt since"), f.Date(c.BankruptDate))
	add(lang.L("E-mail"), c.Email)
	add(lang.L("Phone"), c.Phone)
	add(lang.L("Mobile"), c.Mobile)
	add(lang.L("Website"), c.Website)
	addQuoted(lang.L("Purpose"), strings.Join(c.Purpose, "\n"))
	objs = append(objs, form)
	if quoted {
		objs = append(objs, caption(lang.L("Text in italics is the register's own wording, not translated.")))
	}
	return objs
}

// statusBadges are the company's statuses that are bad news or worth
// knowing, as bold words.
func statusBadges(c *dossier.Company) []fyne.CanvasObject {
	f := guikit.Format()
	var badges []fyne.CanvasObject
	badge := func(text string, imp widget.Importance) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = imp
		badges = append(badges, l)
	}
	if c.Deleted {
		if c.DeletedDate != "" {
			badge(lang.L("Deleted {{.Date}}", map[string]any{"Date": f.Date(c.DeletedDate)}), widget.DangerImportance)
		} else {
			badge(lang.L("Deleted"), widget.DangerImportance)
		}
	}
	if c.ClosedDate != "" {
		badge(lang.L("Closed on {{.Date}}", map[string]any{"Date": f.Date(c.ClosedDate)}), widget.WarningImportance)
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
	return badges
}

// parentName is the name of a sub-unit's legal unit, when a source named
// it (the desk names the unit a source points to).
func parentName(dos *dossier.Dossier) string {
	for _, s := range dos.Sources {
		if r := s.Redirect; r != nil && r.Number == dos.Company.Parent && r.Name != "" {
			return r.Name
		}
	}
	return ""
}

// addressText writes an address on lines, with the country in the user's
// language when it is not Norway.
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
	if (a.Country != "" || a.CountryCode != "") && a.CountryCode != "NO" && a.CountryCode != "NOR" {
		lines = append(lines, guikit.CountryNameOf(a.CountryCode, a.Country))
	}
	return strings.Join(lines, "\n")
}
