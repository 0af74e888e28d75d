package sheet

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/zipguard"
	"github.com/xuri/excelize/v2"
)

// xlsxLimits bound an XLSX file. Its XML compresses well, so the
// ratio allowed is higher than for the sector file; the sizes that the
// zip's headers declare are checked before excelize reads it, and Go's zip
// reader fails an entry that expands past its declared size. (Deflate
// cannot compress more than about 1,000 times: a bomb nests zips or
// repeats entries, which the entry count and excelize's total size limit
// bound.)
var xlsxLimits = zipLimits{
	MaxEntries:   MaxXLSXEntries,
	MaxEntrySize: 1 << 30,
	MaxRatio:     500,
	RatioGrace:   1 << 20,
}

// XLSXReader reads the first sheet of an XLSX workbook row by row.
type XLSXReader struct {
	f     *excelize.File
	rows  *excelize.Rows
	file  *os.File
	total int
}

// OpenXLSX opens the XLSX file at path.
func OpenXLSX(path string) (*XLSXReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("sheet: %w", err)
	}
	x, err := NewXLSXReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	x.file = f
	return x, nil
}

// NewXLSXReader reads an XLSX workbook of size bytes from r.
func NewXLSXReader(r io.ReaderAt, size int64) (*XLSXReader, error) {
	l := xlsxLimits
	zr, err := l.openZip(r, size)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		u, c := int64(f.UncompressedSize64), int64(f.CompressedSize64)
		switch {
		case f.UncompressedSize64 > uint64(l.MaxEntrySize):
			return nil, &LimitError{Limit: LimitEntrySize, Max: l.MaxEntrySize, Entry: f.Name}
		case u > l.RatioGrace && u > l.MaxRatio*max(c, 1):
			return nil, &LimitError{Limit: LimitRatio, Max: l.MaxRatio, Entry: f.Name}
		}
	}
	wb, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    2 << 30,
		UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		return nil, &FormatError{Err: fmt.Errorf("not a readable XLSX workbook: %w", err)}
	}
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		wb.Close()
		return nil, &FormatError{Err: errors.New("the workbook has no sheet")}
	}
	rows, err := wb.Rows(sheets[0])
	if err != nil {
		wb.Close()
		return nil, &FormatError{Err: fmt.Errorf("reading sheet %q: %w", sheets[0], err)}
	}
	x := &XLSXReader{f: wb, rows: rows, total: -1}
	// The dimension is only a hint: a workbook written without it says "A1".
	if dim, err := wb.GetSheetDimension(sheets[0]); err == nil && dimensionRows(dim) > 1 {
		x.total = dimensionRows(dim)
	}
	return x, nil
}

// dimensionRows returns the last row of a sheet dimension such as
// "A1:K1001"; -1 if it has none.
func dimensionRows(dim string) int {
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		last = dim
	}
	i := strings.IndexAny(last, "0123456789")
	if i < 0 {
		return -1
	}
	n, err := strconv.Atoi(last[i:])
	if err != nil {
		return -1
	}
	return n
}

// Next implements Reader.
func (x *XLSXReader) Next() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, &FormatError{Err: err}
		}
		return nil, io.EOF
	}
	cols, err := x.rows.Columns()
	if err != nil {
		return nil, &FormatError{Err: err}
	}
	return cols, nil
}

// Total implements Reader.
func (x *XLSXReader) Total() int { return x.total }

// Format implements Reader: "XLSX".
func (x *XLSXReader) Format() string { return "XLSX" }

// Close implements Reader.
func (x *XLSXReader) Close() error {
	err := x.rows.Close()
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	if x.file != nil {
		if cerr := x.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// zipLimits bound the zip an XLSX workbook is.
type zipLimits struct {
	MaxEntries           int
	MaxEntrySize         int64
	MaxRatio, RatioGrace int64
}

// openZip opens a zip, refusing one that announces more than MaxEntries
// entries before its central directory is read.
func (l zipLimits) openZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
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
