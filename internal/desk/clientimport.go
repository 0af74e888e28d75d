package desk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sheet"
	"github.com/motpart/motpart/internal/vault"
)

// Bounds of a client import.
const (
	// maxImportRows is the most data rows an import file may hold; a
	// larger file is refused whole.
	maxImportRows = 100_000
	// maxImportCell is the most runes an imported number cell keeps in
	// the report.
	maxImportCell = 64
	// importDetectRows is how many rows after the header are looked at to
	// find the columns; importPreviewRows how many a preview shows.
	importDetectRows  = 200
	importPreviewRows = 10
	// importProgressEvery is how many rows pass between progress calls and
	// looks at ctx.
	importProgressEvery = 256
)

// numberHeaderWords are header words, folded by sheet.FoldHeader, that
// name a column of organisation numbers, in the four languages.
var numberHeaderWords = []string{
	"orgnr", "orgno", "orgnum", "orgnummer", "organisasjonsnummer", "organisationsnummer",
	"organisationsnr", "organisationnumber", "organizationnumber", "companynumber", "companyid",
	"corporateid", "businessid", "ytunnus", "yritystunnus", "foretagsnummer", "foretaksnummer",
	"peorgnr", "regnr", "registreringsnummer",
}

// numberHeader reports whether header h names a column of organisation
// numbers.
func numberHeader(h string) bool {
	f := sheet.FoldHeader(h)
	for _, w := range numberHeaderWords {
		if f == w || len(w) > 4 && strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// numberScore scores a cell for sheet.DetectColumn: 1 for a valid NO, SE
// or FI organisation number, ½ for the shape of one (9 or 10 digits, or
// 7 and a check digit, with spaces or hyphens).
func numberScore(cell string, opt ident.Options) float64 {
	if _, err := parseClientNumber(cell, opt); err == nil {
		return 1
	}
	digits := 0
	for _, c := range strings.TrimSpace(cell) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-':
		default:
			return 0
		}
	}
	if digits == 8 || digits == 9 || digits == 10 {
		return 0.5
	}
	return 0
}

// importColumns finds the columns of header and rows: the numbers, the
// reference and the responsible person; -1 for each not found.
func importColumns(header []string, rows [][]string, opt ident.Options) (num, ref, resp int) {
	score := func(cell string) float64 { return numberScore(cell, opt) }
	num = sheet.DetectColumn(header, rows, score, numberHeader)
	ref = sheet.ColumnByWords(header, sheet.ReferenceWords, num)
	resp = sheet.ColumnByWords(header, sheet.ResponsibleWords, num, ref)
	return num, ref, resp
}

// openImport opens an import file; its errors are given problem codes.
func openImport(path string) (sheet.Reader, error) {
	r, err := sheet.Open(path)
	if err != nil {
		return nil, importProblem(err)
	}
	return r, nil
}

// importProblem gives a reading error its problem code.
func importProblem(err error) error {
	var coder problem.Coder
	var fe *sheet.FormatError
	var le *sheet.LimitError
	var pe *fs.PathError
	switch {
	case errors.As(err, &coder) && coder.Problem() != "":
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return problem.New(problem.CodeCanceled, err)
	case errors.As(err, &fe), errors.As(err, &le), errors.As(err, &pe):
		return problem.New(problem.CodeCustomerFileUnreadable, err)
	}
	return problem.New(problem.CodeCustomerFileUnreadable, err)
}

// PreviewClientImport reads the start of a CSV or XLSX file and finds the
// columns holding the numbers, the reference and the responsible person.
func (d *Desk) PreviewClientImport(path string) (portfolio.ImportPreview, error) {
	r, err := openImport(path)
	if err != nil {
		return portfolio.ImportPreview{}, err
	}
	defer r.Close()
	header, rows, err := sheet.ReadStart(r, importDetectRows)
	if err != nil {
		return portfolio.ImportPreview{}, importProblem(err)
	}
	p := portfolio.ImportPreview{Header: header, Format: r.Format()}
	p.Column, p.ReferenceColumn, p.ResponsibleColumn = importColumns(header, rows, d.identOptions(""))
	p.Rows = rows[:min(len(rows), importPreviewRows)]
	return p, nil
}

// ImportClients imports the clients of a CSV (",", ";" or tab; UTF-8,
// UTF-8 with BOM or Windows-1252) or XLSX file, reporting every row. The
// first non-blank row is the header. opt.Column -1 finds the number
// column as PreviewClientImport does (problem.CodeImportNoNumberColumn
// when none is found); the reference and responsible columns are only
// read when given. It adds all the new clients in one transaction at the
// end: cancelled or failed, it adds none. A file of more than 100,000
// rows is refused. A row's Line counts the file's records (a quoted
// line break inside a CSV field does not start a new one). progress is called with rows read and the total (-1
// when unknown).
func (d *Desk) ImportClients(ctx context.Context, path string, opt portfolio.ImportOptions, progress func(done, total int)) (portfolio.ImportReport, error) {
	var rep portfolio.ImportReport
	if progress == nil {
		progress = func(int, int) {}
	}
	existing, err := d.clientSet()
	if err != nil {
		return rep, err
	}
	r, err := openImport(path)
	if err != nil {
		return rep, err
	}
	defer r.Close()
	imp := importer{d: d, opt: opt, ident: d.identOptions(""), existing: existing, seen: map[string]bool{}}
	if err := imp.read(ctx, r, progress); err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, problem.New(problem.CodeCanceled, err)
	}
	if err := d.addImported(ctx, &imp); err != nil {
		return rep, err
	}
	return imp.report, nil
}

// clientSet returns the numbers of the clients.
func (d *Desk) clientSet() (map[string]bool, error) {
	set := map[string]bool{}
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			return tx.ForEach(clientsBucket, func(id string, _ []byte) error {
				set[id] = true
				return nil
			})
		}))
	})
	return set, err
}

// importer reads an import file row by row.
type importer struct {
	d        *Desk
	opt      portfolio.ImportOptions
	ident    ident.Options
	existing map[string]bool
	seen     map[string]bool
	report   portfolio.ImportReport
	added    []portfolio.Client
}

// read reads every row of r into the report.
func (imp *importer) read(ctx context.Context, r sheet.Reader, progress func(done, total int)) error {
	total := r.Total()
	if total > 0 {
		total--
	}
	line := 0
	next := func() ([]string, error) {
		row, err := r.Next()
		if err == nil {
			line++
		}
		return row, err
	}
	var header []string
	for header == nil {
		row, err := next()
		if errors.Is(err, io.EOF) {
			return problem.New(problem.CodeEmptyImport, errors.New("the file is empty"))
		}
		if err != nil {
			return importProblem(err)
		}
		if !sheet.Blank(row) {
			header = row
		}
	}
	var pending [][]string
	if imp.opt.Column < 0 {
		// Find the number column in the first rows, then go on with them.
		for len(pending) < importDetectRows {
			row, err := next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return importProblem(err)
			}
			pending = append(pending, row)
		}
		num, _, _ := importColumns(header, pending, imp.ident)
		if num < 0 {
			return problem.New(problem.CodeImportNoNumberColumn, nil)
		}
		imp.opt.Column = num
	}
	headerLine := line - len(pending)
	progress(0, total)
	done := 0
	for {
		var row []string
		if done < len(pending) {
			row = pending[done]
		} else {
			var err error
			row, err = next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return importProblem(err)
			}
		}
		done++
		if done > maxImportRows {
			return problem.New(problem.CodeCustomerFileUnreadable, fmt.Errorf("the file holds more than %d rows", maxImportRows))
		}
		imp.row(headerLine+done, row)
		if done%importProgressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return problem.New(problem.CodeCanceled, err)
			}
			progress(done, total)
		}
	}
	progress(done, max(total, done))
	return nil
}

// cell returns column c of row, trimmed; "" when the row is shorter or c
// is -1.
func cell(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[c])
}

// row reports one data row.
func (imp *importer) row(line int, row []string) {
	value := cell(row, imp.opt.Column)
	ir := portfolio.ImportRow{Line: line, Value: cutRunes(value, maxImportCell)}
	rep := &imp.report
	n, err := parseClientNumber(value, imp.ident)
	switch {
	case value == "":
		ir.Outcome = portfolio.ImportEmpty
		rep.Empty++
	case err != nil:
		ir.Outcome, ir.Reason = portfolio.ImportInvalid, invalidReason(err)
		rep.Invalid++
	default:
		ir.Number, ir.Country = n.String(), string(n.Country())
		switch {
		case imp.seen[ir.Number]:
			ir.Outcome = portfolio.ImportDuplicate
			rep.Duplicate++
		case imp.existing[ir.Number]:
			ir.Outcome = portfolio.ImportExisting
			rep.Existing++
		default:
			ir.Outcome = portfolio.ImportAdded
			rep.Added++
			imp.added = append(imp.added, imp.d.newClient(n, cell(row, imp.opt.ReferenceColumn), cell(row, imp.opt.ResponsibleColumn)))
		}
		imp.seen[ir.Number] = true
	}
	rep.Rows = append(rep.Rows, ir)
}

// invalidReason is ident's English words for why a number is not valid.
func invalidReason(err error) string {
	var pe *ident.ParseError
	if errors.As(err, &pe) {
		return strings.TrimPrefix(pe.Error(), "ident: ")
	}
	if e := errors.Unwrap(err); e != nil {
		return e.Error()
	}
	return err.Error()
}

// cutRunes cuts s to n runes.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// addImported adds the new clients of an import in one transaction, with
// the audit entry. A client added since the import began is reported as
// existing and left as it is.
func (d *Desk) addImported(ctx context.Context, imp *importer) error {
	rep := &imp.report
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := ctx.Err(); err != nil {
				return problem.New(problem.CodeCanceled, err)
			}
			now := map[string]bool{}
			for _, c := range imp.added {
				switch _, err := getClient(tx, c.Number); {
				case err == nil:
					now[c.Number] = true
					continue
				case problem.CodeOf(err) != problem.CodeNotAClient:
					return err
				}
				if err := fillFromDossier(tx, &c); err != nil {
					return err
				}
				if err := putClient(tx, c); err != nil {
					return err
				}
			}
			if len(now) > 0 {
				for i, r := range rep.Rows {
					if r.Outcome == portfolio.ImportAdded && now[r.Number] {
						rep.Rows[i].Outcome = portfolio.ImportExisting
						rep.Added--
						rep.Existing++
					}
				}
			}
			return tx.Audit(vault.AuditEntry{Action: "client.import", Detail: fmt.Sprintf("%d added", rep.Added)})
		}))
	})
}
