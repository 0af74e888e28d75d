package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// BackupReminderAfter is how old the newest backup may be before the
// window reminds the user to take one.
const BackupReminderAfter = 30 * 24 * time.Hour

// backupBucket holds the record of the last backup taken.
const (
	backupBucket = "backup"
	backupRecord = "last"
)

// backupMeta is what the desk remembers of the last backup: when, never
// where (the path may name a person).
type backupMeta struct {
	Taken time.Time `json:"taken"`
	Size  int64     `json:"size"`
}

// BackupName is the file name a backup taken at t is offered under:
// "Motpart-backup-2026-12-03.vault".
func BackupName(t time.Time) string {
	return "Motpart-backup-" + t.Format("2006-01-02") + ".vault"
}

// BackupVault writes a backup of the open vault to path while it stays in
// use: a consistent snapshot of what was committed when it began, still
// encrypted, opened with the vault's password. path must not exist
// (problem.CodeVaultExists); nothing is left there when it fails or ctx
// ends. Audited; the time is remembered for the reminder.
func (d *Desk) BackupVault(ctx context.Context, path string) (size int64, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		info, err := v.Backup(ctx, path)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return problem.New(problem.CodeCanceled, ctxErr)
			}
			return backupProblem(err)
		}
		size = info.Size
		data, err := json.Marshal(backupMeta{Taken: info.Taken, Size: info.Size})
		if err != nil {
			return problem.New(problem.CodeInternal, err)
		}
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := tx.Put(backupBucket, backupRecord, data); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "vault.backup", Detail: fmt.Sprintf("%d bytes", info.Size)})
		}))
	})
	return size, err
}

// backupProblem names what went wrong writing a backup.
func backupProblem(err error) error {
	switch {
	case errors.Is(err, vault.ErrExists):
		return problem.New(problem.CodeVaultExists, err)
	case errors.Is(err, vault.ErrLocked):
		return problem.New(problem.CodeLocked, err)
	}
	return problem.New(problem.CodeOutputWriteFailed, err)
}

// RestoreVault replaces the vault by the backup at path, once the backup
// has opened with password; a backup that does not open replaces nothing
// (problem.CodeWrongPassword, CodeVaultDamaged...). An open vault is
// locked first. The replaced vault is kept beside, its path returned in
// aside ("" when there was none). Afterwards the vault is locked and
// opens with the backup's password.
func (d *Desk) RestoreVault(path string, password []byte) (aside string, err error) {
	if d.Unlocked() {
		if err := d.Lock(); err != nil {
			return "", err
		}
	}
	aside, err = vault.Restore(path, d.cfg.VaultPath, password, d.cfg.VaultOptions)
	if err != nil {
		return "", vaultProblem(err)
	}
	return aside, nil
}

// LastBackup returns when the newest backup was taken; ok is false when
// none was.
func (d *Desk) LastBackup() (taken time.Time, ok bool, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		data, err := v.Get(backupBucket, backupRecord)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		var m backupMeta
		if err := json.Unmarshal(data, &m); err != nil {
			return problem.New(problem.CodeVaultDamaged, err)
		}
		taken, ok = m.Taken, true
		return nil
	})
	return taken, ok, err
}

// BackupDue reports whether the user should be reminded to back up: no
// backup is newer than BackupReminderAfter, counting a vault that never
// had one from its creation (its first audit entry).
func (d *Desk) BackupDue() (bool, error) {
	taken, ok, err := d.LastBackup()
	if err != nil {
		return false, err
	}
	if !ok {
		entries, _, err := d.AuditLog()
		if err != nil {
			return false, err
		}
		if len(entries) == 0 {
			return false, nil
		}
		taken = entries[0].Time
	}
	return d.cfg.Now().Sub(taken) > BackupReminderAfter, nil
}

// SuggestedBackupName is the file name a backup taken now is offered
// under (BackupName of the desk's clock).
func (d *Desk) SuggestedBackupName() string { return BackupName(d.cfg.Now()) }
