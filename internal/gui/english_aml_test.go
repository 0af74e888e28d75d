package gui

// The rich fake desk's AML side: BankID connected, an order being
// prepared, two documents, and BankID's data with a sanctions and a PEP
// hit on the full dossier, for the screens english_test.go checks.

import (
	"context"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// richAML is BankID's data of the full dossier: roles, owners, holdings
// and a screening with hits.
func richAML(number string) *dossier.AML {
	return &dossier.AML{SessionID: "a1b2c3d4", Country: "NO", Fetched: shotTime,
		Key:          &dossier.AMLKey{Name: "EKSEMPELBYRÅ AS", Number: number, Country: "NO", Form: "AS", Registered: "2019-05-14", LEI: "5493001KJTIIGC8Y1R12"},
		Roles:        []dossier.AMLRole{{Type: "DAGL", Name: "Kari Nordmann", BirthDate: "1971-02-03"}},
		Beneficials:  []dossier.AMLOwner{{Name: "Kari Nordmann", BirthDate: "1971-02-03", Share: 74.99}},
		Shareholders: []dossier.Holding{{Name: "EKSEMPEL HOLDING AS", OrgNumber: "999999999", Country: "NO", Share: 74.99}},
		Subsidiaries: []dossier.Holding{{Name: "DATTER AS", OrgNumber: "974760673", Country: "NO", Share: 100}},
		Screening: &dossier.Screening{Lists: []string{"EU", "UN", "OFAC"}, Date: "2026-03-02",
			Sanctions: []dossier.ScreeningHit{{Name: "Ivan Petrov", List: "EU"}},
			PEP:       []dossier.ScreeningHit{{Name: "Kari Nordmann"}}},
	}
}

// richOrder is an order being prepared.
func richOrder() dossier.AMLOrder {
	return dossier.AMLOrder{ID: "a1b2c3d4", OrgNr: "923609016", Country: "NO", Name: "EKSEMPELBYRÅ AS", OrderedAt: shotTime, ExpiresAt: shotTime.Add(2 * time.Hour),
		Parts: []dossier.OrderPart{{Kind: dossier.PartData, State: dossier.OrderReady}, {Kind: dossier.DocumentAML, State: dossier.OrderPreparing}, {Kind: dossier.DocumentRegistration, State: dossier.OrderWaiting}}}
}

func (d *richDesk) CanOrderAML(ident.Number) error { return nil }
func (d *richDesk) OrderAML(context.Context, dossier.AMLRequest) (dossier.AMLOrder, error) {
	return richOrder(), nil
}
func (d *richDesk) AMLOrders() ([]dossier.AMLOrder, error) {
	return []dossier.AMLOrder{richOrder()}, nil
}
func (d *richDesk) AML(orgnr string) (*dossier.AML, error) {
	if dos, ok := d.dossiers[orgnr]; ok {
		return dos.AML, nil
	}
	return nil, nil
}
func (d *richDesk) Documents(orgnr string) ([]dossier.Document, error) {
	if orgnr != "923609016" {
		return nil, nil
	}
	doc := func(id, kind string, size int64) dossier.Document {
		return dossier.Document{ID: id, OrgNr: orgnr, Name: "EKSEMPELBYRÅ AS", Kind: kind, Country: "NO", SessionID: "a1b2c3d4",
			OrderedAt: shotTime, ReadyAt: shotTime.Add(time.Minute), ExpiresAt: shotTime.Add(2 * time.Hour), Size: size, SHA256: strings.Repeat("9f", 32)}
	}
	return []dossier.Document{richReport(), doc("d1", dossier.DocumentAML, 48213), doc("d2", dossier.DocumentRegistration, 21890)}, nil
}

// richReport is the KYC report Motpart made of the full dossier, after
// the AML documents came.
func richReport() dossier.Document {
	return dossier.Document{ID: "k1", OrgNr: "923609016", Name: "EKSEMPELBYRÅ AS", Kind: dossier.DocumentKYC, Country: "NO",
		OrderedAt: shotTime.Add(5 * time.Minute), ReadyAt: shotTime.Add(5 * time.Minute), Size: 61440, SHA256: strings.Repeat("4e", 32)}
}

func (d *richDesk) MakeKYCReport(context.Context, string, dossier.ReportOptions) (dossier.Document, error) {
	return richReport(), nil
}
func (d *richDesk) KYCBundle(context.Context, string, string) error { return nil }
