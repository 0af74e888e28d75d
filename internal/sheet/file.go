package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The formats WriteFile writes.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// FormatOf returns the format a file named path is written in, by its
// extension: FormatXLSX for .xlsx, FormatCSV for .csv.
func FormatOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return FormatXLSX, nil
	case ".csv":
		return FormatCSV, nil
	}
	return "", fmt.Errorf("sheet: %s: the name must end in .xlsx or .csv", filepath.Base(path))
}

// NewWriter returns a Writer of format to w; CSV is written with ";"
// between the fields, UTF-8 with a byte-order mark and CRLF, as Excel in
// the Nordics opens it.
func NewWriter(w *os.File, format string) (Writer, error) {
	if format == FormatXLSX {
		return NewXLSXWriter(w)
	}
	return NewCSVWriter(w, ';')
}

// WriteFile writes a file at path in the format of its extension
// (FormatOf): write adds the rows. The file is written to a temporary
// file in the same folder and renamed into place when whole: on any
// error, path is left as it was.
func WriteFile(path string, write func(Writer) error) (err error) {
	format, err := FormatOf(path)
	if err != nil {
		return err
	}
	f, err := CreateTemp(path)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w, err := NewWriter(f, format)
	if err != nil {
		return err
	}
	defer w.Abort()
	if err := write(w); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sheet: writing %s: %w", filepath.Base(path), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("sheet: writing %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}
