package vault

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BackupInfo describes a backup written by Backup.
type BackupInfo struct {
	// Path is the backup file; Size its length in bytes.
	Path string
	Size int64
	// Taken is when the snapshot it holds was taken.
	Taken time.Time
}

// Backup writes a copy of the vault to dest while the vault stays in use:
// the snapshot of one read transaction, so it holds exactly what was
// committed when Backup began, never half of a later write. The copy is
// the vault file itself, still encrypted and opened with the same
// password. It is written to a hidden sibling of dest, synced and renamed
// into place, so dest is whole or absent; an existing dest is not
// replaced (ErrExists) unless it is an empty file, as a save dialog leaves
// it. Cancelling ctx stops the copy.
//
// A blob being written at the time (written over several transactions)
// is in the copy as an interrupted write, which Open removes.
func (v *Vault) Backup(ctx context.Context, dest string) (BackupInfo, error) {
	info := BackupInfo{Path: dest}
	// An empty file is what a save dialog leaves when it was asked for a
	// name: it is replaced. Anything else is kept.
	emptyDest := false
	if fi, err := os.Lstat(dest); err == nil {
		if !fi.Mode().IsRegular() || fi.Size() > 0 {
			return info, fmt.Errorf("vault: backup: %w: %s", ErrExists, dest)
		}
		emptyDest = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	dir, base := filepath.Split(dest)
	if dir == "" {
		dir = "."
	}
	suffix := make([]byte, 8)
	if _, err := io.ReadFull(v.rand, suffix); err != nil {
		return info, fmt.Errorf("vault: backup: random: %w", err)
	}
	tmp := filepath.Join(dir, "."+base+".partial-"+hex.EncodeToString(suffix))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	fail := func(err error) (BackupInfo, error) {
		_ = f.Close()
		_ = os.Remove(tmp)
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	err = v.read(func(*keyring) error {
		return v.db.View(func(tx *bolt.Tx) error {
			info.Taken = v.now().UTC()
			n, err := tx.WriteTo(ctxWriter{ctx: ctx, w: f})
			info.Size = n
			return err
		})
	})
	if cerr := ctx.Err(); err != nil && cerr != nil {
		err = cerr // bbolt does not wrap the writer's error
	}
	if err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(tmp)
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	// os.Link fails when dest appeared meanwhile, where a rename would
	// replace it; filesystems without hard links fall back to a rename.
	if emptyDest {
		if err := os.Rename(tmp, dest); err != nil {
			_ = os.Remove(tmp)
			return info, fmt.Errorf("vault: backup: %w", err)
		}
	} else if err := os.Link(tmp, dest); err == nil {
		_ = os.Remove(tmp)
	} else if errors.Is(err, fs.ErrExist) {
		_ = os.Remove(tmp)
		return info, fmt.Errorf("vault: backup: %w: %s", ErrExists, dest)
	} else if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return info, fmt.Errorf("vault: backup: %w", err)
	}
	return info, nil
}

// ctxWriter is a writer that stops once its context ends.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
