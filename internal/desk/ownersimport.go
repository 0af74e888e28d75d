package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// An import of the owners register's download never loses the copy it
// replaces. It writes the new copy's records into the bucket the current
// copy does not use (ownersBucketA or ownersBucketB), in batches, and
// switches the copy's meta record to that bucket in one transaction only
// when every record is written and the download is accepted. Until then
// the current copy answers as before; an import that fails, is cancelled
// or is killed leaves records in the other bucket that no lookup reads,
// and they are removed at once or by the next import or refresh. After the
// switch the old copy's records are deleted, so that stale personal data
// does not linger; a crash in that delete leaves them to the next import
// or refresh too.

// ImportOwnersCopy reads a full download of the Register of beneficial
// owners (totalbestand: a zip of JSON or CSV, or the JSON or CSV itself)
// by streaming, and stores it in the vault as the offline copy, replacing
// the previous one. date is the download's date (YYYY-MM-DD; empty: the
// file's modification date).
//
// The previous copy answers until the new one is complete and replaces
// it in one transaction: when ctx is cancelled, the file cannot be read
// or the process dies, the previous copy stays whole. A download with no
// registrations is refused (problem.CodeEmptyImport). A download with
// fewer than half the registrations of the current copy replaces it only
// when replaceSmaller, called with the download's and the copy's number
// of organisations, says so; otherwise the import fails with
// problem.CodeSmallerImport. replaceSmaller may be nil (never replace)
// and may wait for the user, who can still cancel ctx meanwhile.
//
// progress, when not nil, is called after each batch with the bytes read
// of total and the organisations stored so far.
func (d *Desk) ImportOwnersCopy(ctx context.Context, path, date string, replaceSmaller func(registrations, current int) bool, progress func(read, total int64, registrations int)) (dossier.OwnersCopy, error) {
	if !d.Unlocked() {
		return dossier.OwnersCopy{}, problem.New(problem.CodeLocked, nil)
	}
	if d.cfg.OwnersFiles == nil {
		return dossier.OwnersCopy{}, problem.New(problem.CodeInternal, errors.New("no reader of the register's downloads is connected to this desk"))
	}
	f, err := os.Open(path)
	if err != nil {
		return dossier.OwnersCopy{}, problem.New(problem.CodeInternal, fmt.Errorf("opening the download: %w", err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return dossier.OwnersCopy{}, problem.New(problem.CodeInternal, fmt.Errorf("reading the download: %w", err))
	}
	if date == "" {
		date = st.ModTime().UTC().Format(time.DateOnly)
	}

	d.ownersMu.Lock()
	defer d.ownersMu.Unlock()
	meta, ok, err := d.ownersMeta()
	if err != nil {
		return dossier.OwnersCopy{}, err
	}
	// What an interrupted import or delete left behind goes first, so the
	// new copy is written into an empty bucket.
	if err := d.removeOwnersLeftovers(meta, ok); err != nil {
		return dossier.OwnersCopy{}, err
	}
	next := ownersCopyMeta{Date: date, Generation: meta.Generation + 1, Bucket: ownersBucketA}
	if ok && meta.Bucket == ownersBucketA {
		next.Bucket = ownersBucketB
	}

	count, err := d.stageOwners(ctx, f, st.Size(), next, progress)
	if err == nil && count == 0 {
		err = problem.New(problem.CodeEmptyImport, nil)
	}
	if err == nil && ok && count*2 < meta.Registrations {
		replace := replaceSmaller != nil && replaceSmaller(count, meta.Registrations)
		switch cerr := ctx.Err(); {
		case cerr != nil: // cancelled while the question was open
			err = problem.New(problem.CodeCanceled, cerr)
		case !replace:
			err = problem.New(problem.CodeSmallerImport, &SmallerImportError{Registrations: count, Current: meta.Registrations})
		}
	}
	if err != nil {
		// The copy stays as it was; what was written of the new one goes.
		// A failure to remove it now leaves it to the next import.
		_ = d.emptyOwnersBucket(next.Bucket)
		return dossier.OwnersCopy{}, err
	}

	next.Registrations = count
	next.Imported = d.cfg.Now().UTC()
	if err := d.switchOwnersCopy(meta, ok, next); err != nil {
		_ = d.emptyOwnersBucket(next.Bucket)
		return dossier.OwnersCopy{}, err
	}
	// The new copy is in force; the old one's records go. A failure here
	// leaves them, unread, to the next import or refresh.
	_ = d.removeOwnersLeftovers(next, true)
	return dossier.OwnersCopy{Date: date, Registrations: count, Imported: next.Imported}, nil
}

// SmallerImportError says how much smaller a download is than the copy
// it would replace; it is the cause of a problem.CodeSmallerImport.
type SmallerImportError struct {
	// Registrations is how many organisations the download holds.
	Registrations int
	// Current is how many the copy in the vault holds.
	Current int
}

func (e *SmallerImportError) Error() string {
	return fmt.Sprintf("the download has %d organisations, the copy in the vault %d", e.Registrations, e.Current)
}

// stageOwners reads the download in f (of size bytes) and writes its
// organisations into next's bucket, in batches of d.ownersBatch, under
// next's generation. It returns how many it wrote.
func (d *Desk) stageOwners(ctx context.Context, f *os.File, size int64, next ownersCopyMeta, progress func(read, total int64, registrations int)) (int, error) {
	counter := &countingReader{r: f}
	batch := make([]*dossier.Owners, 0, d.ownersBatch)
	count := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := d.withVault(func(v *vault.Vault) error {
			return vaultProblem(v.Update(func(tx *vault.Tx) error {
				for _, o := range batch {
					b, err := json.Marshal(ownersRecord{Generation: next.Generation, Owners: o})
					if err != nil {
						return err
					}
					if err := tx.Put(next.Bucket, o.Number, b); err != nil {
						return err
					}
				}
				return nil
			}))
		})
		if err != nil {
			return err
		}
		count += len(batch)
		batch = batch[:0]
		if progress != nil {
			progress(counter.n, size, count)
		}
		return nil
	}
	each := func(o *dossier.Owners) error {
		if err := ctx.Err(); err != nil {
			return problem.New(problem.CodeCanceled, err)
		}
		o.Source, o.CopyDate = "offline", next.Date
		screenExempt(o)
		batch = append(batch, o)
		if len(batch) == d.ownersBatch {
			return flush()
		}
		return nil
	}
	var err error
	if isZip(f) {
		err = d.cfg.OwnersFiles.ReadZip(&countingReaderAt{r: f, c: counter}, size, each)
	} else {
		err = d.cfg.OwnersFiles.ReadStream(counter, each)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		var p *problem.Error
		switch {
		case errors.As(err, &p):
			return count, err
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return count, problem.New(problem.CodeCanceled, err)
		}
		return count, problem.New(problem.CodeBadDownload, err)
	}
	return count, nil
}

// switchOwnersCopy makes next the offline copy in one transaction, with
// its audit entry, after checking that the copy is still the one the
// import began from (old, or none when !ok).
func (d *Desk) switchOwnersCopy(old ownersCopyMeta, ok bool, next ownersCopyMeta) error {
	b, err := json.Marshal(next)
	if err != nil {
		return problem.New(problem.CodeInternal, err)
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			cur, err := tx.Get(ownersMetaBucket, ownersMetaID)
			switch {
			case errors.Is(err, vault.ErrNotFound):
				if ok {
					return errors.New("the offline copy disappeared during the import")
				}
			case err != nil:
				return err
			default:
				var m ownersCopyMeta
				if err := json.Unmarshal(cur, &m); err != nil {
					return problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding the offline copy's description: %w", err))
				}
				if !ok || m.Generation != old.Generation || m.bucket() != old.bucket() {
					return errors.New("the offline copy was replaced during the import")
				}
			}
			if err := tx.Put(ownersMetaBucket, ownersMetaID, b); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "import", Subject: "rrh totalbestand",
				Detail: fmt.Sprintf("%d organisations, copy of %s", next.Registrations, next.Date)})
		}))
	})
}

// removeOwnersLeftovers empties every copy bucket but the one of the
// copy meta describes (every one when !ok): the records of a copy that
// was replaced, or of an import that did not finish.
func (d *Desk) removeOwnersLeftovers(meta ownersCopyMeta, ok bool) error {
	for _, bucket := range ownersBuckets() {
		if ok && bucket == meta.bucket() {
			continue
		}
		if err := d.emptyOwnersBucket(bucket); err != nil {
			return err
		}
	}
	return nil
}

// errBatchFull stops a ForEach when a batch of ids is collected.
var errBatchFull = errors.New("batch full")

// emptyOwnersBucket deletes every record of bucket, d.ownersBatch records a
// transaction.
func (d *Desk) emptyOwnersBucket(bucket string) error {
	return d.withVault(func(v *vault.Vault) error {
		for {
			n, err := v.Count(bucket)
			if err != nil {
				return vaultProblem(err)
			}
			if n == 0 {
				return nil
			}
			ids := make([]string, 0, min(n, d.ownersBatch))
			err = v.View(func(tx *vault.Tx) error {
				return tx.ForEach(bucket, func(id string, _ []byte) error {
					ids = append(ids, id)
					if len(ids) == d.ownersBatch {
						return errBatchFull
					}
					return nil
				})
			})
			if err != nil && !errors.Is(err, errBatchFull) {
				return vaultProblem(err)
			}
			if len(ids) == 0 {
				return problem.New(problem.CodeVaultDamaged, fmt.Errorf("bucket %s counts %d records but lists none", bucket, n))
			}
			err = v.Update(func(tx *vault.Tx) error {
				for _, id := range ids {
					if err := tx.Delete(bucket, id); err != nil && !errors.Is(err, vault.ErrNotFound) {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return vaultProblem(err)
			}
		}
	})
}

// isZip reports whether f starts like a zip file, and rewinds it.
func isZip(f *os.File) bool {
	var head [4]byte
	n, _ := f.ReadAt(head[:], 0)
	return n == 4 && string(head[:]) == "PK\x03\x04"
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// countingReaderAt counts the bytes read through ReadAt into c.
type countingReaderAt struct {
	r io.ReaderAt
	c *countingReader
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.c.n += int64(n)
	return n, err
}
