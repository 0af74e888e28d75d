package desk

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// certsBucket holds the imported certificates, one record per name, each
// the certificate with its private key in certs' storage form.
const certsBucket = "certs"

// InspectCertificate reads a PKCS#12 file (data, as chosen by the user
// under fileName) with password and describes it, without storing it and
// without needing the vault. Errors are *certs.Error.
func (d *Desk) InspectCertificate(data []byte, fileName, password string) (*certs.Info, error) {
	c, err := certs.Parse(data, password, fileName)
	if err != nil {
		return nil, err
	}
	return c.Describe(d.cfg.Now()), nil
}

// SuggestCertificateName proposes a name for a certificate from what it is
// for, such as "SCB A00494" or "Maskinporten 923609016".
func (d *Desk) SuggestCertificateName(info *certs.Info) string {
	id := info.Identity
	switch {
	case id.SCBAPIID != "":
		return "SCB " + id.SCBAPIID
	case id.OrgNumber.IsValid():
		return "Maskinporten " + id.OrgNumber.String()
	case id.YTunnus.IsValid():
		return "Tulorekisteri " + id.YTunnus.String()
	case info.Holder != "":
		return info.Holder
	}
	return "Certificate"
}

// ImportCertificate reads a PKCS#12 file with password and stores it in
// the vault under name, with its private key. Expired and not yet valid
// certificates are refused (*certs.Error), as is a name already in use.
func (d *Desk) ImportCertificate(name string, data []byte, fileName, password string) (*certs.Info, error) {
	name, err := checkCertName(name)
	if err != nil {
		return nil, err
	}
	c, err := certs.Parse(data, password, fileName)
	if err != nil {
		return nil, err
	}
	info := c.Describe(d.cfg.Now())
	if err := certs.CanImport(info); err != nil {
		return nil, err
	}
	c.Name = name
	stored, err := c.Marshal()
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("encoding the certificate: %w", err))
	}
	defer clear(stored)
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if _, err := tx.Get(certsBucket, name); err == nil {
				return problem.New(problem.CodeCertNameTaken, nil)
			} else if !errors.Is(err, vault.ErrNotFound) {
				return err
			}
			if err := tx.Put(certsBucket, name, stored); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "cert.import", Subject: name, Detail: info.SHA256})
		}))
	})
	if err != nil {
		return nil, err
	}
	return info, nil
}

// Certificates lists the stored certificates by name, described as of now.
func (d *Desk) Certificates() ([]certs.Stored, error) {
	var list []certs.Stored
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.ForEach(certsBucket, func(name string, value []byte) error {
			c, err := certs.Unmarshal(value)
			if err != nil {
				return problem.New(problem.CodeVaultDamaged, fmt.Errorf("certificate %q: %w", name, err))
			}
			list = append(list, certs.Stored{Name: name, Info: c.Describe(d.cfg.Now())})
			return nil
		}))
	})
	slices.SortFunc(list, func(a, b certs.Stored) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return list, err
}

// Certificate returns the stored certificate called name, with its key,
// for the register clients.
func (d *Desk) Certificate(name string) (*certs.Certificate, error) {
	var c *certs.Certificate
	err := d.withVault(func(v *vault.Vault) error {
		data, err := v.Get(certsBucket, name)
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeCertNotFound, nil)
		}
		if err != nil {
			return vaultProblem(err)
		}
		defer clear(data)
		if c, err = certs.Unmarshal(data); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("certificate %q: %w", name, err))
		}
		return nil
	})
	return c, err
}

// RemoveCertificate deletes the certificate called name from the vault.
func (d *Desk) RemoveCertificate(name string) error {
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			err := tx.Delete(certsBucket, name)
			if errors.Is(err, vault.ErrNotFound) {
				return problem.New(problem.CodeCertNotFound, nil)
			}
			if err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "cert.remove", Subject: name})
		}))
	})
}

// ExportCertificate writes the certificate called name, with its private
// key and chain, as a new PKCS#12 file sealed with password (at least
// problem.MinPasswordLen characters), for moving it to another computer.
// The bytes are for a file the user chose; Motpart writes no copy.
func (d *Desk) ExportCertificate(name, password string) ([]byte, error) {
	if utf8.RuneCountInString(password) < problem.MinPasswordLen {
		return nil, problem.New(problem.CodePasswordShort, nil)
	}
	c, err := d.Certificate(name)
	if err != nil {
		return nil, err
	}
	out, err := c.Export(password)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("exporting %q: %w", name, err))
	}
	err = d.withVault(func(v *vault.Vault) error { return d.audit(v, "cert.export", name, "") })
	return out, err
}

// checkCertName trims a certificate name and checks its length.
func checkCertName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > problem.MaxCertNameLen {
		return "", problem.New(problem.CodeCertName, nil)
	}
	return name, nil
}

// ExpiringCertificates lists the stored certificates that are within the
// renewal window (certs.ExpiringDays days or fewer left) or already
// expired, judged by the desk's clock, the soonest to expire first. The
// window's banner and reminders show them.
func (d *Desk) ExpiringCertificates() ([]certs.Stored, error) {
	all, err := d.Certificates()
	if err != nil {
		return nil, err
	}
	var due []certs.Stored
	for _, c := range all {
		if c.Info.Status == certs.StatusExpiring || c.Info.Status == certs.StatusExpired {
			due = append(due, c)
		}
	}
	slices.SortStableFunc(due, func(a, b certs.Stored) int { return a.Info.NotAfter.Compare(b.Info.NotAfter) })
	return due, nil
}
