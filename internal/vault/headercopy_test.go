package vault

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestHeaderCopy damages each field of the clear header in turn: Open
// reports ErrHeaderDamaged (together with what the damaged field alone
// would give), Open with Repair opens the vault with the intact copy and
// repairs the header, and a plain Open works afterwards. Damage to the
// copy is harmless and repaired on the next Open.
func TestHeaderCopy(t *testing.T) {
	tests := []struct {
		field string
		also  error // what the damaged header alone gives
	}{
		{"magic", ErrNotVault},
		{"version", ErrNotVault},
		{"vault-id", ErrWrongPassword},
		{"kdf", ErrNotVault}, // byte 0 is the KDF identifier
		{"salt", ErrWrongPassword},
		{"wrapped-key", ErrWrongPassword},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			v, path, want := makeSmallVault(t)
			mustLock(t, v)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				m := tx.Bucket(bktMeta)
				val := append([]byte(nil), m.Get([]byte(tt.field))...)
				val[0] ^= 0x01
				return m.Put([]byte(tt.field), val)
			})
			_, err := Open(path, testPassword, testOpts)
			wantErr(t, err, ErrHeaderDamaged)
			wantErr(t, err, tt.also)
			if !strings.Contains(err.Error(), "the vault's header is damaged") {
				t.Errorf("message %q", err)
			}
			opts := testOpts
			opts.Repair = true
			_, err = Open(path, []byte("wrong"), opts)
			wantErr(t, err, ErrWrongPassword)
			v, err = Open(path, testPassword, opts)
			if err != nil {
				t.Fatalf("Open with Repair: %v", err)
			}
			if p := want.verify(t, v); p != 0 {
				t.Fatalf("repaired vault reports %d problems", p)
			}
			mustLock(t, v)
			v = reopen(t, path)
			if p := want.verify(t, v); p != 0 {
				t.Fatalf("reopened vault reports %d problems", p)
			}
		})
	}
	t.Run("copy", func(t *testing.T) {
		v, path, want := makeSmallVault(t)
		mustLock(t, v)
		var good []byte
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			c := tx.Bucket(bktCheck)
			good = append([]byte(nil), c.Get(keyHeaderCopy)...)
			bad := append([]byte(nil), good...)
			bad[40] ^= 0x10
			return c.Put(keyHeaderCopy, bad)
		})
		v = reopen(t, path)
		if p := want.verify(t, v); p != 0 {
			t.Fatalf("vault with a damaged copy reports %d problems", p)
		}
		mustLock(t, v)
		rawView(t, path, func(tx *bolt.Tx) error {
			if got := tx.Bucket(bktCheck).Get(keyHeaderCopy); !bytes.Equal(got, good) {
				t.Error("header copy not repaired")
			}
			return nil
		})
	})
}

// TestMetaPageDamage damages the newest bbolt meta page: Open reports that
// the last change may be lost instead of silently falling back to the
// previous one; Open with Repair opens the previous state.
func TestMetaPageDamage(t *testing.T) {
	v, path := newTestVault(t)
	if err := v.Put("notes", "first", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	if err := v.Put("notes", "last", []byte("lost")); err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	data := fileBytes(t, path)
	ps := int64(os.Getpagesize())
	m0, _ := readBoltMeta(bytes.NewReader(data), 0)
	m1, _ := readBoltMeta(bytes.NewReader(data), ps)
	newest := int64(0)
	if m1.txid > m0.txid {
		newest = ps
	}
	data[newest+boltPageHeader+20] ^= 0x04 // the root page id
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testPassword, testOpts)
	wantErr(t, err, ErrCorrupt)
	if !errors.Is(err, ErrMetaDamaged) || !strings.Contains(err.Error(), "the last change may be lost") {
		t.Fatalf("Open: %v", err)
	}
	_, err = Inspect(path)
	wantErr(t, err, ErrCorrupt)
	opts := testOpts
	opts.Repair = true
	v, err = Open(path, testPassword, opts)
	if err != nil {
		t.Fatalf("Open with Repair: %v", err)
	}
	got, err := v.Get("notes", "first")
	if err != nil || string(got) != "kept" {
		t.Fatalf("Get(first) = %q, %v", got, err)
	}
	_, err = v.Get("notes", "last")
	wantErr(t, err, ErrNotFound)
	// The next commit rewrites the damaged meta page.
	if err := v.Put("notes", "again", []byte("x")); err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	mustLock(t, reopen(t, path))
}

// TestGoldenMigrates opens a copy of the golden file, written before the
// check bucket existed: the first open adds the bucket (header copy and
// manifests), and later opens check it, with the same content.
func TestGoldenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "golden.db")
	if err := os.WriteFile(path, fileBytes(t, goldenFile), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, wantCheck := range []bool{false, true, true} {
		rawView(t, path, func(tx *bolt.Tx) error {
			if got := tx.Bucket(bktCheck) != nil; got != wantCheck {
				t.Fatalf("open %d: check bucket present %v, want %v", i, got, wantCheck)
			}
			return nil
		})
		v, err := Open(path, goldenPassword, goldenOpts)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		for _, r := range goldenRecords {
			got, err := v.Get(r.bucket, r.id)
			if err != nil || string(got) != r.value {
				t.Fatalf("open %d: Get(%s, %s) = %q, %v", i, r.bucket, r.id, got, err)
			}
		}
		if _, err := v.StatBlob(goldenBlobName); err != nil {
			t.Fatalf("open %d: StatBlob: %v", i, err)
		}
		mustLock(t, v)
	}
	// Once there, the manifests are checked: a record bucket's removed.
	rawUpdate(t, path, func(tx *bolt.Tx) error { return tx.Bucket(bktCheck).Delete(recordSetName("owners")) })
	_, err := Open(path, goldenPassword, goldenOpts)
	wantErr(t, err, ErrTampered)
}
