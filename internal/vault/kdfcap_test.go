package vault

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestKDFCap edits the header of a closed vault to ask for key-derivation
// parameters beyond the caps: Open must refuse them before deriving (so
// quickly, without allocating the memory asked for), and Create and
// ChangePassword must refuse them too.
func TestKDFCap(t *testing.T) {
	tests := []struct {
		name string
		p    Params
		ok   bool
	}{
		{"at the caps", Params{Time: MaxTime, MemoryKiB: 64, Threads: 1}, true},
		{"4 GiB", Params{Time: 1, MemoryKiB: 4 * 1024 * 1024, Threads: 1}, false},
		{"1 GiB + 1 KiB", Params{Time: 1, MemoryKiB: MaxMemoryKiB + 1, Threads: 1}, false},
		{"11 passes", Params{Time: MaxTime + 1, MemoryKiB: 64, Threads: 1}, false},
		{"17 lanes", Params{Time: 1, MemoryKiB: 1024, Threads: MaxThreads + 1}, false},
		{"255 lanes", Params{Time: 1, MemoryKiB: 4096, Threads: 255}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "v")
			v, err := Create(path, testPassword, CreateOptions{Params: tt.p, OpenOptions: testOpts})
			if tt.ok {
				if err != nil {
					t.Fatalf("Create(%v): %v", tt.p, err)
				}
				mustLock(t, v)
				return
			}
			wantErr(t, err, ErrInvalid)
			v, path = newTestVault(t)
			wantErr(t, v.ChangePassword(testPassword, testPassword, tt.p), ErrInvalid)
			mustLock(t, v)
			// Both the header and its copy ask for the parameters, as an
			// attacker who rewrites the checksum too would make them.
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				return setRawKDF(tx, tt.p)
			})
			_, err = Open(path, testPassword, testOpts)
			wantErr(t, err, ErrNotVault)
			_, err = Inspect(path)
			wantErr(t, err, ErrNotVault)
		})
	}
}
