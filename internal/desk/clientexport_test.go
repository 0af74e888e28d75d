package desk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// exportDesk returns a desk with two clients and two changes.
func exportDesk(t *testing.T) *Desk {
	t.Helper()
	d := newClientDesk(t)
	if _, err := d.AddClient("923609016", "K-1", "Kari"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddClient("556074-7569", "=HYPERLINK(\"x\")", ""); err != nil {
		t.Fatal(err)
	}
	putTestRecords(t, d, func(tx *vault.Tx) error {
		c, err := getClient(tx, "923609016")
		if err != nil {
			return err
		}
		c.Name, c.Standing, c.LastChecked, c.LastOutcome = "Equinor ASA", dossier.StandingBankrupt, testNow, portfolio.OutcomeLookedUp
		if err := putClient(tx, c); err != nil {
			return err
		}
		for _, ch := range []portfolio.Change{
			{ID: "1", Number: "923609016", Name: "Equinor ASA", Detected: testNow.Add(-time.Hour), Date: "2026-11-25", Source: "brreg",
				Field: portfolio.FieldStatus, New: "Bankrupt", Risk: portfolio.RiskHigh, Reason: portfolio.ReasonBankruptcyOpened},
			{ID: "2", Number: "923609016", Name: "Equinor ASA", Detected: testNow.Add(-2 * time.Hour), Source: "brreg",
				Field: portfolio.FieldName, Old: "Statoil", New: "Equinor ASA", Risk: portfolio.RiskLow, Reason: portfolio.ReasonRenamed},
		} {
			if err := putChange(tx, ch); err != nil {
				return err
			}
		}
		return nil
	})
	return d
}

// swedishish are labels in another language, to see that they are used.
var swedishish = portfolio.Labels{
	Column: func(c portfolio.Column) string { return "SV-" + string(c) },
	Risk:   func(r portfolio.Risk) string { return "risk-" + r.String() },
	Reason: func(r portfolio.Reason) string { return "skäl-" + string(r) },
}

func TestExportClientsCSV(t *testing.T) {
	d := exportDesk(t)
	path := filepath.Join(t.TempDir(), "klienter.csv")
	if err := d.ExportClients(path, swedishish); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBF" +
		"SV-number;SV-country;SV-name;SV-reference;SV-responsible;SV-standing;SV-risk;SV-flags;SV-added;SV-last_checked;SV-last_outcome\r\n" +
		"923609016;NO;Equinor ASA;K-1;Kari;Bankrupt;risk-high;skäl-bankruptcy_opened;2026-11-26;2026-11-26 09:30;Looked up\r\n" +
		"556074-7569;SE;;\"'=HYPERLINK(\"\"x\"\")\";;Active;;;2026-11-26;;Not checked\r\n"
	if string(b) != want {
		t.Errorf("CSV =\n%q\nwant\n%q", b, want)
	}
	if a := auditActions(t, d); a[len(a)-1] != "client.export" {
		t.Errorf("audit = %q", a)
	}
}

func TestExportChangesXLSX(t *testing.T) {
	d := exportDesk(t)
	path := filepath.Join(t.TempDir(), "changes.xlsx")
	if err := d.ExportChanges(path, portfolio.ChangeFilter{}, portfolio.EnglishLabels()); err != nil {
		t.Fatal(err)
	}
	sheet := readZipEntry(t, path, "xl/worksheets/sheet1.xml")
	for _, s := range []string{"Detected", "Organisation number", "2026-11-26 08:30", "Equinor ASA", "Statoil", "High", "Low", "2026-11-25"} {
		if !strings.Contains(sheet, s) {
			t.Errorf("the sheet lacks %q:\n%s", s, sheet)
		}
	}
	if i, j := strings.Index(sheet, "08:30"), strings.Index(sheet, "07:30"); i < 0 || j < 0 || i > j {
		t.Errorf("the changes are not newest first")
	}
	// A filter keeps only the high one.
	path2 := filepath.Join(t.TempDir(), "high.csv")
	if err := d.ExportChanges(path2, portfolio.ChangeFilter{MinRisk: portfolio.RiskHigh}, portfolio.Labels{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path2)
	if n := strings.Count(string(b), "\r\n"); n != 2 || strings.Contains(string(b), "Statoil") {
		t.Errorf("filtered CSV has %d lines:\n%s", n, b)
	}
	if a := auditActions(t, d); a[len(a)-1] != "client.export_changes" {
		t.Errorf("audit = %q", a)
	}
}

func TestExportWholeOrNothing(t *testing.T) {
	d := exportDesk(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		path string
	}{
		{"an unknown extension", filepath.Join(dir, "x.pdf")},
		{"a folder that is not there", filepath.Join(dir, "none", "x.csv")},
	}
	for _, tc := range tests {
		if err := d.ExportClients(tc.path, portfolio.Labels{}); problem.CodeOf(err) != problem.CodeOutputWriteFailed {
			t.Errorf("%s: ExportClients = %v, want %s", tc.name, err, problem.CodeOutputWriteFailed)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}
