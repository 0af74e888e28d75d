package vault

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// smallVault is the content of the vault the tamper tests attack.
type smallVault struct {
	records map[string]map[string]string // bucket -> id -> value
	blob    []byte
	audit   []AuditEntry
}

const tamperBlob = "aml/923609016.pdf"

// makeSmallVault creates a vault with a few records, a 3-chunk blob
// (chunks lowered to 100 bytes to keep the exhaustive test small) and
// three audit entries.
func makeSmallVault(t *testing.T) (*Vault, string, smallVault) {
	t.Helper()
	v, path := newTestVault(t)
	v.chunkSize = 100
	want := smallVault{
		records: map[string]map[string]string{
			"notes":    {"923609016": "Kunden har bytt revisor", "19811218-9876": "ägare"},
			"settings": {"theme": "dark"},
		},
		blob: pattern(250, 7),
	}
	for b, recs := range want.records {
		for id, val := range recs {
			if err := v.Put(b, id, []byte(val)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := v.PutBlob(context.Background(), tamperBlob, bytes.NewReader(want.blob)); err != nil {
		t.Fatal(err)
	}
	for i, a := range []string{"import", "reveal", "export"} {
		e := AuditEntry{Action: a, Subject: "923609016", Detail: fmt.Sprint("detail ", i)}
		if err := v.Audit(e); err != nil {
			t.Fatal(err)
		}
	}
	entries, check, err := v.AuditLog()
	if err != nil || !check.Intact || len(entries) != 3 {
		t.Fatalf("AuditLog: %v %+v %v", entries, check, err)
	}
	want.audit = entries
	return v, path, want
}

// verify reads everything through the vault API. It fails the test if
// any call returns data that differs from what was written, and returns
// how many calls reported a problem (an error or a broken audit chain).
func (want smallVault) verify(t *testing.T, v *Vault) int {
	t.Helper()
	problems := 0
	for b, recs := range want.records {
		for id, val := range recs {
			got, err := v.Get(b, id)
			if err != nil {
				problems++
				continue
			}
			if string(got) != val {
				t.Fatalf("Get(%s, %s) returned wrong data %q", b, id, got)
			}
		}
		seen := 0
		err := v.ForEach(b, func(id string, value []byte) error {
			seen++
			if val, ok := recs[id]; !ok || string(value) != val {
				t.Fatalf("ForEach(%s) returned wrong data %q=%q", b, id, value)
			}
			return nil
		})
		if err != nil {
			problems++
		} else if seen != len(recs) {
			problems++ // a record went missing
		}
	}
	if r, err := v.OpenBlob(tamperBlob); err != nil {
		problems++
	} else {
		got, err := io.ReadAll(r)
		r.Close()
		if !bytes.HasPrefix(want.blob, got) {
			t.Fatalf("blob read returned wrong data (%d bytes)", len(got))
		}
		if err != nil {
			problems++
		} else if len(got) != len(want.blob) {
			t.Fatalf("blob read returned %d bytes without error, want %d", len(got), len(want.blob))
		}
	}
	if list, err := v.ListBlobs(); err != nil {
		problems++
	} else {
		found := false
		for _, bi := range list {
			if bi.Name == tamperBlob {
				found = bi.Size == int64(len(want.blob))
			}
		}
		if !found {
			t.Fatalf("ListBlobs returned %+v", list)
		}
	}
	entries, check, err := v.AuditLog()
	if err != nil || !check.Intact {
		problems++
	}
	for _, e := range entries {
		if e.Seq < 1 || int(e.Seq) > len(want.audit) || !auditEqual(e, want.audit[e.Seq-1]) {
			t.Fatalf("AuditLog returned wrong entry %+v", e)
		}
	}
	return problems
}

func auditEqual(a, b AuditEntry) bool {
	return a.Seq == b.Seq && a.Time.Equal(b.Time) && a.Action == b.Action && a.Subject == b.Subject && a.Detail == b.Detail
}

// sealedValue names one raw value in the bbolt file.
type sealedValue struct {
	path [][]byte // bucket path
	key  []byte
}

func (s sealedValue) String() string {
	return fmt.Sprintf("%s/%x", bytes.Join(s.path, []byte("/")), s.key)
}

func rawBucket(tx *bolt.Tx, path [][]byte) *bolt.Bucket {
	b := tx.Bucket(path[0])
	for _, p := range path[1:] {
		b = b.Bucket(p)
	}
	return b
}

// allSealed lists every sealed value in the file (everything except the
// clear header and the pending markers).
func allSealed(tx *bolt.Tx) []sealedValue {
	var out []sealedValue
	add := func(path [][]byte) {
		for _, k := range keysOf(rawBucket(tx, path)) {
			out = append(out, sealedValue{path: path, key: k})
		}
	}
	_ = tx.Bucket(bktRecords).ForEach(func(k, v []byte) error {
		if v == nil {
			add([][]byte{bktRecords, append([]byte(nil), k...)})
		}
		return nil
	})
	add([][]byte{bktBlobs})
	add([][]byte{bktChunks})
	add([][]byte{bktAudit})
	return out
}

// TestTamperExhaustive flips every byte of every sealed value (records,
// blob manifest and chunks, audit entries and head) in the bbolt file, and
// truncates and extends each value, and checks that the vault reports a
// problem and never returns data that differs from what was written.
// For speed the modifications go through the vault's own bbolt handle
// (with fsync off) rather than reopening the file each time; the vault
// caches nothing, so every read sees the modified bytes.
func TestTamperExhaustive(t *testing.T) {
	v, _, want := makeSmallVault(t)
	if p := want.verify(t, v); p != 0 {
		t.Fatalf("untampered vault reports %d problems", p)
	}
	v.db.NoSync = true
	var values []sealedValue
	if err := v.db.View(func(tx *bolt.Tx) error { values = allSealed(tx); return nil }); err != nil {
		t.Fatal(err)
	}
	// 3 records + 1 manifest + 3 chunks + 3 audit entries + audit head.
	if len(values) != 11 {
		t.Fatalf("found %d sealed values, want 11", len(values))
	}
	set := func(sv sealedValue, val []byte) {
		t.Helper()
		err := v.db.Update(func(tx *bolt.Tx) error {
			return rawBucket(tx, sv.path).Put(sv.key, val)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	flips := 0
	for _, sv := range values {
		var orig []byte
		_ = v.db.View(func(tx *bolt.Tx) error {
			orig = append([]byte(nil), rawBucket(tx, sv.path).Get(sv.key)...)
			return nil
		})
		variants := [][]byte{
			{},
			orig[:len(orig)-1],
			orig[1:],
			append(append([]byte(nil), orig...), 0),
		}
		for i := range orig {
			for _, mask := range []byte{0x01, 0x80, 0xff} {
				mod := append([]byte(nil), orig...)
				mod[i] ^= mask
				variants = append(variants, mod)
			}
		}
		for n, mod := range variants {
			set(sv, mod)
			if want.verify(t, v) == 0 {
				t.Fatalf("%v variant %d: modification not detected", sv, n)
			}
			flips++
		}
		set(sv, orig)
	}
	if p := want.verify(t, v); p != 0 {
		t.Fatalf("restored vault reports %d problems", p)
	}
	t.Logf("%d modifications of %d sealed values detected", flips, len(values))
}

// TestTamperHeader flips every byte of the clear header (magic, version,
// vault id, KDF parameters, salt, wrapped key): the vault must not open.
func TestTamperHeader(t *testing.T) {
	v, path, want := makeSmallVault(t)
	mustLock(t, v)
	var header map[string][]byte
	rawView(t, path, func(tx *bolt.Tx) error {
		header = map[string][]byte{}
		return tx.Bucket(bktMeta).ForEach(func(k, val []byte) error {
			header[string(k)] = append([]byte(nil), val...)
			return nil
		})
	})
	if len(header) != 6 {
		t.Fatalf("header has %d fields", len(header))
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	put := func(k string, val []byte) {
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bktMeta).Put([]byte(k), val) }); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for k, orig := range header {
		for i := range orig {
			mod := append([]byte(nil), orig...)
			mod[i] ^= 0x01
			put(k, mod)
			db.Close()
			if v, err := Open(path, testPassword, testOpts); err == nil {
				v.Lock()
				t.Fatalf("opened with header field %s byte %d flipped", k, i)
			}
			n++
			if db, err = bolt.Open(path, 0o600, &bolt.Options{NoSync: true}); err != nil {
				t.Fatal(err)
			}
		}
		put(k, orig)
	}
	if err := db.Sync(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	v = reopen(t, path)
	if p := want.verify(t, v); p != 0 {
		t.Fatalf("restored vault reports %d problems", p)
	}
	t.Logf("%d header modifications refused", n)
}

// TestSwapRecords swaps sealed values between records, within a bucket
// and across buckets, in the raw file.
func TestSwapRecords(t *testing.T) {
	v, path, want := makeSmallVault(t)
	mustLock(t, v)
	var notes, settings [][]byte
	rawView(t, path, func(tx *bolt.Tx) error {
		notes = keysOf(recordBucket(tx, "notes"))
		settings = keysOf(recordBucket(tx, "settings"))
		return nil
	})
	swap := func(b1 string, k1 []byte, b2 string, k2 []byte) {
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			x, y := recordBucket(tx, b1), recordBucket(tx, b2)
			v1 := append([]byte(nil), x.Get(k1)...)
			v2 := append([]byte(nil), y.Get(k2)...)
			if err := x.Put(k1, v2); err != nil {
				return err
			}
			return y.Put(k2, v1)
		})
	}
	// notes[0] and notes[1] are the two notes in hash order; which is
	// which does not matter.
	swap("notes", notes[0], "notes", notes[1])
	v = reopen(t, path)
	_, err := v.Get("notes", "923609016")
	wantErr(t, err, ErrTampered)
	_, err = v.Get("notes", "19811218-9876")
	wantErr(t, err, ErrTampered)
	if want.verify(t, v) == 0 {
		t.Fatal("swap within bucket not detected")
	}
	mustLock(t, v)
	swap("notes", notes[0], "notes", notes[1])

	// Swap a note with the settings record (across buckets).
	for _, k := range notes {
		swap("notes", k, "settings", settings[0])
		v := reopen(t, path)
		if want.verify(t, v) == 0 {
			t.Fatal("swap across buckets not detected")
		}
		mustLock(t, v)
		swap("notes", k, "settings", settings[0])
	}

	// Replay: copy one record's value over the other (both then hold the
	// same sealed bytes).
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		b := recordBucket(tx, "notes")
		return b.Put(notes[1], append([]byte(nil), b.Get(notes[0])...))
	})
	v = reopen(t, path)
	if want.verify(t, v) == 0 {
		t.Fatal("replayed value not detected")
	}
}

// TestTamperBlobChunks reorders, removes, duplicates and extends chunks.
func TestTamperBlobChunks(t *testing.T) {
	v, path, want := makeSmallVault(t)
	// A second blob whose chunks can be transplanted.
	if _, err := v.PutBlob(context.Background(), "other", bytes.NewReader(pattern(250, 9))); err != nil {
		t.Fatal(err)
	}
	mustLock(t, v)
	var chunkKeys [][]byte
	var id, otherID []byte
	rawView(t, path, func(tx *bolt.Tx) error {
		chunkKeys = keysOf(tx.Bucket(bktChunks))
		return nil
	})
	if len(chunkKeys) != 6 {
		t.Fatalf("%d chunks", len(chunkKeys))
	}
	// Find which id belongs to tamperBlob by opening the vault.
	vv := reopen(t, path)
	_ = vv.View(func(tx *Tx) error {
		m, _, err := getManifest(tx.btx, tx.keys, tamperBlob)
		if err != nil {
			t.Fatal(err)
		}
		id = m.id
		return nil
	})
	mustLock(t, vv)
	for _, k := range chunkKeys {
		if !bytes.HasPrefix(k, id) {
			otherID = k[:blobIDLen]
		}
	}
	ck := func(blob []byte, i uint32) []byte { return chunkKey(blob, i) }

	attacks := map[string]func(b *bolt.Bucket) error{
		"swap 0 and 1": func(b *bolt.Bucket) error {
			c0, c1 := append([]byte(nil), b.Get(ck(id, 0))...), append([]byte(nil), b.Get(ck(id, 1))...)
			_ = b.Put(ck(id, 0), c1)
			return b.Put(ck(id, 1), c0)
		},
		"swap 1 and 2 (last)": func(b *bolt.Bucket) error {
			c1, c2 := append([]byte(nil), b.Get(ck(id, 1))...), append([]byte(nil), b.Get(ck(id, 2))...)
			_ = b.Put(ck(id, 1), c2)
			return b.Put(ck(id, 2), c1)
		},
		"remove middle":  func(b *bolt.Bucket) error { return b.Delete(ck(id, 1)) },
		"remove last":    func(b *bolt.Bucket) error { return b.Delete(ck(id, 2)) },
		"remove first":   func(b *bolt.Bucket) error { return b.Delete(ck(id, 0)) },
		"duplicate 0->1": func(b *bolt.Bucket) error { return b.Put(ck(id, 1), append([]byte(nil), b.Get(ck(id, 0))...)) },
		"chunk from other blob": func(b *bolt.Bucket) error {
			return b.Put(ck(id, 1), append([]byte(nil), b.Get(ck(otherID, 1))...))
		},
	}
	for name, attack := range attacks {
		t.Run(name, func(t *testing.T) {
			var saved map[string][]byte
			rawView(t, path, func(tx *bolt.Tx) error {
				saved = map[string][]byte{}
				return tx.Bucket(bktChunks).ForEach(func(k, v []byte) error {
					saved[string(k)] = append([]byte(nil), v...)
					return nil
				})
			})
			rawUpdate(t, path, func(tx *bolt.Tx) error { return attack(tx.Bucket(bktChunks)) })
			v := reopen(t, path)
			if want.verify(t, v) == 0 {
				t.Fatal("not detected")
			}
			mustLock(t, v)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				b := tx.Bucket(bktChunks)
				for _, k := range keysOf(b) {
					_ = b.Delete(k)
				}
				for k, val := range saved {
					if err := b.Put([]byte(k), val); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
	// Extension: an extra chunk after the last one is never read.
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bktChunks)
		return b.Put(ck(id, 3), append([]byte(nil), b.Get(ck(id, 2))...))
	})
	v = reopen(t, path)
	if p := want.verify(t, v); p != 0 {
		t.Fatalf("extra chunk changed what is read (%d problems)", p)
	}
}
