package classify

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// detectRows is how many rows after the header Classify and Preview look
// at to find the number column.
const detectRows = 200

// ErrNoColumn is returned when no column of a customer file looks like
// it holds organisation or personal numbers; name the column then.
var ErrNoColumn = errors.New("classify: no column holds organisation or personal numbers")

// ColumnNotFoundError is a column asked for by name that the customer
// file's header does not have.
type ColumnNotFoundError struct{ Column string }

// Error implements error.
func (e *ColumnNotFoundError) Error() string {
	return fmt.Sprintf("classify: the file has no column %q", e.Column)
}

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
// like it holds Swedish organisation or personal numbers, or -1. A cell
// scores 1 when it is a valid number and ½ when it only has the shape of
// one (10 or 12 digits and separators); a column scores the mean over its
// non-blank cells, plus ¼ when its header names such a column. A column
// must score ½, or have a hinted header and score above zero.
func detectColumn(header []string, rows [][]string, now time.Time) int {
	width := len(header)
	for _, r := range rows {
		width = max(width, len(r))
	}
	best, bestScore := -1, 0.0
	for c := range width {
		sum, n := 0.0, 0
		for _, r := range rows {
			if c >= len(r) || strings.TrimSpace(r[c]) == "" {
				continue
			}
			n++
			switch num := Normalize(r[c], now); {
			case num.Status == StatusValid:
				sum++
			case numberShape(r[c]):
				sum += 0.5
			}
		}
		score := 0.0
		if n > 0 {
			score = sum / float64(n)
		}
		hint := c < len(header) && hinted(header[c])
		if score < 0.5 && !(hint && score > 0) {
			continue
		}
		if hint {
			score += 0.25
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
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

// findColumn returns the index of the column named name in header:
// matched without regard to case or surrounding spaces, or given as "#N"
// (from 1).
func findColumn(header []string, name string) (int, error) {
	want := strings.TrimSpace(name)
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), want) {
			return i, nil
		}
	}
	if n, ok := strings.CutPrefix(want, "#"); ok {
		if i, err := strconv.Atoi(n); err == nil && i >= 1 && i <= max(len(header), 1<<14) {
			return i - 1, nil
		}
	}
	return -1, &ColumnNotFoundError{Column: name}
}
