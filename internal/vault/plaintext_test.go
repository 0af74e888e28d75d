package vault

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	bolt "go.etcd.io/bbolt"
)

// secrets are distinctive strings that must never appear in the file.
var secrets = []string{
	"923609016",
	"19811218-9876",
	"198112189876",
	"Kunden har bytt revisor",
	"hemligt-lösenord-123",
	"-----BEGIN PRIVATE KEY-----",
}

// assertNoPlaintext fails if any secret, in raw, hex (both cases) or
// UTF-16 form, occurs in the file.
func assertNoPlaintext(t *testing.T, path, when string) {
	t.Helper()
	data := fileBytes(t, path)
	for _, s := range secrets {
		forms := [][]byte{
			[]byte(s),
			[]byte(hex.EncodeToString([]byte(s))),
			[]byte(strings.ToUpper(hex.EncodeToString([]byte(s)))),
		}
		u := utf16.Encode([]rune(s))
		le := make([]byte, 0, 2*len(u))
		for _, c := range u {
			le = append(le, byte(c), byte(c>>8))
		}
		forms = append(forms, le)
		for _, f := range forms {
			if bytes.Contains(data, f) {
				t.Fatalf("%s: %q found in the file", when, f)
			}
		}
	}
}

func TestNoPlaintextOnDisk(t *testing.T) {
	v, path := newTestVault(t)
	note := "Kunden har bytt revisor. Ägare 19811218-9876 (198112189876), lösen hemligt-lösenord-123"
	if err := v.Put("notes", "923609016", []byte(note)); err != nil {
		t.Fatal(err)
	}
	if err := v.Put("owners", "19811218-9876", []byte("923609016")); err != nil {
		t.Fatal(err)
	}
	if err := v.Put("certs", "923609016", []byte("-----BEGIN PRIVATE KEY-----\nMIIE...")); err != nil {
		t.Fatal(err)
	}
	blob := bytes.Repeat([]byte("Kunden har bytt revisor 923609016 19811218-9876\n"), 5000)
	if _, err := v.PutBlob(context.Background(), "aml/923609016/19811218-9876.pdf", bytes.NewReader(blob)); err != nil {
		t.Fatal(err)
	}
	err := v.Update(func(tx *Tx) error {
		if err := tx.Put("notes", "198112189876", []byte("hemligt-lösenord-123")); err != nil {
			return err
		}
		return tx.Audit(AuditEntry{Action: "reveal", Subject: "923609016", Detail: "19811218-9876 Kunden har bytt revisor"})
	})
	if err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	assertNoPlaintext(t, path, "after writes")
	if info, err := Inspect(path); err != nil || info.Blobs != 1 || info.Buckets["notes"] != 2 {
		t.Fatalf("Inspect: %+v %v", info, err)
	}

	// Capture the sealed bytes of what will be deleted, and the wrapped key.
	v = reopen(t, path)
	var deleted [][]byte
	var oldWrapped []byte
	_ = v.db.View(func(tx *bolt.Tx) error {
		for _, b := range []string{"notes", "certs"} {
			_ = recordBucket(tx, b).ForEach(func(_, val []byte) error {
				deleted = append(deleted, append([]byte(nil), val...))
				return nil
			})
		}
		_ = tx.Bucket(bktChunks).ForEach(func(_, val []byte) error {
			deleted = append(deleted, append([]byte(nil), val[:64]...))
			return nil
		})
		oldWrapped = append([]byte(nil), tx.Bucket(bktMeta).Get(keyWrapped)...)
		return nil
	})
	for _, id := range []string{"923609016", "198112189876"} {
		if err := v.Delete("notes", id); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.Delete("certs", "923609016"); err != nil {
		t.Fatal(err)
	}
	if err := v.DeleteBlob("aml/923609016/19811218-9876.pdf"); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, path, "after delete")

	// ChangePassword compacts: the deleted sealed values and the old
	// wrapped key are gone from the file.
	newPassword := []byte("nytt lösenord")
	if err := v.ChangePassword(testPassword, newPassword, testParams); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, path, "after ChangePassword")
	data := fileBytes(t, path)
	for i, d := range deleted {
		if bytes.Contains(data, d) {
			t.Fatalf("sealed bytes of deleted value %d still in the file after ChangePassword", i)
		}
	}
	if bytes.Contains(data, oldWrapped) || bytes.Contains(data, oldWrapped[nonceLen:]) {
		t.Fatal("old wrapped key still in the file after ChangePassword")
	}
	got, err := v.Get("owners", "19811218-9876")
	if err != nil || string(got) != "923609016" {
		t.Fatalf("Get after ChangePassword: %q %v", got, err)
	}
}

func TestChangePassword(t *testing.T) {
	v, path := newTestVault(t)
	for i := 0; i < 50; i++ {
		if err := v.Put("notes", string(rune('A'+i)), pattern(500, byte(i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := v.PutBlob(context.Background(), "doc", bytes.NewReader(pattern(200<<10, 1))); err != nil {
		t.Fatal(err)
	}
	if err := v.Audit(AuditEntry{Action: "import"}); err != nil {
		t.Fatal(err)
	}
	before, _ := v.Info()
	newPassword := []byte("ett helt nytt lösenord")
	newParams := Params{Time: 2, MemoryKiB: 128, Threads: 2}

	wantErr(t, v.ChangePassword([]byte("wrong"), newPassword, newParams), ErrWrongPassword)
	wantErr(t, v.ChangePassword(testPassword, newPassword, Params{Time: 1, MemoryKiB: 8, Threads: 1}), ErrWeakParams)
	if err := v.ChangePassword(testPassword, newPassword, newParams); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("mode after ChangePassword: %v %v", fi.Mode(), err)
		}
	}
	// Still open and usable, still exclusive.
	if got, err := v.Get("notes", "C"); err != nil || !bytes.Equal(got, pattern(500, 2)) {
		t.Fatalf("Get after ChangePassword: %v", err)
	}
	if err := v.Put("notes", "new", []byte("x")); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, newPassword, testOpts)
	wantErr(t, err, ErrAlreadyOpen)
	after, _ := v.Info()
	if after.Params != newParams || after.VaultID != before.VaultID || after.Buckets["notes"] != 51 || after.Blobs != 1 {
		t.Fatalf("Info after: %+v", after)
	}
	mustLock(t, v)

	_, err = Open(path, testPassword, testOpts)
	wantErr(t, err, ErrWrongPassword)
	v, err = Open(path, newPassword, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Lock()
	for i := 0; i < 50; i++ {
		got, err := v.Get("notes", string(rune('A'+i)))
		if err != nil || !bytes.Equal(got, pattern(500, byte(i))) {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if got := readBlob(t, v, "doc"); !bytes.Equal(got, pattern(200<<10, 1)) {
		t.Fatal("blob differs")
	}
	if entries, check, err := v.AuditLog(); err != nil || !check.Intact || len(entries) != 1 {
		t.Fatalf("audit: %v %+v %v", entries, check, err)
	}
	// No compaction leftovers in the directory.
	dirEntries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirEntries) != 1 {
		t.Fatalf("directory has %d entries", len(dirEntries))
	}
}

func TestCompact(t *testing.T) {
	v, path := newTestVault(t)
	err := v.Update(func(tx *Tx) error {
		for i := 0; i < 300; i++ {
			if err := tx.Put("notes", string(rune(0x100+i)), pattern(2000, byte(i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = v.Update(func(tx *Tx) error {
		for i := 0; i < 290; i++ {
			if err := tx.Delete("notes", string(rune(0x100+i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := len(fileBytes(t, path))
	if err := v.Compact(); err != nil {
		t.Fatal(err)
	}
	after := len(fileBytes(t, path))
	if after >= before {
		t.Fatalf("Compact did not shrink the file: %d -> %d", before, after)
	}
	if n, _ := v.Count("notes"); n != 10 {
		t.Fatalf("Count = %d", n)
	}
	if got, err := v.Get("notes", string(rune(0x100+295))); err != nil || !bytes.Equal(got, pattern(2000, byte(295%256))) {
		t.Fatalf("Get after Compact: %v", err)
	}
	// Chunks no manifest refers to (e.g. after a tampered manifest was
	// deleted) are dropped by Compact.
	if _, err := v.PutBlob(context.Background(), "doc", bytes.NewReader(pattern(100, 1))); err != nil {
		t.Fatal(err)
	}
	_ = v.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bktBlobs)
		for _, k := range keysOf(b) {
			_ = b.Delete(k)
		}
		return nil
	})
	if c, _ := chunkCount(t, v); c != 1 {
		t.Fatalf("%d chunks", c)
	}
	if err := v.Compact(); err != nil {
		t.Fatal(err)
	}
	if c, _ := chunkCount(t, v); c != 0 {
		t.Fatalf("%d orphan chunks after Compact", c)
	}
	mustLock(t, v)
	wantErr(t, v.Compact(), ErrLocked)
}
