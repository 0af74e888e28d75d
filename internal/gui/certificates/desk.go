// Package certificates is the Certificates screen: the certificates stored
// in the vault with export and remove, the wizard that imports a .pfx or
// .p12 file step by step, and the banner that warns of certificates about
// to expire.
package certificates

import "github.com/motpart/motpart/internal/certinfo"

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
}
