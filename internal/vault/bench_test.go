package vault

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkUnlock measures Open (Argon2id with DefaultParams, key unwrap,
// structure check) of a small vault.
func BenchmarkUnlock(b *testing.B) {
	path := filepath.Join(b.TempDir(), "unlock.vault")
	v, err := Create(path, testPassword, CreateOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if err := v.Put("notes", "923609016", []byte("x")); err != nil {
		b.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		v, err := Open(path, testPassword, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		_ = v.Lock()
	}
}

const benchValueSize = 100

func benchID(i int) string { return fmt.Sprintf("%09d", 900000000+i) }

// BenchmarkSealedPut writes b.N records of ~100 bytes in ONE transaction.
func BenchmarkSealedPut(b *testing.B) {
	v, _ := newTestVault(b)
	value := pattern(benchValueSize, 1)
	ids := make([]string, b.N)
	for i := range ids {
		ids[i] = benchID(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	err := v.Update(func(tx *Tx) error {
		for _, id := range ids {
			if err := tx.Put("bench", id, value); err != nil {
				return err
			}
		}
		return nil
	})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkPlainBoltPut is the same workload in plain bbolt, without
// sealing: natural ids as keys, in order (the fastest case for bbolt).
func BenchmarkPlainBoltPut(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "plain.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	value := pattern(benchValueSize, 1)
	ids := make([][]byte, b.N)
	for i := range ids {
		ids[i] = []byte(benchID(i))
	}
	b.ReportAllocs()
	b.ResetTimer()
	err = db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists([]byte("bench"))
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := bk.Put(id, value); err != nil {
				return err
			}
		}
		return nil
	})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkGet reads one record in its own read transaction, from a
// bucket of 10,000 records.
func BenchmarkGet(b *testing.B) {
	v, _ := newTestVault(b)
	const n = 10000
	err := v.Update(func(tx *Tx) error {
		for i := 0; i < n; i++ {
			if err := tx.Put("bench", benchID(i), pattern(benchValueSize, byte(i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = benchID(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := v.Get("bench", ids[i%n]); err != nil {
			b.Fatal(err)
		}
		i += 7919
	}
}

const benchBlobSize = 16 << 20

// BenchmarkBlobPut streams a 16 MiB blob into the vault.
func BenchmarkBlobPut(b *testing.B) {
	v, _ := newTestVault(b)
	data := pattern(benchBlobSize, 3)
	b.SetBytes(benchBlobSize)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.PutBlob(context.Background(), "bench.pdf", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlobGet streams a 16 MiB blob out of the vault.
func BenchmarkBlobGet(b *testing.B) {
	v, _ := newTestVault(b)
	if _, err := v.PutBlob(context.Background(), "bench.pdf", bytes.NewReader(pattern(benchBlobSize, 3))); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchBlobSize)
	b.ReportAllocs()
	for b.Loop() {
		r, err := v.OpenBlob("bench.pdf")
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, r)
		r.Close()
		if err != nil || n != benchBlobSize {
			b.Fatal(n, err)
		}
	}
}
