package settings

import (
	"context"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
)

// Desk is what the Settings screen asks of Motpart's use cases;
// internal/desk.Desk provides it. Errors carry a *problem.Error with a
// stable code.
type Desk interface {
	// VaultPath is the vault file.
	VaultPath() string
	// ChangePassword seals the vault with a new password.
	ChangePassword(oldPassword, newPassword []byte) error
	// Setting reads a setting kept in the vault.
	Setting(key string) (string, error)
	// SetSettings stores several settings ("" removes one), all or none,
	// in one vault transaction.
	SetSettings(values map[string]string) error
	// Certificates lists the stored certificates by name, to choose the
	// one that signs Maskinporten grants.
	Certificates() ([]certinfo.Stored, error)
	// ImportOwnersCopy imports a download of the Register of beneficial
	// owners as the offline copy, reporting progress; ctx cancels it. A
	// download of fewer than half the copy's organisations replaces it
	// only when replaceSmaller (given both numbers) says so.
	ImportOwnersCopy(ctx context.Context, path, date string, replaceSmaller func(registrations, current int) bool, progress func(read, total int64, registrations int)) (dossier.OwnersCopy, error)
	// RefreshOwnersCopy brings the offline copy up to date from the
	// register's change log and says how many organisations changed.
	RefreshOwnersCopy(ctx context.Context) (int, error)
	// OwnersCopy describes the offline copy; ok is false without one.
	OwnersCopy() (copy dossier.OwnersCopy, ok bool, err error)
	// OwnerScopes lists the Maskinporten scopes of the register.
	OwnerScopes() []string
	// BankIDAddresses returns the addresses of BankID's AML API and OIDC
	// realm for a hosts setting (prod, preprod, current).
	BankIDAddresses(hosts string) (api, oidc string)
}
