package desk

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// Documents lists the AML documents kept for a number, newest first.
func (d *Desk) Documents(orgnr string) ([]dossier.Document, error) {
	n, err := d.amlSubject(orgnr)
	if err != nil {
		return nil, err
	}
	var out []dossier.Document
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.ForEach(amlDocsBucket, func(_ string, b []byte) error {
			doc, err := readDocument(b)
			if err != nil {
				return err
			}
			if doc.OrgNr == n.String() {
				out = append(out, doc)
			}
			return nil
		}))
	})
	slices.SortFunc(out, func(a, b dossier.Document) int {
		if c := b.ReadyAt.Compare(a.ReadyAt); c != 0 {
			return c
		}
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, err
}

// readDocument decodes a document record.
func readDocument(b []byte) (dossier.Document, error) {
	var doc dossier.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		return doc, problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding a document record: %w", err))
	}
	return doc, nil
}

// Document returns one document's description.
func (d *Desk) Document(id string) (dossier.Document, error) {
	var doc dossier.Document
	err := d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(amlDocsBucket, id)
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeDocumentNotFound, nil)
		}
		if err != nil {
			return vaultProblem(err)
		}
		doc, err = readDocument(b)
		return err
	})
	return doc, err
}

// WriteDocument writes a document's PDF to w, checking its SHA-256 and
// size while it streams: a document that does not match its record fails
// with problem.CodeVaultDamaged after what was read was written.
func (d *Desk) WriteDocument(id string, w io.Writer) error {
	doc, err := d.Document(id)
	if err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		r, err := v.OpenBlob(amlBlobPrefix + id)
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeDocumentNotFound, err)
		}
		if err != nil {
			return vaultProblem(err)
		}
		defer r.Close()
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(w, h), r)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return problem.New(problem.CodeInternal, fmt.Errorf("writing the document: %w", err))
			}
			return vaultProblem(err)
		}
		if n != doc.Size || hex.EncodeToString(h.Sum(nil)) != doc.SHA256 {
			return problem.New(problem.CodeVaultDamaged, errors.New("the document does not match its size and SHA-256"))
		}
		return nil
	})
}

// SaveDocument writes a document's PDF to a file chosen by the user,
// whole or not at all (a temporary file in the same folder, renamed when
// it is complete and checked), and audits it.
func (d *Desk) SaveDocument(id, path string) error {
	doc, err := d.Document(id)
	if err != nil {
		return err
	}
	if err := d.writeFileAtomic(id, path); err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		return d.audit(v, "aml.save", doc.OrgNr, doc.Kind+" "+doc.ID)
	})
}

// writeFileAtomic writes document id to path through a temporary file in
// the same folder (mode 0600), renamed into place when it is whole.
func (d *Desk) writeFileAtomic(id, path string) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".motpart-*.part")
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("saving the document: %w", err))
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err := d.WriteDocument(id, f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("saving the document: %w", err))
	}
	if err := f.Close(); err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("saving the document: %w", err))
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		done = true
		return problem.New(problem.CodeInternal, fmt.Errorf("saving the document: %w", err))
	}
	done = true
	return nil
}

// documentFileName is the name of an opened document's file:
// AML-report-<orgnr>-<date>.pdf,
// Certificate-of-registration-<orgnr>-<date>.pdf or
// KYC-report-<orgnr>-<date>.pdf, the date the day it was stored.
func documentFileName(doc dossier.Document) string {
	kind := "AML-report"
	switch doc.Kind {
	case dossier.DocumentRegistration:
		kind = "Certificate-of-registration"
	case dossier.DocumentKYC:
		kind = "KYC-report"
	}
	number := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, doc.OrgNr)
	return fmt.Sprintf("%s-%s-%s.pdf", kind, number, doc.ReadyAt.Local().Format("2006-01-02"))
}

// OpenDocumentFile writes a document's PDF to a private temporary file
// (mode 0600, in a directory only this desk uses, mode 0700) for the
// system's PDF viewer and returns its path. The files are removed when the
// vault locks or the desk closes.
func (d *Desk) OpenDocumentFile(id string) (string, error) {
	doc, err := d.Document(id)
	if err != nil {
		return "", err
	}
	path, err := d.openedPath(doc)
	if err != nil {
		return "", err
	}
	if err := d.writeFileAtomic(id, path); err != nil {
		return "", err
	}
	err = d.withVault(func(v *vault.Vault) error { return d.audit(v, "aml.open", doc.OrgNr, doc.Kind+" "+doc.ID) })
	if err != nil {
		_ = os.Remove(path)
		return "", err
	}
	return path, nil
}

// openedPath returns the file document doc is opened in: the one it had,
// or a new name in the desk's private folder, made when first needed.
func (d *Desk) openedPath(doc dossier.Document) (string, error) {
	if !d.Unlocked() {
		return "", problem.New(problem.CodeLocked, nil)
	}
	a := &d.aml
	a.mu.Lock()
	defer a.mu.Unlock()
	if p, ok := a.opened[doc.ID]; ok {
		return p, nil
	}
	if a.tempDir == "" {
		dir, err := os.MkdirTemp("", "motpart-open-")
		if err != nil {
			return "", problem.New(problem.CodeInternal, fmt.Errorf("making a private folder: %w", err))
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			_ = os.RemoveAll(dir)
			return "", problem.New(problem.CodeInternal, fmt.Errorf("making a private folder: %w", err))
		}
		a.tempDir, a.opened = dir, map[string]string{}
	}
	name := documentFileName(doc)
	base := strings.TrimSuffix(name, ".pdf")
	taken := func(p string) bool {
		for _, q := range a.opened {
			if q == p {
				return true
			}
		}
		return false
	}
	p := filepath.Join(a.tempDir, name)
	for i := 2; taken(p); i++ {
		p = filepath.Join(a.tempDir, fmt.Sprintf("%s-%d.pdf", base, i))
	}
	a.opened[doc.ID] = p
	return p, nil
}

// RemoveDocument deletes a document from the vault and audits it. Its
// record goes first, with the audit entry; a blob left behind by a
// failure is removed at the next unlock.
func (d *Desk) RemoveDocument(id string) error {
	doc, err := d.Document(id)
	if err != nil {
		return err
	}
	err = d.withVault(func(v *vault.Vault) error {
		err := v.Update(func(tx *vault.Tx) error {
			if err := tx.Delete(amlDocsBucket, id); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "aml.remove", Subject: doc.OrgNr, Detail: doc.Kind + " " + doc.ID})
		})
		if err != nil {
			return vaultProblem(err)
		}
		if err := v.DeleteBlob(amlBlobPrefix + id); err != nil && !errors.Is(err, vault.ErrNotFound) {
			return vaultProblem(err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	a := &d.aml
	a.mu.Lock()
	p, ok := a.opened[id]
	delete(a.opened, id)
	a.mu.Unlock()
	if ok {
		_ = os.Remove(p)
	}
	return nil
}

// tidyDocuments removes the blobs of documents that have no record: what
// a storing or a removal interrupted by a crash left behind. Unlock calls
// it before any order is followed again.
func (d *Desk) tidyDocuments() {
	_ = d.withVault(func(v *vault.Vault) error {
		blobs, err := v.ListBlobs()
		if err != nil {
			return err
		}
		for _, b := range blobs {
			id, ok := strings.CutPrefix(b.Name, amlBlobPrefix)
			if !ok {
				continue
			}
			if _, err := v.Get(amlDocsBucket, id); errors.Is(err, vault.ErrNotFound) {
				_ = v.DeleteBlob(b.Name)
			}
		}
		return nil
	})
}

// newDocumentID returns a random document id.
func newDocumentID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", problem.New(problem.CodeInternal, fmt.Errorf("making a document id: %w", err))
	}
	return hex.EncodeToString(b[:]), nil
}

// storeDocument keeps pdf, part i of o, as a vault blob with its record,
// and marks the part ready with the document's id, in one step: the
// record and the order are written in one transaction once the blob is
// whole, and the blob is removed again when that fails (or, after a
// crash, at the next unlock: see tidyDocuments).
func (d *Desk) storeDocument(ctx context.Context, o *dossier.AMLOrder, i int, pdf []byte) error {
	id, err := newDocumentID()
	if err != nil {
		return err
	}
	sum := sha256.Sum256(pdf)
	doc := dossier.Document{ID: id, OrgNr: o.OrgNr, Name: o.Name, Kind: o.Parts[i].Kind, Country: o.Country,
		SessionID: o.ID, OrderedAt: o.OrderedAt, ReadyAt: d.cfg.Now().UTC(), ExpiresAt: o.ExpiresAt,
		Size: int64(len(pdf)), SHA256: hex.EncodeToString(sum[:])}
	rec, err := json.Marshal(doc)
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("encoding a document record: %w", err))
	}
	p := &o.Parts[i]
	oldState := p.State
	return d.withVault(func(v *vault.Vault) error {
		if _, err := v.PutBlob(ctx, amlBlobPrefix+id, bytes.NewReader(pdf)); err != nil {
			return vaultProblem(err)
		}
		p.State, p.Document, p.Problem = dossier.OrderReady, id, ""
		b, err := json.Marshal(o)
		if err == nil {
			err = v.Update(func(tx *vault.Tx) error {
				if err := tx.Put(amlDocsBucket, id, rec); err != nil {
					return err
				}
				if err := tx.Put(amlOrdersBucket, o.ID, b); err != nil {
					return err
				}
				return tx.Audit(vault.AuditEntry{Action: "aml.document", Subject: o.OrgNr, Detail: doc.Kind + " " + id})
			})
		}
		if err != nil {
			p.State, p.Document = oldState, ""
			_ = v.DeleteBlob(amlBlobPrefix + id)
			return vaultProblem(err)
		}
		return nil
	})
}
