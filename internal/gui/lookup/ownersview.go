package lookup

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
	f := guikit.Format()
	status := widget.NewLabelWithStyle(guikit.OwnersStatusText(o.Status), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status.Wrapping = fyne.TextWrapWord
	var from string
	if o.Source == "offline" {
		from = lang.L("From the offline copy of {{.Date}}.", map[string]any{"Date": f.Date(o.CopyDate)})
	} else {
		from = lang.L("From the register, online at {{.Time}}.", map[string]any{"Time": f.Clock(dos.Fetched.Local())})
	}
	rows := []fyne.CanvasObject{status, guikit.WrapLabel(from)}
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
	cells := []fyne.CanvasObject{bold(lang.L("Owner")), bold(lang.L("Born")), bold(lang.L("Positions")), bold(lang.L("Through"))}
	for i, owner := range o.Owners {
		cells = append(cells, v.ownerRow(dos.Number, i, owner)...)
	}
	return container.NewVBox(append(rows, guikit.NewTable(4, 2, cells...))...)
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// ownerRow is one beneficial owner: the cells of a row of the owners'
// table.
func (v *dossierView) ownerRow(orgnr string, i int, o dossier.BeneficialOwner) []fyne.CanvasObject {
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
		who = append(who, caption(lang.L("Lives in {{.Country}}", map[string]any{"Country": guikit.CountryOf(*o.Residence)})))
	}
	if len(o.Citizenships) > 0 {
		var countries []string
		for _, c := range o.Citizenships {
			countries = append(countries, guikit.CountryOf(c))
		}
		who = append(who, caption(lang.L("Citizen of {{.Countries}}", map[string]any{"Countries": strings.Join(countries, ", ")})))
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
				unit = strings.TrimSpace(m.Name + " (" + strings.TrimSpace(guikit.CountryNameOf(m.Country, m.Country)+" "+m.ForeignNumber) + ")")
			}
			through = append(through, unit)
		}
	}
	return []fyne.CanvasObject{container.New(layout.NewCustomPaddedVBoxLayout(0), who...), widget.NewLabel(born),
		guikit.WrapLabel(strings.Join(positions, "\n")), guikit.WrapLabel(strings.Join(through, "\n"))}
}

func caption(text string) *widget.Label {
	l := guikit.WrapLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// positionText is one position in words: what, how large, on what basis.
func positionText(p dossier.Position) string {
	kind := guikit.PositionName(p.Type)
	if p.Other != "" {
		kind += ": " + p.Other
	}
	if p.Interval != nil {
		kind += " " + guikit.IntervalText(*p.Interval)
	}
	var basis []string
	for _, b := range p.Basis {
		basis = append(basis, guikit.BasisName(b))
	}
	if len(basis) > 0 {
		kind += " (" + strings.Join(basis, ", ") + ")"
	}
	return kind
}
