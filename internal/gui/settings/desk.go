package settings

import (
	"context"
	"time"

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
	// BackupVault writes a backup of the vault to path (an empty file
	// there is replaced, anything else kept) and returns its size.
	BackupVault(ctx context.Context, path string) (int64, error)
	// RestoreVault replaces the vault by the backup at path once it opens
	// with password, keeping the replaced vault at aside; the vault is
	// locked afterwards.
	RestoreVault(path string, password []byte) (aside string, err error)
	// LastBackup says when the newest backup was taken.
	LastBackup() (taken time.Time, ok bool, err error)
	// BackupDue says whether no backup is newer than 30 days.
	BackupDue() (bool, error)
	// SuggestedBackupName is the file name a backup taken now is offered
	// under.
	SuggestedBackupName() string
}
