package vault

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Restore replaces the vault file at path by the backup at backup, after
// checking that the backup opens with password: a backup that does not
// (ErrWrongPassword, ErrNotVault, ErrCorrupt...) replaces nothing. The
// vault that was at path is kept aside, renamed to aside (path +
// ".before-restore-YYYYMMDD-HHMMSS"); aside is "" when there was none.
// The vault must not be open (ErrAlreadyOpen); the restored vault is left
// locked and opens with the backup's password.
func Restore(backup, path string, password []byte, opt OpenOptions) (aside string, err error) {
	if _, err := Inspect(path); errors.Is(err, ErrAlreadyOpen) {
		return "", fmt.Errorf("vault: restore: %w", err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	suffix := make([]byte, 8)
	if _, err := rand.Read(suffix); err != nil {
		return "", fmt.Errorf("vault: restore: random: %w", err)
	}
	tmp := filepath.Join(dir, "."+base+".restore-"+hex.EncodeToString(suffix))
	if err := copyFile(backup, tmp); err != nil {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("vault: restore: %w", err)
	}
	v, err := Open(tmp, password, opt)
	if err != nil {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("vault: restore: the backup: %w", err)
	}
	if err := v.Lock(); err != nil {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("vault: restore: %w", err)
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	if _, err := os.Lstat(path); err == nil {
		aside = path + ".before-restore-" + now().Format("20060102-150405")
		if _, err := os.Lstat(aside); err == nil {
			aside += "-" + hex.EncodeToString(suffix[:2])
		}
		if err := os.Rename(path, aside); err != nil {
			_ = os.Remove(tmp)
			return "", fmt.Errorf("vault: restore: keeping the vault aside: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("vault: restore: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		if aside != "" {
			_ = os.Rename(aside, path) // put the old vault back
		}
		_ = os.Remove(tmp)
		return "", fmt.Errorf("vault: restore: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return aside, fmt.Errorf("vault: restore: %w", err)
	}
	return aside, nil
}

// copyFile copies src to a new file dst (0600) and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
