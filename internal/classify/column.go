package classify

import (
	"errors"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/sheet"
)

// detectRows is how many rows after the header Classify and Preview look
// at to find the number column.
const detectRows = 200

// ErrNoColumn is returned when no column of a customer file looks like
// it holds organisation or personal numbers; name the column then.
var ErrNoColumn = errors.New("classify: no column holds organisation or personal numbers")

// ColumnNotFoundError is a column asked for by name that the customer
// file's header does not have.
type ColumnNotFoundError = sheet.ColumnNotFoundError

// headerHints are header words, folded by foldHeader, that name a column
// of organisation or personal numbers.
var headerHints = []string{
	"orgnr", "organisationsnummer", "organisationsnr", "orgnummer", "organisationnumber",
	"orgno", "peorgnr", "personnummer", "personnr", "pnr", "idnr", "identitetsnummer",
	"idnummer", "regnr", "registreringsnummer", "corporateid", "companynumber",
}

// hinted reports whether header h names a number column.
func hinted(h string) bool {
	f := foldHeader(h)
	for _, w := range headerHints {
		if f == w || len(w) > 4 && strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// detectColumn returns the column of rows (after header) that most looks
// like it holds Swedish organisation or personal numbers, or -1 (see
// sheet.DetectColumn): a cell scores 1 when it is a valid number and ½
// when it only has the shape of one (10 or 12 digits and separators); a
// hinted header adds ¼.
func detectColumn(header []string, rows [][]string, now time.Time) int {
	score := func(cell string) float64 {
		switch num := Normalize(cell, now); {
		case num.Status == StatusValid:
			return 1
		case numberShape(cell):
			return 0.5
		}
		return 0
	}
	return sheet.DetectColumn(header, rows, score, hinted)
}

// numberShape reports whether s is 10 or 12 digits with only spaces,
// hyphens or a plus between them.
func numberShape(s string) bool {
	d := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			d++
		case c == ' ' || c == '-' || c == '+':
		default:
			return false
		}
	}
	return d == 10 || d == 12
}

// findColumn returns the index of the column named name in header (see
// sheet.FindColumn).
func findColumn(header []string, name string) (int, error) {
	return sheet.FindColumn(header, name)
}
