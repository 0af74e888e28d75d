package vault

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"reflect"
	"sync"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Kinds of sealed values; each is bound into the associated data.
const (
	kindKeyWrap    = 1
	kindRecord     = 2
	kindManifest   = 3
	kindChunk      = 4
	kindAuditEntry = 5
	kindAuditHead  = 6
)

// HKDF info labels for the sub-keys (see docs/SECURITY.md).
const (
	labelIndex   = "motpart-vault v1 index"
	labelRecords = "motpart-vault v1 records"
	labelBlobs   = "motpart-vault v1 blobs"
	labelAudit   = "motpart-vault v1 audit"
)

// Domain bytes of the keyed hash that names records and blobs.
const (
	domainRecord = 1
	domainBlob   = 2
)

// keyring holds the sub-keys of an unlocked vault. The data key itself is
// not kept: it is only needed to re-wrap it on a password change, and it
// is recovered there from the old password.
type keyring struct {
	vaultID  [vaultIDLen]byte
	index    []byte      // HMAC-SHA256 key for record and blob keys
	records  cipher.AEAD // seals records
	blobs    cipher.AEAD // seals blob manifests and chunks
	audit    cipher.AEAD // seals audit entries and the audit head
	material [][]byte    // every secret byte slice, for wipe
}

// deriveKEK stretches the password into the key-encryption key.
func deriveKEK(password, salt []byte, p Params) []byte {
	return argon2.IDKey(password, salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
}

// wrapAD is the associated data of the wrapped data key: it binds the
// whole header, so editing any header field makes unwrapping fail.
func wrapAD(h *header) []byte {
	ad := adPrefix(nil, h.id, kindKeyWrap)
	ad = append(ad, encodeKDF(h.params)...)
	return append(ad, h.salt...)
}

// wrapKey seals the data key under kek.
func wrapKey(rnd io.Reader, kek, dk []byte, h *header) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, fmt.Errorf("vault: key wrap: %w", err)
	}
	defer wipeAEAD(aead)
	out := make([]byte, nonceLen, wrappedLen)
	if _, err := io.ReadFull(rnd, out); err != nil {
		return nil, fmt.Errorf("vault: random nonce: %w", err)
	}
	return aead.Seal(out, out[:nonceLen], dk, wrapAD(h)), nil
}

// unwrapKey opens the wrapped data key with kek; failure means a wrong
// password (or a tampered header).
func unwrapKey(kek []byte, h *header) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, fmt.Errorf("vault: key unwrap: %w", err)
	}
	defer wipeAEAD(aead)
	if len(h.wrapped) != wrappedLen {
		return nil, ErrWrongPassword
	}
	dk, err := aead.Open(nil, h.wrapped[:nonceLen], h.wrapped[nonceLen:], wrapAD(h))
	if err != nil {
		return nil, ErrWrongPassword
	}
	return dk, nil
}

// unlock derives the KEK from password and returns the unwrapped data key.
func unlock(password []byte, h *header) ([]byte, error) {
	kek := deriveKEK(password, h.salt, h.params)
	defer wipe(kek)
	return unwrapKey(kek, h)
}

// newKeyring derives all sub-keys from the data key.
func newKeyring(dk []byte, id [vaultIDLen]byte) (*keyring, error) {
	k := &keyring{vaultID: id}
	sub := func(label string) ([]byte, error) {
		b, err := hkdf.Key(sha256.New, dk, id[:], label, keyLen)
		if err != nil {
			return nil, fmt.Errorf("vault: hkdf %s: %w", label, err)
		}
		k.material = append(k.material, b)
		return b, nil
	}
	aead := func(label string) (cipher.AEAD, error) {
		b, err := sub(label)
		if err != nil {
			return nil, err
		}
		return chacha20poly1305.NewX(b)
	}
	var err error
	if k.index, err = sub(labelIndex); err != nil {
		return nil, err
	}
	if k.records, err = aead(labelRecords); err != nil {
		return nil, err
	}
	if k.blobs, err = aead(labelBlobs); err != nil {
		return nil, err
	}
	if k.audit, err = aead(labelAudit); err != nil {
		return nil, err
	}
	return k, nil
}

// wipe zeroes the key material (best effort, see docs/SECURITY.md).
func (k *keyring) wipe() {
	for _, b := range k.material {
		wipe(b)
	}
	wipeAEAD(k.records)
	wipeAEAD(k.blobs)
	wipeAEAD(k.audit)
	*k = keyring{}
}

// mac returns a new HMAC-SHA256 keyed with the index key.
func (k *keyring) mac() hash.Hash { return hmac.New(sha256.New, k.index) }

// recordKey computes the storage key of record id in bucket:
// HMAC-SHA256(K_index, 0x01 || u32be(len(bucket)) || bucket || id).
func recordKey(m hash.Hash, bucket, id string) []byte {
	m.Reset()
	var hdr [5]byte
	hdr[0] = domainRecord
	binary.BigEndian.PutUint32(hdr[1:], uint32(len(bucket)))
	m.Write(hdr[:])
	io.WriteString(m, bucket)
	io.WriteString(m, id)
	return m.Sum(nil)
}

// blobKey computes the storage key of the manifest of blob name:
// HMAC-SHA256(K_index, 0x02 || name).
func blobKey(m hash.Hash, name string) []byte {
	m.Reset()
	m.Write([]byte{domainBlob})
	io.WriteString(m, name)
	return m.Sum(nil)
}

// adPrefix appends the common associated-data prefix:
// "motpart-vault" || u32be(FormatVersion) || u8(kind) || vaultID.
func adPrefix(b []byte, id [vaultIDLen]byte, kind byte) []byte {
	b = append(b, adMagic...)
	b = binary.BigEndian.AppendUint32(b, FormatVersion)
	b = append(b, kind)
	return append(b, id[:]...)
}

// recordAD: prefix(kindRecord) || u32be(len(bucket)) || bucket || key.
func recordAD(b []byte, id [vaultIDLen]byte, bucket string, key []byte) []byte {
	b = adPrefix(b, id, kindRecord)
	b = binary.BigEndian.AppendUint32(b, uint32(len(bucket)))
	b = append(b, bucket...)
	return append(b, key...)
}

// manifestAD: prefix(kindManifest) || key.
func manifestAD(id [vaultIDLen]byte, key []byte) []byte {
	return append(adPrefix(nil, id, kindManifest), key...)
}

// chunkAD: prefix(kindChunk) || blobID || u32be(index) || u8(last).
func chunkAD(b []byte, id [vaultIDLen]byte, blobID []byte, index uint32, last bool) []byte {
	b = adPrefix(b, id, kindChunk)
	b = append(b, blobID...)
	b = binary.BigEndian.AppendUint32(b, index)
	if last {
		return append(b, 1)
	}
	return append(b, 0)
}

// auditEntryAD: prefix(kindAuditEntry) || u64be(seq).
func auditEntryAD(id [vaultIDLen]byte, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(adPrefix(nil, id, kindAuditEntry), seq)
}

// auditHeadAD: prefix(kindAuditHead).
func auditHeadAD(id [vaultIDLen]byte) []byte {
	return adPrefix(nil, id, kindAuditHead)
}

// seal returns nonce || AEAD(plaintext, ad) appended to dst.
func seal(dst []byte, rnd io.Reader, aead cipher.AEAD, plaintext, ad []byte) ([]byte, error) {
	n := len(dst)
	dst = append(dst, make([]byte, nonceLen)...)
	nonce := dst[n : n+nonceLen]
	if _, err := io.ReadFull(rnd, nonce); err != nil {
		return nil, fmt.Errorf("vault: random nonce: %w", err)
	}
	return aead.Seal(dst, nonce, plaintext, ad), nil
}

// open authenticates and decrypts a sealed value, appending the plaintext
// to dst. Any failure is ErrTampered.
func open(dst []byte, aead cipher.AEAD, sealed, ad []byte) ([]byte, error) {
	if len(sealed) < overhead {
		return nil, ErrTampered
	}
	out, err := aead.Open(dst, sealed[:nonceLen], sealed[nonceLen:], ad)
	if err != nil {
		return nil, ErrTampered
	}
	return out, nil
}

// wipe zeroes b.
func wipe(b []byte) {
	clear(b)
}

// wipeAEAD zeroes the key copy held inside an XChaCha20-Poly1305 AEAD from
// golang.org/x/crypto. The type is unexported, so this is done through
// reflection and only if the value has the expected shape (a pointer to a
// struct whose first field is key [32]byte); otherwise it does nothing.
func wipeAEAD(a cipher.AEAD) {
	if a == nil {
		return
	}
	v := reflect.ValueOf(a)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().NumField() < 1 {
		return
	}
	f := v.Elem().Type().Field(0)
	if f.Name != "key" || f.Type != reflect.TypeFor[[chacha20poly1305.KeySize]byte]() {
		return
	}
	p := (*[chacha20poly1305.KeySize]byte)(v.Elem().Field(0).Addr().UnsafePointer())
	clear(p[:])
}

// randSource is where all randomness comes from: crypto/rand unless the
// caller supplied a reader (tests), which is then serialised.
type randSource struct {
	mu sync.Mutex
	r  io.Reader // nil means crypto/rand
}

// Read fills p with random bytes.
func (s *randSource) Read(p []byte) (int, error) {
	if s.r == nil {
		return rand.Read(p)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return io.ReadFull(s.r, p)
}
