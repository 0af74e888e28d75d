package desk

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sheet"
	"github.com/motpart/motpart/internal/vault"
)

// ExportClients writes the client list to path, as XLSX or CSV by its
// extension (CSV: UTF-8 with BOM, ";" and CRLF, as Excel opens it), whole
// or not at all, in the words of l (its nil funcs: English). Audited.
func (d *Desk) ExportClients(path string, l portfolio.Labels) error {
	clients, err := d.Clients()
	if err != nil {
		return err
	}
	l = l.WithDefaults()
	cols := portfolio.ClientColumns()
	err = writeExport(path, cols, l, len(clients), func(i int) []string {
		c := clients[i]
		row := make([]string, len(cols))
		for j, col := range cols {
			row[j] = clientCell(c, col, l)
		}
		return row
	})
	if err != nil {
		return err
	}
	return d.auditExport("client.export", path, fmt.Sprintf("%d clients", len(clients)))
}

// ExportChanges writes the changes the filter keeps to path, as
// ExportClients writes, newest first. Audited.
func (d *Desk) ExportChanges(path string, f portfolio.ChangeFilter, l portfolio.Labels) error {
	changes, err := d.ClientChanges(f)
	if err != nil {
		return err
	}
	l = l.WithDefaults()
	cols := portfolio.ChangeColumns()
	err = writeExport(path, cols, l, len(changes), func(i int) []string {
		c := changes[i]
		row := make([]string, len(cols))
		for j, col := range cols {
			row[j] = changeCell(c, col, l)
		}
		return row
	})
	if err != nil {
		return err
	}
	return d.auditExport("client.export_changes", path, fmt.Sprintf("%d changes", len(changes)))
}

// auditExport records an export: the file's name (not its folder) and
// what it held.
func (d *Desk) auditExport(action, path, detail string) error {
	return d.withVault(func(v *vault.Vault) error {
		return d.audit(v, action, filepath.Base(path), detail)
	})
}

// writeExport writes the header of cols and n rows to path.
func writeExport(path string, cols []portfolio.Column, l portfolio.Labels, n int, row func(int) []string) error {
	format, err := sheet.FormatOf(path)
	if err != nil {
		return problem.New(problem.CodeOutputWriteFailed, err)
	}
	guard := func(r []string) []string { return r }
	if format == sheet.FormatCSV {
		guard = csvSafe
	}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = l.Column(c)
	}
	err = sheet.WriteFile(path, func(w sheet.Writer) error {
		if err := w.Write(guard(header)); err != nil {
			return err
		}
		for i := range n {
			if err := w.Write(guard(row(i))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return problem.New(problem.CodeOutputWriteFailed, err)
	}
	return nil
}

// csvSafe keeps a spreadsheet from taking a cell of a CSV file for a
// formula: a cell that starts with "=", "+", "-", "@" or a tab gets a
// "'" in front (names and addresses come from registers and imports).
func csvSafe(row []string) []string {
	for i, s := range row {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			row[i] = "'" + s
		}
	}
	return row
}

// exportDate and exportTime are how dates and times are written, in UTC.
const (
	exportDate = "2006-01-02"
	exportTime = "2006-01-02 15:04"
)

// clientCell is column col of client c.
func clientCell(c portfolio.Client, col portfolio.Column, l portfolio.Labels) string {
	switch col {
	case portfolio.ColumnNumber:
		return c.Number
	case portfolio.ColumnCountry:
		return c.Country
	case portfolio.ColumnName:
		return c.Name
	case portfolio.ColumnReference:
		return c.Reference
	case portfolio.ColumnResponsible:
		return c.Responsible
	case portfolio.ColumnAdded:
		return formatTime(c.Added, exportDate)
	case portfolio.ColumnStanding:
		return l.Standing(c.Standing)
	case portfolio.ColumnRisk:
		if c.Risk == portfolio.RiskNone {
			return ""
		}
		return l.Risk(c.Risk)
	case portfolio.ColumnFlags:
		words := make([]string, len(c.Flags))
		for i, f := range c.Flags {
			words[i] = l.Reason(f)
		}
		return strings.Join(words, "; ")
	case portfolio.ColumnLastChecked:
		return formatTime(c.LastChecked, exportTime)
	case portfolio.ColumnLastOutcome:
		return l.Outcome(c.LastOutcome)
	}
	return ""
}

// changeCell is column col of change c.
func changeCell(c portfolio.Change, col portfolio.Column, l portfolio.Labels) string {
	switch col {
	case portfolio.ColumnDetected:
		return formatTime(c.Detected, exportTime)
	case portfolio.ColumnNumber:
		return c.Number
	case portfolio.ColumnName:
		return c.Name
	case portfolio.ColumnRisk:
		return l.Risk(c.Risk)
	case portfolio.ColumnReason:
		return l.Reason(c.Reason)
	case portfolio.ColumnField:
		return l.Field(c.Field)
	case portfolio.ColumnOld:
		return changeValueWords(c.Field, c.Old, l)
	case portfolio.ColumnNew:
		return changeValueWords(c.Field, c.New, l)
	case portfolio.ColumnDate:
		return c.Date
	case portfolio.ColumnSource:
		return c.Source
	}
	return ""
}

// formatTime writes t in UTC by layout; "" for the zero time.
func formatTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(layout)
}

// changeValueWords is a change's old or new value as an export writes it:
// a status in words (portfolio.Diff writes its code), the rest as the
// register gave it.
func changeValueWords(f portfolio.Field, v string, l portfolio.Labels) string {
	switch {
	case v == "" || f != portfolio.FieldStatus:
		return v
	case v == portfolio.StatusStruckOff:
		return l.Reason(portfolio.ReasonStruckOff)
	}
	return l.Standing(dossier.Standing(v))
}
