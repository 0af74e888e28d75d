package vault

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/chacha20poly1305"
)

func TestRoundTrip(t *testing.T) {
	v, path := newTestVault(t)
	if !Exists(path) {
		t.Fatal("Exists = false after Create")
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
	want := map[string]string{
		"923609016":     "Kunden har bytt revisor",
		"19811218-9876": "beneficial owner",
		"empty":         "",
	}
	for id, val := range want {
		if err := v.Put("notes", id, []byte(val)); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.Put("settings", "theme", []byte("dark")); err != nil {
		t.Fatal(err)
	}
	got, err := v.Get("notes", "923609016")
	if err != nil || string(got) != want["923609016"] {
		t.Fatalf("Get = %q, %v", got, err)
	}
	got, err = v.Get("notes", "empty")
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("Get empty = %q (nil=%v), %v", got, got == nil, err)
	}
	_, err = v.Get("notes", "missing")
	wantErr(t, err, ErrNotFound)
	_, err = v.Get("nobucket", "x")
	wantErr(t, err, ErrNotFound)
	wantErr(t, v.Delete("notes", "missing"), ErrNotFound)
	wantErr(t, v.Put("", "x", nil), ErrInvalid)
	wantErr(t, v.Put("notes", "", nil), ErrInvalid)
	wantErr(t, v.Put("bad\x00name", "x", nil), ErrInvalid)
	wantErr(t, v.Put("notes", "x", make([]byte, MaxValueSize+1)), ErrTooLarge)

	// Overwrite.
	if err := v.Put("settings", "theme", []byte("light")); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	if err := v.ForEach("notes", func(id string, value []byte) error {
		seen[id] = string(value)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(want) {
		t.Fatalf("ForEach saw %v", seen)
	}
	for id, val := range want {
		if seen[id] != val {
			t.Fatalf("ForEach %q = %q", id, seen[id])
		}
	}
	if err := v.ForEach("nobucket", func(string, []byte) error { return errors.New("called") }); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	if err := v.ForEach("notes", func(string, []byte) error { return stop }); err != stop {
		t.Fatalf("ForEach stop: %v", err)
	}
	if n, err := v.Count("notes"); n != 3 || err != nil {
		t.Fatalf("Count = %d, %v", n, err)
	}
	if names, err := v.Buckets(); err != nil || !slices.Equal(names, []string{"notes", "settings"}) {
		t.Fatalf("Buckets = %v, %v", names, err)
	}
	if err := v.Delete("notes", "empty"); err != nil {
		t.Fatal(err)
	}
	info, err := v.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.FormatVersion != FormatVersion || info.Params != testParams || info.Buckets["notes"] != 2 ||
		info.Buckets["settings"] != 1 || len(info.VaultID) != 32 || info.FileSize == 0 {
		t.Fatalf("Info = %+v", info)
	}

	mustLock(t, v)
	if err := v.Lock(); err != nil {
		t.Fatalf("second Lock: %v", err)
	}
	insp, err := Inspect(path)
	if err != nil {
		t.Fatal(err)
	}
	insp.FileSize, info.FileSize = 0, 0
	if insp.VaultID != info.VaultID || insp.Buckets["notes"] != 2 || insp.Params != testParams {
		t.Fatalf("Inspect = %+v, Info = %+v", insp, info)
	}

	v = reopen(t, path)
	got, err = v.Get("settings", "theme")
	if err != nil || string(got) != "light" {
		t.Fatalf("Get after reopen = %q, %v", got, err)
	}
}

func TestCreateExistsAndOpenMissing(t *testing.T) {
	_, path := newTestVault(t)
	_, err := Create(path, testPassword, CreateOptions{Params: testParams, OpenOptions: testOpts})
	wantErr(t, err, ErrExists)

	other := filepath.Join(t.TempDir(), "other")
	if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Create(other, testPassword, CreateOptions{Params: testParams, OpenOptions: testOpts})
	wantErr(t, err, ErrExists)
	if b, _ := os.ReadFile(other); string(b) != "x" {
		t.Fatal("Create modified an existing file")
	}

	missing := filepath.Join(t.TempDir(), "missing.vault")
	_, err = Open(missing, testPassword, testOpts)
	wantErr(t, err, fs.ErrNotExist)
	if Exists(missing) {
		t.Fatal("Open created the file")
	}
	_, err = Inspect(missing)
	wantErr(t, err, fs.ErrNotExist)
}

func TestWrongPassword(t *testing.T) {
	v, path := newTestVault(t)
	mustLock(t, v)
	_, err := Open(path, []byte("wrong"), testOpts)
	wantErr(t, err, ErrWrongPassword)
	_, err = Open(path, nil, testOpts)
	wantErr(t, err, ErrWrongPassword)
	reopen(t, path)
}

func TestWeakParams(t *testing.T) {
	dir := t.TempDir()
	// Creating below the default minimum is refused.
	_, err := Create(filepath.Join(dir, "weak"), testPassword, CreateOptions{Params: Params{Time: 1, MemoryKiB: 19 * 1024, Threads: 1}})
	wantErr(t, err, ErrWeakParams)
	_, err = Create(filepath.Join(dir, "zero-threads"), testPassword, CreateOptions{Params: Params{Time: 3, MemoryKiB: 64 * 1024}})
	wantErr(t, err, ErrInvalid)

	// A tiny-parameter vault opens only with a lowered minimum.
	v, path := newTestVault(t)
	mustLock(t, v)
	_, err = Open(path, testPassword, OpenOptions{})
	wantErr(t, err, ErrWeakParams)

	// A vault at the minimum, edited in the file to weaker parameters.
	path = filepath.Join(dir, "min.vault")
	v, err = Create(path, testPassword, CreateOptions{Params: MinParams()})
	if err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	for _, p := range []Params{
		{Time: 1, MemoryKiB: MinMemoryKiB, Threads: 1},
		{Time: MinTime, MemoryKiB: MinMemoryKiB - 1, Threads: 1},
		{Time: MinTime, MemoryKiB: 64, Threads: 1},
	} {
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			return tx.Bucket(bktMeta).Put(keyKDF, encodeKDF(p))
		})
		_, err = Open(path, testPassword, OpenOptions{})
		wantErr(t, err, ErrWeakParams)
	}
	// Stronger-than-stored parameters pass the minimum but the header is
	// bound into the key wrap: indistinguishable from a wrong password.
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bktMeta).Put(keyKDF, encodeKDF(Params{Time: 2, MemoryKiB: 20 * 1024, Threads: 1}))
	})
	_, err = Open(path, testPassword, OpenOptions{})
	wantErr(t, err, ErrWrongPassword)
	// Implausible parameters are refused before running the KDF.
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bktMeta).Put(keyKDF, encodeKDF(Params{Time: 1000, MemoryKiB: 1 << 30, Threads: 1}))
	})
	_, err = Open(path, testPassword, OpenOptions{})
	wantErr(t, err, ErrNotVault)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bktMeta).Put(keyKDF, encodeKDF(MinParams()))
	})
	v, err = Open(path, testPassword, OpenOptions{})
	if err != nil {
		t.Fatalf("Open after restoring params: %v", err)
	}
	mustLock(t, v)
}

func TestAlreadyOpen(t *testing.T) {
	_, path := newTestVault(t)
	start := time.Now()
	_, err := Open(path, testPassword, testOpts)
	wantErr(t, err, ErrAlreadyOpen)
	_, err = Inspect(path)
	wantErr(t, err, ErrAlreadyOpen)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("ErrAlreadyOpen took %v", d)
	}
}

func TestLocked(t *testing.T) {
	v, path := newTestVault(t)
	if err := v.Put("notes", "a", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := v.PutBlob(context.Background(), "doc", strings.NewReader(strings.Repeat("x", 3*BlobChunkSize))); err != nil {
		t.Fatal(err)
	}
	r, err := v.OpenBlob("doc")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	if _, err := io.ReadAll(r); !errors.Is(err, ErrLocked) {
		t.Fatalf("blob read after Lock: %v", err)
	}
	_, err = v.Get("notes", "a")
	wantErr(t, err, ErrLocked)
	wantErr(t, v.Put("notes", "a", nil), ErrLocked)
	wantErr(t, v.Delete("notes", "a"), ErrLocked)
	wantErr(t, v.ForEach("notes", func(string, []byte) error { return nil }), ErrLocked)
	_, err = v.Count("notes")
	wantErr(t, err, ErrLocked)
	_, err = v.Buckets()
	wantErr(t, err, ErrLocked)
	wantErr(t, v.Update(func(*Tx) error { return nil }), ErrLocked)
	wantErr(t, v.View(func(*Tx) error { return nil }), ErrLocked)
	wantErr(t, v.Audit(AuditEntry{Action: "x"}), ErrLocked)
	_, _, err = v.AuditLog()
	wantErr(t, err, ErrLocked)
	_, err = v.PutBlob(context.Background(), "b", strings.NewReader("x"))
	wantErr(t, err, ErrLocked)
	_, err = v.OpenBlob("doc")
	wantErr(t, err, ErrLocked)
	_, err = v.StatBlob("doc")
	wantErr(t, err, ErrLocked)
	_, err = v.ListBlobs()
	wantErr(t, err, ErrLocked)
	wantErr(t, v.DeleteBlob("doc"), ErrLocked)
	wantErr(t, v.ChangePassword(testPassword, []byte("new"), testParams), ErrLocked)
	wantErr(t, v.Compact(), ErrLocked)
	_, err = v.Info()
	wantErr(t, err, ErrLocked)
	if v.keys != nil || v.db != nil {
		t.Fatal("keys or db kept after Lock")
	}
	// The file is free again.
	reopen(t, path)
}

func TestLockWipesKeys(t *testing.T) {
	v, _ := newTestVault(t)
	k := v.keys
	material := k.material
	records := k.records
	mustLock(t, v)
	for _, m := range material {
		for _, b := range m {
			if b != 0 {
				t.Fatal("key material not wiped")
			}
		}
	}
	// The AEAD's internal key copy is wiped too (checked via a seal that
	// now uses the all-zero key).
	ad := []byte("x")
	sealed, err := seal(nil, &randSource{}, records, []byte("p"), ad)
	if err != nil {
		t.Fatal(err)
	}
	zeroKey, err := chacha20poly1305.NewX(make([]byte, keyLen))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := open(nil, zeroKey, sealed, ad); err != nil {
		t.Fatal("AEAD key was not wiped")
	}
}

func TestTx(t *testing.T) {
	v, _ := newTestVault(t)
	if err := v.Put("notes", "keep", []byte("k")); err != nil {
		t.Fatal(err)
	}
	// A failing Update commits nothing, not even its audit entry.
	boom := errors.New("boom")
	err := v.Update(func(tx *Tx) error {
		if err := tx.Put("notes", "a", []byte("1")); err != nil {
			return err
		}
		if err := tx.Audit(AuditEntry{Action: "note.add", Subject: "a"}); err != nil {
			return err
		}
		return boom
	})
	if err != boom {
		t.Fatalf("Update error = %v", err)
	}
	_, err = v.Get("notes", "a")
	wantErr(t, err, ErrNotFound)
	entries, _, err := v.AuditLog()
	if err != nil || len(entries) != 0 {
		t.Fatalf("audit after rollback: %v %v", entries, err)
	}

	var leaked *Tx
	err = v.Update(func(tx *Tx) error {
		leaked = tx
		if err := tx.Put("notes", "a", []byte("1")); err != nil {
			return err
		}
		if err := tx.Put("notes", "b", []byte("2")); err != nil {
			return err
		}
		if err := tx.Delete("notes", "keep"); err != nil {
			return err
		}
		if err := tx.Delete("notes", "keep"); !errors.Is(err, ErrNotFound) {
			return errors.New("double delete not reported")
		}
		if got, err := tx.Get("notes", "a"); err != nil || string(got) != "1" {
			return errors.New("tx does not see its own put")
		}
		if _, err := tx.Get("notes", "keep"); !errors.Is(err, ErrNotFound) {
			return errors.New("tx does not see its own delete")
		}
		if n, err := tx.Count("notes"); err != nil || n != 2 {
			return errors.New("count wrong")
		}
		var ids []string
		err := tx.ForEach("notes", func(id string, _ []byte) error {
			ids = append(ids, id)
			// Writes during iteration are safe (and not visited).
			return tx.Put("notes", "c-"+id, []byte("x"))
		})
		if err != nil {
			return err
		}
		slices.Sort(ids)
		if !slices.Equal(ids, []string{"a", "b"}) {
			return errors.New("ForEach saw " + strings.Join(ids, ","))
		}
		return tx.Audit(AuditEntry{Action: "note.add", Subject: "a"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := leaked.Put("notes", "z", nil); err == nil {
		t.Fatal("Tx usable after Update returned")
	}
	if n, _ := v.Count("notes"); n != 4 {
		t.Fatalf("Count = %d, want 4", n)
	}
	err = v.View(func(tx *Tx) error { return tx.Put("notes", "x", nil) })
	wantErr(t, err, errReadOnly)
	entries, check, err := v.AuditLog()
	if err != nil || len(entries) != 1 || !check.Intact {
		t.Fatalf("audit: %v %+v %v", entries, check, err)
	}
}

func TestNotVault(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty":   {},
		"garbage": []byte(strings.Repeat("not a vault ", 2000)),
	}
	for name, data := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path, testPassword, testOpts)
		wantErr(t, err, ErrNotVault)
		_, err = Inspect(path)
		wantErr(t, err, ErrNotVault)
		if b, _ := os.ReadFile(path); !equalBytes(b, data) {
			t.Fatalf("%s: file modified", name)
		}
	}
	// A bbolt file that is not a vault.
	path := filepath.Join(dir, "bolt")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	_, err = Open(path, testPassword, testOpts)
	wantErr(t, err, ErrNotVault)
	// A future format version.
	v, path := newTestVault(t)
	mustLock(t, v)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bktMeta).Put(keyVersion, binary.BigEndian.AppendUint32(nil, 2))
	})
	_, err = Open(path, testPassword, testOpts)
	wantErr(t, err, ErrNotVault)
	_, err = Inspect(path)
	wantErr(t, err, ErrNotVault)
	// A directory.
	_, err = Open(dir, testPassword, testOpts)
	if err == nil {
		t.Fatal("opened a directory")
	}
}

func TestConcurrentUse(t *testing.T) {
	v, _ := newTestVault(t)
	done := make(chan error, 8)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				id := string(rune('a'+g)) + string(rune('a'+i))
				if err := v.Put("notes", id, []byte(id)); err != nil {
					done <- err
					return
				}
				if got, err := v.Get("notes", id); err != nil || string(got) != id {
					done <- errors.New("bad read")
					return
				}
			}
			done <- nil
		}()
		go func() {
			done <- v.Audit(AuditEntry{Action: "lookup"})
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := v.Count("notes"); n != 80 {
		t.Fatalf("Count = %d", n)
	}
}
