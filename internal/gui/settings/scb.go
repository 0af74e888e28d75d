package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// Setting keys of SCB's business register (internal/desk's SettingSCB*).
const (
	settingSCBCertificate = "scb.certificate"
	settingSCBURL         = "scb.url"
)

// scbSection is the part of the Settings screen that connects Motpart to
// SCB's business register (Swedish lookups and the sector file): the
// stored SCB certificate that opens it, and its address. The page's one
// Save stores them.
type scbSection struct {
	certificate *widget.Select
	url         *guikit.Entry
}

func newSCBSection(h *guikit.Host) *scbSection {
	c := &scbSection{certificate: widget.NewSelect(nil, nil), url: guikit.NewEntry(h)}
	c.certificate.PlaceHolder = lang.L("Choose…")
	c.url.SetPlaceHolder("https://privateapi.scb.se/nv0101/v1/sokpavar")
	return c
}

// load shows the stored choice among the stored certificates.
func (c *scbSection) load(get func(string) string, certificates []string) {
	c.fillCertificates(certificates, get(settingSCBCertificate))
	c.url.SetText(get(settingSCBURL))
}

// fillCertificates offers the stored certificates, after "the sandbox's
// demo certificate" (no setting), with chosen selected.
func (c *scbSection) fillCertificates(certificates []string, chosen string) {
	c.certificate.Options = append([]string{lang.L("The sandbox's demo certificate")}, certificates...)
	c.certificate.SetSelectedIndex(0)
	if chosen != "" {
		c.certificate.SetSelected(chosen)
	}
}

// values adds the section's settings to those the page saves.
func (c *scbSection) values(values map[string]string) {
	values[settingSCBCertificate] = ""
	if c.certificate.SelectedIndex() > 0 {
		values[settingSCBCertificate] = c.certificate.Selected
	}
	values[settingSCBURL] = c.url.Text
}

// content is the section: its heading and the two fields.
func (c *scbSection) content() []fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("SCB certificate"), explained(c.certificate,
			lang.L("SCB lets Motpart in with the certificate it sent you (Certifikat_SokPaVar_A…). Import it under Certificates first. Not needed for practice data."))),
		widget.NewFormItem(lang.L("SCB address"), explained(c.url,
			lang.L("Leave empty for SCB's own address."))),
	)
	return []fyne.CanvasObject{heading(lang.L("Swedish companies from SCB")), form}
}
