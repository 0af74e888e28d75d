package classify

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxLimits bound an XLSX customer file. Its XML compresses well, so the
// ratio allowed is higher than for the sector file; the sizes that the
// zip's headers declare are checked before excelize reads it, and Go's zip
// reader fails an entry that expands past its declared size. (Deflate
// cannot compress more than about 1,000 times: a bomb nests zips or
// repeats entries, which the entry count and excelize's total size limit
// bound.)
var xlsxLimits = ZipLimits{
	MaxEntries:   MaxXLSXEntries,
	MaxEntrySize: 1 << 30,
	MaxRatio:     500,
	RatioGrace:   1 << 20,
}

// xlsxReader reads the first sheet of an XLSX workbook row by row.
type xlsxReader struct {
	f     *excelize.File
	rows  *excelize.Rows
	file  *os.File
	total int
}

// openXLSX opens the XLSX file at path.
func openXLSX(path string) (*xlsxReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("classify: %w", err)
	}
	x, err := newXLSXReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	x.file = f
	return x, nil
}

// newXLSXReader reads an XLSX workbook of size bytes from r.
func newXLSXReader(r io.ReaderAt, size int64) (*xlsxReader, error) {
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
	x := &xlsxReader{f: wb, rows: rows, total: -1}
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

// Next implements rowReader.
func (x *xlsxReader) Next() ([]string, error) {
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

// Total implements rowReader.
func (x *xlsxReader) Total() int { return x.total }

// Close implements rowReader.
func (x *xlsxReader) Close() error {
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

// xlsxWriter writes rows to a new workbook with excelize's stream writer,
// every value a text cell (numbers keep their leading zeros), and writes
// the workbook to w on Close.
type xlsxWriter struct {
	w    io.Writer
	f    *excelize.File
	sw   *excelize.StreamWriter
	row  int
	vals []any
}

func newXLSXWriter(w io.Writer) (*xlsxWriter, error) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("classify: %w", err)
	}
	return &xlsxWriter{w: w, f: f, sw: sw}, nil
}

// Write adds a row.
func (x *xlsxWriter) Write(row []string) error {
	x.row++
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return fmt.Errorf("classify: writing XLSX: %w", err)
	}
	x.vals = x.vals[:0]
	for _, s := range row {
		x.vals = append(x.vals, s)
	}
	if err := x.sw.SetRow(cell, x.vals); err != nil {
		return fmt.Errorf("classify: writing XLSX row %d: %w", x.row, err)
	}
	return nil
}

// Close finishes the workbook and writes it out.
func (x *xlsxWriter) Close() error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("classify: writing XLSX: %w", err)
	}
	if _, err := x.f.WriteTo(x.w); err != nil {
		return fmt.Errorf("classify: writing XLSX: %w", err)
	}
	return nil
}

// abort discards the workbook.
func (x *xlsxWriter) abort() { x.f.Close() }
