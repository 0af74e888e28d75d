package vault

import (
	"os"
	"path/filepath"
	"testing"
)

var (
	fuzzPassword = []byte("fuzz")
	fuzzParams   = Params{Time: 1, MemoryKiB: 8, Threads: 1}
	fuzzOpts     = OpenOptions{MinParams: fuzzParams}
)

// FuzzOpen feeds arbitrary bytes to Inspect and Open, the parsers of
// outside input: they must never panic or hang, and must return an error
// unless the bytes are a valid vault. Seeds include a valid small vault
// (and truncations of it), so the fuzzer explores bbolt pages and the
// vault header, not just garbage.
func FuzzOpen(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.vault")
	v, err := Create(path, fuzzPassword, CreateOptions{Params: fuzzParams, OpenOptions: fuzzOpts})
	if err != nil {
		f.Fatal(err)
	}
	if err := v.Put("notes", "923609016", []byte("seed")); err != nil {
		f.Fatal(err)
	}
	if err := v.Audit(AuditEntry{Action: "seed"}); err != nil {
		f.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		f.Fatal(err)
	}
	valid, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add(valid[:8192])
	f.Add(valid[:4096])
	f.Add([]byte{})
	f.Add([]byte("motpart-vault"))

	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.vault")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(path)
		if err == nil && (info.Params.MemoryKiB > 1024 || info.Params.Time > 4) {
			// A valid header asking for an expensive KDF: Open would be
			// correct but slow. The header parser has been exercised.
			return
		}
		v, err := Open(path, fuzzPassword, fuzzOpts)
		if err != nil {
			return
		}
		// Only a real vault (the seed, or a harmless mutation of it) opens.
		_, _ = v.Get("notes", "923609016")
		_, _, _ = v.AuditLog()
		_, _ = v.Info()
		if err := v.Lock(); err != nil {
			t.Fatal(err)
		}
	})
}
