package vault

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// openMode selects how openDB opens the file.
type openMode int

const (
	modeOpen     openMode = iota // existing file, read-write, exclusive lock
	modeCreate                   // new file (O_EXCL), read-write, exclusive lock
	modeReadOnly                 // existing file, read-only, shared lock
)

// errEmptyFile is returned by the OpenFile hook for a zero-length file,
// which bbolt would otherwise initialise.
var errEmptyFile = errors.New("empty file")

// openDB opens the bbolt file at path with a bounded lock wait. Errors
// wrap ErrAlreadyOpen, ErrNotVault, ErrCorrupt, ErrExists or fs errors.
//
// An existing file is first opened read-only (shared lock, bbolt reads
// only the meta pages) and its page structure is checked, because bbolt
// itself can hang or crash on a damaged file; only then is it reopened
// read-write with an exclusive lock.
//
// allowOldMeta accepts a damaged bbolt meta page (see checkStructure).
func openDB(path string, mode openMode, allowOldMeta bool) (*bolt.DB, error) {
	if mode == modeCreate {
		db, _, err := boltOpen(path, modeCreate)
		return db, err
	}
	ro, f, err := boltOpen(path, modeReadOnly)
	if err != nil {
		return nil, err
	}
	if err := safely(func() error { return checkStructure(ro, f, allowOldMeta) }); err != nil {
		_ = ro.Close()
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if mode == modeReadOnly {
		return ro, nil
	}
	if err := ro.Close(); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		db, f, err := boltOpen(path, modeOpen)
		if err != nil {
			return nil, err
		}
		// The file may have been replaced by a compaction between our
		// open and our lock; then we hold a lock on a dead file.
		fi1, err1 := f.Stat()
		fi2, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(fi1, fi2) {
			return db, nil
		}
		_ = db.Close()
		if attempt >= 2 {
			return nil, ErrAlreadyOpen
		}
	}
}

// boltOpen opens path with bbolt and also returns bbolt's *os.File.
func boltOpen(path string, mode openMode) (*bolt.DB, *os.File, error) {
	var f *os.File
	opts := &bolt.Options{
		Timeout:  lockTimeout,
		ReadOnly: mode == modeReadOnly,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if mode == modeCreate {
				flag |= os.O_CREATE | os.O_EXCL
			} else {
				flag &^= os.O_CREATE
			}
			fl, err := os.OpenFile(name, flag, 0o600)
			if err != nil {
				return nil, err
			}
			if mode != modeCreate {
				fi, err := fl.Stat()
				if err == nil && !fi.Mode().IsRegular() {
					err = errors.New("not a regular file")
				} else if err == nil && fi.Size() == 0 {
					err = errEmptyFile
				}
				if err != nil {
					_ = fl.Close()
					return nil, err
				}
			}
			f = fl
			return fl, nil
		},
	}
	var db *bolt.DB
	err := safely(func() (err error) {
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	if err != nil {
		if db == nil && f != nil && errors.Is(err, ErrCorrupt) {
			_ = f.Close() // bbolt panicked before it could clean up
		}
		return nil, nil, classifyOpenErr(err)
	}
	return db, f, nil
}

func classifyOpenErr(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrAlreadyOpen
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%w: %w", ErrExists, err)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return err
	case errors.Is(err, ErrCorrupt):
		return fmt.Errorf("%w: %w", ErrNotVault, err)
	default:
		// bbolt's ErrInvalid, ErrChecksum, ErrVersionMismatch, size and
		// mapping errors all mean the bytes are not a usable database.
		return fmt.Errorf("%w: %w", ErrNotVault, err)
	}
}

// safely runs fn, turning a panic (bbolt panics on some damaged pages)
// or a memory fault (reading beyond a truncated mapping) into ErrCorrupt.
func safely(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	return fn()
}

// syncDir fsyncs a directory so that a create or rename in it is durable.
// Windows cannot open directories for syncing; there it is a no-op.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync dir: %w", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync dir: %w", err)
	}
	return nil
}
