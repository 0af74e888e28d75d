package sheet

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ColumnNotFoundError is a column asked for by name that the file's
// header does not have.
type ColumnNotFoundError struct{ Column string }

// Error implements error.
func (e *ColumnNotFoundError) Error() string {
	return fmt.Sprintf("the file has no column %q", e.Column)
}

// FindColumn returns the index of the column named name in header:
// matched without regard to case or surrounding spaces, or given as "#N"
// (from 1).
func FindColumn(header []string, name string) (int, error) {
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

// Blank reports whether every cell of row r is blank.
func Blank(r []string) bool {
	for _, s := range r {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// ReadStart reads the header (the first non-blank row) and up to n rows
// after it. An empty file gives a *FormatError.
func ReadStart(r Reader, n int) (header []string, rows [][]string, err error) {
	for header == nil {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil, nil, &FormatError{Err: errors.New("the file is empty")}
		}
		if err != nil {
			return nil, nil, err
		}
		if !Blank(row) {
			header = row
		}
	}
	for len(rows) < n {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, row)
	}
	return header, rows, nil
}

// ReferenceWords are header words, folded by FoldHeader, that name a
// column of the firm's own reference for a customer, in English,
// Swedish, Norwegian and Finnish. A bare "Kund", "Kunde" or "Asiakas" is
// left out: it names the customer's name as often as its number.
var ReferenceWords = []string{
	"reference", "ref", "yourref", "ourref", "customerno", "customernumber", "customerid", "clientno",
	"clientnumber", "clientid", "referens", "kundnr", "kundnummer", "kundid", "kundref", "referanse",
	"kundenr", "kundenummer", "viite", "asiakasnumero", "asiakasnro", "asiakastunnus", "viitenumero",
}

// ResponsibleWords are header words, folded by FoldHeader, that name a
// column of the person at the firm responsible for a customer.
var ResponsibleWords = []string{
	"responsible", "responsibleperson", "accountmanager", "ansvarig",
	"ansvarigperson", "kundansvarig", "handlaggare", "ansvarlig", "kundeansvarlig", "saksbehandler",
	"vastuuhenkilo", "vastuuhenkilö", "vastuu", "yhteyshenkilo", "vastuullinen",
}

// FoldHeader folds a header cell for comparison with header words: lower
// case, accents and everything but letters and digits dropped
// ("Kund-nr." → "kundnr", "Vastuuhenkilö" → "vastuuhenkilo").
func FoldHeader(h string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(h)) {
		// Accents decomposed are marks (Mn), neither letters nor digits.
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ColumnByWords returns the first column of header whose folded words
// equal one of words (folded), or, failing that, the first that contains
// one of the words of five or more letters; -1 when none does. Columns
// in skip are passed over.
func ColumnByWords(header, words []string, skip ...int) int {
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = FoldHeader(w)
	}
	skipped := func(i int) bool {
		for _, s := range skip {
			if s == i {
				return true
			}
		}
		return false
	}
	for pass := range 2 {
		for i, h := range header {
			if skipped(i) {
				continue
			}
			f := FoldHeader(h)
			if f == "" {
				continue
			}
			for _, w := range folded {
				if f == w || pass == 1 && len(w) >= 5 && strings.Contains(f, w) {
					return i
				}
			}
		}
	}
	return -1
}

// DetectColumn returns the column of rows (after header) that most looks
// like it holds what score recognises, or -1. score gives a cell 0 to 1
// (1: certainly such a value, ½: its shape only); a column scores the
// mean over its non-blank cells, plus ¼ when hint (which may be nil)
// accepts its header. A column must score ½, or have a hinted header and
// score above zero.
func DetectColumn(header []string, rows [][]string, score func(cell string) float64, hint func(header string) bool) int {
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
			sum += score(r[c])
		}
		s := 0.0
		if n > 0 {
			s = sum / float64(n)
		}
		hinted := hint != nil && c < len(header) && hint(header[c])
		if s < 0.5 && !(hinted && s > 0) {
			continue
		}
		if hinted {
			s += 0.25
		}
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}
