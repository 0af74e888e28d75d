// Package zipguard holds what the readers of outside zip files (the
// Register of beneficial owners' download, SCB's sector file) check before
// they trust a zip: how many entries it announces, read from its last
// bytes before the zip reader loads its central directory.
package zipguard

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

// EntryCount reads the number of entries from the end-of-central-directory
// record (or its zip64 version), so that a zip announcing millions of
// entries is refused without reading them.
func EntryCount(r io.ReaderAt, size int64) (uint64, error) {
	const eocdLen = 22
	if size < eocdLen {
		return 0, errors.New("too small")
	}
	n := min(size, eocdLen+65535)
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && !errors.Is(err, io.EOF) {
		return 0, err
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return 0, errors.New("no end of central directory")
	}
	count := uint64(binary.LittleEndian.Uint16(buf[i+10:]))
	// A zip64 locator just before the record points to the zip64 record.
	if i >= 20 && string(buf[i-20:i-16]) == "PK\x06\x07" {
		off := int64(binary.LittleEndian.Uint64(buf[i-20+8:]))
		var rec [56]byte
		if off >= 0 && off+56 <= size {
			if _, err := r.ReadAt(rec[:], off); err == nil && string(rec[:4]) == "PK\x06\x06" {
				count = max(count, binary.LittleEndian.Uint64(rec[32:]))
			}
		}
	}
	return count, nil
}
