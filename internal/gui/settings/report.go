package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// Setting keys of the KYC reports (internal/desk's SettingReport*).
const (
	settingReportFirm   = "report.firm"
	settingReportPerson = "report.person"
)

// reportSection is the part of the Settings screen that says who makes
// the KYC reports: the firm's name and the person, printed on each
// report's cover. The page's one Save stores them.
type reportSection struct {
	firm, person *guikit.Entry
}

func newReportSection(h *guikit.Host) *reportSection {
	r := &reportSection{firm: guikit.NewEntry(h), person: guikit.NewEntry(h)}
	r.firm.SetPlaceHolder(lang.L("For example Eksempelbyrå AS"))
	r.person.SetPlaceHolder(lang.L("Your name"))
	return r
}

// load shows the stored firm and person.
func (r *reportSection) load(get func(string) string) {
	r.firm.SetText(get(settingReportFirm))
	r.person.SetText(get(settingReportPerson))
}

// values adds the section's settings to those the page saves.
func (r *reportSection) values(values map[string]string) {
	values[settingReportFirm] = r.firm.Text
	values[settingReportPerson] = r.person.Text
}

// content is the section: its heading and the two fields.
func (r *reportSection) content() []fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Firm"), explained(r.firm,
			lang.L("The firm that keeps the KYC reports, printed on each report's cover."))),
		widget.NewFormItem(lang.L("Made by"), explained(r.person,
			lang.L("The person who makes the reports, printed beside the firm."))),
	)
	return []fyne.CanvasObject{heading(lang.L("KYC reports")), form}
}
