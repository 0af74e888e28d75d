package vault

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// lockTimeout is how long Open waits for the file lock before reporting
// ErrAlreadyOpen.
const lockTimeout = 150 * time.Millisecond

// OpenOptions configure Open. The zero value is what production code uses.
type OpenOptions struct {
	// MinParams overrides the minimum accepted Argon2id parameters
	// (MinParams()). Only tests should set it, to open vaults made with
	// tiny parameters. The zero value means MinParams().
	MinParams Params
	// Rand is the source of all randomness (salts, keys, nonces, blob
	// ids). Nil means crypto/rand. Only tests should set it (the golden
	// vault is generated with a deterministic reader).
	Rand io.Reader
	// Now returns the current time, used for audit entries and blob
	// creation times. Nil means time.Now.
	Now func() time.Time
	// MaxBlobSize bounds the size of one blob written with PutBlob.
	// Zero means DefaultMaxBlobSize.
	MaxBlobSize int64
	// Repair opens a damaged vault as far as it can be opened: a header
	// that does not match its intact copy (ErrHeaderDamaged) is replaced
	// by the copy once the password unlocks it, and a damaged bbolt meta
	// page is accepted, falling back to the previous state (the last
	// change before the damage may be lost). Without it such damage is
	// reported and the vault does not open.
	Repair bool
}

// CreateOptions configure Create.
type CreateOptions struct {
	// Params are the Argon2id parameters for the new vault. The zero
	// value means DefaultParams().
	Params Params
	// OpenOptions apply to the created vault as they would to Open.
	OpenOptions
}

// Vault is an open, unlocked vault. It is safe for concurrent use.
// Obtain one with Create or Open; release it with Lock or Close.
type Vault struct {
	mu   sync.RWMutex // held for reading by every operation, for writing by Lock and rewrites
	path string
	db   *bolt.DB
	hdr  header
	keys *keyring // nil once locked

	rand      *randSource
	now       func() time.Time
	minParams Params
	repair    bool
	maxBlob   int64
	chunkSize int // plaintext bytes per blob chunk (tests lower it)
	batchSize int // plaintext bytes of blob chunks per write transaction
	// setsMu guards setsChecked: for each record bucket, the committed
	// state (bbolt's transaction id) in which its records were last found
	// to match their manifest (Tx.missing).
	setsMu      sync.Mutex
	setsChecked map[string]uint64
	// stepHook, if not nil, is called after each write step of a rewrite
	// (tests inject failures and kills there).
	stepHook func(name string) error
}

// step calls the test hook after the write step name of a rewrite.
func (v *Vault) step(name string) error {
	if v.stepHook == nil {
		return nil
	}
	return v.stepHook(name)
}

// Info describes a vault without revealing any of its contents.
type Info struct {
	// Path is the vault file.
	Path string
	// FormatVersion is the on-disk format version.
	FormatVersion int
	// VaultID is the random vault id, in hex.
	VaultID string
	// Params are the stored Argon2id parameters.
	Params Params
	// Buckets maps each bucket name to its number of records.
	Buckets map[string]int
	// Blobs is the number of blobs.
	Blobs int
	// BlobBytes is the total plaintext size of all blobs.
	BlobBytes int64
	// AuditEntries is the number of audit-log entries.
	AuditEntries int
	// FileSize is the size of the file in bytes.
	FileSize int64
}

// Exists reports whether a file exists at path. It does not check that
// the file is a vault; use Inspect for that.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func newVault(path string, opt OpenOptions) *Vault {
	v := &Vault{
		path:      path,
		rand:      &randSource{r: opt.Rand},
		now:       opt.Now,
		minParams: opt.MinParams,
		repair:    opt.Repair,
		maxBlob:   opt.MaxBlobSize,
		chunkSize: BlobChunkSize,
		batchSize: 4 << 20,
	}
	if v.now == nil {
		v.now = time.Now
	}
	if v.minParams.IsZero() {
		v.minParams = MinParams()
	}
	if v.maxBlob <= 0 {
		v.maxBlob = DefaultMaxBlobSize
	}
	return v
}

// Create creates a new vault file at path, sealed with password, and
// returns it open and unlocked. It fails with ErrExists if any file
// exists at path. The file is created with mode 0600. password is not
// retained; the caller may zero it afterwards.
func Create(path string, password []byte, opt CreateOptions) (*Vault, error) {
	v := newVault(path, opt.OpenOptions)
	p := opt.Params
	if p.IsZero() {
		p = DefaultParams()
	}
	if !p.valid() {
		return nil, fmt.Errorf("vault: create: %w: key-derivation parameters %v", ErrInvalid, p)
	}
	if !p.atLeast(v.minParams) {
		return nil, fmt.Errorf("vault: create: %w: %v < %v", ErrWeakParams, p, v.minParams)
	}
	h := header{version: FormatVersion, params: p, salt: make([]byte, saltLen)}
	dk := make([]byte, keyLen)
	defer wipe(dk)
	for _, b := range [][]byte{h.id[:], h.salt, dk} {
		if _, err := io.ReadFull(v.rand, b); err != nil {
			return nil, fmt.Errorf("vault: create: random: %w", err)
		}
	}
	kek := deriveKEK(password, h.salt, p)
	var err error
	h.wrapped, err = wrapKey(v.rand, kek, dk, &h)
	wipe(kek)
	if err != nil {
		return nil, fmt.Errorf("vault: create: %w", err)
	}
	keys, err := newKeyring(dk, h.id)
	if err != nil {
		return nil, fmt.Errorf("vault: create: %w", err)
	}

	db, err := openDB(path, modeCreate, false)
	if err != nil {
		keys.wipe()
		return nil, fmt.Errorf("vault: create: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range topBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := writeHeaderAndCopy(tx, h); err != nil {
			return err
		}
		if err := putKeySet(tx, v.rand, keys, keyBlobSet, keySet{}); err != nil {
			return err
		}
		return putAuditHead(tx.Bucket(bktAudit), v.rand, keys, 0, make([]byte, hashLen))
	})
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		keys.wipe()
		_ = db.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("vault: create: %w", err)
	}
	v.db, v.hdr, v.keys = db, h, keys
	return v, nil
}

// Open opens the vault file at path and unlocks it with password. It
// fails with ErrAlreadyOpen if the file is held by another Vault (in this
// or another process), ErrNotVault if the file is not a vault,
// ErrWeakParams if its key-derivation parameters are below the minimum,
// and ErrWrongPassword if the password is wrong. A missing file gives an
// error wrapping fs.ErrNotExist. password is not retained.
//
// Open also removes the remains of interrupted blob writes and
// compactions.
func Open(path string, password []byte, opt OpenOptions) (*Vault, error) {
	v := newVault(path, opt)
	db, err := openDB(path, modeOpen, opt.Repair)
	if err != nil {
		return nil, fmt.Errorf("vault: open: %w", err)
	}
	if err := v.unlockDB(db, password); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("vault: open: %w", err)
	}
	return v, nil
}

// unlockDB reads the header of db, unlocks it, checks the file and
// installs it in v. It also finishes what an earlier run left: the
// manifests of a file written before they existed, a damaged header copy
// (or, with v.repair, a damaged header) and interrupted blob writes.
func (v *Vault) unlockDB(db *bolt.DB, password []byte) error {
	var (
		h, cp header
		herr  error
		state copyState
	)
	err := safely(func() error {
		return db.View(func(tx *bolt.Tx) error {
			h, herr = readHeader(tx)
			cp, state = readHeaderCopy(tx)
			return nil
		})
	})
	if err != nil {
		return err
	}
	if herr != nil && errors.Is(herr, ErrCorrupt) {
		return herr
	}
	damaged := state == copyOK && (herr != nil || !h.equal(cp))
	if herr == nil && !h.params.atLeast(v.minParams) {
		herr = fmt.Errorf("%w: file has %v, minimum is %v", ErrWeakParams, h.params, v.minParams)
	}
	switch {
	case damaged && v.repair:
		h = cp
	case damaged:
		if herr == nil {
			herr = ErrWrongPassword // the password cannot be checked against a damaged header
		}
		return fmt.Errorf("%w (its copy is intact; open with repair to use it): %w", ErrHeaderDamaged, herr)
	case herr != nil:
		return herr
	}
	if !h.params.atLeast(v.minParams) {
		return fmt.Errorf("%w: file has %v, minimum is %v", ErrWeakParams, h.params, v.minParams)
	}
	dk, err := unlock(password, &h)
	if err != nil {
		return err
	}
	keys, err := newKeyring(dk, h.id)
	wipe(dk)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		keys.wipe()
		return err
	}
	var legacy bool
	err = safely(func() error {
		return db.View(func(tx *bolt.Tx) (err error) {
			legacy, err = verifyFile(tx, keys)
			return err
		})
	})
	if err != nil {
		return fail(err)
	}
	if legacy || damaged || state != copyOK {
		err := safely(func() error {
			return db.Update(func(tx *bolt.Tx) error {
				if legacy {
					if err := migrate(tx, v.rand, keys); err != nil {
						return err
					}
				}
				return writeHeaderAndCopy(tx, h)
			})
		})
		if err != nil {
			return fail(fmt.Errorf("repair header: %w", err))
		}
	}
	if err := safely(func() error { return cleanPending(db) }); err != nil {
		return fail(err)
	}
	v.db, v.hdr, v.keys = db, h, keys
	v.tidyFiles()
	return nil
}

// tidyFiles tightens the file mode to 0600 and removes left-over
// compaction files (sealed copies of the vault) of interrupted rewrites.
// It runs while the file lock is held, so no other process is compacting.
func (v *Vault) tidyFiles() {
	if fi, err := os.Stat(v.path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(v.path, 0o600)
	}
	dir, base := filepath.Split(v.path)
	if dir == "" {
		dir = "."
	}
	matches, _ := filepath.Glob(filepath.Join(dir, compactPrefix(base)+"*"))
	for _, m := range matches {
		_ = os.Remove(m)
	}
}

// Lock closes the vault file and wipes the keys from memory. Afterwards
// every method returns ErrLocked; open a new Vault with Open to continue.
// Wiping is best effort: Go may have left copies of key material in
// memory it has already freed (see docs/SECURITY.md). Lock waits for
// running operations to finish. Calling Lock again is a no-op.
func (v *Vault) Lock() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keys == nil {
		return nil
	}
	v.keys.wipe()
	v.keys = nil
	err := v.db.Close()
	v.db = nil
	if err != nil {
		return fmt.Errorf("vault: lock: %w", err)
	}
	return nil
}

// Close is Lock; it lets *Vault be used as an io.Closer.
func (v *Vault) Close() error { return v.Lock() }

// Path returns the path of the vault file.
func (v *Vault) Path() string { return v.path }

// Info describes the open vault: format, parameters, record counts per
// bucket, blob and audit counts and file size.
func (v *Vault) Info() (Info, error) {
	var info Info
	err := v.read(func(k *keyring) error {
		return v.db.View(func(tx *bolt.Tx) (err error) {
			info, err = stats(tx, v.hdr)
			return err
		})
	})
	if err != nil {
		return Info{}, fmt.Errorf("vault: info: %w", err)
	}
	info.Path = v.path
	if fi, err := os.Stat(v.path); err == nil {
		info.FileSize = fi.Size()
	}
	return info, nil
}

// Inspect describes the vault file at path without a password: format
// version, key-derivation parameters, vault id, record counts per bucket,
// blob count and bytes, audit entries and file size (everything that is
// visible in the file anyway), never contents. It fails with
// ErrAlreadyOpen while the vault is open; use Vault.Info then.
func Inspect(path string) (Info, error) {
	db, err := openDB(path, modeReadOnly, false)
	if err != nil {
		return Info{}, fmt.Errorf("vault: inspect: %w", err)
	}
	defer db.Close()
	var info Info
	err = safely(func() error {
		return db.View(func(tx *bolt.Tx) error {
			h, err := readHeader(tx)
			if err != nil {
				return err
			}
			info, err = stats(tx, h)
			return err
		})
	})
	if err != nil {
		return Info{}, fmt.Errorf("vault: inspect: %w", err)
	}
	info.Path = path
	if fi, err := os.Stat(path); err == nil {
		info.FileSize = fi.Size()
	}
	return info, nil
}

// stats counts what Info reports.
func stats(tx *bolt.Tx, h header) (Info, error) {
	info := Info{
		FormatVersion: h.version,
		VaultID:       hex.EncodeToString(h.id[:]),
		Params:        h.params,
		Buckets:       map[string]int{},
	}
	recs := tx.Bucket(bktRecords)
	err := recs.ForEach(func(k, v []byte) error {
		if v != nil {
			return nil
		}
		if b := recs.Bucket(k); b != nil {
			info.Buckets[string(k)] = b.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		return info, err
	}
	info.Blobs = tx.Bucket(bktBlobs).Stats().KeyN
	pending := tx.Bucket(bktPending)
	c := tx.Bucket(bktChunks).Cursor()
	for k, val := c.First(); k != nil; k, val = c.Next() {
		if len(k) == blobIDLen+4 && len(val) >= overhead && pending.Get(k[:blobIDLen]) == nil {
			info.BlobBytes += int64(len(val) - overhead)
		}
	}
	c = tx.Bucket(bktAudit).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) == 8 {
			info.AuditEntries++
		}
	}
	return info, nil
}

// read runs fn with the keys while holding the read lock; it returns
// ErrLocked if the vault is locked.
func (v *Vault) read(fn func(k *keyring) error) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.keys == nil {
		return ErrLocked
	}
	return fn(v.keys)
}

// cleanPending deletes the chunks of blobs whose write was interrupted.
func cleanPending(db *bolt.DB) error {
	var ids [][]byte
	err := db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bktPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, append([]byte(nil), k...))
			return nil
		})
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	return db.Update(func(tx *bolt.Tx) error {
		for _, id := range ids {
			if err := deleteChunks(tx, id); err != nil {
				return err
			}
			if err := tx.Bucket(bktPending).Delete(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// chunkKey is the storage key of chunk index of blob id.
func chunkKey(id []byte, index uint32) []byte {
	return binary.BigEndian.AppendUint32(append(make([]byte, 0, blobIDLen+4), id...), index)
}

// setChecked reports whether bucket's records were found to match their
// manifest in the committed state txid.
func (v *Vault) setChecked(bucket string, txid int) bool {
	v.setsMu.Lock()
	defer v.setsMu.Unlock()
	id, ok := v.setsChecked[bucket]
	return ok && id == uint64(txid)
}

// markSetChecked records that bucket's records matched their manifest in
// the committed state txid.
func (v *Vault) markSetChecked(bucket string, txid int) {
	v.setsMu.Lock()
	defer v.setsMu.Unlock()
	if v.setsChecked == nil {
		v.setsChecked = map[string]uint64{}
	}
	v.setsChecked[bucket] = uint64(txid)
}

// forgetSetChecks forgets every check of setsChecked, when the file
// changes under the vault (a rewrite).
func (v *Vault) forgetSetChecks() {
	v.setsMu.Lock()
	defer v.setsMu.Unlock()
	clear(v.setsChecked)
}
