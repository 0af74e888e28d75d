package sheet

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// CreateTemp creates the temporary file beside path that becomes path.
func CreateTemp(path string) (*os.File, error) {
	if path == "" {
		return nil, errors.New("sheet: no output file named")
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	return f, nil
}

// Writer writes rows.
type Writer interface {
	Write(row []string) error
	// Close finishes the file; Abort, after Close or instead of it,
	// releases what is held.
	Close() error
	Abort()
}

// CSVWriter writes CSV as Excel reads it: UTF-8 with a byte-order mark,
// CRLF line ends.
type CSVWriter struct {
	bw *bufio.Writer
	cw *csv.Writer
}

// NewCSVWriter writes CSV to w with delim between the fields.
func NewCSVWriter(w io.Writer, delim rune) (*CSVWriter, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	if _, err := bw.WriteString("\xEF\xBB\xBF"); err != nil {
		return nil, fmt.Errorf("sheet: writing CSV: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.Comma = delim
	cw.UseCRLF = true
	return &CSVWriter{bw: bw, cw: cw}, nil
}

// Write adds a row.
func (c *CSVWriter) Write(row []string) error {
	if err := c.cw.Write(row); err != nil {
		return fmt.Errorf("sheet: writing CSV: %w", err)
	}
	return nil
}

// Close flushes what is buffered.
func (c *CSVWriter) Close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("sheet: writing CSV: %w", err)
	}
	if err := c.bw.Flush(); err != nil {
		return fmt.Errorf("sheet: writing CSV: %w", err)
	}
	return nil
}

// Abort implements Writer; a CSVWriter holds nothing.
func (c *CSVWriter) Abort() {}

// XLSXWriter writes rows to a new workbook with excelize's stream writer,
// every value a text cell (numbers keep their leading zeros), and writes
// the workbook to w on Close.
type XLSXWriter struct {
	w    io.Writer
	f    *excelize.File
	sw   *excelize.StreamWriter
	row  int
	vals []any
}

// NewXLSXWriter writes a new workbook of one sheet to w.
func NewXLSXWriter(w io.Writer) (*XLSXWriter, error) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("sheet: %w", err)
	}
	return &XLSXWriter{w: w, f: f, sw: sw}, nil
}

// Write adds a row.
func (x *XLSXWriter) Write(row []string) error {
	x.row++
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return fmt.Errorf("sheet: writing XLSX: %w", err)
	}
	x.vals = x.vals[:0]
	for _, s := range row {
		x.vals = append(x.vals, s)
	}
	if err := x.sw.SetRow(cell, x.vals); err != nil {
		return fmt.Errorf("sheet: writing XLSX row %d: %w", x.row, err)
	}
	return nil
}

// Close finishes the workbook and writes it out.
func (x *XLSXWriter) Close() error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("sheet: writing XLSX: %w", err)
	}
	if _, err := x.f.WriteTo(x.w); err != nil {
		return fmt.Errorf("sheet: writing XLSX: %w", err)
	}
	return nil
}

// Abort discards the workbook.
func (x *XLSXWriter) Abort() { x.f.Close() }
