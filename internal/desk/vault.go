package desk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// VaultPath is the vault file this desk uses.
func (d *Desk) VaultPath() string { return d.cfg.VaultPath }

// VaultExists reports whether the vault file exists, so the window knows
// whether to offer creating or unlocking it.
func (d *Desk) VaultExists() bool { return vault.Exists(d.cfg.VaultPath) }

// Unlocked reports whether the vault is open.
func (d *Desk) Unlocked() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.vault != nil
}

// CreateVault makes a new vault sealed with password and leaves it
// unlocked. The password must have problem.MinPasswordLen characters.
func (d *Desk) CreateVault(password []byte) error {
	if err := checkNewPassword(password); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(d.cfg.VaultPath), 0o700); err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("creating the vault's folder: %w", err))
	}
	v, err := vault.Create(d.cfg.VaultPath, password, vault.CreateOptions{Params: d.cfg.VaultParams, OpenOptions: d.cfg.VaultOptions})
	if err != nil {
		return vaultProblem(err)
	}
	d.stopFollowers()
	d.dropRegisters()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.vault != nil {
		_ = d.vault.Lock()
	}
	d.vault = v
	return nil
}

// Unlock opens the vault with password. Unlocking an unlocked vault
// checks the password again and keeps it open.
func (d *Desk) Unlock(password []byte) error {
	if err := d.openVault(password); err != nil {
		return err
	}
	// Records an interrupted owners import or deletion left behind (a
	// replaced copy's identity numbers among them) go at once, not at the
	// next import.
	d.tidyOwnersCopy()
	d.resumeAML()
	return nil
}

// resumeAML removes the document blobs an interrupted store left behind
// and follows again the unfinished AML orders whose session lives.
func (d *Desk) resumeAML() {
	d.tidyDocuments()
	d.resumeOrders()
}

// openVault opens the vault with password in place of any open one.
func (d *Desk) openVault(password []byte) error {
	return d.openVaultWith(password, d.cfg.VaultOptions, nil)
}

// openVaultWith opens the vault with password and opt in place of any open
// one; then, when it is not nil, opened runs on the new vault before it
// becomes the desk's, and its failure closes the vault again.
func (d *Desk) openVaultWith(password []byte, opt vault.OpenOptions, opened func(*vault.Vault) error) error {
	d.stopFollowers()
	d.dropRegisters()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.vault != nil {
		_ = d.vault.Lock()
		d.vault = nil
	}
	if !vault.Exists(d.cfg.VaultPath) {
		return problem.New(problem.CodeNoVault, nil)
	}
	v, err := vault.Open(d.cfg.VaultPath, password, opt)
	if err != nil {
		return vaultProblem(err)
	}
	if opened != nil {
		if err := opened(v); err != nil {
			_ = v.Lock()
			return vaultProblem(err)
		}
	}
	d.vault = v
	return nil
}

// tidyOwnersCopy removes what an interrupted owners import left behind.
// It is best effort: a failure leaves the records unread (lookups read
// only the current copy) and the next import or refresh tries again.
func (d *Desk) tidyOwnersCopy() {
	d.ownersMu.Lock()
	defer d.ownersMu.Unlock()
	meta, ok, err := d.ownersMeta()
	if err == nil {
		_ = d.removeOwnersLeftovers(meta, ok)
	}
}

// RepairVault opens a vault whose header is damaged from the header's
// checked copy (and rewrites the header), or a vault whose last write was
// damaged in its newest meta page from the state before it, then leaves it
// unlocked and writes what was repaired to the audit log. Use it only after
// Unlock said the vault is damaged: the last change may be lost.
func (d *Desk) RepairVault(password []byte) error {
	opt := d.cfg.VaultOptions
	opt.Repair = true
	err := d.openVaultWith(password, opt, func(v *vault.Vault) error {
		return v.Audit(vault.AuditEntry{Action: "vault.repair"})
	})
	if err == nil {
		d.resumeAML()
	}
	return err
}

// Close locks the vault and closes the Connector when it can be closed
// (the composition root's stops the simulators it started).
func (d *Desk) Close() error {
	err := d.Lock()
	if c, ok := d.cfg.Connector.(interface{ Close() error }); ok {
		if cerr := c.Close(); cerr != nil && err == nil {
			err = problem.New(problem.CodeInternal, fmt.Errorf("closing the registers: %w", cerr))
		}
	}
	return err
}

// Lock closes the vault and drops its keys from memory, together with the
// register clients and what they hold (the Maskinporten signer, cached
// tokens, the grunndataWS password): the next use asks for the password.
// The AML orders stop being followed (Unlock resumes them) and the
// documents opened for the viewer are removed.
func (d *Desk) Lock() error {
	d.stopFollowers()
	d.mu.Lock()
	v := d.vault
	d.vault = nil
	d.mu.Unlock()
	d.dropRegisters()
	if v == nil {
		return nil
	}
	if err := v.Lock(); err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("locking the vault: %w", err))
	}
	return nil
}

// ChangePassword seals the vault with newPassword, after checking
// oldPassword, and rewrites the file so nothing of the old key remains.
func (d *Desk) ChangePassword(oldPassword, newPassword []byte) error {
	if err := checkNewPassword(newPassword); err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		params := d.cfg.VaultParams
		if params.IsZero() {
			params = vault.DefaultParams()
		}
		// The audit entry is written into the new file before it replaces
		// the old one: the new password is in force exactly when its entry
		// is in the log, whenever the process is killed.
		return vaultProblem(v.ChangePasswordAudited(oldPassword, newPassword, params, vault.AuditEntry{Action: "vault.passwd"}))
	})
}

// VaultInfo describes the vault file (format, key-derivation parameters,
// record counts, size) without opening it, so it needs no password.
func (d *Desk) VaultInfo() (vault.Info, error) {
	if !vault.Exists(d.cfg.VaultPath) {
		return vault.Info{}, problem.New(problem.CodeNoVault, nil)
	}
	info, err := vault.Inspect(d.cfg.VaultPath)
	if err != nil {
		return vault.Info{}, vaultProblem(err)
	}
	return info, nil
}

// AuditLog returns the vault's audit log and whether its chain is intact.
func (d *Desk) AuditLog() (entries []vault.AuditEntry, check vault.AuditCheck, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		entries, check, err = v.AuditLog()
		if err != nil {
			return vaultProblem(err)
		}
		return nil
	})
	return entries, check, err
}

// withVault runs fn with the open vault, or fails with CodeLocked.
func (d *Desk) withVault(fn func(v *vault.Vault) error) error {
	d.mu.Lock()
	v := d.vault
	d.mu.Unlock()
	if v == nil {
		return problem.New(problem.CodeLocked, nil)
	}
	err := fn(v)
	if errors.Is(err, vault.ErrLocked) {
		return problem.New(problem.CodeLocked, err)
	}
	return err
}

// audit appends an entry to the vault's audit log.
func (d *Desk) audit(v *vault.Vault, action, subject, detail string) error {
	if err := v.Audit(vault.AuditEntry{Action: action, Subject: subject, Detail: detail}); err != nil {
		return vaultProblem(err)
	}
	return nil
}

// vaultProblem turns the vault's errors into the codes a user meets.
func vaultProblem(err error) error {
	var p *problem.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &p):
		return err
	case errors.Is(err, vault.ErrHeaderDamaged): // it wraps what the damaged header alone gives
		return problem.New(problem.CodeVaultHeaderDamaged, err)
	case errors.Is(err, vault.ErrMetaDamaged):
		return problem.New(problem.CodeVaultLastChangeDamaged, err)
	case errors.Is(err, vault.ErrWrongPassword):
		return problem.New(problem.CodeWrongPassword, err)
	case errors.Is(err, vault.ErrAlreadyOpen):
		return problem.New(problem.CodeVaultInUse, err)
	case errors.Is(err, vault.ErrExists):
		return problem.New(problem.CodeVaultExists, err)
	case errors.Is(err, vault.ErrWeakParams):
		return problem.New(problem.CodeWeakParams, err)
	case errors.Is(err, vault.ErrLocked):
		return problem.New(problem.CodeLocked, err)
	case errors.Is(err, vault.ErrTampered), errors.Is(err, vault.ErrCorrupt), errors.Is(err, vault.ErrNotVault):
		return problem.New(problem.CodeVaultDamaged, err)
	}
	return problem.New(problem.CodeInternal, err)
}

// checkNewPassword refuses passwords that are too short to be safe.
func checkNewPassword(password []byte) error {
	if utf8.RuneCount(password) < problem.MinPasswordLen {
		return problem.New(problem.CodePasswordShort, nil)
	}
	return nil
}

// Strength grades a password for the hint beside a new-password field.
type Strength int

// Password strengths, weakest first.
const (
	StrengthTooShort Strength = iota // fewer than problem.MinPasswordLen characters
	StrengthWeak                     // long enough, but easy to guess
	StrengthFair                     // a reasonable password
	StrengthStrong                   // long and varied
)

// PasswordStrength grades password by its length and the kinds of
// characters in it. It is a hint for the user, not a guarantee.
func PasswordStrength(password string) Strength {
	n := utf8.RuneCountInString(password)
	if n < problem.MinPasswordLen {
		return StrengthTooShort
	}
	var lower, upper, digit, other bool
	distinct := map[rune]bool{}
	for _, r := range password {
		distinct[r] = true
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			kinds++
		}
	}
	score := 0
	switch {
	case n >= 16:
		score += 2
	case n >= 12:
		score++
	}
	if kinds >= 3 {
		score++
	}
	if len(distinct) < n/2 {
		score--
	}
	switch {
	case score >= 3 || (n >= 20 && score >= 2):
		return StrengthStrong
	case score >= 1:
		return StrengthFair
	}
	return StrengthWeak
}

// PasswordStrength is the package's PasswordStrength as a number from 0
// (too short) to 3 (strong), for the window's hint.
func (d *Desk) PasswordStrength(password string) int { return int(PasswordStrength(password)) }
