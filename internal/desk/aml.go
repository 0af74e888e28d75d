package desk

// This file is the contract of the AML-document use cases (issue 14): the
// signatures the window and the command line call. Their bodies are being
// written; until then each answers that BankID is not connected.

import (
	"context"
	"io"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// errAMLPending is what the unfinished use cases answer.
func errAMLPending() error { return problem.New(problem.CodeBankIDNotConnected, nil) }

// CanOrderAML says whether AML documents can be ordered for a valid
// number: nil, or an error whose problem code says why not
// (problem.CodeBankIDNotConnected, problem.CodePersonalNumber...).
func (d *Desk) CanOrderAML(n ident.Number) error { return errAMLPending() }

// OrderAML orders AML documents from BankID: it creates the session,
// keeps the order in the vault, and follows it in the background until
// every part is stored, failed or expired (or the vault locks; following
// resumes at the next unlock while the session lives). It returns as soon
// as BankID has accepted the order.
func (d *Desk) OrderAML(ctx context.Context, req dossier.AMLRequest) (dossier.AMLOrder, error) {
	return dossier.AMLOrder{}, errAMLPending()
}

// AMLOrders lists the orders kept in the vault, newest first: those being
// followed and the finished ones of the last days.
func (d *Desk) AMLOrders() ([]dossier.AMLOrder, error) { return nil, errAMLPending() }

// AMLOrder returns one order as the vault has it.
func (d *Desk) AMLOrder(id string) (dossier.AMLOrder, error) {
	return dossier.AMLOrder{}, errAMLPending()
}

// RefreshAMLOrder asks BankID once about an order, stores what is ready
// and returns the order.
func (d *Desk) RefreshAMLOrder(ctx context.Context, id string) (dossier.AMLOrder, error) {
	return dossier.AMLOrder{}, errAMLPending()
}

// WaitAMLOrder waits until the order is finished (every part ready,
// failed, expired or stopped) or ctx ends.
func (d *Desk) WaitAMLOrder(ctx context.Context, id string) (dossier.AMLOrder, error) {
	return dossier.AMLOrder{}, errAMLPending()
}

// WatchAMLOrders calls f, from the desk's goroutines, with each order
// whose state changed, until stop is called.
func (d *Desk) WatchAMLOrders(f func(dossier.AMLOrder)) (stop func()) { return func() {} }

// WakeAMLOrder makes the follower of an order ask BankID now instead of
// at its next poll (a webhook arrived).
func (d *Desk) WakeAMLOrder(id string) {}

// StopAMLOrder stops following an order; its unfinished parts become
// dossier.OrderStopped. BankID's session is not cancelled.
func (d *Desk) StopAMLOrder(id string) error { return errAMLPending() }

// AML returns the AML data of the latest session read for a number; nil
// when none was read.
func (d *Desk) AML(orgnr string) (*dossier.AML, error) { return nil, errAMLPending() }

// Documents lists the AML documents kept for a number, newest first.
func (d *Desk) Documents(orgnr string) ([]dossier.Document, error) { return nil, errAMLPending() }

// Document returns one document's description.
func (d *Desk) Document(id string) (dossier.Document, error) {
	return dossier.Document{}, errAMLPending()
}

// WriteDocument writes a document's PDF to w, checking its SHA-256.
func (d *Desk) WriteDocument(id string, w io.Writer) error { return errAMLPending() }

// SaveDocument writes a document's PDF to a file chosen by the user,
// whole or not at all, and audits it.
func (d *Desk) SaveDocument(id, path string) error { return errAMLPending() }

// OpenDocumentFile writes a document's PDF to a private temporary file
// (mode 0600, in a directory only this desk uses) for the system's PDF
// viewer and returns its path. The files are removed when the vault locks
// or the desk closes.
func (d *Desk) OpenDocumentFile(id string) (string, error) { return "", errAMLPending() }

// RemoveDocument deletes a document from the vault and audits it.
func (d *Desk) RemoveDocument(id string) error { return errAMLPending() }
