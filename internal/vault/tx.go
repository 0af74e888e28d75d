package vault

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// errTxClosed is returned when a Tx is used after its function returned.
var errTxClosed = errors.New("vault: transaction is closed")

// errReadOnly is returned when a write is attempted in a View.
var errReadOnly = errors.New("vault: write in a read-only transaction")

// Tx is a transaction on the records and the audit log, passed to the
// function given to Vault.Update or Vault.View. It is valid only until
// that function returns and must not be used from other goroutines.
//
// Writes in an Update are applied atomically when the function returns
// nil and discarded when it returns an error. A Tx sees its own writes.
type Tx struct {
	v        *Vault
	keys     *keyring
	btx      *bolt.Tx
	writable bool
	closed   bool
	mac      hash.Hash
	ad       []byte // scratch for associated data
	pt       []byte // scratch for plaintext
	// pending holds this transaction's sealed record writes (nil value =
	// delete) per bucket and storage key. They are applied in key order at
	// commit: bbolt splits pages only at commit, and inserting many hashed
	// (random) keys one by one into the same page is quadratic.
	pending map[string]map[string][]byte
	// verified holds the buckets whose records were checked against
	// their manifest in this transaction (see missing).
	verified map[string]bool
}

// Update runs fn in a read-write transaction. If fn returns nil the
// writes, including audit entries appended with Tx.Audit, are committed
// atomically and durably (fsync) before Update returns; otherwise they
// are discarded and fn's error is returned. fn must not call methods of
// the Vault.
func (v *Vault) Update(fn func(tx *Tx) error) error {
	return v.read(func(k *keyring) error {
		var fnErr error
		err := v.db.Update(func(btx *bolt.Tx) error {
			t := &Tx{v: v, keys: k, btx: btx, writable: true}
			defer func() { t.closed = true }()
			if fnErr = fn(t); fnErr != nil {
				return fnErr
			}
			return t.flush()
		})
		if err != nil && err != fnErr {
			return fmt.Errorf("vault: update: %w", err)
		}
		return err
	})
}

// View runs fn in a read-only transaction that sees a consistent
// snapshot. fn's error is returned. fn must not call methods of the Vault.
func (v *Vault) View(fn func(tx *Tx) error) error {
	return v.read(func(k *keyring) error {
		var fnErr error
		err := v.db.View(func(btx *bolt.Tx) error {
			t := &Tx{v: v, keys: k, btx: btx}
			defer func() { t.closed = true }()
			fnErr = fn(t)
			return fnErr
		})
		if err != nil && err != fnErr {
			return fmt.Errorf("vault: view: %w", err)
		}
		return err
	})
}

// Put stores value under id in bucket, creating the bucket if needed and
// replacing any previous value. value is copied.
func (v *Vault) Put(bucket, id string, value []byte) error {
	return v.Update(func(tx *Tx) error { return tx.Put(bucket, id, value) })
}

// Get returns the value stored under id in bucket, or ErrNotFound.
func (v *Vault) Get(bucket, id string) ([]byte, error) {
	var val []byte
	err := v.View(func(tx *Tx) (err error) {
		val, err = tx.Get(bucket, id)
		return err
	})
	return val, err
}

// Delete removes the record id from bucket; ErrNotFound if it does not
// exist. The sealed bytes remain in free pages of the file until the
// next Compact or ChangePassword.
func (v *Vault) Delete(bucket, id string) error {
	return v.Update(func(tx *Tx) error { return tx.Delete(bucket, id) })
}

// ForEach calls fn with the natural id and value of every record in
// bucket, in an unspecified (hash) order. A missing bucket has no
// records. If fn returns an error, iteration stops and the error is
// returned. fn must not call methods of the Vault.
func (v *Vault) ForEach(bucket string, fn func(id string, value []byte) error) error {
	return v.View(func(tx *Tx) error { return tx.ForEach(bucket, fn) })
}

// Count returns the number of records in bucket (0 if it does not exist).
func (v *Vault) Count(bucket string) (int, error) {
	var n int
	err := v.View(func(tx *Tx) (err error) {
		n, err = tx.Count(bucket)
		return err
	})
	return n, err
}

// Buckets returns the names of all buckets that exist, sorted.
func (v *Vault) Buckets() ([]string, error) {
	var names []string
	err := v.View(func(tx *Tx) error {
		return tx.btx.Bucket(bktRecords).ForEach(func(k, val []byte) error {
			if val == nil {
				names = append(names, string(k))
			}
			return nil
		})
	})
	return names, err
}

func (t *Tx) check(write bool) error {
	if t.closed {
		return errTxClosed
	}
	if write && !t.writable {
		return errReadOnly
	}
	return nil
}

func (t *Tx) hash() hash.Hash {
	if t.mac == nil {
		t.mac = t.keys.mac()
	}
	return t.mac
}

// Put stores value under id in bucket (see Vault.Put).
func (t *Tx) Put(bucket, id string, value []byte) error {
	if err := t.check(true); err != nil {
		return err
	}
	if err := checkBucket(bucket); err != nil {
		return fmt.Errorf("vault: put: %w", err)
	}
	if err := checkName("id", id, MaxIDLen); err != nil {
		return fmt.Errorf("vault: put in %q: %w", bucket, err)
	}
	if len(value) > MaxValueSize {
		return fmt.Errorf("vault: put in %q: %w: value of %d bytes (limit %d)", bucket, ErrTooLarge, len(value), MaxValueSize)
	}
	key := recordKey(t.hash(), bucket, id)
	t.pt = append(appendUvarintString(t.pt[:0], id), value...)
	t.ad = recordAD(t.ad[:0], t.keys.vaultID, bucket, key)
	sealed, err := seal(make([]byte, 0, overhead+len(t.pt)), t.v.rand, t.keys.records, t.pt, t.ad)
	clear(t.pt)
	if err != nil {
		return fmt.Errorf("vault: put in %q: %w", bucket, err)
	}
	if t.pending == nil {
		t.pending = map[string]map[string][]byte{}
	}
	pb := t.pending[bucket]
	if pb == nil {
		pb = map[string][]byte{}
		t.pending[bucket] = pb
	}
	pb[string(key)] = sealed
	return nil
}

// lookup returns the sealed value stored under key in bucket, looking at
// this transaction's pending writes first; nil if absent.
func (t *Tx) lookup(bucket string, key []byte) []byte {
	if sealed, ok := t.pending[bucket][string(key)]; ok {
		return sealed
	}
	if b := t.btx.Bucket(bktRecords).Bucket([]byte(bucket)); b != nil {
		return b.Get(key)
	}
	return nil
}

// Get returns the value stored under id in bucket (see Vault.Get).
func (t *Tx) Get(bucket, id string) ([]byte, error) {
	if err := t.check(false); err != nil {
		return nil, err
	}
	if err := checkBucket(bucket); err != nil {
		return nil, fmt.Errorf("vault: get: %w", err)
	}
	if err := checkName("id", id, MaxIDLen); err != nil {
		return nil, fmt.Errorf("vault: get from %q: %w", bucket, err)
	}
	key := recordKey(t.hash(), bucket, id)
	sealed := t.lookup(bucket, key)
	if sealed == nil {
		// Nothing found: make sure that is not because the bucket lost
		// the record to damage.
		if err := t.missing(bucket); err != nil {
			return nil, fmt.Errorf("vault: get from %q: %w", bucket, err)
		}
		return nil, fmt.Errorf("vault: get from %q: %w", bucket, ErrNotFound)
	}
	gotID, val, err := t.openRecord(bucket, key, sealed)
	if err == nil && gotID != id {
		err = ErrTampered
	}
	if err != nil {
		return nil, fmt.Errorf("vault: get from %q: %w", bucket, err)
	}
	return val, nil
}

// missing checks, for a record not found in bucket, that the bucket holds
// exactly the records its manifest says, so that "not found" is never
// damage. The check reads every key of the bucket, so it is made once per
// transaction (the bucket's committed records do not change before the
// commit: this transaction's writes are applied then), and once per
// committed state for read transactions (Vault.setsChecked): a check of
// 10,000 new clients would otherwise read the bucket 10,000 times.
func (t *Tx) missing(bucket string) error {
	if t.verified[bucket] {
		return nil
	}
	read := !t.btx.Writable()
	if read && t.v.setChecked(bucket, t.btx.ID()) {
		return nil
	}
	if err := verifyRecordSet(t.btx, t.keys, bucket); err != nil {
		return err
	}
	if t.verified == nil {
		t.verified = map[string]bool{}
	}
	t.verified[bucket] = true
	if read {
		t.v.markSetChecked(bucket, t.btx.ID())
	}
	return nil
}

// openRecord authenticates and decrypts a sealed record stored under key
// in bucket and splits it into natural id and value.
func (t *Tx) openRecord(bucket string, key, sealed []byte) (string, []byte, error) {
	t.ad = recordAD(t.ad[:0], t.keys.vaultID, bucket, key)
	pt, err := open(nil, t.keys.records, sealed, t.ad)
	if err != nil {
		return "", nil, err
	}
	id, val, ok := readUvarintString(pt)
	if !ok || id == "" {
		return "", nil, ErrTampered
	}
	if val == nil {
		val = []byte{}
	}
	return id, val, nil
}

// Delete removes the record id from bucket (see Vault.Delete).
func (t *Tx) Delete(bucket, id string) error {
	if err := t.check(true); err != nil {
		return err
	}
	if err := checkBucket(bucket); err != nil {
		return fmt.Errorf("vault: delete: %w", err)
	}
	if err := checkName("id", id, MaxIDLen); err != nil {
		return fmt.Errorf("vault: delete from %q: %w", bucket, err)
	}
	key := recordKey(t.hash(), bucket, id)
	if t.lookup(bucket, key) == nil {
		return fmt.Errorf("vault: delete from %q: %w", bucket, ErrNotFound)
	}
	if t.pending == nil {
		t.pending = map[string]map[string][]byte{}
	}
	if t.pending[bucket] == nil {
		t.pending[bucket] = map[string][]byte{}
	}
	t.pending[bucket][string(key)] = nil
	return nil
}

// ForEach calls fn for every record in bucket (see Vault.ForEach). It
// sees the bucket as it was when ForEach was called, including this
// transaction's earlier writes; writes made by fn are not visited.
func (t *Tx) ForEach(bucket string, fn func(id string, value []byte) error) error {
	if err := t.check(false); err != nil {
		return err
	}
	if err := checkBucket(bucket); err != nil {
		return fmt.Errorf("vault: for each: %w", err)
	}
	// Snapshot this transaction's pending writes to the bucket.
	var snap map[string][]byte
	if pb := t.pending[bucket]; len(pb) > 0 {
		snap = make(map[string][]byte, len(pb))
		for k, s := range pb {
			snap[k] = s
		}
	}
	visit := func(key, sealed []byte) error {
		id, val, err := t.openRecord(bucket, key, sealed)
		if err == nil && !bytes.Equal(recordKey(t.hash(), bucket, id), key) {
			err = ErrTampered
		}
		if err != nil {
			return fmt.Errorf("vault: for each in %q: %w", bucket, err)
		}
		return fn(id, val)
	}
	// disk is the set of keys stored in the file, checked against the
	// bucket's manifest once every record has been visited.
	var disk keySet
	if b := t.btx.Bucket(bktRecords).Bucket([]byte(bucket)); b != nil {
		c := b.Cursor()
		for k, sealed := c.First(); k != nil; k, sealed = c.Next() {
			if sealed == nil || len(k) != hashLen {
				return fmt.Errorf("vault: for each in %q: %w: unexpected key", bucket, ErrCorrupt)
			}
			disk.count++
			disk.toggle(k)
			if s, ok := snap[string(k)]; ok {
				delete(snap, string(k))
				if s == nil {
					continue
				}
				sealed = s
			}
			if err := visit(k, sealed); err != nil {
				return err
			}
		}
	}
	want, _, err := readKeySet(t.btx, t.keys, recordSetName(bucket))
	if err == nil && want != disk {
		err = fmt.Errorf("%w: records missing or changed", ErrTampered)
	}
	if err != nil {
		return fmt.Errorf("vault: for each in %q: %w", bucket, err)
	}
	keys := make([]string, 0, len(snap))
	for k, s := range snap {
		if s != nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := visit([]byte(k), snap[k]); err != nil {
			return err
		}
	}
	return nil
}

// Count returns the number of records in bucket (see Vault.Count).
func (t *Tx) Count(bucket string) (int, error) {
	if err := t.check(false); err != nil {
		return 0, err
	}
	if err := checkBucket(bucket); err != nil {
		return 0, fmt.Errorf("vault: count: %w", err)
	}
	n := 0
	b := t.btx.Bucket(bktRecords).Bucket([]byte(bucket))
	if b != nil {
		n = b.Stats().KeyN
	}
	for k, s := range t.pending[bucket] {
		exists := b != nil && b.Get([]byte(k)) != nil
		switch {
		case s == nil && exists:
			n--
		case s != nil && !exists:
			n++
		}
	}
	return n, nil
}

// flush applies the pending record writes in key order.
func (t *Tx) flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	recs := t.btx.Bucket(bktRecords)
	if recs == nil {
		return fmt.Errorf("vault: update: %w: records bucket missing", ErrCorrupt)
	}
	buckets := make([]string, 0, len(t.pending))
	for name := range t.pending {
		buckets = append(buckets, name)
	}
	sort.Strings(buckets)
	for _, name := range buckets {
		pb := t.pending[name]
		keys := make([]string, 0, len(pb))
		for k := range pb {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		setName := recordSetName(name)
		set, ok, err := readKeySet(t.btx, t.keys, setName)
		fresh := recs.Bucket([]byte(name)) == nil // then no key exists yet
		if err == nil && !ok && !fresh {
			err = fmt.Errorf("%w: bucket has no manifest", ErrTampered)
		}
		if err != nil {
			return fmt.Errorf("vault: update: bucket %q: %w", name, err)
		}
		b, err := recs.CreateBucketIfNotExists([]byte(name))
		if err != nil {
			return fmt.Errorf("vault: update: bucket %q: %w", name, err)
		}
		for _, k := range keys {
			key := []byte(k)
			existed := !fresh && b.Get(key) != nil
			if s := pb[k]; s != nil {
				if !existed {
					set.count++
					set.toggle(key)
				}
				err = b.Put(key, s)
			} else {
				if existed {
					set.count--
					set.toggle(key)
				}
				err = b.Delete(key)
			}
			if err != nil {
				return fmt.Errorf("vault: update: bucket %q: %w", name, err)
			}
		}
		if err := putKeySet(t.btx, t.v.rand, t.keys, setName, set); err != nil {
			return fmt.Errorf("vault: update: bucket %q: %w", name, err)
		}
	}
	t.pending = nil
	return nil
}
