package gui

import (
	"context"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/ownership"
)

// Desk is what the window asks of Motpart's use cases. internal/desk.Desk
// provides it; cmd/desktop passes one in. Declaring it here keeps the
// window's package free of the vault, the registers and the network, which
// the use cases reach. Errors carry a *problem.Error with a stable code.
type Desk interface {
	// Identify says what a typed number is; the error is an
	// *ident.ParseError when it is not valid.
	Identify(input string, country ident.Country) (ident.Number, error)

	// VaultPath is the vault file.
	VaultPath() string
	// VaultExists reports whether there is a vault to unlock.
	VaultExists() bool
	// CreateVault makes the vault and leaves it unlocked.
	CreateVault(password []byte) error
	// Unlock opens the vault.
	Unlock(password []byte) error
	// Lock closes the vault and drops its keys.
	Lock() error
	// ChangePassword seals the vault with a new password.
	ChangePassword(oldPassword, newPassword []byte) error
	// PasswordStrength grades a new password from 0 (too short) to 3.
	PasswordStrength(password string) int

	// Notes returns the firm's notes on an organisation, oldest first.
	Notes(orgnr string) ([]dossier.Note, error)
	// AddNote writes a new note on an organisation.
	AddNote(orgnr, text string) (dossier.Note, error)
	// EditNote replaces a note's text.
	EditNote(orgnr, id, text string) error
	// RemoveNote deletes a note.
	RemoveNote(orgnr, id string) error

	// InspectCertificate describes a PKCS#12 file without storing it;
	// errors are *certs.Error.
	InspectCertificate(data []byte, fileName, password string) (*certs.Info, error)
	// SuggestCertificateName proposes a name from what it is for.
	SuggestCertificateName(info *certs.Info) string
	// ImportCertificate stores a certificate, with its key, under name.
	ImportCertificate(name string, data []byte, fileName, password string) (*certs.Info, error)
	// Certificates lists the stored certificates by name.
	Certificates() ([]certs.Stored, error)
	// RemoveCertificate deletes a stored certificate.
	RemoveCertificate(name string) error
	// ExportCertificate writes a stored certificate as a new PKCS#12 file
	// sealed with password.
	ExportCertificate(name, password string) ([]byte, error)

	// Lookup asks every configured register about an organisation and
	// returns the dossier; it stops when ctx is cancelled.
	Lookup(ctx context.Context, number string) (*dossier.Dossier, error)
	// RefreshSource asks one source again and returns the updated dossier.
	RefreshSource(ctx context.Context, number, id string) (*dossier.Dossier, error)
	// History lists earlier lookups, newest first.
	History() ([]dossier.HistoryEntry, error)
	// SavedDossier returns the dossier of the last lookup of a number.
	SavedDossier(number string) (*dossier.Dossier, error)
	// Setting and SetSetting read and change a setting kept in the vault.
	Setting(key string) (string, error)
	SetSetting(key, value string) error

	// RevealOwnerID shows a beneficial owner's full identity number and
	// writes that it was shown to the audit log.
	RevealOwnerID(orgnr string, i int) (string, error)
	// ImportOwnersCopy imports a download of the Register of beneficial
	// owners as the offline copy, reporting progress; ctx cancels it.
	ImportOwnersCopy(ctx context.Context, path, date string, progress func(read, total int64, registrations int)) (dossier.OwnersCopy, error)
	// RefreshOwnersCopy brings the offline copy up to date from the
	// register's change log and says how many organisations changed.
	RefreshOwnersCopy(ctx context.Context) (int, error)
	// OwnersCopy describes the offline copy; ok is false without one.
	OwnersCopy() (copy dossier.OwnersCopy, ok bool, err error)
	// OwnerScopes lists the Maskinporten scopes of the register.
	OwnerScopes() []string
	// OwnershipGraph builds the ownership graph of a dossier.
	OwnershipGraph(dos *dossier.Dossier) *ownership.Graph
}
