package desk

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// notesBucket is the vault bucket that holds every client's notes: one
// record per organisation, keyed by the number's kind and canonical form.
const notesBucket = "notes"

// noteSubject parses orgnr as an organisation number and returns the
// canonical form used as the record id and the audit subject.
func (d *Desk) noteSubject(orgnr string) (string, error) {
	n, err := ident.ParseOrgNr(orgnr, d.identOptions(""))
	if err != nil {
		return "", problem.New(problem.CodeNotOrgNr, err)
	}
	return string(n.Kind()) + ":" + n.String(), nil
}

// Notes returns the notes on the organisation orgnr, oldest first.
func (d *Desk) Notes(orgnr string) ([]dossier.Note, error) {
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return nil, err
	}
	var notes []dossier.Note
	err = d.withVault(func(v *vault.Vault) error {
		return v.View(func(tx *vault.Tx) error {
			notes, err = readNotes(tx, subject)
			return err
		})
	})
	return notes, err
}

// AddNote writes a new note on the organisation orgnr, dated now.
func (d *Desk) AddNote(orgnr, text string) (dossier.Note, error) {
	text, err := checkNoteText(text)
	if err != nil {
		return dossier.Note{}, err
	}
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return dossier.Note{}, err
	}
	var note dossier.Note
	err = d.updateNotes(subject, func(notes []dossier.Note) ([]dossier.Note, string, error) {
		next := 1
		for _, n := range notes {
			if id, err := strconv.Atoi(n.ID); err == nil && id >= next {
				next = id + 1
			}
		}
		note = dossier.Note{ID: strconv.Itoa(next), Created: d.cfg.Now().UTC(), Text: text}
		return append(notes, note), "note.add", nil
	})
	return note, err
}

// EditNote replaces the text of note id on the organisation orgnr.
func (d *Desk) EditNote(orgnr, id, text string) error {
	text, err := checkNoteText(text)
	if err != nil {
		return err
	}
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return err
	}
	return d.updateNotes(subject, func(notes []dossier.Note) ([]dossier.Note, string, error) {
		i := slices.IndexFunc(notes, func(n dossier.Note) bool { return n.ID == id })
		if i < 0 {
			return nil, "", problem.New(problem.CodeNoteNotFound, nil)
		}
		notes[i].Text = text
		notes[i].Updated = d.cfg.Now().UTC()
		return notes, "note.edit", nil
	})
}

// RemoveNote deletes note id on the organisation orgnr.
func (d *Desk) RemoveNote(orgnr, id string) error {
	subject, err := d.noteSubject(orgnr)
	if err != nil {
		return err
	}
	return d.updateNotes(subject, func(notes []dossier.Note) ([]dossier.Note, string, error) {
		i := slices.IndexFunc(notes, func(n dossier.Note) bool { return n.ID == id })
		if i < 0 {
			return nil, "", problem.New(problem.CodeNoteNotFound, nil)
		}
		return slices.Delete(notes, i, i+1), "note.remove", nil
	})
}

// updateNotes changes the notes of subject with change in one transaction,
// together with the audit entry change names.
func (d *Desk) updateNotes(subject string, change func([]dossier.Note) ([]dossier.Note, string, error)) error {
	return d.withVault(func(v *vault.Vault) error {
		err := v.Update(func(tx *vault.Tx) error {
			notes, err := readNotes(tx, subject)
			if err != nil {
				return err
			}
			notes, action, err := change(notes)
			if err != nil {
				return err
			}
			if len(notes) == 0 {
				if err := tx.Delete(notesBucket, subject); err != nil && !errors.Is(err, vault.ErrNotFound) {
					return err
				}
			} else {
				data, err := json.Marshal(notes)
				if err != nil {
					return fmt.Errorf("encoding notes: %w", err)
				}
				if err := tx.Put(notesBucket, subject, data); err != nil {
					return err
				}
			}
			return tx.Audit(vault.AuditEntry{Action: action, Subject: subject})
		})
		return vaultProblem(err)
	})
}

// readNotes returns the notes stored for subject; none is not an error.
func readNotes(tx *vault.Tx, subject string) ([]dossier.Note, error) {
	data, err := tx.Get(notesBucket, subject)
	if errors.Is(err, vault.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, vaultProblem(err)
	}
	var notes []dossier.Note
	if err := json.Unmarshal(data, &notes); err != nil {
		return nil, problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding notes: %w", err))
	}
	return notes, nil
}

// checkNoteText trims text and checks it is neither empty nor too long.
func checkNoteText(text string) (string, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return "", problem.New(problem.CodeNoteEmpty, nil)
	case len(text) > dossier.MaxNoteLen:
		return "", problem.New(problem.CodeNoteTooLong, nil)
	}
	return text, nil
}
