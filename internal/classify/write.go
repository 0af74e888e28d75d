package classify

import (
	"io"
	"os"

	"github.com/motpart/motpart/internal/sheet"
)

// createTemp creates the temporary file beside path that becomes path.
func createTemp(path string) (*os.File, error) { return sheet.CreateTemp(path) }

// rowWriter writes the output rows.
type rowWriter = sheet.Writer

func newRowWriter(w io.Writer, format string, delim rune, in rowReader) (rowWriter, error) {
	if format == FormatXLSX {
		return sheet.NewXLSXWriter(w)
	}
	if delim == 0 {
		delim = ';'
		if c, ok := in.(*sheet.CSVReader); ok {
			delim = c.Comma()
		}
	}
	return sheet.NewCSVWriter(w, delim)
}
