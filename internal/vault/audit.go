package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"
)

// MaxAuditFieldLen bounds each string field of an audit entry.
const MaxAuditFieldLen = 64 << 10

// AuditEntry is one entry of the audit log. Every field is sealed; the
// subject may therefore be an organisation or personal number.
type AuditEntry struct {
	// Seq is the entry's 1-based position in the log. It is set by
	// AuditLog and ignored when appending.
	Seq uint64
	// Time is when it happened, stored in UTC with nanosecond precision.
	// The zero value means "now" (OpenOptions.Now) when appending.
	Time time.Time
	// Action names what happened, e.g. "lookup", "import", "export",
	// "reveal", "note.add". It must not be empty.
	Action string
	// Subject is what it happened to, e.g. an organisation number.
	Subject string
	// Detail is free text.
	Detail string
}

// AuditCheck is the result of verifying the audit log's hash chain.
type AuditCheck struct {
	// Intact is true if every entry authenticated, the entries are
	// numbered 1..N without gaps, each one carries the hash of its
	// predecessor, and the head record matches the last entry and count.
	Intact bool
	// Entries is the number of entries found in the file.
	Entries uint64
	// BrokenAt is the sequence number at which the first problem was
	// detected; 0 if intact. For a problem with the head record (e.g.
	// entries removed at the end) it is the count the head expects + 1
	// or the last entry, whichever applies.
	BrokenAt uint64
	// Reason describes the first problem; empty if intact.
	Reason string
}

// auditHead is the sealed record that pins the end of the chain.
type auditHead struct {
	count uint64
	last  []byte // SHA-256 of the last entry's sealed bytes, zeros if none
}

// Audit appends entry to the audit log in its own transaction.
func (v *Vault) Audit(entry AuditEntry) error {
	return v.Update(func(tx *Tx) error { return tx.Audit(entry) })
}

// Audit appends entry to the audit log as part of this transaction, so
// that it is committed if and only if the transaction's other writes are.
func (t *Tx) Audit(e AuditEntry) error {
	if err := t.check(true); err != nil {
		return err
	}
	if err := checkAuditEntry(e); err != nil {
		return err
	}
	return appendAudit(t.btx.Bucket(bktAudit), t.v.rand, t.keys, t.v.now, e)
}

// checkAuditEntry validates an entry before it is appended.
func checkAuditEntry(e AuditEntry) error {
	if e.Action == "" {
		return fmt.Errorf("vault: audit: %w: empty action", ErrInvalid)
	}
	if len(e.Action) > MaxAuditFieldLen || len(e.Subject) > MaxAuditFieldLen || len(e.Detail) > MaxAuditFieldLen {
		return fmt.Errorf("vault: audit: %w: field longer than %d bytes", ErrTooLarge, MaxAuditFieldLen)
	}
	return nil
}

// appendAudit appends the checked entry e to the audit bucket b.
func appendAudit(b *bolt.Bucket, rnd io.Reader, k *keyring, now func() time.Time, e AuditEntry) error {
	if e.Time.IsZero() {
		e.Time = now()
	}
	if b == nil {
		return fmt.Errorf("vault: audit: %w: audit bucket missing", ErrCorrupt)
	}
	head, err := readAuditHead(b, k)
	if err != nil {
		return fmt.Errorf("vault: audit: %w", err)
	}
	seq := head.count + 1
	key := u64(seq)
	if b.Get(key) != nil {
		return fmt.Errorf("vault: audit: %w: entry %d exists beyond the recorded head", ErrTampered, seq)
	}
	pt := encodeAuditEntry(head.last, e)
	sealed, err := seal(nil, rnd, k.audit, pt, auditEntryAD(k.vaultID, seq))
	clear(pt)
	if err != nil {
		return fmt.Errorf("vault: audit: %w", err)
	}
	if err := b.Put(key, sealed); err != nil {
		return fmt.Errorf("vault: audit: %w", err)
	}
	sum := sha256.Sum256(sealed)
	if err := putAuditHead(b, rnd, k, seq, sum[:]); err != nil {
		return fmt.Errorf("vault: audit: %w", err)
	}
	return nil
}

// AuditLog returns every audit entry that authenticates, in order, and
// the result of verifying the chain. A broken chain is reported in the
// AuditCheck, not as an error; entries that fail authentication are not
// returned. The error is for a locked vault or an unreadable file.
func (v *Vault) AuditLog() ([]AuditEntry, AuditCheck, error) {
	var (
		entries []AuditEntry
		check   AuditCheck
	)
	err := v.View(func(tx *Tx) error {
		b := tx.btx.Bucket(bktAudit)
		if b == nil {
			return fmt.Errorf("%w: audit bucket missing", ErrCorrupt)
		}
		entries, check = verifyAudit(b, tx.keys)
		return nil
	})
	if err != nil {
		return nil, AuditCheck{}, fmt.Errorf("vault: audit log: %w", err)
	}
	return entries, check, nil
}

// verifyAudit walks the chain.
func verifyAudit(b *bolt.Bucket, k *keyring) ([]AuditEntry, AuditCheck) {
	var (
		entries []AuditEntry
		check   = AuditCheck{Intact: true}
		prev    = make([]byte, hashLen)
		want    = uint64(1)
	)
	fail := func(seq uint64, format string, args ...any) {
		if check.Intact {
			check.Intact = false
			check.BrokenAt = seq
			check.Reason = fmt.Sprintf(format, args...)
		}
	}
	c := b.Cursor()
	for key, sealed := c.First(); key != nil; key, sealed = c.Next() {
		if len(key) != 8 {
			continue // the head
		}
		check.Entries++
		seq := binary.BigEndian.Uint64(key)
		if seq != want {
			fail(want, "entry %d missing (next stored entry is %d)", want, seq)
		}
		want = seq + 1
		pt, err := open(nil, k.audit, sealed, auditEntryAD(k.vaultID, seq))
		if err != nil {
			fail(seq, "entry %d fails authentication", seq)
			prev = hashOf(sealed)
			continue
		}
		link, e, ok := decodeAuditEntry(pt)
		if !ok {
			fail(seq, "entry %d is malformed", seq)
			prev = hashOf(sealed)
			continue
		}
		if !bytes.Equal(link, prev) {
			fail(seq, "entry %d does not follow entry %d", seq, seq-1)
		}
		e.Seq = seq
		entries = append(entries, e)
		prev = hashOf(sealed)
	}
	head, err := readAuditHead(b, k)
	switch {
	case err != nil:
		fail(want, "head record: %v", err)
	case head.count != want-1:
		fail(min(head.count, want-1)+1, "head records %d entries, found %d (entries removed or added at the end)", head.count, want-1)
	case !bytes.Equal(head.last, prev):
		fail(want-1, "head does not match the last entry %d", want-1)
	}
	return entries, check
}

func hashOf(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// encodeAuditEntry: prev hash (32) || i64be(unix nanos) || uvarint-prefixed
// action, subject, detail.
func encodeAuditEntry(prev []byte, e AuditEntry) []byte {
	b := make([]byte, 0, hashLen+8+len(e.Action)+len(e.Subject)+len(e.Detail)+12)
	b = append(b, prev...)
	b = binary.BigEndian.AppendUint64(b, uint64(e.Time.UnixNano()))
	b = appendUvarintString(b, e.Action)
	b = appendUvarintString(b, e.Subject)
	return appendUvarintString(b, e.Detail)
}

func decodeAuditEntry(b []byte) ([]byte, AuditEntry, bool) {
	var e AuditEntry
	if len(b) < hashLen+8 {
		return nil, e, false
	}
	prev := b[:hashLen]
	e.Time = timeFromNanos(int64(binary.BigEndian.Uint64(b[hashLen:])))
	rest := b[hashLen+8:]
	var ok bool
	if e.Action, rest, ok = readUvarintString(rest); !ok {
		return nil, e, false
	}
	if e.Subject, rest, ok = readUvarintString(rest); !ok {
		return nil, e, false
	}
	if e.Detail, rest, ok = readUvarintString(rest); !ok || len(rest) != 0 {
		return nil, e, false
	}
	return prev, e, true
}

// readAuditHead opens the head record: u64be(count) || last hash (32).
func readAuditHead(b *bolt.Bucket, k *keyring) (auditHead, error) {
	sealed := b.Get(keyHead)
	if sealed == nil {
		return auditHead{}, fmt.Errorf("%w: audit head missing", ErrTampered)
	}
	pt, err := open(nil, k.audit, sealed, auditHeadAD(k.vaultID))
	if err != nil {
		return auditHead{}, fmt.Errorf("audit head: %w", err)
	}
	if len(pt) != 8+hashLen {
		return auditHead{}, fmt.Errorf("%w: malformed audit head", ErrTampered)
	}
	return auditHead{count: binary.BigEndian.Uint64(pt), last: pt[8:]}, nil
}

func putAuditHead(b *bolt.Bucket, rnd io.Reader, k *keyring, count uint64, last []byte) error {
	pt := append(u64(count), last...)
	sealed, err := seal(nil, rnd, k.audit, pt, auditHeadAD(k.vaultID))
	if err != nil {
		return err
	}
	return b.Put(keyHead, sealed)
}
