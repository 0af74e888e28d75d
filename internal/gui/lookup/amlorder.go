package lookup

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/ident"
)

// amlCountries are the countries BankID's AML service answers for, in the
// order the order dialog offers them.
var amlCountries = []string{"NO", "SE", "FI"}

// amlCountryName is a country of amlCountries in the user's words.
func amlCountryName(c string) string { return guikit.CountryName(ident.Country(c)) }

// orderRow is the dossier's Order AML documents… and Make KYC report…
// buttons, each disabled with the reason beside them when the desk says
// no.
func (v *dossierView) orderRow(dos *dossier.Dossier) fyne.CanvasObject {
	v.orderButton = widget.NewButtonWithIcon(lang.L("Order AML documents…"), theme.DocumentCreateIcon(), func() {
		if v.order != nil {
			v.order(dos)
		}
	})
	v.orderReason = guikit.WrapLabel("")
	v.orderReason.SizeName = theme.SizeNameCaptionText
	v.orderReason.Hide()
	if err := v.canOrder(dos); err != nil {
		v.orderButton.Disable()
		v.orderReason.SetText(guikit.ProblemText(err))
		v.orderReason.Show()
	}
	v.makeReportButton(dos)
	return container.NewBorder(nil, nil, container.NewHBox(v.orderButton, v.reportButton), nil, container.NewVBox(v.orderReason, v.reportReason))
}

// canOrder asks the desk whether AML documents can be ordered for the
// dossier's number.
func (v *dossierView) canOrder(dos *dossier.Dossier) error {
	n, err := v.desk.Identify(dos.Number, ident.Country(dos.Country))
	if err != nil {
		return err
	}
	return v.desk.CanOrderAML(n)
}

// orderDialog asks which AML documents to order for a number and from
// which country's service, and orders them.
type orderDialog struct {
	*guikit.Dialog
	aml, registration *widget.Check
	country           *widget.Select
	Order, Cancel     *widget.Button
}

// OrderAML opens the order dialog for the dossier shown (Ctrl+Shift+O);
// it does nothing when none is shown or the desk says no.
func (s *Screen) OrderAML() {
	s.host.Activity()
	if s.current == nil || s.dossier.orderButton == nil || s.dossier.orderButton.Disabled() {
		return
	}
	s.openOrderDialog(s.current.Number, s.current.Country, dossierName(s.current))
}

// dossierName is the company's name in a dossier: the registers' or
// BankID's, "" when neither gave one.
func dossierName(dos *dossier.Dossier) string {
	switch {
	case dos.Company != nil && dos.Company.Name != "":
		return dos.Company.Name
	case dos.AML != nil && dos.AML.Key != nil:
		return dos.AML.Key.Name
	}
	return ""
}

// openOrderDialog opens the order dialog for number, the country chosen
// as country ("NO", "SE" or "FI"; Norway when another), both documents
// ticked. Order orders them and follows the order in the progress strip;
// an error is shown with guikit.ShowProblem.
func (s *Screen) openOrderDialog(number, country, name string) *orderDialog {
	o := &orderDialog{}
	o.aml = widget.NewCheck(lang.L("AML report"), nil)
	o.aml.SetChecked(true)
	o.registration = widget.NewCheck(lang.L("Certificate of registration"), nil)
	o.registration.SetChecked(true)
	var names []string
	for _, c := range amlCountries {
		names = append(names, amlCountryName(c))
	}
	o.country = widget.NewSelect(names, nil)
	o.country.SetSelectedIndex(0)
	for i, c := range amlCountries {
		if c == country {
			o.country.SetSelectedIndex(i)
		}
	}
	o.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { o.Hide() })
	o.Order = widget.NewButtonWithIcon(lang.L("Order"), theme.ConfirmIcon(), func() { s.placeOrder(o, number, name) })
	o.Order.Importance = widget.HighImportance
	ticked := func(bool) {
		if o.aml.Checked || o.registration.Checked {
			o.Order.Enable()
		} else {
			o.Order.Disable()
		}
	}
	o.aml.OnChanged, o.registration.OnChanged = ticked, ticked
	who := guikit.UnitText(name, number)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Company"), guikit.WrapLabel(who)),
		widget.NewFormItem(lang.L("Documents"), container.NewVBox(o.aml, o.registration)),
		widget.NewFormItem(lang.L("Country"), guikit.Field(o.country)),
	)
	billed := guikit.WrapLabel(lang.L("BankID may bill the firm for each order."))
	billed.Importance = widget.WarningImportance
	body := container.NewVBox(form, billed)
	o.Dialog = guikit.NewDialog(s.host.Win, lang.L("Order AML documents"), body, 0, o.Cancel, o.Order)
	o.Show()
	s.orderShown = o
	return o
}

// request is what the dialog orders for number.
func (o *orderDialog) request(number string) dossier.AMLRequest {
	req := dossier.AMLRequest{Number: number, Country: amlCountries[max(o.country.SelectedIndex(), 0)]}
	if o.aml.Checked {
		req.Documents = append(req.Documents, dossier.DocumentAML)
	}
	if o.registration.Checked {
		req.Documents = append(req.Documents, dossier.DocumentRegistration)
	}
	return req
}

// placeOrder orders what the dialog says, in the background; the dialog
// closes when BankID has accepted the order, which then shows in the
// progress strip.
func (s *Screen) placeOrder(o *orderDialog, number, name string) {
	s.host.Activity()
	req := o.request(number)
	o.SetBusy(true)
	var order dossier.AMLOrder
	s.host.Background(func() error {
		// BankID answers an order at once; a minute is a hung connection
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		var err error
		order, err = s.desk.OrderAML(ctx, req)
		return err
	}, func(err error) {
		o.SetBusy(false)
		o.Hide()
		if err != nil {
			guikit.ShowProblem(s.host, err)
			return
		}
		if order.Name == "" {
			order.Name = name
		}
		s.progress.placed(order)
	})
}

// ordersReady shows what an order that became ready brought, when it is
// for the dossier shown: the documents, and BankID's data.
func (s *Screen) ordersReady(orgnr string) {
	if s.current == nil || s.current.Number != orgnr {
		return
	}
	if a, err := s.desk.AML(orgnr); err == nil && a != nil && (s.current.AML == nil || s.current.AML.SessionID != a.SessionID) {
		dos := *s.current
		dos.AML = a
		// BankID's source now answered, as the desk's next lookup says
		dos.Sources = slices.Clone(dos.Sources)
		for i, src := range dos.Sources {
			if src.ID == "bankid" {
				dos.Sources[i] = dossier.Source{ID: src.ID, Status: dossier.StatusFound, Fetched: a.Fetched}
			}
		}
		s.showDossier(&dos, s.saved, s.shownTab())
		return
	}
	if s.dossier.documents != nil {
		s.dossier.documents.refresh()
	}
}
