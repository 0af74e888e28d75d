package classify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The output formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// Input is a customer file to classify.
type Input struct {
	// Path is the file: XLSX (by its extension, or its content for an
	// unknown extension; the first sheet is read) or CSV (',', ';' or tab
	// separated; UTF-8, UTF-8 with a byte-order mark, or Windows-1252).
	// Its first non-blank row is the header.
	Path string
	// Column names the column with the numbers: a header, in any case, or
	// "#N" for the Nth column. "" finds it (see Preview).
	Column string
	// Now gives the century of 10-digit personal numbers; zero means
	// time.Now().
	Now time.Time
}

// Output is where and how the classified file is written.
type Output struct {
	// Path is the file to write. It is written beside itself under a
	// temporary name and renamed to Path only once whole; until then an
	// existing file at Path is left as it was.
	Path string
	// Format is FormatCSV or FormatXLSX; "" takes it from Path's
	// extension (".xlsx" or else CSV).
	Format string
	// Delimiter is the CSV delimiter; 0 keeps the input's (';' for an
	// XLSX input, as Excel on a Swedish Windows expects).
	Delimiter rune
	// Words are the texts of the added columns; nil means English.
	Words *Words
}

// Summary counts the outcome of Classify. Rows = Matched + SoleTraders +
// NotInFile + Invalid.
type Summary struct {
	// Rows is the number of customer rows classified (the header and
	// blank rows not counted).
	Rows int
	// Matched rows hold an organisation number found in the sector file;
	// SoleTraders a personal number found there (a sole trader's).
	Matched, SoleTraders int
	// NotInFile rows hold a valid number the sector file does not list (a
	// private person's, or a unit SCB does not cover).
	NotInFile int
	// Invalid rows hold no valid Swedish number, or none at all.
	Invalid int
	// BySector and ByLegalForm count the rows found in the sector file
	// (matched and sole traders) by sector and legal form code.
	BySector, ByLegalForm map[string]int
	// SectorTexts and LegalFormTexts give the sector file's text for each
	// code counted.
	SectorTexts, LegalFormTexts map[string]string
	// Column is the header of the column the numbers were read from, and
	// ColumnIndex its index.
	Column      string
	ColumnIndex int
}

// Table is the start of a customer file.
type Table struct {
	// Header is the first non-blank row.
	Header []string
	// Rows are the rows after it, as read.
	Rows [][]string
	// NumberColumn is the index of the column found to hold the numbers
	// (the one Classify uses when Input.Column is ""), or -1.
	NumberColumn int
}

// Preview reads the header and the first rows (at most rows) of a customer
// file and finds its number column.
func Preview(path string, rows int) (Table, error) {
	rr, err := openCustomer(path)
	if err != nil {
		return Table{}, err
	}
	defer rr.Close()
	header, sample, err := readStart(rr, max(rows, detectRows))
	if err != nil {
		return Table{}, err
	}
	t := Table{Header: header, NumberColumn: detectColumn(header, sample, time.Now())}
	t.Rows = sample[:min(max(rows, 0), len(sample))]
	return t, nil
}

// readStart reads the header (the first non-blank row) and up to n rows.
func readStart(rr rowReader, n int) (header []string, rows [][]string, err error) {
	for header == nil {
		r, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return nil, nil, &FormatError{Err: errors.New("the file is empty")}
		}
		if err != nil {
			return nil, nil, err
		}
		if !blank(r) {
			header = r
		}
	}
	for len(rows) < n {
		r, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, r)
	}
	return header, rows, nil
}

func blank(r []string) bool {
	for _, s := range r {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// Classify reads the customer file in, looks up each row's number in idx
// and writes the rows, each followed by the added columns (PeOrgNr,
// sector code and text, legal form code and text, owner category code and
// text, SNI, match status and reason), to out. Added columns come right
// after the header's last column, so a row longer than the header keeps
// its extra cells after them. A CSV is written UTF-8 with a byte-order
// mark and CRLF line ends, as Excel reads it; an XLSX has every value as
// text.
//
// progress, if not nil, is called now and then with the rows done and
// the rows expected: an estimate until the last call, which has both the
// same; 0 when not even an estimate is known (an XLSX that does not give
// its dimension). On an error, or when ctx
// is cancelled, nothing is left at out.Path (a file already there is
// kept as it was) and the error is returned.
func Classify(ctx context.Context, in Input, idx *Index, out Output, progress func(done, total int)) (Summary, error) {
	return classify(ctx, in, idx, out, progress, nil)
}

// classify is Classify; wrap, if not nil, wraps the temporary file's
// writer (tests use it to fail writes as a full disk does).
func classify(ctx context.Context, in Input, idx *Index, out Output, progress func(done, total int), wrap func(io.Writer) io.Writer) (sum Summary, err error) {
	if idx == nil {
		idx = NewIndex()
	}
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	format := strings.ToLower(out.Format)
	if format == "" {
		format = FormatCSV
		if strings.EqualFold(filepath.Ext(out.Path), ".xlsx") {
			format = FormatXLSX
		}
	}
	if format != FormatCSV && format != FormatXLSX {
		return Summary{}, fmt.Errorf("classify: unknown output format %q (want csv or xlsx)", out.Format)
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	rr, err := openCustomer(in.Path)
	if err != nil {
		return Summary{}, err
	}
	defer rr.Close()
	header, sample, err := readStart(rr, detectRows)
	if err != nil {
		return Summary{}, err
	}
	col := -1
	if in.Column == "" {
		if col = detectColumn(header, sample, now); col < 0 {
			return Summary{}, ErrNoColumn
		}
	} else if col, err = findColumn(header, in.Column); err != nil {
		return Summary{}, err
	}
	sum.ColumnIndex = col
	if col < len(header) {
		sum.Column = header[col]
	}

	dst, err := createTemp(out.Path)
	if err != nil {
		return Summary{}, err
	}
	defer func() {
		if err != nil {
			dst.Close()
			os.Remove(dst.Name())
		}
	}()
	var w io.Writer = dst
	if wrap != nil {
		w = wrap(w)
	}
	rw, err := newRowWriter(w, format, out.Delimiter, rr)
	if err != nil {
		return Summary{}, err
	}
	defer rw.Abort()

	c := classifier{idx: idx, words: out.Words.withDefaults(), now: now, col: col, width: len(header), sum: &sum}
	sum.BySector, sum.ByLegalForm = map[string]int{}, map[string]int{}
	sum.SectorTexts, sum.LegalFormTexts = map[string]string{}, map[string]string{}
	if err := rw.Write(c.header(header)); err != nil {
		return Summary{}, err
	}
	total := rr.Total() - 1 // less the header
	report := func(done int) {
		switch {
		case progress == nil:
		case total < 0:
			progress(done, 0)
		default:
			progress(done, max(total, done))
		}
	}
	report(0)
	done := 0
	row := func(r []string) error {
		if err := rw.Write(c.row(r)); err != nil {
			return err
		}
		if done++; done%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			report(done)
		}
		return nil
	}
	for _, r := range sample {
		if err := row(r); err != nil {
			return Summary{}, err
		}
	}
	for {
		r, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Summary{}, err
		}
		if err := row(r); err != nil {
			return Summary{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	if err := rw.Close(); err != nil {
		return Summary{}, err
	}
	if err := dst.Sync(); err != nil {
		return Summary{}, fmt.Errorf("classify: writing %s: %w", out.Path, err)
	}
	if err := dst.Close(); err != nil {
		return Summary{}, fmt.Errorf("classify: writing %s: %w", out.Path, err)
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	if err := os.Rename(dst.Name(), out.Path); err != nil {
		return Summary{}, fmt.Errorf("classify: %w", err)
	}
	if progress != nil {
		progress(done, done)
	}
	return sum, nil
}

// The added columns, in order.
const (
	addPeOrgNr = iota
	addSectorCode
	addSector
	addLegalFormCode
	addLegalForm
	addOwnerCode
	addOwner
	addSNI
	addStatus
	addReason
	numAdded
)

// classifier classifies rows one by one.
type classifier struct {
	idx   *Index
	words Words
	now   time.Time
	col   int
	width int // the header's
	sum   *Summary
	buf   []string
}

// header returns the output's header row.
func (c *classifier) header(h []string) []string {
	w := &c.words
	return append(append([]string(nil), h...),
		w.PeOrgNr, w.SectorCode, w.Sector, w.LegalFormCode, w.LegalForm,
		w.OwnerCategoryCode, w.OwnerCategory, w.SNI, w.Status, w.Reason)
}

// row classifies r and returns the output row, valid until the next call.
// A blank row comes back blank and is not counted.
func (c *classifier) row(r []string) []string {
	out := append(c.buf[:0], r[:min(len(r), c.width)]...)
	for len(out) < c.width {
		out = append(out, "")
	}
	if blank(r) {
		c.buf = out
		return out
	}
	var add [numAdded]string
	c.classify(r, &add)
	out = append(out, add[:]...)
	if len(r) > c.width {
		out = append(out, r[c.width:]...)
	}
	c.buf = out
	return out
}

// classify fills add for row r and counts it.
func (c *classifier) classify(r []string, add *[numAdded]string) {
	s := c.sum
	w := &c.words
	s.Rows++
	cell := ""
	if c.col < len(r) {
		cell = r[c.col]
	}
	n := Normalize(cell, c.now)
	switch n.Status {
	case StatusEmpty:
		s.Invalid++
		add[addStatus], add[addReason] = w.Invalid, w.Empty
		return
	case StatusInvalid:
		s.Invalid++
		add[addStatus], add[addReason] = w.Invalid, w.reason(n.Reason)
		return
	}
	add[addPeOrgNr] = n.PeOrgNr
	i, k, ok := c.idx.find(n)
	if !ok {
		s.NotInFile++
		add[addStatus] = w.NotInFile
		if n.Personal() {
			add[addReason] = w.PrivatePerson
		}
		return
	}
	if k < noCentury && k != n.key {
		add[addPeOrgNr] = keyPeOrgNr(k)
	}
	e := &c.idx.ents[i]
	p := c.idx.pairs
	sec, leg, own := p[e.sector], p[e.legal], p[e.owner]
	add[addSectorCode], add[addSector] = sec.code, sec.text
	add[addLegalFormCode], add[addLegalForm] = leg.code, leg.text
	add[addOwnerCode], add[addOwner] = own.code, own.text
	add[addSNI] = p[e.sni].code
	if n.Personal() {
		s.SoleTraders++
		add[addStatus] = w.SoleTrader
	} else {
		s.Matched++
		add[addStatus] = w.Matched
	}
	s.BySector[sec.code]++
	s.ByLegalForm[leg.code]++
	if sec.text != "" {
		s.SectorTexts[sec.code] = sec.text
	}
	if leg.text != "" {
		s.LegalFormTexts[leg.code] = leg.text
	}
}
