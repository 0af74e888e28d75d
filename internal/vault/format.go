package vault

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// FormatVersion is the version of the on-disk format written by this
// package and the only one it opens. It is stored in clear in the file
// header and bound into the associated data of every sealed value.
const FormatVersion = 1

// Sentinel errors. Errors returned by this package wrap one of these
// (where one applies); test with errors.Is.
var (
	// ErrExists is returned by Create when a file already exists at the path.
	ErrExists = errors.New("vault: file already exists")
	// ErrNotVault is returned when a file is not a Motpart vault or has an
	// unknown format version or implausible header values.
	ErrNotVault = errors.New("vault: not a Motpart vault file or unsupported format version")
	// ErrAlreadyOpen is returned when the vault file is held open by
	// another Vault, in this process or another one.
	ErrAlreadyOpen = errors.New("vault: file is already open")
	// ErrWrongPassword is returned when the password does not unwrap the
	// data key. A tampered file header is indistinguishable from a wrong
	// password and also yields this error.
	ErrWrongPassword = errors.New("vault: wrong password")
	// ErrWeakParams is returned when key-derivation parameters are below
	// the accepted minimum.
	ErrWeakParams = errors.New("vault: key-derivation parameters below minimum")
	// ErrLocked is returned by every method after Lock or Close.
	ErrLocked = errors.New("vault: locked")
	// ErrNotFound is returned when a record, bucket or blob does not exist.
	ErrNotFound = errors.New("vault: not found")
	// ErrTampered is returned when a sealed value, blob chunk or audit
	// record fails authentication or does not belong where it is stored:
	// the file was modified outside this package or is damaged. Data that
	// fails authentication is never returned.
	ErrTampered = errors.New("vault: data failed authentication (tampered or damaged)")
	// ErrCorrupt is returned when the file structure is damaged (missing
	// internal buckets, malformed header, or the underlying database
	// reports a damaged page).
	ErrCorrupt = errors.New("vault: file structure is damaged")
	// ErrTooLarge is returned when a value or blob exceeds its size limit.
	ErrTooLarge = errors.New("vault: too large")
	// ErrInvalid is returned for invalid arguments (empty or malformed
	// bucket names, ids, blob names, or invalid parameters).
	ErrInvalid = errors.New("vault: invalid argument")
)

// Limits.
const (
	// MaxBucketNameLen is the maximum length in bytes of a bucket name.
	MaxBucketNameLen = 128
	// MaxIDLen is the maximum length in bytes of a record id or blob name.
	MaxIDLen = 1024
	// MaxValueSize is the maximum size of a record value. Use blobs for
	// larger data.
	MaxValueSize = 16 << 20
	// BlobChunkSize is the maximum plaintext size of one blob chunk.
	BlobChunkSize = 64 << 10
	// DefaultMaxBlobSize is the default limit on the size of one blob.
	DefaultMaxBlobSize = 256 << 20
)

// Params are the Argon2id parameters that turn a password into the
// key-encryption key. They are stored in clear in the file header.
type Params struct {
	// Time is the number of passes over the memory.
	Time uint32
	// MemoryKiB is the memory size in KiB.
	MemoryKiB uint32
	// Threads is the degree of parallelism (lanes).
	Threads uint8
}

// Default and minimum Argon2id parameters.
const (
	// DefaultTime is the default number of Argon2id passes.
	DefaultTime = 3
	// DefaultMemoryKiB is the default Argon2id memory (64 MiB).
	DefaultMemoryKiB = 64 * 1024
	// DefaultThreads is the default Argon2id parallelism.
	DefaultThreads = 4

	// MinTime is the minimum number of passes Open and Create accept
	// unless OpenOptions.MinParams lowers it (tests only).
	MinTime = 2
	// MinMemoryKiB is the minimum memory (19 MiB) Open and Create accept.
	MinMemoryKiB = 19 * 1024
	// MinThreads is the minimum parallelism Open and Create accept.
	MinThreads = 1

	// MaxTime, MaxMemoryKiB and MaxThreads bound what a file header may
	// ask for (and what Create and ChangePassword accept), so that a
	// crafted or damaged header cannot make Open run for minutes or
	// exhaust memory: it is refused before the key derivation runs.
	MaxTime = 10
	// MaxMemoryKiB is the largest accepted Argon2id memory (1 GiB).
	MaxMemoryKiB = 1024 * 1024
	// MaxThreads is the largest accepted Argon2id parallelism.
	MaxThreads = 16
)

// DefaultParams returns the parameters used when none are given:
// 3 passes, 64 MiB, 4 lanes.
func DefaultParams() Params {
	return Params{Time: DefaultTime, MemoryKiB: DefaultMemoryKiB, Threads: DefaultThreads}
}

// MinParams returns the minimum parameters accepted by default:
// 2 passes, 19 MiB, 1 lane (the OWASP recommendation for Argon2id).
func MinParams() Params {
	return Params{Time: MinTime, MemoryKiB: MinMemoryKiB, Threads: MinThreads}
}

// String formats the parameters for display.
func (p Params) String() string {
	return fmt.Sprintf("argon2id t=%d m=%dKiB p=%d", p.Time, p.MemoryKiB, p.Threads)
}

// IsZero reports whether p is the zero value.
func (p Params) IsZero() bool { return p == Params{} }

// valid reports whether Argon2id can run with p at all and p is within
// the plausibility bounds.
func (p Params) valid() bool {
	return p.Time >= 1 && p.Time <= MaxTime && p.Threads >= 1 && p.Threads <= MaxThreads &&
		p.MemoryKiB >= 8*uint32(p.Threads) && p.MemoryKiB <= MaxMemoryKiB
}

// atLeast reports whether every parameter of p is >= the one of min.
func (p Params) atLeast(min Params) bool {
	return p.Time >= min.Time && p.MemoryKiB >= min.MemoryKiB && p.Threads >= min.Threads
}

// On-disk names. See docs/SECURITY.md.
var (
	bktMeta     = []byte("meta")    // clear header
	bktRecords  = []byte("records") // nested buckets, one per caller bucket
	bktBlobs    = []byte("blobs")   // sealed blob manifests
	bktChunks   = []byte("chunks")  // sealed blob chunks
	bktPending  = []byte("pending") // blob ids being written
	bktAudit    = []byte("audit")   // sealed audit entries + head
	topBuckets  = [][]byte{bktMeta, bktRecords, bktBlobs, bktChunks, bktPending, bktAudit}
	keyMagic    = []byte("magic")
	keyVersion  = []byte("version")
	keyVaultID  = []byte("vault-id")
	keyKDF      = []byte("kdf")
	keySalt     = []byte("salt")
	keyWrapped  = []byte("wrapped-key")
	keyHead     = []byte("head") // in bktAudit; entries use 8-byte keys
	magicValue  = []byte("motpart-vault")
	adMagic     = "motpart-vault"
	kdfArgon2id = byte(1)
)

// Sizes.
const (
	vaultIDLen = 16
	saltLen    = 32
	keyLen     = 32
	nonceLen   = 24 // XChaCha20-Poly1305
	tagLen     = 16
	overhead   = nonceLen + tagLen
	blobIDLen  = 16
	kdfLen     = 10
	wrappedLen = nonceLen + keyLen + tagLen
	hashLen    = 32
)

// header is the clear part of the file.
type header struct {
	version int
	id      [vaultIDLen]byte
	params  Params
	salt    []byte
	wrapped []byte
}

func encodeKDF(p Params) []byte {
	b := make([]byte, kdfLen)
	b[0] = kdfArgon2id
	binary.BigEndian.PutUint32(b[1:5], p.Time)
	binary.BigEndian.PutUint32(b[5:9], p.MemoryKiB)
	b[9] = p.Threads
	return b
}

func decodeKDF(b []byte) (Params, error) {
	if len(b) != kdfLen || b[0] != kdfArgon2id {
		return Params{}, fmt.Errorf("%w: unknown key-derivation function", ErrNotVault)
	}
	return Params{
		Time:      binary.BigEndian.Uint32(b[1:5]),
		MemoryKiB: binary.BigEndian.Uint32(b[5:9]),
		Threads:   b[9],
	}, nil
}

// readHeader parses the meta bucket. Every failure is ErrNotVault.
func readHeader(tx *bolt.Tx) (header, error) {
	var h header
	m := tx.Bucket(bktMeta)
	if m == nil {
		return h, fmt.Errorf("%w: no header", ErrNotVault)
	}
	if string(m.Get(keyMagic)) != string(magicValue) {
		return h, fmt.Errorf("%w: bad magic", ErrNotVault)
	}
	v := m.Get(keyVersion)
	if len(v) != 4 {
		return h, fmt.Errorf("%w: bad version field", ErrNotVault)
	}
	h.version = int(binary.BigEndian.Uint32(v))
	if h.version != FormatVersion {
		return h, fmt.Errorf("%w: format version %d (this program reads version %d)", ErrNotVault, h.version, FormatVersion)
	}
	id := m.Get(keyVaultID)
	if len(id) != vaultIDLen {
		return h, fmt.Errorf("%w: bad vault id", ErrNotVault)
	}
	copy(h.id[:], id)
	p, err := decodeKDF(m.Get(keyKDF))
	if err != nil {
		return h, err
	}
	if !p.valid() {
		return h, fmt.Errorf("%w: implausible key-derivation parameters (%v)", ErrNotVault, p)
	}
	h.params = p
	salt := m.Get(keySalt)
	if len(salt) != saltLen {
		return h, fmt.Errorf("%w: bad salt", ErrNotVault)
	}
	h.salt = append([]byte(nil), salt...)
	w := m.Get(keyWrapped)
	if len(w) != wrappedLen {
		return h, fmt.Errorf("%w: bad wrapped key", ErrNotVault)
	}
	h.wrapped = append([]byte(nil), w...)
	for _, b := range topBuckets {
		if tx.Bucket(b) == nil {
			return h, fmt.Errorf("%w: missing bucket %q", ErrCorrupt, b)
		}
	}
	return h, nil
}

// writeHeader writes all header fields into the meta bucket.
func writeHeader(m *bolt.Bucket, h header) error {
	ver := make([]byte, 4)
	binary.BigEndian.PutUint32(ver, uint32(h.version))
	for _, kv := range [][2][]byte{
		{keyMagic, magicValue},
		{keyVersion, ver},
		{keyVaultID, h.id[:]},
		{keyKDF, encodeKDF(h.params)},
		{keySalt, h.salt},
		{keyWrapped, h.wrapped},
	} {
		if err := m.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// checkName validates a bucket name, record id or blob name.
func checkName(what, s string, max int) error {
	if s == "" {
		return fmt.Errorf("%w: empty %s", ErrInvalid, what)
	}
	if len(s) > max {
		return fmt.Errorf("%w: %s longer than %d bytes", ErrInvalid, what, max)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, what)
	}
	return nil
}

// checkBucket validates a bucket name: as checkName, and no control
// characters (bucket names appear in clear and in error messages).
func checkBucket(s string) error {
	if err := checkName("bucket name", s, MaxBucketNameLen); err != nil {
		return err
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("%w: bucket name contains control characters", ErrInvalid)
		}
	}
	return nil
}

// appendUvarintString appends len(s) as uvarint followed by s.
func appendUvarintString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// readUvarintString reads what appendUvarintString wrote.
func readUvarintString(b []byte) (string, []byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return "", nil, false
	}
	b = b[k:]
	return string(b[:n]), b[n:], true
}

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func timeFromNanos(n int64) time.Time { return time.Unix(0, n).UTC() }
