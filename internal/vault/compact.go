package vault

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// compactTxBytes bounds the size of one transaction while copying.
const compactTxBytes = 16 << 20

// ChangePassword verifies oldPassword, wraps the data key under
// newPassword with a fresh salt and the parameters p (zero means
// DefaultParams()), and rewrites the vault into a fresh, compacted file
// that replaces the old one atomically. Afterwards the file contains
// neither the old wrapped key nor the sealed bytes of deleted records
// (the old file is unlinked; see docs/SECURITY.md for what that does and
// does not guarantee on the physical disk). The vault stays open and
// usable. It fails with ErrWrongPassword if oldPassword is wrong and with
// ErrWeakParams if p is below the minimum; in every failure case the
// vault is unchanged. The data key itself is not changed.
func (v *Vault) ChangePassword(oldPassword, newPassword []byte, p Params) error {
	return v.changePassword(oldPassword, newPassword, p, nil)
}

// ChangePasswordAudited is ChangePassword that also appends entry to the
// audit log, in the new file before it replaces the old one: the new
// password is in force if and only if the entry is in the log, whatever
// step a crash interrupts.
func (v *Vault) ChangePasswordAudited(oldPassword, newPassword []byte, p Params, entry AuditEntry) error {
	if err := checkAuditEntry(entry); err != nil {
		return fmt.Errorf("vault: change password: %w", err)
	}
	return v.changePassword(oldPassword, newPassword, p, &entry)
}

func (v *Vault) changePassword(oldPassword, newPassword []byte, p Params, entry *AuditEntry) error {
	if p.IsZero() {
		p = DefaultParams()
	}
	if !p.valid() {
		return fmt.Errorf("vault: change password: %w: key-derivation parameters %v", ErrInvalid, p)
	}
	if !p.atLeast(v.minParams) {
		return fmt.Errorf("vault: change password: %w: %v < %v", ErrWeakParams, p, v.minParams)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keys == nil {
		return ErrLocked
	}
	dk, err := unlock(oldPassword, &v.hdr)
	if err != nil {
		return fmt.Errorf("vault: change password: %w", err)
	}
	defer wipe(dk)
	nh := v.hdr
	nh.params = p
	nh.salt = make([]byte, saltLen)
	if _, err := io.ReadFull(v.rand, nh.salt); err != nil {
		return fmt.Errorf("vault: change password: random: %w", err)
	}
	kek := deriveKEK(newPassword, nh.salt, p)
	nh.wrapped, err = wrapKey(v.rand, kek, dk, &nh)
	wipe(kek)
	if err != nil {
		return fmt.Errorf("vault: change password: %w", err)
	}
	if err := v.rewrite(&nh, entry); err != nil {
		return fmt.Errorf("vault: change password: %w", err)
	}
	return nil
}

// Compact rewrites the vault into a fresh file that replaces the old one
// atomically, so that free pages (holding the sealed bytes of deleted or
// overwritten records and blobs) and unreachable blob chunks are gone
// from the file. The vault stays open and usable.
func (v *Vault) Compact() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keys == nil {
		return ErrLocked
	}
	h := v.hdr
	if err := v.rewrite(&h, nil); err != nil {
		return fmt.Errorf("vault: compact: %w", err)
	}
	return nil
}

func compactPrefix(base string) string { return "." + base + ".compact-" }

// rewrite copies the vault into a sibling file with header h (and the
// audit entry, if not nil, appended), fsyncs it, renames it over the vault
// file and fsyncs the directory. Once the rename has happened, v uses the
// new file and header h, even if a later step fails. The caller holds
// v.mu for writing. The new file is locked before the rename and the old
// one is closed only after it, so another process never finds the path
// unlocked.
func (v *Vault) rewrite(h *header, entry *AuditEntry) error {
	dir, base := filepath.Split(v.path)
	if dir == "" {
		dir = "."
	}
	suffix := make([]byte, 8)
	if _, err := io.ReadFull(v.rand, suffix); err != nil {
		return fmt.Errorf("random: %w", err)
	}
	tmp := filepath.Join(dir, compactPrefix(base)+hex.EncodeToString(suffix))
	dst, err := openDB(tmp, modeCreate, false)
	if err != nil {
		return fmt.Errorf("create %s: %w", filepath.Base(tmp), err)
	}
	fail := func(err error) error {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return err
	}
	if err := v.step("create"); err != nil {
		return fail(err)
	}
	if err := copyVault(dst, v.db, h, v.keys, entry, v.rand, v.now, v.step); err != nil {
		return fail(fmt.Errorf("copy: %w", err))
	}
	if err := dst.Sync(); err != nil {
		return fail(fmt.Errorf("sync: %w", err))
	}
	if err := v.step("sync"); err != nil {
		return fail(err)
	}
	old := v.db
	if err := os.Rename(tmp, v.path); err == nil {
		v.db, v.hdr = dst, *h
		v.forgetSetChecks() // the new file's transaction ids are its own
		_ = old.Close()
		if err := v.step("rename"); err != nil {
			return err
		}
		if err := syncDir(dir); err != nil {
			return err // the rename happened; the vault is usable
		}
		return v.step("sync dir")
	}
	// Windows cannot rename over, or rename, a file that is open and
	// mapped. Close both, rename, and reopen; another process may grab
	// the file in between, which then fails here with ErrAlreadyOpen.
	_ = dst.Close()
	_ = old.Close()
	renameErr := os.Rename(tmp, v.path)
	db, err := openDB(v.path, modeOpen, false)
	if err != nil {
		v.keys.wipe()
		v.keys, v.db = nil, nil
		return fmt.Errorf("reopen after rewrite (vault is now locked): %w", err)
	}
	v.db = db
	v.forgetSetChecks()
	if renameErr != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("replace vault file: %w", renameErr)
	}
	v.hdr = *h
	return syncDir(dir)
}

// copyVault copies every bucket of src into the empty dst, replacing the
// header by h and dropping blob chunks that no manifest or pending write
// refers to. Values are written once, so no earlier header and no deleted
// data ever reaches dst.
//
// entry, if not nil, is appended to the audit log of dst; step is called
// after each commit into dst.
func copyVault(dst, src *bolt.DB, h *header, k *keyring, entry *AuditEntry, rnd io.Reader, now func() time.Time, step func(string) error) error {
	return src.View(func(stx *bolt.Tx) error {
		live, err := liveBlobIDs(stx, k)
		if err != nil {
			return err
		}
		c := &copier{dst: dst, step: step}
		defer c.rollback()
		for _, name := range topBuckets {
			b := stx.Bucket(name)
			if b == nil {
				return fmt.Errorf("%w: missing bucket %q", ErrCorrupt, name)
			}
			path := [][]byte{name}
			if _, err := c.bucket(path); err != nil {
				return err
			}
			switch {
			case bytes.Equal(name, bktMeta):
				err = c.meta(h)
			case bytes.Equal(name, bktChunks):
				err = c.copyBucket(b, path, func(key []byte) bool {
					return len(key) == blobIDLen+4 && live[string(key[:blobIDLen])]
				})
			default:
				err = c.copyBucket(b, path, nil)
			}
			if err != nil {
				return err
			}
		}
		if entry != nil {
			b, err := c.bucket([][]byte{bktAudit})
			if err != nil {
				return err
			}
			if err := appendAudit(b, rnd, k, now, *entry); err != nil {
				return err
			}
		}
		// The check bucket: the key-set manifests, and the header copy
		// written anew for h.
		path := [][]byte{bktCheck}
		if b := stx.Bucket(bktCheck); b != nil {
			if err := c.copyBucket(b, path, func(key []byte) bool { return !bytes.Equal(key, keyHeaderCopy) }); err != nil {
				return err
			}
		}
		if err := c.put(path, keyHeaderCopy, encodeHeaderCopy(*h)); err != nil {
			return err
		}
		return c.commit()
	})
}

// liveBlobIDs returns the ids of blobs whose manifest authenticates or
// whose write is in progress.
func liveBlobIDs(tx *bolt.Tx, k *keyring) (map[string]bool, error) {
	live := map[string]bool{}
	err := tx.Bucket(bktBlobs).ForEach(func(key, sealed []byte) error {
		if m, err := openManifest(k, key, sealed); err == nil {
			live[string(m.id)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.Bucket(bktPending).ForEach(func(id, _ []byte) error {
		live[string(id)] = true
		return nil
	})
	return live, err
}

// copier writes into dst in transactions of bounded size.
type copier struct {
	dst  *bolt.DB
	step func(string) error // called after each commit
	tx   *bolt.Tx
	size int
	path string // path of cur, NUL-joined
	cur  *bolt.Bucket
}

func (c *copier) begin() error {
	if c.tx != nil {
		return nil
	}
	tx, err := c.dst.Begin(true)
	if err != nil {
		return err
	}
	c.tx, c.size, c.cur, c.path = tx, 0, nil, ""
	return nil
}

func (c *copier) commit() error {
	if c.tx == nil {
		return nil
	}
	err := c.tx.Commit()
	c.tx, c.cur = nil, nil
	if err != nil {
		return err
	}
	return c.step("commit")
}

func (c *copier) rollback() {
	if c.tx != nil {
		_ = c.tx.Rollback()
		c.tx = nil
	}
}

// bucket returns (creating) the bucket at path in the current transaction.
func (c *copier) bucket(path [][]byte) (*bolt.Bucket, error) {
	if err := c.begin(); err != nil {
		return nil, err
	}
	key := string(bytes.Join(path, []byte{0}))
	if c.cur != nil && c.path == key {
		return c.cur, nil
	}
	b, err := c.tx.CreateBucketIfNotExists(path[0])
	for _, name := range path[1:] {
		if err != nil {
			break
		}
		b, err = b.CreateBucketIfNotExists(name)
	}
	if err != nil {
		return nil, err
	}
	b.FillPercent = 1.0 // keys arrive in order: pack pages full
	c.cur, c.path = b, key
	return b, nil
}

// put writes one key/value, committing first if the transaction is full.
// value must stay valid until the commit (it points into src's mapping,
// which the enclosing read transaction keeps alive).
func (c *copier) put(path [][]byte, key, value []byte) error {
	if c.size > 0 && c.size+len(key)+len(value) > compactTxBytes {
		if err := c.commit(); err != nil {
			return err
		}
	}
	b, err := c.bucket(path)
	if err != nil {
		return err
	}
	c.size += len(key) + len(value)
	return b.Put(key, value)
}

// copyBucket copies src (at path) recursively; keep filters keys of src's
// own values (nil keeps all).
func (c *copier) copyBucket(src *bolt.Bucket, path [][]byte, keep func(key []byte) bool) error {
	cur := src.Cursor()
	for k, val := cur.First(); k != nil; k, val = cur.Next() {
		if val == nil {
			sub := src.Bucket(k)
			if sub == nil {
				continue
			}
			p := append(append([][]byte(nil), path...), k)
			b, err := c.bucket(p)
			if err != nil {
				return err
			}
			if err := b.SetSequence(sub.Sequence()); err != nil {
				return err
			}
			if err := c.copyBucket(sub, p, nil); err != nil {
				return err
			}
			continue
		}
		if keep != nil && !keep(k) {
			continue
		}
		if err := c.put(path, k, val); err != nil {
			return err
		}
	}
	return nil
}

// meta writes header h into the meta bucket.
func (c *copier) meta(h *header) error {
	b, err := c.bucket([][]byte{bktMeta})
	if err != nil {
		return err
	}
	return writeHeader(b, *h)
}
