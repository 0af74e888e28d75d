package vault

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// testParams are tiny Argon2id parameters so tests run fast; vaults made
// with them open only with testOpts (lowered MinParams).
var testParams = Params{Time: 1, MemoryKiB: 64, Threads: 1}

var testOpts = OpenOptions{MinParams: testParams}

var testPassword = []byte("correct horse battery staple")

// newTestVault creates a vault with tiny parameters in a temp dir.
func newTestVault(t testing.TB) (*Vault, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.vault")
	v, err := Create(path, testPassword, CreateOptions{Params: testParams, OpenOptions: testOpts})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { _ = v.Lock() })
	return v, path
}

func reopen(t testing.TB, path string) *Vault {
	t.Helper()
	v, err := Open(path, testPassword, testOpts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = v.Lock() })
	return v
}

func mustLock(t testing.TB, v *Vault) {
	t.Helper()
	if err := v.Lock(); err != nil {
		t.Fatalf("Lock: %v", err)
	}
}

// rawUpdate opens the (closed) vault file with plain bbolt and runs fn.
func rawUpdate(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatalf("raw update: %v", err)
	}
}

// rawView opens the (closed) vault file with plain bbolt and runs fn.
func rawView(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer db.Close()
	if err := db.View(fn); err != nil {
		t.Fatalf("raw view: %v", err)
	}
}

// recordBucket returns the raw nested bucket of a record bucket.
func recordBucket(tx *bolt.Tx, name string) *bolt.Bucket {
	return tx.Bucket(bktRecords).Bucket([]byte(name))
}

// keysOf lists the keys of a raw bucket (values only, no sub-buckets).
func keysOf(b *bolt.Bucket) [][]byte {
	var keys [][]byte
	_ = b.ForEach(func(k, v []byte) error {
		if v != nil {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	return keys
}

func wantErr(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("got error %v, want %v", err, target)
	}
}

func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pattern(n int, seed byte) []byte {
	b := make([]byte, n)
	x := uint32(seed) + 1
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	return b
}

func equalBytes(a, b []byte) bool { return bytes.Equal(a, b) }

// setRawKDF writes p into the header and into its copy, with a valid
// checksum: what an attacker who rewrites both would leave.
func setRawKDF(tx *bolt.Tx, p Params) error {
	if err := tx.Bucket(bktMeta).Put(keyKDF, encodeKDF(p)); err != nil {
		return err
	}
	c := tx.Bucket(bktCheck)
	cp := append([]byte(nil), c.Get(keyHeaderCopy)...)
	copy(cp[13+4+vaultIDLen:], encodeKDF(p))
	body := cp[:len(cp)-32]
	sum := sha256.Sum256(body)
	copy(cp[len(body):], sum[:])
	return c.Put(keyHeaderCopy, cp)
}
