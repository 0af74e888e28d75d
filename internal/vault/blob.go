package vault

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BlobInfo describes a stored blob.
type BlobInfo struct {
	// Name is the caller's name for the blob (sealed in the file).
	Name string
	// Size is the plaintext size in bytes.
	Size int64
	// Created is when the blob was written (UTC).
	Created time.Time
}

// manifest is the sealed description of a blob:
// blobID (16) || u64be(size) || u32be(chunks) || i64be(created unix nanos) || name.
type manifest struct {
	id      []byte
	size    int64
	chunks  uint32
	created time.Time
	name    string
}

const manifestFixed = blobIDLen + 8 + 4 + 8

func (m manifest) encode() []byte {
	b := make([]byte, 0, manifestFixed+len(m.name))
	b = append(b, m.id...)
	b = binary.BigEndian.AppendUint64(b, uint64(m.size))
	b = binary.BigEndian.AppendUint32(b, m.chunks)
	b = binary.BigEndian.AppendUint64(b, uint64(m.created.UnixNano()))
	return append(b, m.name...)
}

func decodeManifest(b []byte) (manifest, bool) {
	if len(b) < manifestFixed {
		return manifest{}, false
	}
	m := manifest{
		id:      append([]byte(nil), b[:blobIDLen]...),
		size:    int64(binary.BigEndian.Uint64(b[16:24])),
		chunks:  binary.BigEndian.Uint32(b[24:28]),
		created: timeFromNanos(int64(binary.BigEndian.Uint64(b[28:36]))),
		name:    string(b[manifestFixed:]),
	}
	if m.size < 0 || m.chunks == 0 || uint64(m.size) > uint64(m.chunks)*BlobChunkSize {
		return manifest{}, false
	}
	return m, true
}

func (m manifest) info() BlobInfo { return BlobInfo{Name: m.name, Size: m.size, Created: m.created} }

// getManifest reads and opens the manifest of name; ErrNotFound if absent.
func getManifest(tx *bolt.Tx, k *keyring, name string) (manifest, []byte, error) {
	key := blobKey(k.mac(), name)
	sealed := tx.Bucket(bktBlobs).Get(key)
	if sealed == nil {
		// Nothing found: make sure no blob was lost to damage.
		if err := verifyBlobSet(tx, k); err != nil {
			return manifest{}, key, err
		}
		return manifest{}, key, ErrNotFound
	}
	m, err := openManifest(k, key, sealed)
	if err == nil && m.name != name {
		err = ErrTampered
	}
	return m, key, err
}

func openManifest(k *keyring, key, sealed []byte) (manifest, error) {
	pt, err := open(nil, k.blobs, sealed, manifestAD(k.vaultID, key))
	if err != nil {
		return manifest{}, err
	}
	m, ok := decodeManifest(pt)
	if !ok {
		return manifest{}, ErrTampered
	}
	return m, nil
}

// PutBlob stores the contents of r as blob name, replacing any blob of
// that name. The data is streamed: it is sealed in chunks of at most
// BlobChunkSize bytes and written in several transactions under a fresh
// random blob id; the blob becomes visible only when its sealed manifest
// is committed after the last chunk, so a reader never sees a partial
// blob. If r fails, ctx is cancelled, the vault is locked, or the blob
// exceeds the size limit (ErrTooLarge), the chunks written so far are
// removed (or, after a crash, on the next Open).
func (v *Vault) PutBlob(ctx context.Context, name string, r io.Reader) (BlobInfo, error) {
	if err := checkName("blob name", name, MaxIDLen); err != nil {
		return BlobInfo{}, fmt.Errorf("vault: put blob: %w", err)
	}
	m := manifest{id: make([]byte, blobIDLen), name: name, created: v.now().UTC()}
	if _, err := io.ReadFull(v.rand, m.id); err != nil {
		return BlobInfo{}, fmt.Errorf("vault: put blob: random: %w", err)
	}
	w := blobWriter{v: v, m: &m}
	err := w.run(ctx, r)
	if err != nil {
		if w.started {
			w.abort()
		}
		return BlobInfo{}, fmt.Errorf("vault: put blob: %w", err)
	}
	return m.info(), nil
}

// blobWriter holds the state of one PutBlob.
type blobWriter struct {
	v       *Vault
	m       *manifest
	started bool     // some chunks (and the pending marker) are committed
	batch   [][]byte // sealed chunks not yet written
	first   uint32   // index of batch[0]
	bytes   int      // plaintext bytes in batch
	spare   [][]byte // buffers for reuse
	ad      []byte
}

func (w *blobWriter) run(ctx context.Context, r io.Reader) error {
	v := w.v
	br := bufio.NewReaderSize(r, v.chunkSize)
	chunk := make([]byte, v.chunkSize)
	defer clear(chunk)
	for index := uint32(0); ; index++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := io.ReadFull(br, chunk)
		last := false
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			last = true
		case err != nil:
			return fmt.Errorf("read: %w", err)
		default:
			if _, err := br.Peek(1); err == io.EOF {
				last = true
			} else if err != nil {
				return fmt.Errorf("read: %w", err)
			}
		}
		w.m.size += int64(n)
		if w.m.size > v.maxBlob {
			return fmt.Errorf("%w: blob larger than %d bytes", ErrTooLarge, v.maxBlob)
		}
		if !last && index == math.MaxUint32-1 {
			return fmt.Errorf("%w: too many chunks", ErrTooLarge)
		}
		if err := w.add(chunk[:n], index, last); err != nil {
			return err
		}
		if last {
			w.m.chunks = index + 1
			return w.publish()
		}
		if w.bytes >= v.batchSize {
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
}

// add seals one chunk into the batch.
func (w *blobWriter) add(pt []byte, index uint32, last bool) error {
	var buf []byte
	if n := len(w.spare); n > 0 {
		buf, w.spare = w.spare[n-1][:0], w.spare[:n-1]
	} else {
		buf = make([]byte, 0, w.v.chunkSize+overhead)
	}
	err := w.v.read(func(k *keyring) (err error) {
		w.ad = chunkAD(w.ad[:0], k.vaultID, w.m.id, index, last)
		buf, err = seal(buf, w.v.rand, k.blobs, pt, w.ad)
		return err
	})
	if err != nil {
		return err
	}
	if len(w.batch) == 0 {
		w.first = index
	}
	w.batch = append(w.batch, buf)
	w.bytes += len(pt)
	return nil
}

// putBatch writes the batched chunks into tx.
func (w *blobWriter) putBatch(tx *bolt.Tx) error {
	if !w.started {
		if err := tx.Bucket(bktPending).Put(w.m.id, []byte{}); err != nil {
			return err
		}
	}
	chunks := tx.Bucket(bktChunks)
	for i, s := range w.batch {
		if err := chunks.Put(chunkKey(w.m.id, w.first+uint32(i)), s); err != nil {
			return err
		}
	}
	return nil
}

// recycle makes the committed batch's buffers reusable.
func (w *blobWriter) recycle() {
	w.spare = append(w.spare, w.batch...)
	w.batch = w.batch[:0]
	w.bytes = 0
}

// flush commits the batched chunks in their own transaction.
func (w *blobWriter) flush() error {
	err := w.v.read(func(k *keyring) error {
		return w.v.db.Update(w.putBatch)
	})
	if err != nil {
		return err
	}
	w.started = true
	w.recycle()
	return nil
}

// publish commits the remaining chunks and the manifest, replacing an
// older blob of the same name.
func (w *blobWriter) publish() error {
	err := w.v.read(func(k *keyring) error {
		return w.v.db.Update(func(tx *bolt.Tx) error {
			if err := w.putBatch(tx); err != nil {
				return err
			}
			blobs := tx.Bucket(bktBlobs)
			old, key, err := getManifest(tx, k, w.m.name)
			switch {
			case err == nil:
				if err := deleteChunks(tx, old.id); err != nil {
					return err
				}
			case errors.Is(err, ErrNotFound), errors.Is(err, ErrTampered):
				// Nothing to remove, or an unreadable manifest whose
				// chunks Compact will drop.
			default:
				return err
			}
			sealed, err := seal(nil, w.v.rand, k.blobs, w.m.encode(), manifestAD(k.vaultID, key))
			if err != nil {
				return err
			}
			if blobs.Get(key) == nil {
				if err := changeBlobSet(tx, w.v.rand, k, key, 1); err != nil {
					return err
				}
			}
			if err := blobs.Put(key, sealed); err != nil {
				return err
			}
			return tx.Bucket(bktPending).Delete(w.m.id)
		})
	})
	if err != nil {
		return err
	}
	w.recycle()
	return nil
}

// abort removes what a failed PutBlob committed (best effort; the pending
// marker makes the next Open finish the job).
func (w *blobWriter) abort() {
	_ = w.v.read(func(k *keyring) error {
		return w.v.db.Update(func(tx *bolt.Tx) error {
			if err := deleteChunks(tx, w.m.id); err != nil {
				return err
			}
			return tx.Bucket(bktPending).Delete(w.m.id)
		})
	})
}

// deleteChunks deletes every chunk of blob id.
func deleteChunks(tx *bolt.Tx, id []byte) error {
	b := tx.Bucket(bktChunks)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(id); k != nil && bytes.HasPrefix(k, id); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// OpenBlob returns a reader of blob name (ErrNotFound if it does not
// exist). Each chunk is authenticated before any of its bytes are
// returned; a missing, reordered, truncated, extended or modified chunk
// makes Read fail with ErrTampered. Bytes returned before such an error
// are authentic, but the blob as a whole must be treated as failed.
// The reader reads one chunk per short read transaction; it fails with
// ErrLocked if the vault is locked, and with ErrTampered if the blob is
// replaced or deleted while it is being read. Close releases its buffer.
func (v *Vault) OpenBlob(name string) (io.ReadCloser, error) {
	if err := checkName("blob name", name, MaxIDLen); err != nil {
		return nil, fmt.Errorf("vault: open blob: %w", err)
	}
	var m manifest
	err := v.read(func(k *keyring) error {
		return v.db.View(func(tx *bolt.Tx) (err error) {
			m, _, err = getManifest(tx, k, name)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("vault: open blob: %w", err)
	}
	return &blobReader{v: v, m: m}, nil
}

// blobReader streams a blob chunk by chunk.
type blobReader struct {
	v     *Vault
	m     manifest
	next  uint32 // index of the next chunk to load
	total int64  // plaintext bytes loaded so far
	buf   []byte // decrypted chunk
	rest  []byte // unread part of buf
	ad    []byte
	err   error // sticky
}

// Read implements io.Reader.
func (r *blobReader) Read(p []byte) (int, error) {
	for len(r.rest) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.next == r.m.chunks {
			r.err = io.EOF
			continue
		}
		if err := r.load(); err != nil {
			clear(r.buf)
			r.err = fmt.Errorf("vault: read blob: %w", err)
			return 0, r.err
		}
	}
	n := copy(p, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

// load authenticates and decrypts the next chunk.
func (r *blobReader) load() error {
	index := r.next
	last := index == r.m.chunks-1
	err := r.v.read(func(k *keyring) error {
		return r.v.db.View(func(tx *bolt.Tx) error {
			sealed := tx.Bucket(bktChunks).Get(chunkKey(r.m.id, index))
			if sealed == nil {
				return fmt.Errorf("%w: chunk %d missing", ErrTampered, index)
			}
			r.ad = chunkAD(r.ad[:0], k.vaultID, r.m.id, index, last)
			pt, err := open(r.buf[:0], k.blobs, sealed, r.ad)
			if err != nil {
				return fmt.Errorf("%w: chunk %d", err, index)
			}
			r.buf = pt
			return nil
		})
	})
	if err != nil {
		return err
	}
	r.total += int64(len(r.buf))
	switch {
	case len(r.buf) > BlobChunkSize, r.total > r.m.size, last && r.total != r.m.size:
		return fmt.Errorf("%w: chunk sizes do not match the manifest", ErrTampered)
	}
	r.rest = r.buf
	r.next++
	return nil
}

// Close implements io.Closer; it wipes the reader's buffer.
func (r *blobReader) Close() error {
	clear(r.buf)
	r.buf, r.rest = nil, nil
	if r.err == nil || r.err == io.EOF {
		r.err = errors.New("vault: read blob: reader closed")
	}
	return nil
}

// StatBlob returns the description of blob name, or ErrNotFound.
func (v *Vault) StatBlob(name string) (BlobInfo, error) {
	if err := checkName("blob name", name, MaxIDLen); err != nil {
		return BlobInfo{}, fmt.Errorf("vault: stat blob: %w", err)
	}
	var m manifest
	err := v.read(func(k *keyring) error {
		return v.db.View(func(tx *bolt.Tx) (err error) {
			m, _, err = getManifest(tx, k, name)
			return err
		})
	})
	if err != nil {
		return BlobInfo{}, fmt.Errorf("vault: stat blob: %w", err)
	}
	return m.info(), nil
}

// DeleteBlob removes blob name and all its chunks; ErrNotFound if it does
// not exist. A blob whose manifest fails authentication is removed too;
// its chunks are then dropped by the next Compact.
func (v *Vault) DeleteBlob(name string) error {
	if err := checkName("blob name", name, MaxIDLen); err != nil {
		return fmt.Errorf("vault: delete blob: %w", err)
	}
	err := v.read(func(k *keyring) error {
		return v.db.Update(func(tx *bolt.Tx) error {
			m, key, err := getManifest(tx, k, name)
			switch {
			case err == nil:
				if err := deleteChunks(tx, m.id); err != nil {
					return err
				}
			case !errors.Is(err, ErrTampered) || tx.Bucket(bktBlobs).Get(key) == nil:
				return err
			}
			if err := changeBlobSet(tx, v.rand, k, key, -1); err != nil {
				return err
			}
			return tx.Bucket(bktBlobs).Delete(key)
		})
	})
	if err != nil {
		return fmt.Errorf("vault: delete blob: %w", err)
	}
	return nil
}

// ListBlobs describes every blob, sorted by name.
func (v *Vault) ListBlobs() ([]BlobInfo, error) {
	var list []BlobInfo
	err := v.read(func(k *keyring) error {
		return v.db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bktBlobs).ForEach(func(key, sealed []byte) error {
				m, err := openManifest(k, key, sealed)
				if err != nil {
					return err
				}
				if !bytes.Equal(blobKey(k.mac(), m.name), key) {
					return ErrTampered
				}
				list = append(list, m.info())
				return nil
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("vault: list blobs: %w", err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list, nil
}
