package desk

import (
	"context"
	"errors"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/vault"
)

// RevealIdentities returns orgnr's last saved dossier with every personal
// identity number whole (its roles' persons and its beneficial owners),
// after writing one "reveal" audit entry per number, all in one
// transaction: no number is returned whole without its entry.
func (d *Desk) RevealIdentities(orgnr string) (*dossier.Dossier, error) {
	dos, err := d.savedDossier(orgnr)
	if err != nil {
		return nil, err
	}
	if err := d.auditReveal(dos); err != nil {
		return nil, err
	}
	return dos, nil
}

// LookupRevealed is Lookup with every personal identity number whole,
// after one "reveal" audit entry per number (besides the lookup's own).
// When the entries cannot be written, the dossier is returned masked,
// with the error.
func (d *Desk) LookupRevealed(ctx context.Context, number string) (*dossier.Dossier, error) {
	dos, err := d.lookup(ctx, number)
	if dos == nil {
		return nil, err
	}
	if aerr := d.auditReveal(dos); aerr != nil {
		return Masked(dos), errors.Join(err, aerr)
	}
	return dos, err
}

// auditReveal writes one "reveal" audit entry for each identity number in
// dos, in one transaction. The entries name the number masked.
func (d *Desk) auditReveal(dos *dossier.Dossier) error {
	var details []string
	for _, r := range dos.Roles {
		if r.Person != nil && r.Person.NationalID != "" {
			role := r.Type.Description
			if role == "" {
				role = r.Type.Code
			}
			details = append(details, "national identity number of "+role+" "+MaskIdentity(r.Person.NationalID))
		}
	}
	if dos.Owners != nil {
		for _, o := range dos.Owners.Owners {
			if o.NationalID != "" {
				details = append(details, "national identity number of beneficial owner "+MaskIdentity(o.NationalID))
			}
		}
	}
	if len(details) == 0 {
		return nil
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			for _, detail := range details {
				if err := tx.Audit(vault.AuditEntry{Action: "reveal", Subject: dos.Number, Detail: detail}); err != nil {
					return err
				}
			}
			return nil
		}))
	})
}
