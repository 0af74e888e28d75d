package rrh

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/zipguard"
)

// Kind is the format of a full-register file.
type Kind int

// The formats ReadTotalStream reads.
const (
	// Detect tells JSON from CSV by the first character.
	Detect Kind = iota
	// JSON is a JSON array of registrations (or a sequence of them, one
	// after the other, as in JSON Lines).
	JSON
	// CSV is the register's CSV: ';'-separated, quoted, one row per owner
	// and position.
	CSV
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case JSON:
		return "JSON"
	case CSV:
		return "CSV"
	}
	return "detect"
}

// Defaults of Limits.
const (
	DefaultMaxEntries          = 16
	DefaultMaxEntrySize        = 4 << 30
	DefaultMaxRatio            = 200
	DefaultRatioGrace          = 1 << 20
	DefaultMaxRegistrationSize = 1 << 20
	DefaultMaxOwners           = 1000
	DefaultMaxPositions        = 100
)

// Limits bound what the full-register readers accept, against zip bombs
// and oversized or hostile files. Every limit is checked while reading,
// on the bytes actually read: sizes in a zip's headers are not trusted.
// Zero fields take the defaults.
type Limits struct {
	// MaxEntries is the most entries a zip may hold (default 16).
	MaxEntries int
	// MaxEntrySize is the most bytes one zip entry may expand to
	// (default 4 GiB).
	MaxEntrySize int64
	// MaxRatio is the highest compression ratio (uncompressed bytes per
	// compressed byte) of a zip entry, checked once RatioGrace bytes have
	// been expanded (defaults 200 and 1 MiB).
	MaxRatio   int64
	RatioGrace int64
	// MaxRegistrationSize is the most bytes of one registration: a JSON
	// element, or the CSV rows of one organisation (default 1 MiB).
	MaxRegistrationSize int
	// MaxOwners is the most beneficial owners of one registration
	// (default 1000); MaxPositions the most positions of one owner
	// (default 100).
	MaxOwners    int
	MaxPositions int

	// chunk is the JSON reader's buffer size, for tests of its edges;
	// zero means readChunk.
	chunk int
}

// DefaultLimits returns the default Limits.
func DefaultLimits() Limits { return Limits{}.withDefaults() }

func (l Limits) withDefaults() Limits {
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
	if l.MaxRegistrationSize <= 0 {
		l.MaxRegistrationSize = DefaultMaxRegistrationSize
	}
	if l.MaxOwners <= 0 {
		l.MaxOwners = DefaultMaxOwners
	}
	if l.MaxPositions <= 0 {
		l.MaxPositions = DefaultMaxPositions
	}
	return l
}

func (l Limits) reg() regLimits {
	return regLimits{maxOwners: l.MaxOwners, maxPositions: l.MaxPositions}
}

// Stats counts what a reader read.
type Stats struct {
	// Registrations is how many registrations were passed to fn, and
	// Owners how many beneficial owners they hold.
	Registrations, Owners int
	// Bytes is how many (uncompressed) bytes were read.
	Bytes int64
	// Skipped is how many registrations were left out because they have
	// no organisation number.
	Skipped int
}

// ReadTotal reads a full-register download as served (a zip holding a
// JSON or CSV file) with DefaultLimits; see Limits.ReadTotal.
func ReadTotal(r io.ReaderAt, size int64, fn func(*dossier.Owners) error) (Stats, error) {
	return DefaultLimits().ReadTotal(r, size, fn)
}

// ReadTotalStream reads an unzipped full-register file with
// DefaultLimits; see Limits.ReadTotalStream.
func ReadTotalStream(r io.Reader, kind Kind, fn func(*dossier.Owners) error) (Stats, error) {
	return DefaultLimits().ReadTotalStream(r, kind, fn)
}

// ReadTotal reads a zip of size bytes holding the register's JSON or CSV
// file(s) (entries named *.json or *.csv; others are ignored) and calls fn
// for each registration, in file order, with a new *dossier.Owners that fn
// may keep. Owners.Source is "offline". It streams: memory does not grow
// with the file. An error of fn stops the reading and is returned
// (wrapped). Passing a limit gives a *LimitError, unreadable data a
// *FormatError.
func (l Limits) ReadTotal(r io.ReaderAt, size int64, fn func(*dossier.Owners) error) (Stats, error) {
	l = l.withDefaults()
	var st Stats
	n, err := zipguard.EntryCount(r, size)
	if err == nil && n > uint64(l.MaxEntries) {
		return st, &LimitError{Limit: LimitEntries, Max: int64(l.MaxEntries)}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return st, &FormatError{Err: fmt.Errorf("not a readable zip file: %w", err)}
	}
	if len(zr.File) > l.MaxEntries {
		return st, &LimitError{Limit: LimitEntries, Max: int64(l.MaxEntries)}
	}
	found := 0
	for _, f := range zr.File {
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".json", ".jsonl", ".ndjson", ".csv":
		default:
			continue
		}
		if f.FileInfo().IsDir() {
			continue
		}
		found++
		// The content, not the name, says JSON or CSV.
		if err := l.readEntry(f, Detect, fn, &st); err != nil {
			return st, err
		}
	}
	if found == 0 {
		return st, &FormatError{Err: errors.New("the zip file holds no .json or .csv file")}
	}
	return st, nil
}

// readEntry reads one zip entry, counting and checking the bytes as they
// expand, and checks its CRC at the end.
func (l Limits) readEntry(f *zip.File, kind Kind, fn func(*dossier.Owners) error, st *Stats) error {
	if f.Flags&0x1 != 0 {
		return &FormatError{Entry: f.Name, Err: errors.New("the file is encrypted")}
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return &FormatError{Entry: f.Name, Err: err}
	}
	compressed := &countReader{r: raw}
	var data io.Reader
	switch f.Method {
	case zip.Store:
		data = compressed
	case zip.Deflate:
		fr := flate.NewReader(compressed)
		defer fr.Close()
		data = fr
	default:
		return &FormatError{Entry: f.Name, Err: fmt.Errorf("compression method %d is not supported", f.Method)}
	}
	g := &guardReader{r: data, compressed: compressed, lim: l, entry: f.Name, crc: crc32.NewIEEE()}
	err = l.readStream(g, kind, fn, st, f.Name)
	if err == nil {
		// Read to the end, within the limits, to check the checksum.
		_, err = io.Copy(io.Discard, g)
	}
	st.Bytes += g.n
	if err != nil {
		return withEntry(err, f.Name)
	}
	if g.crc.Sum32() != f.CRC32 {
		return &FormatError{Entry: f.Name, Err: zip.ErrChecksum}
	}
	if uint64(g.n) != f.UncompressedSize64 {
		return &FormatError{Entry: f.Name, Err: fmt.Errorf("it expands to %d bytes, its header says %d", g.n, f.UncompressedSize64)}
	}
	return nil
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

// guardReader checks an expanding zip entry while it is read: its size
// and its compression ratio, on the bytes actually produced.
type guardReader struct {
	r          io.Reader
	compressed *countReader
	lim        Limits
	entry      string
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
	// Never read much past the limit.
	if room := g.lim.MaxEntrySize - g.n + 1; int64(len(p)) > room {
		p = p[:max(room, 1)]
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	g.crc.Write(p[:n])
	switch {
	case g.n > g.lim.MaxEntrySize:
		g.err = &LimitError{Limit: LimitEntrySize, Max: g.lim.MaxEntrySize, Entry: g.entry, Offset: g.n}
		return 0, g.err
	case g.n > g.lim.RatioGrace && g.n > g.lim.MaxRatio*max(g.compressed.n, 1):
		g.err = &LimitError{Limit: LimitRatio, Max: g.lim.MaxRatio, Entry: g.entry, Offset: g.n}
		return 0, g.err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		g.err = &FormatError{Entry: g.entry, Offset: g.n, Err: fmt.Errorf("decompressing: %w", err)}
		return n, g.err
	}
	return n, err
}

// ReadTotalStream reads an unzipped full-register file, JSON or CSV (or
// Detect: JSON when it starts with '[' or '{'), and calls fn for each
// registration, as Limits.ReadTotal does. A JSON array is read element by
// element (never the whole array in memory); CSV rows are grouped by
// registration. A UTF-8 byte-order mark is skipped.
func (l Limits) ReadTotalStream(r io.Reader, kind Kind, fn func(*dossier.Owners) error) (Stats, error) {
	l = l.withDefaults()
	var st Stats
	c := &countReader{r: r}
	err := l.readStream(c, kind, fn, &st, "")
	st.Bytes = c.n
	return st, err
}

// readStream reads one stream; st.Bytes is left to the caller, who
// counts the bytes.
func (l Limits) readStream(r io.Reader, kind Kind, fn func(*dossier.Owners) error, st *Stats, entry string) error {
	s := newJSONStream(r, l)
	first, err := s.start()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return &FormatError{Entry: entry, Err: errors.New("the file is empty")}
		}
		return withEntry(err, entry)
	}
	if kind == Detect {
		kind = CSV
		if first == '[' || first == '{' {
			kind = JSON
		}
	}
	if kind == CSV {
		return withEntry(l.readCSV(s.rest(), fn, st), entry)
	}
	return withEntry(l.readJSON(s, fn, st), entry)
}

// readJSON reads the registrations of a JSON stream.
func (l Limits) readJSON(s *jsonStream, fn func(*dossier.Owners) error, st *Stats) error {
	p := parser{intern: make(map[string]string, 256)}
	lim := l.reg()
	for {
		if err := s.nextElement(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		o := &dossier.Owners{Source: "offline"}
		if err := s.element(&p, o, lim); err != nil {
			return err
		}
		if o.Number == "" {
			st.Skipped++
			continue
		}
		st.Registrations++
		st.Owners += len(o.Owners)
		if err := fn(o); err != nil {
			return fmt.Errorf("rrh: registration of %s: %w", o.Number, err)
		}
	}
}
