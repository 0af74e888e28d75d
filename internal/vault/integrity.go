package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// This file holds what lets the vault notice damage that authentication
// of single values cannot see: a redundant copy of the clear header with
// an unkeyed checksum, and a sealed manifest per set of keys (each record
// bucket, and the blob manifests) that records how many keys the set has
// and the XOR of its keys. The record and blob keys are themselves keyed
// hashes, so the XOR is a keyed hash of the set; it is updated in the
// transaction that changes the set. Both live in the top-level bucket
// "check", which files written before it existed (the golden version-1
// file) get on their first open.

// ErrHeaderDamaged is returned by Open when the clear header does not
// match its redundant copy, whose checksum is intact: the header is
// damaged. Open with OpenOptions.Repair set uses the copy and repairs the
// header. Errors wrapping it also wrap what the damaged header alone
// would have given (ErrWrongPassword, ErrNotVault, ErrWeakParams).
var ErrHeaderDamaged = errors.New("vault: the vault's header is damaged")

var (
	bktCheck      = []byte("check")  // header copy and key-set manifests
	keyHeaderCopy = []byte("header") // in bktCheck
	keyBlobSet    = []byte("blobs")  // in bktCheck: the manifest of bktBlobs
	setPrefix     = "r/"             // in bktCheck: "r/" + bucket name
)

// kindKeySet is the AEAD kind of a key-set manifest.
const kindKeySet = 7

// headerCopyLen: magic (13) || u32be(version) || id || kdf || salt ||
// wrapped key || SHA-256 of all before.
const headerCopyLen = 13 + 4 + vaultIDLen + kdfLen + saltLen + wrappedLen + sha256.Size

func encodeHeaderCopy(h header) []byte {
	b := make([]byte, 0, headerCopyLen)
	b = append(b, magicValue...)
	b = binary.BigEndian.AppendUint32(b, uint32(h.version))
	b = append(b, h.id[:]...)
	b = append(b, encodeKDF(h.params)...)
	b = append(b, h.salt...)
	b = append(b, h.wrapped...)
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

// copyState is what readHeaderCopy found.
type copyState int

const (
	copyAbsent copyState = iota // no check bucket: a file from before the copy
	copyBad                     // present but damaged (or missing from the check bucket)
	copyOK                      // checksum and fields valid
)

// readHeaderCopy parses the redundant header copy.
func readHeaderCopy(tx *bolt.Tx) (header, copyState) {
	c := tx.Bucket(bktCheck)
	if c == nil {
		return header{}, copyAbsent
	}
	b := c.Get(keyHeaderCopy)
	if len(b) != headerCopyLen {
		return header{}, copyBad
	}
	body := b[:headerCopyLen-sha256.Size]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], b[len(body):]) || !bytes.HasPrefix(body, magicValue) {
		return header{}, copyBad
	}
	r := body[len(magicValue):]
	h := header{version: int(binary.BigEndian.Uint32(r))}
	r = r[4:]
	copy(h.id[:], r)
	r = r[vaultIDLen:]
	p, err := decodeKDF(r[:kdfLen])
	if err != nil || h.version != FormatVersion || !p.valid() {
		return header{}, copyBad
	}
	h.params = p
	r = r[kdfLen:]
	h.salt = append([]byte(nil), r[:saltLen]...)
	h.wrapped = append([]byte(nil), r[saltLen:]...)
	return h, copyOK
}

// equal reports whether h and o hold the same header.
func (h header) equal(o header) bool {
	return h.version == o.version && h.id == o.id && h.params == o.params &&
		bytes.Equal(h.salt, o.salt) && bytes.Equal(h.wrapped, o.wrapped)
}

// writeHeaderAndCopy writes h into the meta bucket and its copy into the
// check bucket (created if missing).
func writeHeaderAndCopy(tx *bolt.Tx, h header) error {
	if err := writeHeader(tx.Bucket(bktMeta), h); err != nil {
		return err
	}
	c, err := tx.CreateBucketIfNotExists(bktCheck)
	if err != nil {
		return err
	}
	return c.Put(keyHeaderCopy, encodeHeaderCopy(h))
}

// keySet is the manifest of one set of keys.
type keySet struct {
	count uint64
	xor   [hashLen]byte
}

// toggle adds or removes key (XOR is its own inverse).
func (s *keySet) toggle(key []byte) {
	for i := range min(len(key), hashLen) {
		s.xor[i] ^= key[i]
	}
}

func recordSetName(bucket string) []byte { return append([]byte(setPrefix), bucket...) }

// keySetAD: prefix(kindKeySet) || name of the set.
func keySetAD(id [vaultIDLen]byte, name []byte) []byte {
	return append(adPrefix(nil, id, kindKeySet), name...)
}

// readKeySet opens the manifest called name; ok is false if it is absent.
func readKeySet(tx *bolt.Tx, k *keyring, name []byte) (s keySet, ok bool, err error) {
	c := tx.Bucket(bktCheck)
	if c == nil {
		return s, false, fmt.Errorf("%w: check bucket missing", ErrCorrupt)
	}
	sealed := c.Get(name)
	if sealed == nil {
		return s, false, nil
	}
	pt, err := open(nil, k.records, sealed, keySetAD(k.vaultID, name))
	if err != nil || len(pt) != 8+hashLen {
		return s, false, fmt.Errorf("%w: key-set manifest", ErrTampered)
	}
	s.count = binary.BigEndian.Uint64(pt)
	copy(s.xor[:], pt[8:])
	return s, true, nil
}

// putKeySet seals and stores the manifest called name.
func putKeySet(tx *bolt.Tx, rnd io.Reader, k *keyring, name []byte, s keySet) error {
	c, err := tx.CreateBucketIfNotExists(bktCheck)
	if err != nil {
		return err
	}
	sealed, err := seal(nil, rnd, k.records, append(u64(s.count), s.xor[:]...), keySetAD(k.vaultID, name))
	if err != nil {
		return err
	}
	return c.Put(name, sealed)
}

// setOf computes the key set of the values of b, checking that every key
// has keyLen bytes and that b holds no sub-bucket.
func setOf(b *bolt.Bucket, keyLen int) (keySet, error) {
	var s keySet
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil || len(k) != keyLen {
			return s, fmt.Errorf("%w: unexpected key", ErrCorrupt)
		}
		s.count++
		s.toggle(k)
	}
	return s, nil
}

// verifyRecordSet checks that the record bucket called bucket holds
// exactly the keys its manifest records (a missing bucket must have no
// manifest, or an empty one).
func verifyRecordSet(tx *bolt.Tx, k *keyring, bucket string) error {
	want, ok, err := readKeySet(tx, k, recordSetName(bucket))
	if err != nil {
		return err
	}
	var got keySet
	if b := tx.Bucket(bktRecords).Bucket([]byte(bucket)); b != nil {
		if got, err = setOf(b, hashLen); err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: bucket %q has no manifest", ErrTampered, bucket)
		}
	}
	if got != want {
		return fmt.Errorf("%w: records of bucket %q missing or changed", ErrTampered, bucket)
	}
	return nil
}

// verifyFile checks the shape of every bucket and every key-set manifest.
// It runs at Open, after the page structure check and the unlock. A file
// without the check bucket (written before it existed) is only checked
// for shape; legacy reports that.
func verifyFile(tx *bolt.Tx, k *keyring) (legacy bool, err error) {
	known := map[string]bool{string(bktCheck): true}
	for _, n := range topBuckets {
		known[string(n)] = true
	}
	err = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if !known[string(name)] {
			return fmt.Errorf("%w: unknown top-level bucket", ErrCorrupt)
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	c := tx.Cursor()
	for name, v := c.First(); name != nil; name, v = c.Next() {
		if v != nil {
			return false, fmt.Errorf("%w: value among the top-level buckets", ErrCorrupt)
		}
	}
	legacy = tx.Bucket(bktCheck) == nil
	shapes := []struct {
		bucket []byte
		keyLen int
	}{{bktChunks, blobIDLen + 4}, {bktPending, blobIDLen}}
	for _, sh := range shapes {
		if _, err := setOf(tx.Bucket(sh.bucket), sh.keyLen); err != nil {
			return false, fmt.Errorf("bucket %q: %w", sh.bucket, err)
		}
	}
	if err := tx.Bucket(bktAudit).ForEach(func(key, v []byte) error {
		if v == nil || (len(key) != 8 && !bytes.Equal(key, keyHead)) {
			return fmt.Errorf("%w: unexpected key in the audit log", ErrCorrupt)
		}
		return nil
	}); err != nil {
		return false, err
	}
	if n := tx.Bucket(bktMeta).Stats().KeyN; n != 6 || tx.Bucket(bktMeta).Stats().BucketN != 1 {
		return false, fmt.Errorf("%w: header has %d fields", ErrCorrupt, n)
	}
	blobs, err := setOf(tx.Bucket(bktBlobs), hashLen)
	if err != nil {
		return false, fmt.Errorf("blob manifests: %w", err)
	}
	recs := tx.Bucket(bktRecords)
	var names []string
	rc := recs.Cursor()
	for name, v := rc.First(); name != nil; name, v = rc.Next() {
		if v != nil || recs.Bucket(name) == nil {
			return false, fmt.Errorf("%w: value among the record buckets", ErrCorrupt)
		}
		names = append(names, string(name))
	}
	if legacy {
		for _, name := range names {
			if _, err := setOf(recs.Bucket([]byte(name)), hashLen); err != nil {
				return false, fmt.Errorf("bucket %q: %w", name, err)
			}
		}
		return true, nil
	}
	want, ok, err := readKeySet(tx, k, keyBlobSet)
	if err == nil && (!ok || want != blobs) {
		err = fmt.Errorf("%w: blobs missing or changed", ErrTampered)
	}
	if err != nil {
		return false, err
	}
	for _, name := range names {
		if err := verifyRecordSet(tx, k, name); err != nil {
			return false, err
		}
	}
	// Every manifest must belong to a bucket that exists.
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	err = tx.Bucket(bktCheck).ForEach(func(key, v []byte) error {
		switch {
		case v == nil:
			return fmt.Errorf("%w: sub-bucket in the check bucket", ErrCorrupt)
		case bytes.Equal(key, keyHeaderCopy), bytes.Equal(key, keyBlobSet):
			return nil
		case bytes.HasPrefix(key, []byte(setPrefix)) && have[string(key[len(setPrefix):])]:
			return nil
		}
		return fmt.Errorf("%w: a record bucket is missing", ErrTampered)
	})
	return false, err
}

// changeBlobSet adds (delta 1) or removes (delta -1) key in the manifest
// of the blob manifests.
func changeBlobSet(tx *bolt.Tx, rnd io.Reader, k *keyring, key []byte, delta int) error {
	set, ok, err := readKeySet(tx, k, keyBlobSet)
	if err == nil && !ok {
		err = fmt.Errorf("%w: blob set manifest missing", ErrTampered)
	}
	if err != nil {
		return err
	}
	set.count += uint64(delta)
	set.toggle(key)
	return putKeySet(tx, rnd, k, keyBlobSet, set)
}

// verifyBlobSet checks the blob manifests against their key set.
func verifyBlobSet(tx *bolt.Tx, k *keyring) error {
	got, err := setOf(tx.Bucket(bktBlobs), hashLen)
	if err != nil {
		return err
	}
	want, ok, err := readKeySet(tx, k, keyBlobSet)
	if err == nil && (!ok || want != got) {
		err = fmt.Errorf("%w: blobs missing or changed", ErrTampered)
	}
	return err
}

// migrate writes the manifests of a file written before they existed.
func migrate(tx *bolt.Tx, rnd io.Reader, k *keyring) error {
	blobs, err := setOf(tx.Bucket(bktBlobs), hashLen)
	if err != nil {
		return err
	}
	if err := putKeySet(tx, rnd, k, keyBlobSet, blobs); err != nil {
		return err
	}
	recs := tx.Bucket(bktRecords)
	return recs.ForEach(func(name, _ []byte) error {
		s, err := setOf(recs.Bucket(name), hashLen)
		if err != nil {
			return err
		}
		return putKeySet(tx, rnd, k, recordSetName(string(name)), s)
	})
}
