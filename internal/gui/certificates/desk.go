// Package certificates is the Certificates screen: the certificates stored
// in the vault with export and remove, the wizard that imports a .pfx or
// .p12 file step by step, and the banner that warns of certificates about
// to expire.
package certificates

import (
	"context"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
)

// Desk is what the Certificates screen asks of Motpart's use cases;
// internal/desk.Desk provides it. Errors carry a *problem.Error with a
// stable code, or a certificate problem that certinfo.CodeOf reads.
type Desk interface {
	// InspectCertificate describes a PKCS#12 file without storing it.
	InspectCertificate(data []byte, fileName, password string) (*certinfo.Info, error)
	// SuggestCertificateName proposes a name from what it is for.
	SuggestCertificateName(info *certinfo.Info) string
	// ImportCertificate stores a certificate, with its key, under name.
	ImportCertificate(name string, data []byte, fileName, password string) (*certinfo.Info, error)
	// Certificates lists the stored certificates by name.
	Certificates() ([]certinfo.Stored, error)
	// ExpiringCertificates lists the stored certificates within the
	// renewal window (or expired), soonest first: the desk decides which.
	ExpiringCertificates() ([]certinfo.Stored, error)
	// RemoveCertificate deletes a stored certificate.
	RemoveCertificate(name string) error
	// ExportCertificate writes a stored certificate as a new PKCS#12 file
	// sealed with password.
	ExportCertificate(name, password string) ([]byte, error)
	// Setting reads a setting kept in the vault; the screen reads which
	// certificate signs Maskinporten grants.
	Setting(key string) (string, error)
	// SetSettings stores several settings ("" removes one), all or none.
	SetSettings(values map[string]string) error

	// EnvironmentName is "sandbox", "test" or "production": with practice
	// data the order wizard also offers the sandbox's certificate service.
	EnvironmentName() string
	// OrderFICertificate orders the Incomes Register certificate from
	// Vero with the TransferID and TransferPassword, waits until it is
	// ready, telling progress how far it came, and stores it.
	OrderFICertificate(ctx context.Context, o dossier.FIOrder, transferPassword []byte, progress func(dossier.FIOrderState)) (certinfo.Stored, error)
	// PendingFIOrder is an order that was sent but whose certificate was
	// not received (the app stopped in between), if any.
	PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error)
	// ResumeFIOrder goes on waiting for the pending order.
	ResumeFIOrder(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error)
	// CanRenewFI says (nil) when the stored certificate name can be
	// renewed from Vero now.
	CanRenewFI(name string) error
	// RenewFICertificate renews the stored Incomes Register certificate
	// name, telling progress how far it came.
	RenewFICertificate(ctx context.Context, name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error)
}
