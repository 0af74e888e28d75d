package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// This file draws what only SCB's Företagsregister says of a Swedish unit
// (dossier.SwedishFacts): its statuses in words, the owner category, the
// seat, and the variables the user's SCB subscription leaves out. The
// company view calls swedishRows after its own rows.

// swedishRows adds c's Swedish facts to form and reports whether any of
// them is SCB's own wording (shown in italics, as the register's words
// are). It adds nothing for a unit of another country.
func swedishRows(form *widget.Form, c *dossier.Company) (quoted bool) {
	sw := c.Swedish
	if sw == nil {
		return false
	}
	f := guikit.Format()
	add := func(label, value string) {
		if value != "" {
			form.Append(label, guikit.WrapLabel(value))
		}
	}
	addQuoted := func(label, value string) {
		if value != "" {
			l := guikit.WrapLabel(value)
			l.TextStyle = fyne.TextStyle{Italic: true}
			form.Append(label, l)
			quoted = true
		}
	}
	given := func(c dossier.Code) bool { return c.Code != "" || c.Description != "" }
	if given(sw.Status) {
		add(lang.L("Status at SCB"), guikit.SCBCompanyStatusText(sw.Status))
	}
	if given(sw.TaxRegistration) {
		add(lang.L("Swedish Tax Agency"), guikit.SCBTaxRegistrationText(sw.TaxRegistration))
	}
	if given(sw.FTax) {
		add(lang.L("F-tax"), guikit.SCBRegistrationText(sw.FTax))
	}
	if given(sw.VAT) {
		add(lang.L("VAT"), guikit.SCBRegistrationText(sw.VAT))
	}
	if given(sw.Employer) {
		add(lang.L("Employer"), guikit.SCBRegistrationText(sw.Employer))
	}
	if given(sw.CompanyStatus) {
		addQuoted(lang.L("Company status"), guikit.RegisterWords(sw.CompanyStatus))
	}
	if given(sw.OwnerCategory) {
		addQuoted(lang.L("Owner category"), strings.TrimSpace(sw.OwnerCategory.Code+" "+sw.OwnerCategory.Description))
	}
	var seat []string
	for _, s := range []dossier.Code{sw.Seat, sw.SeatCounty} {
		if w := guikit.RegisterWords(s); w != "" {
			seat = append(seat, w)
		}
	}
	add(lang.L("Seat"), strings.Join(seat, ", "))
	if given(sw.SizeClass) {
		addQuoted(lang.L("Size"), guikit.RegisterWords(sw.SizeClass))
	}
	add(lang.L("Started"), f.Date(sw.Started))
	add(lang.L("Ended"), f.Date(sw.Ended))
	shown := map[string]bool{}
	for _, v := range sw.NotSubscribed {
		name := guikit.SCBVariableName(v)
		if name == "" || shown[name] {
			continue
		}
		shown[name] = true
		l := guikit.WrapLabel(guikit.SCBNotSubscribedText())
		l.Importance = widget.LowImportance
		form.Append(name, l)
	}
	return quoted
}

// industryLabel names the industry codes: SNI for a Swedish unit (SCB's
// Swedish version of NACE), NACE for the others.
func industryLabel(c *dossier.Company) string {
	if c.Swedish != nil {
		return lang.L("Industry (SNI)")
	}
	return lang.L("Industry (NACE)")
}
