package classify

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/sheet"
)

// SectorRecord is one row of SCB's sector file: a legal unit, or a sole
// trader under the personal number. Every value is a string as SCB sends
// it, leading zeros kept; a variable the file does not carry is "".
type SectorRecord struct {
	// OrgNr is the 10-digit organisation or personal number.
	OrgNr string
	// PeOrgNr is SCB's 12-digit form: "16" and the organisation number, or
	// the personal number with its century ("19", "20").
	PeOrgNr string
	// Name is the company's name (a sole trader's own name).
	Name string
	// Sector and SectorText are the INSEKT 2014 sector (6 digits) and its
	// name.
	Sector, SectorText string
	// LegalForm and LegalFormText are the legal form (JURFORM, 2 digits)
	// and its name.
	LegalForm, LegalFormText string
	// OwnerCategory and OwnerCategoryText are the owner category (ÄGAR
	// 2000, 2 digits) and its name.
	OwnerCategory, OwnerCategoryText string
	// SNI is the main industry, SNI 2007 without the dot (5 digits); from
	// the dotted column when the file has only that one.
	SNI string
}

// MaxSectorLine is the longest line, in bytes, the sector file reader
// accepts; the real file's lines are under 1,000 bytes.
const MaxSectorLine = 64 << 10

// maxInterned bounds the strings the reader keeps per code column, so that
// a hostile file cannot grow the cache without bound.
const maxInterned = 8192

// The columns of the sector file the reader binds.
const (
	colPeOrgNr = iota
	colOrgNr
	colName
	colSector
	colSectorText
	colSNI
	colSNIDotted
	colOwner
	colOwnerText
	colLegal
	colLegalText
	numCols
)

// headerNames maps a header, folded by foldHeader, to its column: SCB's
// names (registries.md §1.2, with and without ", kod" on the dotted SNI
// code) and the English names a third-party reader gives them.
var headerNames = map[string]int{
	"peorgnr":           colPeOrgNr,
	"idnr":              colPeOrgNr,
	"orgnr":             colOrgNr,
	"organisationsnr":   colOrgNr,
	"foretagsnamn":      colName,
	"namn":              colName,
	"name":              colName,
	"sektorkod":         colSector,
	"sectorcode":        colSector,
	"sektor":            colSectorText,
	"sector":            colSectorText,
	"bransch1kod":       colSNI,
	"industrycode":      colSNI,
	"bransch1pkod":      colSNIDotted,
	"bransch1p":         colSNIDotted,
	"industrycode2":     colSNIDotted,
	"agarkategorikod":   colOwner,
	"ownercategorycode": colOwner,
	"agarkategori":      colOwnerText,
	"ownercategory":     colOwnerText,
	"juridiskformkod":   colLegal,
	"jurformkod":        colLegal,
	"legalformcode":     colLegal,
	"juridiskform":      colLegalText,
	"jurform":           colLegalText,
	"legalform":         colLegalText,
}

// foldHeader reduces a header to lower-case ASCII letters and digits:
// "Ägarkategori, kod" and "agarkategori_kod" both give "agarkategorikod".
func foldHeader(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r)+'a'-'A')
		case r == 'å' || r == 'ä' || r == 'Å' || r == 'Ä' || r == 'á' || r == 'à':
			b = append(b, 'a')
		case r == 'ö' || r == 'Ö' || r == 'ø' || r == 'Ø':
			b = append(b, 'o')
		case r == 'é' || r == 'É' || r == 'è':
			b = append(b, 'e')
		case r == 'ü' || r == 'Ü':
			b = append(b, 'u')
		}
	}
	return string(b)
}

// FormatError is a sector or customer file that cannot be read.
type FormatError = sheet.FormatError

// ErrNoNumberColumn is the cause of a FormatError for a sector file whose
// header names neither PeOrgNr nor OrgNr.
var ErrNoNumberColumn = errors.New("the header has no PeOrgNr or OrgNr column")

// ReadSectorFile reads sektor.txt and calls each for every row, in file
// order. The file is tab-separated with a header line naming the columns
// (any order; SCB's Swedish names or the English variants); it is Latin-1
// unless it starts with a UTF-8 byte-order mark or its header is UTF-8.
// Lines end in LF or CRLF; blank lines are skipped; a field in double
// quotes loses them. Columns the reader does not know are ignored, and a
// short row leaves the missing values "". A line longer than
// MaxSectorLine gives a *LimitError, a file without a header or without a
// number column a *FormatError; an error of each stops the reading and is
// returned wrapped.
func ReadSectorFile(r io.Reader, each func(SectorRecord) error) error {
	_, err := readSector(r, each)
	return err
}

// sectorReader holds the state of one read of a sector file.
type sectorReader struct {
	col    [numCols]int // field index of each column, -1 if absent
	last   int          // the highest field index needed
	utf8   bool         // the file is UTF-8, not Latin-1
	intern [numCols]map[string]string
	fields [][]byte
}

// readSector is ReadSectorFile, also counting the rows.
func readSector(r io.Reader, each func(SectorRecord) error) (rows int, err error) {
	return scanSector(r, func(sr *sectorReader) error { return each(sr.record()) })
}

// scanSector reads a sector file and calls row for each data line, split
// into sr.fields.
func scanSector(r io.Reader, row func(sr *sectorReader) error) (rows int, err error) {
	br := bufio.NewReaderSize(r, MaxSectorLine)
	var sr sectorReader
	line := 0
	header := true
	for {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return rows, &LimitError{Limit: LimitLine, Max: MaxSectorLine, Line: line + 1}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return rows, &FormatError{Line: line + 1, Err: err}
		}
		eof := err != nil
		if len(b) > 0 {
			line++
			b = trimEOL(b)
			if header {
				if line == 1 {
					b, sr.utf8 = bytes.CutPrefix(b, []byte("\xEF\xBB\xBF"))
				}
				if len(bytes.TrimSpace(b)) > 0 {
					if err := sr.bindHeader(b); err != nil {
						return rows, &FormatError{Line: line, Err: err}
					}
					header = false
				}
			} else if len(b) > 0 {
				sr.split(b)
				rows++
				if err := row(&sr); err != nil {
					return rows, fmt.Errorf("classify: sector file line %d: %w", line, err)
				}
			}
		}
		if eof {
			break
		}
	}
	if header {
		return rows, &FormatError{Err: errors.New("the file is empty: no header")}
	}
	return rows, nil
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// bindHeader finds the columns in the header line h.
func (sr *sectorReader) bindHeader(h []byte) error {
	if !sr.utf8 && !isASCII(h) && utf8.Valid(h) {
		sr.utf8 = true
	}
	for i := range sr.col {
		sr.col[i] = -1
	}
	for i, f := range bytes.Split(h, []byte("\t")) {
		c, ok := headerNames[foldHeader(sr.decode(unquote(bytes.TrimSpace(f))))]
		if !ok || sr.col[c] >= 0 {
			continue
		}
		sr.col[c] = i
		sr.last = max(sr.last, i)
	}
	if sr.col[colPeOrgNr] < 0 && sr.col[colOrgNr] < 0 {
		return ErrNoNumberColumn
	}
	for _, c := range []int{colSector, colSectorText, colSNI, colSNIDotted, colOwner, colOwnerText, colLegal, colLegalText} {
		sr.intern[c] = make(map[string]string)
	}
	sr.fields = make([][]byte, sr.last+1)
	return nil
}

// split splits line b into sr.fields.
func (sr *sectorReader) split(b []byte) {
	f := sr.fields
	for i := range f {
		j := bytes.IndexByte(b, '\t')
		if j < 0 {
			f[i] = b
			b = nil
			for i++; i < len(f); i++ {
				f[i] = nil
			}
			break
		}
		f[i], b = b[:j], b[j+1:]
	}
}

// record returns the split line as a SectorRecord.
func (sr *sectorReader) record() SectorRecord {
	f := sr.fields
	rec := SectorRecord{
		PeOrgNr:           sr.value(f, colPeOrgNr),
		OrgNr:             sr.value(f, colOrgNr),
		Name:              sr.value(f, colName),
		Sector:            sr.value(f, colSector),
		SectorText:        sr.value(f, colSectorText),
		SNI:               sr.value(f, colSNI),
		LegalForm:         sr.value(f, colLegal),
		LegalFormText:     sr.value(f, colLegalText),
		OwnerCategory:     sr.value(f, colOwner),
		OwnerCategoryText: sr.value(f, colOwnerText),
	}
	if rec.SNI == "" {
		if d := sr.value(f, colSNIDotted); d != "" {
			rec.SNI = removeDot(d)
		}
	}
	return rec
}

// value returns column c of the split line f, decoded, without quotes
// and surrounding spaces; "" if the file has no such column.
func (sr *sectorReader) value(f [][]byte, c int) string {
	b := sr.raw(c)
	if len(b) == 0 {
		return ""
	}
	m := sr.intern[c]
	if m == nil {
		return sr.decode(b)
	}
	if s, ok := m[string(b)]; ok {
		return s
	}
	s := sr.decode(b)
	if len(m) < maxInterned {
		m[string(b)] = s
	}
	return s
}

// raw returns column c of the split line, without quotes and surrounding
// spaces, not decoded; nil if the file has no such column.
func (sr *sectorReader) raw(c int) []byte {
	i := sr.col[c]
	if i < 0 {
		return nil
	}
	return unquote(bytes.TrimSpace(sr.fields[i]))
}

// appendDecoded appends b to dst as UTF-8, decoded as decode does.
func (sr *sectorReader) appendDecoded(dst, b []byte) []byte {
	if isASCII(b) || sr.utf8 && utf8.Valid(b) {
		return append(dst, b...)
	}
	for _, c := range b {
		if c < utf8.RuneSelf {
			dst = append(dst, c)
		} else {
			dst = append(dst, 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	return dst
}

// decode returns b as a UTF-8 string: Latin-1 decoded, or as is in a UTF-8
// file (where a field that is not UTF-8 is taken for Latin-1).
func (sr *sectorReader) decode(b []byte) string {
	if isASCII(b) || sr.utf8 && utf8.Valid(b) {
		return string(b)
	}
	return latin1(b)
}

// latin1 decodes ISO-8859-1: each byte is the code point of its value.
func latin1(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
		} else {
			out = append(out, 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	return string(out)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// unquote removes the double quotes around b, and undoubles those inside.
func unquote(b []byte) []byte {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return b
	}
	b = b[1 : len(b)-1]
	if bytes.Contains(b, []byte(`""`)) {
		b = bytes.ReplaceAll(b, []byte(`""`), []byte(`"`))
	}
	return b
}

// removeDot turns the dotted SNI code "43.210" into "43210".
func removeDot(s string) string {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i] + s[i+1:]
	}
	return s
}
