package vault

import (
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func makeAuditVault(t *testing.T, n int) (*Vault, string, []AuditEntry) {
	t.Helper()
	path := t.TempDir() + "/audit.vault"
	clock := time.Date(2025, 3, 1, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	opts := testOpts
	opts.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	v, err := Create(path, testPassword, CreateOptions{Params: testParams, OpenOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = v.Lock() })
	var want []AuditEntry
	for i := 1; i <= n; i++ {
		e := AuditEntry{Action: "lookup", Subject: fmt.Sprint("92360901", i%10), Detail: fmt.Sprint("entry ", i)}
		if i == 2 {
			e.Time = time.Date(2024, 12, 24, 18, 0, 0, 123456789, time.Local)
		}
		if err := v.Audit(e); err != nil {
			t.Fatal(err)
		}
		if e.Time.IsZero() {
			e.Time = clock
		}
		e.Seq = uint64(i)
		want = append(want, e)
	}
	return v, path, want
}

func TestAuditChain(t *testing.T) {
	v, path, want := makeAuditVault(t, 5)
	entries, check, err := v.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	if !check.Intact || check.Entries != 5 || check.BrokenAt != 0 || check.Reason != "" {
		t.Fatalf("check = %+v", check)
	}
	if len(entries) != len(want) {
		t.Fatalf("%d entries", len(entries))
	}
	for i := range want {
		if !auditEqual(entries[i], want[i]) || entries[i].Time.Location() != time.UTC {
			t.Fatalf("entry %d = %+v, want %+v", i, entries[i], want[i])
		}
	}
	wantErr(t, v.Audit(AuditEntry{}), ErrInvalid)
	mustLock(t, v)
	info, err := Inspect(path)
	if err != nil || info.AuditEntries != 5 {
		t.Fatalf("Inspect: %+v %v", info, err)
	}

	type attack struct {
		name     string
		brokenAt uint64
		fn       func(b *bolt.Bucket) error
	}
	get := func(b *bolt.Bucket, seq uint64) []byte { return append([]byte(nil), b.Get(u64(seq))...) }
	attacks := []attack{
		{"remove middle", 3, func(b *bolt.Bucket) error { return b.Delete(u64(3)) }},
		{"remove first", 1, func(b *bolt.Bucket) error { return b.Delete(u64(1)) }},
		{"remove last", 5, func(b *bolt.Bucket) error { return b.Delete(u64(5)) }},
		{"remove last two", 4, func(b *bolt.Bucket) error { _ = b.Delete(u64(5)); return b.Delete(u64(4)) }},
		{"remove all", 1, func(b *bolt.Bucket) error {
			for i := uint64(1); i <= 5; i++ {
				_ = b.Delete(u64(i))
			}
			return nil
		}},
		{"swap 2 and 3", 2, func(b *bolt.Bucket) error {
			e2, e3 := get(b, 2), get(b, 3)
			_ = b.Put(u64(2), e3)
			return b.Put(u64(3), e2)
		}},
		{"move 5 to 6", 5, func(b *bolt.Bucket) error { _ = b.Put(u64(6), get(b, 5)); return b.Delete(u64(5)) }},
		{"duplicate 4 as 5", 5, func(b *bolt.Bucket) error { return b.Put(u64(5), get(b, 4)) }},
		{"modify 2", 2, func(b *bolt.Bucket) error { e := get(b, 2); e[30] ^= 1; return b.Put(u64(2), e) }},
		{"remove head", 6, func(b *bolt.Bucket) error { return b.Delete(keyHead) }},
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			var saved map[string][]byte
			rawView(t, path, func(tx *bolt.Tx) error {
				saved = map[string][]byte{}
				return tx.Bucket(bktAudit).ForEach(func(k, v []byte) error {
					saved[string(k)] = append([]byte(nil), v...)
					return nil
				})
			})
			rawUpdate(t, path, func(tx *bolt.Tx) error { return a.fn(tx.Bucket(bktAudit)) })
			v := reopen(t, path)
			entries, check, err := v.AuditLog()
			if err != nil {
				t.Fatal(err)
			}
			if check.Intact || check.BrokenAt != a.brokenAt || check.Reason == "" {
				t.Fatalf("check = %+v, want broken at %d", check, a.brokenAt)
			}
			for _, e := range entries {
				if !auditEqual(e, want[e.Seq-1]) {
					t.Fatalf("returned altered entry %+v", e)
				}
			}
			t.Logf("detected: %s", check.Reason)
			mustLock(t, v)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				b := tx.Bucket(bktAudit)
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
	v = reopen(t, path)
	if _, check, _ := v.AuditLog(); !check.Intact {
		t.Fatalf("restored log broken: %+v", check)
	}
	// Appending continues the chain after a reopen.
	if err := v.Audit(AuditEntry{Action: "export"}); err != nil {
		t.Fatal(err)
	}
	if entries, check, _ := v.AuditLog(); !check.Intact || len(entries) != 6 {
		t.Fatalf("after append: %d entries, %+v", len(entries), check)
	}
}

// TestAuditRefusesBrokenHead: appending after the head was tampered with
// fails instead of silently extending a forged chain.
func TestAuditRefusesBrokenHead(t *testing.T) {
	v, path, _ := makeAuditVault(t, 2)
	mustLock(t, v)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bktAudit)
		h := append([]byte(nil), b.Get(keyHead)...)
		h[len(h)-1] ^= 1
		return b.Put(keyHead, h)
	})
	v = reopen(t, path)
	wantErr(t, v.Audit(AuditEntry{Action: "x"}), ErrTampered)
	// A record write with an audit entry is refused as a whole.
	err := v.Update(func(tx *Tx) error {
		if err := tx.Put("notes", "a", []byte("x")); err != nil {
			return err
		}
		return tx.Audit(AuditEntry{Action: "note.add"})
	})
	wantErr(t, err, ErrTampered)
	_, err = v.Get("notes", "a")
	wantErr(t, err, ErrNotFound)
}
