// Package lookup is the Lookup screen: a search field that says as the user
// types what a number is, the notes the firm keeps on an organisation, and
// the dossier of a lookup with its tabs (the company, the beneficial owners,
// and the ownership drawn as a graph and as a tree).
package lookup

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/ownership"
)

// Desk is what the Lookup screen asks of Motpart's use cases;
// internal/desk.Desk provides it. Errors carry a *problem.Error with a
// stable code.
type Desk interface {
	// Identify says what a typed number is; the error is an
	// *ident.ParseError when it is not valid.
	Identify(input string, country ident.Country) (ident.Number, error)
	// Lookup asks every configured register about an organisation and
	// returns the dossier; it stops when ctx is cancelled.
	Lookup(ctx context.Context, number string) (*dossier.Dossier, error)
	// RefreshSource asks one source again and returns the updated dossier.
	RefreshSource(ctx context.Context, number, id string) (*dossier.Dossier, error)
	// History lists earlier lookups, newest first.
	History() ([]dossier.HistoryEntry, error)
	// SavedDossier returns the dossier of the last lookup of a number.
	SavedDossier(number string) (*dossier.Dossier, error)
	// OwnershipGraph builds the ownership graph of a dossier.
	OwnershipGraph(dos *dossier.Dossier) *ownership.Graph
	// CanAnswer says whether a connected register can answer a lookup of
	// a valid number: nil, or an error whose problem code says why not
	// (problem.CodeCountryNotConnected, problem.CodePersonalNumber).
	CanAnswer(n ident.Number) error
	// SearchByName asks the registers for the units whose name matches;
	// no hit is an error with problem.CodeNoHits, a register that cannot
	// be asked one with problem.CodeRegisterFailed. It stops when ctx is
	// cancelled.
	SearchByName(ctx context.Context, name string) (*dossier.SearchResult, error)
	// Examples are numbers worth trying in the environment Motpart runs
	// in (the sandbox's); none elsewhere.
	Examples() []dossier.Example
	// RevealOwnerID shows a beneficial owner's full identity number and
	// writes that it was shown to the audit log.
	RevealOwnerID(orgnr string, i int) (string, error)

	// Notes returns the firm's notes on an organisation, oldest first.
	Notes(orgnr string) ([]dossier.Note, error)
	// AddNote writes a new note on an organisation.
	AddNote(orgnr, text string) (dossier.Note, error)
	// EditNote replaces a note's text.
	EditNote(orgnr, id, text string) error
	// RemoveNote deletes a note.
	RemoveNote(orgnr, id string) error
	// Drafts keeps the note being written across a lock.
	Drafts
	// AMLDesk orders AML documents from BankID and keeps them.
	AMLDesk
	// ReportDesk makes KYC reports and bundles.
	ReportDesk
	// ClientDesk knows the firm's clients (client.go).
	ClientDesk
}

// ReportDesk is what the Lookup screen asks of the KYC report use cases
// (internal/desk/report.go and reportbundle.go).
type ReportDesk interface {
	// MakeKYCReport makes the KYC report of a number looked up before
	// (problem.CodeNoDossier otherwise), in opt's language, and keeps it
	// in the vault as a document of kind dossier.DocumentKYC.
	MakeKYCReport(ctx context.Context, orgnr string, opt dossier.ReportOptions) (dossier.Document, error)
	// KYCBundle writes the zip of the latest KYC report, the AML
	// documents and their manifest to path, whole or not at all.
	KYCBundle(ctx context.Context, orgnr, path string) error
}

// AMLDesk is what the Lookup screen asks of the AML-document use cases
// (internal/desk/aml.go): ordering from BankID, following the orders, and
// the documents kept in the vault.
type AMLDesk interface {
	// CanOrderAML says whether AML documents can be ordered for a valid
	// number: nil, or an error whose problem code says why not.
	CanOrderAML(n ident.Number) error
	// OrderAML orders AML documents; it returns once BankID has accepted
	// the order, which the desk then follows in the background.
	OrderAML(ctx context.Context, req dossier.AMLRequest) (dossier.AMLOrder, error)
	// AMLOrders lists the orders kept in the vault, newest first.
	AMLOrders() ([]dossier.AMLOrder, error)
	// WatchAMLOrders calls f, from the desk's goroutines, with each order
	// whose state changed, until stop is called.
	WatchAMLOrders(f func(dossier.AMLOrder)) (stop func())
	// StopAMLOrder stops following an order.
	StopAMLOrder(id string) error
	// AML returns the AML data of the latest session read for a number;
	// nil when none was read.
	AML(orgnr string) (*dossier.AML, error)
	// Documents lists the AML documents kept for a number, newest first.
	Documents(orgnr string) ([]dossier.Document, error)
	// OpenDocumentFile writes a document to a private temporary file for
	// the system's PDF viewer and returns its path.
	OpenDocumentFile(id string) (string, error)
	// SaveDocument writes a document to path, whole or not at all.
	SaveDocument(id, path string) error
	// RemoveDocument deletes a document from the vault.
	RemoveDocument(id string) error
}
