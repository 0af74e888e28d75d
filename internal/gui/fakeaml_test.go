package gui

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// The window's fake desk has BankID not connected: the AML use cases
// answer so, and no order or document exists.

func notConnected() error { return problem.New(problem.CodeBankIDNotConnected, nil) }

func (d *fakeDesk) CanOrderAML(ident.Number) error { return notConnected() }
func (d *fakeDesk) OrderAML(context.Context, dossier.AMLRequest) (dossier.AMLOrder, error) {
	return dossier.AMLOrder{}, notConnected()
}
func (d *fakeDesk) AMLOrders() ([]dossier.AMLOrder, error)              { return nil, nil }
func (d *fakeDesk) WatchAMLOrders(func(dossier.AMLOrder)) (stop func()) { return func() {} }
func (d *fakeDesk) StopAMLOrder(string) error                           { return notConnected() }
func (d *fakeDesk) AML(string) (*dossier.AML, error)                    { return nil, nil }
func (d *fakeDesk) Documents(string) ([]dossier.Document, error)        { return nil, nil }
func (d *fakeDesk) OpenDocumentFile(string) (string, error)             { return "", notConnected() }
func (d *fakeDesk) SaveDocument(string, string) error                   { return notConnected() }
func (d *fakeDesk) RemoveDocument(string) error                         { return notConnected() }

func (d *fakeDesk) MakeKYCReport(context.Context, string, dossier.ReportOptions) (dossier.Document, error) {
	return dossier.Document{}, problem.New(problem.CodeNoDossier, nil)
}
func (d *fakeDesk) KYCBundle(context.Context, string, string) error {
	return problem.New(problem.CodeNoDossier, nil)
}
