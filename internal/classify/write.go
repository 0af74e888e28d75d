package classify

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// createTemp creates the temporary file beside path that becomes path.
func createTemp(path string) (*os.File, error) {
	if path == "" {
		return nil, errors.New("classify: no output file named")
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	return f, nil
}

// rowWriter writes the output rows.
type rowWriter interface {
	Write(row []string) error
	// Close finishes the file; abort, after Close or instead of it,
	// releases what is held.
	Close() error
	abort()
}

func newRowWriter(w io.Writer, format string, delim rune, in rowReader) (rowWriter, error) {
	if format == FormatXLSX {
		return newXLSXWriter(w)
	}
	if delim == 0 {
		delim = ';'
		if c, ok := in.(*csvReader); ok {
			delim = c.comma
		}
	}
	return newCSVWriter(w, delim)
}

// csvWriter writes CSV as Excel reads it: UTF-8 with a byte-order mark,
// CRLF line ends.
type csvWriter struct {
	bw *bufio.Writer
	cw *csv.Writer
}

func newCSVWriter(w io.Writer, delim rune) (*csvWriter, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	if _, err := bw.WriteString("\xEF\xBB\xBF"); err != nil {
		return nil, fmt.Errorf("classify: writing CSV: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.Comma = delim
	cw.UseCRLF = true
	return &csvWriter{bw: bw, cw: cw}, nil
}

func (c *csvWriter) Write(row []string) error {
	if err := c.cw.Write(row); err != nil {
		return fmt.Errorf("classify: writing CSV: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("classify: writing CSV: %w", err)
	}
	if err := c.bw.Flush(); err != nil {
		return fmt.Errorf("classify: writing CSV: %w", err)
	}
	return nil
}

func (c *csvWriter) abort() {}
