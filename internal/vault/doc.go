// Package vault is Motpart's encrypted store: one bbolt file, sealed with
// the user's password, that holds everything the application knows about
// its clients (certificates and private keys, register passwords, personal
// identity numbers, AML documents, notes, settings) plus a tamper-evident
// audit log.
//
// # Model
//
// A vault is a single file created with [Create] and unlocked with [Open].
// The password is stretched with Argon2id into a key-encryption key that
// unwraps a random 256-bit data key; every sub-key is derived from the data
// key with HKDF-SHA256. Every value is sealed with XChaCha20-Poly1305 and
// bound by its associated data to the vault, the bucket and the record key,
// so values cannot be moved, swapped or edited without detection. Record
// keys on disk are HMAC-SHA256 hashes of the natural id (an organisation
// or personal number never appears in clear); the natural id travels
// inside the sealed value so that buckets can be listed with
// [Vault.ForEach]. The exact file format is specified in docs/SECURITY.md.
//
// Records live in caller-named buckets ("notes", "certs", "settings"...).
// Bucket names are stored in clear and must therefore never contain
// personal data. Large documents are stored as blobs ([Vault.PutBlob],
// [Vault.OpenBlob]), sealed and streamed in chunks of at most 64 KiB.
//
// # Audit log
//
// The package never audits on its own: the use-case layer decides what to
// log with [Vault.Audit], or with [Tx.Audit] inside [Vault.Update] so that
// the entry is committed atomically with the change it describes.
// [Vault.AuditLog] returns the entries and verifies the hash chain.
//
// # Concurrency and locking
//
// A *Vault is safe for concurrent use by multiple goroutines. The file is
// held with an exclusive lock for as long as the vault is open; a second
// [Open] of the same file, from this or another process, fails quickly with
// [ErrAlreadyOpen]. [Vault.Lock] (or [Vault.Close]) closes the file and
// wipes the keys; afterwards every method returns [ErrLocked]. Functions
// passed to [Vault.Update] and [Vault.View] must use only the given [Tx]
// and must not call methods of the Vault itself, which would deadlock.
//
// # Errors
//
// Errors are wrapped with context and can be tested with errors.Is against
// the sentinel errors of this package ([ErrWrongPassword], [ErrTampered],
// [ErrNotFound], ...). Error messages never contain record ids, blob names,
// values or passwords, since ids may be personal numbers; bucket names,
// which are not secret, may appear.
package vault
