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

// ownersView draws the beneficial owners of a dossier: one row per owner
// with birth year, positions and intermediate companies, the registration
// status and where the facts came from. Identity numbers stay masked until
// the user clicks to show one (which the vault's audit log records).
func (v *dossierView) owners(dos *dossier.Dossier) fyne.CanvasObject {
	o := dos.Owners
	var src *dossier.Source
	for i := range dos.Sources {
		if dos.Sources[i].ID == "rrh" {
			src = &dos.Sources[i]
		}
	}
	if o == nil {
		if src != nil {
			// The register's own words and any follow-up are part of the
			// answer: a 404 is no reassurance.
			rows := []fyne.CanvasObject{guikit.WrapLabel(guikit.SourceName(src.ID) + ": " + guikit.SourceStatusText(*src)), guikit.WrapLabel(guikit.SourceDetailText(*src))}
			return container.NewVBox(append(rows, answerLines(*src)...)...)
		}
		return guikit.WrapLabel(lang.L("The Register of beneficial owners was not asked."))
	}
	status := widget.NewLabelWithStyle(ownerStatusText(o.Status), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status.Wrapping = fyne.TextWrapWord
	var from string
	if o.Source == "offline" {
		from = lang.L("From the offline copy of {{.Date}}.", map[string]any{"Date": o.CopyDate})
	} else {
		from = lang.L("From the register, online at {{.Time}}.", map[string]any{"Time": dos.Fetched.Local().Format("15:04")})
	}
	rows := []fyne.CanvasObject{status, widget.NewLabel(from)}
	if src != nil {
		// Notes about how the answer was read (the experimental v1 shape).
		for _, n := range src.Notes {
			note := guikit.WrapLabel("• " + guikit.NoteText(n))
			note.Importance = widget.WarningImportance
			rows = append(rows, note)
		}
		rows = append(rows, answerLines(*src)...)
	}
	if len(o.Owners) == 0 {
		return container.NewVBox(rows...)
	}
	header := container.NewGridWithColumns(4,
		bold(lang.L("Owner")), bold(lang.L("Born")), bold(lang.L("Positions")), bold(lang.L("Through")))
	rows = append(rows, header)
	for i, owner := range o.Owners {
		rows = append(rows, v.ownerRow(dos.Number, i, owner))
	}
	return container.NewVBox(rows...)
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// ownerRow is one beneficial owner.
func (v *dossierView) ownerRow(orgnr string, i int, o dossier.BeneficialOwner) fyne.CanvasObject {
	name := o.Name
	if o.Exempt || name == "" {
		name = lang.L("Exempt from disclosure")
	}
	var who []fyne.CanvasObject
	nameLabel := guikit.WrapLabel(name)
	who = append(who, nameLabel)
	if o.Foreign {
		who = append(who, caption(lang.L("Foreign person")))
	}
	if o.Residence != nil {
		who = append(who, caption(lang.L("Lives in {{.Country}}", map[string]any{"Country": countryText(*o.Residence)})))
	}
	if o.NationalID != "" {
		// The desk gives the number masked; Show asks it for the whole
		// number, which it writes to the audit log.
		id := widget.NewLabel(o.NationalID)
		var show *widget.Button
		show = widget.NewButtonWithIcon(lang.L("Show"), theme.VisibilityIcon(), func() {
			full, err := v.reveal(orgnr, i)
			if err != nil {
				id.SetText(guikit.ProblemText(err))
				return
			}
			id.SetText(full)
			show.Hide()
		})
		show.Importance = widget.LowImportance
		v.reveals = append(v.reveals, show)
		who = append(who, container.NewHBox(id, show))
	}
	born := o.BirthYear
	if born == "" && len(o.BirthDate) >= 4 {
		born = o.BirthDate[:4]
	}
	if o.Deceased {
		born += " †"
	}
	var positions, through []string
	for _, p := range o.Positions {
		text := positionText(p)
		positions = append(positions, text)
		for _, m := range p.Intermediates {
			unit := m.Name
			switch {
			case m.Number != "" && m.Name == "":
				unit = m.Number
			case m.Number != "":
				unit = m.Name + " (" + m.Number + ")"
			case m.ForeignNumber != "":
				unit = strings.TrimSpace(m.Name + " (" + m.Country + " " + m.ForeignNumber + ")")
			}
			through = append(through, unit)
		}
	}
	return container.NewGridWithColumns(4, container.NewVBox(who...), widget.NewLabel(born),
		guikit.WrapLabel(strings.Join(positions, "\n")), guikit.WrapLabel(strings.Join(through, "\n")))
}

func caption(text string) *widget.Label {
	l := guikit.WrapLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// countryText is a country's name, or its code.
func countryText(c dossier.Code) string {
	if c.Description != "" {
		return c.Description
	}
	return c.Code
}

// ownerStatusText is the registration status in plain words.
func ownerStatusText(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case dossier.OwnersAllIdentified:
		return lang.L("Beneficial owners registered; all are identified.")
	case dossier.OwnersSomeIdentified:
		return lang.L("Beneficial owners registered, but some cannot be identified.")
	case dossier.OwnersNoneIdentified:
		return lang.L("The company has beneficial owners, but none can be identified.")
	case dossier.OwnersNone:
		return lang.L("No beneficial owners: no person owns or controls more than 25 %, and no public body owns it.")
	case dossier.OwnersNorwegianState:
		return lang.L("No beneficial owners, because a Norwegian public body owns or controls more than 75 %.")
	case dossier.OwnersForeignState:
		return lang.L("No beneficial owners, because a foreign public body owns or controls more than 75 %.")
	}
	if c.Description != "" {
		return c.Description
	}
	return c.Code
}

// positionText is one position in words: what, how large, on what basis.
func positionText(p dossier.Position) string {
	var kind string
	switch strings.ToLower(p.Type.Code) {
	case "posisjontype.eier":
		kind = lang.L("Owns")
	case "posisjontype.kont":
		kind = lang.L("Controls votes")
	case "posisjontype.ruas":
		kind = lang.L("Can appoint or remove half the board")
	case "posisjontype.anne", "grunnlagtype.anne":
		kind = lang.L("Controls by other means")
		if p.Other != "" {
			kind += ": " + p.Other
		}
	default:
		kind = p.Type.Description
		if kind == "" {
			kind = p.Type.Code
		}
	}
	if p.Interval != nil {
		switch strings.ToLower(p.Interval.Code) {
		case "stoerrelseintervall.int1":
			kind += " 25–49.99 %"
		case "stoerrelseintervall.int2":
			kind += " 50–74.99 %"
		case "stoerrelseintervall.int3":
			kind += " 75–100 %"
		default:
			kind += " " + p.Interval.Description
		}
	}
	var basis []string
	for _, b := range p.Basis {
		switch strings.ToLower(b.Code) {
		case "grunnlagtype.dire":
			basis = append(basis, lang.L("directly"))
		case "grunnlagtype.indi":
			basis = append(basis, lang.L("indirectly"))
		case "grunnlagtype.enav":
			basis = append(basis, lang.L("by agreement"))
		default:
			basis = append(basis, b.Description)
		}
	}
	if len(basis) > 0 {
		kind += " (" + strings.Join(basis, ", ") + ")"
	}
	return kind
}
