package desk

import (
	"errors"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// draftsBucket is the vault bucket that holds the notes being written and
// not yet added: one record per organisation, keyed like the notes.
const draftsBucket = "drafts"

// maxDraftLen is the longest draft kept, in bytes. It is well above
// dossier.MaxNoteLen on purpose: a draft is what the user typed when the
// vault locked, and they should find all of it again to shorten it.
const maxDraftLen = 1 << 20

// SaveDraft keeps text, a note on the organisation orgnr that is being
// written and not yet added, sealed in the vault until Draft reads it
// back: the window saves it before the vault locks. Text that is empty or
// only white space clears the draft. Drafts are not audited: they are not
// part of the firm's KYC file until they are added as a note.
func (d *Desk) SaveDraft(orgnr, text string) error {
	if strings.TrimSpace(text) == "" {
		return d.ClearDraft(orgnr)
	}
	if len(text) > maxDraftLen {
		return problem.New(problem.CodeNoteTooLong, nil)
	}
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			return tx.Put(draftsBucket, subject, []byte(text))
		}))
	})
}

// Draft returns the note being written on the organisation orgnr that
// SaveDraft kept, or "" when there is none.
func (d *Desk) Draft(orgnr string) (string, error) {
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return "", err
	}
	var text string
	err = d.withVault(func(v *vault.Vault) error {
		return v.View(func(tx *vault.Tx) error {
			data, err := tx.Get(draftsBucket, subject)
			switch {
			case errors.Is(err, vault.ErrNotFound):
				return nil
			case err != nil:
				return vaultProblem(err)
			}
			text = string(data)
			return nil
		})
	})
	return text, err
}

// ClearDraft forgets the draft on the organisation orgnr, once it is added
// as a note or thrown away; clearing where there is none is not an error.
func (d *Desk) ClearDraft(orgnr string) error {
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := tx.Delete(draftsBucket, subject); err != nil && !errors.Is(err, vault.ErrNotFound) {
				return err
			}
			return nil
		}))
	})
}
