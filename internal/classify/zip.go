package classify

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"strings"

	"github.com/motpart/motpart/internal/sheet"
	"github.com/motpart/motpart/internal/zipguard"
)

// Defaults of ZipLimits.
const (
	DefaultMaxEntries   = 16
	DefaultMaxEntrySize = 4 << 30
	DefaultMaxRatio     = 200
	DefaultRatioGrace   = 1 << 20
)

// ZipLimits bound what the zip readers accept, against zip bombs: the
// sector file as SCB sends it, and XLSX customer files. Sizes are checked
// on the bytes actually expanded, not on what the zip's headers say. Zero
// fields take the defaults.
type ZipLimits struct {
	// MaxEntries is the most entries the zip may hold (default 16 for the
	// sector file; an XLSX is allowed 1,000).
	MaxEntries int
	// MaxEntrySize is the most bytes one entry may expand to (default
	// 4 GiB).
	MaxEntrySize int64
	// MaxRatio is the highest compression ratio of an entry, checked once
	// RatioGrace bytes have been expanded (defaults 200 and 1 MiB).
	MaxRatio, RatioGrace int64
}

func (l ZipLimits) withDefaults() ZipLimits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxEntrySize <= 0 {
		l.MaxEntrySize = DefaultMaxEntrySize
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	if l.RatioGrace <= 0 {
		l.RatioGrace = DefaultRatioGrace
	}
	return l
}

// LimitError is a limit that a file passed: it is refused rather than read
// without bounds.
type LimitError = sheet.LimitError

// The limits of LimitError.Limit.
const (
	LimitLine      = sheet.LimitLine      // a line longer than MaxSectorLine or MaxCustomerLine
	LimitEntries   = sheet.LimitEntries   // more zip entries than MaxEntries
	LimitEntrySize = sheet.LimitEntrySize // an entry larger than MaxEntrySize
	LimitRatio     = sheet.LimitRatio     // an entry compressed more than MaxRatio
)

// ReadSectorZip reads the sector file as SCB sends it, a zip of size bytes
// holding sektor.txt, with the default ZipLimits; see
// ZipLimits.ReadSectorZip.
func ReadSectorZip(r io.ReaderAt, size int64, each func(SectorRecord) error) error {
	return ZipLimits{}.ReadSectorZip(r, size, each)
}

// ReadSectorZip reads the entry sektor.txt of the zip (any case, in any
// folder; else the only .txt entry) with ReadSectorFile, streaming, and
// checks its CRC at the end. A limit passed gives a *LimitError, a zip
// that cannot be read or holds no sector file a *FormatError.
func (l ZipLimits) ReadSectorZip(r io.ReaderAt, size int64, each func(SectorRecord) error) error {
	_, err := l.readSectorZip(r, size, each)
	return err
}

func (l ZipLimits) readSectorZip(r io.ReaderAt, size int64, each func(SectorRecord) error) (int, error) {
	return l.withDefaults().scanSectorZip(r, size, func(sr *sectorReader) error { return each(sr.record()) })
}

// scanSectorZip is readSectorZip with scanSector's callback; l must have
// its defaults.
func (l ZipLimits) scanSectorZip(r io.ReaderAt, size int64, row func(*sectorReader) error) (int, error) {
	zr, err := l.openZip(r, size)
	if err != nil {
		return 0, err
	}
	var txt []*zip.File
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !strings.EqualFold(path.Ext(f.Name), ".txt") {
			continue
		}
		if strings.EqualFold(path.Base(f.Name), "sektor.txt") {
			txt = []*zip.File{f}
			break
		}
		txt = append(txt, f)
	}
	if len(txt) != 1 {
		return 0, &FormatError{Err: errors.New("the zip file holds no sektor.txt")}
	}
	f := txt[0]
	rc, err := l.openEntry(f)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	rows, err := scanSector(rc, row)
	if err == nil {
		err = rc.finish()
	}
	return rows, withEntry(err, f.Name)
}

// openZip opens a zip, refusing one that announces more than MaxEntries
// entries before its central directory is read.
func (l ZipLimits) openZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
	if n, err := zipguard.EntryCount(r, size); err == nil && n > uint64(l.MaxEntries) {
		return nil, &LimitError{Limit: LimitEntries, Max: int64(l.MaxEntries)}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FormatError{Err: fmt.Errorf("not a readable zip file: %w", err)}
	}
	if len(zr.File) > l.MaxEntries {
		return nil, &LimitError{Limit: LimitEntries, Max: int64(l.MaxEntries)}
	}
	return zr, nil
}

// openEntry opens one entry for reading through a guardReader.
func (l ZipLimits) openEntry(f *zip.File) (*guardReader, error) {
	if f.Flags&0x1 != 0 {
		return nil, &FormatError{Entry: f.Name, Err: errors.New("the file is encrypted")}
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, &FormatError{Entry: f.Name, Err: err}
	}
	compressed := &countReader{r: raw}
	g := &guardReader{compressed: compressed, lim: l, f: f, crc: crc32.NewIEEE()}
	switch f.Method {
	case zip.Store:
		g.r = compressed
	case zip.Deflate:
		fr := flate.NewReader(compressed)
		g.r, g.close = fr, fr.Close
	default:
		return nil, &FormatError{Entry: f.Name, Err: fmt.Errorf("compression method %d is not supported", f.Method)}
	}
	return g, nil
}

// withEntry sets the entry name of a LimitError or FormatError.
func withEntry(err error, entry string) error {
	var le *LimitError
	var fe *FormatError
	switch {
	case errors.As(err, &le) && le.Entry == "":
		le.Entry = entry
	case errors.As(err, &fe) && fe.Entry == "":
		fe.Entry = entry
	}
	return err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// guardReader checks an expanding zip entry while it is read: its size and
// its compression ratio, on the bytes actually produced.
type guardReader struct {
	r          io.Reader
	close      func() error
	compressed *countReader
	lim        ZipLimits
	f          *zip.File
	n          int64
	crc        interface {
		io.Writer
		Sum32() uint32
	}
	err error
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if room := g.lim.MaxEntrySize - g.n + 1; int64(len(p)) > room {
		p = p[:max(room, 1)]
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	g.crc.Write(p[:n])
	switch {
	case g.n > g.lim.MaxEntrySize:
		g.err = &LimitError{Limit: LimitEntrySize, Max: g.lim.MaxEntrySize, Entry: g.f.Name}
		return 0, g.err
	case g.n > g.lim.RatioGrace && g.n > g.lim.MaxRatio*max(g.compressed.n, 1):
		g.err = &LimitError{Limit: LimitRatio, Max: g.lim.MaxRatio, Entry: g.f.Name}
		return 0, g.err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		g.err = &FormatError{Entry: g.f.Name, Err: fmt.Errorf("decompressing: %w", err)}
		return n, g.err
	}
	return n, err
}

// finish reads the entry to its end, within the limits, and checks its
// checksum and size.
func (g *guardReader) finish() error {
	if _, err := io.Copy(io.Discard, g); err != nil {
		return err
	}
	if g.crc.Sum32() != g.f.CRC32 {
		return &FormatError{Entry: g.f.Name, Err: zip.ErrChecksum}
	}
	if uint64(g.n) != g.f.UncompressedSize64 {
		return &FormatError{Entry: g.f.Name, Err: fmt.Errorf("it expands to %d bytes, its header says %d", g.n, g.f.UncompressedSize64)}
	}
	return nil
}

// Close releases the decompressor.
func (g *guardReader) Close() error {
	if g.close != nil {
		return g.close()
	}
	return nil
}
