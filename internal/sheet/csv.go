package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxLine is the longest physical line, in bytes, of a CSV file.
const MaxLine = 1 << 20

// MaxXLSXEntries is the most entries an XLSX file may hold.
const MaxXLSXEntries = 1000

// sniffSize is how much of a CSV file is looked at to tell its encoding
// and delimiter.
const sniffSize = 64 << 10

// Encoding is the character encoding of a CSV file.
type Encoding uint8

// The encodings NewCSVReader tells apart.
const (
	UTF8        Encoding = iota // UTF-8 without a byte-order mark
	UTF8BOM                     // UTF-8 with a byte-order mark (Excel's "CSV UTF-8")
	Windows1252                 // Windows-1252 (Excel's "CSV" on a Swedish Windows)
)

// String names the encoding.
func (e Encoding) String() string {
	switch e {
	case UTF8BOM:
		return "UTF-8 with BOM"
	case Windows1252:
		return "Windows-1252"
	}
	return "UTF-8"
}

// Reader reads a tabular file row by row.
type Reader interface {
	// Next returns the next row, io.EOF after the last. The slice is the
	// caller's to keep. A limit passed gives a *LimitError, a file that
	// cannot be read a *FormatError.
	Next() ([]string, error)
	// Total estimates the number of rows left to read, header included;
	// -1 if unknown.
	Total() int
	// Format says what the file was read as: "CSV (;, UTF-8)", "XLSX".
	Format() string
	Close() error
}

// IsXLSX reports whether the file at path is an XLSX workbook: by its
// extension, or, for another extension, by a zip's first bytes.
func IsXLSX(path string) (bool, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true, nil
	case ".csv", ".txt", ".tsv":
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, fmt.Errorf("sheet: %w", err)
	}
	defer f.Close()
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	return string(magic[:n]) == "PK\x03\x04", nil
}

// Open opens a tabular file, CSV or XLSX (by IsXLSX).
func Open(path string) (Reader, error) {
	x, err := IsXLSX(path)
	if err != nil {
		return nil, err
	}
	if x {
		return OpenXLSX(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	c, err := NewCSVReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	c.closer = f
	c.path = path
	return c, nil
}

// CSVReader reads a CSV file.
type CSVReader struct {
	r      *csv.Reader
	enc    Encoding
	comma  rune
	closer io.Closer
	path   string
	total  int
}

// NewCSVReader reads the start of r to tell its encoding and delimiter.
func NewCSVReader(r io.Reader) (*CSVReader, error) {
	br := bufio.NewReaderSize(&lineGuard{r: r}, sniffSize)
	sample, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, readError(err)
	}
	c := &CSVReader{total: -1}
	switch {
	case bytes.HasPrefix(sample, []byte("\xEF\xBB\xBF")):
		c.enc = UTF8BOM
		_, _ = br.Discard(3)
		sample = sample[3:]
	case validUTF8Prefix(sample, len(sample) < sniffSize):
		c.enc = UTF8
	default:
		c.enc = Windows1252
	}
	c.comma = sniffDelimiter(sample)
	c.r = csv.NewReader(br)
	c.r.Comma = c.comma
	c.r.LazyQuotes = true
	c.r.FieldsPerRecord = -1
	return c, nil
}

// Next implements Reader.
func (c *CSVReader) Next() ([]string, error) {
	rec, err := c.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, readError(err)
	}
	for i, s := range rec {
		rec[i] = c.decode(s)
	}
	return rec, nil
}

// decode returns field s as UTF-8. A field of a UTF-8 file that is not
// UTF-8 is taken for Windows-1252, as files are often pasted together.
func (c *CSVReader) decode(s string) string {
	if c.enc != Windows1252 && utf8.ValidString(s) {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return Decode1252(s)
		}
	}
	return s
}

// Total implements Reader: the file's lines, counted once.
func (c *CSVReader) Total() int {
	if c.total < 0 && c.path != "" {
		c.total = countLines(c.path)
	}
	return c.total
}

// Close implements Reader.
func (c *CSVReader) Close() error {
	if c.closer != nil {
		return c.closer.Close()
	}
	return nil
}

// countLines counts the lines of the file at path (-1 if it cannot be
// read): the rows, unless quoted fields hold line breaks.
func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n, last := 0, byte('\n')
	for {
		k, err := f.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if err != nil {
			break
		}
	}
	if last != '\n' {
		n++
	}
	return n
}

// Encoding returns the encoding the file was read as.
func (c *CSVReader) Encoding() Encoding { return c.enc }

// Comma returns the delimiter the file was read with.
func (c *CSVReader) Comma() rune { return c.comma }

// Format implements Reader: "CSV (;, Windows-1252)".
func (c *CSVReader) Format() string {
	d := string(c.comma)
	if c.comma == '\t' {
		d = "tab"
	}
	return "CSV (" + d + ", " + c.enc.String() + ")"
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut off at
// its end when b is not the whole file.
func validUTF8Prefix(b []byte, whole bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if whole {
		return false
	}
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
}

// sniffDelimiter picks ',', ';' or tab: the one that splits the first
// lines of sample into the same number (above one) of fields, the most
// fields winning; failing that, the one that splits the first line most.
func sniffDelimiter(sample []byte) rune {
	lines := sampleLines(sample, 20)
	best, bestN, consistent := ',', 1, false
	for _, d := range []byte{';', '\t', ','} {
		n0, same := -1, true
		for _, l := range lines {
			n := countFields(l, d)
			if n0 < 0 {
				n0 = n
			} else if n != n0 {
				same = false
			}
		}
		switch {
		case n0 <= 1:
		case same && (!consistent || n0 > bestN):
			best, bestN, consistent = rune(d), n0, true
		case !consistent && n0 > bestN:
			best, bestN = rune(d), n0
		}
	}
	return best
}

// sampleLines returns up to n complete, non-blank lines of sample, quoted
// line breaks kept inside their line.
func sampleLines(sample []byte, n int) [][]byte {
	var lines [][]byte
	quoted, start := false, 0
	for i, c := range sample {
		switch c {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				if l := bytes.TrimRight(sample[start:i], "\r"); len(bytes.TrimSpace(l)) > 0 {
					lines = append(lines, l)
				}
				start = i + 1
				if len(lines) == n {
					return lines
				}
			}
		}
	}
	if len(lines) == 0 && start < len(sample) {
		lines = append(lines, sample[start:])
	}
	return lines
}

// countFields counts the fields of line l split at d outside quotes.
func countFields(l []byte, d byte) int {
	n, quoted := 1, false
	for _, c := range l {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// win1252 maps the bytes 0x80–0x9F of Windows-1252 to their runes; the
// other bytes are Latin-1. The five unassigned bytes stay C1 controls.
var win1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// Decode1252 decodes Windows-1252 to UTF-8.
func Decode1252(s string) string {
	b := make([]byte, 0, len(s)+len(s)/4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			b = append(b, c)
		case c < 0xA0:
			b = utf8.AppendRune(b, win1252[c-0x80])
		default:
			b = utf8.AppendRune(b, rune(c))
		}
	}
	return string(b)
}

// lineGuard fails a read once a line grows past MaxLine bytes.
type lineGuard struct {
	r    io.Reader
	line int // bytes since the last line break
	err  error
}

func (g *lineGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for b := p[:n]; ; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			g.line += len(b)
			break
		}
		if g.line+i > MaxLine {
			g.line += i
			break
		}
		g.line, b = 0, b[i+1:]
	}
	if g.line > MaxLine {
		g.err = &LimitError{Limit: LimitLine, Max: MaxLine}
		return 0, g.err
	}
	return n, err
}

// customerError wraps a reading error, keeping a LimitError as it is.
func readError(err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return le
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FormatError{Line: pe.StartLine, Err: pe.Err}
	}
	return &FormatError{Err: err}
}
